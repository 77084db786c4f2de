"""How long Qt takes to draw one demo frame full screen: `python -m tools.demo_figures.bench`.

Each demo is drawn into a 1920x1080 image at many moments of its loop (as the player will,
setting the frame and then rendering). Prints median, 95th percentile and worst milliseconds per
frame; a 60 Hz screen allows 16.7 ms for everything, so a demo should take a small part of that.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from .build import ANIMATIONS_DIR, render_all
from .preview import QT_SVG_FPS, application


def measure(svg: Path, frames: int, width: int = 1920, height: int = 1080) -> list[float]:
    """Milliseconds to set the frame and render it, for `frames` moments spread over the loop."""
    renderer = QSvgRenderer(str(svg))
    loop = renderer.animationDuration() / 1000.0
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    size = renderer.defaultSize().scaled(width, height, Qt.AspectRatioMode.KeepAspectRatio)
    target = QRectF((width - size.width()) / 2, (height - size.height()) / 2, size.width(), size.height())
    timings = []
    for index in range(frames):
        image.fill(QColor("white"))
        started = time.perf_counter()
        renderer.setCurrentFrame(round(loop * index / frames * QT_SVG_FPS))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, target)
        painter.end()
        timings.append((time.perf_counter() - started) * 1000.0)
    return timings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--frames", type=int, default=300, help="frames per demo (default 300)")
    parser.add_argument("--folder", type=Path, default=None, help="demo folder (default: freshly generated)")
    args = parser.parse_args(argv)
    application()
    folder = args.folder
    if folder is None:
        import tempfile

        folder = Path(tempfile.mkdtemp(prefix="demo-bench-"))
        for name, text in render_all().items():
            (folder / name).write_text(text, encoding="utf-8")
    elif not any(folder.glob("*.svg")):
        folder = ANIMATIONS_DIR
    print(f"{'demo':16} {'median ms':>10} {'p95 ms':>8} {'max ms':>8}  (1920x1080, {args.frames} frames)")
    for svg in sorted(folder.glob("*.svg")):
        timings = sorted(measure(svg, args.frames))
        p95 = timings[min(len(timings) - 1, int(len(timings) * 0.95))]
        print(f"{svg.stem:16} {statistics.median(timings):10.2f} {p95:8.2f} {timings[-1]:8.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
