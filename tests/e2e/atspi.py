"""A small AT-SPI client for tests: the accessibility tree a screen reader would read, over D-Bus.

`accessibility_bus()` starts a private session bus and the AT-SPI bus launcher (from
`at-spi2-core`) and yields the environment a Qt process needs to publish its tree there.
`AtSpi` reads it with plain D-Bus calls (jeepney): roles, names, states, children in order,
actions (what a screen reader's "activate" does) and events.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from jeepney import DBusAddress, MatchRule, Properties, new_method_call
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import DBusConnection, open_dbus_connection
from xserver import require

ACCESSIBLE = "org.a11y.atspi.Accessible"
STATE_SHOWING = 25
"""`ATSPI_STATE_SHOWING`: on screen now (a reader skips what is not)."""
LAUNCHER_PATHS = ("/usr/libexec/at-spi-bus-launcher", "/usr/lib/at-spi2-core/at-spi-bus-launcher")


def launcher() -> str:
    for path in LAUNCHER_PATHS:
        if Path(path).exists():
            return path
    pytest.fail("at-spi-bus-launcher is not installed (at-spi2-core); run scripts/setup.sh")


@contextmanager
def accessibility_bus(display: str, runtime_dir: Path) -> Iterator[dict[str, str]]:
    """A private D-Bus session with the AT-SPI bus on it; yields the environment for the app."""
    started = subprocess.run(
        [require("dbus-daemon"), "--session", "--fork", "--print-address=1", "--print-pid=1"],
        capture_output=True,
        text=True,
        check=True,
        timeout=30,
    )
    address, pid = started.stdout.split()[:2]
    runtime_dir.mkdir(parents=True, exist_ok=True)
    runtime_dir.chmod(0o700)
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env |= {
        "DBUS_SESSION_BUS_ADDRESS": address,
        "DISPLAY": display,
        "XDG_RUNTIME_DIR": str(runtime_dir),
        "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
        "NO_AT_BRIDGE": "0",
    }
    bus_launcher = subprocess.Popen(
        [launcher(), "--launch-immediately"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_for_registry(env)
        yield env
    finally:
        bus_launcher.terminate()
        bus_launcher.wait(timeout=10)
        os.kill(int(pid), signal.SIGTERM)


def _wait_for_registry(env: dict[str, str], timeout: float = 30) -> None:
    """Until the AT-SPI bus and its registry answer. An application that starts before them finds
    no registry to announce itself to, and a reader then never sees it."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            spi = AtSpi(env)
            try:
                spi.children(REGISTRY_ROOT)
                return
            finally:
                spi.close()
        except Exception as error:  # not up yet: no bus name, no bus, or no registry on it
            if time.monotonic() > deadline:
                pytest.fail(f"the AT-SPI bus and registry did not come up: {error}")
            time.sleep(0.1)


@dataclass(frozen=True)
class Node:
    """One accessible object: where it lives on the bus, and what a reader is told about it."""

    bus_name: str
    path: str
    role: str
    name: str
    showing: bool


REGISTRY_ROOT = Node("org.a11y.atspi.Registry", "/org/a11y/atspi/accessible/root", "desktop frame", "", True)
"""The desktop: every application that announced itself is one of its children."""


class ObjectGone(RuntimeError):
    """The object asked about no longer exists (its screen was replaced meanwhile)."""


def _is_gone(fields: str, body: str) -> bool:
    """Qt answers for a deleted object with UnknownObject, or, when it was asked through D-Bus's
    Properties interface, with UnknownInterface "... was not found in object"."""
    return "UnknownObject" in fields or ("UnknownInterface" in fields and "was not found in object" in body)


class AtSpi:
    """Calls to the AT-SPI bus of the session in `env`."""

    def __init__(self, env: dict[str, str]) -> None:
        session = open_dbus_connection(bus=env["DBUS_SESSION_BUS_ADDRESS"])
        try:
            bus = DBusAddress("/org/a11y/bus", bus_name="org.a11y.Bus", interface="org.a11y.Bus")
            address = self._reply(session, new_method_call(bus, "GetAddress"))[0]
        finally:
            session.close()
        self.connection: DBusConnection = open_dbus_connection(bus=address)

    def close(self) -> None:
        self.connection.close()

    @staticmethod
    def _reply(connection: DBusConnection, message: Any) -> Any:
        reply = connection.send_and_get_reply(message, timeout=10)
        if reply.header.message_type.name == "error":
            if _is_gone(str(reply.header.fields), str(reply.body)):
                raise ObjectGone(str(reply.body))
            raise RuntimeError(f"AT-SPI error: {reply.header.fields} {reply.body}")
        return reply.body

    def call(
        self, bus_name: str, path: str, interface: str, method: str, signature: str = "", *args: Any
    ) -> Any:
        address = DBusAddress(path, bus_name=bus_name, interface=interface)
        return self._reply(self.connection, new_method_call(address, method, signature or None, args))

    def node(self, bus_name: str, path: str) -> Node:
        role = self.call(bus_name, path, ACCESSIBLE, "GetRoleName")[0]
        name_message = Properties(DBusAddress(path, bus_name=bus_name, interface=ACCESSIBLE)).get("Name")
        name = self._reply(self.connection, name_message)[0][1]
        low, _high = self.call(bus_name, path, ACCESSIBLE, "GetState")[0]
        return Node(bus_name, path, role, name, bool(low & (1 << STATE_SHOWING)))

    def children(self, node: Node) -> list[Node]:
        refs = self.call(node.bus_name, node.path, ACCESSIBLE, "GetChildren")[0]
        return [self.node(bus_name, path) for bus_name, path in refs]

    def application(self, name: str, timeout: float = 30) -> Node:
        """The application called `name`, once it has registered with the AT-SPI registry."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for app in self.children(REGISTRY_ROOT):
                if app.name == name:
                    return app
            time.sleep(0.2)
        pytest.fail(f"no application {name!r} on the accessibility bus")

    def reading_order(self, node: Node, limit: int = 4000) -> list[Node]:
        """Every showing object under `node`, depth first in the order the tree gives its
        children: the order a screen reader reads them in."""
        found: list[Node] = []
        for child in self.children(node):
            if not child.showing:
                continue
            found.append(child)
            if child.role not in ("push button", "check box") and len(found) < limit:
                found.extend(self.reading_order(child, limit))
        return found

    def press(self, node: Node) -> None:
        """What a reader's "activate" does: the control's first action."""
        self.call(node.bus_name, node.path, "org.a11y.atspi.Action", "DoAction", "i", 0)

    def listen(self, *events: str) -> MatchRule:
        """Ask applications to send these events (`object:announcement` ...) and route them here."""
        for event in events:
            self.call(
                "org.a11y.atspi.Registry",
                "/org/a11y/atspi/registry",
                "org.a11y.atspi.Registry",
                "RegisterEvent",
                "s",
                event,
            )
        rule = MatchRule(type="signal", interface="org.a11y.atspi.Event.Object")
        self._reply(self.connection, message_bus.AddMatch(rule))
        return rule
