"""Turns a demo (figure, motion, props) into one plain animated SVG file.

Structure of the output, so anyone can open it in an editor and see how it works:
  - each body segment is a pair of nested groups: the outer one places the joint on its parent
    (a static translate), the inner one turns it (an `animateTransform type="rotate"` whose values
    are the joint angle over one loop, or a static rotate when the joint does not move);
  - the hip (root) group carries the figure's position and the pelvis angle;
  - highlights on the working muscles change colour with `animateColor`.
Qt SVG (6.12) spreads `values` evenly over `dur` and ignores keyTimes and calcMode="spline", so the
motion is sampled densely at even steps (SAMPLES_PER_SECOND) and eased in the samples themselves;
browsers and editors read evenly spread values the same way.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from tools.illustrations import palette as p

from .body import DEFAULT_ORDER, Look, draw_segment
from .motion import Motion
from .shapes import attrs, blob, num
from .skeleton import BY_NAME, SEGMENTS, Point, relative_angles

SAMPLES_PER_SECOND = 20
WIDTH, HEIGHT = 800, 600


@dataclass(frozen=True)
class Highlight:
    """A working muscle: a soft oval in a segment's frame that turns coral as the muscle works."""

    segment: str
    centre: Point
    radii: Point
    base: str
    """The colour underneath (clothes or skin), so the highlight is invisible when at rest."""


@dataclass(frozen=True)
class Halo:
    """A soft coral glow behind the body around the working area, following a segment. It fades
    into the backdrop shape's colour, so it must lie inside that shape."""

    segment: str
    centre: Point
    radii: Point


@dataclass(frozen=True)
class Raw:
    """Ready SVG (a prop) painted at this point in the order, outside the figure's groups."""

    svg: str


@dataclass(frozen=True)
class Demo:
    name: str
    title: str
    motion: Motion
    look: Look = field(default_factory=Look)
    highlights: tuple[Highlight, ...] = ()
    halos: tuple[Halo, ...] = ()
    backdrop: tuple[str, ...] = ()
    order: tuple[str | Raw, ...] = DEFAULT_ORDER
    front: tuple[str, ...] = ()
    stage: tuple[float, float, float] = (1.0, 0.0, 0.0)
    """(scale, x, y): how the scene is framed on the 800x600 canvas."""
    backdrop_blob: tuple[float, float, float, float] = (400.0, 300.0, 300.0, 210.0)
    """(x, y, half width, half height) of the soft shape behind the scene, as in the pack's pictures."""


def sample_times(duration: float) -> list[float]:
    steps = max(2, round(duration * SAMPLES_PER_SECOND))
    return [duration * k / steps for k in range(steps + 1)]


def unwrap(values: Sequence[float]) -> list[float]:
    """Remove 360-degree jumps so the renderer turns the short way between samples."""
    out = [values[0]]
    for value in values[1:]:
        previous = out[-1]
        out.append(value + 360.0 * round((previous - value) / 360.0))
    return out


def _values(items: Sequence[str]) -> str:
    return ";".join(items)


def animation(kind: str, duration: float, values: Sequence[str]) -> str:
    """One animateTransform element looping forever (kind: rotate or translate)."""
    return (
        f"<animateTransform{attrs(attributeName='transform', type=kind, dur=f'{duration:g}s')}"
        f' repeatCount="indefinite" values="{_values(values)}"/>'
    )


def colour_animation(duration: float, values: Sequence[str]) -> str:
    return (
        f'<animateColor attributeName="fill" dur="{duration:g}s" repeatCount="indefinite" '
        f'values="{_values(values)}"/>'
    )


def _transform_or_animation(kind: str, duration: float, values: list[str]) -> tuple[str, str]:
    """(transform attribute, child animation): a joint that never moves gets a static transform."""
    if len(set(values)) == 1:
        return f' transform="{kind}({values[0]})"', ""
    return "", animation(kind, duration, values)


class _Tracks:
    """Every animated quantity of the demo, sampled once."""

    def __init__(self, demo: Demo) -> None:
        motion = demo.motion
        self.duration = motion.duration
        times = sample_times(motion.duration)
        poses = [motion.pose_at(t) for t in times]
        glows = [max(0.0, min(1.0, motion.glow_at(t))) for t in times]
        relative = [relative_angles(pose) for pose in poses]
        self.angles = {s.name: [num(v) for v in unwrap([r[s.name] for r in relative])] for s in SEGMENTS}
        self.hip = [f"{num(pose.hip[0])} {num(pose.hip[1])}" for pose in poses]
        self.glows = glows

    def colours(self, base: str, peak: str) -> list[str]:
        return [p.mix(base, peak, glow).lower() for glow in self.glows]


def _chain(name: str) -> list[str]:
    chain = []
    current: str | None = name
    while current is not None:
        chain.append(current)
        current = BY_NAME[current].parent
    return chain[::-1]


