"""Exercise pages: what a nurse sees when an exercise's numbers, steps or demo file are wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.content import pack_types
from kiosk.content.exercise import ExerciseFrontMatter
from kiosk.content.loader import load_pack
from kiosk.content.models import FRONT_MATTER_BY_KIND

DEMO = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">
<g><animateTransform attributeName="transform" type="rotate" values="0 50 50;20 50 50;0 50 50"
 dur="4s" repeatCount="indefinite"/><rect x="40" y="20" width="20" height="60" fill="#1E6E75"/></g>
</svg>
"""

GOOD_PAGE = """---
title: Pelvic tilt
kind: exercise
illustration: images/circle.svg
illustration_alt: A person lying on a mat with knees bent.
animation: images/demo.svg
steps:
  - text: Lie on your back with your knees bent.
    start: 0
    end: 1
  - text: Tighten your belly and press your back down.
    start: 1
    end: 2
  - text: Hold. Keep breathing.
    start: 2
    end: 3
    hold: true
  - text: Relax slowly.
    start: 3
    end: 4
sets: 2
reps: 10
hold_seconds: 5
rest_seconds: 30
cautions:
  - Stop if pain spreads down your leg.
ask_care_team_first: true
---
Do this slowly.
"""


@pytest.fixture
def exercise_pack(mini_pack: Path) -> Path:
    (mini_pack / "images" / "demo.svg").write_text(DEMO)
    (mini_pack / "pages" / "what-is-it.en.md").write_text(GOOD_PAGE)
    return mini_pack


def _write(pack: Path, text: str) -> None:
    (pack / "pages" / "what-is-it.en.md").write_text(text)


def _problems(pack: Path) -> list[tuple[str, int, str]]:
    return [(p.file, p.line, p.message) for p in load_pack(pack).problems if p.is_error]


def _line(text: str, needle: str, occurrence: int = 1) -> int:
    """1-based line of the n-th line containing `needle`."""
    found = [number for number, line in enumerate(text.split("\n"), start=1) if needle in line]
    return found[occurrence - 1]


def test_exercise_pages_are_read_with_the_exercise_model(exercise_pack: Path) -> None:
    assert FRONT_MATTER_BY_KIND["exercise"] is ExerciseFrontMatter
    result = load_pack(exercise_pack)
    assert result.problems == ()
    assert result.pack is not None
    front = result.pack.page("what-is-it", "en").front
    assert isinstance(front, pack_types.ExerciseFrontMatter)
    assert (front.sets, front.reps, front.hold_seconds, front.rest_seconds) == (2, 10, 5, 30)
    assert [step.hold for step in front.steps] == [False, False, True, False]
    assert front.cautions == ["Stop if pain spreads down your leg."]
    assert front.ask_care_team_first


def test_a_step_after_the_end_of_the_animation_names_its_line(exercise_pack: Path) -> None:
    text = GOOD_PAGE.replace("    start: 3\n    end: 4", "    start: 3\n    end: 6.5")
    _write(exercise_pack, text)
    message = "step 4 ends at 6.5 s, but the animation lasts only 4 s"
    assert _problems(exercise_pack) == [("pages/what-is-it.en.md", _line(text, "end: 6.5"), message)]


def test_zero_reps_is_refused_on_its_line(exercise_pack: Path) -> None:
    text = GOOD_PAGE.replace("reps: 10", "reps: 0")
    _write(exercise_pack, text)
    problems = _problems(exercise_pack)
    message = "'reps' must be at least 1, not 0"
    assert problems == [("pages/what-is-it.en.md", _line(text, "reps: 0"), message)]


def test_an_animation_that_cannot_be_read_is_reported_on_the_page_and_the_file(exercise_pack: Path) -> None:
    (exercise_pack / "images" / "demo.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'><g>")
    problems = _problems(exercise_pack)
    assert ("pages/what-is-it.en.md", _line(GOOD_PAGE, "animation:")) in [(f, n) for f, n, _ in problems]
    assert any(file == "images/demo.svg" for file, _, _ in problems)


def test_a_missing_animation_is_reported_once(exercise_pack: Path) -> None:
    (exercise_pack / "images" / "demo.svg").unlink()
    problems = _problems(exercise_pack)
    assert len(problems) == 1
    assert "'images/demo.svg' is missing" in problems[0][2]


