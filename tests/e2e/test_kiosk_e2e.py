"""The real `kiosk` process, fullscreen in a real X server, driven like a patient with a finger.

The test starts its own Xvfb (1920x1080x24), runs `kiosk` with no arguments except a debug log
level (so it lists where each tappable is), taps the attract screen to start, taps Home -> topic
-> page, swipes to the next page, taps Home, and then quits as staff would with no staff PIN set
(the test's settings folder has none): a short tap in the top-right corner does nothing, holding
it for 3 s opens the staff panel, and its Exit ends the process. It follows the routes the kiosk
logs and saves a screenshot of the X screen at each step.
"""

from __future__ import annotations

import os
import queue
import re
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from xserver import HEIGHT, WIDTH, require

from kiosk.commands.run import STAFF_EXIT_STATUS

pytestmark = pytest.mark.e2e

WAIT_SECONDS = 30
TAPPABLE = re.compile(r"tappable: (\S+) (-?\d+),(-?\d+) (\d+)x(\d+)")


class KioskProcess:
    """The running kiosk: its log lines, the tappables of the current screen, and a finger."""

    def __init__(self, display: str, shots: Path) -> None:
        env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
        env["DISPLAY"] = display
        kiosk = Path(sys.executable).parent / "kiosk"
        command = [str(kiosk)] if kiosk.exists() else [sys.executable, "-m", "kiosk"]
        self.display = display
        self.shots = shots
        self.env = env
        self.lines: queue.Queue[str] = queue.Queue()
        self.log: list[str] = []
        self.routes: list[str] = []
        self.tappables: dict[str, tuple[int, int]] = {}
        self.process = subprocess.Popen(
            [*command, "--log-level", "debug"],
            env=env,
            text=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.lines.put(line.rstrip("\n"))

    def wait_for_screen(self, route: str | Callable[[str], bool]) -> str:
        """Read the log until a route (`route`, or one `route` accepts) is shown and its tappables
        are listed; returns that route."""
        accept = route if callable(route) else (lambda name: name == route)

        def shown_now(listed: str) -> bool:
            return bool(self.routes) and self.routes[-1] == listed and accept(listed)

        shown = self._read_until(shown_now)
        if shown is None:
            rest = self.process.stderr.read() if self.process.stderr else ""
            pytest.fail(f"kiosk never showed {route}; log:\n" + "\n".join(self.log[-40:]) + rest)
        return shown

    def wait_for_dialog(self, name: str) -> None:
        """Read the log until the dialog `name` shows and the tappables are listed with it."""
        if self._read_until(lambda listed: listed == f"dialog:{name}") is None:
            pytest.fail(f"kiosk never showed the {name} dialog; log:\n" + "\n".join(self.log[-40:]))

    def _read_until(self, wanted: Callable[[str], bool]) -> str | None:
        """Follow the log, noting routes and tappables, until a `tappables listed for X` line with
        `wanted(X)`; then those tappables are the ones on screen. None (and the kiosk killed) when
        it never comes."""
        deadline = time.monotonic() + WAIT_SECONDS
        pending: dict[str, tuple[int, int]] = {}
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.5)
            except queue.Empty:
                if self.process.poll() is not None:
                    break
                continue
            self.log.append(line)
            if "route: " in line:
                self.routes.append(line.rsplit("route: ", 1)[1])
            match = TAPPABLE.search(line)
            if match:
                name, x, y, w, h = match.groups()
                pending[name] = (int(x) + int(w) // 2, int(y) + int(h) // 2)
            if "tappables listed for " in line:
                listed = line.split("tappables listed for ", 1)[1]
                if wanted(listed):
                    self.tappables = pending
                    return listed
                pending = {}
        self.process.kill()
        return None

    def xdotool(self, *args: object) -> None:
        subprocess.run([require("xdotool"), *map(str, args)], env=self.env, check=True)

    def tap(self, name: str) -> None:
        assert name in self.tappables, f"{name} not on screen; there is {sorted(self.tappables)}"
        x, y = self.tappables[name]
        self.xdotool("mousemove", x, y, "click", 1)

    def swipe(self, from_x: int, to_x: int, y: int, steps: int = 12) -> None:
        """Press, move in steps, release: a finger swipe as the X server sees a mouse drag."""
        self.xdotool("mousemove", from_x, y, "mousedown", 1)
        for step in range(1, steps + 1):
            self.xdotool("mousemove", from_x + (to_x - from_x) * step // steps, y, "sleep", 0.02)
        self.xdotool("mouseup", 1)

    def screenshot(self, name: str) -> QImage:
        target = self.shots / f"{name}.png"
        subprocess.run([require("import"), "-window", "root", str(target)], env=self.env, check=True)
        image = QImage(str(target))
        assert (image.width(), image.height()) == (WIDTH, HEIGHT)
        colours = {image.pixel(x, y) for x in range(0, WIDTH, 24) for y in range(0, HEIGHT, 24)}
        assert len(colours) > 20, f"{name}.png looks blank ({len(colours)} colours)"
        return image


def test_a_patient_taps_through_and_swipes_with_a_finger(x_display: str, tmp_path: Path) -> None:
    kiosk = KioskProcess(x_display, tmp_path)
    try:
        kiosk.wait_for_screen("attract")
        kiosk.screenshot("0-attract")
        kiosk.tap("AttractScreen")
        kiosk.wait_for_screen("home")
        home = kiosk.screenshot("1-home")
        # Fullscreen: the top bar's colour reaches the top left corner, the page colour the bottom.
        assert home.pixelColor(2, 2).name() == "#0c4f57"

        # The first topic with more than one page, so a swipe has a page to turn to (the bundled
        # pack opens with a one-page summary, "What you can do today").
        topic = "topic/about"
        assert topic in kiosk.tappables
        kiosk.tap(topic)
        kiosk.wait_for_screen(topic)
        kiosk.screenshot("2-topic")

        first_page = next(name for name in kiosk.tappables if name.startswith("page/"))
        kiosk.tap(first_page)
        kiosk.wait_for_screen(first_page)
        kiosk.screenshot("3-page")

        kiosk.swipe(1500, 500, 600)
        same_topic = first_page.rsplit("/", 1)[0] + "/"
        second = kiosk.wait_for_screen(lambda name: name.startswith(same_topic) and name != first_page)
        kiosk.screenshot("4-swiped")

        kiosk.tap("home")
        kiosk.wait_for_screen("home")
        kiosk.screenshot("5-home-again")
        assert kiosk.routes == ["attract", "home", topic, first_page, second, "home"]

        assert not any("staff" in name for name in kiosk.tappables), kiosk.tappables
        kiosk.xdotool("mousemove", WIDTH - 10, 10, "click", 1)  # a patient's tap in the corner
        kiosk.xdotool("mousemove", WIDTH - 10, 10, "mousedown", 1, "sleep", 3.5, "mouseup", 1)
        kiosk.wait_for_dialog("staff-panel")
        assert sum("staff panel opened" in line for line in kiosk.log) == 1  # the hold, not the tap
        kiosk.screenshot("6-staff-panel")
        kiosk.tap("staff-exit")
        # A status of its own, which the unit files list in RestartPreventExitStatus=.
        assert kiosk.process.wait(timeout=WAIT_SECONDS) == STAFF_EXIT_STATUS
    finally:
        if kiosk.process.poll() is None:
            kiosk.process.kill()
            kiosk.process.wait()
