"""The systemd watchdog ping, sent from the GUI thread so that a frozen interface stops it.

A ping from a worker thread would keep coming while the interface hangs; a `QTimer` on the GUI
thread only fires while the event loop runs, which is exactly what the watchdog should watch.
Outside systemd (no `NOTIFY_SOCKET` or no `WATCHDOG_USEC`) no timer runs at all.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer

from kiosk.session.watchdog import Notifier

log = logging.getLogger(__name__)


class WatchdogTimer(QObject):
    def __init__(self, notifier: Notifier, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.notifier = notifier
        self.timer = QTimer(self)
        self.timer.setObjectName("WatchdogTimer")
        self.timer.timeout.connect(notifier.ping)
        interval = notifier.ping_interval_seconds
        self.interval_ms = max(100, round(interval * 1000)) if interval else 0

    @property
    def enabled(self) -> bool:
        return self.notifier.enabled and self.interval_ms > 0

    def start(self) -> None:
        """Start pinging (only under a systemd watchdog)."""
        if self.enabled and not self.timer.isActive():
            log.info("systemd watchdog: pinging every %.1f s", self.interval_ms / 1000)
            self.notifier.ping()
            self.timer.start(self.interval_ms)

    def stop(self) -> None:
        self.timer.stop()
