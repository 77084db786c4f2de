"""Everyday scenery and signs in the shared flat style: backdrops, boxes, books, plants, badges, arrows."""

from __future__ import annotations

import math

from . import palette as p
from .svg import (
    Point,
    circle,
    ellipse,
    ellipse_d,
    limb,
    line,
    num,
    path,
    poly_d,
    rect,
    rrect_d,
    smooth_d,
    stroke,
)


def badge(cx: float, cy: float, r: float, good: bool = True) -> list[str]:
    """A round teal tick (do this) or a soft coral cross (avoid this)."""
    colour = p.TEAL_MID if good else p.CORAL
    out = [circle(cx, cy, r, p.WHITE), circle(cx, cy, r * 0.86, colour)]
    if good:
        out.append(
            stroke(
                f"M{num(cx - r * 0.4)} {num(cy + r * 0.02)} L{num(cx - r * 0.1)} {num(cy + r * 0.32)}"
                f" L{num(cx + r * 0.42)} {num(cy - r * 0.3)}",
                p.WHITE,
                r * 0.2,
            )
        )
    else:
        k = r * 0.33
        out.append(
            stroke(
                f"M{num(cx - k)} {num(cy - k)} L{num(cx + k)} {num(cy + k)} M{num(cx + k)} {num(cy - k)}"
                f" L{num(cx - k)} {num(cy + k)}",
                p.WHITE,
                r * 0.2,
            )
        )
    return out


def no_sign(cx: float, cy: float, r: float) -> list[str]:
    """A gentle 'please avoid' ring with a slash, drawn over a picture."""
    k = r * 0.7
    return [
        circle(cx, cy, r, "none", stroke=p.WHITE, stroke_width=r * 0.26, opacity=0.7),
        circle(cx, cy, r, "none", stroke=p.CORAL, stroke_width=r * 0.16),
        line((cx - k, cy - k), (cx + k, cy + k), p.CORAL, r * 0.16),
    ]


def speech_bubble(cx: float, cy: float, w: float = 150, h: float = 90, tail_left: bool = True) -> list[str]:
    tx = cx - w * 0.25 if tail_left else cx + w * 0.25
    return [
        path(rrect_d(cx - w / 2, cy - h / 2, w, h, h / 2), p.WHITE),
        path(
            poly_d(
                [
                    (tx - 14, cy + h / 2 - 4),
                    (tx + 14, cy + h / 2 - 4),
                    (tx - 18 * (1 if tail_left else -1), cy + h / 2 + 26),
                ]
            ),
            p.WHITE,
        ),
        *(circle(cx + k * 32, cy, 9, p.TEAL_MID) for k in (-1, 0, 1)),
    ]


def box(x: float, y: float, w: float, h: float, heavy: bool = False) -> list[str]:
    colour = "#C99A66"
    out = [
        path(rrect_d(x, y, w, h, 8), colour),
        rect(x, y, w, h * 0.2, p.shade(colour, 0.1), rx=6),
        rect(x + w / 2 - w * 0.08, y, w * 0.16, h, p.tint(colour, 0.35)),
    ]
    if heavy:
        out.append(rect(x + w * 0.18, y + h * 0.45, w * 0.2, h * 0.1, p.shade(colour, 0.2), rx=4))
        out.append(rect(x + w * 0.62, y + h * 0.45, w * 0.2, h * 0.1, p.shade(colour, 0.2), rx=4))
    return out


def book(x: float, bottom: float, w: float, h: float, colour: str) -> list[str]:
    return [
        path(rrect_d(x, bottom - h, w, h, 8), colour),
        rect(x + 6, bottom - h + 6, 8, h - 12, p.tint(colour, 0.3), rx=3),
        rect(x + w * 0.3, bottom - h * 0.5 - 8, w * 0.55, 16, p.tint(colour, 0.6), rx=8),
    ]


