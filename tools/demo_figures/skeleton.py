"""The figure model: a side-view skeleton with human proportions, posed by joint angles.

Every demo is the same person. A pose gives the hip position and the *absolute* direction of each
body segment (degrees, SVG sense: 0 points right, 90 points down); forward kinematics turns that
into joint positions, and the SVG writer turns it into relative rotations for nested groups.
Lengths follow the pack's illustrations (about 7.5 heads tall) so demos and pictures match.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

Point = tuple[float, float]

SCALE = 1.0
HEAD_R = 25.0


@dataclass(frozen=True)
class Segment:
    """A rigid body part: its parent, where it hangs on the parent (along, across), its length."""

    name: str
    parent: str | None
    attach: Point
    length: float


SEGMENTS: tuple[Segment, ...] = (
    Segment("pelvis", None, (0.0, 0.0), 38.0),
    Segment("torso", "pelvis", (38.0, 0.0), 90.0),
    Segment("head", "torso", (90.0, 0.0), 16.0),
    Segment("far_upper_arm", "torso", (78.0, -6.0), 70.0),
    Segment("far_forearm", "far_upper_arm", (70.0, 0.0), 60.0),
    Segment("far_hand", "far_forearm", (60.0, 0.0), 16.0),
    Segment("far_thigh", "pelvis", (0.0, 0.0), 98.0),
    Segment("far_shin", "far_thigh", (98.0, 0.0), 92.0),
    Segment("far_foot", "far_shin", (92.0, 0.0), 30.0),
    Segment("near_thigh", "pelvis", (0.0, 0.0), 98.0),
    Segment("near_shin", "near_thigh", (98.0, 0.0), 92.0),
    Segment("near_foot", "near_shin", (92.0, 0.0), 30.0),
    Segment("near_upper_arm", "torso", (78.0, -6.0), 70.0),
    Segment("near_forearm", "near_upper_arm", (70.0, 0.0), 60.0),
    Segment("near_hand", "near_forearm", (60.0, 0.0), 16.0),
)
BY_NAME = {segment.name: segment for segment in SEGMENTS}
THIGH = BY_NAME["near_thigh"].length
SHIN = BY_NAME["near_shin"].length
UPPER_ARM = BY_NAME["near_upper_arm"].length
FOREARM = BY_NAME["near_forearm"].length
ANKLE_HEIGHT = 10.0
"""Distance from the ankle joint down to the sole, so feet can stand on a floor line."""


@dataclass(frozen=True)
class Pose:
    """Hip joint position plus the absolute direction of every segment."""

    hip: Point
    angles: dict[str, float] = field(default_factory=dict)

    def with_angles(self, **angles: float) -> Pose:
        return replace(self, angles={**self.angles, **angles})

    def moved(self, hip: Point) -> Pose:
        return replace(self, hip=hip)


def rotate(point: Point, degrees: float) -> Point:
    a = math.radians(degrees)
    return (point[0] * math.cos(a) - point[1] * math.sin(a), point[0] * math.sin(a) + point[1] * math.cos(a))


def toward(start: Point, degrees: float, distance: float) -> Point:
    a = math.radians(degrees)
    return (start[0] + distance * math.cos(a), start[1] + distance * math.sin(a))


def joints(pose: Pose) -> dict[str, Point]:
    """World position of each segment's joint (where it hangs on its parent)."""
    out: dict[str, Point] = {}
    for segment in SEGMENTS:
        if segment.parent is None:
            out[segment.name] = pose.hip
            continue
        base = out[segment.parent]
        offset = rotate(segment.attach, pose.angles.get(segment.parent, 0.0))
        out[segment.name] = (base[0] + offset[0], base[1] + offset[1])
    return out


def end_of(pose: Pose, name: str) -> Point:
    """World position of the far end of a segment (e.g. the ankle for a shin)."""
    return toward(joints(pose)[name], pose.angles[name], BY_NAME[name].length)


def relative_angles(pose: Pose) -> dict[str, float]:
    """Each segment's rotation relative to its parent, in (-180, 180]."""
    out: dict[str, float] = {}
    for segment in SEGMENTS:
        angle = pose.angles[segment.name]
        if segment.parent is not None:
            angle -= pose.angles[segment.parent]
        out[segment.name] = wrap(angle)
    return out


def wrap(degrees: float) -> float:
    value = math.fmod(degrees + 180.0, 360.0)
    if value <= 0:
        value += 360.0
    return value - 180.0


def two_bone(root: Point, target: Point, first: float, second: float, bend: int) -> tuple[float, float]:
    """Directions of two chained bones from `root` reaching `target` (an analytic two-link IK).

    `bend` +1 puts the middle joint on the counter-clockwise side of the root-target line (a knee in
    front for a figure facing right), -1 on the other side (an elbow behind). An unreachable target
    is reached as closely as the bones allow.
    """
    dx, dy = target[0] - root[0], target[1] - root[1]
    reach = min(max(math.hypot(dx, dy), abs(first - second) + 1e-6), first + second - 1e-6)
    towards = math.degrees(math.atan2(dy, dx))
    cos_root = (first * first + reach * reach - second * second) / (2 * first * reach)
    spread = math.degrees(math.acos(max(-1.0, min(1.0, cos_root))))
    first_angle = towards - bend * spread
    middle = toward(root, first_angle, first)
    second_angle = math.degrees(math.atan2(target[1] - middle[1], target[0] - middle[0]))
    return first_angle, second_angle


def place_leg(pose: Pose, side: str, ankle: Point, foot: float) -> Pose:
    """Bend one leg so its ankle lands on `ankle`, with the foot pointing along `foot` degrees."""
    hip = joints(pose)[f"{side}_thigh"]
    thigh, shin = two_bone(hip, ankle, THIGH, SHIN, bend=+1)
    return pose.with_angles(**{f"{side}_thigh": thigh, f"{side}_shin": shin, f"{side}_foot": foot})


def place_arm(pose: Pose, side: str, wrist: Point, hand: float, bend: int = -1) -> Pose:
    """Bend one arm so its wrist lands on `wrist`; the elbow points down/back by default."""
    shoulder = joints(pose)[f"{side}_upper_arm"]
    upper, fore = two_bone(shoulder, wrist, UPPER_ARM, FOREARM, bend=bend)
    return pose.with_angles(**{f"{side}_upper_arm": upper, f"{side}_forearm": fore, f"{side}_hand": hand})


def ease(fraction: float) -> float:
    """Slow in, slow out (cosine), the way people start and finish a controlled movement."""
    fraction = max(0.0, min(1.0, fraction))
    return 0.5 - 0.5 * math.cos(math.pi * fraction)


def blend(a: Pose, b: Pose, fraction: float) -> Pose:
    """A pose `fraction` of the way from a to b (angles take the short way round)."""
    hip = (a.hip[0] + (b.hip[0] - a.hip[0]) * fraction, a.hip[1] + (b.hip[1] - a.hip[1]) * fraction)
    angles = {name: a.angles[name] + wrap(b.angles[name] - a.angles[name]) * fraction for name in a.angles}
    return Pose(hip, angles)
