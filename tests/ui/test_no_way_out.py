"""No patient can leave the kiosk: with no staff PIN set, no tap anywhere opens the staff panel.

Every screen of the bundled pack (start screen, Home, every topic, every page, the idle question)
is opened and every control visible on it is tapped, one at a time from a fresh start; after each
tap the kiosk must still be running, locked, and showing no staff dialog. The top bar is the same
bar on every screen, so its controls are tapped once; a control that recurs on every screen of a
kind (Next, Play ...) is tapped on the first of them; the ones that differ (topic and page cards,
page dots) on each. Only the 3 s corner hold opens the panel, and the
"being set up" screen keeps the same rule.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from operation_helpers import Operated, make_operated, pin_hash
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from uihelpers import Finger, load, settle

from kiosk.content.pack import Pack
from kiosk.session.settings import Settings
from kiosk.ui.operation import BareOperation
from kiosk.ui.out_of_order import OutOfOrderScreen

STAFF_DIALOGS = {"staff-panel", "pin-pad"}


@pytest.fixture(scope="module")
def bundled(mini_pack: Pack) -> Pack:
    from kiosk.content.bundled import bundled_pack_dir

    return load(bundled_pack_dir())


@dataclass
class Exits:
    """Everything that would mean a patient got out, counted as it happens."""

    requested: int = 0
    quits: int = 0
    seen: list[str] = field(default_factory=list)


@pytest.fixture
def locked_kiosk(qtbot: Any, bundled: Pack, tmp_path: Path) -> Iterator[tuple[Operated, Exits]]:
    operated = make_operated(qtbot, bundled, tmp_path, with_pin=False, locked=True)
    exits = Exits()
    operated.window.exit_requested.connect(lambda: setattr(exits, "requested", exits.requested + 1))
    app = QApplication.instance()
    assert app is not None
    app.aboutToQuit.connect(lambda: setattr(exits, "quits", exits.quits + 1))
    yield operated, exits
    operated.op.shutdown()
    operated.window.overlay.clear()
    operated.window.close()
    settle()


def visible_note(window: Any) -> QLabel | None:
    """The no-PIN note on screen (an older bar's note may linger hidden until it is deleted)."""
    return next((n for n in window.findChildren(QLabel, "NoPinNote") if n.isVisible()), None)


def assert_still_locked(operated: Operated, exits: Exits, what: str) -> None:
    lockdown = operated.op.lockdown
    assert lockdown is not None
    assert operated.dialog() not in STAFF_DIALOGS, f"{what} opened the {operated.dialog()}"
    assert exits.requested == 0 and exits.quits == 0, f"{what} asked the kiosk to exit"
    assert lockdown.locked and not lockdown.exit_allowed, f"{what} unlocked the kiosk"
    assert operated.window.isVisible(), f"{what} hid the kiosk"


def screens(pack: Pack) -> list[tuple[str, str, Callable[[Operated], None]]]:
    """(name, kind, how to open it from a fresh start) for every screen a patient can reach."""
    found: list[tuple[str, str, Callable[[Operated], None]]] = [
        ("attract", "attract", lambda o: None),
        ("home", "home", lambda o: o.window.navigator.go_home()),
    ]
    for topic in pack.manifest.topics:
        found.append((f"topic/{topic.id}", "topic", lambda o, t=topic.id: o.window.navigator.open_topic(t)))
        for page_id in topic.pages:
            kind = pack.page(page_id, "en").kind
            found.append(
                (
                    f"page/{topic.id}/{page_id}",
                    f"page:{kind}",
                    lambda o, t=topic.id, p=page_id: o.window.navigator.open_page(t, p),
                )
            )
    return found


def fresh(operated: Operated, open_screen: Callable[[Operated], None]) -> None:
    operated.window.overlay.clear()
    operated.window.state.reset()
    settle()
    open_screen(operated)
    settle()


def on_screen(operated: Operated) -> list[tuple[str, QPoint, bool]]:
    """(name, window-local centre, in the top bar) of every tappable the window shows."""
    window = operated.window
    bar = window.top_bar
    assert bar is not None
    bar_rect = bar.rect().translated(bar.mapToGlobal(QPoint(0, 0)))
    found = []
    for name, rect in window.tappables():
        centre = window.mapFromGlobal(rect.center())
        if window.rect().contains(centre):  # scrolled out of sight: not tappable now
            found.append((name, centre, bar_rect.contains(rect.center())))
    return found


def test_no_tap_on_any_screen_leaves_the_kiosk(locked_kiosk: tuple[Operated, Exits], bundled: Pack) -> None:
    operated, exits = locked_kiosk
    tapped: set[tuple[str, str]] = set()
    taps = 0
    for screen_name, kind, open_screen in screens(bundled):
        fresh(operated, open_screen)
        controls = on_screen(operated)
        assert controls, f"{screen_name} shows nothing to tap"
        for name, _centre, in_bar in controls:
            key = ("top bar", name) if in_bar else (kind, name)
            if key in tapped:  # the same control on another screen (of this kind)
                continue
            tapped.add(key)
            fresh(operated, open_screen)
            centre = next((c for n, c, _ in on_screen(operated) if n == name), None)
            assert centre is not None, f"{name} vanished from {screen_name}"
            operated.kiosk.finger.tap(centre)
            taps += 1
            assert_still_locked(operated, exits, f"tapping {name} on {screen_name}")
    # The corner and the no-PIN note are not targets at all: a short tap on them does nothing.
    fresh(operated, lambda o: o.window.navigator.go_home())
    note = visible_note(operated.window)
    assert note is not None
    for point in (QPoint(operated.window.width() - 8, 8), note.mapTo(operated.window, note.rect().center())):
        operated.kiosk.finger.tap(point)
        assert_still_locked(operated, exits, f"tapping {point}")
    assert taps > 50, taps  # every screen of the pack was really tapped through


def test_no_tap_on_the_idle_question_leaves_the_kiosk(locked_kiosk: tuple[Operated, Exits]) -> None:
    operated, exits = locked_kiosk

    def open_question(o: Operated) -> None:
        o.kiosk.tap("AttractScreen")  # a patient starts, then walks away
        o.clock.advance(90)
        o.op.idle.timer.timeout.emit()

    fresh(operated, open_question)
    assert operated.dialog() != ""
    names = [name for name, _, _ in on_screen(operated)]
    for name in names:
        fresh(operated, open_question)
        operated.kiosk.tap(name)
        assert_still_locked(operated, exits, f"tapping {name} on the idle question")


def test_the_top_bar_only_tells_staff_that_no_pin_is_set(locked_kiosk: tuple[Operated, Exits]) -> None:
    operated, _ = locked_kiosk
    fresh(operated, lambda o: o.window.navigator.go_home())
    note = visible_note(operated.window)
    assert note is not None and note.text() == "No staff PIN set"
    names = [name for name, _ in operated.window.tappables()]
    assert not any("staff" in name or "setup" in name.lower() for name in names), names


def make_out_of_order(
    qtbot: Any, tmp_path: Path, *, with_pin: bool
) -> tuple[OutOfOrderScreen, BareOperation]:
    window = OutOfOrderScreen(1280, 800)
    qtbot.addWidget(window)
    operation = BareOperation(
        window,
        Settings(pin_hash=pin_hash() if with_pin else None),
        setup_mode=not with_pin,
        locked=True,
        lockout_file=tmp_path / "pin-lockout.json",
        hold_ms=200,
        hide_cursor=False,
    )
    operation.lock()
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    settle()
    return window, operation


def dialog_of(window: OutOfOrderScreen) -> str:
    current = window.overlay.current
    return "" if current is None or not window.overlay.isVisible() else str(current.property("dialog"))


def test_the_being_set_up_screen_lets_staff_out_and_no_one_else(qtbot: Any, tmp_path: Path) -> None:
    window, operation = make_out_of_order(qtbot, tmp_path, with_pin=False)
    finger = Finger(window)
    exits: list[int] = []
    window.exit_requested.connect(lambda: exits.append(1))
    try:
        assert "front desk" in window.message.text()
        note = window.findChild(QLabel, "NoPinNote")
        assert note is not None and note.isVisible()
        for point in (window.rect().center(), note.mapTo(window, note.rect().center()), QPoint(1272, 8)):
            finger.tap(point)
            assert dialog_of(window) == "" and not exits
        assert window.close() is False  # a close request is refused while locked
        corner = QPoint(window.width() - 8, 8)
        finger._send("press", corner)
        qtbot.waitUntil(lambda: dialog_of(window) == "staff-panel", timeout=3000)
        finger._send("release", corner)
        settle()
        panel = window.overlay.current
        assert panel is not None and panel.findChild(QLabel, "NoPackNote") is not None
        button = panel.findChild(QPushButton, "staff-exit")
        finger.tap(button.mapTo(window, button.rect().center()))
        assert exits == [1]
        assert window.close() is True
    finally:
        operation.shutdown()


def test_with_a_pin_the_being_set_up_screen_asks_for_it(qtbot: Any, tmp_path: Path) -> None:
    window, operation = make_out_of_order(qtbot, tmp_path, with_pin=True)
    try:
        assert window.findChild(QLabel, "NoPinNote") is None
        operation.staff.open()
        assert dialog_of(window) == "pin-pad"
    finally:
        operation.shutdown()
        window.overlay.clear()