@pytest.mark.parametrize(
    ("change", "needle", "words"),
    [
        (("reps: 10\n", ""), "steps:", "neither how many times"),
        (("reps: 10\n", "reps: 10\nminutes: 5\n"), "minutes: 5", "either reps or minutes"),
        (("    hold: true\n", ""), "hold_seconds: 5", "no step is marked as the hold"),
        (("hold_seconds: 5\n", ""), "hold: true", "hold_seconds is missing"),
        (("start: 2\n    end: 3", "start: 1.5\n    end: 3"), "start: 1.5", "starts at 1.5 s, before step 2"),
        (("start: 3\n    end: 4", "start: 3\n    end: 2.5"), "end: 2.5", "must be later than start"),
        (("ask_care_team_first: true", "ask_care_team_first: true\nvideo: x.mp4"), "video:", "not a known"),
        (("sets: 2", "sets: lots"), "sets: lots", "'sets' should be a whole number"),
        (("hold_seconds: 5", "hold_seconds: 500"), "hold_seconds: 500", "'hold_seconds' must be at most 120"),
        (("reps: 10\n", "reps: 10\nsides: [Right leg]\n"), "sides:", "names only one side"),
    ],
)
def test_each_mistake_is_explained_on_its_line(
    exercise_pack: Path, change: tuple[str, str], needle: str, words: str
) -> None:
    text = GOOD_PAGE.replace(*change)
    assert text != GOOD_PAGE
    _write(exercise_pack, text)
    problems = _problems(exercise_pack)
    assert len(problems) == 1, problems
    file, line, message = problems[0]
    assert (file, line) == ("pages/what-is-it.en.md", _line(text, needle))
    assert words in message


def test_an_exercise_without_cautions_gets_a_warning(exercise_pack: Path) -> None:
    _write(exercise_pack, GOOD_PAGE.replace("cautions:\n  - Stop if pain spreads down your leg.\n", ""))
    result = load_pack(exercise_pack)
    assert result.pack is not None
    assert [p.message for p in result.problems] == ["this exercise has no cautions"]


def test_a_still_picture_with_steps_is_a_valid_exercise(exercise_pack: Path) -> None:
    _write(exercise_pack, GOOD_PAGE.replace("animation: images/demo.svg", "animation: images/square.svg"))
    assert _problems(exercise_pack) == []
    _write(exercise_pack, GOOD_PAGE.replace("animation: images/demo.svg\n", ""))
    assert _problems(exercise_pack) == []


def test_a_timed_activity_needs_no_reps(exercise_pack: Path) -> None:
    text = GOOD_PAGE.replace("reps: 10", "minutes: 10").replace("hold_seconds: 5\n", "")
    _write(exercise_pack, text.replace("    hold: true\n", ""))
    assert _problems(exercise_pack) == []


def test_an_exercise_done_with_each_side_in_turn_times_its_steps_on_one_side(exercise_pack: Path) -> None:
    text = (
        GOOD_PAGE.replace("reps: 10\n", "reps: 3\nsides: [Right leg, Left leg]\n")
        .replace("start: 1\n    end: 2", "start: 0.5\n    end: 1")
        .replace("end: 1\n  - text: Tighten", "end: 0.5\n  - text: Tighten")
        .replace("start: 2\n    end: 3", "start: 1\n    end: 1.5")
        .replace("start: 3\n    end: 4", "start: 1.5\n    end: 2")
    )
    _write(exercise_pack, text)
    result = load_pack(exercise_pack)
    assert result.problems == ()
    assert result.pack is not None
    front = result.pack.page("what-is-it", "en").front
    assert isinstance(front, pack_types.ExerciseFrontMatter)
    assert front.sides == ["Right leg", "Left leg"]


def test_steps_past_one_side_share_of_the_demo_are_reported(exercise_pack: Path) -> None:
    """With two sides each owns half of the 4 s demo, so steps that run to 4 s are too long."""
    text = GOOD_PAGE.replace("reps: 10\n", "reps: 10\nsides: [Right leg, Left leg]\n")
    _write(exercise_pack, text)
    problems = _problems(exercise_pack)
    assert (
        "pages/what-is-it.en.md",
        _line(text, "end: 4"),
        "step 4 ends at 4 s, but each side's part of the animation lasts only 2 s",
    ) in problems


def test_sides_need_a_count_of_reps(exercise_pack: Path) -> None:
    text = GOOD_PAGE.replace("reps: 10\n", "minutes: 5\nsides: [Right leg, Left leg]\n")
    _write(exercise_pack, text)
    messages = {(line, message) for _, line, message in _problems(exercise_pack)}
    assert any(line == _line(text, "sides:") and "needs reps" in message for line, message in messages)
