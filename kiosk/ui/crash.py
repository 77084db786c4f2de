"""Recovering from errors nobody caught: back to Home, or a calm screen if errors keep coming.

`kiosk.session.logs.install_exception_hook` logs every unhandled exception (PySide6 hands
exceptions raised in slots and event handlers to `sys.excepthook`) with what `CrashGuard.on_error`
chose to do about it.
The guard then takes the patient back to Home, a moment later (never from inside the failing
paint or event handler). If errors repeat (`max_errors` incidents within `within_seconds`), Home is
probably what fails, so instead a calm "please ask at the front desk" screen covers the window for
`rest_seconds`, then the kiosk tries Home again. The process keeps running, so the watchdog keeps
seeing a live interface; a frozen one is systemd's to restart.

What counts is incidents, not exceptions: one broken touch can raise on every mouse move (dozens
of exceptions in a few milliseconds), and that is still one thing that went wrong for one patient.
All errors after the same user action (a press or a key) are one incident, for at most
`INCIDENT_SECONDS`; errors that keep coming with no touch at all (a timer that fails on every tick)
become a new incident every `INCIDENT_SECONDS`, so they still reach the calm screen.

The front-desk screen means the kiosk is out of service, so it says so where monitoring looks: an
ERROR log line (`FRONT_DESK_LOG`) and systemd's `STATUS=` line (`systemctl status`); both say again
when the kiosk is back in service.
"""

from __future__ import annotations

import logging
import time
from collections import deque
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QHideEvent, QInputEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel

from kiosk.session.watchdog import Notifier
from kiosk.ui.main_window import MainWindow
from kiosk.ui.strings import tr

log = logging.getLogger(__name__)

MAX_ERRORS = 3
WITHIN_SECONDS = 60.0
REST_SECONDS = 300.0
INCIDENT_SECONDS = 2.0
"""Errors after one user action belong to one incident for at most this long."""
FRONT_DESK_LOG = "front-desk screen shown"
"""The start of the ERROR line logged each time the front-desk screen covers the kiosk."""
IN_SERVICE_STATUS = "in service"


class UserActions(QObject):
    """Counts user actions (a press, a touch, a key) from an application-wide event filter.

    One press is offered to several widgets as it propagates, so it is counted by its timestamp,
    once."""

    KINDS = (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin, QEvent.Type.KeyPress)

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.count = 0
        self._last: tuple[QEvent.Type, int] | None = None
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in self.KINDS and isinstance(event, QInputEvent):
            if isinstance(event, QKeyEvent) and event.isAutoRepeat():
                return False
            key = (kind, event.timestamp())
            if key != self._last:
                self._last = key
                self.count += 1
        return False


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
        incident_seconds: float = INCIDENT_SECONDS,
        clock: Callable[[], float] = time.monotonic,
        notifier: Notifier | None = None,
    ) -> None:
        self.window = window
        self.max_errors = max_errors
        self.within_seconds = within_seconds
        self.rest_seconds = rest_seconds
        self.incident_seconds = incident_seconds
        self._clock = clock
        self.notifier = notifier or Notifier()
        self.actions = UserActions(window)
        self._incidents: deque[float] = deque()
        self._incident: tuple[int, float] | None = None
        """(user action count, start time) of the incident errors are now counted against."""
        self.errors = 0
        self.calm: CalmScreen | None = None
        self.recoveries = 0
        self.front_desk_screens = 0

    def on_error(self) -> str:
        """Called by the exception hook, which logs what this returns: what the kiosk does about the
        error. Recovery itself waits for the event loop."""
        if self.window.failed_ahead():  # unseen: let go, and built afresh if a patient opens it
            return "a screen drawn ahead on the start screen is let go; nobody is taken Home"
        self.errors += 1
        now = self._clock()
        if self._incident is not None:
            action, began = self._incident
            if action == self.actions.count and now - began <= self.incident_seconds:
                return "the same touch failing again; already being dealt with"
        self._incident = (self.actions.count, now)
        self._incidents.append(now)
        while self._incidents and now - self._incidents[0] > self.within_seconds:
            self._incidents.popleft()
        QTimer.singleShot(0, self.window, self._recover)
        if self.calm is not None:
            return "the front-desk screen stays up"
        return "showing the front-desk screen" if self.repeating else "returning to Home"

    @property
    def incidents(self) -> int:
        """Incidents within the last `within_seconds` (as of the last error)."""
        return len(self._incidents)

    @property
    def repeating(self) -> bool:
        return len(self._incidents) >= self.max_errors

    def _recover(self) -> None:
        if self.calm is not None:
            return
        if self.repeating:
            self.show_calm()
            return
        self.recoveries += 1
        self.window.overlay.clear()
        self.window.forget_screens()  # a screen that failed is never shown again as it was
        self.window.navigator.go_home()

    def show_calm(self) -> None:
        self.front_desk_screens += 1
        why = (
            f"{len(self._incidents)} separate errors within {self.within_seconds:.0f} s;"
            f" trying Home again in {self.rest_seconds:.0f} s"
        )
        log.error("%s: %s", FRONT_DESK_LOG, why)
        self.notifier.status(f"out of service: front-desk screen shown ({why})")
        self.window.overlay.clear()
        self.calm = CalmScreen(self.window, self.rest_seconds, self._end_rest)
        self.calm.show()
        self.calm.raise_()
        self.calm.timer.start()

    def _end_rest(self) -> None:
        log.info("trying Home again after the front-desk screen")
        self.notifier.status(IN_SERVICE_STATUS)
        self._incidents.clear()
        self._incident = None
        if self.calm is not None:
            self.calm.hide()
            self.calm.deleteLater()
            self.calm = None
        self.window.navigator.go_home()
