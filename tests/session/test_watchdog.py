"""The kiosk tells systemd it is ready and still alive, over the socket systemd gives it."""

from __future__ import annotations

import logging
import os
import socket
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.session.watchdog import Notifier

pytestmark = pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="needs Unix sockets")


@pytest.fixture
def systemd_socket() -> Iterator[tuple[socket.socket, str]]:
    """A datagram socket standing in for systemd's; a short folder keeps under the 108-byte limit."""
    with tempfile.TemporaryDirectory(prefix="sdn") as folder:
        path = str(Path(folder) / "notify")
        server = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        server.bind(path)
        server.settimeout(5)
        try:
            yield server, path
        finally:
            server.close()


def test_ready_and_pings_reach_systemd(
    systemd_socket: tuple[socket.socket, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    server, path = systemd_socket
    monkeypatch.setenv("NOTIFY_SOCKET", path)
    notifier = Notifier()
    assert notifier.enabled
    assert notifier.ready()
    assert notifier.ping()
    assert notifier.ping()
    assert [server.recv(256) for _ in range(3)] == [b"READY=1", b"WATCHDOG=1", b"WATCHDOG=1"]


def test_status_is_one_line(systemd_socket: tuple[socket.socket, str]) -> None:
    server, path = systemd_socket
    Notifier({"NOTIFY_SOCKET": path}).status("showing pack\nlower-back 1.2")
    assert server.recv(256) == b"STATUS=showing pack lower-back 1.2"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="abstract sockets are Linux only")
def test_abstract_socket_names_are_understood() -> None:
    name = f"clinic-kiosk-test-{os.getpid()}"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as server:
        server.bind("\0" + name)
        server.settimeout(5)
        assert Notifier({"NOTIFY_SOCKET": "@" + name}).ready()
        assert server.recv(256) == b"READY=1"


def test_outside_systemd_every_call_does_nothing() -> None:
    notifier = Notifier({})
    assert not notifier.enabled
    assert not notifier.ready()
    assert not notifier.ping()
    assert notifier.ping_interval_seconds is None


def test_ping_interval_is_a_third_of_the_watchdog_time() -> None:
    notifier = Notifier(
        {"NOTIFY_SOCKET": "/run/x", "WATCHDOG_USEC": "30000000", "WATCHDOG_PID": str(os.getpid())}
    )
    assert notifier.watchdog_seconds == 30
    assert notifier.ping_interval_seconds == 10


def test_a_watchdog_meant_for_another_process_is_ignored() -> None:
    notifier = Notifier({"WATCHDOG_USEC": "30000000", "WATCHDOG_PID": str(os.getpid() + 1)})
    assert notifier.ping_interval_seconds is None


def test_a_vanished_socket_is_logged_once_and_never_raises(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    notifier = Notifier({"NOTIFY_SOCKET": str(tmp_path / "gone")})
    with caplog.at_level(logging.WARNING):
        assert not notifier.ping()
        assert not notifier.ping()
    assert len([r for r in caplog.records if "cannot notify systemd" in r.message]) == 1


def test_a_watchdog_meant_for_another_process_is_said_not_silently_dropped(
    caplog: pytest.LogCaptureFixture,
) -> None:
    other = str(os.getpid() + 1)
    with caplog.at_level(logging.ERROR, logger="kiosk.session.watchdog"):
        notifier = Notifier({"NOTIFY_SOCKET": "/run/x", "WATCHDOG_USEC": "30000000", "WATCHDOG_PID": other})
    assert notifier.ping_interval_seconds is None
    [record] = caplog.records
    assert f"process {other}, not this one ({os.getpid()})" in record.getMessage()
    assert "env -u WATCHDOG_PID" in record.getMessage()
