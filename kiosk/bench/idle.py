"""What a kiosk left alone costs: timer wake-ups and CPU seconds on a screen nobody touches.

A static page should cost nothing but the idle timer (DESIGN: timers belong to the widget that
shows them and stop when it hides). Every timer event in the process is counted, by the class
and object name of its receiver, so a stray ticking widget is named in the report.
"""

from __future__ import annotations

import time
from collections import Counter
from typing import Any

from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer

from kiosk.bench.harness import Kiosk, app_instance, settle


class TimerCounter(QObject):
    def __init__(self, ignore: QObject) -> None:
        super().__init__()
        self.ignore = ignore
        self.by_receiver: Counter[str] = Counter()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Timer and watched is not self.ignore:
            name = watched.objectName()
            kind = watched.metaObject().className()  # the C++ class, e.g. QSingleShotTimer
            self.by_receiver[kind + (f"#{name}" if name else "")] += 1
        return False


def quiet_cost(seconds: float) -> dict[str, Any]:
    """Run the event loop untouched for `seconds`; timer events and CPU seconds used."""
    settle()
    stopper = QTimer()
    stopper.setSingleShot(True)
    counter = TimerCounter(stopper)
    app = app_instance()
    app.installEventFilter(counter)
    loop = QEventLoop()
    stopper.timeout.connect(loop.quit)
    cpu_before, wall_before = time.process_time(), time.perf_counter()
    stopper.start(int(seconds * 1000))
    loop.exec()
    cpu, wall = time.process_time() - cpu_before, time.perf_counter() - wall_before
    app.removeEventFilter(counter)
    return {
        "seconds": round(wall, 2),
        "timer_events": sum(counter.by_receiver.values()),
        "timers": dict(counter.by_receiver.most_common(8)),
        "cpu_seconds": round(cpu, 3),
    }


def idle_cost(kiosk: Kiosk, seconds: float) -> dict[str, Any]:
    """The quiet cost on a page (after a tap, so the idle timer is running) and on the attract screen."""
    navigator = kiosk.window.navigator
    topic = navigator.pack.manifest.topics[0]
    point = kiosk.point_of(f"topic/{topic.id}")
    if point is not None:
        kiosk.tap_until_painted(point)  # a real touch, so the idle policy knows someone is there
    navigator.open_page(topic.id, topic.pages[0])
    figures: dict[str, Any] = {"page": quiet_cost(seconds)}
    if _has_attract_screen(kiosk):
        from kiosk.session.state import ATTRACT

        kiosk.window.state.update(route=ATTRACT, history=())
        figures["attract"] = quiet_cost(seconds)
    return figures


def _has_attract_screen(kiosk: Kiosk) -> bool:
    """True once the app draws the attract route with a screen of its own (not Home)."""
    from kiosk.session.state import ATTRACT
    from kiosk.ui.screens import build_screen
    from kiosk.ui.screens.base import ScreenContext

    window = kiosk.window
    context = ScreenContext(window.pack, window.navigator, window.theme, "en", ATTRACT)
    try:
        screen = build_screen(context)
    except Exception:
        return False
    name = screen.objectName()
    screen.deleteLater()
    return name not in ("HomeScreen", "")
