"""Pictures for 'Recovery and prevention', 'When to get help' and 'Where this comes from'."""

from __future__ import annotations

from dataclasses import replace

from . import cast
from . import palette as p
from .objects import small_phone
from .people import Pose, arm_to, front_figure, front_hand, joints, leg_to, side_figure
from .registry import picture
from .scenery import badge, blob_backdrop, book, book_flat, box, calendar, plant, shadow, sun
from .svg import Picture, circle, g, line, path, rect, rrect_d, smooth_d, stroke


@picture("recovery-time", "A calendar with days ticked off and a person more comfortable as the weeks pass")
def recovery_time() -> Picture:
    pic = Picture()
    pic.add(blob_backdrop(400, 320, 350, 230))
    pic.add(sun(150, 90, 30))
    pic.add(calendar(60, 200, 250, 250, done=12))
    ground = 520
    s = 0.78
    look = cast.OMAR
    sore = Pose(hip=(420, ground - 196 * s), lean=26, head_tilt=-6, near_arm=(-40, 30), far_arm=(-20, 20))
    sore_j = joints(sore, s)
    sore = Pose(
        hip=sore.hip,
        lean=26,
        head_tilt=-6,
        near_arm=arm_to(sore, (sore_j["low_back"][0] - 22 * s, sore_j["low_back"][1]), s, bend=-1),
        far_arm=(-20, 20),
    )
    better = Pose(hip=(560, ground - 196 * s), lean=8, near_arm=(6, 20), far_arm=(-6, 10))
    well = Pose(
        hip=(690, ground - 196 * s),
        lean=3,
        near_arm=(-26, -8),
        far_arm=(24, 48),
        near_leg=(22, 6, 96),
        far_leg=(-20, -34, 68),
    )
    for pose in (sore, better, well):
        pic.add(shadow(pose.hip[0], ground + 4, 60, 8))
    pic.glow(sore_j["low_back"][0] - 14, sore_j["low_back"][1], 40, p.CORAL, 0.7)
    for pose, mood in ((sore, True), (better, False), (well, False)):
        pic.add(side_figure(pose, replace(look, sore=mood), scale=s))
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
    box_x, box_w, box_h = j["knee"][0] + 4, 104, 84
    hands = (box_x + 34, ground - box_h + 30)
    pose = Pose(
        hip=hip,
        lean=22,
        head_tilt=-8,
        near_arm=arm_to(pose, hands, s, bend=-1),
        far_arm=arm_to(pose, (hands[0] - 6, hands[1] - 4), s, bend=-1),
        near_leg=pose.near_leg,
        far_leg=pose.far_leg,
    )
    pic.add(shadow(420, ground + 4, 170, 12))
    pic.add(side_figure(pose, cast.SAM, scale=s, holding=box(box_x, ground - box_h, box_w, box_h)))
    pic.add(badge(640, 160, 52, good=True))
    return pic


@picture("daily-stretch", "A person doing a gentle standing stretch on a mat at home")
def daily_stretch() -> Picture:
    pic = Picture()
    pic.add(blob_backdrop(400, 300, 340, 240))
    # window with a morning sun
    pic.add(path(rrect_d(520, 70, 200, 220, 20), p.WHITE))
    pic.add(path(rrect_d(534, 84, 172, 192, 12), p.tint(p.DISC, 0.55)))
    pic.add(sun(650, 150, 26))
    pic.add(rect(616, 84, 8, 192, p.WHITE))
    pic.add(rect(534, 176, 172, 8, p.WHITE))
    pic.add(path("M512 62 H560 C548 140 548 220 560 300 H512 Z", p.CORAL_LIGHT))
    pic.add(path("M728 62 H680 C692 140 692 220 680 300 H728 Z", p.CORAL_LIGHT))
    pic.add(path(rrect_d(230, 548, 300, 18, 9), p.TEAL_LIGHT))
    pic.add(front_figure(380, 556, cast.RUTH, scale=1.2, left_arm=(150, 168), right_arm=(150, 168)))
    for side in (-1, 1):
        pic.add(
            stroke(f"M{380 + side * 120} 170 Q{380 + side * 150} 230 {380 + side * 132} 300", p.TEAL_LIGHT, 8)
        )
    pic.add(plant(150, 560, 0.9))
    return pic


