"""Deterministic SVG text helpers: rounded numbers and smooth closed outlines.

Numbers are written with at most one decimal so regenerating gives byte-identical files.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .skeleton import Point


def num(value: float) -> str:
    text = f"{value:.1f}"
    if text.endswith(".0"):
        text = text[:-2]
    return "0" if text == "-0" else text


def attrs(**values: object) -> str:
    parts = []
    for key, value in values.items():
        if value is None:
            continue
        name = key.rstrip("_").replace("_", "-")
        text = num(value) if isinstance(value, float | int) and not isinstance(value, bool) else str(value)
        parts.append(f' {name}="{text}"')
    return "".join(parts)


def blob_d(points: Sequence[Point], tension: float = 1.0) -> str:
    """A closed smooth outline through `points` (Catmull-Rom turned into cubic Béziers)."""
    count = len(points)
    out = [f"M{num(points[0][0])} {num(points[0][1])}"]
    for i in range(count):
        p0, p1, p2, p3 = (points[(i + k) % count] for k in (-1, 0, 1, 2))
        c1 = (p1[0] + (p2[0] - p0[0]) * tension / 6, p1[1] + (p2[1] - p0[1]) * tension / 6)
        c2 = (p2[0] - (p3[0] - p1[0]) * tension / 6, p2[1] - (p3[1] - p1[1]) * tension / 6)
        out.append(f"C{num(c1[0])} {num(c1[1])} {num(c2[0])} {num(c2[1])} {num(p2[0])} {num(p2[1])}")
    return "".join(out) + "Z"


def blob(points: Sequence[Point], fill: str, **extra: object) -> str:
    return f'<path d="{blob_d(points)}"{attrs(fill=fill, **extra)}/>'


def limb_points(length: float, r0: float, r1: float, front: float = 0.0, back: float = 0.0,
                peak: float = 0.4) -> list[Point]:
    """Outline of a tapered limb along +x: round ends, optional muscle bulge on either side.

    `front` bulges the +y side and `back` the -y side, as a fraction of the local width.
    """
    mid = r0 + (r1 - r0) * peak
    k = 0.71
    return [
        (0.0, -r0),
        (length * peak, -mid * (1 + back)),
        (length, -r1),
        (length + r1 * k, -r1 * k),
        (length + r1, 0.0),
        (length + r1 * k, r1 * k),
        (length, r1),
        (length * peak, mid * (1 + front)),
        (0.0, r0),
        (-r0 * k, r0 * k),
        (-r0, 0.0),
        (-r0 * k, -r0 * k),
    ]


def circle(cx: float, cy: float, r: float, fill: str, **extra: object) -> str:
    return f"<circle{attrs(cx=cx, cy=cy, r=r, fill=fill, **extra)}/>"


def ellipse(cx: float, cy: float, rx: float, ry: float, fill: str, **extra: object) -> str:
    return f"<ellipse{attrs(cx=cx, cy=cy, rx=rx, ry=ry, fill=fill, **extra)}/>"


def rect(x: float, y: float, w: float, h: float, fill: str, rx: float = 0.0, **extra: object) -> str:
    return f"<rect{attrs(x=x, y=y, width=w, height=h, rx=rx or None, fill=fill, **extra)}/>"


def path(d: str, fill: str = "none", **extra: object) -> str:
    return f'<path d="{d}"{attrs(fill=fill, **extra)}/>'


def group(children: Iterable[str], **extra: object) -> str:
    return f"<g{attrs(**extra)}>{''.join(children)}</g>"

