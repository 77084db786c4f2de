"""Spine pieces: a side view of lumbar vertebrae with discs and nerve roots, and a
vertebra seen from above (for disc bulges, narrow canals and surgery).

Front of the body is on the left in side views and at the top in views from above.
"""

from __future__ import annotations

import math

from . import palette as p
from .svg import Picture, Point, circle, ellipse_d, g, limb_d, num, outlined, path, rrect_d, smooth_d, stroke

BODY_H = 64.0
DISC_H = 22.0
PITCH = BODY_H + DISC_H


def _vertebra_side() -> list[str]:
    """One lumbar vertebra from the side: body, pedicle, joint processes and spinous process."""
    filled = [
        rrect_d(-80, -32, 120, 64, 16),
        rrect_d(30, -31, 56, 24, 10),  # pedicle
        smooth_d([(72, -30), (100, -34), (116, -14), (114, 14), (96, 24), (78, 10)]),  # lamina
    ]
    strokes = [
        ("M84 -24 L90 -50", 22.0),  # upward joint process
        ("M104 8 L112 36", 20.0),  # downward joint process
        ("M112 -8 L170 6", 36.0),  # spinous process
    ]
    parts = outlined(filled, strokes, p.BONE, p.BONE_EDGE)
    parts.append(path(rrect_d(-70, 8, 100, 16, 8), p.BONE_SHADE))
    parts.append(circle(80, -18, 12, p.BONE_SHADE))
    return parts


def _disc_side(bulge: float = 0.0) -> list[str]:
    parts = []
    if bulge:
        parts.append(
            path(
                smooth_d(
                    [(24, -10), (40 + bulge * 0.5, -14), (40 + bulge, 0), (40 + bulge * 0.5, 14), (24, 10)]
                ),
                p.DISC,
                stroke=p.CORAL_DEEP,
                stroke_width=3,
            )
        )
        parts.append(
            path(
                smooth_d(
                    [(10, -5), (36 + bulge * 0.5, -7), (34 + bulge * 0.85, 0), (36 + bulge * 0.5, 7), (10, 5)]
                ),
                p.DISC_CORE,
            )
        )
    parts.append(path(rrect_d(-78, -DISC_H / 2, 116, DISC_H, 10), p.DISC))
    parts.append(path(rrect_d(-50, -5, 64, 10, 5), p.DISC_CORE))
    if bulge:
        parts.append(path(rrect_d(0, -5, 32, 10, 5), p.DISC_CORE))
    return parts


def _place(pt: Point, origin: Point, angle: float, scale: float) -> Point:
    a = math.radians(angle)
    x, y = pt[0] * scale, pt[1] * scale
    return (origin[0] + x * math.cos(a) - y * math.sin(a), origin[1] + x * math.sin(a) + y * math.cos(a))


