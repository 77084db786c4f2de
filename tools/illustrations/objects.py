"""Medical and care props in the shared flat style: packs, medicine, phone, syringe, lamp, clock."""

from __future__ import annotations

import math

from . import palette as p
from .svg import (
    circle,
    ellipse,
    g,
    line,
    num,
    path,
    poly_d,
    rect,
    rrect_d,
    smooth_d,
    stroke,
)


def hot_pack(cx: float, cy: float, w: float = 170, h: float = 110) -> list[str]:
    out = [path(rrect_d(cx - w / 2, cy - h / 2, w, h, h * 0.35), p.CORAL)]
    out.append(
        path(rrect_d(cx - w / 2 + 12, cy - h / 2 + 12, w - 24, h - 24, h * 0.25), p.tint(p.CORAL, 0.25))
    )
    for i in (-1, 0, 1):
        x = cx + i * w * 0.22
        out.append(
            stroke(
                f"M{num(x)} {num(cy + h * 0.18)} q-12 -14 0 -28 q12 -14 0 -28",
                p.WHITE,
                6,
                transform=f"translate(0 {num(-h * 0.05)})",
            )
        )
    return out


def ice_pack(cx: float, cy: float, w: float = 170, h: float = 110) -> list[str]:
    out = [path(rrect_d(cx - w / 2, cy - h / 2, w, h, h * 0.35), p.tint(p.DENIM, 0.45))]
    out.append(
        path(rrect_d(cx - w / 2 + 12, cy - h / 2 + 12, w - 24, h - 24, h * 0.25), p.tint(p.DENIM, 0.7))
    )
    r = h * 0.28
    flake = []
    for k in range(3):
        a = math.radians(k * 60)
        dx, dy = math.cos(a) * r, math.sin(a) * r
        flake.append(f"M{num(cx - dx)} {num(cy - dy)} L{num(cx + dx)} {num(cy + dy)}")
    out.append(stroke(" ".join(flake), p.WHITE, 6))
    for k in range(6):
        a = math.radians(k * 60)
        tip = (cx + math.cos(a) * r * 0.62, cy + math.sin(a) * r * 0.62)
        for side in (-1, 1):
            b = a + side * math.radians(40)
            out.append(
                line(tip, (tip[0] + math.cos(b) * r * 0.3, tip[1] + math.sin(b) * r * 0.3), p.WHITE, 4)
            )
    return out


def towel(x: float, y: float, w: float, h: float = 18, colour: str = p.TEAL_LIGHT) -> list[str]:
    return [
        path(rrect_d(x, y, w, h, h / 2), colour),
        stroke(
            f"M{num(x + 14)} {num(y + h / 2)} H{num(x + w - 14)}",
            p.tint(colour, 0.5),
            3,
            stroke_dasharray="8 8",
        ),
    ]


def pill_bottle(cx: float, bottom: float, w: float = 110, h: float = 160) -> list[str]:
    x = cx - w / 2
    return [
        path(rrect_d(x, bottom - h, w, h, 18), p.AMBER),
        path(rrect_d(x + 6, bottom - h + 6, 16, h - 18, 8), p.tint(p.AMBER, 0.35)),
        path(rrect_d(x - 8, bottom - h - 40, w + 16, 46, 12), p.WHITE),
        path(rrect_d(x - 8, bottom - h - 40, w + 16, 12, 6), p.BLUE_GREY_LIGHT),
        path(rrect_d(x + 10, bottom - h * 0.72, w - 20, h * 0.5, 10), p.WHITE),
        rect(cx - 7, bottom - h * 0.62, 14, 40, p.TEAL_MID, rx=3),
        rect(cx - 20, bottom - h * 0.62 + 13, 40, 14, p.TEAL_MID, rx=3),
    ]


def pill(cx: float, cy: float, angle: float, colour: str = p.WHITE) -> list[str]:
    return [
        g(
            [
                path(rrect_d(-22, -10, 44, 20, 10), colour),
                path("M0 -10 H12 A10 10 0 0 1 12 10 H0 Z", p.CORAL_LIGHT if colour == p.WHITE else p.WHITE),
            ],
            transform=f"translate({num(cx)} {num(cy)}) rotate({num(angle)})",
        )
    ]


