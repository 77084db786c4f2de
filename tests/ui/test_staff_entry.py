"""Staff entry: hold the top-right corner for 3 s, type the PIN, reach the panel; setup mode; lockout."""

from __future__ import annotations

import json
from typing import Any

import pytest
from layout_check import layout_problems
from operation_helpers import PIN
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QLabel
from uihelpers import settle

from kiosk.session.state import TextSize

SIZES = [(1920, 1080), (1080, 1920), (1280, 800)]


def corner(operated: Any) -> QPoint:
    return QPoint(operated.window.width() - 12, 12)


def hold_corner(qtbot: Any, operated: Any, ms: int) -> None:
    finger = operated.kiosk.finger
    finger._send("press", corner(operated))
    qtbot.wait(ms)
    finger._send("release", corner(operated))
    settle()


def type_pin(operated: Any, pin: str) -> None:
    for digit in pin:
        operated.kiosk.tap(f"pin-{digit}")
    operated.kiosk.tap("pin-enter")


def visible_note(window: Any) -> QLabel | None:
    """The no-PIN note on screen (an older bar's note may linger hidden until it is deleted)."""
    return next((n for n in window.findChildren(QLabel, "NoPinNote") if n.isVisible()), None)


def message(operated: Any) -> str:
    return operated.window.overlay.current.findChild(QLabel, "PinMessage").text()


def test_holding_the_corner_for_three_seconds_opens_the_pin_pad(qtbot: Any, operate: Any) -> None:
    operated = operate()
    operated.kiosk.tap("AttractScreen")
    finger = operated.kiosk.finger
    finger._send("press", corner(operated))
    qtbot.waitUntil(lambda: operated.dialog() == "pin-pad", timeout=6000)
    finger._send("release", corner(operated))
    settle()
    assert operated.dialog() == "pin-pad"


def test_a_shorter_hold_does_nothing(qtbot: Any, operate: Any) -> None:
    operated = operate()
    operated.kiosk.tap("AttractScreen")
    hold_corner(qtbot, operated, 1500)
    qtbot.wait(2000)  # longer than what was left of the 3 s: the released hold never fires
    assert operated.dialog() == ""
    assert not operated.op.staff.corner.timer.isActive()


def test_a_hold_on_the_attract_screen_opens_the_pad_and_does_not_start_a_visit(
    qtbot: Any, operate: Any
) -> None:
    operated = operate(hold_ms=300)
    hold_corner(qtbot, operated, 1500)  # five times the hold: still opens on a busy machine
    assert operated.dialog() == "pin-pad"
    assert operated.kiosk.route == "attract"


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_the_corner_holds_no_patient_target(operate: Any, size: tuple[int, int]) -> None:
    operated = operate(size=size)
    operated.kiosk.tap("AttractScreen")
    zone = operated.op.staff.corner.zone()
    for name, rect in operated.window.tappables():
        assert not rect.intersects(zone), f"{name} lies in the staff corner"


def test_the_right_pin_opens_the_staff_panel(qtbot: Any, operate: Any) -> None:
    operated = operate(hold_ms=200)
    operated.op.staff.open()
    assert operated.dialog() == "pin-pad"
    dots = operated.window.overlay.current.findChild(QLabel, "PinDots")
    operated.kiosk.tap("pin-4")
    operated.kiosk.tap("pin-8")
    assert dots.text() == "\u25cf\u25cf" and "4" not in dots.text()
    operated.kiosk.tap("pin-clear")
    type_pin(operated, PIN)
    assert operated.dialog() == "staff-panel"


def test_a_wrong_pin_says_how_many_tries_are_left(operate: Any) -> None:
    operated = operate()
    operated.op.staff.open()
    type_pin(operated, "1357")
    assert operated.dialog() == "pin-pad"
    assert message(operated) == "Wrong PIN. 4 tries left."
    operated.kiosk.tap("pin-cancel")
    assert operated.dialog() == ""