def spine_side(
    pic: Picture,
    x: float,
    top: float,
    levels: int = 5,
    scale: float = 1.0,
    pinch_level: int | None = None,
    curve: float = 16.0,
) -> Point | None:
    """Draw stacked vertebrae with discs, the nerve bundle and a root at each level.

    `pinch_level` (index of the disc below that vertebra) bulges backwards onto its root and is
    highlighted in coral. Returns the pinch point so callers can add pointers.
    """
    centres: list[tuple[Point, float]] = []
    for i in range(levels):
        t = i / max(levels - 1, 1)
        off = -curve * math.sin(math.pi * t)
        slope = curve * math.pi * math.cos(math.pi * t) / ((levels - 1) * PITCH)
        angle = math.degrees(math.atan(slope))
        centres.append(((x + off * scale, top + i * PITCH * scale), angle))

    def tf(origin: Point, angle: float) -> str:
        return f"translate({num(origin[0])} {num(origin[1])}) rotate({num(angle)}) scale({num(scale)})"

    cord = [_place((56, -46), *centres[0], scale)]
    cord += [_place((56, 0), o, a, scale) for o, a in centres]
    cord.append(_place((54, 70), *centres[-1], scale))
    pic.add(stroke(smooth_d(cord, closed=False), p.NERVE_DEEP, 26 * scale))
    pic.add(stroke(smooth_d(cord, closed=False), p.NERVE, 21 * scale))
    pinch_point = None
    for i, (origin, angle) in enumerate(centres):
        pic.add(g(_vertebra_side(), transform=tf(origin, angle)))
        if i < levels - 1:
            nxt_origin, nxt_angle = centres[i + 1]
            mid = ((origin[0] + nxt_origin[0]) / 2, (origin[1] + nxt_origin[1]) / 2)
            mid_angle = (angle + nxt_angle) / 2
            bulge = 40.0 if i == pinch_level else 0.0
            if bulge:
                pinch_point = _place((70, 2), mid, mid_angle, scale)
            pic.add(g(_disc_side(bulge), transform=tf(mid, mid_angle)))
    for i, (origin, angle) in enumerate(centres):
        pinched = pinch_level is not None and i == pinch_level
        local = [(54, 6), (48, 40), (26, 74), (-14, 104), (-48, 120)]
        if pinched:
            local = [(54, 6), (74, 28), (88, 52), (60, 84), (10, 108), (-40, 124)]
        if i == levels - 1:
            local = local[:-1]
        pts = [_place(q, origin, angle, scale) for q in local]
        pic.add(stroke(smooth_d(pts, closed=False), p.NERVE_DEEP, 14 * scale))
        pic.add(stroke(smooth_d(pts, closed=False), p.NERVE, 10 * scale))
    if pinch_point:
        pic.glow(*pinch_point, 70 * scale, p.CORAL, 0.7)
        pic.add(circle(*pinch_point, 8 * scale, p.CORAL_DEEP))
    return pinch_point


