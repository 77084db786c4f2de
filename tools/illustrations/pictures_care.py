"""Pictures for 'Treatment'."""

from __future__ import annotations

from dataclasses import replace

from . import cast
from . import palette as p
from .anatomy import vertebra_top
from .objects import (
    clock,
    dumbbell,
    hot_pack,
    ice_pack,
    mat,
    pill,
    pill_bottle,
    surgical_lamp,
    syringe,
    water_glass,
)
from .people import Look, Pose, front_figure, front_hand, joints, side_figure
from .registry import picture
from .scenery import arrow, badge, blob_backdrop, house, shadow
from .svg import Picture, circle, line, num, path, rect, rrect_d, smooth_d, stroke


@picture("treatment-steps", "Steps going up: home care, therapy, injection, surgery at the top")
def treatment_steps() -> Picture:
    pic = Picture()
    pic.add(blob_backdrop(400, 310, 340, 240))
    colours = (p.TEAL_PALE, p.TEAL_LIGHT, p.TEAL_MID, p.TEAL)
    base, step_w, rise, left = 540, 148, 78, 180
    pic.add(shadow(440, base + 4, 360, 10))
    right = left + 4 * step_w
    walker = Pose(
        hip=(100, base - 196 * 0.8),
        lean=4,
        near_arm=(-24, -8),
        far_arm=(22, 44),
        near_leg=(22, 6, 96),
        far_leg=(-20, -34, 68),
    )
    pic.add(side_figure(walker, cast.LEE, scale=0.8))
    for i, colour in enumerate(colours):
        x = left + i * step_w
        top = base - (i + 1) * rise
        pic.add(path(rrect_d(x, top, right - x, base - top, 16), colour))
        pic.add(path(rrect_d(x, top, right - x, 14, 7), p.tint(colour, 0.35)))
    for i in range(4):
        cx = left + step_w * (i + 0.5)
        cy = base - (i + 1) * rise - 66
        pic.add(circle(cx, cy + 4, 54, p.PANEL_DEEP, opacity=0.6))
        pic.add(circle(cx, cy, 54, p.WHITE))
        if i == 0:
            pic.add(house(cx, cy + 38, 0.72))
        elif i == 1:
            pic.add(dumbbell(cx, cy, 0.72))
        elif i == 2:
            pic.add(syringe(cx - 44, cy + 26, 100, -30))
        else:
            pic.add(surgical_lamp(cx, cy - 6, 36)[1:])
            pic.add(rect(cx - 4, cy - 46, 8, 26, p.BLUE_GREY, rx=4))
    return pic


@picture("rest-and-move", "A short rest on the sofa, then gentle walking")
def rest_and_move() -> Picture:
    pic = Picture()
    pic.add(blob_backdrop(400, 310, 340, 240))
    ground = 520
    # sofa
    pic.add(path(rrect_d(60, 330, 300, 120, 40), p.SAGE))
    pic.add(path(rrect_d(40, 400, 340, 90, 30), p.tint(p.SAGE, 0.15)))
    pic.add(rect(70, 480, 16, 40, p.INK, rx=6))
    pic.add(rect(334, 480, 16, 40, p.INK, rx=6))
    pose = Pose(
        hip=(230, 400),
        lean=-30,
        head_tilt=-10,
        near_arm=(40, 100),
        far_arm=(30, 90),
        near_leg=(85, 20, 95),
        far_leg=(80, 15, 95),
    )
    pic.add(side_figure(pose, cast.MAYA, scale=0.8, facing=1))
    pic.add(path(rrect_d(40, 380, 70, 70, 26), p.CORAL_LIGHT))
    pic.add(clock(210, 170, 52, minutes=15))
    pic.add(arrow([(390, 270), (450, 220), (520, 240)], p.TEAL_MID, 8))
    walk = Pose(
        hip=(620, ground - 190 * 0.92),
        lean=4,
        near_arm=(-28, -8),
        far_arm=(26, 50),
        near_leg=(22, 6, 96),
        far_leg=(-20, -34, 68),
    )
    pic.add(shadow(620, ground + 4, 90, 10))
    pic.add(side_figure(walk, cast.MAYA, scale=0.92))
    return pic


