"""Single-switch scanning: one key (Space, as a switch interface sends it) drives the whole kiosk."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton
from uihelpers import load, settle

from kiosk.content.pack import Pack
from kiosk.session.settings import Settings
from kiosk.ui.switch_scan import SCAN_ROUNDS

BUNDLED_PACK = Path(__file__).resolve().parents[2] / "resources" / "packs" / "lower-back-pinched-nerve"
STEP_SECONDS = 0.15  # the setting's floor is 0.5 s; tests step faster to stay short
SWITCH = Qt.Key.Key_Space


@pytest.fixture(scope="module")
def bundled() -> Pack:
    from kiosk.ui.app import application

    application()
    return load(BUNDLED_PACK)


def ringed_name(window: Any) -> str:
    control = window.keyboard.ring_shown_on()
    if control is None:
        return ""
    return str(control.property("route") or control.objectName())


def press_switch(window: Any) -> None:
    QTest.keyClick(window.focusWidget() or window, SWITCH)
    settle()


def press_when_ringed(qtbot: Any, window: Any, name: str) -> None:
    """Wait, without touching anything, for the scan to reach `name`; then press the switch."""
    qtbot.waitUntil(lambda: ringed_name(window) == name, timeout=30_000)
    press_switch(window)


@pytest.fixture
def scanning(operate: Any, bundled: Pack) -> Any:
    operated = operate(pack=bundled, settings={"switch_scan": True, "switch_scan_seconds": 0.5})
    operated.op.switch_scan.timer.setInterval(round(STEP_SECONDS * 1000))
    return operated


def test_switch_only_walk_attract_home_topic_page_exercise_and_back(qtbot: Any, scanning: Any) -> None:
    window = scanning.window
    scan = scanning.op.switch_scan
    assert not scan.scanning and ringed_name(window) == ""  # nothing ticks until the switch is used
    press_switch(window)  # start: the ring is on the start screen's one control
    assert scan.scanning and ringed_name(window) == "AttractScreen"
    press_switch(window)
    assert scanning.kiosk.route == "home"
    press_when_ringed(qtbot, window, "topic/exercise")
    assert scanning.kiosk.route == "topic/exercise"
    press_when_ringed(qtbot, window, "page/exercise/pelvic-tilt")
    assert scanning.kiosk.route == "page/exercise/pelvic-tilt"
    player = window.current_screen.findChild(QAbstractButton, "PlayPause").parentWidget()
    playing = player.is_playing()
    press_when_ringed(qtbot, window, "PlayPause")
    assert player.is_playing() is not playing
    press_when_ringed(qtbot, window, "back")
    assert scanning.kiosk.route == "topic/exercise"
    assert scanning.kiosk.routes == ["home", "topic/exercise", "page/exercise/pelvic-tilt", "topic/exercise"]
    scan.stop()


def test_scanning_rests_after_rounds_without_a_press(qtbot: Any, scanning: Any) -> None:
    window = scanning.window
    scan = scanning.op.switch_scan
    press_switch(window)
    press_switch(window)  # Home, with its bar and tiles
    assert scan.scanning
    qtbot.waitUntil(lambda: not scan.scanning, timeout=60_000)
    assert ringed_name(window) == ""
    assert scan.steps >= SCAN_ROUNDS * len(window.keyboard.controls())


def test_a_tap_or_an_idle_reset_stops_scanning(qtbot: Any, scanning: Any) -> None:
    window = scanning.window
    scan = scanning.op.switch_scan
    press_switch(window)
    press_switch(window)
    assert scan.scanning
    scanning.kiosk.tap("topic/about")
    assert not scan.scanning and ringed_name(window) == ""
    press_switch(window)
    assert scan.scanning
    scanning.op.fresh_start()
    assert not scan.scanning and ringed_name(window) == ""


def test_scanning_is_off_unless_the_settings_turn_it_on(operate: Any, bundled: Pack) -> None:
    operated = operate(pack=bundled)
    assert operated.op.switch_scan is None
    assert Settings().switch_scan is False
    assert Settings(switch_scan=True, switch_scan_seconds=1.5).switch_scan_seconds == 1.5
