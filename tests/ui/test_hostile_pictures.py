"""Pictures that got past the checks (or were swapped after them) never crash or freeze the kiosk.

Each case runs in its own process: a crash in Qt's C++ would otherwise take the test run down with it,
and a generous timeout turns a hang into a failure instead of a stuck run.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

NS = 'xmlns="http://www.w3.org/2000/svg"'

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
