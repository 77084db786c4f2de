"""The one place for colours, sizes and fonts.

Design tokens are plain data (`Palette`, `Metrics`); `Theme` scales them for a screen and a text
size and turns them into the application style sheet. All three are named tuples, as are the start
screen's own records (`attract`, `first_screen_record`): they are built before the first frame,
and a frozen dataclass compiles six generated methods when its module is imported (about 5 ms for
those seven classes on a small kiosk PC), where a named tuple compiles one. This module, like
`first_screen_record`, does without `from __future__ import annotations`: a named tuple compiles
each field's annotation that is a string (a `typing.ForwardRef`), 2 million instructions for these
three. Widgets ask the theme
for pixel sizes (`theme.px(...)`) instead of hard-coding numbers, so every screen size and text size
is one rule.

Sizes are written for a 1080 px short screen side (1920x1080 or 1080x1920) and scale with the
short side, so text reads from a metre away on any kiosk. Every word a patient reads follows the
text-size choice: reading text in full (`text_px`), and the words on controls, counters and titles,
which start large, by half as much (`control_px`: 137.5 % at 175 %), so the bar stays one row on
a landscape screen (Home and Back keep their place) and a page still shows ten lines of text.
"""

import logging
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:  # QFont's type is built when first measured with, not before the first frame
    from PySide6.QtGui import QFont

log = logging.getLogger(__name__)

FONT_FAMILY = "Kiosk Hyperlegible"
"""Atkinson Hyperlegible with a plain zero (`resources/fonts`, made by `tools/kiosk_font.py`):
Atkinson slashes its zero, which patients read as "Ø" or "empty"."""
FONT_FAMILIES = (FONT_FAMILY,)
"""One family: a second one listed for a single glyph would double the font engines Qt keeps, and
keep its font cache's maintenance timer waking a still page."""
REFERENCE_SHORT_SIDE = 1080
MIN_TARGET_PX = 48
"""No tappable is ever smaller than this, whatever the screen (at 1080 it is 88)."""


class Palette(NamedTuple):
    """Colours as #rrggbb. Pairs used for text are checked for WCAG AA contrast in the tests."""

    background: str = "#f8f4ee"  # warm paper
    surface: str = "#ffffff"  # cards and tiles
    surface_pressed: str = "#e6efef"
    text: str = "#1d2a33"
    text_muted: str = "#46525c"
    border: str = "#7f7468"  # outlines of cards and buttons: >= 3:1 on background and surface
    accent: str = "#0c6770"  # calm teal: buttons, links, focus
    accent_pressed: str = "#07474e"
    on_accent: str = "#ffffff"
    bar: str = "#0c4f57"  # the always-there top bar
    on_bar: str = "#ffffff"
    bar_button: str = "#16636c"
    bar_button_pressed: str = "#06343a"
    notice: str = "#e8f1f4"  # the disclaimer box
    on_notice: str = "#1d2a33"
    urgent: str = "#b3261e"  # red-flag pages
    urgent_tint: str = "#fdecea"
    on_urgent: str = "#ffffff"
    urgent_text: str = "#8c1d18"
    dot_inactive: str = "#8a8076"
    picture_frame: str = ""  # a frame round pictures (high contrast); empty: none
    focus_ring: str = "#111111"  # keyboard and switch focus: a dark band ...
    focus_halo: str = "#ffffff"  # ... inside a light one, so one of them stands out on any colour


TEXT_PAIRS: dict[str, tuple[str, str]] = {
    "body text": ("text", "background"),
    "card text": ("text", "surface"),
    "muted text": ("text_muted", "background"),
    "muted on card": ("text_muted", "surface"),
    "button label": ("on_accent", "accent"),
    "pressed button label": ("on_accent", "accent_pressed"),
    "link": ("accent", "surface"),
    "link on background": ("accent", "background"),
    "bar text": ("on_bar", "bar"),
    "bar button": ("on_bar", "bar_button"),
    "pressed bar button": ("on_bar", "bar_button_pressed"),
    "disclaimer": ("on_notice", "notice"),
    "get help button": ("on_urgent", "urgent"),
    "urgent text": ("urgent_text", "urgent_tint"),
    "pressed card text": ("text", "surface_pressed"),
}
"""(foreground, background) token pairs that carry text: each needs 4.5:1."""