def water_glass(cx: float, bottom: float, h: float = 120) -> list[str]:
    w_top, w_bot = h * 0.62, h * 0.5
    return [
        path(
            poly_d(
                [
                    (cx - w_top / 2, bottom - h),
                    (cx + w_top / 2, bottom - h),
                    (cx + w_bot / 2, bottom),
                    (cx - w_bot / 2, bottom),
                ]
            ),
            p.BLUE_GREY_PALE,
            opacity=0.9,
        ),
        path(
            poly_d(
                [
                    (cx - w_top / 2 + 6, bottom - h * 0.6),
                    (cx + w_top / 2 - 6, bottom - h * 0.6),
                    (cx + w_bot / 2 - 4, bottom - 4),
                    (cx - w_bot / 2 + 4, bottom - 4),
                ]
            ),
            p.tint(p.DISC, 0.3),
        ),
        rect(cx - w_top / 2 + 8, bottom - h + 10, 6, h * 0.7, p.WHITE, rx=3, opacity=0.8),
    ]


def phone(cx: float, cy: float, w: float = 150, h: float = 270, angle: float = 0) -> list[str]:
    inner = [
        path(rrect_d(-w / 2, -h / 2, w, h, 24), p.INK),
        path(rrect_d(-w / 2 + 10, -h / 2 + 26, w - 20, h - 52, 10), p.TEAL_PALE),
        rect(-18, -h / 2 + 11, 36, 6, p.BLUE_GREY, rx=3),
        circle(0, h / 2 - 13, 7, p.BLUE_GREY),
        circle(0, 6, w * 0.27, p.TEAL_MID),
    ]
    handset = (
        "M-22 -16 C-22 -26 -12 -28 -8 -22 L-3 -12 C-1 -8 -4 -5 -7 -3 C-4 5 3 11 8 14 "
        "C10 11 13 9 17 11 L25 16 C31 20 29 30 19 30 C-2 29 -21 9 -22 -16 Z"
    )
    inner.append(path(handset, p.WHITE, transform="translate(2 2)"))
    for k, rr in enumerate((w * 0.36, w * 0.46)):
        inner.append(
            stroke(
                f"M{num(rr * 0.5)} {num(6 - rr * 0.86)} A{num(rr)} {num(rr)} 0 0 1 {num(rr * 0.86)}"
                f" {num(6 - rr * 0.5)}",
                p.TEAL_MID,
                6 - k,
            )
        )
    return [g(inner, transform=f"translate({num(cx)} {num(cy)}) rotate({num(angle)})")]


def kettlebell(cx: float, bottom: float, r: float = 40) -> list[str]:
    return [
        stroke(
            f"M{num(cx - r * 0.55)} {num(bottom - r * 1.5)} C{num(cx - r * 0.6)} {num(bottom - r * 2.5)}"
            f" {num(cx + r * 0.6)} {num(bottom - r * 2.5)} {num(cx + r * 0.55)} {num(bottom - r * 1.5)}",
            p.INK,
            r * 0.28,
        ),
        path(
            smooth_d(
                [
                    (cx - r, bottom - r * 0.9),
                    (cx - r * 0.7, bottom - r * 1.7),
                    (cx + r * 0.7, bottom - r * 1.7),
                    (cx + r, bottom - r * 0.9),
                    (cx + r * 0.7, bottom),
                    (cx - r * 0.7, bottom),
                ]
            ),
            p.INK,
        ),
        circle(cx - r * 0.4, bottom - r * 1.0, r * 0.18, p.BLUE_GREY, opacity=0.7),
    ]


def clock(cx: float, cy: float, r: float, minutes: float = 20) -> list[str]:
    """A clock face with the first `minutes` shaded, to suggest a short timed session."""
    a = math.radians(minutes * 6)
    end = (cx + math.sin(a) * r * 0.86, cy - math.cos(a) * r * 0.86)
    out = [
        circle(cx, cy, r, p.WHITE, stroke=p.TEAL, stroke_width=8),
        path(
            f"M{num(cx)} {num(cy)} L{num(cx)} {num(cy - r * 0.86)} A{num(r * 0.86)} {num(r * 0.86)} 0 0 1"
            f" {num(end[0])} {num(end[1])} Z",
            p.TEAL_LIGHT,
        ),
    ]
    for k in range(12):
        b = math.radians(k * 30)
        out.append(
            line(
                (cx + math.sin(b) * r * 0.72, cy - math.cos(b) * r * 0.72),
                (cx + math.sin(b) * r * 0.82, cy - math.cos(b) * r * 0.82),
                p.BLUE_GREY,
                3,
            )
        )
    out.append(line((cx, cy), (cx, cy - r * 0.6), p.INK, 5))
    out.append(line((cx, cy), (cx + math.sin(a) * r * 0.5, cy - math.cos(a) * r * 0.5), p.INK, 5))
    out.append(circle(cx, cy, 6, p.INK))
    return out


