"""Font Awesome icons drawn straight from the font qtawesome ships, without importing qtawesome.

Importing qtawesome costs a noticeable part of the kiosk's start (about 200 ms on a quiet
2-core machine, more on a busy one): it goes through qtpy, whose `from PySide6.QtWidgets import *`
creates every Qt type, and its first icon loads all a dozen icon fonts it bundles. Every icon the
kiosk itself draws, and those the bundled pack names, are Font Awesome 5 solid (`fa5s.*`), so
those are drawn here the way qtawesome draws them (the glyph at 7/8 of the icon's height,
centred, in the font's Solid style, the disabled colour from the application palette), from
qtawesome's own font file and character map, which are found without running its code. Any
other prefix a pack may name (`mdi6.`, `ph.` ...) still goes through qtawesome
(`resources.icon`), imported the first time one is needed.
"""

from __future__ import annotations

import importlib.util
import json
import logging
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QIcon,
    QIconEngine,
    QPainter,
    QPalette,
    QPixmap,
)

log = logging.getLogger(__name__)

PREFIX = "fa5s"
GLYPH_SCALE = 0.875
"""qtawesome's glyph size for an icon: a 16 px icon gets a 14 px glyph (room for the bearing)."""


def _qtawesome_fonts() -> Path | None:
    """qtawesome's `fonts` folder, found without importing the package."""
    spec = importlib.util.find_spec("qtawesome")
    locations = list(spec.submodule_search_locations or []) if spec else []
    return Path(locations[0]) / "fonts" if locations else None


@lru_cache(maxsize=1)
def _solid_font() -> tuple[str, dict[str, str]] | None:
    """(font family, icon name -> character) for Font Awesome 5 solid; None if it cannot be used."""
    folder = _qtawesome_fonts()
    fonts = sorted(folder.glob("fontawesome5-solid-webfont-*.ttf")) if folder else []
    charmaps = sorted(folder.glob("fontawesome5-solid-webfont-charmap-*.json")) if folder else []
    if not fonts or not charmaps:
        return None
    try:
        codes = json.loads(charmaps[-1].read_text(encoding="utf-8"))
        characters = {name: chr(int(code, 16)) for name, code in codes.items()}
    except (OSError, ValueError, TypeError) as error:
        log.warning("Font Awesome character map unreadable (%s); icons go through qtawesome", error)
        return None
    font_id = QFontDatabase.addApplicationFont(str(fonts[-1]))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        log.warning("Font Awesome font %s could not be loaded; icons go through qtawesome", fonts[-1])
        return None
    return families[0], characters


class GlyphIconEngine(QIconEngine):
    """Draws one glyph in one colour at whatever size the icon is asked for (sharp at every size).

    Each size and mode is drawn once and kept (a button asks for its icon on every paint, and
    screens share their icons through `glyph_icon`), so a screen change draws no glyphs."""

    KEPT_SIZES = 8

    def __init__(self, family: str, character: str, colour: str) -> None:
        super().__init__()
        self.family, self.character, self.colour = family, character, colour
        self._drawn: dict[tuple[int, int, bool], QPixmap] = {}

    def _draw(self, painter: QPainter, rect: QRect, disabled: bool) -> None:
        colour = QColor(self.colour)
        if disabled:
            colour = QGuiApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        painter.setPen(colour)
        font = QFont()
        font.setFamily(self.family)
        font.setPixelSize(round(GLYPH_SCALE * rect.height()))
        font.setStyleName("Solid")
        painter.setFont(font)
        painter.drawText(
            rect, int(Qt.AlignmentFlag.AlignCenter | Qt.AlignmentFlag.AlignVCenter), self.character
        )

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        painter.drawPixmap(rect, self.pixmap(rect.size(), mode, state))

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        disabled = mode == QIcon.Mode.Disabled
        key = (size.width(), size.height(), disabled)
        found = self._drawn.get(key)
        if found is None:
            found = QPixmap(size)
            found.fill(Qt.GlobalColor.transparent)
            painter = QPainter(found)
            self._draw(painter, QRect(QPoint(0, 0), size), disabled)
            painter.end()
            if len(self._drawn) >= self.KEPT_SIZES:
                self._drawn.pop(next(iter(self._drawn)))
            self._drawn[key] = found
        return found

    def clone(self) -> QIconEngine:
        return GlyphIconEngine(self.family, self.character, self.colour)


@lru_cache(maxsize=512)
def glyph_icon(name: str, colour: str) -> QIcon | None:
    """The `fa5s.*` icon `name` in `colour`; None for another prefix or a name the font lacks.

    Made once per name and colour and shared, as qtawesome shares its icons: every screen asks
    for the same few, so a screen change makes no new icon engines."""
    prefix, _, glyph = name.partition(".")
    if prefix != PREFIX:
        return None
    font = _solid_font()
    if font is None or glyph not in font[1]:
        return None
    family, characters = font
    return QIcon(GlyphIconEngine(family, characters[glyph], colour))
