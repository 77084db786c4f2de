"""A patient who walks away: the question, the countdown, then a fresh start for the next one."""

from __future__ import annotations

import pytest

from kiosk.session.idle import IdleAction, IdleDecision, IdlePolicy
from kiosk.session.state import ATTRACT, HOME, AppState, IdlePhase, Route, Snapshot, TextSize


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def state() -> AppState:
    return AppState(Snapshot(route=ATTRACT))


@pytest.fixture
def policy(state: AppState, clock: FakeClock) -> IdlePolicy:
    return IdlePolicy(state, clock=clock)


def read_a_few_pages(state: AppState) -> None:
    state.update(
        route=Route("page", topic="sciatica", page="stretch"),
        history=(ATTRACT, HOME, Route("topic", topic="sciatica")),
        language="es",
        text_size=TextSize.LARGEST,
        read_aloud=True,
        high_contrast=True,
    )


def test_an_untouched_kiosk_never_warns(policy: IdlePolicy, state: AppState, clock: FakeClock) -> None:
    clock.now += 10_000
    assert policy.tick() == IdleDecision(IdleAction.NOTHING)
    assert state.current == state.initial


def test_warning_comes_after_idle_seconds_with_a_countdown(
    policy: IdlePolicy, state: AppState, clock: FakeClock
) -> None:
    policy.activity()
    clock.now += 89.5
    assert policy.tick().action is IdleAction.NOTHING
    assert state.current.idle is IdlePhase.ACTIVE
    clock.now += 0.5
    assert policy.tick() == IdleDecision(IdleAction.WARN, 20)
    assert state.current.idle is IdlePhase.WARNING
    clock.now += 15.2
    assert policy.tick() == IdleDecision(IdleAction.WARN, 5)


def test_keep_reading_ends_the_warning_and_restarts_the_count(
    policy: IdlePolicy, state: AppState, clock: FakeClock
) -> None:
    policy.activity()
    read_a_few_pages(state)
    clock.now += 100
    assert policy.tick().action is IdleAction.WARN
    policy.keep_reading()
    assert state.current.idle is IdlePhase.ACTIVE
    assert state.current.route.name == "page/sciatica/stretch"
    clock.now += 89
    assert policy.tick().action is IdleAction.NOTHING
    clock.now += 1
    assert policy.tick().action is IdleAction.WARN


def test_after_the_countdown_the_screen_is_that_of_a_fresh_start(
    policy: IdlePolicy, state: AppState, clock: FakeClock
) -> None:
    policy.activity()
    read_a_few_pages(state)
    clock.now += 100
    policy.tick()
    clock.now += 10
    assert policy.tick() == IdleDecision(IdleAction.RESET)
    assert state.current == state.initial
    assert state.current.route == ATTRACT
    assert state.current.history == ()


def test_reset_listeners_clear_what_the_state_does_not_hold(
    policy: IdlePolicy, state: AppState, clock: FakeClock
) -> None:
    cleared: list[str] = []
    policy.on_reset(lambda: cleared.append("exercise stopped, scroll and highlights cleared"))
    remove = policy.on_reset(lambda: cleared.append("removed listener"))
    remove()
    policy.activity()
    clock.now += 110
    policy.tick()
    assert cleared == ["exercise stopped, scroll and highlights cleared"]


def test_after_a_reset_nothing_more_happens_until_the_next_touch(
    policy: IdlePolicy, state: AppState, clock: FakeClock
) -> None:
    resets: list[None] = []
    policy.on_reset(lambda: resets.append(None))
    policy.activity()
    clock.now += 110
    assert policy.tick().action is IdleAction.RESET
    for _ in range(5):
        clock.now += 110
        assert policy.tick().action is IdleAction.NOTHING
    assert len(resets) == 1
    policy.activity()
    clock.now += 110
    assert policy.tick().action is IdleAction.RESET


def test_a_late_tick_still_resets_rather_than_showing_a_stale_warning(
    policy: IdlePolicy, state: AppState, clock: FakeClock
) -> None:
    policy.activity()
    read_a_few_pages(state)
    clock.now += 3600  # the machine slept, or the GUI thread was stuck
    assert policy.tick().action is IdleAction.RESET
    assert state.current == state.initial


def test_a_playing_exercise_counts_as_activity(policy: IdlePolicy, state: AppState, clock: FakeClock) -> None:
    playing = True
    policy.keep_alive_while(lambda: playing)
    policy.activity()
    for _ in range(30):
        clock.now += 10
        assert policy.tick().action is IdleAction.NOTHING
    playing = False
    clock.now += 89
    assert policy.tick().action is IdleAction.NOTHING
    clock.now += 1
    assert policy.tick().action is IdleAction.WARN


def test_a_playing_exercise_during_the_warning_ends_it(
    policy: IdlePolicy, state: AppState, clock: FakeClock
) -> None:
    playing = False
    policy.keep_alive_while(lambda: playing)
    policy.activity()
    clock.now += 95
    assert policy.tick().action is IdleAction.WARN
    playing = True
    clock.now += 1
    assert policy.tick().action is IdleAction.NOTHING
    assert state.current.idle is IdlePhase.ACTIVE


def test_a_demo_left_looping_cannot_hold_the_screen_forever(
    policy: IdlePolicy, state: AppState, clock: FakeClock
) -> None:
    policy.keep_alive_while(lambda: True)
    policy.activity()
    read_a_few_pages(state)
    decisions = []
    for _ in range(80):  # 800 s in 10 s ticks, nobody touching
        clock.now += 10
        decisions.append(policy.tick().action)
    assert IdleAction.WARN in decisions
    assert decisions.count(IdleAction.RESET) == 1
    assert state.current == state.initial


def test_a_removed_keep_alive_no_longer_counts(policy: IdlePolicy, clock: FakeClock) -> None:
    remove = policy.keep_alive_while(lambda: True)
    remove()
    policy.activity()
    clock.now += 95
    assert policy.tick().action is IdleAction.WARN


def test_settings_change_the_times(state: AppState, clock: FakeClock) -> None:
    policy = IdlePolicy(state, idle_seconds=30, warning_seconds=45, clock=clock)
    policy.activity()
    clock.now += 30
    assert policy.tick() == IdleDecision(IdleAction.WARN, 45)


def test_a_warning_shorter_than_wcag_allows_is_refused(state: AppState) -> None:
    with pytest.raises(ValueError, match="at least 20"):
        IdlePolicy(state, warning_seconds=10)
