"""Loading fonts, icons and pictures: the only module that reads files for the UI.

Pictures come from a pack the loader has already checked (paths inside the pack, SVG without
external references, bounded image sizes and drawing work); here each file is read once per draw,
drawn only if those bytes are the ones that passed the checks (`checked_bytes`), and cached per
size. SVG pictures are drawn in a helper process with a time budget (`render_worker`). A picture
that cannot be drawn yields None and is logged, so a screen shows a calm placeholder rather than
crashing or freezing.
"""

from __future__ import annotations

import logging
import math
from collections import OrderedDict
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QSize
from PySide6.QtGui import (
    QColor,
    QFontDatabase,
    QIcon,
    QImage,
    QImageReader,
    QPainter,
    QPixmap,
    QPixmapCache,
)

from kiosk.content.bundled import BundledDataMissing, bundled_root
from kiosk.content.checked_media import digest, remember_checked, was_checked
from kiosk.content.escape import escape
from kiosk.content.media_limits import MAX_PICTURE_BYTES, MAX_SVG_BYTES
from kiosk.ui import fontconfig_warmup
from kiosk.ui.first_frame_pictures import FirstFramePictures
from kiosk.ui.icon_cache import cached_icon
from kiosk.ui.theme import FONT_FAMILIES, FONT_FAMILY

if TYPE_CHECKING:  # the helper's code is loaded with the first picture it draws
    from kiosk.ui.render_worker import SvgDrawer

log = logging.getLogger(__name__)

MAX_IMAGE_PIXELS = 40_000_000
MIN_ASPECT, MAX_ASPECT = 1 / 20, 20.0
"""Height / width a picture may have on screen. `kiosk validate` refuses pictures outside this range;
one that still arrives is drawn squeezed into it, so no widget size can overflow Qt's int."""
MAX_DRAW_PX = 8192
"""Largest side, in device pixels, of any picture drawn; a widget can never ask for more."""


def clamp_aspect(aspect: float) -> float:
    """`aspect` forced into [MIN_ASPECT, MAX_ASPECT]; 0.75 for nonsense (zero, negative, NaN, inf)."""
    if not math.isfinite(aspect) or aspect <= 0:
        return 0.75
    return min(max(aspect, MIN_ASPECT), MAX_ASPECT)


def clamp_px(value: float, limit: int = MAX_DRAW_PX) -> int:
    """A pixel length that Qt can take: rounded, never negative, never above `limit` (nor NaN)."""
    if not math.isfinite(value):
        return limit if value > 0 else 0
    return max(0, min(round(value), limit))


def _device_size(width: int, height: int, ratio: float) -> QSize:
    """The device pixels a picture of `width` x `height` logical px is drawn at, each side 1 to
    `MAX_DRAW_PX`."""
    return QSize(max(1, clamp_px(width * ratio)), max(1, clamp_px(height * ratio)))


def register_fonts() -> str:
    """Register the kiosk's font, Kiosk Hyperlegible (regular, bold, italics), and return its family.

    It is Atkinson Hyperlegible with a plain zero (`tools/kiosk_font.py`), data shipped with the
    kiosk (`kiosk.content.bundled`). Without it, text falls back to a system font and staff find
    why in the log."""
    fontconfig_warmup.wait()  # its configuration, loaded on a helper thread while Qt loaded
    try:
        fonts = bundled_root() / "fonts"
    except BundledDataMissing as error:
        log.warning("could not register the kiosk's font: %s", error)
        return FONT_FAMILY
    for name in ("Regular", "Bold", "Italic", "BoldItalic"):
        font = fonts / f"KioskHyperlegible-{name}.ttf"
        if not font.is_file() or QFontDatabase.addApplicationFontFromData(font.read_bytes()) < 0:
            log.warning("could not register font %s", font)
    for family in FONT_FAMILIES:
        if family not in QFontDatabase.families():
            log.warning("font %s is missing; text falls back to the system font", family)
    return FONT_FAMILY


def icon(name: str, colour: str) -> QIcon:
    """The qtawesome icon `name` drawn in `colour`; an unknown name gives a neutral book icon
    instead of an error. Before the first frame it comes from the icon cache when it can, so
    start-up need not import qtawesome (`icon_cache`)."""
    return cached_icon(name, colour)


PICTURE_CACHE_BYTES = 6 * 1024 * 1024
"""Drawn pictures kept for reuse: about two full-page pictures at 1920x1080, or one and a screen
of thumbnails. Kept screens (`screen_cache`) draw from it too, so it holds what they show;
larger, it made the kiosk's memory grow by more than 10 MB over a day of visits.

Bounded by bytes, not by count: a count bound lets a pack with many large pictures hold hundreds
of megabytes. Drawing a pack SVG again costs a few milliseconds, so a small cache is enough."""

_pictures: OrderedDict[tuple[str, int, int, float], QPixmap | None] = OrderedDict()
_pictures_bytes = 0


