"""Pictures for 'Treatment'."""

from __future__ import annotations

from . import cast
from . import palette as p
from .anatomy import spine_side, vertebra_top
from .objects import (arrow, blob_backdrop, book, clock, dumbbell, hot_pack, house, ice_pack, mat, pill, pill_bottle,
                      plant, shadow, surgical_lamp, syringe, towel, tree, water_glass)
from .people import Pose, arm_to, front_figure, joints, leg_to, side_figure
from .registry import picture
from .svg import Picture, circle, ellipse, g, path, poly_d, rect, rrect_d, smooth_d, stroke


@picture("treatment-steps", "Steps going up: home care, therapy, injection, surgery at the top")
def treatment_steps() -> Picture:
    pic = Picture()
    pic.add(blob_backdrop(400, 310, 340, 240))
    colours = (p.TEAL_PALE, p.TEAL_LIGHT, p.TEAL_MID, p.TEAL)
    base, step_w, rise = 530, 165, 88
    for i, colour in enumerate(colours):
        x = 70 + i * step_w
        top = base - (i + 1) * rise
        pic.add(path(rrect_d(x, top, step_w + 6 if i < 3 else step_w, base - top, 18), colour))
    pic.add(shadow(400, base + 6, 340, 10))
    icon_y = [base - rise * (i + 1) - 12 for i in range(4)]
    cx = [70 + step_w * (i + 0.5) for i in range(4)]
    pic.add(house(cx[0], icon_y[0], 0.95))
    pic.add(dumbbell(cx[1], icon_y[1] - 34, 0.95))
    pic.add(syringe(cx[2] - 58, icon_y[2] - 40, 120, 0))
    pic.add(circle(cx[3], icon_y[3] - 50, 46, p.WHITE))
    pic.add(surgical_lamp(cx[3], icon_y[3] - 56, 36)[1:])
    pic.add(arrow([(110, 300), (240, 200), (420, 150), (560, 110)], p.CORAL, 7))
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
    pose = Pose(hip=(230, 400), lean=-30, head_tilt=-10, near_arm=(40, 100), far_arm=(30, 90),
                near_leg=(85, 20, 95), far_leg=(80, 15, 95))
    pic.add(side_figure(pose, cast.MAYA, scale=0.8, facing=1))
    pic.add(path(rrect_d(40, 380, 70, 70, 26), p.CORAL_LIGHT))
    pic.add(clock(210, 170, 52, minutes=15))
    pic.add(arrow([(390, 270), (450, 220), (520, 240)], p.TEAL_MID, 8))
    walk = Pose(hip=(620, ground - 190 * 0.92), lean=4, near_arm=(-28, -8), far_arm=(26, 50),
                near_leg=(22, 6, 96), far_leg=(-20, -34, 68))
    pic.add(shadow(620, ground + 4, 90, 10))
    pic.add(side_figure(walk, cast.SAM, scale=0.92))
    return pic


@picture("medicine", "A pill bottle, a few pills and a glass of water, with a pharmacist to ask")
def medicine() -> Picture:
    pic = Picture()
    pic.add(blob_backdrop(400, 300, 340, 240))
    pic.add(front_figure(560, 620, cast.PHARMACIST, scale=1.18, left_arm=(8, 4), right_arm=(8, 4)))
    pic.add(rect(40, 420, 720, 160, p.BLUE_GREY_LIGHT, rx=24))
    pic.add(rect(40, 420, 720, 22, p.tint(p.BLUE_GREY_LIGHT, 0.4), rx=11))
    pic.add(shadow(220, 440, 110, 10))
    pic.add(pill_bottle(200, 440))
    pic.add(water_glass(330, 440, 110))
    pic.add(pill(150, 470, -20))
    pic.add(pill(230, 480, 15))
    pic.add(pill(300, 470, 40, p.NERVE_LIGHT))
    return pic


@picture("heat-and-ice", "A warm pack on the low back over a cloth, an ice pack and a short timer")
def heat_and_ice() -> Picture:
    pic = Picture()
    pic.add(blob_backdrop(400, 300, 340, 240))
    pic.add(mat(60, 470, 560))
    pose = Pose(hip=(300, 446), lean=90, head_tilt=12, near_arm=(150, -20), far_arm=(160, -10),
                near_leg=(-90, -90, 0), far_leg=(-92, -92, 0))
    pic.add(side_figure(pose, cast.LEE, scale=0.98, facing=1))
    j = joints(pose, 0.98)
    lb = (j["low_back"][0] - 10, j["low_back"][1] - 28)
    pic.add(towel(lb[0] - 70, lb[1] - 4, 140, 14))
    pic.add(g(hot_pack(0, 0, 120, 50), transform=f"translate({lb[0]:.1f} {lb[1] - 28:.1f})"))
    pic.add(ice_pack(640, 200, 150, 100))
    pic.add(clock(660, 380, 56, minutes=20))
    return pic


@picture("physical-therapy", "A physical therapist guiding a patient through a gentle exercise")
def physical_therapy() -> Picture:
    pic = Picture()
    pic.add(blob_backdrop(400, 300, 340, 240))
    pic.add(mat(60, 500, 460))
    s = 0.95
    base = Pose(hip=(300, 482), lean=-90)
    knee_leg = leg_to(base, (380, 350), s)
    pose = Pose(hip=(300, 482), lean=-90, near_arm=(140, 150), far_arm=(135, 150),
                near_leg=(*leg_to(base, (440, 488), s), 90), far_leg=(*knee_leg, 60))
    j0 = joints(pose, s)
    pose = Pose(hip=(300, 482), lean=-90, near_arm=arm_to(pose, (j0["knee"][0] - 6, j0["knee"][1] + 30), s, bend=1),
                far_arm=(150, 160), near_leg=(*leg_to(base, (440, 488), s), 90), far_leg=(*knee_leg, 60))
    pic.add(side_figure(pose, cast.OMAR, scale=s))
    pic.add(shadow(640, 560, 80, 10))
    pic.add(front_figure(640, 560, cast.THERAPIST, scale=1.0, left_arm=(60, 80), right_arm=(10, 20)))
    pic.add(plant(730, 560, 0.7))
    return pic


@picture("injection", "A syringe pointing to the sore spot next to a nerve in the low back")
def injection() -> Picture:
    pic = Picture()
    pic.add(blob_backdrop(400, 300, 340, 240))
    point = spine_side(pic, 300, 170, levels=4, scale=0.9, pinch_level=1)
    if point:
        pic.add(syringe(point[0] + 290, point[1] - 160, 250, 150))
        for k in range(3):
            pic.add(circle(point[0] + 30 + k * 16, point[1] - 24 - k * 10, 5 - k, p.TEAL_MID))
    return pic


@picture("surgery", "A surgical light over a spine where a small piece of bone is removed to free a nerve")
def surgery() -> Picture:
    pic = Picture()
    pic.add(blob_backdrop(400, 330, 340, 220))
    pic.add(path(poly_d([(330, 150), (470, 150), (640, 560), (160, 560)]), p.NERVE_LIGHT, opacity=0.45))
    pic.add(surgical_lamp(400, 120, 110))
    pic.add(vertebra_top(400, 390, scale=0.95, level="bone", opened=True))
    from .objects import badge

    pic.add(badge(560, 470, 28, good=True))
    return pic
