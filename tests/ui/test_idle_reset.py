"""Idle and privacy: "Are you still reading?" after the idle time, then a fresh start.

A fake clock drives the idle policy; the Qt timer's own slot is fired by hand (its timeout
signal), so no test waits 90 seconds.
"""

from __future__ import annotations

import contextlib
from typing import Any

import pytest
from layout_check import layout_problems
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QLabel, QScrollArea, QWidget
from uihelpers import settle

from kiosk.session.state import IdlePhase, TextSize
from kiosk.ui.pages.base import PageView


def fire_idle_timer(operated: Any) -> None:
    operated.op.idle.timer.timeout.emit()
    settle()


def read_a_page(operated: Any) -> None:
    """A patient starts, opens a topic and a page, makes the text bigger and scrolls down."""
    kiosk = operated.kiosk
    kiosk.tap("AttractScreen")
    assert kiosk.route == "home"
    kiosk.tap("topic/basics")
    kiosk.tap("page/basics/what-is-it")
    kiosk.tap("bigger-text")
    kiosk.tap("bigger-text")
    assert operated.window.state.current.text_size is TextSize.LARGER
    column = operated.window.current_screen.findChild(QScrollArea)
    column.verticalScrollBar().setValue(column.verticalScrollBar().maximum())


def test_nothing_ticks_before_the_first_touch(operate: Any) -> None:
    operated = operate()
    assert operated.kiosk.route == "attract"
    assert not operated.op.idle.timer.isActive()
    operated.clock.advance(10_000)
    fire_idle_timer(operated)
    assert operated.dialog() == "" and operated.kiosk.route == "attract"


def test_on_the_untouched_start_screen_there_is_no_question_only_a_quiet_fresh_start(operate: Any) -> None:
    operated = operate()
    screen = operated.window.current_screen
    operated.kiosk.tap("attract-pause")  # a touch, but nothing private is on the screen
    assert screen.paused and operated.op.idle.timer.isActive()
    operated.clock.advance(90)
    fire_idle_timer(operated)
    assert operated.dialog() == "" and operated.kiosk.route == "attract"
    assert not operated.window.current_screen.paused  # the loop moves again, as at a fresh start
    assert not operated.op.idle.timer.isActive()


def test_after_the_idle_time_the_question_shows_with_a_countdown(operate: Any) -> None:
    operated = operate()
    read_a_page(operated)
    assert operated.op.idle.timer.isActive()
    assert 1000 < operated.op.idle.timer.interval() <= 90_000  # it sleeps until it could be needed
    operated.clock.advance(89)
    fire_idle_timer(operated)
    assert operated.dialog() == ""
    operated.clock.advance(1)
    fire_idle_timer(operated)
    assert operated.dialog() == "idle-warning"
    assert operated.window.state.current.idle is IdlePhase.WARNING
    countdown = operated.window.overlay.current.findChild(QLabel, "IdleCountdown")
    assert "20 seconds" in countdown.text()
    assert operated.op.idle.timer.interval() == 1000  # once a second, only while counting down
    operated.clock.advance(12)
    fire_idle_timer(operated)
    assert "8 seconds" in countdown.text()
    assert operated.kiosk.route == "page/basics/what-is-it"


def test_the_reset_looks_exactly_like_a_fresh_start(operate: Any) -> None:
    operated = operate()
    window, state = operated.window, operated.window.state
    fresh_screen = type(window.current_screen)
    read_a_page(operated)
    operated.clock.advance(90)
    fire_idle_timer(operated)
    operated.clock.advance(20)
    fire_idle_timer(operated)

    assert state.current == state.initial
    assert operated.kiosk.route == "attract" and type(window.current_screen) is fresh_screen
    assert window.current_screen.isVisible() and not window.top_bar.isVisible()
    assert operated.dialog() == ""
    assert not [view for view in window.findChildren(PageView) if view.isVisible()]
    assert window.theme.text_percent == 100
    assert not operated.op.idle.timer.isActive()  # asleep until the next touch
    # The next patient starts on a Home screen scrolled to the top, at the normal text size.
    operated.kiosk.tap("AttractScreen")
    assert operated.kiosk.route == "home" and state.current.history == ()
    scroll = window.current_screen.findChild(QScrollArea)
    assert scroll.verticalScrollBar().value() == 0
    titles = [label for label in window.findChildren(QLabel, "PageTitle") if label.isVisible()]
    assert not titles


def test_keep_reading_cancels_the_reset(operate: Any) -> None:
    operated = operate()
    read_a_page(operated)
    operated.clock.advance(95)
    fire_idle_timer(operated)
    assert operated.dialog() == "idle-warning"
    operated.kiosk.tap("keep-reading")
    assert operated.dialog() == ""
    assert operated.window.state.current.idle is IdlePhase.ACTIVE
    operated.clock.advance(30)  # past the old reset time, but the count started again
    fire_idle_timer(operated)
    assert operated.kiosk.route == "page/basics/what-is-it" and operated.dialog() == ""


def test_any_touch_during_the_question_keeps_reading(operate: Any) -> None:
    operated = operate()
    read_a_page(operated)
    operated.clock.advance(91)
    fire_idle_timer(operated)
    operated.kiosk.finger.tap(QPoint(30, operated.window.height() - 30))  # whatever lies under it
    assert operated.dialog() == ""
    assert operated.kiosk.route == "page/basics/what-is-it"