def _open(segment: str, tracks: _Tracks) -> str:
    info = BY_NAME[segment]
    if info.parent is None:
        outer_attr, outer_anim = _transform_or_animation("translate", tracks.duration, tracks.hip)
    else:
        outer_attr, outer_anim = f' transform="translate({num(info.attach[0])} {num(info.attach[1])})"', ""
    inner_attr, inner_anim = _transform_or_animation("rotate", tracks.duration, tracks.angles[segment])
    return f'<g class="{segment}"{outer_attr}>{outer_anim}<g{inner_attr}>{inner_anim}'


class _Painter:
    """Emits items in painting order, opening and closing segment groups as needed."""

    def __init__(self, tracks: _Tracks) -> None:
        self.tracks = tracks
        self.stack: list[str] = []
        self.out: list[str] = []

    def enter(self, chain: list[str]) -> None:
        keep = 0
        while keep < min(len(chain), len(self.stack)) and chain[keep] == self.stack[keep]:
            keep += 1
        while len(self.stack) > keep:
            self.stack.pop()
            self.out.append("</g></g>")
        for segment in chain[keep:]:
            self.out.append(_open(segment, self.tracks))
            self.stack.append(segment)

    def paint(self, chain: list[str], svg: str) -> None:
        self.enter(chain)
        self.out.append(svg)


def _oval(centre: Point, radii: Point, factor: float) -> list[Point]:
    return [
        (
            centre[0] + radii[0] * factor * math.cos(math.radians(a)),
            centre[1] + radii[1] * factor * math.sin(math.radians(a)),
        )
        for a in range(0, 360, 30)
    ]


def _glowing(shape: list[Point], colours: list[str], duration: float) -> str:
    if len(set(colours)) == 1:
        return blob(shape, colours[0])
    return blob(shape, colours[0])[:-2] + ">" + colour_animation(duration, colours) + "</path>"


def _highlight_svg(highlight: Highlight, tracks: _Tracks) -> str:
    """Nested ovals, strongest in the middle, so the glow fades out softly at its edge."""
    return "".join(
        _glowing(
            _oval(highlight.centre, highlight.radii, factor),
            tracks.colours(highlight.base, p.mix(highlight.base, p.CORAL, strength)),
            tracks.duration,
        )
        for factor, strength in ((1.0, 0.16), (0.86, 0.32), (0.72, 0.48), (0.58, 0.64), (0.44, 0.8))
    )


def _halo_svg(halo: Halo, tracks: _Tracks) -> str:
    return "".join(
        _glowing(
            _oval(halo.centre, halo.radii, 1.0 - step * 0.2),
            tracks.colours(p.PANEL_SHADE, p.mix(p.PANEL_SHADE, p.CORAL_LIGHT, 0.45 + 0.18 * step)),
            tracks.duration,
        )
        for step in range(4)
    )


def _soft_shape(x: float, y: float, half_width: float, half_height: float) -> str:
    """A gently irregular oval in the panel's shade colour."""
    wobble = (1.0, 0.93, 1.04, 0.96, 1.02, 0.9, 1.05, 0.95)
    points = [
        (x + half_width * w * math.cos(math.radians(a)), y + half_height * w * math.sin(math.radians(a)))
        for a, w in zip(range(0, 360, 45), wobble, strict=True)
    ]
    return blob(points, p.PANEL_SHADE)


def render_demo(demo: Demo) -> str:
    """The complete SVG text of one demo."""
    tracks = _Tracks(demo)
    painter = _Painter(tracks)
    painter.out.append(f'<rect width="{WIDTH}" height="{HEIGHT}" rx="36" fill="{p.PANEL}"/>')
    painter.out.append(_soft_shape(*demo.backdrop_blob))
    scale, x, y = demo.stage
    painter.out.append(f'<g transform="translate({num(x)} {num(y)}) scale({scale:g})">')
    for halo in demo.halos:
        painter.paint(_chain(halo.segment), _halo_svg(halo, tracks))
    painter.enter([])
    painter.out.extend(demo.backdrop)
    highlights: dict[str, list[Highlight]] = {}
    for highlight in demo.highlights:
        highlights.setdefault(highlight.segment, []).append(highlight)
    for item in demo.order:
        if isinstance(item, Raw):
            painter.paint([], item.svg)
            continue
        shapes = "".join(draw_segment(item, demo.look))
        shapes += "".join(_highlight_svg(h, tracks) for h in highlights.get(item, []))
        painter.paint(_chain(item), shapes)
    painter.enter([])
    painter.out.extend(demo.front)
    painter.out.append("</g>")
    body = "\n".join(painter.out)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" '
        f'height="{HEIGHT}">\n<title>{demo.title}</title>\n'
        f"<desc>Exercise demo. One loop ({demo.motion.duration:g} s) is one repetition. Written by "
        f"tools/demo_figures (python -m tools.demo_figures); change the generator, not this file.</desc>\n"
        f"{body}\n</svg>\n"
    )
