"""Pictures for 'Recovery and prevention', 'When to get help' and 'Where this comes from'."""

from __future__ import annotations

from . import cast
from . import palette as p
from .objects import (badge, blob_backdrop, book, book_flat, box, calendar, document, mat, phone, plant, shadow,
                      speech_bubble, sun)
from .people import Pose, arm_to, front_figure, joints, leg_to, side_figure
from .registry import picture
from .svg import Picture, circle, ellipse, g, limb, line, path, poly_d, rect, rrect_d, smooth_d, stroke


@picture("recovery-time", "A calendar with days ticked off, the sun's path and a growing seedling")
def recovery_time() -> Picture:
    pic = Picture()
    pic.add(blob_backdrop(400, 320, 340, 230))
    pic.add(stroke("M110 260 C220 40 580 40 690 260", p.NERVE_LIGHT, 10, stroke_dasharray="2 22"))
    pic.add(sun(400, 110, 40))
    pic.add(calendar(200, 220, 300, 280, done=12))
    pic.add(plant(600, 500, 1.2))
    return pic


@picture("safe-lifting", "A person squatting with knees bent, holding a box close to the body")
def safe_lifting() -> Picture:
    pic = Picture()
    pic.add(blob_backdrop(400, 300, 340, 240))
    ground = 540
    s = 1.12
    hip = (350, ground - 118)
    base = Pose(hip=hip, lean=22)
    near = leg_to(base, (hip[0] + 40, ground - 20 * s), s)
    far = leg_to(base, (hip[0] + 30, ground - 20 * s), s)
    pose = Pose(hip=hip, lean=22, near_leg=(*near, 90), far_leg=(*far, 90))
    j = joints(pose, s)
    box_x, box_w, box_h = j["knee"][0] + 6, 130, 112
    hands = (box_x + 40, ground - box_h + 40)
    pose = Pose(hip=hip, lean=22, head_tilt=-8, near_arm=arm_to(pose, hands, s, bend=-1),
                far_arm=arm_to(pose, (hands[0] - 6, hands[1] - 4), s, bend=-1), near_leg=pose.near_leg,
                far_leg=pose.far_leg)
    pic.add(shadow(420, ground + 4, 170, 12))
    pic.add(side_figure(pose, cast.SAM, scale=s, holding=box(box_x, ground - box_h, box_w, box_h)))
    pic.add(badge(640, 160, 52, good=True))
    return pic


@picture("daily-stretch", "A person doing a gentle standing stretch in the morning")
def daily_stretch() -> Picture:
    pic = Picture()
    pic.add(blob_backdrop(400, 300, 340, 240))
    pic.add(sun(640, 140, 40))
    pic.add(shadow(400, 560, 110, 12))
    pic.add(front_figure(400, 556, cast.RUTH, scale=1.35, left_arm=(160, 175), right_arm=(160, 175)))
    for side in (-1, 1):
        pic.add(stroke(f"M{400 + side * 130} 140 Q{400 + side * 170} 210 {400 + side * 150} 290", p.TEAL_LIGHT, 8))
    pic.add(plant(150, 560, 0.9))
    return pic


@picture("call-care-team", "A phone and a friendly nurse ready to help")
def call_care_team() -> Picture:
    pic = Picture()
    pic.add(blob_backdrop(400, 300, 340, 240))
    stethoscope = []
    x, ground, s = 540, 620, 1.4

    def at(dx: float, dy: float) -> tuple[float, float]:
        return (x + dx * s, ground - dy * s)

    stethoscope.append(stroke(smooth_d([at(-20, 300), at(-26, 262), at(-6, 244)], closed=False), p.INK, 4))
    stethoscope.append(stroke(smooth_d([at(20, 300), at(24, 270), at(10, 250)], closed=False), p.INK, 4))
    stethoscope.append(circle(*at(2, 240), 8 * s, p.BLUE_GREY_LIGHT, stroke=p.INK, stroke_width=3))
    stethoscope.append(path(rrect_d(*at(18, 276), 22 * s, 14 * s, 3 * s), p.WHITE))
    pic.add(front_figure(x, ground, cast.NURSE, scale=s, left_arm=(30, 150), right_arm=(8, 6), extras=stethoscope))
    pic.add(phone(230, 330, 170, 300, angle=-8))
    pic.add(speech_bubble(380, 140, 150, 86, tail_left=True))
    return pic


