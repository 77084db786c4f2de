"""The real kiosk, started in this process through `kiosk run`, with a finger and frame timing.

`run_in_kiosk(scenario)` starts the app exactly as `kiosk run` does (same bootstrap, same window,
fullscreen on the screen the platform reports) and calls `scenario(kiosk)` from inside the event
loop once the window is up; the app quits when the scenario returns. Nothing in the app needs a
benchmark hook: only `kiosk.ui.app.show` is wrapped, to get hold of the window it shows.
"""

from __future__ import annotations

import ctypes
import gc
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QTimer
from PySide6.QtGui import QInputDevice, QPointingDevice
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

NOT_TAPPED = {"staff", "staff-exit"}
"""Tappables a benchmark must not press: staff controls (no patient tap opens the staff panel, so
these only show on a staff dialog a benchmark opened itself)."""


def app_instance() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        raise RuntimeError("no QApplication is running")
    return app


def settle(rounds: int = 3) -> None:
    """Run pending events, layouts, paints and deferred deletions (as the event loop would)."""
    for _ in range(rounds):
        QApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QApplication.processEvents()


def memory_kib() -> dict[str, int]:
    """PSS, private and anonymous memory of this process in KiB (Linux /proc/self/smaps_rollup).

    PSS is the fair share of shared pages, so it also moves when other processes map the same
    libraries (other Qt apps starting or ending); private memory (USS) is this process's alone.
    Both count the pages of code and fonts read from files, which a kernel that pages out cold
    memory (DAMON's `pageout`, on some virtual machines) drops while the kiosk idles and reads
    back when it is used: then they grow with use without anything being held. Anonymous memory
    (the heaps, Python's objects, drawn pictures) counts only what the kiosk itself allocated.
    """
    fields: dict[str, int] = {}
    for line in Path("/proc/self/smaps_rollup").read_text().splitlines():
        name, _, rest = line.partition(":")
        if name in ("Pss", "Private_Clean", "Private_Dirty", "Anonymous"):
            fields[name] = int(rest.split()[0])
    if "Pss" not in fields:
        raise RuntimeError("no Pss line in /proc/self/smaps_rollup")
    private = fields.get("Private_Clean", 0) + fields.get("Private_Dirty", 0)
    return {
        "pss": fields["Pss"],
        "private": private,
        "anon": fields.get("Anonymous", -1),
        "heap": heap_in_use_kib(),
    }


class _MallInfo2(ctypes.Structure):
    _fields_ = [
        (name, ctypes.c_size_t)
        for name in (
            "arena",
            "ordblks",
            "smblks",
            "hblks",
            "hblkhd",
            "usmblks",
            "fsmblks",
            "uordblks",
            "fordblks",
            "keepcost",
        )
    ]