def _pixmap_bytes(pixmap: QPixmap | None) -> int:
    return 0 if pixmap is None else pixmap.width() * pixmap.height() * max(1, pixmap.depth() // 8)


def _cached_render(path_text: str, width: int, height: int, ratio: float) -> QPixmap | None:
    """`_render`, remembered least-recently-used first out within `PICTURE_CACHE_BYTES`.

    A picture that cannot be drawn is remembered too (as None), so it is logged once, not per paint.
    """
    global _pictures_bytes
    key = (path_text, width, height, ratio)
    if key in _pictures:
        _pictures.move_to_end(key)
        return _pictures[key]
    pixmap = _render(path_text, width, height, ratio)
    _pictures[key] = pixmap
    _pictures_bytes += _pixmap_bytes(pixmap)
    while _pictures_bytes > PICTURE_CACHE_BYTES and len(_pictures) > 1:
        _old_key, old = _pictures.popitem(last=False)
        _pictures_bytes -= _pixmap_bytes(old)
    return pixmap


def forget_drawn_pictures() -> None:
    """Drop every drawn picture and Qt's pixmap cache (icons, style parts): after an idle reset, what
    the last visit drew is not kept for the next one, and its memory can go back to the system."""
    global _pictures_bytes
    _pictures.clear()
    _pictures_bytes = 0
    QPixmapCache.clear()


def _render(path_text: str, width: int, height: int, ratio: float) -> QPixmap | None:
    path = Path(path_text)
    size = _device_size(width, height, ratio)
    data = checked_bytes(path)
    if data is None:
        return None
    if path.suffix.lower() == ".svg":
        image = _draw_svg(path, data, size)
        if image is None:
            return None
        pixmap = QPixmap.fromImage(image)
    else:
        pixmap = QPixmap(size)
        pixmap.fill(QColor(0, 0, 0, 0))
        buffer = QBuffer()
        buffer.setData(QByteArray(data))
        reader = QImageReader(buffer)
        source = reader.size()
        if not source.isValid() or source.width() * source.height() > MAX_IMAGE_PIXELS:
            log.warning("picture %s is missing or too large to draw", escape(str(path)))
            return None
        from PySide6.QtCore import Qt  # the first frame's pictures were kept: not drawn here

        reader.setScaledSize(source.scaled(size, Qt.AspectRatioMode.KeepAspectRatio))
        image = reader.read()
        if image.isNull():
            log.warning("picture %s cannot be read: %s", escape(str(path)), escape(reader.errorString()))
            return None
        painter = QPainter(pixmap)
        painter.drawImage((size.width() - image.width()) // 2, (size.height() - image.height()) // 2, image)
        painter.end()
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


def _draw_svg(path: Path, data: bytes, size: QSize) -> QImage | None:
    """The SVG drawn by the helper process (or, for the first frame, as an earlier start drew it)."""
    first_frame = _first_frame
    digest_hex = digest(data).hex() if first_frame is not None and first_frame.active else ""
    if first_frame is not None and digest_hex:
        found = first_frame.find(digest_hex, size.width(), size.height())
        if found is not None:
            return found
    from kiosk.ui.render_worker import DrawFailed

    try:
        image = _svg_drawer().draw(data, size.width(), size.height())
    except DrawFailed as reason:
        log.warning("picture %s is shown as a placeholder: %s", escape(str(path)), reason)
        return None
    if first_frame is not None and digest_hex:
        first_frame.note(digest_hex, image)
    return image


_first_frame: FirstFramePictures | None = None
_recorded: dict[str, bytes] = {}
"""Picture path -> sha256 of its checked bytes, for the start screen drawn from its record
(`remember_recorded_picture`)."""


def remember_recorded_picture(path: Path, checked_digest: bytes) -> None:
    """The picture at `path` as the start screen's record has it (`first_screen`): until the first
    frame is kept, it is drawn from the pixels an earlier start drew from those checked bytes and
    laid out with their aspect (`remember_aspect`), without reading and hashing the file. Those
    pixels were drawn from bytes that passed the checks, so nothing unchecked is shown, and hashing
    (OpenSSL, 3 ms) waits until after the first frame. A picture with no kept pixels is read and
    checked as usual; so is every picture once the first frame is kept, this one included."""
    _recorded[str(path)] = checked_digest


def _recorded_picture(path_text: str) -> bytes | None:
    first_frame = _first_frame
    return _recorded.get(path_text) if first_frame is not None and first_frame.active else None


def _kept_for_record(path_text: str, width: int, height: int, ratio: float) -> QPixmap | None:
    """The recorded picture from its kept pixels, or None. Not kept in the drawn-picture cache: once
    the first frame is kept, the next draw reads and checks the file."""
    recorded = _recorded_picture(path_text)
    if recorded is None or _first_frame is None or not path_text.lower().endswith(".svg"):
        return None
    size = _device_size(width, height, ratio)
    kept = _first_frame.find(recorded.hex(), size.width(), size.height())
    if kept is None:
        return None
    pixmap = QPixmap.fromImage(kept)
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


def keep_first_frame_pictures(folder: Path) -> FirstFramePictures:
    """From now until its `keep()`, SVG pictures are looked for in, and noted for, `folder`
    (`first_frame_pictures`); `kiosk run` calls it before building its window. Called again
    before the first frame was kept (the start screen from its record came first), it goes on
    with the same pictures."""
    global _first_frame
    if _first_frame is None or not _first_frame.active or _first_frame.folder != folder:
        _first_frame = FirstFramePictures(folder)
    return _first_frame


_drawer: SvgDrawer | None = None


def _svg_drawer() -> SvgDrawer:
    """The one helper process that draws SVG pictures (see `render_worker`), started when first needed."""
    global _drawer
    if _drawer is None:
        from kiosk.ui.render_worker import SvgDrawer

        _drawer = SvgDrawer()
    return _drawer


_refusals_logged: set[tuple[Path, bytes]] = set()
"""Pictures already refused in the log, so one bad file is one log line, not one per paint."""


def start_drawing_helper() -> None:
    """Start the drawing helper now, so it has loaded Qt by the time the first picture is painted."""
    _svg_drawer().start()


def checked_bytes(path: Path) -> bytes | None:
    """The picture's bytes, read once, if they are the bytes that passed the pack checks.

    Bytes that differ (the file was replaced after it was checked, or the picture was never
    checked) are checked now; if they fail, the picture is not drawn and one line is logged."""
    extension = path.suffix.lower()
    limit = MAX_SVG_BYTES if extension == ".svg" else MAX_PICTURE_BYTES
    try:
        with path.open("rb") as stream:
            data = stream.read(limit + 1)
    except OSError as error:
        log.warning("picture %s cannot be opened: %s", escape(str(path)), escape(str(error.strerror)))
        return None
    if was_checked(data):
        return data
    from kiosk.content.media import picture_data_problems  # the checks: only for bytes not checked yet

    problems = picture_data_problems(data, extension) if len(data) <= limit else [(0, "too large", "")]
    if problems:
        if (path, digest(data)) in _refusals_logged:
            return None
        _refusals_logged.add((path, digest(data)))
        log.warning(
            "picture %s changed since it was checked and is refused: %s",
            escape(str(path)),
            escape(problems[0][1])[:200],
        )
        return None
    remember_checked(data)
    return data


def picture(path: Path, width: int, height: int, ratio: float = 1.0) -> QPixmap | None:
    """The picture at `path` drawn to fit `width` x `height` logical px, keeping its proportions."""
    kept = _kept_for_record(str(path), width, height, ratio)
    return kept if kept is not None else _cached_render(str(path), width, height, ratio)


def picture_aspect(path: Path) -> float:
    """Height / width of a picture (0.75 for the pack's 800x600 drawings); 0.75 if unknown.

    Always within [MIN_ASPECT, MAX_ASPECT]: a drawing 1 unit wide and 6 million tall would
    otherwise ask for a widget height no C++ int can hold. Bytes whose aspect an earlier start
    measured (`remember_aspect`) are not parsed again, and the start screen's recorded picture is
    not even read before its first frame (`remember_recorded_picture`)."""
    recorded = _recorded_picture(str(path))
    known = _known_aspects.get(recorded) if recorded is not None else None
    return known if known is not None else measured_aspect(path)


def forget_measured_aspects() -> None:
    """Measure every picture's aspect again when next asked (each is measured once per path)."""
    measured_aspect.cache_clear()


@lru_cache(maxsize=1024)
def measured_aspect(path: Path) -> float:
    """`picture_aspect` from the picture's bytes on disk (once per path), never a recorded one."""
    data = checked_bytes(path)
    if data is None:
        return 0.75
    known = _known_aspects.get(digest(data)) if _known_aspects else None
    if known is not None:
        return known
    if path.suffix.lower() == ".svg":
        from PySide6.QtSvg import QSvgRenderer  # not before the first frame (`remember_aspect`)

        box = QSvgRenderer(QByteArray(data)).viewBoxF()
        if box.width() > 0 and box.height() > 0:
            return clamp_aspect(box.height() / box.width())
    else:
        buffer = QBuffer()
        buffer.setData(QByteArray(data))
        size = QImageReader(buffer).size()
        if size.isValid() and size.width() > 0:
            return clamp_aspect(size.height() / size.width())
    return 0.75


_known_aspects: dict[bytes, float] = {}


def remember_aspect(checked_digest: bytes, aspect: float) -> None:
    """The aspect of the picture whose checked bytes have `checked_digest`, as an earlier start
    measured it: the start screen drawn from its record (`first_screen`) lays out its picture
    without loading Qt's SVG module and parsing the drawing. An aspect is a property of the bytes,
    so bytes changed since have another digest and are measured as usual."""
    _known_aspects[checked_digest] = clamp_aspect(aspect)
