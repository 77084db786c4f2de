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


def test_once_the_work_ran_nothing_of_it_wakes_the_kiosk_again(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The fallback timer once fired 5 s after every start even when the work had run at the
    first paint: a wake-up on a page nobody touches."""
    from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    monkeypatch.setattr(first_paint, "FALLBACK_MS", 400)
    window = QWidget()
    qtbot.addWidget(window)
    ran: list[bool] = []
    first_paint.after_first_paint(window, lambda: ran.append(True))
    window.show()
    qtbot.waitUntil(lambda: ran == [True], timeout=2_000)

    seen: list[str] = []

    class TimerEvents(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            # a QTimer's: the fallback was one; Qt's own housekeeping (the font cache) is not
            is_timer = event.type() == QEvent.Type.Timer and isinstance(watched, QTimer)
            if is_timer and watched.objectName() != "TestWaitEnd":
                seen.append(f"{watched!r} {watched.objectName()!r} {watched.parent()!r}")
            return False

    counter = TimerEvents()
    application = QApplication.instance()
    assert application is not None
    application.installEventFilter(counter)
    loop = QEventLoop()
    end = QTimer()
    end.setObjectName("TestWaitEnd")
    end.setSingleShot(True)
    end.timeout.connect(loop.quit)
    try:
        end.start(800)  # past the fallback
        loop.exec()
    finally:
        application.removeEventFilter(counter)
    assert seen == []
    assert ran == [True]
