"""Pictures for 'What is a pinched nerve?', 'What causes it?' and 'How is it found?'."""

from __future__ import annotations

from dataclasses import replace

from . import cast
from . import palette as p
from .anatomy import spine_side, vertebra_top
from .objects import monitor
from .people import Pose, arm_to, front_figure, joints, side_figure
from .registry import picture
from .scenery import arrow, badge, blob_backdrop, box, shadow, sparkle
from .svg import Picture, circle, ellipse, g, path, rect, rrect_d, smooth_d, stroke


@picture("spine-nerve-root", "Side view of the low back spine with a nerve root pressed by a disc")
def spine_nerve_root() -> Picture:
    pic = Picture()
    pic.add(blob_backdrop(400, 300, 330, 250))
    spine_side(pic, 370, 92, levels=5, scale=1.04, pinch_level=2)
    # where this is: a small person seen from behind with the low back marked
    pic.add(circle(122, 150, 92, p.WHITE))
    pic.add(front_figure(122, 236, cast.OMAR, scale=0.44, back_view=True))
    pic.add(path(rrect_d(102, 124, 40, 30, 8), "none", stroke=p.TEAL_MID, stroke_width=3))
    pic.add(stroke("M144 140 C190 150 232 190 262 250", p.TEAL_MID, 3, stroke_dasharray="6 6"))
    return pic


@picture("pain-path-leg", "A person from behind with pain running from the low back down one leg")
def pain_path_leg() -> Picture:
    pic = Picture()
    pic.add(blob_backdrop(400, 310, 300, 250))
    x, ground = 400, 560
    pic.add(shadow(x, ground, 110, 14))
    pic.add(
        front_figure(x, ground, cast.OMAR, scale=1.38, back_view=True, left_arm=(10, 6), right_arm=(10, 6))
    )
    s = 1.38
    trail = [
        (x + 12 * s, ground - 222 * s),
        (x + 22 * s, ground - 196 * s),
        (x + 22 * s, ground - 160 * s),
        (x + 21 * s, ground - 110 * s),
        (x + 20 * s, ground - 60 * s),
        (x + 20 * s, ground - 20 * s),
    ]
    d = smooth_d(trail, closed=False)
    pic.add(stroke(d, p.CORAL, 34, opacity=0.25))
    pic.add(stroke(d, p.CORAL, 18, opacity=0.5))
    pic.add(stroke(d, p.CORAL_DEEP, 6))
    pic.glow(x + 8 * s, ground - 222 * s, 56, p.CORAL, 0.9)
    pic.add(circle(x + 10 * s, ground - 222 * s, 10, p.CORAL_DEEP))
    pic.add(sparkle(x + 21 * s, ground - 96 * s, 44, p.NERVE_DEEP))
    pic.add(sparkle(x + 21 * s, ground - 16 * s, 40, p.NERVE_DEEP))
    return pic


@picture("disc-bulge", "A disc seen from above whose soft centre bulges out and presses a nerve")
def disc_bulge() -> Picture:
    pic = Picture()
    pic.add(blob_backdrop(400, 300, 320, 250))
    pic.add(vertebra_top(400, 318, scale=1.4, level="disc", herniation=True, pic=pic))
    return pic


@picture("narrow-canal", "A normal spinal canal beside a narrowed one that squeezes the nerves")
def narrow_canal() -> Picture:
    pic = Picture()
    pic.add(path(rrect_d(30, 60, 350, 480, 40), p.TEAL_PALE))
    pic.add(path(rrect_d(420, 60, 350, 480, 40), p.mix(p.PANEL_SHADE, p.CORAL_LIGHT, 0.35)))
    pic.add(vertebra_top(205, 300, scale=1.0, level="bone"))
    pic.add(vertebra_top(595, 300, scale=1.0, level="bone", narrow=True, pic=pic))
    for k in (-1, 1):
        pic.add(arrow([(595 + k * 120, 420), (595 + k * 78, 380)], p.CORAL_DEEP, 7))

    pic.add(badge(205, 500, 26, good=True))
    return pic


@picture("back-injury", "A person holding their sore low back after lifting")
def back_injury() -> Picture:
    pic = Picture()
    pic.add(blob_backdrop(400, 300, 320, 240))
    ground, sc = 550, 1.2
    hip = (360, ground - 196 * sc)
    pose = Pose(hip=hip, lean=24, head_tilt=-10, near_leg=(8, -4, 90), far_leg=(-6, -6, 90))
    lb = joints(pose, sc)["low_back"]
    pose = Pose(
        hip=hip,
        lean=24,
        head_tilt=-10,
        near_arm=arm_to(pose, (lb[0] - 30 * sc, lb[1] + 4), sc, bend=-1),
        far_arm=(-20, 20),
        near_leg=pose.near_leg,
        far_leg=pose.far_leg,
    )
    pic.add(shadow(370, ground, 130, 14))
    pic.add(shadow(595, ground, 90, 10))
    pic.add(box(520, ground - 130, 150, 130, heavy=True))
    pic.add(side_figure(pose, replace(cast.SAM, sore=True), scale=sc))
    back = (lb[0] - 28 * sc, lb[1] - 6)
    pic.glow(*back, 64, p.CORAL, 0.8)
    pic.add(sparkle(back[0] - 4, back[1] - 4, 58, p.CORAL_DEEP))
    return pic


