"""The bundled exercise demos: safe plain SVG, only the animation features Qt plays correctly
(docs/exercise-demos.md), a loop length the checks can read, a figure that keeps its feet where
they belong, and exactly what the generator writes."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from defusedxml import ElementTree

from kiosk.content.motion_length import motion_length
from kiosk.content.svg import check_svg
from tools.demo_figures import demos
from tools.demo_figures.build import ANIMATIONS_DIR, render_all
from tools.demo_figures.skeleton import end_of, joints
from tools.demo_figures.writer import sample_times

SVG = "{http://www.w3.org/2000/svg}"
SUPPORTED_ELEMENTS = {"svg", "title", "desc", "g", "path", "rect", "circle", "ellipse"}
SUPPORTED_ANIMATIONS = {"animateTransform", "animateColor"}
TRANSFORM_TYPES = {"rotate", "translate"}
ANIMATION_ATTRIBUTES = {"attributeName", "type", "dur", "repeatCount", "values"}
"""keyTimes, keySplines, calcMode, begin, fill and additive are left out on purpose: Qt 6.12 ignores
the first three and the others change what a loop means (see docs/exercise-demos.md)."""

RENDERED = render_all()
LOOPS = {f"{build().name}.svg": build().motion.duration for build in demos.ALL_DEMOS}


def test_five_demos_one_per_exercise_page() -> None:
    expected = ["bridge.svg", "cycling.svg", "knee-to-chest.svg", "pelvic-tilt.svg", "walking.svg"]
    assert sorted(RENDERED) == expected


@pytest.mark.parametrize("name", sorted(RENDERED))
def test_demo_is_safe_plain_svg_with_only_supported_animation(name: str) -> None:
    text = RENDERED[name]
    assert check_svg(text.encode()) == []
    root = ElementTree.fromstring(text)
    animations = 0
    for element in root.iter():
        tag = element.tag.removeprefix(SVG)
        if tag in SUPPORTED_ANIMATIONS:
            animations += 1
            expected = ANIMATION_ATTRIBUTES - ({"type"} if tag == "animateColor" else set())
            assert set(element.attrib) == expected, element.attrib
            assert element.get("repeatCount") == "indefinite"
            assert element.get("dur") == f"{LOOPS[name]:g}s"
            if tag == "animateTransform":
                assert element.get("type") in TRANSFORM_TYPES
                assert all(
                    len(value.split()) == (1 if element.get("type") == "rotate" else 2)
                    for value in element.get("values", "").split(";")
                )
            else:
                assert element.get("attributeName") == "fill"
        else:
            assert tag in SUPPORTED_ELEMENTS, tag
    assert animations >= 10


@pytest.mark.parametrize("name", sorted(RENDERED))
def test_loop_length_is_readable_by_the_exercise_checks(name: str) -> None:
    assert motion_length(RENDERED[name].encode(), ".svg").seconds == pytest.approx(LOOPS[name])


def test_committed_demos_are_what_the_generator_writes() -> None:
    for name, text in RENDERED.items():
        path = ANIMATIONS_DIR / name
        assert path.read_text(encoding="utf-8") == text, f"run python -m tools.demo_figures ({path})"


@pytest.mark.parametrize("build", [demos.pelvic_tilt, demos.bridge])
def test_planted_feet_stay_planted(build: object) -> None:
    """Both feet stay flat where they started in the lying exercises that do not lift a leg."""
    demo = build()  # type: ignore[operator]
    for time in sample_times(demo.motion.duration):
        pose = demo.motion.pose_at(time)
        for side in ("far", "near"):
            ankle = end_of(pose, f"{side}_shin")
            start = end_of(demo.motion.pose_at(0), f"{side}_shin")
            assert math.dist(ankle, start) < 1.0, (demo.name, time, side)


def test_knee_to_chest_hugs_the_right_leg_then_the_left_while_the_other_foot_stays_down() -> None:
    """The page names the sides [Right leg, Left leg]: lying head to the left, face up, the leg
    nearer the viewer is the right one, so the near leg works in the first half of the loop."""
    demo = demos.knee_to_chest()
    half = demos.KNEE_TO_CHEST_SIDE
    assert demo.motion.duration == pytest.approx(2 * half)
    start = demo.motion.pose_at(0)
    for time in sample_times(demo.motion.duration):
        pose = demo.motion.pose_at(time)
        resting = "far" if time < half else "near"
        assert math.dist(end_of(pose, f"{resting}_shin"), end_of(start, f"{resting}_shin")) < 1.0, time
    hugged_right, hugged_left = demo.motion.pose_at(3.5), demo.motion.pose_at(half + 3.5)
    assert hugged_right.angles["near_thigh"] < hugged_right.angles["far_thigh"] - 40
    assert hugged_left.angles["far_thigh"] < hugged_left.angles["near_thigh"] - 40


@pytest.mark.parametrize("build", [demos.knee_to_chest, demos.bridge])
def test_nothing_glows_on_the_back_of_the_thigh(build: object) -> None:
    """Coral on the back of the thigh is where the pack's pictures draw sciatic leg pain."""
    demo = build()  # type: ignore[operator]
    assert not [h for h in demo.highlights if h.segment.endswith("_thigh")]


