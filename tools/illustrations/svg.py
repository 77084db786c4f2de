"""A tiny, deterministic SVG string builder for the pack illustrations.

Output is plain SVG that Qt's SVG Tiny renderer draws faithfully: paths, basic shapes,
gradients, opacity and transforms only (no filters, masks, clip paths, CSS or text).
Numbers are rounded to one decimal so regenerated files are byte-identical.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

Point = tuple[float, float]
WIDTH = 800
HEIGHT = 600


def num(value: float) -> str:
    text = f"{value:.1f}"
    if text.endswith(".0"):
        text = text[:-2]
    return "0" if text == "-0" else text


def el(tag: str, children: Iterable[str] | None = None, /, **attrs: object) -> str:
    """One element; keyword names map to attributes (fill_rule -> fill-rule)."""
    parts = [tag]
    for key, value in attrs.items():
        if value is None:
            continue
        name = key.rstrip("_").replace("_", "-")
        if isinstance(value, float | int) and not isinstance(value, bool):
            value = num(value)
        parts.append(f'{name}="{value}"')
    head = " ".join(parts)
    if children is None:
        return f"<{head}/>"
    inner = "".join(children)
    return f"<{head}>{inner}</{tag}>"


def g(children: Iterable[str], **attrs: object) -> str:
    return el("g", list(children), **attrs)


def pt(p: Point) -> str:
    return f"{num(p[0])} {num(p[1])}"


def path(d: str, fill: str = "none", **attrs: object) -> str:
    return el("path", d=d, fill=fill, **attrs)


def circle(cx: float, cy: float, r: float, fill: str, **attrs: object) -> str:
    return el("circle", cx=cx, cy=cy, r=r, fill=fill, **attrs)


def ellipse(cx: float, cy: float, rx: float, ry: float, fill: str, **attrs: object) -> str:
    return el("ellipse", cx=cx, cy=cy, rx=rx, ry=ry, fill=fill, **attrs)


def rect(x: float, y: float, w: float, h: float, fill: str, rx: float = 0, **attrs: object) -> str:
    return el("rect", x=x, y=y, width=w, height=h, rx=rx or None, fill=fill, **attrs)


def line(a: Point, b: Point, stroke: str, width: float = 3, **attrs: object) -> str:
    return el(
        "line",
        x1=a[0],
        y1=a[1],
        x2=b[0],
        y2=b[1],
        stroke=stroke,
        stroke_width=width,
        stroke_linecap="round",
        **attrs,
    )


def stroke(d: str, colour: str, width: float, **attrs: object) -> str:
    """A round-capped stroked path (used for hair strands, wires, glow trails)."""
    return el(
        "path",
        d=d,
        fill="none",
        stroke=colour,
        stroke_width=width,
        stroke_linecap="round",
        stroke_linejoin="round",
        **attrs,
    )


def poly_d(points: Sequence[Point], closed: bool = True) -> str:
    d = "M" + " L".join(pt(p) for p in points)
    return d + (" Z" if closed else "")


def smooth_d(points: Sequence[Point], closed: bool = True, tension: float = 1.0) -> str:
    """Catmull-Rom curve through the points, written as cubic Beziers: soft organic outlines."""
    n = len(points)
    if n < 3:
        return poly_d(points, closed)
    d = "M" + pt(points[0])
    last = n if closed else n - 1
    for i in range(last):
        p0 = points[(i - 1) % n] if (closed or i > 0) else points[0]
        p1 = points[i]
        p2 = points[(i + 1) % n]
        p3 = points[(i + 2) % n] if (closed or i + 2 < n) else p2
        k = tension / 6
        c1 = (p1[0] + (p2[0] - p0[0]) * k, p1[1] + (p2[1] - p0[1]) * k)
        c2 = (p2[0] - (p3[0] - p1[0]) * k, p2[1] - (p3[1] - p1[1]) * k)
        d += f" C{pt(c1)} {pt(c2)} {pt(p2)}"
    return d + (" Z" if closed else "")


def ellipse_d(cx: float, cy: float, rx: float, ry: float) -> str:
    return (
        f"M{num(cx - rx)} {num(cy)} A{num(rx)} {num(ry)} 0 1 0 {num(cx + rx)} {num(cy)}"
        f" A{num(rx)} {num(ry)} 0 1 0 {num(cx - rx)} {num(cy)} Z"
    )


def rrect_d(x: float, y: float, w: float, h: float, r: float) -> str:
    r = min(r, w / 2, h / 2)
    return (
        f"M{num(x + r)} {num(y)} H{num(x + w - r)} A{num(r)} {num(r)} 0 0 1 {num(x + w)} {num(y + r)}"
        f" V{num(y + h - r)} A{num(r)} {num(r)} 0 0 1 {num(x + w - r)} {num(y + h)}"
        f" H{num(x + r)} A{num(r)} {num(r)} 0 0 1 {num(x)} {num(y + h - r)}"
        f" V{num(y + r)} A{num(r)} {num(r)} 0 0 1 {num(x + r)} {num(y)} Z"
    )


def limb_d(a: Point, b: Point, ra: float, rb: float) -> str:
    """Outline of a tapered capsule from a (radius ra) to b (radius rb): a soft rounded limb."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = math.hypot(dx, dy) or 1.0
    nx, ny = -dy / length, dx / length
    p1 = (a[0] + nx * ra, a[1] + ny * ra)
    p2 = (b[0] + nx * rb, b[1] + ny * rb)
    p3 = (b[0] - nx * rb, b[1] - ny * rb)
    p4 = (a[0] - nx * ra, a[1] - ny * ra)
    return (
        f"M{pt(p1)} L{pt(p2)} A{num(rb)} {num(rb)} 0 0 0 {pt(p3)}"
        f" L{pt(p4)} A{num(ra)} {num(ra)} 0 0 0 {pt(p1)} Z"
    )


