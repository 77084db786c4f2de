"""Friendly flat people, side view (posed by joint angles) and front/back view.

Limbs are tapered capsules with clothing colours, proportions about 7.5 heads tall, so one
pose description (hip position plus absolute limb angles) gives walking, lying, squatting and
exercise figures in the same style. Angles: 0 = pointing down, 90 = toward the way the figure
faces, 180 = up, -90 = behind.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import palette as p
from .svg import Point, circle, ellipse, g, limb, num, path, smooth_d, stroke, toward


@dataclass(frozen=True)
class Look:
    skin: str
    hair: str
    top: str
    bottom: str
    shoes: str = p.INK
    hair_style: str = "short"  # short, long, bun, bald
    long_sleeves: bool = False
    sore: bool = False  # a tired, uncomfortable face instead of a smile (pain pictures)


@dataclass(frozen=True)
class Pose:
    hip: Point
    lean: float = 0.0  # torso tilt from upright, + toward facing direction
    head_tilt: float = 0.0
    near_arm: tuple[float, float] = (8.0, 25.0)  # upper arm, forearm
    far_arm: tuple[float, float] = (-8.0, 10.0)
    near_leg: tuple[float, float, float] = (0.0, 0.0, 90.0)  # thigh, shin, foot
    far_leg: tuple[float, float, float] = (0.0, 0.0, 90.0)


TORSO = 128.0
NECK = 16.0
HEAD_R = 27.0
UPPER_ARM = 70.0
FOREARM = 60.0
THIGH = 98.0
SHIN = 92.0
FOOT = 32.0


def _head(
    centre: Point,
    angle: float,
    facing: int,
    look: Look,
    scale: float,
    front: bool = False,
    back: bool = False,
) -> str:
    """A head drawn upright at the origin, then rotated/mirrored into place."""
    r = HEAD_R
    parts: list[str] = []
    hair = look.hair
    if look.hair_style == "long":
        if front:
            parts.append(
                path(
                    smooth_d(
                        [
                            (-r * 1.05, -r * 0.2),
                            (-r * 1.1, r * 1.3),
                            (-r * 0.2, r * 1.15),
                            (r * 0.2, r * 1.15),
                            (r * 1.1, r * 1.3),
                            (r * 1.05, -r * 0.2),
                            (0, -r * 1.1),
                        ]
                    ),
                    hair,
                )
            )
        else:
            parts.append(
                path(
                    smooth_d(
                        [
                            (-r * 0.2, -r * 1.05),
                            (-r * 1.05, -r * 0.5),
                            (-r * 1.05, r * 1.35),
                            (-r * 0.45, r * 1.3),
                            (-r * 0.3, r * 0.2),
                        ]
                    ),
                    hair,
                )
            )
    if look.hair_style == "bun":
        parts.append(
            circle(-r * 0.85 if not front else 0, -r * 0.85 if not front else -r * 1.1, r * 0.42, hair)
        )
    if back:
        parts += [circle(k * r * 0.98, r * 0.12, r * 0.2, p.shade(look.skin, 0.1)) for k in (-1, 1)]
    parts.append(circle(0, 0, r, look.skin))
    if back:
        parts.append(
            path(
                smooth_d(
                    [
                        (-r * 1.03, r * 0.05),
                        (-r * 0.8, -r * 0.75),
                        (0, -r * 1.07),
                        (r * 0.8, -r * 0.75),
                        (r * 1.03, r * 0.05),
                        (r * 0.8, r * 0.5),
                        (r * 0.3, r * 0.62),
                        (0, r * 0.8),
                        (-r * 0.3, r * 0.62),
                        (-r * 0.8, r * 0.5),
                    ]
                ),
                hair,
            )
        )
        if look.hair_style == "long":
            parts.append(
                path(
                    smooth_d([(-r * 0.95, 0), (-r, r * 1.3), (0, r * 1.4), (r, r * 1.3), (r * 0.95, 0)]), hair
                )
            )
        return g(parts, transform=f"translate({num(centre[0])} {num(centre[1])}) scale({num(scale)})")
    if front:
        if look.hair_style != "bald":
            parts.append(
                path(
                    smooth_d(
                        [
                            (-r * 1.04, r * 0.15),
                            (-r * 0.9, -r * 0.7),
                            (0, -r * 1.08),
                            (r * 0.9, -r * 0.7),
                            (r * 1.04, r * 0.15),
                            (r * 0.75, -r * 0.35),
                            (0, -r * 0.55),
                            (-r * 0.75, -r * 0.35),
                        ]
                    ),
                    hair,
                )
            )
        parts.append(circle(-r * 0.36, r * 0.05, r * 0.09, p.INK))
        parts.append(circle(r * 0.36, r * 0.05, r * 0.09, p.INK))
        parts.append(circle(-r * 0.58, r * 0.35, r * 0.15, p.CORAL, opacity=0.3))
        parts.append(circle(r * 0.58, r * 0.35, r * 0.15, p.CORAL, opacity=0.3))
        parts.append(
            stroke(
                f"M{num(-r * 0.25)} {num(r * 0.42)} Q0 {num(r * 0.62)} {num(r * 0.25)} {num(r * 0.42)}",
                p.INK,
                2.2,
            )
        )
        return g(parts, transform=f"translate({num(centre[0])} {num(centre[1])}) scale({num(scale)})")
    # side view, facing +x in local frame
    parts.append(circle(r * 0.96, r * 0.12, r * 0.16, look.skin))  # nose
    if look.hair_style != "bald":
        parts.append(
            path(
                smooth_d(
                    [
                        (r * 0.62, -r * 0.72),
                        (r * 0.1, -r * 1.08),
                        (-r * 0.6, -r * 0.92),
                        (-r * 1.04, -r * 0.3),
                        (-r * 0.96, r * 0.4),
                        (-r * 0.62, r * 0.55),
                        (-r * 0.45, r * 0.05),
                        (-r * 0.1, -r * 0.35),
                        (r * 0.35, -r * 0.45),
                    ]
                ),
                hair,
            )
        )
    else:
        parts.append(
            path(
                smooth_d(
                    [
                        (r * 0.2, -r * 1.0),
                        (-r * 0.7, -r * 0.7),
                        (-r * 0.98, r * 0.2),
                        (-r * 0.9, r * 0.3),
                        (-r * 0.6, -r * 0.5),
                    ]
                ),
                hair,
                opacity=0.5,
            )
        )
    parts.append(circle(-r * 0.2, r * 0.1, r * 0.19, p.shade(look.skin, 0.12)))  # ear
    if look.sore:
        parts.append(stroke(f"M{num(r * 0.4)} {num(r * 0.02)} L{num(r * 0.62)} {num(-r * 0.04)}", p.INK, 2.6))
        parts.append(stroke(f"M{num(r * 0.36)} {num(-r * 0.22)} L{num(r * 0.62)} {num(-r * 0.3)}", p.INK, 2))
        parts.append(
            stroke(
                f"M{num(r * 0.52)} {num(r * 0.52)} Q{num(r * 0.68)} {num(r * 0.42)}"
                f" {num(r * 0.82)} {num(r * 0.5)}",
                p.INK,
                2.2,
            )
        )
        flip = " scale(-1 1)" if facing < 0 else ""
        return g(
            parts,
            transform=f"translate({num(centre[0])} {num(centre[1])}) rotate({num(angle)}){flip}"
            f" scale({num(scale)})",
        )
    parts.append(circle(r * 0.5, -r * 0.02, r * 0.09, p.INK))
    parts.append(
        stroke(
            f"M{num(r * 0.5)} {num(r * 0.45)} Q{num(r * 0.68)} {num(r * 0.56)} {num(r * 0.8)} {num(r * 0.4)}",
            p.INK,
            2.2,
        )
    )
    parts.append(circle(r * 0.42, r * 0.34, r * 0.13, p.CORAL, opacity=0.3))
    flip = " scale(-1 1)" if facing < 0 else ""
    return g(
        parts,
        transform=f"translate({num(centre[0])} {num(centre[1])}) rotate({num(angle)}){flip}"
        f" scale({num(scale)})",
    )


def side_figure(
    pose: Pose, look: Look, scale: float = 1.0, facing: int = 1, holding: list[str] | None = None
) -> list[str]:
    """A person seen from the side. `holding` is drawn between the body and the near arm."""
    s = scale

    def ang(a: float) -> float:
        return a * facing

    hip = pose.hip
    neck = toward(hip, ang(180 - pose.lean), TORSO * s)
    shoulder = toward(hip, ang(180 - pose.lean), TORSO * 0.86 * s)
    head_c = toward(neck, ang(180 - pose.lean - pose.head_tilt), (NECK + HEAD_R * 0.8) * s)
    far_tone = 0.16

    def arm(angles: tuple[float, float], far: bool) -> list[str]:
        elbow = toward(shoulder, ang(angles[0]), UPPER_ARM * s)
        wrist = toward(elbow, ang(angles[1]), FOREARM * s)
        top = p.far_side(look.top) if far else look.top
        skin = p.shade(look.skin, far_tone) if far else look.skin
        fore = top if look.long_sleeves else skin
        return [
            limb(elbow, wrist, 10 * s, 8 * s, fore),
            circle(*toward(wrist, ang(angles[1]), 5 * s), 10.5 * s, skin),
            limb(shoulder, elbow, 14 * s, 10.5 * s, top),
        ]

    def leg(angles: tuple[float, float, float], far: bool) -> list[str]:
        knee = toward(hip, ang(angles[0]), THIGH * s)
        ankle = toward(knee, ang(angles[1]), SHIN * s)
        toe = toward(ankle, ang(angles[2]), FOOT * s)
        heel = toward(ankle, ang(angles[2]), -6 * s)
        bottom = p.far_side(look.bottom) if far else look.bottom
        shoe = p.far_side(look.shoes) if far else look.shoes
        return [
            limb(heel, toe, 10 * s, 8 * s, shoe),
            limb(knee, ankle, 16 * s, 10.5 * s, bottom),
            limb(hip, knee, 22 * s, 16 * s, bottom),
        ]

    parts: list[str] = []
    parts += arm(pose.far_arm, True)
    parts += leg(pose.far_leg, True)
    parts.append(
        limb(neck, toward(neck, ang(180 - pose.lean - pose.head_tilt), NECK * s), 8 * s, 8 * s, look.skin)
    )
    parts.append(limb(hip, toward(hip, ang(180 - pose.lean), TORSO * 0.5 * s), 29 * s, 28 * s, look.bottom))
    parts.append(
        limb(
            toward(hip, ang(180 - pose.lean), TORSO * 0.34 * s),
            toward(neck, ang(-pose.lean), 20 * s),
            29 * s,
            27 * s,
            look.top,
        )
    )
    parts += leg(pose.near_leg, False)
    parts.append(_head(head_c, ang(pose.lean + pose.head_tilt), facing, look, s))
    if holding:
        parts += holding
    parts += arm(pose.near_arm, False)
    return parts


def joints(pose: Pose, scale: float = 1.0, facing: int = 1) -> dict[str, Point]:
    """Where the hands, knees and feet end up, so props can be placed against them."""
    s = scale

    def ang(a: float) -> float:
        return a * facing

    hip = pose.hip
    shoulder = toward(hip, ang(180 - pose.lean), TORSO * 0.86 * s)
    neck = toward(hip, ang(180 - pose.lean), TORSO * s)
    out: dict[str, Point] = {"hip": hip, "shoulder": shoulder, "neck": neck}
    elbow = toward(shoulder, ang(pose.near_arm[0]), UPPER_ARM * s)
    out["hand"] = toward(toward(elbow, ang(pose.near_arm[1]), FOREARM * s), ang(pose.near_arm[1]), 5 * s)
    knee = toward(hip, ang(pose.near_leg[0]), THIGH * s)
    out["knee"] = knee
    out["ankle"] = toward(knee, ang(pose.near_leg[1]), SHIN * s)
    out["low_back"] = toward(hip, ang(180 - pose.lean), TORSO * 0.3 * s)
    out["head"] = toward(neck, ang(180 - pose.lean - pose.head_tilt), (NECK + HEAD_R * 0.8) * s)
    return out


def front_figure(
    x: float,
    ground: float,
    look: Look,
    scale: float = 1.0,
    left_arm: tuple[float, float] = (12, 8),
    right_arm: tuple[float, float] = (12, 8),
    back_view: bool = False,
    extras: list[str] | None = None,
) -> list[str]:
    """A standing person seen from the front (or from behind with `back_view`).

    Arm angles are measured from hanging down, positive = away from the body.
    `extras` are drawn over the torso but under the arms (badges, stethoscope, belts).
    """
    s = scale

    def at(dx: float, dy: float) -> Point:
        return (x + dx * s, ground - dy * s)

    parts: list[str] = []
    hip_y, waist_y, shoulder_y = 190, 238, 300
    for side in (-1, 1):
        hip = at(side * 19, hip_y)
        knee = at(side * 20, 100)
        ankle = at(side * 20, 16)
        parts.append(ellipse(ankle[0] + side * 3 * s, ankle[1] + 5 * s, 15 * s, 10 * s, look.shoes))
        parts.append(limb(knee, ankle, 15 * s, 10.5 * s, look.bottom))
        parts.append(limb(hip, knee, 20 * s, 15 * s, look.bottom))
    parts.append(
        path(
            smooth_d(
                [
                    at(-37, waist_y - 4),
                    at(37, waist_y - 4),
                    at(39, hip_y - 14),
                    at(30, hip_y - 30),
                    at(0, hip_y - 34),
                    at(-30, hip_y - 30),
                    at(-39, hip_y - 14),
                ]
            ),
            look.bottom,
        )
    )
    parts.append(limb(at(0, 300), at(0, 322), 9 * s, 9 * s, look.skin))
    parts.append(
        path(
            smooth_d(
                [
                    at(-44, shoulder_y - 6),
                    at(-24, shoulder_y + 6),
                    at(24, shoulder_y + 6),
                    at(44, shoulder_y - 6),
                    at(40, waist_y + 10),
                    at(37, waist_y - 14),
                    at(0, waist_y - 18),
                    at(-37, waist_y - 14),
                    at(-40, waist_y + 10),
                ]
            ),
            look.top,
        )
    )
    if not back_view:
        parts.append(
            path(
                smooth_d([at(-10, shoulder_y + 5), at(10, shoulder_y + 5), at(0, shoulder_y - 12)]), look.skin
            )
        )
    parts.append(_head(at(0, 345), 0, 1, look, s, front=not back_view, back=back_view))
    if extras:
        parts += extras
    for side, (upper, fore) in ((-1, left_arm), (1, right_arm)):
        shoulder = at(side * 38, shoulder_y - 8)
        elbow = toward(shoulder, side * upper, UPPER_ARM * s)
        wrist = toward(elbow, side * fore, FOREARM * s)
        forearm_fill = look.top if look.long_sleeves else look.skin
        parts.append(limb(elbow, wrist, 9 * s, 7.5 * s, forearm_fill))
        parts.append(circle(*toward(wrist, side * fore, 5 * s), 9.5 * s, look.skin))
        parts.append(limb(shoulder, elbow, 13 * s, 10 * s, look.top))
    return parts


def front_hand(x: float, ground: float, scale: float, side: int, arm: tuple[float, float]) -> Point:
    """Where a front-view figure's hand is, for placing a phone or a pointer."""
    s = scale
    shoulder = (x + side * 38 * s, ground - 292 * s)
    elbow = toward(shoulder, side * arm[0], UPPER_ARM * s)
    wrist = toward(elbow, side * arm[1], FOREARM * s)
    return toward(wrist, side * arm[1], 5 * s)


