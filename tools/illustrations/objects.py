"""Props drawn in the shared flat style: packs, medicine, phone, furniture, signs, icons."""

from __future__ import annotations

import math

from . import palette as p
from .svg import (Point, circle, ellipse, ellipse_d, g, limb, line, num, path, poly_d, rect, rrect_d, smooth_d,
                  stroke)


def badge(cx: float, cy: float, r: float, good: bool = True) -> list[str]:
    """A round teal tick (do this) or a soft coral cross (avoid this)."""
    colour = p.TEAL_MID if good else p.CORAL
    out = [circle(cx, cy, r, p.WHITE), circle(cx, cy, r * 0.86, colour)]
    if good:
        out.append(stroke(f"M{num(cx - r * 0.4)} {num(cy + r * 0.02)} L{num(cx - r * 0.1)} {num(cy + r * 0.32)}"
                          f" L{num(cx + r * 0.42)} {num(cy - r * 0.3)}", p.WHITE, r * 0.2))
    else:
        k = r * 0.33
        out.append(stroke(f"M{num(cx - k)} {num(cy - k)} L{num(cx + k)} {num(cy + k)} M{num(cx + k)} {num(cy - k)}"
                          f" L{num(cx - k)} {num(cy + k)}", p.WHITE, r * 0.2))
    return out


def no_sign(cx: float, cy: float, r: float) -> list[str]:
    """A gentle 'please avoid' ring with a slash, drawn over a picture."""
    k = r * 0.7
    return [
        circle(cx, cy, r, "none", stroke=p.WHITE, stroke_width=r * 0.26, opacity=0.7),
        circle(cx, cy, r, "none", stroke=p.CORAL, stroke_width=r * 0.16),
        line((cx - k, cy - k), (cx + k, cy + k), p.CORAL, r * 0.16),
    ]


def hot_pack(cx: float, cy: float, w: float = 170, h: float = 110) -> list[str]:
    out = [path(rrect_d(cx - w / 2, cy - h / 2, w, h, h * 0.35), p.CORAL)]
    out.append(path(rrect_d(cx - w / 2 + 12, cy - h / 2 + 12, w - 24, h - 24, h * 0.25), p.tint(p.CORAL, 0.25)))
    for i in (-1, 0, 1):
        x = cx + i * w * 0.22
        out.append(stroke(f"M{num(x)} {num(cy + h * 0.18)} q-12 -14 0 -28 q12 -14 0 -28", p.WHITE, 6,
                          transform=f"translate(0 {num(-h * 0.05)})"))
    return out


def ice_pack(cx: float, cy: float, w: float = 170, h: float = 110) -> list[str]:
    out = [path(rrect_d(cx - w / 2, cy - h / 2, w, h, h * 0.35), p.tint(p.DENIM, 0.45))]
    out.append(path(rrect_d(cx - w / 2 + 12, cy - h / 2 + 12, w - 24, h - 24, h * 0.25), p.tint(p.DENIM, 0.7)))
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
            out.append(line(tip, (tip[0] + math.cos(b) * r * 0.3, tip[1] + math.sin(b) * r * 0.3), p.WHITE, 4))
    return out


def towel(x: float, y: float, w: float, h: float = 18, colour: str = p.TEAL_LIGHT) -> list[str]:
    return [path(rrect_d(x, y, w, h, h / 2), colour),
            stroke(f"M{num(x + 14)} {num(y + h / 2)} H{num(x + w - 14)}", p.tint(colour, 0.5), 3,
                   stroke_dasharray="8 8")]


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
    return [g([path(rrect_d(-22, -10, 44, 20, 10), colour),
               path("M0 -10 H12 A10 10 0 0 1 12 10 H0 Z", p.CORAL_LIGHT if colour == p.WHITE else p.WHITE)],
              transform=f"translate({num(cx)} {num(cy)}) rotate({num(angle)})")]