def limb(a: Point, b: Point, ra: float, rb: float, fill: str, **attrs: object) -> str:
    return path(limb_d(a, b, ra, rb), fill, **attrs)


def outlined(
    filled: Sequence[str], strokes: Sequence[tuple[str, float]], fill: str, edge: str, edge_width: float = 2.5
) -> list[str]:
    """Draw shapes as one merged silhouette with a thin soft outline.

    All outlines are painted first, then all fills, so overlapping parts (a bone and its
    processes) read as one object without inner seams.
    """
    out: list[str] = []
    for d in filled:
        out.append(path(d, edge, stroke=edge, stroke_width=edge_width * 2, stroke_linejoin="round"))
    for d, width in strokes:
        out.append(stroke(d, edge, width + edge_width * 2))
    for d in filled:
        out.append(path(d, fill))
    for d, width in strokes:
        out.append(stroke(d, fill, width))
    return out


def rotate(p: Point, origin: Point, degrees: float) -> Point:
    a = math.radians(degrees)
    x, y = p[0] - origin[0], p[1] - origin[1]
    return (origin[0] + x * math.cos(a) - y * math.sin(a), origin[1] + x * math.sin(a) + y * math.cos(a))


def toward(p: Point, degrees: float, length: float) -> Point:
    """Point at a distance along a direction: 0 = straight down, 90 = right, 180 = up."""
    a = math.radians(degrees)
    return (p[0] + math.sin(a) * length, p[1] + math.cos(a) * length)


class Picture:
    """One 800x600 illustration: gradient definitions plus drawn parts, on the shared panel."""

    def __init__(self, background: bool = True) -> None:
        self._defs: list[str] = []
        self.parts: list[str] = []
        if background:
            from . import palette

            self.parts.append(rect(0, 0, WIDTH, HEIGHT, palette.PANEL, rx=36))

    def add(self, *parts: str | Iterable[str]) -> None:
        for part in parts:
            if isinstance(part, str):
                self.parts.append(part)
            else:
                self.parts.extend(part)

    def radial(self, colour: str, inner: float = 0.75, outer: float = 0.0) -> str:
        """A soft radial glow fill; returns the url() to use as fill."""
        ident = f"glow{len(self._defs)}"
        self._defs.append(
            el(
                "radialGradient",
                [
                    el("stop", offset="0", stop_color=colour, stop_opacity=inner),
                    el("stop", offset="0.55", stop_color=colour, stop_opacity=inner * 0.55),
                    el("stop", offset="1", stop_color=colour, stop_opacity=outer),
                ],
                id=ident,
            )
        )
        return f"url(#{ident})"

    def linear(self, top: str, bottom: str, x2: float = 0, y2: float = 1) -> str:
        ident = f"fade{len(self._defs)}"
        self._defs.append(
            el(
                "linearGradient",
                [el("stop", offset="0", stop_color=top), el("stop", offset="1", stop_color=bottom)],
                id=ident,
                x1="0",
                y1="0",
                x2=x2,
                y2=y2,
            )
        )
        return f"url(#{ident})"

    def glow(self, cx: float, cy: float, r: float, colour: str, strength: float = 0.75) -> None:
        self.parts.append(circle(cx, cy, r, self.radial(colour, strength)))

    def render(self, title: str) -> str:
        body = "".join(self.parts)
        defs = el("defs", self._defs) if self._defs else ""
        return (
            '<svg xmlns="http://www.w3.org/2000/svg" version="1.2" baseProfile="tiny" '
            f'viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}">'
            f"<title>{title}</title>{defs}{body}</svg>\n"
        )
