"""Exercise demo frames: how long one frame of each bundled animated SVG takes at 1920x1080.

Each frame is drawn through the exercise player's figure widget: its time is set for a moment of
the loop, then the widget paints itself into a full-screen image. If the pack holds no demos
yet, they are generated from the demo generator in `tools/demo_figures` into a temporary folder,
so the figure is still measured.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path
from typing import Any

from PySide6.QtGui import QColor, QImage

from kiosk.bench.stats import summary
from kiosk.content.bundled import bundled_pack_dir


def demo_files(scratch: Path) -> tuple[list[Path], str]:
    """The pack's animated SVGs, else freshly generated ones; and where they came from."""
    demos = bundled_pack_dir() / "animations"
    found = sorted(demos.glob("*.svg")) if demos.is_dir() else []
    if found:
        return found, "pack"
    try:
        from tools.demo_figures.build import render_all
    except ImportError:
        return [], "none"
    for name, text in render_all().items():
        (scratch / name).write_text(text, encoding="utf-8")
    return sorted(scratch.glob("*.svg")), "generated"


def frame_times(svg: Path, frames: int, width: int = 1920, height: int = 1080) -> list[float]:
    """Per-frame cost through the exercise player's figure widget: set its time, then paint it
    (the same `show_time` + `paintEvent` the player's timer causes), filling the whole screen."""
    from kiosk.ui.exercise.figures import SvgFigure

    figure = SvgFigure(svg, "")
    if not figure.renderer.isValid():
        raise ValueError(f"{svg} cannot be drawn")
    figure.resize(width, height)
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    loop = figure.loop_seconds or 1.0
    timings = []
    for index in range(frames):
        start = time.perf_counter()
        figure.show_time(loop * index / frames)
        image.fill(QColor("#f7f3ee"))
        figure.render(image)
        timings.append((time.perf_counter() - start) * 1000)
    figure.deleteLater()
    return timings


def demo_frames(frames: int) -> dict[str, Any]:
    from kiosk.ui.app import application

    application()
    with tempfile.TemporaryDirectory() as scratch:
        files, source = demo_files(Path(scratch))
        per_demo = {svg.stem: summary(frame_times(svg, frames)) for svg in files}
    worst_p95 = max((figures["p95"] for figures in per_demo.values()), default=float("nan"))
    return {"source": source, "demos": per_demo, "worst_p95": worst_p95}
