"""The exercise clock: one elapsed time drives the figure, the highlighted step and the counters."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.session.exercise_clock import (
    ClockState,
    ExerciseClock,
    ExercisePlan,
    Phase,
    StepSpan,
    counter_label,
)

PELVIC_TILT = ExercisePlan(
    loop_seconds=5.0,
    steps=(StepSpan(0, 0.5), StepSpan(0.5, 2.0), StepSpan(2.0, 3.0, hold=True), StepSpan(3.0, 5.0)),
    sets=2,
    reps=10,
    hold_seconds=5.0,
    rest_seconds=30.0,
)
WALKING = ExercisePlan(loop_seconds=1.2, steps=(StepSpan(0, 0.6), StepSpan(0.6, 1.2)), reps=None, minutes=10)


def test_a_repetition_is_the_loop_with_its_hold_part_set_to_the_hold_time() -> None:
    assert PELVIC_TILT.rep_seconds == pytest.approx(9.0)  # 5 s loop - 1 s drawn hold + 5 s hold
    assert PELVIC_TILT.set_seconds == pytest.approx(90.0)
    assert PELVIC_TILT.total_seconds == pytest.approx(210.0)  # two sets and one rest between them


def test_the_figure_waits_in_the_hold_while_the_countdown_runs() -> None:
    state = PELVIC_TILT.state_at(2.0 + 2.5)
    assert state.phase is Phase.HOLD
    assert state.step_index == 2
    assert state.hold_remaining == pytest.approx(2.5)
    assert 2.0 <= state.animation_seconds < 3.0
    after = PELVIC_TILT.state_at(7.5)  # the hold is over: the release plays from the loop's 3.5 s
    assert after.phase is Phase.MOVE
    assert after.animation_seconds == pytest.approx(3.5)
    assert after.step_index == 3


def test_reps_sets_and_rest_are_counted_as_the_label_shows() -> None:
    assert counter_label(PELVIC_TILT, PELVIC_TILT.state_at(0)) == "Set 1 of 2 · Rep 1 of 10"
    assert counter_label(PELVIC_TILT, PELVIC_TILT.state_at(9.1)) == "Set 1 of 2 · Rep 2 of 10"
    resting = PELVIC_TILT.state_at(100.0)
    assert resting.phase is Phase.REST
    assert resting.rest_remaining == pytest.approx(20.0)
    assert resting.step_index is None
    assert resting.animation_seconds == 0.0
    assert counter_label(PELVIC_TILT, PELVIC_TILT.state_at(120.0)) == "Set 2 of 2 · Rep 1 of 10"
    done = PELVIC_TILT.state_at(210.0)
    assert done.finished and done.phase is Phase.DONE
    assert (done.set_index, done.rep_index) == (1, 9)


def test_a_timed_activity_counts_down_its_minutes() -> None:
    assert WALKING.total_seconds == pytest.approx(600.0)
    state = WALKING.state_at(30.6)
    assert state.animation_seconds == pytest.approx(0.6)
    assert state.step_index == 1
    assert counter_label(WALKING, state) == "9:30 left"
    assert counter_label(WALKING, state, left_text="quedan {minutes}:{seconds:02d}") == "quedan 9:30"
    assert WALKING.state_at(600.0).finished


def test_tapping_a_step_jumps_to_it_in_the_current_repetition() -> None:
    clock = ExerciseClock(PELVIC_TILT)
    clock.advance(9.0 * 3 + 4.0)  # in the hold of rep 4
    state = clock.jump_to_step(1)
    assert (state.set_index, state.rep_index, state.step_index) == (0, 3, 1)
    assert state.animation_seconds == pytest.approx(0.5, abs=1e-3)
    clock.advance(100 - clock.elapsed)  # into the rest: a tapped step starts the next set
    assert clock.state.phase is Phase.REST
    assert clock.jump_to_step(0).set_index == 1


def test_replay_starts_over_and_the_clock_stops_at_the_end() -> None:
    clock = ExerciseClock(WALKING)
    assert clock.advance(10_000).finished
    assert clock.elapsed == WALKING.total_seconds
    assert clock.replay().elapsed == 0.0


@pytest.mark.parametrize(
    "changes",
    [
        {"loop_seconds": 0.0},
        {"reps": 0},
        {"reps": None},  # neither reps nor minutes
        {"minutes": 5.0},  # both reps and minutes
        {"steps": (StepSpan(0, 1, hold=True), StepSpan(1, 2, hold=True))},
        {"steps": (StepSpan(1, 1),)},
        {"hold_seconds": -1.0},
    ],
)
def test_an_impossible_plan_is_refused(changes: dict[str, object]) -> None:
    values: dict[str, object] = {"loop_seconds": 2.0, "steps": (StepSpan(0, 2),), "reps": 3}
    values.update(changes)
    with pytest.raises(ValueError):
        ExercisePlan(**values)  # type: ignore[arg-type]


@st.composite
def plans(draw: st.DrawFn) -> ExercisePlan:
    loop = draw(st.floats(0.8, 10.0))
    cuts = sorted(draw(st.lists(st.floats(0.05, 0.95), min_size=0, max_size=4, unique=True)))
    bounds = [0.0, *(cut * loop for cut in cuts), loop]
    spans = [(a, b) for a, b in itertools.pairwise(bounds) if b - a > 0.05]
    hold_at = draw(st.none() | st.integers(0, len(spans) - 1))
    steps = tuple(StepSpan(a, b, hold=index == hold_at) for index, (a, b) in enumerate(spans))
    timed = draw(st.booleans())
    return ExercisePlan(
        loop_seconds=loop,
        steps=steps,
        sets=draw(st.integers(1, 3)),
        reps=None if timed else draw(st.integers(1, 6)),
        minutes=draw(st.floats(0.05, 0.5)) if timed else None,
        hold_seconds=0.0 if hold_at is None else draw(st.floats(0.5, 20.0)),
        rest_seconds=draw(st.sampled_from([0.0, 5.0, 30.0])),
    )


def _expected_step(plan: ExercisePlan, animation: float) -> int | None:
    inside = [i for i, step in enumerate(plan.steps) if step.start <= animation < step.end]
    if inside:
        return inside[0]
    return len(plan.steps) - 1 if animation >= plan.loop_seconds else None


@settings(max_examples=150, deadline=None)
@given(plan=plans(), fraction=st.floats(0.0, 1.0, exclude_max=True))
def test_the_step_shown_is_the_one_the_figure_is_performing(plan: ExercisePlan, fraction: float) -> None:
    state = plan.state_at(fraction * plan.total_seconds)
    assert 0.0 <= state.animation_seconds <= plan.loop_seconds + 1e-9
    if state.phase in (Phase.MOVE, Phase.HOLD):
        assert state.step_index == _expected_step(plan, state.animation_seconds)
    else:
        assert state.step_index is None
    if state.phase is Phase.HOLD:
        assert plan.steps[state.step_index or 0].hold
        assert 0.0 < state.hold_remaining <= plan.hold_seconds + 1e-9
    if state.phase is Phase.REST:
        assert 0.0 < state.rest_remaining <= plan.rest_seconds + 1e-9
        assert state.set_index < plan.sets - 1  # no rest after the last set


def _sweep(plan: ExercisePlan, ticks: int = 2000) -> list[ClockState]:
    return [plan.state_at(plan.total_seconds * k / ticks) for k in range(ticks)] + [
        plan.state_at(plan.total_seconds)
    ]


@settings(max_examples=60, deadline=None)
@given(plan=plans())
def test_counters_only_go_forward_and_add_up_to_the_dose(plan: ExercisePlan) -> None:
    states = _sweep(plan)
    progress = [(s.set_index, s.rep_index) for s in states]
    assert progress == sorted(progress)
    assert [s.finished for s in states].index(True) == len(states) - 1
    expected_total = plan.sets * plan.set_seconds + (plan.sets - 1) * plan.rest_seconds
    assert plan.total_seconds == pytest.approx(expected_total)
    if plan.reps is not None and plan.rep_seconds > 2 * plan.total_seconds / 2000:
        assert len(set(progress)) == plan.sets * plan.reps
    assert {s.set_index for s in states} == set(range(plan.sets))


@settings(max_examples=60, deadline=None)
@given(plan=plans(), ticks=st.integers(1, 400), sixty_fourths=st.integers(1, 8))
def test_half_speed_shows_the_same_moments_twice_as_slowly(
    plan: ExercisePlan, ticks: int, sixty_fourths: int
) -> None:
    tick = sixty_fourths / 64  # exact in binary, so both clocks add up to exactly the same time
    slow, normal = ExerciseClock(plan), ExerciseClock(plan)
    slow.speed = 0.5
    for _ in range(2 * ticks):
        slow.advance(tick)
    for _ in range(ticks):
        normal.advance(tick)
    assert slow.elapsed == normal.elapsed
    assert slow.state == normal.state


@settings(max_examples=100, deadline=None)
@given(plan=plans(), fraction=st.floats(0.0, 1.0, exclude_max=True))
def test_every_point_of_the_loop_is_reached_at_its_program_time(plan: ExercisePlan, fraction: float) -> None:
    animation = fraction * plan.loop_seconds
    offset = plan.rep_offset_of(animation)
    if offset >= min(plan.set_seconds, plan.rep_seconds):
        return  # a timed set shorter than one loop never gets there
    state = plan.state_at(offset)
    apart = abs(state.animation_seconds - animation)
    assert min(apart, plan.loop_seconds - apart) < 1e-6  # the loop's end is the next loop's start


@settings(max_examples=100, deadline=None)
@given(plan=plans(), fraction=st.floats(0.0, 1.0, exclude_max=True), data=st.data())
def test_a_tapped_step_is_highlighted_at_once(
    plan: ExercisePlan, fraction: float, data: st.DataObject
) -> None:
    clock = ExerciseClock(plan)
    clock.advance(fraction * plan.total_seconds)
    step = data.draw(st.integers(0, len(plan.steps) - 1))
    before = clock.state
    after = clock.jump_to_step(step)
    if plan.rep_offset_of(plan.steps[step].start) >= plan.set_seconds:
        return  # a timed set shorter than one loop never reaches this step
    assert after.step_index == step
    if before.phase in (Phase.MOVE, Phase.HOLD):
        assert after.set_index == before.set_index
        assert after.rep_index == before.rep_index or plan.minutes is not None


KNEE_TO_CHEST = ExercisePlan(
    loop_seconds=14.0,  # the right leg in the first 7 s of the demo, the left leg in the next 7 s
    steps=(StepSpan(0, 0.5), StepSpan(0.5, 2.6), StepSpan(2.6, 4.6, hold=True), StepSpan(4.6, 7.0)),
    reps=3,
    hold_seconds=15.0,
    sides=("Right leg", "Left leg"),
)


def test_an_exercise_with_sides_alternates_them_and_the_counter_names_the_side() -> None:
    rep = KNEE_TO_CHEST.rep_seconds
    assert rep == pytest.approx(7.0 - 2.0 + 15.0)
    assert KNEE_TO_CHEST.total_seconds == pytest.approx(6 * rep)  # 3 times with each leg
    labels = [counter_label(KNEE_TO_CHEST, KNEE_TO_CHEST.state_at(rep * k + 1.0)) for k in range(6)]
    assert labels == [
        "Right leg · Rep 1 of 3",
        "Left leg · Rep 1 of 3",
        "Right leg · Rep 2 of 3",
        "Left leg · Rep 2 of 3",
        "Right leg · Rep 3 of 3",
        "Left leg · Rep 3 of 3",
    ]


def test_each_side_plays_its_own_part_of_the_demo_with_the_same_steps() -> None:
    rep = KNEE_TO_CHEST.rep_seconds
    right = KNEE_TO_CHEST.state_at(1.0)
    left = KNEE_TO_CHEST.state_at(rep + 1.0)
    assert right.step_index == left.step_index == 1
    assert right.animation_seconds == pytest.approx(1.0)
    assert left.animation_seconds == pytest.approx(7.0 + 1.0)
    held = KNEE_TO_CHEST.state_at(rep + 2.6 + 10.0)
    assert held.phase is Phase.HOLD and held.side_index == 1
    assert 7.0 + 2.6 < held.animation_seconds < 7.0 + 4.6
    assert held.hold_remaining == pytest.approx(5.0)


def test_tapping_a_step_stays_with_the_side_being_worked() -> None:
    clock = ExerciseClock(KNEE_TO_CHEST)
    clock.advance(KNEE_TO_CHEST.rep_seconds + 1.0)  # left leg, first time
    state = clock.jump_to_step(3)
    assert state.side_index == 1 and state.step_index == 3
    assert counter_label(KNEE_TO_CHEST, state) == "Left leg · Rep 1 of 3"