def syringe(cx: float, cy: float, length: float, angle: float) -> list[str]:
    """A syringe drawn along +x from its plunger end, rotated to point at a target."""
    lg = length
    inner = [
        rect(-lg * 0.08, -lg * 0.1, lg * 0.04, lg * 0.2, p.BLUE_GREY, rx=4),
        rect(-lg * 0.06, -lg * 0.025, lg * 0.18, lg * 0.05, p.BLUE_GREY),
        path(
            rrect_d(lg * 0.1, -lg * 0.07, lg * 0.48, lg * 0.14, lg * 0.03),
            p.WHITE,
            stroke=p.BLUE_GREY,
            stroke_width=3,
        ),
        rect(lg * 0.32, -lg * 0.055, lg * 0.25, lg * 0.11, p.TEAL_LIGHT),
        rect(lg * 0.12, -lg * 0.06, lg * 0.04, lg * 0.12, p.BLUE_GREY),
        *(line((lg * x, -lg * 0.07), (lg * x, -lg * 0.03), p.BLUE_GREY, 2) for x in (0.24, 0.32, 0.40, 0.48)),
        rect(lg * 0.58, -lg * 0.03, lg * 0.07, lg * 0.06, p.BLUE_GREY, rx=3),
        line((lg * 0.64, 0), (lg, 0), p.BLUE_GREY, 3),
    ]
    return [g(inner, transform=f"translate({num(cx)} {num(cy)}) rotate({num(angle)})")]


def surgical_lamp(cx: float, cy: float, r: float) -> list[str]:
    return [
        rect(cx - 6, 0, 12, cy - r * 0.5, p.BLUE_GREY),
        ellipse(cx, cy, r, r * 0.42, p.BLUE_GREY_LIGHT),
        ellipse(cx, cy + r * 0.08, r * 0.86, r * 0.3, p.WHITE),
        *(
            circle(cx + dx * r, cy + r * 0.08 + dy * r, r * 0.1, p.NERVE_LIGHT)
            for dx, dy in ((-0.45, 0), (0, -0.1), (0.45, 0), (-0.2, 0.12), (0.2, 0.12))
        ),
    ]


def dumbbell(cx: float, cy: float, size: float = 1.0, colour: str = p.TEAL_MID) -> list[str]:
    s = size
    return [
        rect(cx - 40 * s, cy - 6 * s, 80 * s, 12 * s, p.BLUE_GREY, rx=6 * s),
        path(rrect_d(cx - 52 * s, cy - 26 * s, 24 * s, 52 * s, 8 * s), colour),
        path(rrect_d(cx + 28 * s, cy - 26 * s, 24 * s, 52 * s, 8 * s), colour),
    ]


def mat(x: float, y: float, w: float, colour: str = p.TEAL_LIGHT) -> list[str]:
    return [path(rrect_d(x, y, w, 16, 8), colour), ellipse(x + w, y + 8, 16, 14, p.shade(colour, 0.08))]


def monitor(x: float, y: float, w: float, h: float, wave: str = p.TEAL_MID) -> list[str]:
    out = [path(rrect_d(x, y, w, h, 16), p.INK), path(rrect_d(x + 12, y + 12, w - 24, h - 24, 8), "#244352")]
    mid = y + h / 2
    pts = [(x + 24, mid)]
    step = (w - 48) / 12
    for i in range(1, 13):
        dy = -h * 0.28 if i % 4 == 1 else h * 0.18 if i % 4 == 2 else 0
        pts.append((x + 24 + i * step, mid + dy))
    out.append(stroke(poly_d(pts, closed=False), wave, 5))
    return out


def small_phone(cx: float, cy: float, angle: float = 0, size: float = 1.0) -> list[str]:
    """A phone held in a hand: just the dark body and a lit screen."""
    w, h = 26 * size, 50 * size
    return [
        g(
            [
                path(rrect_d(-w / 2, -h / 2, w, h, 6 * size), p.INK),
                path(
                    rrect_d(-w / 2 + 3 * size, -h / 2 + 5 * size, w - 6 * size, h - 10 * size, 3 * size),
                    p.TEAL_LIGHT,
                ),
            ],
            transform=f"translate({num(cx)} {num(cy)}) rotate({num(angle)})",
        )
    ]