def book_flat(x: float, bottom: float, w: float, h: float, colour: str) -> list[str]:
    return [
        path(rrect_d(x, bottom - h, w, h, 8), colour),
        rect(x + 8, bottom - h + h * 0.3, w - 16, h * 0.4, p.WHITE, rx=4, opacity=0.85),
        rect(x + w * 0.35, bottom - h + 8, w * 0.3, h * 0.12, p.tint(colour, 0.5), rx=3),
    ]


def document(x: float, y: float, w: float, h: float, lines: int = 7) -> list[str]:
    fold = w * 0.2
    out = [
        path(
            poly_d(
                [
                    (x + 6, y + 6),
                    (x + w - fold + 6, y + 6),
                    (x + w + 6, y + fold + 6),
                    (x + w + 6, y + h + 6),
                    (x + 6, y + h + 6),
                ]
            ),
            p.PANEL_DEEP,
        ),
        path(poly_d([(x, y), (x + w - fold, y), (x + w, y + fold), (x + w, y + h), (x, y + h)]), p.WHITE),
        path(poly_d([(x + w - fold, y), (x + w, y + fold), (x + w - fold, y + fold)]), p.BLUE_GREY_LIGHT),
    ]
    out.append(rect(x + 24, y + 30, w * 0.45, 14, p.TEAL_MID, rx=7))
    for i in range(lines):
        lw = (w - 48) * (0.62 if i % 3 == 2 else 0.9)
        out.append(rect(x + 24, y + 66 + i * 26, lw, 10, p.BLUE_GREY_LIGHT, rx=5))
    return out


