"""Work that waits until the kiosk's first frame is on screen.

A patient (or the staff who just restarted the kiosk) sees the first screen sooner when everything
that screen does not need waits: watching the pack store and the inbox, importing qtawesome and
filling the icon cache. `after_first_paint` runs such work once, shortly after the window's first
paint, or after `FALLBACK_MS` if the window is never painted (hidden behind another window), so it
is never skipped.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

DELAY_MS = 100
"""After the first paint, so the frame has reached the screen before the work starts."""
FALLBACK_MS = 5_000


def after_first_paint(window: QWidget, work: Callable[[], object]) -> None:
    """Run `work` once, `DELAY_MS` after `window` first paints (at the latest after `FALLBACK_MS`)."""
    done: list[bool] = []

    def run_once() -> None:
        if not done:
            done.append(True)
            window.removeEventFilter(watcher)
            work()

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and watched is window and not done:
                QTimer.singleShot(DELAY_MS, window, run_once)
            return False

    watcher = FirstPaint(window)
    window.installEventFilter(watcher)
    QTimer.singleShot(FALLBACK_MS, window, run_once)
