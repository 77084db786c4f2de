"""What each body segment looks like, drawn in its own frame (+x along the bone).

Soft filled shapes in the pack palette: clothes over skin, round joints, a friendly face. Parts on
the far side of the body are drawn a little darker, the way the pack's illustrations do it, so a
side view still reads as two arms and two legs.
"""

from __future__ import annotations

from dataclasses import dataclass

from tools.illustrations import palette as p

from .shapes import blob, circle, ellipse, limb_points, path

FAR_SHADE = 0.16


@dataclass(frozen=True)
class Look:
    skin: str = p.SKIN_TONES[1]
    hair: str = p.HAIR_COLOURS[1]
    top: str = p.TEAL_MID
    bottom: str = p.DENIM
    shoes: str = p.INK
    sole: str = p.BLUE_GREY_LIGHT

    def far(self) -> Look:
        return Look(*(p.shade(colour, FAR_SHADE) for colour in
                      (self.skin, self.hair, self.top, self.bottom, self.shoes, self.sole)))


PELVIS_OUTLINE = [
    (46, -19), (30, -25), (10, -28), (-8, -24), (-17, -8), (-14, 10), (2, 20), (26, 20), (44, 17),
]
TORSO_OUTLINE = [
    (-12, -20), (22, -21), (52, -23), (78, -21), (92, -11), (95, 2), (88, 14), (70, 22),
    (48, 24), (24, 22), (0, 21), (-12, 19),
]
HAIR_OUTLINE = [(14, -20), (34, -27), (54, -24), (64, -8), (63, 10), (56, 22), (50, 8), (44, -2), (30, -10),
                (18, -8)]
HAND_OUTLINE = [(-3, -6), (8, -7.5), (16, -4.5), (19, 1), (14, 6.5), (4, 7), (-3, 3)]
SHOE_OUTLINE = [(-11, 1), (-9, 9.5), (2, 11), (22, 11), (34, 9), (37, 3.5), (31, -2), (16, -4), (4, -8.5),
                (-7, -7.5)]


def pelvis(look: Look) -> list[str]:
    return [blob(PELVIS_OUTLINE, look.bottom)]


def torso(look: Look) -> list[str]:
    return [blob(TORSO_OUTLINE, look.top)]


def head(look: Look) -> list[str]:
    """Neck and head; the face looks toward +y (the front of the body)."""
    r = 25.0
    cx, cy = 38.0, 3.0
    return [
        blob(limb_points(20, 9, 9), p.shade(look.skin, 0.08)),
        circle(cx, cy, r, look.skin),
        blob([(cx - 3, cy + 21), (cx + 1, cy + 28.5), (cx + 6, cy + 27), (cx + 8, cy + 21)], look.skin),
        blob(HAIR_OUTLINE, look.hair),
        ellipse(cx - 3, cy - 3, 5, 6.5, p.shade(look.skin, 0.07)),
        circle(cx + 6, cy + 14, 2.6, p.INK),
        path(f"M{cx - 8} {cy + 13} Q{cx - 12} {cy + 17} {cx - 9} {cy + 20}", stroke=p.INK,
             stroke_width=2.2, stroke_linecap="round"),
        circle(cx - 4, cy + 12, 4.2, p.CORAL, opacity=0.3),
    ]


def upper_arm(look: Look) -> list[str]:
    return [
        blob(limb_points(70, 10, 8, front=0.08, back=0.08), look.skin),
        blob(limb_points(30, 13.5, 12), look.top),
    ]


def forearm(look: Look) -> list[str]:
    return [blob(limb_points(60, 8.5, 6.5, front=0.1, back=0.06), look.skin)]


def hand(look: Look) -> list[str]:
    return [blob(HAND_OUTLINE, look.skin)]


def thigh(look: Look) -> list[str]:
    return [blob(limb_points(98, 19, 13.5, front=0.06, back=0.1), look.bottom)]


def shin(look: Look) -> list[str]:
    return [blob(limb_points(92, 13.5, 9.5, front=0.02, back=0.18, peak=0.3), look.bottom)]


def foot(look: Look) -> list[str]:
    return [
        blob(SHOE_OUTLINE, look.shoes),
        blob([(-9, 8), (10, 8.5), (34, 7), (33, 10.5), (10, 12.5), (-8, 11)], look.sole),
    ]


DRAWERS = {
    "pelvis": pelvis,
    "torso": torso,
    "head": head,
    "upper_arm": upper_arm,
    "forearm": forearm,
    "hand": hand,
    "thigh": thigh,
    "shin": shin,
    "foot": foot,
}


def draw_segment(name: str, look: Look) -> list[str]:
    """Shapes of one named segment (e.g. 'far_shin'), far-side parts shaded."""
    side, _, part = name.partition("_")
    if side in ("near", "far"):
        return DRAWERS[part](look.far() if side == "far" else look)
    return DRAWERS[name](look)


DEFAULT_ORDER = (
    "far_hand", "far_forearm", "far_upper_arm",
    "far_foot", "far_shin", "far_thigh",
    "pelvis", "torso", "head",
    "near_foot", "near_shin", "near_thigh",
    "near_hand", "near_forearm", "near_upper_arm",
)
"""Painting order: far limbs behind the body, near limbs in front; along a limb the part nearer
the body is drawn last so the joints overlap the way they do on a real person."""