def test_five_wrong_pins_lock_staff_entry_for_five_minutes(operate: Any, tmp_path: Any) -> None:
    operated = operate()
    operated.op.staff.open()
    for _ in range(4):
        type_pin(operated, "1357")
    assert message(operated) == "Wrong PIN. 1 try left."
    type_pin(operated, "1357")
    assert message(operated) == "Too many wrong tries. Staff entry is locked for 5 more minutes."
    pad = operated.window.overlay.current
    assert not pad.enter_button.isEnabled() and not any(b.isEnabled() for b in pad.digit_buttons)
    assert pad.cancel_button.isEnabled()
    operated.kiosk.tap("pin-cancel")
    operated.op.staff.open()  # still locked when the pad opens again, even with the right PIN
    assert message(operated).startswith("Too many wrong tries")
    saved = json.loads((tmp_path / "pin-lockout.json").read_text())
    assert saved["locked_until"] > 0


def test_too_few_digits_is_not_a_wrong_try(operate: Any) -> None:
    operated = operate()
    operated.op.staff.open()
    type_pin(operated, "12")
    assert message(operated) == "The PIN has 4 to 8 digits."
    assert operated.op.staff.guard.tries_left == 5


def test_setup_mode_shows_a_note_that_a_tap_cannot_open(operate: Any) -> None:
    operated = operate(with_pin=False)
    operated.kiosk.tap("AttractScreen")
    names = [name for name, _ in operated.window.tappables()]
    assert not any("staff" in name or "Setup" in name for name in names), names
    note = visible_note(operated.window)
    assert note is not None and note.text() == "No staff PIN set"
    operated.kiosk.finger.tap(note.mapTo(operated.window, note.rect().center()))
    assert operated.dialog() == ""


def test_in_setup_mode_the_corner_hold_opens_the_panel_directly(qtbot: Any, operate: Any) -> None:
    operated = operate(with_pin=False, hold_ms=200)
    hold_corner(qtbot, operated, 1500)
    assert operated.dialog() == "staff-panel"
    assert operated.window.overlay.current.findChild(QLabel, "SetupNote").isVisible()


def test_the_no_pin_note_survives_a_text_size_change(operate: Any) -> None:
    operated = operate(with_pin=False)
    operated.kiosk.tap("AttractScreen")
    operated.kiosk.tap("bigger-text")
    assert visible_note(operated.window) is not None


def test_with_an_unreadable_pin_staff_entry_stays_closed(qtbot: Any, operate: Any) -> None:
    operated = operate(with_pin=False, setup_mode=False, entry_closed=True, hold_ms=200)
    operated.kiosk.tap("AttractScreen")
    assert visible_note(operated.window) is None
    hold_corner(qtbot, operated, 1500)
    assert operated.dialog() == ""


def test_exit_the_kiosk_is_the_one_way_out(qtbot: Any, operate: Any) -> None:
    operated = operate(locked=True)
    window = operated.window
    assert window.close() is False
    operated.op.staff.open_panel()
    with qtbot.waitSignal(window.exit_requested, timeout=1000):
        operated.kiosk.tap("staff-exit")
    assert window.close() is True


def test_return_to_the_kiosk_closes_the_panel(operate: Any) -> None:
    operated = operate()
    operated.kiosk.tap("AttractScreen")
    operated.op.staff.open_panel()
    operated.kiosk.tap("staff-return")
    assert operated.dialog() == "" and operated.kiosk.route == "home"


@pytest.mark.parametrize("text_size", [TextSize.NORMAL, TextSize.LARGEST], ids=["100", "175"])
@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_the_no_pin_note_fits_the_top_bar(operate: Any, size: tuple[int, int], text_size: TextSize) -> None:
    operated = operate(with_pin=False, size=size)
    operated.kiosk.tap("AttractScreen")
    operated.window.navigator.set_text_size(text_size)
    settle()
    min_target = 72 if size == (1920, 1080) else 48
    problems = layout_problems(operated.window.top_bar, min_target)
    assert not problems, "\n".join(problems)