class StandInPlayer(QWidget):
    """Stands in for an exercise demo: anything with is_playing() on the screen counts."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.playing = True

    def is_playing(self) -> bool:
        return self.playing


def test_a_playing_exercise_counts_as_activity_for_ten_minutes_at_most(operate: Any) -> None:
    operated = operate()
    read_a_page(operated)
    player = StandInPlayer(operated.window.current_screen)
    player.show()
    for _ in range(5):
        operated.clock.advance(100)
        fire_idle_timer(operated)
        assert operated.dialog() == ""
    player.playing = False
    operated.clock.advance(90)
    fire_idle_timer(operated)
    assert operated.dialog() == "idle-warning"
    operated.kiosk.tap("keep-reading")
    player.playing = True
    seconds = 0
    while operated.kiosk.route != "attract" and seconds < 2000:
        operated.clock.advance(50)
        seconds += 50
        fire_idle_timer(operated)
    # A demo left looping keeps the pages up for ten minutes after the last touch, not for ever.
    assert 600 <= seconds <= 600 + 90 + 20 + 50


def test_the_real_exercise_player_counts_as_activity(operate: Any, bundled_pack_dir: Any) -> None:
    from uihelpers import load

    from kiosk.ui.exercise.player import ExercisePlayer

    pack = load(bundled_pack_dir)
    operated = operate(pack=pack)
    operated.kiosk.tap("AttractScreen")
    topic, page = next(
        (t, p) for t in pack.manifest.topics for p in t.pages if pack.page(p, "en").kind == "exercise"
    )
    operated.window.navigator.open_page(topic.id, page)
    settle()
    players = operated.window.current_screen.findChildren(ExercisePlayer)
    assert len(players) == 1
    player = players[0]
    operated.kiosk.tap("PlayPause")
    assert player.is_playing()
    for _ in range(3):  # five minutes with nobody touching: the demo is being watched
        operated.clock.advance(100)
        fire_idle_timer(operated)
        assert operated.dialog() == ""
    seconds = 0
    while operated.kiosk.route != "attract" and seconds < 2000:
        operated.clock.advance(50)
        seconds += 50
        fire_idle_timer(operated)
    assert operated.kiosk.route == "attract", "the reset comes at last, ten minutes after the last touch"
    with contextlib.suppress(RuntimeError):  # deleted with the page it was on: stopped too
        assert not player.is_playing(), "the reset stops the demo"


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920), (1280, 800)], ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("text_size", [TextSize.NORMAL, TextSize.LARGEST], ids=["100", "175"])
def test_the_question_fits_every_screen(operate: Any, size: tuple[int, int], text_size: TextSize) -> None:
    operated = operate(size=size)
    operated.kiosk.tap("AttractScreen")
    operated.window.navigator.set_text_size(text_size)
    operated.clock.advance(90)
    fire_idle_timer(operated)
    assert operated.dialog() == "idle-warning"
    min_target = 72 if size == (1920, 1080) else 48
    problems = layout_problems(operated.window.overlay, min_target)
    assert not problems, "\n".join(problems)


def reset_with_memory_calls_noted(operated: Any, monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Only Pause touched, then the idle time: a reset, its later work due in 50 ms. Returns the
    list each call to give memory back appends to."""
    from kiosk.ui import operation

    monkeypatch.setattr(operation, "RETURN_MEMORY_DELAY_MS", 50)
    returned: list[bool] = []
    monkeypatch.setattr(operation, "return_free_memory", lambda: returned.append(True) or True)
    operated.kiosk.tap("attract-pause")
    operated.clock.advance(90)
    fire_idle_timer(operated)
    assert operated.kiosk.route == "attract"
    return returned


def test_after_the_reset_memory_freed_by_the_visit_goes_back_to_the_system(
    operate: Any, monkeypatch: pytest.MonkeyPatch, qtbot: Any
) -> None:
    returned = reset_with_memory_calls_noted(operate(), monkeypatch)
    qtbot.waitUntil(lambda: returned == [True], timeout=3_000)


def test_a_kiosk_shut_down_right_after_a_reset_does_no_more_of_it(
    operate: Any, monkeypatch: pytest.MonkeyPatch, qtbot: Any
) -> None:
    """Quitting inside the pause after a reset: nothing is rebuilt on the closing window later."""
    operated = operate()
    prepared: list[bool] = []
    monkeypatch.setattr(operated.window, "prepare_ahead", lambda: prepared.append(True))
    returned = reset_with_memory_calls_noted(operated, monkeypatch)
    operated.op.shutdown()
    qtbot.wait(300)
    assert returned == [] and prepared == [], "the reset's later work ran after shutdown"


def test_after_the_reset_the_last_visits_pictures_are_no_longer_kept(
    operate: Any, monkeypatch: pytest.MonkeyPatch, qtbot: Any
) -> None:
    """Only what the next visit's screens, built ahead on the start screen, drew again is kept."""
    from kiosk.ui import operation, resources

    monkeypatch.setattr(operation, "RETURN_MEMORY_DELAY_MS", 50)
    asked: list[tuple[str, int, int, float]] = []
    picture = resources.picture

    def noted(path: Any, width: int, height: int, ratio: float = 1.0) -> Any:
        asked.append((str(path), width, height, ratio))
        return picture(path, width, height, ratio)

    monkeypatch.setattr(resources, "picture", noted)
    operated = operate()
    read_a_page(operated)
    settle()
    last_visit = set(asked)
    assert set(resources._pictures) & last_visit
    asked.clear()
    operated.clock.advance(90)
    fire_idle_timer(operated)
    operated.clock.advance(30)
    with qtbot.waitSignal(operated.window.prepared, timeout=10_000):
        fire_idle_timer(operated)
    assert operated.kiosk.route == "attract"
    drawn_ahead = set(asked)
    assert drawn_ahead, "the screens built ahead drew their pictures"
    assert not (set(resources._pictures) & (last_visit - drawn_ahead))
    settle()
    assert operated.kiosk.route == "attract" and operated.window.current_screen.isVisible()
