"""Helpers for widget tests: a finger that sends real touch events, and a kiosk window to drive."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint
from PySide6.QtGui import QInputDevice, QPointingDevice
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.content.loader import load_pack
from kiosk.content.pack import Pack
from kiosk.ui.main_window import MainWindow


def load(path: Path) -> Pack:
    result = load_pack(path)
    assert result.pack is not None, [p.format() for p in result.problems]
    return result.pack


class Finger:
    """Touches a window with real touch events (a touchscreen device), like a patient would."""

    def __init__(self, window: QWidget) -> None:
        self.window = window
        self.device: QPointingDevice = QTest.createTouchDevice(QInputDevice.DeviceType.TouchScreen)

    def _send(self, action: str, point: QPoint) -> None:
        if action == "press":
            settle()  # the screen a command just built is laid out before the finger lands
        sequence = QTest.touchEvent(self.window, self.device, False)
        getattr(sequence, action)(0, point, self.window)
        sequence.commit()

    def tap(self, point: QPoint) -> None:
        self._send("press", point)
        self._send("release", point)
        settle()

    def drag(self, start: QPoint, end: QPoint, steps: int = 12) -> None:
        """Press at `start`, move in even steps (each a little later), release at `end`."""
        self._send("press", start)
        for step in range(1, steps + 1):
            QTest.qWait(10)
            self._send("move", start + (end - start) * step / steps)
        QTest.qWait(10)
        self._send("release", end)


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()
        QApplication.sendPostedEvents()


class Kiosk:
    """A kiosk window on a pack, with a finger and ways to find what is on screen."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.finger = Finger(window)
        self.routes: list[str] = []
        window.state.subscribe(
            lambda old, new: self.routes.append(new.route.name) if old.route != new.route else None
        )

    @property
    def route(self) -> str:
        return self.window.state.current.route.name

    def target(self, name: str) -> QPoint:
        """Window-local centre of the tappable called `name` (a route for cards, else its object name)."""
        settle()
        for found, rect in self.window.tappables():
            if found == name:
                return self.window.mapFromGlobal(rect.center())
        names = [found for found, _ in self.window.tappables()]
        raise AssertionError(f"nothing tappable called {name!r} on {self.route}; there is {names}")

    def tap(self, name: str) -> None:
        self.finger.tap(self.target(name))

    def page_shown(self) -> str:
        pager = self.window.current_screen.findChild(QWidget, "Pager")  # type: ignore[union-attr]
        assert pager is not None, f"no page on {self.route}"
        return str(pager.current.property("page"))