@picture("imaging-scan", "A person lying on the table of an MRI scanner")
def imaging_scan() -> Picture:
    pic = Picture()
    pic.add(blob_backdrop(400, 300, 340, 240))
    cy = 290
    pic.add(shadow(450, 520, 300, 16))
    # scanner body behind, tunnel shadow
    pic.add(path(rrect_d(430, 110, 300, 400, 70), p.BLUE_GREY_LIGHT))
    pic.add(ellipse(440, cy, 40, 110, p.mix(p.BLUE_GREY, p.INK, 0.4)))
    # table and patient
    pic.add(rect(200, 440, 60, 80, p.BLUE_GREY, rx=10))
    pic.add(path(rrect_d(110, cy + 46, 380, 26, 13), p.WHITE))
    pic.add(rect(130, cy + 66, 330, 10, p.BLUE_GREY_LIGHT, rx=5))
    look = replace(cast.LEE, shoes=cast.LEE.skin)
    pic.add(path(rrect_d(150, cy + 30, 80, 20, 10), p.BLUE_GREY_PALE))
    pose = Pose(
        hip=(300, cy + 20),
        lean=90,
        near_arm=(-86, -92),
        far_arm=(-84, -90),
        near_leg=(-90, -90, 180),
        far_leg=(-90, -90, 180),
    )
    pic.add(g(side_figure(pose, look, scale=0.92, facing=-1), transform="translate(0 0)"))
    # scanner front with the bore cut out (even-odd) so the patient shows inside
    outline = "M440 110 H660 A70 70 0 0 1 730 180 V400 A70 70 0 0 1 660 470 H440 A70 180 0 0 1 440 110 Z"
    bore = "M440 180 A40 110 0 1 0 440 400 A40 110 0 1 0 440 180 Z"
    pic.add(path(outline + " " + bore, p.BLUE_GREY_PALE, fill_rule="evenodd"))
    pic.add(stroke("M440 150 A58 150 0 0 0 440 430", p.TEAL_LIGHT, 10))
    pic.add(rect(600, 160, 80, 16, p.TEAL_LIGHT, rx=8))
    pic.add(circle(690, 168, 8, p.TEAL_MID))
    for r in (26, 44):
        pic.add(
            stroke(
                f"M{520 + r * 0.6:.0f} {cy - r:.0f} A{r} {r} 0 0 1 {520 + r * 0.6:.0f} {cy + r:.0f}",
                p.TEAL_MID,
                5,
                opacity=0.0,
            )
        )
    return pic


@picture("nerve-test", "Small sensor pads on a leg with wires to a monitor")
def nerve_test() -> Picture:
    pic = Picture()
    pic.add(blob_backdrop(400, 300, 340, 240))
    # exam bed
    pic.add(path(rrect_d(40, 380, 520, 34, 16), p.BLUE_GREY_LIGHT))
    pic.add(rect(80, 410, 18, 130, p.BLUE_GREY, rx=8))
    pic.add(rect(500, 410, 18, 130, p.BLUE_GREY, rx=8))
    pic.add(path(rrect_d(56, 346, 110, 40, 20), p.WHITE))
    pose = Pose(
        hip=(300, 352),
        lean=-90,
        head_tilt=0,
        near_arm=(86, 92),
        far_arm=(84, 90),
        near_leg=(90, 90, 178),
        far_leg=(92, 92, 175),
    )
    pic.add(side_figure(pose, replace(cast.RUTH, shoes=cast.RUTH.skin), scale=1.0, facing=1))
    pads = [(420, 338), (470, 338), (556, 330)]
    # monitor on a cart
    pic.add(rect(668, 330, 14, 210, p.BLUE_GREY, rx=6))
    pic.add(rect(630, 526, 90, 14, p.BLUE_GREY, rx=7))
    pic.add(monitor(580, 160, 190, 160, wave=p.NERVE))
    for i, (x, y) in enumerate(pads):
        pic.add(
            stroke(
                smooth_d([(x, y), (x + 30, y - 70 - i * 10), (600, 280 - i * 8), (640, 318)], closed=False),
                p.INK,
                3,
            )
        )
    for x, y in pads:
        pic.add(circle(x, y, 13, p.WHITE, stroke=p.BLUE_GREY, stroke_width=3))
        pic.add(circle(x, y, 5, p.TEAL_MID))
    pic.add(
        path(
            "M448 250 L436 276 H452 L442 302 L470 268 H454 L464 250 Z",
            p.NERVE,
            stroke=p.NERVE_DEEP,
            stroke_width=2,
            stroke_linejoin="round",
        )
    )
    return pic