UI_PAIRS: dict[str, tuple[str, str]] = {
    "card outline": ("border", "background"),
    "card outline on card": ("border", "surface"),
    "button on background": ("accent", "background"),
    "bar button on bar": ("bar_button", "surface"),
    "current page dot": ("accent", "background"),
    "other page dot": ("dot_inactive", "background"),
    "urgent outline": ("urgent", "urgent_tint"),
}
"""(part, neighbour) token pairs for UI parts that must be seen: each needs 3:1."""


HIGH_CONTRAST = Palette(
    background="#000000",
    surface="#000000",
    surface_pressed="#33330a",
    text="#ffffff",
    text_muted="#f0f0f0",
    border="#ffffff",
    accent="#ffe94a",  # yellow: buttons, links, the current page dot
    accent_pressed="#d9c200",
    on_accent="#000000",
    bar="#000000",
    on_bar="#ffffff",
    bar_button="#000000",
    bar_button_pressed="#3d3d3d",
    notice="#1a1a1a",
    on_notice="#ffffff",
    urgent="#ff7b72",
    urgent_tint="#000000",
    on_urgent="#000000",
    urgent_text="#ffffff",
    dot_inactive="#bdbdbd",
    picture_frame="#ffe94a",
    focus_ring="#00e5ff",
    focus_halo="#000000",
)
"""The patient's high-contrast choice: white and yellow on black, WCAG AAA (7:1) for all text.

Pack colour overrides do not apply to it; pictures are dimmed on black inside a yellow frame."""

HIGH_CONTRAST_UI_PAIRS: dict[str, tuple[str, str]] = {
    "card outline": ("border", "background"),
    "button on background": ("accent", "background"),
    "bar button outline": ("on_bar", "bar"),
    "pressed card": ("accent", "surface_pressed"),
    "current page dot": ("accent", "background"),
    "other page dot": ("dot_inactive", "background"),
    "urgent outline": ("urgent", "urgent_tint"),
    "picture frame": ("picture_frame", "background"),
}
"""UI parts of the high-contrast palette (cards are black on black, so their outline carries them):
each needs 4.5:1, the AAA-minded bar this palette keeps."""


class Metrics(NamedTuple):
    """Pixel sizes at a 1080 px short side and normal text size."""

    body: int = 30
    small: int = 24
    title: int = 52
    heading: int = 38
    tile_title: int = 32
    bar_label: int = 28
    bar_toggle: int = 22  # words under the icon of an on/off control in the bar
    bar_height: int = 112
    target: int = 88  # smallest tappable
    icon: int = 40
    margin: int = 40
    gap: int = 24
    radius: int = 20
    border: int = 3


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str) -> float:
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2.x contrast ratio between two #rrggbb colours (1.0 to 21.0)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def with_overrides(palette: Palette, accent: str | None, background: str | None) -> Palette:
    """Apply a pack's colour overrides, keeping each only if every pair using it stays readable."""
    result = palette
    for name, value in (("accent", accent), ("background", background)):
        if not value:
            continue
        candidate = result._replace(**{name: value})
        failing = [
            label
            for label, (fg, bg) in TEXT_PAIRS.items()
            if name in (fg, bg) and contrast_ratio(getattr(candidate, fg), getattr(candidate, bg)) < 4.5
        ]
        if failing:
            log.warning(
                "pack colour %s=%s ignored: too little contrast for %s", name, value, ", ".join(failing)
            )
            continue
        result = candidate
    return result


