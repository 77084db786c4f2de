"""The moving figure, one small class per demo format behind one interface.

Every figure is told where to be (`show_time(seconds into the loop)`) by the player's clock and
never runs a clock of its own: QSvgRenderer's animation timer is switched off, a QMovie is stepped
with `jumpToFrame`, a video is seeked. So a paused player costs nothing and the figure can never
drift from the highlighted step and the counters.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QMovie, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.content.escape import escape
from kiosk.ui import resources
from kiosk.ui.paint_errors import reports_errors

log = logging.getLogger(__name__)

QT_SVG_FPS = 30
DEMO_FRAME_BUDGET_SECONDS = 0.5
"""A demo frame that takes longer than this to draw (the checks keep real demos under 10 ms) makes
the figure stop drawing the demo: a calm placeholder follows, so the screen never freezes frame by
frame. The clock, the steps and the counters carry on."""
"""QSvgRenderer counts frames at 30 per second whatever framesPerSecond says (Qt 6.12)."""


class DemoFigure(QWidget):
    """Draws the demo at one moment of its loop, centred and keeping its proportions."""

    def __init__(self, aspect: float, alt: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.aspect = resources.clamp_aspect(aspect)
        self.setObjectName("DemoFigure")
        self.setAccessibleName(alt)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.seconds = 0.0
        self.note = ""
        """Why the demo cannot move (shown by the player instead of a blank box)."""

    @property
    def loop_seconds(self) -> float | None:
        """Length of one loop as the format reports it; None for a still picture."""
        return None

    def show_time(self, seconds: float) -> None:
        self.seconds = seconds
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(800, resources.clamp_px(800 * self.aspect))

    def minimumSizeHint(self) -> QSize:
        return QSize(160, 120)

    def target_rect(self) -> QRectF:
        width, height = float(self.width()), float(self.height())
        if self.aspect * width > height:
            width = height / self.aspect
        else:
            height = width * self.aspect
        return QRectF((self.width() - width) / 2, (self.height() - height) / 2, width, height)

    @reports_errors
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self.draw(painter, self.target_rect())

    def draw(self, painter: QPainter, target: QRectF) -> None:
        raise NotImplementedError


class SvgFigure(DemoFigure):
    """An animated SVG: the renderer's frame is set from the clock right before each paint."""

    def __init__(self, path: Path, alt: str, parent: QWidget | None = None) -> None:
        data = resources.checked_bytes(path)  # drawn from the bytes that passed the checks
        self.renderer = QSvgRenderer(QByteArray(data or b""))
        self.renderer.setAnimationEnabled(False)  # its own timer would drive repaints; ours does
        box = self.renderer.viewBoxF()
        super().__init__(box.height() / box.width() if box.width() > 0 else 0.75, alt, parent)
        self.renderer.setParent(self)
        self.frame = 0
        self.path = path
        self.too_slow = False

    @property
    def loop_seconds(self) -> float | None:
        return self.renderer.animationDuration() / 1000.0 or None

    def show_time(self, seconds: float) -> None:
        self.frame = round(seconds * QT_SVG_FPS)
        self.renderer.setCurrentFrame(self.frame)
        super().show_time(seconds)

    def draw(self, painter: QPainter, target: QRectF) -> None:
        if self.too_slow:
            painter.setPen(QPen(QColor("#b7ada2"), 3, Qt.PenStyle.DashLine))
            painter.drawRoundedRect(target.adjusted(4, 4, -4, -4), 16, 16)
            return
        self.renderer.setCurrentFrame(self.frame)
        started = time.monotonic()
        self.renderer.render(painter, target)
        took = time.monotonic() - started
        if took > DEMO_FRAME_BUDGET_SECONDS:
            self.too_slow = True
            log.warning(
                "the demo %s took %.1f s to draw one frame; showing a placeholder instead",
                escape(str(self.path)),
                took,
            )