@picture("medicine", "A pill bottle, a few pills and a glass of water, with a pharmacist to ask")
def medicine() -> Picture:
    pic = Picture()
    pic.add(blob_backdrop(400, 300, 340, 240))
    pic.add(front_figure(560, 620, cast.PHARMACIST, scale=1.18, left_arm=(8, 4), right_arm=(8, 4)))
    pic.add(path("M40 444 A24 24 0 0 1 64 420 H736 A24 24 0 0 1 760 444 V600 H40 Z", p.BLUE_GREY_LIGHT))
    pic.add(rect(40, 420, 720, 22, p.tint(p.BLUE_GREY_LIGHT, 0.4), rx=11))
    pic.add(shadow(220, 440, 110, 10))
    pic.add(pill_bottle(200, 440))
    pic.add(water_glass(330, 440, 110))
    pic.add(pill(150, 470, -20))
    pic.add(pill(230, 480, 15))
    pic.add(pill(300, 470, 40, p.NERVE_LIGHT))
    return pic


def _wrapped(pack: list[str], cx: float, cy: float) -> list[str]:
    """A pack lying on a folded towel with one end of the towel folded over it."""
    towel_colour = p.TEAL_PALE
    stripe = p.TEAL_LIGHT
    flap = p.mix(towel_colour, stripe, 0.45)
    out = [
        path(rrect_d(cx - 125, cy - 80, 250, 160, 30), p.PANEL_DEEP, opacity=0.6, transform="translate(6 8)"),
        path(rrect_d(cx - 125, cy - 80, 250, 160, 30), towel_colour),
    ]
    for x in (cx + 70, cx + 86):
        out.append(rect(x, cy - 80, 8, 160, stripe))
    out += pack
    out.append(
        path(
            smooth_d(
                [
                    (cx - 120, cy - 78),
                    (cx - 40, cy - 84),
                    (cx - 30, cy),
                    (cx - 40, cy + 84),
                    (cx - 120, cy + 78),
                    (cx - 128, cy),
                ]
            ),
            flap,
        )
    )
    for x in (cx - 100, cx - 84):
        out.append(rect(x, cy - 80, 8, 160, stripe))
    return out


@picture("heat-and-ice", "A warm heat pack and a cold ice pack, each on a towel, and a short timer")
def heat_and_ice() -> Picture:
    pic = Picture()
    pic.add(blob_backdrop(400, 300, 340, 240))
    pic.add(_wrapped(hot_pack(230, 250, 180, 120), 220, 250))
    pic.add(_wrapped(ice_pack(590, 250, 180, 120), 580, 250))
    for k in range(3):
        x = 250 + (k - 1) * 40
        pic.add(stroke(f"M{x} 160 q-12 -16 0 -32 q12 -16 0 -32", p.CORAL, 7))
    pic.add(clock(400, 460, 62, minutes=20))
    return pic


@picture("physical-therapy", "A physical therapist showing a patient how to do a stretch on a mat")
def physical_therapy() -> Picture:
    from .pictures_exercise import MAT_TOP, knee_hug

    pic = Picture()
    pic.add(blob_backdrop(400, 300, 340, 240))
    pic.add(mat(40, MAT_TOP, 500))
    pic.add(knee_hug(270, cast.OMAR, scale=1.08))
    pic.add(shadow(650, 566, 80, 10))
    pic.add(front_figure(650, 566, cast.THERAPIST, scale=1.05, left_arm=(50, 75), right_arm=(10, 20)))
    return pic


