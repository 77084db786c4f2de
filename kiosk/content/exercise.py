"""Exercise pages: the front matter of a page that shows a moving demo with steps and counters.

The model checks each value on its own (pydantic, so a wrong value is reported on its line);
`check_exercise_page` checks what needs several values together or the animation file itself
(a step that starts after the animation ends, a hold with no step to hold on, a demo that cannot
be read). Both report in the nurse's words, with the file and line.

Timing model (also in docs/exercise-demos.md): one loop of the animation is one repetition. Step
times are seconds on that loop. One step may be marked `hold: true`; the player stays on that
part of the animation for `hold_seconds` (with a countdown) instead of its drawn length. An
exercise done with each side in turn (`sides`) draws each side once in its loop, one after the
other; each repetition plays one side's share, and step times are on that share.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import Field, ValidationInfo, field_validator

from kiosk.content import pack_types
from kiosk.content.models import (
    FRONT_MATTER_BY_KIND,
    RECORD_OF_MODEL,
    TEXT_LIMITS,
    PackPath,
    PageFrontMatter,
    _Frozen,
)
from kiosk.content.problems import Problem, Severity

if TYPE_CHECKING:
    from kiosk.content.motion_length import MotionLength

MAX_STEPS = 12
STEP_TIME_TOLERANCE = 0.05
"""Seconds a step may reach past the end of the animation (rounding in the file's numbers)."""


class ExerciseStep(_Frozen):
    """One instruction, highlighted while the figure performs it."""

    text: str = Field(
        min_length=1, max_length=TEXT_LIMITS["step"], description="What to do, in one short sentence."
    )
    start: float = Field(ge=0, le=600, description="Seconds into the animation loop when this step begins.")
    end: float = Field(gt=0, le=600, description="Seconds into the animation loop when this step ends.")
    hold: bool = Field(
        default=False,
        description="True for the step where the person holds still; it lasts hold_seconds when playing.",
    )

    @field_validator("end")
    @classmethod
    def _ends_after_start(cls, end: float, info: ValidationInfo) -> float:
        start = info.data.get("start")
        if isinstance(start, float | int) and end <= start:
            raise ValueError(f"end ({end:g}) must be later than start ({start:g})")
        return end


class ExerciseFrontMatter(PageFrontMatter):
    """The top block of an exercise page."""

    kind: Literal["exercise"] = "exercise"
    animation: PackPath | None = Field(
        default=None,
        description="The moving demo: an animated SVG, an animated WebP or GIF, or an MP4 video. "
        "Leave it out to show the page picture with the steps.",
    )
    steps: list[ExerciseStep] = Field(min_length=1, max_length=MAX_STEPS)
    sets: int = Field(default=1, ge=1, le=10, description="How many rounds.")
    reps: int | None = Field(
        default=None, ge=1, le=100, description="How many times in each round (one animation loop each)."
    )
    minutes: float | None = Field(
        default=None,
        gt=0,
        le=60,
        description="For activities done for a time instead of counted, like walking: minutes per round.",
    )
    sides: list[Annotated[str, Field(min_length=1, max_length=40)]] = Field(
        default_factory=list,
        max_length=4,
        description="For an exercise done with each side in turn, the sides' names in the page's "
        "language, e.g. [Right leg, Left leg]: the demo's loop shows each side once, in this order, "
        "and the counter names the side. reps counts per side.",
    )
    hold_seconds: float = Field(default=0, ge=0, le=120, description="How long to hold the hold step.")
    rest_seconds: float = Field(default=0, ge=0, le=600, description="Rest between rounds, in seconds.")
    cautions: list[Annotated[str, Field(min_length=1, max_length=TEXT_LIMITS["caution"])]] = Field(
        default_factory=list,
        max_length=6,
        description="Safety notes shown with the demo, e.g. 'Stop if pain spreads down your leg.'",
    )
    ask_care_team_first: bool = Field(
        default=True, description="Show 'Ask your care team before you start this exercise.'"
    )


LineOf = Callable[[Sequence[int | str]], int]
"""Gives the line in the page file where the value at a location (like ('steps', 2, 'end')) is."""


def check_exercise_page(
    root: Path, page_file: str, front: ExerciseFrontMatter, line_of: LineOf
) -> list[Problem]:
    """Checks that need several values together, or the animation file; empty when all is well.

    `root` is the pack folder and `page_file` the page's path inside it (for the messages). The
    animation's own safety (size, SVG content) is checked by the media checks; here it is read only
    to find how long one loop lasts.
    """
    problems: list[Problem] = []

    def error(location: Sequence[int | str], message: str, fix: str) -> None:
        problems.append(Problem(page_file, line_of(location), Severity.ERROR, message, fix))

    def warning(location: Sequence[int | str], message: str, fix: str) -> None:
        problems.append(Problem(page_file, line_of(location), Severity.WARNING, message, fix))

    _check_dose(front, error)
    _check_steps(front, error)
    if not front.cautions:
        warning(
            ("steps",),
            "this exercise has no cautions",
            "add 'cautions:' with at least one line, e.g. '- Stop if pain spreads down your leg.'",
        )
    if front.animation is not None:
        length = _animation_length(root, front.animation)
        if isinstance(length, str):
            error(("animation",), f"the animation cannot be used: {length}", "export the demo again")
        elif length.seconds is not None:
            _check_against_loop(front, length.seconds / max(1, len(front.sides)), error)
    return problems


Report = Callable[[Sequence[int | str], str, str], None]


def _check_dose(front: ExerciseFrontMatter, error: Report) -> None:
    if front.reps is None and front.minutes is None:
        error(
            ("steps",),
            "the exercise says neither how many times (reps) nor for how long (minutes)",
            "add a line 'reps: 10', or 'minutes: 10' for an activity like walking",
        )
    if front.reps is not None and front.minutes is not None:
        error(("minutes",), "write either reps or minutes, not both", "remove one of the two lines")
    if front.sides and front.reps is None:
        error(
            ("sides",),
            "an exercise done with each side in turn needs reps (how many times with each side)",
            "add a line 'reps: 3', or remove sides",
        )
    if len(front.sides) == 1:
        error(("sides",), "sides names only one side", "name every side in turn, e.g. [Right leg, Left leg]")
    if front.minutes is not None and front.reps is None and front.hold_seconds:
        error(
            ("hold_seconds",),
            "an exercise done for a number of minutes cannot have a hold",
            "remove hold_seconds, or count the exercise with reps instead of minutes",
        )


def _check_steps(front: ExerciseFrontMatter, error: Report) -> None:
    hold_steps = [index for index, step in enumerate(front.steps) if step.hold]
    for extra in hold_steps[1:]:
        error(("steps", extra, "hold"), "only one step can be the hold", "remove 'hold: true' from this step")
    if front.hold_seconds and not hold_steps:
        error(
            ("hold_seconds",),
            f"hold_seconds is {front.hold_seconds:g} but no step is marked as the hold",
            "add 'hold: true' to the step where the person holds still",
        )
    if hold_steps and not front.hold_seconds:
        error(
            ("steps", hold_steps[0], "hold"),
            "this step is marked as the hold, but hold_seconds is missing",
            "add a line 'hold_seconds: 5' (how long to hold), or remove 'hold: true'",
        )
    for index in range(1, len(front.steps)):
        before, step = front.steps[index - 1], front.steps[index]
        if step.start < before.end - 1e-9:
            error(
                ("steps", index, "start"),
                f"step {index + 1} starts at {step.start:g} s, before step {index} ends ({before.end:g} s)",
                "list the steps in time order, each starting when the one before ends or later",
            )


def _check_against_loop(front: ExerciseFrontMatter, loop: float, error: Report) -> None:
    span = "each side's part of the animation" if front.sides else "the animation"
    for index, step in enumerate(front.steps):
        for name in ("start", "end"):
            value = getattr(step, name)
            if value > loop + STEP_TIME_TOLERANCE:
                error(
                    ("steps", index, name),
                    f"step {index + 1} {name}s at {value:g} s, but {span} lasts only {loop:g} s",
                    f"use times between 0 and {loop:g}",
                )


def _animation_length(root: Path, relative: str) -> MotionLength | str:
    # The file checks are imported here, not at the top: a pack rebuilt from the checked-pack
    # index (`checked_index`) needs the exercise model but none of the checks.
    from kiosk.content.media import extension_of
    from kiosk.content.motion_length import MotionLength, motion_length_of_file
    from kiosk.content.paths import UnsafePath, resolve_inside

    try:
        path = resolve_inside(root, relative)
    except UnsafePath:
        return MotionLength(None)  # reported on the same line by the media checks
    if not path.is_file():
        return MotionLength(None)  # likewise: a missing file is reported once
    return motion_length_of_file(path, extension_of(relative))


FRONT_MATTER_BY_KIND["exercise"] = ExerciseFrontMatter
RECORD_OF_MODEL[ExerciseFrontMatter] = pack_types.ExerciseFrontMatter
