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
                assert all(len(value.split()) == (1 if element.get("type") == "rotate" else 2)
                           for value in element.get("values", "").split(";"))
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


@pytest.mark.parametrize("build", [demos.pelvic_tilt, demos.bridge, demos.knee_to_chest])
def test_planted_feet_stay_planted(build: object) -> None:
    """The far foot never moves in the lying exercises (nor the near one, except in knee-to-chest)."""
    demo = build()  # type: ignore[operator]
    sides = ["far"] if demo.name == "knee-to-chest" else ["far", "near"]
    for time in sample_times(demo.motion.duration):
        pose = demo.motion.pose_at(time)
        for side in sides:
            ankle = end_of(pose, f"{side}_shin")
            start = end_of(demo.motion.pose_at(0), f"{side}_shin")
            assert math.dist(ankle, start) < 1.0, (demo.name, time, side)


def test_feet_stay_on_the_pedals() -> None:
    demo = demos.cycling()
    for time in sample_times(demo.motion.duration):
        pose = demo.motion.pose_at(time)
        ankle = end_of(pose, "near_shin")
        turn = math.radians(360.0 * time / demo.motion.duration)
        pedal = (demos.CRANK_CENTRE[0] + demos.CRANK_R * math.cos(turn),
                 demos.CRANK_CENTRE[1] + demos.CRANK_R * math.sin(turn))
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
