"""The one clock of an exercise demo: program time in, everything the player shows out.

The player keeps a single number, the elapsed program time, and advances it by `dt * speed` on each
tick (nothing while paused). From that number alone `ExercisePlan.state_at` gives the figure's
animation time, the highlighted step, the set and rep counters and the hold and rest countdowns,
so they cannot drift apart at any speed.

Timing model: one loop of the animation is one repetition. A repetition plays the loop from start
to end, except that the part of the loop covered by the hold step (if any) is stretched or shrunk
to last `hold_seconds`. Counted exercises do `reps` repetitions per set; timed ones (walking,
cycling) repeat the loop for `minutes` per set. Sets are separated by `rest_seconds` of rest,
during which the figure waits in its starting pose.

Sides: an exercise done with each side in turn (knee to chest: right leg, then left leg) names its
sides. Its animation draws each side once, one after the other, so each side owns an equal share
of the loop; every repetition plays one share, the sides take turns, `reps` counts per side, and
step times are seconds on one share.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.content.pack_types import ExerciseFrontMatter


class Phase(StrEnum):
    MOVE = "move"
    HOLD = "hold"
    REST = "rest"
    DONE = "done"


@dataclass(frozen=True)
class StepSpan:
    """Where a step sits on the animation loop (seconds), and whether it is the hold."""

    start: float
    end: float
    hold: bool = False


@dataclass(frozen=True)
class ClockState:
    """Everything the player shows at one moment. Indexes count from 0; labels from 1."""

    set_index: int
    rep_index: int
    """Repetitions done in this set before this one, counting every side's."""
    phase: Phase
    step_index: int | None
    animation_seconds: float
    """Where the figure is within its loop."""
    hold_remaining: float
    rest_remaining: float
    set_remaining: float | None
    """Seconds left in the current set of a timed exercise (None for counted ones)."""
    elapsed: float
    finished: bool
    side_index: int = 0
    """Which of the plan's sides this repetition works (0 when the exercise has no sides)."""


