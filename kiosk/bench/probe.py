"""A fresh process that starts either the kiosk or a bare Qt window and reports its first frame.

    python -m kiosk.bench.probe app [kiosk run options...]
    python -m kiosk.bench.probe floor

It prints `FIRST_PAINT <time.time_ns()>` once the first frame of the window has been painted and
flushed, then exits at once (teardown is not part of start-up; `KIOSK_PROBE_LINGER_MS` keeps it
running that much longer, untimed). The parent records the time it spawned the process, so the
difference is the whole start: interpreter, imports, pack loading, building the Home screen and
painting it. `floor` is the least any Qt app can do: import PySide6
and paint one empty fullscreen window.

With `KIOSK_PROBE_EXIT_AT_FIRST_FRAME` set, the app probe reports and exits at the start screen's
first frame, not the kiosk window's (`instructions`).

Before `FIRST_PAINT`, the app probe prints `MARK <name> <time.time_ns()>` at the edges of each
stage of start-up (see `STAGES`), so the bench can show where the milliseconds go.

The kiosk is started through the real `kiosk run` entry point; only `kiosk.ui.app.show` is
wrapped, to watch the window it shows, so nothing in the app needs a benchmark hook.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from typing import Any

_MARKS: list[tuple[str, int]] = []

STAGES = [
    ("interpreter", "spawn", "probe_start"),
    ("imports: Qt and the start", "probe_start", "ui_imported"),
    ("logging, display check, start screen record", "ui_imported", "application_start"),
    ("Qt application and fonts", "application_start", "application_end"),
    ("start screen build", "application_end", "first_screen_show"),
    ("start screen show to first paint", "first_screen_show", "first_paint"),
]
"""(label, from mark, to mark) for each stage up to the first frame, the start screen drawn from the
record of the last start (`kiosk.ui.first_screen`); `spawn` is the parent's spawn time."""
LATER_STAGES = [
    ("then: the rest of the kiosk, settings and pack", "first_paint", "window_start"),
    ("then: window build", "window_start", "window_end"),
    ("then: window shown to its first paint", "show_start", "ready"),
]
"""The stages from the first frame until the kiosk window is up and takes taps (`ready`)."""


def _mark(name: str) -> None:
    _MARKS.append((name, time.time_ns()))


def _watch_first_paint(window: Any, then: Callable[[], None] | None = None) -> None:
    """Call `then` (by default: report and leave) once `window`'s first frame is complete."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and watched is window:
                window.removeEventFilter(self)
                # The window paints itself, then its children, then flushes, all in this one pass;
                # a zero timer runs right after it, when the frame is complete.
                QTimer.singleShot(0, then or _report)
            return False

    watcher = FirstPaint(window)
    window.installEventFilter(watcher)


def _report() -> None:
    """The marks, then the first frame: the start screen from its record when one was shown first
    (`first_screen`), else the kiosk window's; `ready` is the kiosk window's, when it takes taps."""
    now = time.time_ns()
    marks = dict(_MARKS)
    for name, stamp in _MARKS:
        sys.stdout.write(f"MARK {name} {stamp}\n")
    sys.stdout.write(f"MARK ready {now}\n")
    sys.stdout.write(f"FIRST_PAINT {marks.get('first_screen_paint', now)}\n")
    sys.stdout.flush()
    linger_ms = int(os.environ.get("KIOSK_PROBE_LINGER_MS", "0") or 0)
    if linger_ms > 0:  # let what follows the first paint run (not timed), then leave
        from PySide6.QtCore import QTimer

        QTimer.singleShot(linger_ms, lambda: os._exit(0))
        return
    os._exit(0)


def run_app(argv: list[str]) -> int:
    from kiosk import cli
    from kiosk.ui import app as kiosk_app

    _mark("ui_imported")
    original_show = kiosk_app.show

    def show_and_watch(window: Any, *args: Any, **kwargs: Any) -> None:
        if window.property("first_screen"):  # the start screen from the last start's record
            _mark("first_screen_show")
            _watch_first_paint(window, _first_screen_painted)
        else:
            _mark("show_start")
            _watch_first_paint(window)
        original_show(window, *args, **kwargs)

    kiosk_app.show = show_and_watch
    _time_stage(kiosk_app, "application", "application")
    _time_stage(kiosk_app, "create_window", "window")
    return cli.main(["run", "--log-level", "warning", *argv])


def _first_screen_painted() -> None:
    _mark("first_screen_paint")
    if os.environ.get("KIOSK_PROBE_EXIT_AT_FIRST_FRAME"):  # counted in instructions: the start ends here
        _report()


def _time_stage(module: Any, function: str, stage: str) -> None:
    """Wrap `module.function` so its start and end are marked as `<stage>_start` / `<stage>_end`."""
    original: Callable[..., Any] = getattr(module, function)

    def timed(*args: Any, **kwargs: Any) -> Any:
        _mark(f"{stage}_start")
        try:
            return original(*args, **kwargs)
        finally:
            _mark(f"{stage}_end")

    setattr(module, function, timed)


def run_floor() -> int:
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication, QWidget

    app = QApplication(sys.argv[:1])
    window = QWidget()
    window.setStyleSheet("background: #f7f3ee;")
    _watch_first_paint(window)
    window.setGeometry(QGuiApplication.primaryScreen().geometry())
    window.showFullScreen()
    return int(app.exec())


def main(argv: list[str]) -> int:
    if argv[:1] == ["floor"]:
        return run_floor()
    if argv[:1] == ["app"]:
        _mark("probe_start")
        return run_app(argv[1:])
    print("usage: python -m kiosk.bench.probe app|floor [kiosk run options]", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