def heap_in_use_kib() -> int:
    """C heap in use (glibc `mallinfo2`: allocated blocks plus mmapped ones), -1 where unknown.

    Unlike PSS it does not move with other processes or with freed memory the allocator keeps,
    so it is the steadiest sign of a leak (Python objects live in this heap too).
    """
    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.mallinfo2.restype = _MallInfo2
        info = libc.mallinfo2()
    except (OSError, AttributeError):
        return -1
    return int((info.uordblks + info.hblkhd) // 1024)


def memory_mb_settled() -> dict[str, float]:
    """`memory_kib` in MB, after garbage collection and pending deletions."""
    gc.collect()
    settle()
    return {name: round(kib / 1024, 1) if kib >= 0 else float("nan") for name, kib in memory_kib().items()}


class PaintWatcher(QObject):
    """Application-wide filter that notes paints since `reset()`: any at all, and of the screen showing."""

    def __init__(self, window: Any) -> None:
        super().__init__()
        self.window = window
        self.any_painted = False
        self.screen_painted = False

    def reset(self) -> None:
        self.any_painted = self.screen_painted = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.any_painted = True
            screen = self.window.current_screen
            if screen is not None and (
                watched is screen or (isinstance(watched, QWidget) and screen.isAncestorOf(watched))
            ):
                self.screen_painted = True
        return False


class Kiosk:
    """The running kiosk window, with a touchscreen finger and ways to wait for a painted frame."""

    def __init__(self, window: Any) -> None:
        self.window = window
        self.app = app_instance()
        self.device: QPointingDevice = QTest.createTouchDevice(QInputDevice.DeviceType.TouchScreen)
        self.paints = PaintWatcher(window)
        self.app.installEventFilter(self.paints)
        settle()

    @property
    def route(self) -> str:
        return str(self.window.state.current.route.name)

    def touch(self, action: str, point: QPoint) -> None:
        """One touch point event (press, move or release) at a window-local point."""
        sequence = QTest.touchEvent(self.window, self.device, False)
        getattr(sequence, action)(0, point, self.window)
        sequence.commit()

    def tappables(self) -> list[tuple[str, QPoint]]:
        """Every visible tappable as (name, window-local centre), except ways out of kiosk mode."""
        return [
            (name, self.window.mapFromGlobal(rect.center()))
            for name, rect in self.window.tappables()
            if name not in NOT_TAPPED
            and self.window.rect().contains(self.window.mapFromGlobal(rect.center()))
        ]

    def point_of(self, name: str) -> QPoint | None:
        return next((point for found, point in self.tappables() if found == name), None)

    def tap_until_painted(self, point: QPoint, timeout_s: float = 5.0) -> float:
        """Tap at `point`; milliseconds from the release to the new screen painted and flushed.

        If the tap changes no screen, the time is until the first frame after the release.
        """
        self.touch("press", point)
        settle(1)
        before = self.window.current_screen
        self.paints.reset()
        start = time.perf_counter()
        self.touch("release", point)
        deadline = start + timeout_s
        while time.perf_counter() < deadline:
            screen = self.window.current_screen
            if screen is not before and self.paints.screen_painted:
                break
            if screen is before and self.paints.any_painted:
                break
            QApplication.processEvents()
        elapsed = (time.perf_counter() - start) * 1000
        settle(1)
        return elapsed

    def frame(self, change: Callable[[], None]) -> float:
        """Milliseconds for `change()` plus the paint and flush of the frame it causes."""
        start = time.perf_counter()
        change()
        QApplication.processEvents()
        return (time.perf_counter() - start) * 1000


PREPARED_WAIT_S = 30.0
"""Each scenario starts from the kiosk at rest, as a patient finds it: after its first paint, once
the screens it builds ahead on the start screen are built (`MainWindow.prepare_ahead`)."""


def _wait_until(done: Callable[[], bool], timeout_s: float) -> None:
    deadline = time.perf_counter() + timeout_s
    while not done():
        if time.perf_counter() > deadline:
            raise RuntimeError(f"the kiosk did not come to rest within {timeout_s:.0f} s")
        QApplication.processEvents()
        time.sleep(0.005)


def run_in_kiosk(scenario: Callable[[Kiosk], dict[str, Any]], pack: Path | None = None) -> dict[str, Any]:
    """Start the kiosk via `kiosk run` and return what `scenario` measured inside its event loop."""
    from kiosk import cli
    from kiosk.ui import app as kiosk_app

    result: dict[str, Any] = {}
    original_show = kiosk_app.show

    def show_then_measure(window: Any, *args: Any, **kwargs: Any) -> None:
        prepared: list[bool] = []
        window.prepared.connect(lambda: prepared.append(True))
        original_show(window, *args, **kwargs)

        def measure() -> None:
            try:
                _wait_until(lambda: bool(prepared), PREPARED_WAIT_S)
                result.update(scenario(Kiosk(window)))
            except BaseException as error:
                result["error"] = f"{type(error).__name__}: {error}"
                raise
            finally:
                app_instance().quit()

        QTimer.singleShot(0, measure)

    kiosk_app.show = show_then_measure
    try:
        argv = ["run", "--log-level", "warning"] + (["--pack", str(pack)] if pack else [])
        cli.main(argv)
    finally:
        kiosk_app.show = original_show
    return result