def floor_shadow(cx: float, y: float, rx: float, ry: float = 10) -> str:
    return ellipse(cx, y, rx, ry, p.PANEL_DEEP, opacity=0.6)


def reach(start: Point, target: Point, first: float, second: float, bend: int = 1) -> tuple[float, float]:
    """Angles (pose convention) for a two-part limb from `start` so its end lands on `target`.

    `bend` picks which way the middle joint points (+1 = toward the front for a figure facing
    right). Used to put hands on boxes, knees and handlebars without trial and error.
    """
    import math

    dx, dy = target[0] - start[0], target[1] - start[1]
    dist = min(math.hypot(dx, dy), first + second - 0.5)
    base = math.degrees(math.atan2(dx, dy))
    cos_a = (first**2 + dist**2 - second**2) / (2 * first * dist)
    offset = math.degrees(math.acos(max(-1.0, min(1.0, cos_a))))
    upper = base + bend * offset
    mid = toward(start, upper, first)
    lower = math.degrees(math.atan2(target[0] - mid[0], target[1] - mid[1]))
    return upper, lower


def arm_to(
    pose: Pose, target: Point, scale: float = 1.0, facing: int = 1, bend: int = -1
) -> tuple[float, float]:
    """Near-arm angles that put the hand centre on `target` (elbow bends backwards by default)."""
    shoulder = joints(pose, scale, facing)["shoulder"]
    upper, lower = reach(shoulder, target, UPPER_ARM * scale, (FOREARM + 5) * scale, bend * facing)
    return upper * facing, lower * facing


def leg_to(pose: Pose, target: Point, scale: float = 1.0, facing: int = 1) -> tuple[float, float]:
    """Thigh and shin angles that put the ankle on `target` with the knee bending forwards."""
    upper, lower = reach(pose.hip, target, THIGH * scale, SHIN * scale, facing)
    return upper * facing, lower * facing