@picture("injection", "A doctor giving a shot in the low back of a patient lying face down")
def injection() -> Picture:
    pic = Picture()
    pic.add(blob_backdrop(400, 300, 340, 240))
    doctor = Look(
        skin=p.SKIN_TONES[1],
        hair=p.HAIR_COLOURS[2],
        top=p.WHITE,
        bottom=p.BLUE_GREY,
        hair_style="short",
        long_sleeves=True,
    )
    arm = (38, 70)
    pic.add(
        front_figure(
            470,
            560,
            doctor,
            scale=1.0,
            left_arm=arm,
            right_arm=(14, -40),
            extras=[rect(452, 300, 10, 22, p.TEAL_MID, rx=3)],
        )
    )
    hand = front_hand(470, 560, 1.0, -1, arm)
    # table and patient in front of the doctor
    pic.add(path(rrect_d(60, 420, 560, 30, 15), p.BLUE_GREY_LIGHT))
    pic.add(rect(110, 446, 18, 110, p.BLUE_GREY, rx=8))
    pic.add(rect(540, 446, 18, 110, p.BLUE_GREY, rx=8))
    pose = Pose(
        hip=(330, 392),
        lean=90,
        head_tilt=10,
        near_arm=(-88, -90),
        far_arm=(-86, -88),
        near_leg=(-90, -90, -60),
        far_leg=(-92, -92, -62),
    )
    pic.add(path(rrect_d(90, 394, 110, 28, 14), p.WHITE))
    pic.add(side_figure(pose, replace(cast.RUTH, shoes=cast.RUTH.skin), scale=1.0, facing=-1))
    site = joints(pose, 1.0, facing=-1)["low_back"]
    site = (site[0] - 6, site[1] - 26)
    pic.glow(*site, 40, p.TEAL_LIGHT, 0.9)
    import math

    angle = math.degrees(math.atan2(site[1] - hand[1], site[0] - hand[0]))
    reach = math.hypot(site[0] - hand[0], site[1] - hand[1])
    start = (hand[0] - math.cos(math.radians(angle)) * 20, hand[1] - math.sin(math.radians(angle)) * 20)
    pic.add(syringe(start[0], start[1], reach + 14, angle))
    pic.add(front_figure_hand(hand))
    return pic


def front_figure_hand(hand: tuple[float, float]) -> str:
    return circle(hand[0], hand[1], 10, p.SKIN_TONES[1])


@picture(
    "surgery", "A surgeon in cap and mask explaining the operation to a patient, with a picture of the spine"
)
def surgery() -> Picture:
    pic = Picture()
    pic.add(blob_backdrop(400, 300, 340, 240))
    pic.add(path(rrect_d(250, 50, 300, 240, 24), p.WHITE))
    pic.add(path(rrect_d(262, 62, 276, 216, 16), p.TEAL_PALE))
    pic.add(vertebra_top(400, 190, scale=0.62, level="bone", opened=True))
    pic.add(badge(500, 250, 20, good=True))
    surgeon = Look(
        skin=p.SKIN_TONES[2],
        hair=p.HAIR_COLOURS[0],
        top=p.TEAL_LIGHT,
        bottom=p.TEAL_LIGHT,
        shoes=p.WHITE,
        hair_style="short",
    )
    x, ground, s = 620, 580, 1.0
    head = (x, ground - 345 * s)
    r = 27 * s
    gear = [
        path(
            f"M{num(head[0] - r * 1.08)} {num(head[1] - r * 0.1)}"
            f" C{num(head[0] - r * 1.1)} {num(head[1] - r * 1.5)}"
            f" {num(head[0] + r * 1.1)} {num(head[1] - r * 1.5)}"
            f" {num(head[0] + r * 1.08)} {num(head[1] - r * 0.1)} Z",
            p.TEAL_MID,
        ),
        path(rrect_d(head[0] - r * 0.8, head[1] + r * 0.15, r * 1.6, r * 0.8, r * 0.3), p.WHITE),
        line((head[0] - r * 0.8, head[1] + r * 0.3), (head[0] - r * 1.0, head[1] + r * 0.1), p.WHITE, 3),
        line((head[0] + r * 0.8, head[1] + r * 0.3), (head[0] + r * 1.0, head[1] + r * 0.1), p.WHITE, 3),
    ]
    pic.add(shadow(x, ground, 80, 10))
    pic.add(front_figure(x, ground, surgeon, scale=s, left_arm=(70, 120), right_arm=(8, 6), extras=gear))
    # patient sitting on a chair, facing the surgeon
    pic.add(rect(150, 430, 120, 20, p.SAGE, rx=10))
    pic.add(rect(150, 300, 22, 150, p.SAGE, rx=10))
    pic.add(rect(160, 446, 12, 110, p.INK, rx=5))
    pic.add(rect(252, 446, 12, 110, p.INK, rx=5))
    pose = Pose(
        hip=(200, 410),
        lean=-4,
        near_arm=(20, 80),
        far_arm=(15, 75),
        near_leg=(90, 2, 90),
        far_leg=(88, 0, 90),
    )
    pic.add(shadow(240, 560, 90, 10))
    pic.add(side_figure(pose, cast.SAM, scale=1.0))
    return pic
