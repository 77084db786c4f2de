"""Pictures for 'Exercise and movement'."""

from __future__ import annotations

import math

from . import cast
from . import palette as p
from .objects import dumbbell, mat
from .people import THIGH, TORSO, Look, Pose, arm_to, front_figure, joints, leg_to, side_figure
from .registry import picture
from .scenery import arrow, blob_backdrop, box, no_sign, shadow, sun, tree
from .svg import Picture, circle, path, rrect_d, smooth_d, stroke, toward

MAT_TOP = 452
S = 1.22  # figure scale for the exercise pictures


Leg = tuple[float, float, float]


def _lying(hip_x: float, near_leg: Leg = (0.0, 0.0, 90.0), far_leg: Leg = (0.0, 0.0, 90.0)) -> Pose:
    return Pose(
        hip=(hip_x, MAT_TOP - 27 * S),
        lean=-90,
        near_arm=(84, 88),
        far_arm=(86, 90),
        near_leg=near_leg,
        far_leg=far_leg,
    )


def _knees_bent(hip_x: float) -> Pose:
    base = _lying(hip_x)
    near = leg_to(base, (hip_x + 150 * S, MAT_TOP - 12 * S), S)
    far = leg_to(base, (hip_x + 140 * S, MAT_TOP - 12 * S), S)
    return _lying(hip_x, near_leg=(*near, 90), far_leg=(*far, 90))


@picture("core-support", "The belly and back muscles wrap the spine like a supportive belt")
def core_support() -> Picture:
    pic = Picture()
    pic.add(blob_backdrop(400, 300, 320, 250))
    x, ground, s = 400, 586, 1.45

    def at(dx: float, dy: float) -> tuple[float, float]:
        return (x + dx * s, ground - dy * s)

    extras = [path(rrect_d(at(-24, 0)[0], at(0, 296)[1], 48 * s, 108 * s, 20 * s), p.tint(cast.LEE.top, 0.6))]
    for i in range(6):
        y = 290 - i * 16
        w = 11 + i * 0.8
        extras.append(
            path(
                rrect_d(at(-w, 0)[0], at(0, y)[1], w * 2 * s, 11 * s, 4 * s),
                p.BONE,
                stroke=p.BONE_EDGE,
                stroke_width=2,
            )
        )
        if i < 5:
            extras.append(
                path(rrect_d(at(-w + 2, 0)[0], at(0, y - 11)[1], (w - 2) * 2 * s, 5 * s, 2.5 * s), p.DISC)
            )
    belt_top, belt_bottom = 252, 200
    extras.append(
        path(
            smooth_d(
                [
                    at(-47, belt_top),
                    at(0, belt_top - 8),
                    at(47, belt_top),
                    at(49, belt_bottom),
                    at(0, belt_bottom - 10),
                    at(-49, belt_bottom),
                ]
            ),
            p.TEAL_MID,
            opacity=0.92,
        )
    )
    for k in range(-3, 4):
        extras.append(
            stroke(
                f"M{at(k * 12 - 6, 0)[0]:.1f} {at(0, belt_top - 9)[1]:.1f}"
                f" L{at(k * 12 + 6, 0)[0]:.1f} {at(0, belt_bottom + 1)[1]:.1f}",
                p.TEAL_LIGHT,
                3,
                opacity=0.8,
            )
        )
    pic.add(front_figure(x, ground, cast.LEE, scale=s, left_arm=(22, 10), right_arm=(22, 10), extras=extras))
    for side in (-1, 1):
        pic.add(arrow([at(side * 88, 262), at(side * 96, 228), at(side * 72, 196)], p.TEAL_MID, 9))
    return pic


@picture("pelvic-tilt", "Lying on the back with knees bent, gently flattening the low back")
def pelvic_tilt() -> Picture:
    pic = Picture()
    pic.add(blob_backdrop(400, 320, 340, 220))
    pic.add(mat(80, MAT_TOP, 560))
    pose = _knees_bent(360)
    pic.add(side_figure(pose, cast.MAYA, scale=S))
    lb = joints(pose, S)["low_back"]
    pic.add(arrow([(lb[0], lb[1] - 120), (lb[0], lb[1] - 52)], p.TEAL_MID, 9))
    pic.add(
        arrow([(lb[0] + 88, lb[1] - 36), (lb[0] + 74, lb[1] - 80), (lb[0] + 40, lb[1] - 96)], p.TEAL_MID, 7)
    )
    return pic