@picture("emergency-signs", "A hospital emergency entrance with a red cross sign")
def emergency_signs() -> Picture:
    pic = Picture()
    pic.add(path(rrect_d(0, 470, 800, 130, 36), p.PANEL_DEEP))
    pic.add(rect(0, 470, 800, 40, p.PANEL_DEEP))
    pic.add(path(rrect_d(170, 170, 460, 320, 24), p.BLUE_GREY_LIGHT))
    pic.add(rect(170, 170, 460, 40, p.BLUE_GREY, rx=16))
    for row in range(2):
        for col in range(4):
            if col in (1, 2) and row == 1:
                continue
            pic.add(rect(205 + col * 105, 240 + row * 100, 70, 60, p.tint(p.DISC, 0.4), rx=8))
    pic.add(path(rrect_d(340, 360, 120, 130, 10), p.TEAL))
    pic.add(rect(397, 366, 6, 124, p.TEAL_LIGHT))
    pic.add(path(rrect_d(320, 330, 160, 24, 12), p.RED))
    pic.add(circle(400, 140, 80, p.WHITE))
    pic.add(circle(400, 140, 80, "none", stroke=p.RED, stroke_width=10))
    pic.add(rect(376, 90, 48, 100, p.RED, rx=8))
    pic.add(rect(350, 116, 100, 48, p.RED, rx=8))
    # ambulance
    pic.add(path(rrect_d(560, 380, 200, 110, 20), p.WHITE))
    pic.add(path("M690 380 H730 Q760 380 770 420 L780 470 Q780 490 760 490 H690 Z", p.WHITE))
    pic.add(path("M700 396 H728 Q748 396 756 430 H700 Z", p.tint(p.DISC, 0.3)))
    pic.add(rect(560, 452, 220, 12, p.RED))
    pic.add(rect(606, 400, 16, 44, p.RED, rx=3))
    pic.add(rect(592, 414, 44, 16, p.RED, rx=3))
    pic.add(path(rrect_d(640, 364, 40, 18, 8), p.RED))
    for wx in (610, 720):
        pic.add(circle(wx, 494, 26, p.INK))
        pic.add(circle(wx, 494, 11, p.BLUE_GREY_LIGHT))
    for k in (-1, 1):
        pic.add(stroke(f"M{660 + k * 30} 350 L{660 + k * 44} 338", p.RED, 5))
    pic.add(line((660, 344), (660, 330), p.RED, 5))
    return pic


@picture("references", "A stack of books and a printed document")
def references() -> Picture:
    pic = Picture()
    pic.add(blob_backdrop(400, 300, 340, 240))
    pic.add(shadow(300, 500, 220, 14))
    pic.add(book_flat(110, 500, 330, 56, p.TEAL))
    pic.add(book_flat(140, 444, 290, 50, p.CORAL))
    pic.add(book_flat(120, 394, 310, 46, p.MUSTARD))
    pic.add(book(170, 348, 60, 190, p.PLUM))
    pic.add(g(book(240, 348, 56, 170, p.SAGE), transform="rotate(12 268 348)"))
    pic.add(g(document(470, 140, 230, 310, lines=8), transform="rotate(6 585 295)"))
    pic.add(circle(640, 420, 46, "none", stroke=p.INK, stroke_width=12))
    pic.add(circle(640, 420, 40, p.tint(p.DISC, 0.5), opacity=0.6))
    pic.add(line((672, 452), (712, 494), p.INK, 16))
    return pic