class Theme(NamedTuple):
    """Tokens scaled for one screen size and one text size (percent)."""

    palette: Palette
    metrics: Metrics
    scale: float
    text_percent: int = 100
    width: int = 1920
    height: int = 1080

    @classmethod
    def for_screen(
        cls, width: int, height: int, text_percent: int = 100, palette: Palette | None = None
    ) -> "Theme":
        scale = max(0.6, min(width, height) / REFERENCE_SHORT_SIDE)
        return cls(palette or Palette(), Metrics(), scale, text_percent, width, height)

    @property
    def landscape(self) -> bool:
        """Wide enough to put the picture beside the text rather than above it."""
        return self.width >= self.height * 1.2

    def with_text_percent(self, percent: int) -> "Theme":
        return self._replace(text_percent=percent)

    def px(self, value: int) -> int:
        """A chrome size (bar, margins, targets) scaled to the screen."""
        return max(1, round(value * self.scale))

    def text_px(self, value: int) -> int:
        """A reading-text size scaled to the screen and the patient's text-size choice."""
        return max(1, round(value * self.scale * self.text_percent / 100))

    @property
    def control_growth(self) -> float:
        """How much words on controls, counters and titles grow: half the reading text's growth."""
        return 1 + (self.text_percent - 100) / 200

    def control_px(self, value: int) -> int:
        """A size for the words on a control, a counter or a title: already large at 100 %, they
        grow half as much as reading text, so a page keeps room for its text."""
        return max(1, round(value * self.scale * self.control_growth))

    @property
    def target(self) -> int:
        return max(MIN_TARGET_PX, self.px(self.metrics.target))

    def stylesheet(self) -> str:
        p, m = self.palette, self.metrics
        px, tx, cx = self.px, self.text_px, self.control_px
        return f"""
* {{ font-family: {", ".join(f'"{family}"' for family in FONT_FAMILIES)}; color: {p.text}; }}
#KioskRoot, #ScreenStack, #ScreenStack > QWidget, QScrollArea, QScrollArea > QWidget > QWidget {{
    background: {p.background}; border: none; }}
QLabel {{ background: transparent; font-size: {tx(m.body)}px; }}
QLabel[role="title"] {{ font-size: {cx(m.title)}px; font-weight: bold; }}
QLabel[role="heading"] {{ font-size: {tx(m.heading)}px; font-weight: bold; }}
QLabel[role="lead"] {{ font-size: {tx(m.body)}px; color: {p.text_muted}; }}
QLabel[role="small"] {{ font-size: {tx(m.small)}px; color: {p.text_muted}; }}
QLabel[role="body"] {{ font-size: {tx(m.body)}px; }}
#TopBar {{ background: {p.bar}; }}
#TopBar QLabel {{ color: {p.on_bar}; font-size: {cx(m.bar_label)}px; }}
#TopBar QPushButton {{
    background: {p.bar_button}; color: {p.on_bar}; border: {px(2)}px solid {p.on_bar};
    border-radius: {px(m.radius)}px; font-size: {cx(m.bar_label)}px; font-weight: bold;
    padding: 0 {px(14)}px; min-height: {self.target}px; min-width: {self.target}px; }}
#TopBar QPushButton:pressed {{ background: {p.bar_button_pressed}; }}
#TopBar QPushButton:disabled {{ color: #a9c4c7; border-color: #5f8f95; background: {p.bar}; }}
#TopBar QToolButton {{
    background: {p.bar_button}; color: {p.on_bar}; border: {px(2)}px solid {p.on_bar};
    border-radius: {px(m.radius)}px; font-size: {cx(m.bar_toggle)}px; font-weight: bold;
    padding: {px(4)}px {px(10)}px; min-height: {self.target}px; min-width: {self.target}px; }}
#TopBar QToolButton:checked {{ background: {p.on_bar}; color: {p.bar}; }}
#TopBar QToolButton:pressed {{ background: {p.bar_button_pressed}; color: {p.on_bar}; }}
#TopBar QPushButton#get-help {{ background: {p.urgent}; color: {p.on_urgent}; border-color: {p.on_urgent}; }}
#TopBar QPushButton#get-help:pressed {{ background: {p.urgent_text}; }}
QPushButton {{
    background: {p.accent}; color: {p.on_accent}; border: none; border-radius: {px(m.radius)}px;
    font-size: {cx(m.body)}px; font-weight: bold; padding: {px(12)}px {px(28)}px;
    min-height: {self.target}px; min-width: {self.target}px; }}
QPushButton:pressed {{ background: {p.accent_pressed}; }}
QPushButton:disabled {{ background: transparent; color: transparent; }}
#Card {{ background: {p.surface}; border: {px(m.border)}px solid {p.border};
    border-radius: {px(m.radius)}px; }}
#Card[pressed="true"] {{ background: {p.surface_pressed}; border-color: {p.accent}; }}
#Card QLabel {{ background: transparent; }}
#Card QLabel[role="cardTitle"] {{ font-size: {tx(m.tile_title)}px; font-weight: bold; }}
#Notice {{ background: {p.notice}; border-left: {px(10)}px solid {p.accent};
    border-radius: {px(12)}px; }}
#Notice QLabel {{ color: {p.on_notice}; font-size: {tx(m.small)}px; }}
#UrgentBanner {{ background: transparent; border: none; border-bottom: {px(4)}px solid {p.urgent};
    border-radius: 0; }}
#UrgentBanner QLabel {{ color: {p.urgent_text}; }}
#PageView[kind="red-flag"] {{ background: {p.urgent_tint}; border: {px(6)}px solid {p.urgent};
    border-radius: {px(m.radius)}px; }}
#PageView[kind="red-flag"] QScrollArea, #PageView[kind="red-flag"] QScrollArea > QWidget > QWidget {{
    background: {p.urgent_tint}; }}
#PageView[kind="red-flag"] QLabel[role="title"] {{ color: {p.urgent_text}; }}
#PageView[kind="red-flag"] QLabel[role="body"] {{ color: {p.urgent_text}; }}
QScrollBar:vertical {{ background: transparent; width: {px(14)}px; margin: 0; }}
QScrollBar::handle:vertical {{ background: {p.dot_inactive}; border-radius: {px(7)}px;
    min-height: {px(60)}px; }}
QScrollBar::add-line, QScrollBar::sub-line, QScrollBar::add-page, QScrollBar::sub-page {{
    background: none; height: 0; }}
QScrollBar:horizontal {{ height: 0; }}
{f"Picture {{ qproperty-frameColour: '{p.picture_frame}'; }}" if p.picture_frame else ""}
"""

    @property
    def line_height_percent(self) -> int:
        """Line spacing of page text, on top of the font's own (1.26 em): airy at 100 % (135 %, about
        1.7 em), closer as letters grow (100 % at 175 %, 1.26 em, still easy to track), so large
        text keeps ten lines on a 1280x800 screen."""
        return round(135 - (self.text_percent - 100) * 0.47)

    def font(self, pixel_size: int, bold: bool = False) -> "QFont":
        """The kiosk's font at a pixel size, for measuring words before a widget is styled."""
        from PySide6.QtGui import QFont

        font = QFont()
        font.setFamilies(list(FONT_FAMILIES))
        font.setPixelSize(pixel_size)
        font.setBold(bold)
        return font

    def body_css(self) -> str:
        """CSS for rich page text (QLabel rich text): spacing, headings and link colours."""
        p, m = self.palette, self.metrics
        px, tx, _cx = self.px, self.text_px, self.control_px
        return (
            f"p, li {{ line-height: {self.line_height_percent}%; }} "
            f"p {{ margin-top: 0px; margin-bottom: {px(18) if self.text_percent < 150 else px(12)}px; }} "
            f"ul, ol {{ margin-top: 0px; }} "  # a list stays close to the line that leads into it
            f"li {{ margin-bottom: {px(10) if self.text_percent < 150 else 0}px; }} "
            f"h2 {{ font-size: {tx(m.heading)}px; margin-top: {tx(14)}px; margin-bottom: {tx(10)}px; }} "
            f"h3, h4 {{ font-size: {tx(m.tile_title)}px; margin-top: {tx(10)}px; "
            f"margin-bottom: {tx(8)}px; }} "
            f"a {{ color: {p.accent}; font-weight: bold; }}"
        )
