"""One shared palette so every picture in the pack looks like part of the same leaflet.

Meaning is carried by colour consistently: coral means pain or pressure, yellow means a nerve,
teal is the calm "care" colour, blue-greys are equipment and furniture.
"""

from __future__ import annotations

PANEL = "#FBF5EC"  # warm off-white background card
PANEL_SHADE = "#F2E7D7"  # soft decorative shapes, floor
PANEL_DEEP = "#E3D3BD"  # ground shadows

TEAL = "#1E6E75"
TEAL_MID = "#3E9A9B"
TEAL_LIGHT = "#A9D6D1"
TEAL_PALE = "#DCEFEC"

CORAL = "#EE7A67"  # pain, pressure
CORAL_DEEP = "#CF5446"
CORAL_LIGHT = "#F8C3B6"

NERVE = "#F2C230"  # nerves
NERVE_DEEP = "#C99812"
NERVE_LIGHT = "#FBE7A1"

INK = "#334B5C"  # small dark details (eyes, thin lines)
BLUE_GREY = "#7E97AA"
BLUE_GREY_LIGHT = "#C8D6E0"
BLUE_GREY_PALE = "#E8EEF3"

BONE = "#F6EEDF"
BONE_SHADE = "#E6D8C0"
BONE_EDGE = "#B59C7E"

DISC = "#86BACD"  # tough outer ring of a disc
DISC_CORE = "#D6ECF3"  # soft centre of a disc

MUSCLE = "#D9867A"

RED = "#D9473F"  # urgent signs only
RED_DEEP = "#B3332C"
WHITE = "#FFFFFF"

MUSTARD = "#E2AE4A"
SAGE = "#8DB59A"
PLUM = "#8E6F94"
DENIM = "#4F6D8A"
AMBER = "#E39A4C"

SKIN_TONES = ("#F5D0B3", "#E2AA86", "#B87B55", "#7B4F36")
HAIR_COLOURS = ("#3A2A22", "#7A5234", "#1F1B1A", "#C8C1B8")


def mix(colour: str, other: str, amount: float) -> str:
    """Blend two #rrggbb colours; used for shaded (far-side) limbs and highlights."""
    a = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    b = [int(other[i : i + 2], 16) for i in (1, 3, 5)]
    out = [round(x + (y - x) * amount) for x, y in zip(a, b, strict=True)]
    return "#" + "".join(f"{v:02X}" for v in out)


def shade(colour: str, amount: float = 0.18) -> str:
    """A darker version of a colour for the far side of a body or object."""
    return mix(colour, "#22303A", amount)


def far_side(colour: str) -> str:
    """Colour for limbs on the far side of a body: darker, or lighter when already dark,
    so that crossing legs and arms stay easy to tell apart."""
    r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return mix(colour, "#FFFFFF", 0.2) if luminance < 0.32 else shade(colour, 0.16)


def tint(colour: str, amount: float = 0.35) -> str:
    """A lighter version of a colour for highlights."""
    return mix(colour, "#FFFFFF", amount)


ALL = {
    "panel": PANEL,
    "panel shade": PANEL_SHADE,
    "teal": TEAL,
    "teal mid": TEAL_MID,
    "teal light": TEAL_LIGHT,
    "coral (pain, pressure)": CORAL,
    "coral light": CORAL_LIGHT,
    "nerve yellow": NERVE,
    "ink": INK,
    "blue-grey": BLUE_GREY,
    "blue-grey light": BLUE_GREY_LIGHT,
    "bone": BONE,
    "bone edge": BONE_EDGE,
    "disc ring": DISC,
    "disc centre": DISC_CORE,
    "urgent red (emergency only)": RED,
}
