"""Things the figure lies on, walks on or sits on: a mat, a floor, a stationary bike."""

from __future__ import annotations

import math

from tools.illustrations import palette as p

from .shapes import blob, circle, ellipse, group, limb_points, num, rect
from .skeleton import toward
from .writer import WIDTH, animation

FLOOR_Y = 520.0
MAT_TOP = 500.0


def floor(y: float = FLOOR_Y) -> str:
    """Wide enough to fill the canvas at any framing."""
    return rect(-WIDTH, y, 3 * WIDTH, 600, p.PANEL_SHADE)


def mat(left: float = 178.0, right: float = 622.0) -> list[str]:
    """An exercise mat lying on the floor; its top is MAT_TOP."""
    return [
        floor(),
        ellipse((left + right) / 2, FLOOR_Y + 4, (right - left) / 2 + 10, 9, p.PANEL_DEEP),
        rect(left, MAT_TOP, right - left, FLOOR_Y - MAT_TOP + 2, p.TEAL_LIGHT, rx=9),
        rect(left + 6, MAT_TOP + 3, right - left - 12, 4, p.tint(p.TEAL_LIGHT, 0.45), rx=2),
    ]


def moving_floor(duration: float, travel: float, spacing: float = 80.0) -> list[str]:
    """A floor whose tiles slide backwards at walking speed, so the figure walks on the spot."""
    tiles = [rect(x, FLOOR_Y + 6, spacing * 0.5, 10, p.PANEL_DEEP, rx=5)
             for x in [spacing * k for k in range(int((WIDTH + travel) / spacing) + 2)]]
    slide = animation("translate", duration, ["0 0", f"{num(-travel)} 0"])
    return [floor(), group([slide, *tiles]), rect(0, FLOOR_Y, WIDTH, 4, p.PANEL_DEEP)]


BIKE = p.BLUE_GREY
BIKE_DARK = p.shade(p.BLUE_GREY, 0.3)
BIKE_LIGHT = p.BLUE_GREY_LIGHT


def _bar(a: tuple[float, float], b: tuple[float, float], width: float, colour: str) -> str:
    """A straight tube with round ends from a to b."""
    length = math.hypot(b[0] - a[0], b[1] - a[1])
    angle = math.degrees(math.atan2(b[1] - a[1], b[0] - a[0]))
    return group([blob(limb_points(length, width, width), colour)],
                 transform=f"translate({num(a[0])} {num(a[1])}) rotate({num(angle)})")


def bike_frame(seat: tuple[float, float], bars: tuple[float, float], crank: tuple[float, float]) -> list[str]:
    """An upright stationary bike seen from the side: feet, frame, seat, handlebars, flywheel."""
    base_y = FLOOR_Y - 10
    fly = (crank[0] + 96, crank[1] + 16)
    rear, front = seat[0] - 60, fly[0] + 56
    seat_base = (seat[0] + 22, crank[1] - 8)
    return [
        ellipse((rear + front) / 2, FLOOR_Y + 3, (front - rear) / 2 + 36, 8, p.PANEL_DEEP),
        _bar((rear - 30, base_y), (rear + 30, base_y), 9, BIKE_DARK),
        _bar((front - 30, base_y), (front + 30, base_y), 9, BIKE_DARK),
        _bar((rear, base_y - 4), (front, base_y - 4), 8, BIKE),
        _bar((rear + 6, base_y - 6), seat_base, 10, BIKE),
        _bar(seat_base, (fly[0], fly[1]), 11, BIKE),
        _bar(seat_base, (seat[0] + 2, seat[1] + 10), 8, BIKE_DARK),
        _bar((fly[0] - 4, fly[1]), (bars[0] - 12, bars[1] + 14), 11, BIKE),
        _bar((front - 8, base_y - 6), (fly[0] + 8, fly[1] + 20), 10, BIKE),
        circle(*fly, 58, BIKE_DARK),
        circle(*fly, 49, BIKE_LIGHT),
        circle(*fly, 14, BIKE_DARK),
        *[circle(*toward(fly, a, 33), 5, BIKE) for a in (30, 150, 270)],
        blob([(seat[0] - 36, seat[1] - 3), (seat[0] - 10, seat[1] - 10), (seat[0] + 28, seat[1] - 7),
              (seat[0] + 32, seat[1] + 2), (seat[0] - 4, seat[1] + 8), (seat[0] - 34, seat[1] + 7)], p.INK),
        _bar((bars[0] - 12, bars[1] + 14), bars, 7, BIKE_DARK),
        _bar((bars[0] - 16, bars[1] + 2), (bars[0] + 18, bars[1] - 6), 8, p.INK),
    ]


def crank(centre: tuple[float, float], radius: float, duration: float, start: float, far: bool) -> str:
    """One crank arm and pedal, turning once per loop from angle `start` (degrees)."""
    colour = BIKE_DARK if far else BIKE
    angles = [start + 360.0 * k / 24 for k in range(25)]
    level = group([group([animation("rotate", duration, [num(-a) for a in angles]),
                          rect(-15, -5, 30, 10, p.INK, rx=4)])], transform=f"translate({num(radius)} 0)")
    arm = [rect(-7, -7, radius + 14, 14, colour, rx=7), level]
    hub = [circle(0, 0, 13, BIKE_DARK), circle(0, 0, 6, BIKE_LIGHT)] if not far else []
    return group([group([animation("rotate", duration, [num(a) for a in angles]), *arm]), *hub],
                 transform=f"translate({num(centre[0])} {num(centre[1])})")
