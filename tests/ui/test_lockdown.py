"""Lockdown inside the app: escape keys do nothing, closes are refused, only a staff exit leaves."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QGuiApplication
from PySide6.QtTest import QTest

from kiosk.ui.lockdown import KIOSK_WINDOW_FLAGS

ESCAPES = [
    (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
    (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_F11, Qt.KeyboardModifier.NoModifier),
]


def test_a_locked_window_is_frameless_and_on_top(operate: Any) -> None:
    window = operate(locked=True).window
    assert window.windowFlags() & KIOSK_WINDOW_FLAGS == KIOSK_WINDOW_FLAGS


@pytest.mark.parametrize("key, modifiers", ESCAPES, ids=["alt-f4", "ctrl-w", "ctrl-q", "esc", "f11"])
def test_escape_keys_do_nothing_once_locked(operate: Any, key: Qt.Key, modifiers: Any) -> None:
    operated = operate(locked=True)
    window, lockdown = operated.window, operated.op.lockdown
    closed: list[bool] = []
    window.destroyed.connect(lambda: closed.append(True))
    QTest.keyClick(window, key, modifiers)
    QTest.keyClick(window.current_screen, key, modifiers)
    assert lockdown.swallowed_keys == 2
    assert window.isVisible() and not closed
    assert operated.kiosk.route == "attract"


def test_close_is_refused_until_staff_authorise_the_exit(operate: Any) -> None:
    operated = operate(locked=True)
    window = operated.window
    assert window.close() is False
    assert window.isVisible() and operated.op.lockdown.refused_closes == 1
    operated.op.lockdown.allow_exit()
    assert window.close() is True


def test_context_menus_never_open(operate: Any) -> None:
    operated = operate(locked=True)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(10, 10), QPoint(10, 10))
    assert operated.op.lockdown.eventFilter(operated.window.current_screen, event) is True
    assert event.type() == QEvent.Type.ContextMenu


def test_the_cursor_is_hidden_when_asked_and_comes_back_on_unlock(operate: Any) -> None:
    from kiosk.ui.lockdown import Lockdown

    operated = operate()
    lockdown = Lockdown(operated.window, hide_cursor=True)
    lockdown.lock()
    try:
        cursor = QGuiApplication.overrideCursor()
        assert cursor is not None and cursor.shape() == Qt.CursorShape.BlankCursor
    finally:
        lockdown.unlock()
    assert QGuiApplication.overrideCursor() is None


def test_a_windowed_preview_stays_unlocked_with_its_preview_keys(operate: Any) -> None:
    operated = operate(locked=False)
    assert operated.op.lockdown is None
    operated.kiosk.tap("AttractScreen")
    operated.window.navigator.open_page("basics", "what-is-it")
    QTest.keyClick(operated.window, Qt.Key.Key_Right)
    assert operated.kiosk.route == "page/basics/symptoms"
    assert operated.window.close() is True


@pytest.mark.parametrize("how", ["quit", "sigterm"])
def test_kiosk_run_starts_locked_on_the_attract_screen_and_quits_when_the_app_is_asked(
    tmp_path: Path, how: str
) -> None:
    """The real `kiosk run` in a child process: attract first, locked, and `QApplication.quit()`
    (a staff exit, a logout, a shutdown) still ends it cleanly with exit code 0."""
    script = textwrap.dedent(
        """
        import sys
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication
        from kiosk import cli
        from kiosk.ui import app as kiosk_app

        original = kiosk_app.show

        def show(window, *args, **kwargs):
            original(window, *args, **kwargs)
            def report():
                print("route", window.state.current.route.name)
                lockdowns = [c for c in window.children() if type(c).__name__ == "Lockdown"]
                print("locked", any(c.locked for c in lockdowns))
                print("close refused", window.close() is False)
                sys.stdout.flush()
                if "HOW" == "quit":
                    QApplication.instance().quit()
            QTimer.singleShot(200, report)

        kiosk_app.show = show
        sys.exit(cli.main(["run", "--log-level", "info"]))
        """
    ).replace("HOW", how)
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "kiosk.toml").write_text('idle_seconds = "soon"\nscreen = "nowhere"\n')
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "KIOSK_CONFIG_DIR": str(tmp_path / "config"),
        "KIOSK_DATA_DIR": str(tmp_path / "data"),
        "KIOSK_LOG_DIR": str(tmp_path / "log"),
    }
    child = subprocess.Popen(
        [sys.executable, "-c", script], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    lines = [child.stdout.readline() for _ in range(3)]
    if how == "sigterm":
        child.send_signal(signal.SIGTERM)  # as `systemctl stop` does, to an idle event loop
    _out, err = child.communicate(timeout=60)
    assert child.returncode == 0, err
    assert lines == ["route attract\n", "locked True\n", "close refused True\n"], (lines, err)
    log = (tmp_path / "log" / "kiosk.log").read_text()
    assert "settings: " in log and "kiosk.toml:1: idle_seconds" in log  # problems are logged
    assert "no screen named 'nowhere'" in log
    if how == "sigterm":
        assert "SIGTERM received: quitting" in log


def test_a_screen_is_picked_by_name_or_number() -> None:
    from kiosk.ui.app import pick_screen

    screens = QGuiApplication.screens()
    assert pick_screen(screens[0].name()) is screens[0]
    assert pick_screen("0") is screens[0] and pick_screen(0) is screens[0]
    assert pick_screen("no-such-screen") is QGuiApplication.primaryScreen()
    assert pick_screen(99) is QGuiApplication.primaryScreen()


def test_the_kiosk_opens_fullscreen_on_the_screen_it_is_given(tmp_path: Path) -> None:
    """With two monitors, the window opens filling the one chosen, not the primary one."""
    screens = [
        {"name": "HDMI-1", "x": 0, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96, "dpr": 1},
        {"name": "HDMI-2", "x": 1920, "y": 0, "width": 1280, "height": 800, "logicalDpi": 96, "dpr": 1},
    ]
    config = tmp_path / "screens.json"
    config.write_text(json.dumps({"screens": screens}))
    script = textwrap.dedent(
        """
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication, QWidget
        from kiosk.ui.app import pick_screen, show

        app = QApplication([])
        window = QWidget()
        show(window, pick_screen("HDMI-2"), False, None)
        def report():
            geometry = window.geometry()
            print(window.screen().name(), geometry.x(), geometry.y(), geometry.width(), geometry.height())
            app.quit()
        QTimer.singleShot(200, report)
        app.exec()
        """
    )
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["HDMI-2", "1920", "0", "1280", "800"], done.stderr