def vertebra_top(
    cx: float,
    cy: float,
    scale: float = 1.0,
    *,
    level: str = "disc",
    narrow: bool = False,
    herniation: bool = False,
    opened: bool = False,
    pic: Picture | None = None,
) -> list[str]:
    """A lumbar vertebra seen from above, front at the top.

    level="disc" shows the disc with its soft centre; level="bone" shows the vertebral body.
    `narrow` thickens the bone and ligament around the canal and squeezes the nerves;
    `herniation` pushes the soft centre out to the right onto a nerve root;
    `opened` removes the back arch (laminectomy) and marks where it was with a dashed line.
    """
    s = scale

    def at(x: float, y: float) -> Point:
        return (cx + x * s, cy + y * s)

    parts: list[str] = []
    body = [
        at(-104, -72),
        at(-88, -128),
        at(-42, -150),
        at(42, -150),
        at(88, -128),
        at(104, -72),
        at(84, -22),
        at(40, -6),
        at(0, -14),
        at(-40, -6),
        at(-84, -22),
    ]
    strokes: list[tuple[str, float]] = []
    for k in (-1, 1):
        strokes.append((limb_d(at(k * 58, 26), at(k * 150, 14), 1, 1), 30 * s))
        if not opened:
            strokes.append((limb_d(at(k * 56, 44), at(k * 16, 88), 1, 1), 30 * s))
        else:
            strokes.append((limb_d(at(k * 56, 44), at(k * 62, 56), 1, 1), 30 * s))
    filled = [ellipse_d(*at(k * 60, 34), 26 * s, 24 * s) for k in (-1, 1)]
    if level == "bone":
        filled.append(smooth_d(body))
        filled += [limb_d(at(k * 44, -20), at(k * 58, 26), 20 * s, 20 * s) for k in (-1, 1)]
    if not opened:
        strokes.append((limb_d(at(0, 84), at(0, 160), 1, 1), 30 * s))
        filled.append(ellipse_d(*at(0, 90), 26 * s, 18 * s))
    parts += outlined(filled, strokes, p.BONE, p.BONE_EDGE)
    if level == "disc":
        parts.append(path(smooth_d(body), p.DISC))
        parts.append(
            path(
                smooth_d(
                    [
                        at(-88, -74),
                        at(-74, -120),
                        at(-38, -136),
                        at(38, -136),
                        at(74, -120),
                        at(88, -74),
                        at(70, -34),
                        at(30, -22),
                        at(0, -28),
                        at(-30, -22),
                        at(-70, -34),
                    ]
                ),
                p.tint(p.DISC, 0.3),
            )
        )
        parts.append(
            path(
                smooth_d(
                    [
                        at(-70, -76),
                        at(-56, -110),
                        at(-28, -122),
                        at(28, -122),
                        at(56, -110),
                        at(70, -76),
                        at(52, -46),
                        at(0, -42),
                        at(-52, -46),
                    ]
                ),
                p.tint(p.DISC, 0.55),
            )
        )
        parts.append(path(ellipse_d(*at(0, -80), 44 * s, 28 * s), p.DISC_CORE))
    else:
        parts.append(
            path(
                smooth_d(
                    [
                        at(-80, -76),
                        at(-66, -116),
                        at(-34, -132),
                        at(34, -132),
                        at(66, -116),
                        at(80, -76),
                        at(62, -38),
                        at(0, -30),
                        at(-62, -38),
                    ]
                ),
                p.BONE_SHADE,
            )
        )
    if narrow:
        parts.append(
            path(
                smooth_d([at(-46, 4), at(-22, 20), at(-14, 50), at(-26, 78), at(-52, 60), at(-60, 24)]),
                p.CORAL_LIGHT,
            )
        )
        parts.append(
            path(
                smooth_d([at(46, 4), at(22, 20), at(14, 50), at(26, 78), at(52, 60), at(60, 24)]),
                p.CORAL_LIGHT,
            )
        )
        parts.append(
            path(
                smooth_d([at(-30, 8), at(0, 16), at(30, 8), at(28, -2), at(0, 2), at(-28, -2)]), p.CORAL_LIGHT
            )
        )
    sac_r = 30 * s
    if narrow:
        if pic:
            pic.glow(*at(0, 42), 70 * s, p.CORAL, 0.8)
            parts.append(pic.parts.pop())
        parts.append(path(ellipse_d(*at(0, 44), 14 * s, 22 * s), p.NERVE))
        parts += [circle(*at(dx, dy), 4 * s, p.NERVE_DEEP) for dx, dy in ((0, 34), (-5, 48), (5, 50))]
    else:
        parts.append(path(ellipse_d(*at(0, 38), sac_r, sac_r * 0.9), p.NERVE))
        parts += [
            circle(*at(dx, dy), 5 * s, p.NERVE_DEEP)
            for dx, dy in ((-12, 30), (10, 28), (0, 44), (-16, 48), (16, 46))
        ]
    for k in (-1, 1):
        pinched = herniation and k == 1
        route = [at(k * 24, 24), at(k * 54, 4), at(k * 96, -6), at(k * 132, -30)]
        if pinched:
            route = [at(24, 24), at(56, 18), at(100, 6), at(134, -24)]
        parts.append(stroke(smooth_d(route, closed=False), p.NERVE_DEEP, 18 * s))
        parts.append(stroke(smooth_d(route, closed=False), p.NERVE, 13 * s))
    if herniation:
        if pic:
            pic.glow(*at(60, 6), 64 * s, p.CORAL, 0.85)
            parts.append(pic.parts.pop())
        blob = [
            at(8, -96),
            at(40, -90),
            at(60, -58),
            at(78, -20),
            at(72, 4),
            at(50, 2),
            at(32, -30),
            at(2, -62),
        ]
        parts.append(path(smooth_d(blob), p.DISC_CORE, stroke=p.DISC, stroke_width=4))
        parts.append(path(ellipse_d(*at(0, -80), 40 * s, 24 * s), p.DISC_CORE))
    if opened:
        parts.append(
            stroke(
                smooth_d([at(-56, 60), at(-30, 86), at(0, 96), at(30, 86), at(56, 60)], closed=False),
                p.BONE_EDGE,
                3 * s,
                stroke_dasharray=f"{num(10 * s)} {num(8 * s)}",
            )
        )
    return parts