def test_the_bridge_lifts_the_hips_only_a_little() -> None:
    """'Lift your hips up a little': well short of a straight line from shoulders to knees."""
    demo = demos.bridge()
    rest, top = demo.motion.pose_at(0), demo.motion.pose_at(3.0)
    lift = rest.hip[1] - top.hip[1]
    assert 10 < lift < 35
    knee = end_of(top, "near_thigh")
    shoulder = joints(top)["near_upper_arm"]
    hip_above_line = top.hip[1] - (
        shoulder[1] + (knee[1] - shoulder[1]) * (top.hip[0] - shoulder[0]) / (knee[0] - shoulder[0])
    )
    assert hip_above_line > 8  # the hips stay below the shoulder-knee line (0 when fully lifted)


def test_the_bike_seat_leaves_the_knee_a_little_bent_at_the_bottom() -> None:
    demo = demos.cycling()
    bends = []
    for time in sample_times(demo.motion.duration):
        angles = demo.motion.pose_at(time).angles
        bends.append(abs((angles["near_shin"] - angles["near_thigh"] + 180) % 360 - 180))
    assert 20 < min(bends) < 35


def test_the_pelvic_tilt_arms_lie_behind_the_low_back() -> None:
    order = [part for part in demos.pelvic_tilt().order if isinstance(part, str)]
    assert order.index("near_upper_arm") < order.index("torso")
    assert order.index("near_forearm") < order.index("pelvis")


def test_feet_stay_on_the_pedals() -> None:
    demo = demos.cycling()
    for time in sample_times(demo.motion.duration):
        pose = demo.motion.pose_at(time)
        ankle = end_of(pose, "near_shin")
        turn = math.radians(360.0 * time / demo.motion.duration)
        pedal = (
            demos.CRANK_CENTRE[0] + demos.CRANK_R * math.cos(turn),
            demos.CRANK_CENTRE[1] + demos.CRANK_R * math.sin(turn),
        )
        assert 18 < math.dist(ankle, pedal) < 26, time


def test_walking_feet_touch_the_floor_and_never_sink_into_it() -> None:
    demo = demos.walking()
    lowest = []
    for time in sample_times(demo.motion.duration):
        pose = demo.motion.pose_at(time)
        lowest.append(max(end_of(pose, f"{side}_shin")[1] for side in ("near", "far")))
        assert joints(pose)["near_thigh"][1] < demos.FLOOR_Y - 180
    assert max(lowest) == pytest.approx(demos.FLOOR_Y - 11, abs=1.5)


@pytest.mark.usefixtures("qapp")
@pytest.mark.parametrize("name", sorted(RENDERED))
def test_qt_plays_the_demo(name: str, tmp_path: Path) -> None:
    from PySide6.QtSvg import QSvgRenderer

    from tools.demo_figures.preview import render_at

    path = tmp_path / name
    path.write_text(RENDERED[name], encoding="utf-8")
    renderer = QSvgRenderer(str(path))
    assert renderer.isValid() and renderer.animated()
    assert renderer.animationDuration() == round(LOOPS[name] * 1000)
    start = render_at(renderer, 0.0, 400, 300)
    middle = render_at(renderer, LOOPS[name] * 0.4, 400, 300)
    # drawn back to back, the two differ only because the frame was set: the figure moves
    assert _changed_pixels(start, middle) > 500


def _changed_pixels(a: object, b: object) -> int:
    first, second = bytes(a.constBits()), bytes(b.constBits())  # type: ignore[attr-defined]
    return sum(first[i : i + 4] != second[i : i + 4] for i in range(0, len(first), 4))