@dataclass(frozen=True)
class ExercisePlan:
    """The numbers the clock needs: from an exercise page plus the length of its animation."""

    loop_seconds: float
    steps: tuple[StepSpan, ...]
    sets: int = 1
    reps: int | None = 1
    minutes: float | None = None
    hold_seconds: float = 0.0
    rest_seconds: float = 0.0
    sides: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not (self.loop_seconds > 0 and math.isfinite(self.loop_seconds)):
            raise ValueError("the animation loop must last some time")
        if self.sets < 1 or (self.reps is None) == (self.minutes is None):
            raise ValueError("an exercise needs at least one set and either reps or minutes")
        if (self.reps is not None and self.reps < 1) or (self.minutes is not None and self.minutes <= 0):
            raise ValueError("reps and minutes must be more than zero")
        if self.hold_seconds < 0 or self.rest_seconds < 0:
            raise ValueError("hold and rest cannot be negative")
        if sum(step.hold for step in self.steps) > 1:
            raise ValueError("only one step can be the hold")
        if any(not step.end > step.start for step in self.steps):
            raise ValueError("every step must end after it starts")

    @classmethod
    def from_page(cls, front: ExerciseFrontMatter, loop_seconds: float | None) -> ExercisePlan:
        """The plan for an exercise page; a still picture's loop is its steps' span."""
        steps = tuple(StepSpan(step.start, step.end, step.hold) for step in front.steps)
        loop = loop_seconds if loop_seconds else max(step.end for step in steps)
        return cls(
            loop_seconds=loop,
            steps=steps,
            sets=front.sets,
            reps=front.reps,
            minutes=front.minutes,
            hold_seconds=front.hold_seconds if front.minutes is None else 0.0,
            rest_seconds=front.rest_seconds,
            sides=tuple(front.sides),
        )

    @property
    def side_count(self) -> int:
        return max(1, len(self.sides))

    @property
    def share_seconds(self) -> float:
        """The part of the loop that one repetition plays: the whole loop, or one side's share."""
        return self.loop_seconds / self.side_count

    @property
    def reps_per_set(self) -> int | None:
        """Repetitions in a counted set, every side's together."""
        return None if self.reps is None else self.reps * self.side_count

    @property
    def hold_span(self) -> StepSpan | None:
        """The hold step's part of the loop, when the exercise has a hold."""
        if self.minutes is not None or self.hold_seconds <= 0:
            return None
        return next((step for step in self.steps if step.hold), None)

    @property
    def rep_seconds(self) -> float:
        """Program time of one repetition (the loop with its hold part set to hold_seconds)."""
        span = self.hold_span
        if span is None:
            return self.share_seconds
        return self.share_seconds - (span.end - span.start) + self.hold_seconds

    @property
    def set_seconds(self) -> float:
        if self.minutes is not None:
            return self.minutes * 60.0
        assert self.reps_per_set is not None
        return self.reps_per_set * self.rep_seconds

    @property
    def total_seconds(self) -> float:
        return self.sets * self.set_seconds + (self.sets - 1) * self.rest_seconds

    def state_at(self, elapsed: float) -> ClockState:
        """What the player shows `elapsed` seconds of program time after the start."""
        elapsed = max(0.0, elapsed)
        if elapsed >= self.total_seconds:
            return self._finished(elapsed)
        round_length = self.set_seconds + self.rest_seconds
        set_index = min(_whole(elapsed, round_length), self.sets - 1)
        in_round = max(0.0, elapsed - set_index * round_length)
        if in_round >= self.set_seconds:
            return ClockState(
                set_index=set_index,
                rep_index=self._last_rep(),
                side_index=self._last_rep() % self.side_count,
                phase=Phase.REST,
                step_index=None,
                animation_seconds=0.0,
                hold_remaining=0.0,
                rest_remaining=round_length - in_round,
                set_remaining=0.0 if self.minutes is not None else None,
                elapsed=elapsed,
                finished=False,
            )
        rep_length = self.rep_seconds if self.minutes is None else self.share_seconds
        rep_index = _whole(in_round, rep_length)
        if self.reps_per_set is not None:
            rep_index = min(rep_index, self.reps_per_set - 1)
        in_rep = max(0.0, in_round - rep_index * rep_length)
        animation, phase, hold_remaining = self._animation_time(in_rep)
        side_index = rep_index % self.side_count
        return ClockState(
            set_index=set_index,
            rep_index=rep_index,
            side_index=side_index,
            phase=phase,
            step_index=self.step_at(animation),
            animation_seconds=side_index * self.share_seconds + animation,
            hold_remaining=hold_remaining,
            rest_remaining=0.0,
            set_remaining=self.set_seconds - in_round if self.minutes is not None else None,
            elapsed=elapsed,
            finished=False,
        )

    def _animation_time(self, in_rep: float) -> tuple[float, Phase, float]:
        span = self.hold_span
        if self.minutes is not None or span is None:
            return min(in_rep, self.share_seconds), Phase.MOVE, 0.0
        if in_rep < span.start:
            return in_rep, Phase.MOVE, 0.0
        held = in_rep - span.start
        if held < self.hold_seconds:
            drawn = span.end - span.start
            return span.start + held * drawn / self.hold_seconds, Phase.HOLD, self.hold_seconds - held
        return min(in_rep - self.hold_seconds + (span.end - span.start), self.share_seconds), Phase.MOVE, 0.0

    def step_at(self, animation_seconds: float) -> int | None:
        """The step being performed at this point of a repetition's share of the loop (the last step
        includes the share's end)."""
        for index, step in enumerate(self.steps):
            if step.start <= animation_seconds < step.end:
                return index
        end = self.share_seconds
        if self.steps and animation_seconds >= end and self.steps[-1].end >= end - EPSILON:
            return len(self.steps) - 1
        return None

    def rep_offset_of(self, animation_seconds: float) -> float:
        """Program time within a repetition at which the figure reaches this point of the loop."""
        span = self.hold_span
        if span is None or animation_seconds < span.start:
            return animation_seconds
        if animation_seconds < span.end:
            return span.start + (animation_seconds - span.start) * self.hold_seconds / (span.end - span.start)
        return animation_seconds + self.hold_seconds - (span.end - span.start)

    def time_of_step(self, state: ClockState, step_index: int) -> float:
        """Program time to jump to when a step is tapped: its start, in the current repetition."""
        step = self.steps[step_index]
        set_index = state.set_index
        rep_index = 0 if state.phase in (Phase.REST, Phase.DONE) else state.rep_index
        if state.phase is Phase.REST:
            set_index = min(set_index + 1, self.sets - 1)
        if state.phase is Phase.DONE:
            set_index = 0
        rep_length = self.rep_seconds if self.minutes is None else self.share_seconds
        offset = self.rep_offset_of(step.start) + JUMP_NUDGE
        # a timed set may end part-way through a loop: go back a loop if the step lies past the end
        while rep_index > 0 and rep_index * rep_length + offset >= self.set_seconds:
            rep_index -= 1
        return set_index * (self.set_seconds + self.rest_seconds) + rep_index * rep_length + offset

    def _last_rep(self) -> int:
        if self.reps_per_set is not None:
            return self.reps_per_set - 1
        return max(0, math.ceil(self.set_seconds / self.share_seconds) - 1)

    def _finished(self, elapsed: float) -> ClockState:
        return ClockState(
            set_index=self.sets - 1,
            rep_index=self._last_rep(),
            side_index=self._last_rep() % self.side_count,
            phase=Phase.DONE,
            step_index=None,
            animation_seconds=0.0,
            hold_remaining=0.0,
            rest_remaining=0.0,
            set_remaining=0.0 if self.minutes is not None else None,
            elapsed=elapsed,
            finished=True,
        )