class MovieFigure(DemoFigure):
    """An animated GIF or WebP through QMovie, stepped with jumpToFrame (never started)."""

    def __init__(self, path: Path, alt: str, parent: QWidget | None = None) -> None:
        data = resources.checked_bytes(path)  # frames x pixels were bounded on these very bytes
        self._buffer = QBuffer()
        self._buffer.setData(QByteArray(data or b""))
        self.movie = QMovie(self._buffer, QByteArray(path.suffix.lower().lstrip(".").encode()))
        self._buffer.setParent(self.movie)
        self.movie.setCacheMode(QMovie.CacheMode.CacheAll)
        self.frame_starts: list[float] = []
        total = 0.0
        for index in range(max(1, self.movie.frameCount())):
            if not self.movie.jumpToFrame(index):
                break
            self.frame_starts.append(total)
            total += max(self.movie.nextFrameDelay(), 10) / 1000.0  # browsers treat 0 delay as 10 ms
        self._loop = total
        self.movie.jumpToFrame(0)
        size = self.movie.currentImage().size()
        super().__init__(size.height() / size.width() if size.width() > 0 else 0.75, alt, parent)
        self.movie.setParent(self)
        self.frame = 0

    @property
    def loop_seconds(self) -> float | None:
        return self._loop or None

    def show_time(self, seconds: float) -> None:
        frame = 0
        for index, start in enumerate(self.frame_starts):
            if start <= seconds + 1e-9:
                frame = index
        if frame != self.frame:
            self.frame = frame
            self.movie.jumpToFrame(frame)
        super().show_time(seconds)

    def draw(self, painter: QPainter, target: QRectF) -> None:
        painter.drawImage(target, self.movie.currentImage())


class StillFigure(DemoFigure):
    """A still picture: the clock then drives only the steps and the counters."""

    def __init__(self, path: Path, alt: str, note: str = "", parent: QWidget | None = None) -> None:
        super().__init__(resources.picture_aspect(path), alt, parent)
        self.path = path
        self.note = note

    def draw(self, painter: QPainter, target: QRectF) -> None:
        ratio = self.devicePixelRatioF()
        width, height = resources.clamp_px(target.width()), resources.clamp_px(target.height())
        pixmap = resources.picture(self.path, width, height, ratio)
        if pixmap is not None:
            painter.drawPixmap(target.topLeft(), pixmap)


class VideoFigure(DemoFigure):
    """An MP4 through QtMultimedia, kept paused and seeked to the clock's time."""

    def __init__(self, path: Path, alt: str, parent: QWidget | None = None) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtMultimedia import QMediaPlayer, QVideoFrame, QVideoSink

        super().__init__(9 / 16, alt, parent)
        self.image = QImage()
        self.sink = QVideoSink(self)
        self.media = QMediaPlayer(self)
        self.media.setVideoSink(self.sink)

        def frame_arrived(frame: QVideoFrame) -> None:
            image = frame.toImage()
            if not image.isNull():
                if self.image.isNull() and image.width() > 0:
                    self.aspect = resources.clamp_aspect(image.height() / image.width())
                    self.updateGeometry()
                self.image = image
                self.update()

        self.sink.videoFrameChanged.connect(frame_arrived)
        self.media.setSource(QUrl.fromLocalFile(str(path)))
        self.media.pause()
        self._position = -1

    @property
    def loop_seconds(self) -> float | None:
        return self.media.duration() / 1000.0 or None

    def show_time(self, seconds: float) -> None:
        position = round(seconds * 1000)
        if abs(position - self._position) >= 33:  # a new video frame at most 30 times a second
            self._position = position
            self.media.setPosition(position)
        self.seconds = seconds

    def draw(self, painter: QPainter, target: QRectF) -> None:
        if not self.image.isNull():
            painter.drawImage(target, self.image)
        else:
            painter.fillRect(target, QColor("#e7e1d8"))


def make_figure(animation: Path | None, still: Path, alt: str, video_note: str) -> DemoFigure:
    """The figure for a demo file, by its format; a still picture when there is none or it cannot play."""
    if animation is None:
        return StillFigure(still, alt)
    suffix = animation.suffix.lower()
    if suffix == ".svg":
        figure = SvgFigure(animation, alt)
        if figure.renderer.isValid():
            return figure
    elif suffix in (".gif", ".webp"):
        movie_figure = MovieFigure(animation, alt)
        if movie_figure.movie.isValid():
            return movie_figure
    elif suffix == ".mp4":
        try:
            return VideoFigure(animation, alt)
        except ImportError as error:  # a build without QtMultimedia
            log.warning("video demos cannot play here (%s); showing the picture", error)
            return StillFigure(still, alt, note=video_note)
    log.warning("the demo %s cannot be drawn; showing the picture", escape(str(animation)))
    return StillFigure(still, alt)


def snapshot(figure: DemoFigure, width: int, height: int) -> QPixmap:
    """The figure drawn off screen (for benchmarks and checks)."""
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("#f8f4ee"))
    painter = QPainter(image)
    figure.draw(painter, QRectF(0, 0, width, height))
    painter.end()
    return QPixmap.fromImage(image)