def calendar(x: float, y: float, w: float, h: float, done: int) -> list[str]:
    out = [
        path(rrect_d(x + 6, y + 8, w, h, 20), p.PANEL_DEEP),
        path(rrect_d(x, y, w, h, 20), p.WHITE),
        path(rrect_d(x, y, w, h * 0.2, 20), p.TEAL),
        rect(x, y + h * 0.1, w, h * 0.1, p.TEAL),
    ]
    for k in (0.28, 0.72):
        out.append(rect(x + w * k - 7, y - 16, 14, 36, p.INK, rx=7))
    cols, rows = 5, 4
    cw, chh = (w - 40) / cols, (h * 0.8 - 36) / rows
    for i in range(cols * rows):
        cx = x + 20 + (i % cols) * cw + cw / 2
        cy = y + h * 0.2 + 18 + (i // cols) * chh + chh / 2
        if i < done:
            out.append(circle(cx, cy, min(cw, chh) * 0.36, p.TEAL_LIGHT))
            out.append(stroke(f"M{num(cx - 8)} {num(cy)} l6 6 l11 -12", p.TEAL, 4))
        else:
            out.append(rect(cx - cw * 0.3, cy - chh * 0.28, cw * 0.6, chh * 0.56, p.BLUE_GREY_PALE, rx=6))
    return out


def sun(cx: float, cy: float, r: float) -> list[str]:
    out = []
    for k in range(8):
        a = math.radians(k * 45)
        out.append(
            line(
                (cx + math.cos(a) * r * 1.3, cy + math.sin(a) * r * 1.3),
                (cx + math.cos(a) * r * 1.6, cy + math.sin(a) * r * 1.6),
                p.MUSTARD,
                r * 0.16,
            )
        )
    out.append(circle(cx, cy, r, p.NERVE_LIGHT))
    out.append(circle(cx, cy, r * 0.8, p.MUSTARD))
    return out


def tree(cx: float, ground: float, size: float = 1.0) -> list[str]:
    return [
        rect(cx - 7 * size, ground - 90 * size, 14 * size, 90 * size, "#9C7A5B", rx=6 * size),
        circle(cx, ground - 120 * size, 50 * size, p.SAGE),
        circle(cx - 30 * size, ground - 96 * size, 32 * size, p.SAGE),
        circle(cx + 28 * size, ground - 100 * size, 34 * size, p.tint(p.SAGE, 0.2)),
        circle(cx - 12 * size, ground - 138 * size, 20 * size, p.tint(p.SAGE, 0.3)),
    ]


def plant(cx: float, bottom: float, size: float = 1.0) -> list[str]:
    s = size
    out = []
    for ang, ln in ((-35, 70), (-10, 90), (15, 80), (40, 60)):
        a = math.radians(ang)
        tip = (cx + math.sin(a) * ln * s, bottom - 50 * s - math.cos(a) * ln * s)
        out.append(limb((cx, bottom - 50 * s), tip, 3 * s, 14 * s, p.SAGE))
    out.append(
        path(
            poly_d(
                [
                    (cx - 34 * s, bottom - 56 * s),
                    (cx + 34 * s, bottom - 56 * s),
                    (cx + 26 * s, bottom),
                    (cx - 26 * s, bottom),
                ]
            ),
            p.CORAL_LIGHT,
        )
    )
    out.append(rect(cx - 38 * s, bottom - 62 * s, 76 * s, 14 * s, p.tint(p.CORAL, 0.2), rx=5 * s))
    return out


def house(cx: float, bottom: float, size: float) -> list[str]:
    s = size
    return [
        path(
            poly_d([(cx - 46 * s, bottom - 60 * s), (cx, bottom - 100 * s), (cx + 46 * s, bottom - 60 * s)]),
            p.CORAL,
            stroke=p.CORAL,
            stroke_width=10 * s,
            stroke_linejoin="round",
        ),
        rect(cx - 34 * s, bottom - 64 * s, 68 * s, 64 * s, p.WHITE),
        path(rrect_d(cx - 11 * s, bottom - 34 * s, 22 * s, 34 * s, 6 * s), p.TEAL_MID),
        rect(cx + 14 * s, bottom - 50 * s, 14 * s, 14 * s, p.NERVE_LIGHT, rx=3 * s),
    ]


def shadow(cx: float, y: float, rx: float, ry: float = 12) -> str:
    return ellipse(cx, y, rx, ry, p.PANEL_DEEP, opacity=0.55)


def blob_backdrop(cx: float, cy: float, rx: float, ry: float, colour: str = p.PANEL_SHADE) -> str:
    """The soft rounded shape behind the main subject that gives every picture its calm frame."""
    return path(
        smooth_d(
            [
                (cx - rx, cy + ry * 0.1),
                (cx - rx * 0.7, cy - ry * 0.8),
                (cx + rx * 0.1, cy - ry),
                (cx + rx * 0.85, cy - ry * 0.6),
                (cx + rx, cy + ry * 0.2),
                (cx + rx * 0.6, cy + ry * 0.9),
                (cx - rx * 0.3, cy + ry * 0.95),
            ]
        ),
        colour,
    )


def ellipse_path(cx: float, cy: float, rx: float, ry: float, colour: str, **attrs: object) -> str:
    return path(ellipse_d(cx, cy, rx, ry), colour, **attrs)


def sparkle(cx: float, cy: float, r: float, colour: str = p.CORAL) -> list[str]:
    """Little radiating lines: a sharp feeling (pain, tingling) at a point."""
    out = []
    for k in range(6):
        a = math.radians(k * 60 + 15)
        out.append(
            line(
                (cx + math.cos(a) * r * 0.55, cy + math.sin(a) * r * 0.55),
                (cx + math.cos(a) * r, cy + math.sin(a) * r),
                colour,
                4,
            )
        )
    return out


def arrow(points: list[Point], colour: str = p.TEAL_MID, width: float = 8) -> list[str]:
    """A soft curved arrow through the points with a rounded head at the end."""
    (x1, y1), (x2, y2) = points[-2], points[-1]
    a = math.atan2(y2 - y1, x2 - x1)
    head = width * 2.2
    left = (x2 - math.cos(a - 0.55) * head, y2 - math.sin(a - 0.55) * head)
    right = (x2 - math.cos(a + 0.55) * head, y2 - math.sin(a + 0.55) * head)
    return [
        stroke(smooth_d(points, closed=False), colour, width),
        stroke(poly_d([left, (x2, y2), right], closed=False), colour, width),
    ]