@picture("call-care-team", "A person at home phoning a friendly nurse")
def call_care_team() -> Picture:
    pic = Picture()
    pic.add(blob_backdrop(400, 300, 340, 240))
    # the patient at home in an armchair, phone at the ear
    pic.add(path(rrect_d(60, 300, 70, 210, 30), p.PLUM))
    pic.add(path(rrect_d(60, 420, 230, 80, 30), p.tint(p.PLUM, 0.2)))
    pic.add(rect(80, 496, 14, 50, p.INK, rx=6))
    pic.add(rect(260, 496, 14, 50, p.INK, rx=6))
    pose = Pose(
        hip=(150, 402),
        lean=-6,
        near_arm=(20, 80),
        far_arm=(15, 75),
        near_leg=(88, 2, 90),
        far_leg=(86, 0, 90),
    )
    head = joints(pose)["head"]
    ear = (head[0] + 2, head[1] + 12)
    pose = Pose(
        hip=pose.hip,
        lean=-6,
        near_arm=arm_to(pose, ear, bend=-1),
        far_arm=(15, 75),
        near_leg=pose.near_leg,
        far_leg=pose.far_leg,
    )
    pic.add(side_figure(pose, cast.MAYA, holding=small_phone(head[0] - 6, head[1] + 8, 16)))
    pic.add(path(rrect_d(80, 390, 50, 50, 18), p.CORAL_LIGHT))
    # the nurse answering
    stethoscope = []
    x, ground, s = 600, 600, 1.25

    def at(dx: float, dy: float) -> tuple[float, float]:
        return (x + dx * s, ground - dy * s)

    stethoscope.append(stroke(smooth_d([at(-20, 300), at(-26, 262), at(-6, 244)], closed=False), p.INK, 4))
    stethoscope.append(stroke(smooth_d([at(20, 300), at(24, 270), at(10, 250)], closed=False), p.INK, 4))
    stethoscope.append(circle(*at(2, 240), 8 * s, p.BLUE_GREY_LIGHT, stroke=p.INK, stroke_width=3))
    stethoscope.append(path(rrect_d(*at(18, 276), 22 * s, 14 * s, 3 * s), p.WHITE))
    arm = (24, 165)
    pic.add(front_figure(x, ground, cast.NURSE, scale=s, left_arm=arm, right_arm=(8, 6), extras=stethoscope))
    hand = front_hand(x, ground, s, -1, arm)
    pic.add(small_phone(hand[0] + 2, hand[1] - 16, -14, 1.2))
    pic.add(circle(hand[0], hand[1], 11 * s, cast.NURSE.skin))
    for k, r in enumerate((40, 70, 100)):
        pic.add(
            stroke(
                f"M{400 - r * 0.7:.1f} {230 - r * 0.7:.1f} A{r} {r} 0 0 1 {400 + r * 0.7:.1f}"
                f" {230 - r * 0.7:.1f}",
                p.TEAL_MID,
                8 - k * 2,
            )
        )
    pic.add(circle(400, 230, 10, p.TEAL_MID))
    return pic


@picture("emergency-signs", "A hospital emergency entrance with a red cross sign")
def emergency_signs() -> Picture:
    pic = Picture()
    pic.add(path(rrect_d(0, 470, 800, 130, 36), p.PANEL_DEEP))
    pic.add(rect(0, 470, 800, 40, p.PANEL_DEEP))
    pic.add(path(rrect_d(190, 170, 440, 320, 24), p.BLUE_GREY_LIGHT))
    pic.add(rect(190, 170, 440, 40, p.BLUE_GREY, rx=16))
    for row in range(2):
        for col in range(4):
            if col in (1, 2) and row == 1:
                continue
            pic.add(rect(220 + col * 100, 240 + row * 100, 70, 60, p.tint(p.DISC, 0.4), rx=8))
    pic.add(path(rrect_d(340, 360, 120, 130, 10), p.TEAL))
    pic.add(rect(397, 366, 6, 124, p.TEAL_LIGHT))
    pic.add(path(rrect_d(320, 330, 160, 24, 12), p.RED))
    pic.add(rect(90, 250, 16, 230, p.BLUE_GREY, rx=8))
    pic.add(circle(98, 200, 72, p.RED))
    pic.add(circle(98, 200, 60, p.WHITE))
    pic.add(rect(78, 156, 40, 88, p.RED, rx=7))
    pic.add(rect(54, 180, 88, 40, p.RED, rx=7))
    pic.add(circle(400, 120, 34, p.WHITE))
    pic.add(rect(389, 98, 22, 44, p.RED, rx=4))
    pic.add(rect(378, 109, 44, 22, p.RED, rx=4))
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


@picture("references", "A small stack of books next to an open book")
def references() -> Picture:
    pic = Picture()
    pic.add(blob_backdrop(400, 300, 340, 240))
    pic.add(shadow(400, 502, 330, 14))
    pic.add(book_flat(70, 500, 320, 56, p.TEAL))
    pic.add(book_flat(100, 444, 280, 50, p.CORAL))
    pic.add(book_flat(80, 394, 300, 46, p.MUSTARD))
    pic.add(book(140, 348, 60, 190, p.PLUM))
    pic.add(g(book(210, 348, 56, 170, p.SAGE), transform="rotate(12 238 348)"))
    # open book
    pic.add(
        path("M420 300 Q540 280 600 310 Q660 280 780 300 V500 Q660 480 600 510 Q540 480 420 500 Z", p.DENIM)
    )
    pic.add(path("M432 292 Q530 270 596 300 V490 Q530 464 432 484 Z", p.WHITE))
    pic.add(path("M604 300 Q670 270 768 292 V484 Q670 464 604 490 Z", p.WHITE))
    pic.add(rect(596, 300, 8, 190, p.BLUE_GREY_LIGHT))
    for i in range(6):
        y = 320 + i * 26
        pic.add(stroke(f"M450 {y} Q515 {y - 12} 580 {y + 4}", p.BLUE_GREY_LIGHT, 7))
        if i != 2:
            pic.add(stroke(f"M620 {y + 4} Q685 {y - 12} 750 {y}", p.BLUE_GREY_LIGHT, 7))
    pic.add(rect(640, 370, 90, 50, p.TEAL_PALE, rx=8))
    return pic