EPSILON = 1e-9
"""Times this close to a boundary count as reached, so a jump to a step's start lands in that step
even after floating-point rounding."""


JUMP_NUDGE = 1e-6
"""A tapped step is entered this far past its start, so rounding cannot leave it in the step before."""


def _whole(amount: float, length: float) -> int:
    """How many whole `length`s fit in `amount`, forgiving rounding just below a boundary."""
    return int((amount + EPSILON) // length)


class ExerciseClock:
    """The player's running clock: elapsed program time, moved on by ticks at the chosen speed."""

    SPEEDS: Sequence[float] = (0.5, 1.0)

    def __init__(self, plan: ExercisePlan) -> None:
        self.plan = plan
        self.elapsed = 0.0
        self.speed = 1.0

    def advance(self, wall_seconds: float) -> ClockState:
        """Move on by `wall_seconds` of real time at the current speed (a paused player skips this)."""
        self.elapsed = min(self.elapsed + max(0.0, wall_seconds) * self.speed, self.plan.total_seconds)
        return self.state

    @property
    def state(self) -> ClockState:
        return self.plan.state_at(self.elapsed)

    def replay(self) -> ClockState:
        self.elapsed = 0.0
        return self.state

    def jump_to_step(self, step_index: int) -> ClockState:
        self.elapsed = self.plan.time_of_step(self.state, step_index)
        return self.state


def counter_phrases(
    plan: ExercisePlan,
    state: ClockState,
    set_text: str = "Set {number} of {count}",
    rep_text: str = "Rep {number} of {count}",
    left_text: str = "{minutes}:{seconds:02d} left",
    total_text: str = "{minutes}:{seconds:02d} in all",
) -> list[str]:
    """The counter's phrases in order: ['Set 1 of 2', 'Rep 3 of 10'], ['Right leg', 'Rep 2 of 3'],
    or ['4:30 left'] for a timed activity (['5:00 in all'] before it starts).

    The texts are templates so the player can pass them in the screen's language; side names come
    from the page, which is already in that language. A screen may break a line between phrases,
    never inside one ("Rep 1 of / 10" reads as nonsense).
    """
    parts = [set_text.format(number=state.set_index + 1, count=plan.sets)] if plan.sets > 1 else []
    if plan.sides:
        parts.append(plan.sides[state.side_index])
    if plan.reps is not None:
        number = state.rep_index // plan.side_count + 1
        parts.append(rep_text.format(number=number, count=plan.reps))
    elif state.set_remaining is not None:
        seconds = math.ceil(state.set_remaining)
        template = total_text if state.elapsed == 0 and state.set_index == 0 else left_text
        parts.append(template.format(minutes=seconds // 60, seconds=seconds % 60))
    return parts


def counter_label(
    plan: ExercisePlan,
    state: ClockState,
    set_text: str = "Set {number} of {count}",
    rep_text: str = "Rep {number} of {count}",
    left_text: str = "{minutes}:{seconds:02d} left",
) -> str:
    """'Set 1 of 2 · Rep 3 of 10', 'Right leg · Rep 2 of 3', or '4:30 left' for a timed activity."""
    return " · ".join(counter_phrases(plan, state, set_text, rep_text, left_text, left_text))
