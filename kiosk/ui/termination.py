"""`systemctl stop` (SIGTERM) and Ctrl+C (SIGINT) end the kiosk cleanly, through the event loop.

Python runs signal handlers only when it gets control, and a Qt event loop with nothing to do
never gives it control. Rather than a polling timer (a wake-up every half second, for ever), the
signal wakes the loop through a socket (`signal.set_wakeup_fd` + `QSocketNotifier`); the handler
then asks the application to quit, so the last usage counts are written and systemd hears
STOPPING=1.
"""

from __future__ import annotations

import contextlib
import logging
import signal
import socket
from collections.abc import Callable
from types import FrameType

from PySide6.QtCore import QSocketNotifier
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)


def quit_on_termination(app: QApplication) -> Callable[[], None]:
    """Make SIGTERM and SIGINT call `app.quit()`; returns a function that undoes it."""
    try:
        reader, writer = socket.socketpair()
        reader.setblocking(False)
        writer.setblocking(False)
        previous_fd = signal.set_wakeup_fd(writer.fileno())
    except (OSError, ValueError) as error:  # not the main thread, or no socketpair
        log.warning("cannot watch for termination signals: %s", error)
        return lambda: None

    def handle(number: int, frame: FrameType | None) -> None:
        log.info("%s received: quitting", signal.Signals(number).name)
        app.quit()

    def drain() -> None:
        with contextlib.suppress(OSError):
            reader.recv(64)

    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, app)
    notifier.activated.connect(drain)
    previous = {number: signal.signal(number, handle) for number in (signal.SIGTERM, signal.SIGINT)}

    def undo() -> None:
        notifier.setEnabled(False)
        for number, handler in previous.items():
            signal.signal(number, handler)
        signal.set_wakeup_fd(previous_fd)
        reader.close()
        writer.close()

    return undo
