"""The bundled exercise pages and their demos agree: the steps cover the loop, the hold step is
where the figure holds still, and every page carries its safety notes."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from kiosk.content.loader import load_pack
from kiosk.content.motion_length import motion_length_of_file
from kiosk.content.pack_types import ExerciseFrontMatter
from kiosk.session.exercise_clock import ExercisePlan, Phase
from tools.demo_figures import demos
from tools.demo_figures.skeleton import joints

PACK = Path(__file__).resolve().parents[2] / "resources" / "packs" / "lower-back-pinched-nerve"
DEMOS = {build().name: build() for build in demos.ALL_DEMOS}


@pytest.fixture(scope="module")
def exercise_pages() -> dict[str, ExerciseFrontMatter]:
    result = load_pack(PACK)
    assert result.pack is not None, [p.format() for p in result.problems]
    found = {}
    for (page_id, language), page in result.pack.pages.items():
        # the English pages; tests/content/test_bundled_translations.py holds the others to the same numbers
        if language == "en" and isinstance(page.front, ExerciseFrontMatter):
            found[page_id] = page.front
    return found


def test_the_five_exercise_pages_use_their_demos(exercise_pages: dict[str, ExerciseFrontMatter]) -> None:
    assert sorted(exercise_pages) == sorted(DEMOS)
    for page_id, front in exercise_pages.items():
        assert front.animation == f"animations/{page_id}.svg"
        assert front.ask_care_team_first
        assert front.cautions[0].startswith(
            "Stop if pain, tingling or numbness spreads farther down your leg"
        )
        assert any("30 minutes" in caution for caution in front.cautions)


@pytest.mark.parametrize("page_id", sorted(DEMOS))
def test_steps_cover_the_whole_loop(exercise_pages: dict[str, ExerciseFrontMatter], page_id: str) -> None:
    front = exercise_pages[page_id]
    loop = DEMOS[page_id].motion.duration / max(1, len(front.sides))  # each side's share
    assert front.steps[0].start == 0
    assert front.steps[-1].end == pytest.approx(loop)
    for before, after in zip(front.steps, front.steps[1:], strict=False):
        assert after.start == pytest.approx(before.end)


@pytest.mark.parametrize("page_id", sorted(DEMOS))
def test_the_hold_step_is_where_the_figure_holds_still(
    exercise_pages: dict[str, ExerciseFrontMatter], page_id: str
) -> None:
    front = exercise_pages[page_id]
    hold = [step for step in front.steps if step.hold]
    if front.hold_seconds == 0:
        assert hold == []
        return
    (step,) = hold
    motion = DEMOS[page_id].motion
    share = motion.duration / max(1, len(front.sides))
    for side in range(max(1, len(front.sides))):
        start, end = step.start + side * share, step.end + side * share
        first, last = joints(motion.pose_at(start)), joints(motion.pose_at(end))
        assert max(math.dist(first[name], last[name]) for name in first) < 0.5
        assert motion.glow_at(start) == pytest.approx(1.0)


@pytest.mark.parametrize("page_id", sorted(DEMOS))
def test_the_player_can_run_each_exercise(
    exercise_pages: dict[str, ExerciseFrontMatter], page_id: str
) -> None:
    front = exercise_pages[page_id]
    assert front.animation is not None
    length = motion_length_of_file(PACK / front.animation, ".svg")
    assert not isinstance(length, str)
    plan = ExercisePlan.from_page(front, length.seconds)
    assert plan.loop_seconds == pytest.approx(DEMOS[page_id].motion.duration)
    phases = {plan.state_at(plan.total_seconds * k / 500).phase for k in range(500)}
    assert (Phase.HOLD in phases) == (front.hold_seconds > 0)
    assert plan.state_at(plan.total_seconds).finished
