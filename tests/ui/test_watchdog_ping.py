"""systemd: READY=1 once the window shows, WATCHDOG=1 from the GUI thread, STOPPING=1 on quit."""

from __future__ import annotations

import socket
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kiosk.session.watchdog import Notifier
from kiosk.ui.watchdog_timer import WatchdogTimer


@pytest.fixture
def notify_socket() -> Iterator[tuple[socket.socket, str]]:
    folder = Path(tempfile.mkdtemp(prefix="kn", dir="/tmp"))  # AF_UNIX paths must be short
    path = str(folder / "notify")
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(path)
    sock.setblocking(False)
    yield sock, path
    sock.close()
    Path(path).unlink(missing_ok=True)
    folder.rmdir()


def received(sock: socket.socket, into: list[str]) -> list[str]:
    while True:
        try:
            into.append(sock.recv(256).decode())
        except BlockingIOError:
            return into


def test_ready_then_pings_then_stopping(qtbot: Any, operate: Any, notify_socket: Any) -> None:
    sock, path = notify_socket
    notifier = Notifier({"NOTIFY_SOCKET": path, "WATCHDOG_USEC": "300000"})
    operated = operate(notifier=notifier)
    messages: list[str] = []
    operated.op.started()
    qtbot.waitUntil(lambda: received(sock, messages).count("WATCHDOG=1") >= 3, timeout=5000)
    assert messages[0] == "READY=1"
    assert operated.op.watchdog.timer.interval() == 100  # a third of WatchdogSec
    operated.op.shutdown()
    assert not operated.op.watchdog.timer.isActive()
    assert received(sock, messages)[-1] == "STOPPING=1"


def test_outside_systemd_no_timer_runs(operate: Any) -> None:
    operated = operate(notifier=Notifier({}))
    timer = WatchdogTimer(Notifier({}), operated.window)
    timer.start()
    assert not timer.timer.isActive()
    without_watchdog = WatchdogTimer(Notifier({"NOTIFY_SOCKET": "/tmp/nowhere"}), operated.window)
    without_watchdog.start()
    assert not without_watchdog.timer.isActive()
