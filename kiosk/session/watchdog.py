"""Telling systemd the kiosk is up and still alive (the sd_notify protocol, without a library).

systemd starts a `Type=notify` service with `NOTIFY_SOCKET` set; the kiosk sends `READY=1` once its
window shows, then `WATCHDOG=1` regularly. If the GUI thread hangs, the pings stop, and after
`WatchdogSec` systemd kills and restarts the kiosk. Outside systemd every call does nothing.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Mapping

from kiosk.session.logs import printable

_log = logging.getLogger(__name__)


class Notifier:
    def __init__(self, environ: Mapping[str, str] | None = None) -> None:
        env = os.environ if environ is None else environ
        socket_path = env.get("NOTIFY_SOCKET", "")
        # '@' marks a Linux abstract socket, whose real name starts with a NUL byte.
        self._address = "\0" + socket_path[1:] if socket_path.startswith("@") else socket_path
        self._warned = False
        self.watchdog_seconds: float | None = None
        """systemd's `WatchdogSec` for this process, or None when no watchdog is watching."""
        usec, pid = env.get("WATCHDOG_USEC", ""), env.get("WATCHDOG_PID", "")
        if usec.isdigit() and int(usec) > 0:
            if not pid or pid == str(os.getpid()):
                self.watchdog_seconds = int(usec) / 1_000_000
            else:
                # systemd watches another process (under cage: cage itself). Pinging for it would
                # be wrong, and staying silent would hide that nothing watches the interface.
                _log.error(
                    "systemd's watchdog is set for process %s, not this one (%d): no watchdog pings. "
                    "Start the kiosk with `env -u WATCHDOG_PID` (see docs/deployment.md)",
                    printable(pid[:40]),
                    os.getpid(),
                )

    @property
    def enabled(self) -> bool:
        return bool(self._address)

    @property
    def ping_interval_seconds(self) -> float | None:
        """How often to call `ping()`: a third of the watchdog time, so one late ping is harmless."""
        return None if self.watchdog_seconds is None else self.watchdog_seconds / 3

    def ready(self) -> bool:
        return self.notify("READY=1")

    def ping(self) -> bool:
        return self.notify("WATCHDOG=1")

    def stopping(self) -> bool:
        return self.notify("STOPPING=1")

    def status(self, text: str) -> bool:
        """A one-line status that `systemctl --user status` shows."""
        return self.notify("STATUS=" + text.replace("\n", " "))

    def notify(self, message: str) -> bool:
        """Send one message; True if it was sent. Never raises: a lost ping must not crash the UI."""
        if not self._address or not hasattr(socket, "AF_UNIX"):
            return False
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
                sock.connect(self._address)
                sock.sendall(message.encode("utf-8"))
        except OSError as error:
            if not self._warned:
                _log.warning("cannot notify systemd at %r: %s", self._address, error)
                self._warned = True
            return False
        return True
