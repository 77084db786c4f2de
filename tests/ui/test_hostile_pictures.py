"""Pictures that got past the checks (or were swapped after them) never crash or freeze the kiosk.

Each case runs in its own process: a crash in Qt's C++ would otherwise take the test run down with it,
and a generous timeout turns a hang into a failure instead of a stuck run.
"""

from __future__ import annotations

import logging
import os
import shutil
import struct
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import pytest

NS = 'xmlns="http://www.w3.org/2000/svg"'
MINI = Path(__file__).resolve().parents[1] / "packs" / "mini"

SHOW_PICTURE = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget
    from kiosk.ui.widgets import Picture

    app = QApplication([])
    window = QWidget()
    column = QVBoxLayout(window)
    picture = Picture(Path(sys.argv[1]), "alt")
    column.addWidget(picture)
    window.resize(1280, 800)
    window.show()
    for width in (1, 400, 1280, 16_000_000):
        picture.heightForWidth(width)
    app.processEvents()
    window.grab()
    print("shown", picture.height(), picture.failed)
    """
)


def show_in_a_process(path: Path) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-c", SHOW_PICTURE, str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        env=environment,
    )


@pytest.mark.parametrize(
    "view_box", ["0 0 1 6000000", "0 0 6000000 1", "0 0 1e-30 1e30", "0 0 3e38 1", "0 0 1 NaN"]
)
def test_extreme_drawing_shapes_are_shown_without_crashing(tmp_path: Path, view_box: str) -> None:
    path = tmp_path / "strip.svg"
    path.write_text(f'<svg {NS} viewBox="{view_box}"><rect width="1" height="1"/></svg>')
    finished = show_in_a_process(path)
    assert finished.returncode == 0, finished.stderr[-2000:]
    assert finished.stdout.startswith("shown")
    assert "Overflow" not in finished.stderr


def fan_out(levels: int, copies: int) -> str:
    """A drawing of a few hundred bytes that asks for copies ** levels circles."""
    parts = ['<g id="l0"><circle r="3" cx="5" cy="5" fill="red" stroke="blue"/></g>']
    for level in range(1, levels + 1):
        uses = "".join(f'<use xlink:href="#l{level - 1}" x="{i / 10}"/>' for i in range(copies))
        parts.append(f'<g id="l{level}">{uses}</g>')
    return (
        f'<svg {NS} xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">'
        f'<defs>{"".join(parts)}</defs><use xlink:href="#l{levels}"/></svg>'
    )


def test_a_drawing_over_its_time_budget_is_stopped_and_the_next_one_draws(qapp: Any) -> None:
    from kiosk.ui.render_worker import DrawFailed, SvgDrawer

    drawer = SvgDrawer(budget=1.0)
    try:
        simple = drawer.draw(
            f'<svg {NS} viewBox="0 0 4 3"><rect width="4" height="3"/></svg>'.encode(), 40, 30
        )
        assert (simple.width(), simple.height()) == (40, 30)
        assert simple.pixelColor(20, 15).alpha() == 255
        started = time.monotonic()
        with pytest.raises(DrawFailed, match="longer than 1 s"):
            drawer.draw(fan_out(7, 10).encode(), 800, 800)
        assert time.monotonic() - started < 30  # stopped at its budget, not drawn to the end
        again = drawer.draw(f'<svg {NS} viewBox="0 0 4 3"><rect width="4" height="3"/></svg>'.encode(), 8, 6)
        assert again.pixelColor(4, 3).alpha() == 255
    finally:
        drawer.stop()


def test_a_picture_swapped_after_the_checks_is_not_drawn(
    qapp: Any, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from kiosk.content.loader import load_pack
    from kiosk.ui import resources

    pack = Path(shutil.copytree(MINI, tmp_path / "pack"))
    assert load_pack(pack).pack is not None
    square = pack / "images" / "square.svg"
    assert resources.picture(square, 80, 60) is not None
    square.write_text(fan_out(7, 10))  # passes nothing: it is far over the drawing budget
    circle = pack / "images" / "circle.svg"
    circle.write_text(f'<svg {NS} viewBox="0 0 4 3"><rect width="4" height="3" fill="#123456"/></svg>')
    with caplog.at_level(logging.WARNING):
        started = time.monotonic()
        assert resources.picture(square, 81, 61) is None
        assert time.monotonic() - started < 30
        redrawn = resources.picture(circle, 40, 30)
        assert resources.picture(square, 82, 62) is None  # drawn again at another size: no second line
    assert caplog.text.count("changed since it was checked and is refused") == 1
    assert "too long or too much memory" in caplog.text
    assert redrawn is not None and redrawn.toImage().pixelColor(20, 15).name() == "#123456"


def animated_gif(delays: list[int]) -> bytes:
    """A tiny animated GIF, one 1x1 frame per delay (hundredths of a second)."""
    out = b"GIF89a" + struct.pack("<HHBBB", 1, 1, 0, 0, 0)
    for delay in delays:
        out += b"\x21\xf9\x04\x00" + struct.pack("<H", delay) + b"\x00\x00"
        out += b"\x2c" + struct.pack("<HHHHB", 0, 0, 1, 1, 0) + b"\x02\x02\x4c\x01\x00"
    return out + b"\x3b"


def test_a_gif_demo_plays_from_checked_bytes_and_a_swapped_one_is_not_played(
    qapp: Any, tmp_path: Path
) -> None:
    from kiosk.content.media import file_problems
    from kiosk.ui.exercise.figures import MovieFigure, StillFigure, make_figure

    demo = tmp_path / "demo.gif"
    demo.write_bytes(animated_gif([50, 50, 100]))
    still = tmp_path / "still.svg"
    still.write_text(f'<svg {NS} viewBox="0 0 4 3"><rect width="4" height="3"/></svg>')
    assert file_problems(tmp_path, "demo.gif") == []
    figure = make_figure(demo, still, "alt", "")
    assert isinstance(figure, MovieFigure) and figure.loop_seconds == pytest.approx(2.0)
    figure.deleteLater()
    huge = b"GIF89a" + struct.pack("<HHBBB", 4096, 4096, 0, 0, 0) + animated_gif([5] * 40)[13:]
    demo.write_bytes(huge)  # swapped after the checks: 40 frames of 4096 x 4096
    assert isinstance(make_figure(demo, still, "alt", ""), StillFigure)


def test_a_demo_too_slow_to_draw_becomes_a_placeholder_and_the_clock_goes_on(
    qapp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QColor, QImage, QPainter

    from kiosk.ui.exercise import figures

    demo = tmp_path / "demo.svg"
    # Qt's SVG animator reads a wall clock, so a frame may land a few milliseconds late: a slow
    # colour change keeps that jitter from showing in the pixel the test reads.
    demo.write_text(
        f'<svg {NS} viewBox="0 0 4 3"><rect width="4" height="3" fill="#123456">'
        '<animateColor attributeName="fill" values="#123456;#654321" dur="1000s"/></rect></svg>'
    )
    figure = figures.make_figure(demo, demo, "alt", "")
    assert isinstance(figure, figures.SvgFigure)

    def frame() -> QImage:
        image = QImage(40, 30, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(QColor("#ffffff"))
        painter = QPainter(image)
        figure.draw(painter, QRectF(0, 0, 40, 30))
        painter.end()
        return image

    assert frame().pixelColor(20, 15).name() == "#123456"
    monkeypatch.setattr(figures, "DEMO_FRAME_BUDGET_SECONDS", -1.0)  # every frame is now too slow
    with caplog.at_level(logging.WARNING):
        frame()
        placeholder = frame()
    assert figure.too_slow
    assert placeholder.pixelColor(20, 15).name() == "#ffffff"  # not drawn again
    assert caplog.text.count("showing a placeholder instead") == 1
    figure.show_time(1.0)
    assert figure.seconds == 1.0
    figure.deleteLater()
