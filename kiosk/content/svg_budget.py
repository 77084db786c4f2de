"""How much work an SVG asks of the renderer, measured before the renderer ever sees it.

A drawing of a few hundred bytes can still take minutes and gigabytes to draw: each `<use>` copies
another part of the drawing, each mask, pattern or filter is drawn into a picture of its own, and
when each level re-uses the level before several times the work grows exponentially. Drawing runs
in a C++ library that cannot be interrupted, so the bound is set here, statically, on the parsed
tree: every element is counted as many times as it would be drawn, in time linear in the file.

The limits are far above what a hand-made or exported illustration needs (the bundled drawings use
a few hundred elements and no masks), and the messages say which limit was passed.
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass, field

MAX_DRAWN_ELEMENTS = 50_000
"""Elements drawn, counting every copy a `<use>`, mask, pattern or marker makes."""
MAX_LAYERS = 64
"""Masks, patterns and filters applied while drawing: each one is an extra picture in memory."""
MAX_LAYER_NESTING = 3
"""A mask inside a pattern inside a filter ...: each level multiplies the pictures drawn."""
MAX_FILTER_PRIMITIVES = 256
"""Filter steps (feGaussianBlur, feMorphology ...) run while drawing, over every filter applied."""
MAX_TREE_DEPTH = 256
"""Elements inside elements (after following references); far above any real drawing."""
MAX_CANVAS_UNITS = 100_000.0
"""Largest width or height a drawing may declare for itself, in pixels (or cm, mm, in, pt, pc)."""
MIN_ASPECT, MAX_ASPECT = 1 / 20, 20.0
"""Height / width of the drawing: a strip thinner than 1:20 cannot be shown on a page."""

_LAYER_KINDS = {"mask": "mask", "pattern": "pattern", "filter": "filter"}
_DEFINITIONS = {
    "defs",
    "mask",
    "pattern",
    "clippath",
    "filter",
    "symbol",
    "marker",
    "lineargradient",
    "radialgradient",
    "style",
    "title",
    "desc",
    "metadata",
}
"""Elements that draw nothing where they stand; they cost only where something refers to them."""
_URL_REFERENCE = re.compile(r"url\(\s*['\"]?\s*#([^'\")\s]{1,200})")
_UNIT_PX = {"": 1.0, "px": 1.0, "pt": 4 / 3, "pc": 16.0, "mm": 96 / 25.4, "cm": 96 / 2.54, "in": 96.0}
_LENGTH = re.compile(
    r"^\s*([+-]?(?:\d{1,20}(?:\.\d{0,20})?|\.\d{1,20})(?:[eE][+-]?\d{1,4})?)\s*([a-z%]{0,2})\s*$"
)


class TooComplex(Exception):
    """The drawing would take too long or too much memory to draw; the message says why."""


@dataclass
class _Cost:
    elements: int = 0
    layers: int = 0
    primitives: int = 0
    nesting: int = 0

    def add(self, other: _Cost) -> None:
        self.elements = min(self.elements + other.elements, MAX_DRAWN_ELEMENTS + 1)
        self.layers = min(self.layers + other.layers, MAX_LAYERS + 1)
        self.primitives = min(self.primitives + other.primitives, MAX_FILTER_PRIMITIVES + 1)
        self.nesting = max(self.nesting, other.nesting)


@dataclass
class _Measure:
    by_id: dict[str, ElementTree.Element]
    css_references: list[str]
    memo: dict[int, _Cost] = field(default_factory=dict)
    visiting: set[int] = field(default_factory=set)

    def cost(self, element: ElementTree.Element, depth: int) -> _Cost:
        key = id(element)
        if key in self.memo:
            return self.memo[key]
        if key in self.visiting:
            raise TooComplex("the drawing refers to itself in a loop (a <use> or url(#...) of its own part)")
        if depth > MAX_TREE_DEPTH:
            raise TooComplex(f"the drawing is nested more than {MAX_TREE_DEPTH} levels deep")
        self.visiting.add(key)
        total = _Cost(elements=1)
        name = _local(element.tag)
        if name == "filter":
            total.primitives = sum(1 for child in element if _local(child.tag).startswith("fe"))
        for child in element:
            if _local(child.tag) not in _DEFINITIONS:
                total.add(self.cost(child, depth + 1))
        for target_id, from_style_sheet in self._references(element):
            target = self.by_id.get(target_id)
            if target is None or (from_style_sheet and id(target) in self.visiting):
                continue
            referred = self.cost(target, depth + 1)
            if _local(target.tag) in _LAYER_KINDS:
                layered = _Cost(
                    referred.elements, referred.layers + 1, referred.primitives, referred.nesting + 1
                )
                total.add(layered)
            else:
                total.add(referred)
        self.visiting.discard(key)
        _check(total)
        self.memo[key] = total
        return total

    def _references(self, element: ElementTree.Element) -> list[tuple[str, bool]]:
        """(id, from the style sheet) of every part this element draws again where it stands."""
        found: list[tuple[str, bool]] = []
        for attribute, value in element.attrib.items():
            if _local(attribute) == "href" and value.strip().startswith("#"):
                if _local(element.tag) in ("use", "feimage"):
                    found.append((value.strip()[1:], False))
            elif "url(" in value:
                found.extend((name, False) for name in _URL_REFERENCE.findall(value))
        if "class" in element.attrib:  # a style sheet rule may give this element a mask or filter
            found.extend((name, True) for name in self.css_references)
        return found


def _check(cost: _Cost) -> None:
    if cost.elements > MAX_DRAWN_ELEMENTS:
        raise TooComplex(
            f"drawing it means drawing more than {MAX_DRAWN_ELEMENTS} shapes once every <use> copy is counted"
        )
    if cost.layers > MAX_LAYERS:
        raise TooComplex(f"drawing it applies more than {MAX_LAYERS} masks, patterns or filters")
    if cost.nesting > MAX_LAYER_NESTING:
        raise TooComplex(
            f"it puts masks, patterns or filters inside each other more than {MAX_LAYER_NESTING} deep"
        )
    if cost.primitives > MAX_FILTER_PRIMITIVES:
        raise TooComplex(f"its filters run more than {MAX_FILTER_PRIMITIVES} steps")


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1].rsplit(":", 1)[-1].lower()


def length_in_px(text: str) -> float | None:
    """An SVG length like '800', '12cm' or '210mm' in pixels; None for percentages or nonsense."""
    match = _LENGTH.match(text)
    if match is None or match.group(2) not in _UNIT_PX:
        return None
    value = float(match.group(1)) * _UNIT_PX[match.group(2)]
    return value if math.isfinite(value) else math.inf


def canvas_problem(root: ElementTree.Element) -> str | None:
    """Why the drawing's declared size or shape cannot be shown (too large, a hair-thin strip)."""
    for name in ("width", "height"):
        size = length_in_px(root.get(name, ""))
        if size is not None and abs(size) > MAX_CANVAS_UNITS:
            return f"the drawing says it is {root.get(name, '')[:30]} {'wide' if name == 'width' else 'high'}"
    box = (root.get("viewBox") or "").replace(",", " ").split()
    numbers = [length_in_px(part) for part in box] if len(box) == 4 else []
    if len(numbers) == 4 and all(number is not None for number in numbers):
        width, height = float(numbers[2] or 0), float(numbers[3] or 0)
        if width > 0 and height > 0 and math.isfinite(width) and math.isfinite(height):
            aspect = height / width
            if not MIN_ASPECT <= aspect <= MAX_ASPECT:
                return (
                    f"its viewBox is {width:g} x {height:g}, far too "
                    f"{'tall' if aspect > 1 else 'wide'} for a screen (at most 20 times longer than wide)"
                )
        elif not (math.isfinite(width) and math.isfinite(height)):
            return "its viewBox has a size too large to draw"
    return None


def drawing_cost_problem(root: ElementTree.Element) -> str | None:
    """Why drawing this tree is refused (a sentence), or None when it fits every budget."""
    canvas = canvas_problem(root)
    if canvas is not None:
        return canvas
    by_id: dict[str, ElementTree.Element] = {}
    css_references: list[str] = []
    for element in root.iter():
        element_id = element.get("id")
        if element_id is not None:
            by_id.setdefault(element_id, element)
        if _local(element.tag) == "style" and element.text:
            css_references.extend(_URL_REFERENCE.findall(element.text))
    css_references = [name for name in dict.fromkeys(css_references) if name in by_id]
    try:
        _Measure(by_id, css_references).cost(root, 0)
    except TooComplex as reason:
        return str(reason)
    except RecursionError:
        return f"the drawing is nested more than {MAX_TREE_DEPTH} levels deep"
    return None
