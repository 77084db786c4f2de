"""The crash guard counts what went wrong for patients (incidents), not exceptions, and the
front-desk screen tells monitoring (the log at ERROR, systemd's STATUS=) that the kiosk is out of
service."""

from __future__ import annotations

import logging
import socket
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QEventLoop, QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget
from uihelpers import settle

from kiosk.session.watchdog import Notifier
from kiosk.ui.crash import FRONT_DESK_LOG, IN_SERVICE_STATUS, INCIDENT_SECONDS


class FailsOnEveryMove(QWidget):
    """A widget whose every mouse move raises, like a touch steering a deleted widget did."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.moves = 0

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self.moves += 1
        raise RuntimeError("a move that fails on purpose")


def add_failing_area(operated: Any) -> FailsOnEveryMove:
    area = FailsOnEveryMove(operated.window)
    area.setGeometry(600, 300, 700, 500)
    area.show()
    area.raise_()
    return area


_clock = [1_000_000]


def _post(window: QWidget, kind: QEvent.Type, point: QPoint, buttons: Qt.MouseButton) -> None:
    position = QPointF(point)
    event = QMouseEvent(
        kind,
        position,
        QPointF(window.mapToGlobal(point)),
        Qt.MouseButton.LeftButton if kind != QEvent.Type.MouseMove else Qt.MouseButton.NoButton,
        buttons,
        Qt.KeyboardModifier.NoModifier,
    )
    _clock[0] += 16
    event.setTimestamp(_clock[0])
    handle = window.windowHandle()
    assert handle is not None
    QApplication.postEvent(handle, event)


def drag_across(operated: Any, start: QPoint, moves: int = 12) -> None:
    """A finger drag delivered by the event loop, as in the running kiosk (PySide6 then hands an
    exception from an event handler to the exception hook, once per event)."""
    window = operated.window
    down = Qt.MouseButton.LeftButton
    _post(window, QEvent.Type.MouseButtonPress, start, down)
    for step in range(1, moves + 1):
        _post(window, QEvent.Type.MouseMove, start + QPoint(0, -15 * step), down)
    _post(window, QEvent.Type.MouseButtonRelease, start + QPoint(0, -15 * moves), Qt.MouseButton.NoButton)
    loop = QEventLoop()
    QTimer.singleShot(100, loop.quit)
    loop.exec()


@pytest.fixture
def notify_socket() -> Iterator[tuple[socket.socket, str]]:
    folder = Path(tempfile.mkdtemp(prefix="kc", dir="/tmp"))  # AF_UNIX paths must be short
    path = str(folder / "notify")
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(path)
    sock.setblocking(False)
    yield sock, path
    sock.close()
    Path(path).unlink(missing_ok=True)
    folder.rmdir()


def received(sock: socket.socket) -> list[str]:
    messages = []
    while True:
        try:
            messages.append(sock.recv(512).decode())
        except BlockingIOError:
            return messages


@pytest.mark.qt_no_exception_capture
@pytest.mark.usefixtures("restore_logging")
def test_one_touch_that_raises_on_every_move_is_one_incident(qtbot: Any, operate: Any) -> None:
    operated = operate()
    guard = operated.op.crash
    operated.op.install_exception_hook()
    operated.kiosk.tap("AttractScreen")
    operated.window.navigator.open_topic("basics")
    settle()
    area = add_failing_area(operated)
    drag_across(operated, QPoint(950, 700))
    settle()
    assert area.moves >= 10 and guard.errors >= 10  # every move raised ...
    assert guard.incidents == 1  # ... and it is one incident
    qtbot.waitUntil(lambda: operated.kiosk.route == "home", timeout=3000)
    assert guard.recoveries == 1 and guard.calm is None and guard.front_desk_screens == 0


@pytest.mark.qt_no_exception_capture
@pytest.mark.usefixtures("restore_logging")
def test_three_failing_touches_show_the_front_desk_screen_and_tell_the_log_and_systemd(
    qtbot: Any, operate: Any, notify_socket: Any, caplog: pytest.LogCaptureFixture
) -> None:
    sock, path = notify_socket
    operated = operate(notifier=Notifier({"NOTIFY_SOCKET": path}))
    guard = operated.op.crash
    guard.rest_seconds = 0.3
    operated.op.install_exception_hook()
    operated.kiosk.tap("AttractScreen")
    for _ in range(3):
        operated.window.navigator.open_topic("basics")
        settle()
        add_failing_area(operated)
        drag_across(operated, QPoint(950, 700), moves=4)
        settle()
    qtbot.waitUntil(lambda: guard.calm is not None and guard.calm.isVisible(), timeout=3000)
    assert guard.incidents == 3 and guard.front_desk_screens == 1
    shown = [r for r in caplog.records if r.getMessage().startswith(FRONT_DESK_LOG)]
    assert [r.levelno for r in shown] == [logging.ERROR]
    statuses = [m for m in received(sock) if m.startswith("STATUS=")]
    assert len(statuses) == 1 and "front-desk screen" in statuses[0] and "out of service" in statuses[0]
    qtbot.waitUntil(lambda: guard.calm is None, timeout=5000)
    assert operated.kiosk.route == "home"
    assert received(sock) == [f"STATUS={IN_SERVICE_STATUS}"]


def test_errors_that_keep_coming_without_a_touch_still_reach_the_front_desk_screen(operate: Any) -> None:
    """A timer failing on every tick: no user action between the errors, but they never stop."""
    operated = operate()
    guard = operated.op.crash
    clock = [0.0]
    guard._clock = lambda: clock[0]
    said = [guard.on_error() for _ in range(30)]  # a burst within one incident's time counts once
    assert guard.incidents == 1
    assert said[0] == "returning to Home" and set(said[1:]) == {
        "the same touch failing again; already being dealt with"
    }
    for _ in range(2):
        clock[0] += INCIDENT_SECONDS + 0.5
        said.append(guard.on_error())
    assert guard.incidents == 3 and guard.repeating
    assert said[-1] == "showing the front-desk screen"  # what the log line of the error says
    wait_for_calm(guard)
    assert guard.calm is not None and guard.front_desk_screens == 1
    guard.calm.timer.stop()


def wait_for_calm(guard: Any) -> None:
    for _ in range(20):
        settle()
        if guard.calm is not None:
            return
