"""Writes resources/fonts/KioskHyperlegible-*.ttf: Atkinson Hyperlegible with a plain zero.

Atkinson Hyperlegible draws 0 with a slash (to tell it from O), and has no OpenType feature or
alternate glyph without it (its features: aalt, case, ccmp, frac, locl, ordn, pnum, sups, tnum; its
two zeros, `zero` and `zero.tf`, are both slashed). Patients read the slashed zero as "Ø" or "empty".
So the kiosk's font, "Kiosk Hyperlegible", is Atkinson Hyperlegible with one glyph changed: its zero
keeps its outer outline, and its two half counters (the slash between them) are replaced by one
counter, drawn from Atkinson's own "O" counter fitted to the zero's counter box. Every other glyph,
metric and feature is Atkinson's.

One family, not Atkinson plus a one-glyph font listed before it: each family a label's font lists
is a font engine of its own in Qt's font cache, and Qt runs a maintenance timer for as long as that
cache holds more than 4 MB; with one family, a still page holds well under that, so nothing wakes
the kiosk (docs/benchmarks.md, "Idle").

Atkinson Hyperlegible is under the SIL Open Font License 1.1 with no reserved font name; this
derived font is under the same licence (resources/fonts/OFL.txt) and under a name of its own.

Needs the font package and fontTools (`pip install fontpkg-atkinson-hyperlegible fonttools`); run it
again only if the font package changes:
    python tools/kiosk_font.py
"""

from __future__ import annotations

import shutil
from importlib.resources import files
from pathlib import Path

from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont

OUT = Path(__file__).resolve().parents[1] / "resources" / "fonts"
STYLES = ("Regular", "Bold", "Italic", "BoldItalic")
FAMILY = "Kiosk Hyperlegible"
FILE_STEM = "KioskHyperlegible"


def contours(glyph, glyf):  # type: ignore[no-untyped-def]
    """The glyph's contours as lists of (x, y, on_curve) points."""
    coordinates, ends, flags = glyph.getCoordinates(glyf)
    result, start = [], 0
    for end in ends:
        result.append([(*coordinates[i], bool(flags[i] & 1)) for i in range(start, end + 1)])
        start = end + 1
    return result


def box(points):  # type: ignore[no-untyped-def]
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def plain_zero(font: TTFont) -> None:
    glyf = font["glyf"]
    zero = contours(glyf["zero"], glyf)
    letter_o = contours(glyf["O"], glyf)
    if len(zero) != 3 or len(letter_o) != 2:
        raise SystemExit(f"unexpected outlines: zero {len(zero)} contours, O {len(letter_o)}")
    outer = max(zero, key=lambda c: box(c)[2] - box(c)[0])
    halves = [c for c in zero if c is not outer]
    x0, y0, x1, y1 = box(halves[0] + halves[1])  # the counter the slash cut in two
    counter = min(letter_o, key=lambda c: box(c)[2] - box(c)[0])
    a0, b0, a1, b1 = box(counter)

    def fit(point):  # type: ignore[no-untyped-def]
        x, y, on = point
        return (x0 + (x - a0) * (x1 - x0) / (a1 - a0), y0 + (y - b0) * (y1 - y0) / (b1 - b0), on)

    pen = TTGlyphPen(None)
    for contour in (outer, [fit(p) for p in counter]):
        draw_quadratic(pen, contour)
    glyph = pen.glyph()
    glyph.recalcBounds(glyf)
    glyf["zero"] = glyph


def draw_quadratic(pen: TTGlyphPen, points) -> None:  # type: ignore[no-untyped-def]
    """Draw one TrueType contour (on- and off-curve points) with a pen."""
    start = next(i for i, p in enumerate(points) if p[2])
    ordered = points[start:] + points[:start]
    pen.moveTo(ordered[0][:2])
    offs: list[tuple[float, float]] = []
    for x, y, on in [*ordered[1:], ordered[0]]:
        if on:
            if offs:
                pen.qCurveTo(*offs, (x, y))
                offs = []
            else:
                pen.lineTo((x, y))
        else:
            offs.append((x, y))
    pen.closePath()


def rename(font: TTFont, style: str) -> None:
    words = {"Regular": "Regular", "Bold": "Bold", "Italic": "Italic", "BoldItalic": "Bold Italic"}[style]
    names = font["name"]
    for record in list(names.names):
        if record.nameID in (1, 2, 3, 4, 6, 16, 17):
            names.removeNames(nameID=record.nameID)
    names.setName(FAMILY, 1, 3, 1, 0x409)
    names.setName(words, 2, 3, 1, 0x409)
    names.setName(f"{FAMILY} {words}; derived from Atkinson Hyperlegible", 3, 3, 1, 0x409)
    names.setName(f"{FAMILY} {words}", 4, 3, 1, 0x409)
    names.setName(f"{FILE_STEM}-{style}", 6, 3, 1, 0x409)


def main() -> None:
    source = files("fontpkg_atkinson_hyperlegible") / "files"
    OUT.mkdir(parents=True, exist_ok=True)
    for style in STYLES:
        font = TTFont(str(source / f"AtkinsonHyperlegible-{style}.ttf"))
        plain_zero(font)
        rename(font, style)
        if "DSIG" in font:  # the signature would no longer match
            del font["DSIG"]
        font.save(str(OUT / f"{FILE_STEM}-{style}.ttf"))
    shutil.copyfile(str(source.parent / "LICENSE"), OUT / "OFL.txt")
    print(f"wrote {len(STYLES)} fonts to {OUT}")


if __name__ == "__main__":
    main()
