"""Work held back until the first frame runs once, after that frame, and is never skipped."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QWidget

from kiosk.ui import first_paint


def test_work_runs_once_after_the_first_paint(qtbot: Any) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    ran: list[bool] = []
    first_paint.after_first_paint(window, lambda: ran.append(True))
    qtbot.wait(first_paint.DELAY_MS * 2)
    assert ran == []  # not before the window is painted
    window.show()
    qtbot.waitUntil(lambda: ran == [True], timeout=2_000)
    window.update()
    window.repaint()
    qtbot.wait(first_paint.DELAY_MS * 3)
    assert ran == [True]  # later paints do not run it again


def test_work_for_a_window_never_painted_still_runs(qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(first_paint, "FALLBACK_MS", 300)
    window = QWidget()  # never shown, so never painted
    qtbot.addWidget(window)
    ran: list[bool] = []
    first_paint.after_first_paint(window, lambda: ran.append(True))
    qtbot.waitUntil(lambda: ran == [True], timeout=3_000)
