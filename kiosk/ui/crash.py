"""Recovering from errors nobody caught: back to Home, or a calm screen if errors keep coming.

`kiosk.session.logs.install_exception_hook` logs every unhandled exception (PySide6 hands
exceptions raised in slots and event handlers to `sys.excepthook`) and calls `CrashGuard.on_error`.
The guard then takes the patient back to Home, a moment later (never from inside the failing
paint or event handler). If errors repeat (`max_errors` within `within_seconds`), Home is probably
what fails, so instead a calm "please ask at the front desk" screen covers the window for
`rest_seconds`, then the kiosk tries Home again. The process keeps running, so the watchdog keeps
seeing a live interface; a frozen one is systemd's to restart.
"""

from __future__ import annotations

import logging
import time
from collections import deque
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import QLabel

from kiosk.ui.main_window import MainWindow
from kiosk.ui.strings import tr

log = logging.getLogger(__name__)

MAX_ERRORS = 3
WITHIN_SECONDS = 60.0
REST_SECONDS = 300.0


class CalmScreen(QLabel):
    """Covers the whole window with a short, friendly message; owns the timer that ends the rest."""

    def __init__(self, window: MainWindow, rest_seconds: float, on_rested: Callable[[], None]) -> None:
        super().__init__(window)
        self.setObjectName("CalmScreen")
        theme = window.theme
        self.setText(tr("ask_front_desk", window.state.current.language))
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setAutoFillBackground(True)
        self.setStyleSheet(
            f"background: {theme.palette.background}; color: {theme.palette.text};"
            f" font-size: {theme.px(52)}px; padding: {theme.px(160)}px;"
        )
        self.setGeometry(window.rect())
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(max(1, round(rest_seconds * 1000)))
        self.timer.timeout.connect(on_rested)

    def hideEvent(self, event: QHideEvent) -> None:
        self.timer.stop()
        super().hideEvent(event)


class CrashGuard:
    def __init__(
        self,
        window: MainWindow,
        *,
        max_errors: int = MAX_ERRORS,
        within_seconds: float = WITHIN_SECONDS,
        rest_seconds: float = REST_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.window = window
        self.max_errors = max_errors
        self.within_seconds = within_seconds
        self.rest_seconds = rest_seconds
        self._clock = clock
        self._errors: deque[float] = deque()
        self.calm: CalmScreen | None = None
        self.recoveries = 0

    def on_error(self) -> None:
        """Called by the exception hook (already logged). Recovery waits for the event loop."""
        now = self._clock()
        self._errors.append(now)
        while self._errors and now - self._errors[0] > self.within_seconds:
            self._errors.popleft()
        QTimer.singleShot(0, self.window, self._recover)

    @property
    def repeating(self) -> bool:
        return len(self._errors) >= self.max_errors

    def _recover(self) -> None:
        if self.calm is not None:
            return
        if self.repeating:
            log.critical(
                "%d errors within %.0f s; showing the front-desk screen for %.0f s",
                len(self._errors),
                self.within_seconds,
                self.rest_seconds,
            )
            self.show_calm()
            return
        self.recoveries += 1
        self.window.overlay.clear()
        self.window.navigator.go_home()

    def show_calm(self) -> None:
        self.window.overlay.clear()
        self.calm = CalmScreen(self.window, self.rest_seconds, self._end_rest)
        self.calm.show()
        self.calm.raise_()
        self.calm.timer.start()

    def _end_rest(self) -> None:
        log.info("trying Home again after the front-desk screen")
        self._errors.clear()
        if self.calm is not None:
            self.calm.hide()
            self.calm.deleteLater()
            self.calm = None
        self.window.navigator.go_home()