def knee_hug(hip_x: float, look: Look, scale: float = S) -> list[str]:
    """Lying on the back, one knee hugged toward the chest, the other foot flat on the floor."""
    hip = (hip_x, MAT_TOP - 27 * scale)
    base = Pose(hip=hip, lean=-90)
    far = leg_to(base, (hip_x + 150 * scale, MAT_TOP - 12 * scale), scale)
    pose = Pose(hip=hip, lean=-90, near_leg=(212, 78, 168), far_leg=(*far, 90))
    j = joints(pose, scale)
    hold = ((j["knee"][0] + j["ankle"][0]) / 2 - 6 * scale, (j["knee"][1] + j["ankle"][1]) / 2 - 4 * scale)
    pose = Pose(
        hip=hip,
        lean=-90,
        near_arm=arm_to(pose, hold, scale, bend=1),
        far_arm=arm_to(pose, hold, scale, bend=1),
        near_leg=pose.near_leg,
        far_leg=pose.far_leg,
    )
    return side_figure(pose, look, scale=scale)


@picture("knee-to-chest", "Lying on the back, gently hugging one knee toward the chest")
def knee_to_chest() -> Picture:
    pic = Picture()
    pic.add(blob_backdrop(400, 320, 340, 220))
    pic.add(mat(60, MAT_TOP, 600))
    hip_x = 380
    pic.add(knee_hug(hip_x, cast.SAM))
    knee = toward((hip_x, MAT_TOP - 27 * S), 212, THIGH * S)
    pic.add(
        arrow(
            [(knee[0] + 60, knee[1] - 50), (knee[0] + 20, knee[1] - 80), (knee[0] - 30, knee[1] - 76)],
            p.TEAL_MID,
            8,
        )
    )
    return pic


BRIDGE_HIP_HEIGHT = 58
"""Hip height above the mat in the bridge picture: lifted "a little", as the page says (lying flat
it is 27; 100 would be a straight line from knees to shoulders)."""


@picture("bridge", "Lying on the back with knees bent and hips gently lifted")
def bridge() -> Picture:
    pic = Picture()
    pic.add(blob_backdrop(400, 320, 340, 220))
    pic.add(mat(60, MAT_TOP, 600))
    hip = (400, MAT_TOP - BRIDGE_HIP_HEIGHT * S)
    drop = (MAT_TOP - 26) - hip[1]
    beta = math.degrees(math.asin(min(drop / (TORSO * S), 0.95)))
    base = Pose(hip=hip, lean=-90 - beta)
    near = leg_to(base, (hip[0] + 120 * S, MAT_TOP - 12 * S), S)
    pose = Pose(
        hip=hip,
        lean=-90 - beta,
        head_tilt=beta,
        near_arm=(90 - beta + 10, 90),
        far_arm=(92 - beta + 10, 92),
        near_leg=(*near, 90),
        far_leg=(*near, 90),
    )
    j = joints(pose, S)
    pose = Pose(
        hip=hip,
        lean=pose.lean,
        head_tilt=beta,
        near_arm=arm_to(pose, (j["shoulder"][0] + 132 * S, MAT_TOP - 12 * S), S, bend=-1),
        far_arm=arm_to(pose, (j["shoulder"][0] + 126 * S, MAT_TOP - 12 * S), S, bend=-1),
        near_leg=pose.near_leg,
        far_leg=(near[0] - 3, near[1] - 3, 90),
    )
    pic.add(side_figure(pose, cast.RUTH, scale=S))
    pic.add(arrow([(hip[0] + 10, hip[1] - 50), (hip[0] + 10, hip[1] - 120)], p.TEAL_MID, 9))
    pic.add(arrow([(hip[0] - 30, hip[1] - 40), (hip[0] - 30, hip[1] - 100)], p.TEAL_MID, 0.1)[:0])
    return pic


@picture("walking", "A person taking an easy walk on a flat path in the park")
def walking() -> Picture:
    pic = Picture()
    pic.add(sun(640, 130, 44))
    pic.add(
        path(
            "M0 420 C200 380 600 380 800 420 V564 A36 36 0 0 1 764 600 H36 A36 36 0 0 1 0 564 Z",
            p.tint(p.SAGE, 0.55),
        )
    )
    pic.add(path("M120 600 C240 520 420 470 800 470 V520 C520 520 380 560 330 600 Z", p.PANEL_DEEP))
    pic.add(tree(130, 430, 1.2))
    pic.add(tree(690, 440, 0.9))
    ground = 520
    s = 1.05
    walk = Pose(
        hip=(420, ground - 196 * s),
        lean=4,
        near_arm=(-26, -8),
        far_arm=(24, 48),
        near_leg=(22, 6, 96),
        far_leg=(-20, -34, 68),
    )
    pic.add(shadow(420, ground + 6, 100, 12))
    pic.add(side_figure(walk, cast.MAYA, scale=s))
    return pic


