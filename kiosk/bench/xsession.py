"""The real `kiosk` process on its own Xvfb server, its log followed line by line.

Used by the soak (`kiosk.bench.soak`): a fresh X server (its display number comes back through
`-displayfd`, so parallel runs never collide), settings, data and logs in a temporary folder with a
staff PIN set (so no random touch can reach the staff panel or Exit), read aloud on the silent
recorder, and `--log-level debug` so the kiosk lists each screen's route and tappables.
"""

from __future__ import annotations

import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

WIDTH, HEIGHT = 1920, 1080
SOAK_PIN = "482915"
"""A staff PIN for the soak's own settings: with one set, the top bar has no setup-mode button."""
TAPPABLE = re.compile(r"tappable: (\S+) (-?\d+),(-?\d+) (\d+)x(\d+)")


class XSessionError(RuntimeError):
    """Xvfb, xdotool or the kiosk could not be started."""


def require(tool: str) -> str:
    found = shutil.which(tool)
    if found is None:
        raise XSessionError(f"{tool} is not installed (scripts/setup.sh installs it)")
    return found


@contextmanager
def x_server(width: int = WIDTH, height: int = HEIGHT) -> Iterator[str]:
    """A fresh Xvfb server for as long as the block runs; yields its DISPLAY (":N")."""
    read_end, write_end = os.pipe()
    command = [require("Xvfb"), "-displayfd", str(write_end), "-screen", "0", f"{width}x{height}x24"]
    server = subprocess.Popen(
        [*command, "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    with os.fdopen(read_end) as pipe:
        number = pipe.readline().strip()
    try:
        if not number:
            raise XSessionError("Xvfb did not start")
        yield f":{number}"
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


@dataclass
class KioskLog:
    """What the kiosk's log said so far: every line, the routes shown, the latest tappables."""

    lines: list[str] = field(default_factory=list)
    routes: list[str] = field(default_factory=list)
    tappables: dict[str, tuple[int, int]] = field(default_factory=dict)
    _pending: dict[str, tuple[int, int]] = field(default_factory=dict)

    def add(self, line: str) -> None:
        self.lines.append(line)
        if "route: " in line:
            self.routes.append(line.rsplit("route: ", 1)[1])
        match = TAPPABLE.search(line)
        if match:
            name, x, y, w, h = match.groups()
            self._pending[name] = (int(x) + int(w) // 2, int(y) + int(h) // 2)
        if "tappables listed for " in line:
            self.tappables, self._pending = self._pending, {}


class KioskUnderX:
    """`kiosk --log-level debug` on `display`, with a thread reading its log into `log`."""

    def __init__(self, display: str, folder: Path) -> None:
        env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "NOTIFY_SOCKET")}
        env.update(
            DISPLAY=display,
            KIOSK_SPEECH="fake",
            KIOSK_CONFIG_DIR=str(folder / "config"),
            KIOSK_DATA_DIR=str(folder / "data"),
            KIOSK_LOG_DIR=str(folder / "logs"),
        )
        self.env = env
        self.display = display
        self.log = KioskLog()
        self._lock = threading.Lock()
        self._lines: queue.Queue[str] = queue.Queue()
        kiosk = Path(sys.executable).parent / "kiosk"
        command = [str(kiosk)] if kiosk.exists() else [sys.executable, "-m", "kiosk"]
        pin = subprocess.run(
            [*command, "set-pin", "--stdin"], input=SOAK_PIN + "\n", env=env, text=True, capture_output=True
        )
        if pin.returncode != 0:
            raise XSessionError(f"kiosk set-pin failed: {pin.stderr[-500:]}")
        self.process = subprocess.Popen(
            [*command, "--log-level", "debug"],
            env=env,
            text=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            with self._lock:
                self.log.add(line.rstrip("\n"))

    def snapshot(self) -> tuple[list[str], dict[str, tuple[int, int]]]:
        """(routes so far, tappables of the latest listed screen), read safely from the log thread."""
        with self._lock:
            return list(self.log.routes), dict(self.log.tappables)

    def lines(self) -> list[str]:
        with self._lock:
            return list(self.log.lines)

    def wait_for_route(self, route: str, timeout_s: float = 60) -> None:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            routes, tappables = self.snapshot()
            if routes and routes[-1] == route and tappables:
                return
            if self.process.poll() is not None:
                break
            time.sleep(0.05)
        tail = "\n".join(self.lines()[-30:])
        raise XSessionError(f"the kiosk never showed {route}; log:\n{tail}")

    @property
    def alive(self) -> bool:
        return self.process.poll() is None

    def pss_mb(self) -> float:
        """Proportional memory of the kiosk process (Linux), or NaN where it cannot be read."""
        try:
            text = Path(f"/proc/{self.process.pid}/smaps_rollup").read_text()
        except OSError:
            return float("nan")
        for line in text.splitlines():
            if line.startswith("Pss:"):
                return round(int(line.split()[1]) / 1024, 1)
        return float("nan")

    def stop(self) -> int:
        """SIGTERM (as `systemctl stop` sends), then the exit status; killed if it does not end."""
        if self.alive:
            self.process.send_signal(signal.SIGTERM)
        try:
            status = self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            status = self.process.wait()
        self._reader.join(timeout=5)
        return status


@contextmanager
def kiosk_under_x() -> Iterator[KioskUnderX]:
    """A fresh X server and a kiosk on it, both ended when the block ends."""
    with x_server() as display, tempfile.TemporaryDirectory(prefix="kiosk-soak-") as folder:
        kiosk = KioskUnderX(display, Path(folder))
        try:
            yield kiosk
        finally:
            if kiosk.alive:
                kiosk.stop()
