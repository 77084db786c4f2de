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
    """Run `work` once, `DELAY_MS` after `window` first paints (at the latest after `FALLBACK_MS`).

    Both timers stop when the work has run: a timer left to fire later would wake a kiosk that
    stands still on a page (the bench's idle figure counts every wake-up)."""
    done: list[bool] = []
    delay, fallback = QTimer(window), QTimer(window)
    timers = ((delay, "FirstPaintDelay", DELAY_MS), (fallback, "FirstPaintFallback", FALLBACK_MS))
    for timer, name, interval in timers:
        timer.setObjectName(name)
        timer.setSingleShot(True)
        timer.setInterval(interval)

    def run_once() -> None:
        if done:
            return
        done.append(True)
        delay.stop()
        fallback.stop()
        window.removeEventFilter(watcher)
        work()

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and watched is window and not done and not delay.isActive():
                delay.start()
            return False

    delay.timeout.connect(run_once)
    fallback.timeout.connect(run_once)
    watcher = FirstPaint(window)
    window.installEventFilter(watcher)
    fallback.start()