def water_glass(cx: float, bottom: float, h: float = 120) -> list[str]:
    w_top, w_bot = h * 0.62, h * 0.5
    return [
        path(poly_d([(cx - w_top / 2, bottom - h), (cx + w_top / 2, bottom - h), (cx + w_bot / 2, bottom),
                     (cx - w_bot / 2, bottom)]), p.BLUE_GREY_PALE, opacity=0.9),
        path(poly_d([(cx - w_top / 2 + 6, bottom - h * 0.6), (cx + w_top / 2 - 6, bottom - h * 0.6),
                     (cx + w_bot / 2 - 4, bottom - 4), (cx - w_bot / 2 + 4, bottom - 4)]), p.tint(p.DISC, 0.3)),
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
    handset = ("M-22 -16 C-22 -26 -12 -28 -8 -22 L-3 -12 C-1 -8 -4 -5 -7 -3 C-4 5 3 11 8 14 "
               "C10 11 13 9 17 11 L25 16 C31 20 29 30 19 30 C-2 29 -21 9 -22 -16 Z")
    inner.append(path(handset, p.WHITE, transform="translate(2 2)"))
    for k, rr in enumerate((w * 0.36, w * 0.46)):
        inner.append(stroke(f"M{num(rr * 0.5)} {num(6 - rr * 0.86)} A{num(rr)} {num(rr)} 0 0 1 {num(rr * 0.86)}"
                            f" {num(6 - rr * 0.5)}", p.TEAL_MID, 6 - k))
    return [g(inner, transform=f"translate({num(cx)} {num(cy)}) rotate({num(angle)})")]


def speech_bubble(cx: float, cy: float, w: float = 150, h: float = 90, tail_left: bool = True) -> list[str]:
    tx = cx - w * 0.25 if tail_left else cx + w * 0.25
    return [
        path(rrect_d(cx - w / 2, cy - h / 2, w, h, h / 2), p.WHITE),
        path(poly_d([(tx - 14, cy + h / 2 - 4), (tx + 14, cy + h / 2 - 4), (tx - 18 * (1 if tail_left else -1),
                                                                              cy + h / 2 + 26)]), p.WHITE),
        *(circle(cx + k * 32, cy, 9, p.TEAL_MID) for k in (-1, 0, 1)),
    ]


def box(x: float, y: float, w: float, h: float, heavy: bool = False) -> list[str]:
    colour = "#C99A66"
    out = [path(rrect_d(x, y, w, h, 8), colour), rect(x, y, w, h * 0.2, p.shade(colour, 0.1), rx=6),
           rect(x + w / 2 - w * 0.08, y, w * 0.16, h, p.tint(colour, 0.35))]
    if heavy:
        out.append(rect(x + w * 0.18, y + h * 0.45, w * 0.2, h * 0.1, p.shade(colour, 0.2), rx=4))
        out.append(rect(x + w * 0.62, y + h * 0.45, w * 0.2, h * 0.1, p.shade(colour, 0.2), rx=4))
    return out


def kettlebell(cx: float, bottom: float, r: float = 40) -> list[str]:
    return [
        stroke(f"M{num(cx - r * 0.55)} {num(bottom - r * 1.5)} C{num(cx - r * 0.6)} {num(bottom - r * 2.5)}"
               f" {num(cx + r * 0.6)} {num(bottom - r * 2.5)} {num(cx + r * 0.55)} {num(bottom - r * 1.5)}",
               p.INK, r * 0.28),
        path(smooth_d([(cx - r, bottom - r * 0.9), (cx - r * 0.7, bottom - r * 1.7), (cx + r * 0.7, bottom - r * 1.7),
                       (cx + r, bottom - r * 0.9), (cx + r * 0.7, bottom), (cx - r * 0.7, bottom)]), p.INK),
        circle(cx - r * 0.4, bottom - r * 1.0, r * 0.18, p.BLUE_GREY, opacity=0.7),
    ]


def book(x: float, bottom: float, w: float, h: float, colour: str) -> list[str]:
    return [path(rrect_d(x, bottom - h, w, h, 8), colour),
            rect(x + 6, bottom - h + 6, 8, h - 12, p.tint(colour, 0.3), rx=3),
            rect(x + w * 0.3, bottom - h * 0.5 - 8, w * 0.55, 16, p.tint(colour, 0.6), rx=8)]


def book_flat(x: float, bottom: float, w: float, h: float, colour: str) -> list[str]:
    return [path(rrect_d(x, bottom - h, w, h, 8), colour),
            rect(x + 8, bottom - h + h * 0.3, w - 16, h * 0.4, p.WHITE, rx=4, opacity=0.85),
            rect(x + w * 0.35, bottom - h + 8, w * 0.3, h * 0.12, p.tint(colour, 0.5), rx=3)]


def document(x: float, y: float, w: float, h: float, lines: int = 7) -> list[str]:
    fold = w * 0.2
    out = [path(poly_d([(x + 6, y + 6), (x + w - fold + 6, y + 6), (x + w + 6, y + fold + 6), (x + w + 6, y + h + 6),
                        (x + 6, y + h + 6)]), p.PANEL_DEEP),
           path(poly_d([(x, y), (x + w - fold, y), (x + w, y + fold), (x + w, y + h), (x, y + h)]), p.WHITE),
           path(poly_d([(x + w - fold, y), (x + w, y + fold), (x + w - fold, y + fold)]), p.BLUE_GREY_LIGHT)]
    out.append(rect(x + 24, y + 30, w * 0.45, 14, p.TEAL_MID, rx=7))
    for i in range(lines):
        lw = (w - 48) * (0.62 if i % 3 == 2 else 0.9)
        out.append(rect(x + 24, y + 66 + i * 26, lw, 10, p.BLUE_GREY_LIGHT, rx=5))
    return out


def calendar(x: float, y: float, w: float, h: float, done: int) -> list[str]:
    out = [path(rrect_d(x + 6, y + 8, w, h, 20), p.PANEL_DEEP), path(rrect_d(x, y, w, h, 20), p.WHITE),
           path(rrect_d(x, y, w, h * 0.2, 20), p.TEAL), rect(x, y + h * 0.1, w, h * 0.1, p.TEAL)]
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


def clock(cx: float, cy: float, r: float, minutes: float = 20) -> list[str]:
    """A clock face with the first `minutes` shaded, to suggest a short timed session."""
    a = math.radians(minutes * 6)
    end = (cx + math.sin(a) * r * 0.86, cy - math.cos(a) * r * 0.86)
    out = [circle(cx, cy, r, p.WHITE, stroke=p.TEAL, stroke_width=8),
           path(f"M{num(cx)} {num(cy)} L{num(cx)} {num(cy - r * 0.86)} A{num(r * 0.86)} {num(r * 0.86)} 0 0 1"
                f" {num(end[0])} {num(end[1])} Z", p.TEAL_LIGHT)]
    for k in range(12):
        b = math.radians(k * 30)
        out.append(line((cx + math.sin(b) * r * 0.72, cy - math.cos(b) * r * 0.72),
                        (cx + math.sin(b) * r * 0.82, cy - math.cos(b) * r * 0.82), p.BLUE_GREY, 3))
    out.append(line((cx, cy), (cx, cy - r * 0.6), p.INK, 5))
    out.append(line((cx, cy), (cx + math.sin(a) * r * 0.5, cy - math.cos(a) * r * 0.5), p.INK, 5))
    out.append(circle(cx, cy, 6, p.INK))
    return out


def sun(cx: float, cy: float, r: float) -> list[str]:
    out = []
    for k in range(8):
        a = math.radians(k * 45)
        out.append(line((cx + math.cos(a) * r * 1.3, cy + math.sin(a) * r * 1.3),
                        (cx + math.cos(a) * r * 1.6, cy + math.sin(a) * r * 1.6), p.MUSTARD, r * 0.16))
    out.append(circle(cx, cy, r, p.NERVE_LIGHT))
    out.append(circle(cx, cy, r * 0.8, p.MUSTARD))
    return out


def tree(cx: float, ground: float, size: float = 1.0) -> list[str]:
    return [rect(cx - 7 * size, ground - 90 * size, 14 * size, 90 * size, "#9C7A5B", rx=6 * size),
            circle(cx, ground - 120 * size, 50 * size, p.SAGE),
            circle(cx - 30 * size, ground - 96 * size, 32 * size, p.SAGE),
            circle(cx + 28 * size, ground - 100 * size, 34 * size, p.tint(p.SAGE, 0.2)),
            circle(cx - 12 * size, ground - 138 * size, 20 * size, p.tint(p.SAGE, 0.3))]


def plant(cx: float, bottom: float, size: float = 1.0) -> list[str]:
    s = size
    out = []
    for ang, ln in ((-35, 70), (-10, 90), (15, 80), (40, 60)):
        a = math.radians(ang)
        tip = (cx + math.sin(a) * ln * s, bottom - 50 * s - math.cos(a) * ln * s)
        out.append(limb((cx, bottom - 50 * s), tip, 3 * s, 14 * s, p.SAGE))
    out.append(path(poly_d([(cx - 34 * s, bottom - 56 * s), (cx + 34 * s, bottom - 56 * s), (cx + 26 * s, bottom),
                            (cx - 26 * s, bottom)]), p.CORAL_LIGHT))
    out.append(rect(cx - 38 * s, bottom - 62 * s, 76 * s, 14 * s, p.tint(p.CORAL, 0.2), rx=5 * s))
    return out


def house(cx: float, bottom: float, size: float) -> list[str]:
    s = size
    return [path(poly_d([(cx - 46 * s, bottom - 60 * s), (cx, bottom - 100 * s), (cx + 46 * s, bottom - 60 * s)]),
                 p.CORAL, stroke=p.CORAL, stroke_width=10 * s, stroke_linejoin="round"),
            rect(cx - 34 * s, bottom - 64 * s, 68 * s, 64 * s, p.WHITE),
            path(rrect_d(cx - 11 * s, bottom - 34 * s, 22 * s, 34 * s, 6 * s), p.TEAL_MID),
            rect(cx + 14 * s, bottom - 50 * s, 14 * s, 14 * s, p.NERVE_LIGHT, rx=3 * s)]


def syringe(cx: float, cy: float, length: float, angle: float) -> list[str]:
    """A syringe drawn along +x from its plunger end, rotated to point at a target."""
    lg = length
    inner = [
        rect(-lg * 0.08, -lg * 0.1, lg * 0.04, lg * 0.2, p.BLUE_GREY, rx=4),
        rect(-lg * 0.06, -lg * 0.025, lg * 0.18, lg * 0.05, p.BLUE_GREY),
        path(rrect_d(lg * 0.1, -lg * 0.07, lg * 0.48, lg * 0.14, lg * 0.03), p.WHITE, stroke=p.BLUE_GREY,
             stroke_width=3),
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
        *(circle(cx + dx * r, cy + r * 0.08 + dy * r, r * 0.1, p.NERVE_LIGHT)
          for dx, dy in ((-0.45, 0), (0, -0.1), (0.45, 0), (-0.2, 0.12), (0.2, 0.12))),
    ]


def dumbbell(cx: float, cy: float, size: float = 1.0, colour: str = p.TEAL_MID) -> list[str]:
    s = size
    return [rect(cx - 40 * s, cy - 6 * s, 80 * s, 12 * s, p.BLUE_GREY, rx=6 * s),
            path(rrect_d(cx - 52 * s, cy - 26 * s, 24 * s, 52 * s, 8 * s), colour),
            path(rrect_d(cx + 28 * s, cy - 26 * s, 24 * s, 52 * s, 8 * s), colour)]


def mat(x: float, y: float, w: float, colour: str = p.TEAL_LIGHT) -> list[str]:
    return [path(rrect_d(x, y, w, 16, 8), colour),
            ellipse(x + w, y + 8, 16, 14, p.shade(colour, 0.08))]


def monitor(x: float, y: float, w: float, h: float, wave: str = p.TEAL_MID) -> list[str]:
    out = [path(rrect_d(x, y, w, h, 16), p.INK), path(rrect_d(x + 12, y + 12, w - 24, h - 24, 8), "#244352")]
    mid = y + h / 2
    pts = [(x + 24, mid)]
    step = (w - 48) / 12
    for i in range(1, 13):
        dy = (-h * 0.28 if i % 4 == 1 else h * 0.18 if i % 4 == 2 else 0)
        pts.append((x + 24 + i * step, mid + dy))
    out.append(stroke(poly_d(pts, closed=False), wave, 5))
    return out


def shadow(cx: float, y: float, rx: float, ry: float = 12) -> str:
    return ellipse(cx, y, rx, ry, p.PANEL_DEEP, opacity=0.55)


def blob_backdrop(cx: float, cy: float, rx: float, ry: float, colour: str = p.PANEL_SHADE) -> str:
    """The soft rounded shape behind the main subject that gives every picture its calm frame."""
    return path(smooth_d([(cx - rx, cy + ry * 0.1), (cx - rx * 0.7, cy - ry * 0.8), (cx + rx * 0.1, cy - ry),
                          (cx + rx * 0.85, cy - ry * 0.6), (cx + rx, cy + ry * 0.2), (cx + rx * 0.6, cy + ry * 0.9),
                          (cx - rx * 0.3, cy + ry * 0.95)]), colour)


def ellipse_path(cx: float, cy: float, rx: float, ry: float, colour: str, **attrs: object) -> str:
    return path(ellipse_d(cx, cy, rx, ry), colour, **attrs)


def sparkle(cx: float, cy: float, r: float, colour: str = p.CORAL) -> list[str]:
    """Little radiating lines: a sharp feeling (pain, tingling) at a point."""
    out = []
    for k in range(6):
        a = math.radians(k * 60 + 15)
        out.append(line((cx + math.cos(a) * r * 0.55, cy + math.sin(a) * r * 0.55),
                        (cx + math.cos(a) * r, cy + math.sin(a) * r), colour, 4))
    return out


def arrow(points: list[Point], colour: str = p.TEAL_MID, width: float = 8) -> list[str]:
    """A soft curved arrow through the points with a rounded head at the end."""
    (x1, y1), (x2, y2) = points[-2], points[-1]
    a = math.atan2(y2 - y1, x2 - x1)
    head = width * 2.2
    left = (x2 - math.cos(a - 0.55) * head, y2 - math.sin(a - 0.55) * head)
    right = (x2 - math.cos(a + 0.55) * head, y2 - math.sin(a + 0.55) * head)
    return [stroke(smooth_d(points, closed=False), colour, width),
            stroke(poly_d([left, (x2, y2), right], closed=False), colour, width)]


def small_phone(cx: float, cy: float, angle: float = 0, size: float = 1.0) -> list[str]:
    """A phone held in a hand: just the dark body and a lit screen."""
    w, h = 26 * size, 50 * size
    return [g([path(rrect_d(-w / 2, -h / 2, w, h, 6 * size), p.INK),
               path(rrect_d(-w / 2 + 3 * size, -h / 2 + 5 * size, w - 6 * size, h - 10 * size, 3 * size),
                    p.TEAL_LIGHT)],
              transform=f"translate({num(cx)} {num(cy)}) rotate({num(angle)})")]
