"""A fresh process that starts either the kiosk or a bare Qt window and reports its first frame.

    python -m kiosk.bench.probe app [kiosk run options...]
    python -m kiosk.bench.probe floor

It prints `FIRST_PAINT <time.time_ns()>` once the first frame of the window has been painted and
flushed, then exits at once (teardown is not part of start-up). The parent records the time it
spawned the process, so the difference is the whole start: interpreter, imports, pack loading,
building the Home screen and painting it. `floor` is the least any Qt app can do: import PySide6
and paint one empty fullscreen window.

The kiosk is started through the real `kiosk run` entry point; only `kiosk.ui.app.show` is
wrapped, to watch the window it shows, so nothing in the app needs a benchmark hook.
"""

from __future__ import annotations

import os
import sys
import time
from typing import Any


def _watch_first_paint(window: Any) -> None:
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and watched is window:
                window.removeEventFilter(self)
                # The window paints itself, then its children, then flushes, all in this one pass;
                # a zero timer runs right after it, when the frame is complete.
                QTimer.singleShot(0, _report)
            return False

    watcher = FirstPaint(window)
    window.installEventFilter(watcher)


def _report() -> None:
    sys.stdout.write(f"FIRST_PAINT {time.time_ns()}\n")
    sys.stdout.flush()
    os._exit(0)


def run_app(argv: list[str]) -> int:
    from kiosk import cli
    from kiosk.ui import app as kiosk_app

    original_show = kiosk_app.show

    def show_and_watch(window: Any, *args: Any, **kwargs: Any) -> None:
        _watch_first_paint(window)
        original_show(window, *args, **kwargs)

    kiosk_app.show = show_and_watch
    return cli.main(["run", "--log-level", "warning", *argv])


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
        return run_app(argv[1:])
    print("usage: python -m kiosk.bench.probe app|floor [kiosk run options]", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