@picture("cycling", "A person pedalling gently on a stationary bike with an upright seat")
def cycling() -> Picture:
    pic = Picture()
    pic.add(blob_backdrop(400, 300, 340, 240))
    floor, scale = 530, 1.1
    crank, seat, bars = (430, 430), (362, 312), (512, 240)
    pic.add(shadow(440, floor, 220, 14))
    frame = p.BLUE_GREY
    pic.add(path(rrect_d(250, floor - 22, 120, 22, 11), p.INK))
    pic.add(path(rrect_d(520, floor - 22, 120, 22, 11), p.INK))
    pic.add(circle(570, 440, 62, p.TEAL_MID))
    pic.add(circle(570, 440, 38, p.TEAL_LIGHT))
    pic.add(circle(570, 440, 12, p.TEAL))
    pic.add(stroke(f"M310 {floor - 14} L{crank[0]} {crank[1]} L570 440 L580 {floor - 14}", frame, 22))
    pic.add(stroke(f"M{crank[0]} {crank[1]} L{seat[0]} {seat[1]}", frame, 18))
    pic.add(stroke(f"M{crank[0]} {crank[1]} L{bars[0] - 12} {bars[1] + 30}", frame, 20))
    pic.add(stroke(f"M{bars[0] - 24} {bars[1] + 26} L{bars[0] + 10} {bars[1] - 4}", p.INK, 14))
    pic.add(path(rrect_d(bars[0] + 14, bars[1] + 20, 50, 34, 10), p.INK))
    pic.add(path(rrect_d(bars[0] + 20, bars[1] + 26, 38, 22, 6), p.TEAL_LIGHT))
    pedal_a = (crank[0] + 36, crank[1] + 28)
    pedal_b = (crank[0] - 36, crank[1] - 28)
    hip = (seat[0] - 2, seat[1] - 16)
    base = Pose(hip=hip, lean=15)
    near_leg = (*leg_to(base, pedal_a, scale), 100.0)
    far_leg = (*leg_to(base, pedal_b, scale), 95.0)
    reach = Pose(hip=hip, lean=15, near_leg=near_leg, far_leg=far_leg)
    arm = arm_to(reach, bars, scale)
    pose = Pose(hip=hip, lean=15, near_arm=arm, far_arm=arm, near_leg=near_leg, far_leg=far_leg)
    pic.add(stroke(f"M{pedal_b[0]} {pedal_b[1]} L{pedal_a[0]} {pedal_a[1]}", p.INK, 8))
    pic.add(
        side_figure(
            pose,
            cast.OMAR,
            scale=scale,
            holding=[path(rrect_d(seat[0] - 40, seat[1] - 8, 80, 20, 10), p.INK)],
        )
    )
    pic.add(circle(*crank, 16, p.INK))
    return pic


@picture(
    "avoid-lifting", "A heavy box on the floor with a gentle 'avoid' sign; the person stands back from it"
)
def avoid_lifting() -> Picture:
    pic = Picture()
    pic.add(blob_backdrop(400, 300, 340, 240))
    ground = 530
    pic.add(shadow(250, ground, 100, 12))
    pic.add(shadow(560, ground, 150, 12))
    box_x, box_w, box_h = 460, 200, 170
    pic.add(box(box_x, ground - box_h, box_w, box_h))
    pic.add(dumbbell(box_x + box_w / 2, ground - box_h / 2 + 6, 1.2, p.INK))
    for k in (-1, 1):
        pic.add(stroke(f"M{box_x + box_w / 2 + k * 120} {ground - 6} l{k * 22} 0", p.BLUE_GREY, 6))
        pic.add(stroke(f"M{box_x + box_w / 2 + k * 116} {ground - 24} l{k * 18} -8", p.BLUE_GREY, 6))
    s = 1.0
    pose = Pose(hip=(250, ground - 196), lean=-2, near_arm=(40, 110), far_arm=(-10, 5))
    pic.add(side_figure(pose, cast.LEE, scale=s))
    pic.add(no_sign(box_x + box_w / 2, ground - box_h - 100, 80))
    return pic
