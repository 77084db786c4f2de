"""Loading fonts, icons and pictures: the only module that reads files for the UI.

Pictures come from a pack the loader has already checked (paths inside the pack, SVG without
external references, bounded image sizes); here they are decoded once per size and cached.
A picture that cannot be drawn yields None and is logged, so a screen shows a calm placeholder
rather than crashing.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontDatabase, QIcon, QImageReader, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from kiosk.ui.glyph_icons import glyph_icon
from kiosk.ui.theme import FONT_FAMILY

log = logging.getLogger(__name__)

MAX_IMAGE_PIXELS = 40_000_000


def register_fonts() -> str:
    """Register Atkinson Hyperlegible (regular, bold, italics) and return the family name.

    The font files are package data of their own package, read through `importlib.resources`
    (as bytes, so they load from any kind of install)."""
    fonts = files("fontpkg_atkinson_hyperlegible") / "files"
    for name in ("Regular", "Bold", "Italic", "BoldItalic"):
        font = fonts / f"AtkinsonHyperlegible-{name}.ttf"
        if font.is_file() and QFontDatabase.addApplicationFontFromData(font.read_bytes()) < 0:
            log.warning("could not register font %s", font)
    if FONT_FAMILY not in QFontDatabase.families():
        log.warning("font %s is missing; text falls back to the system font", FONT_FAMILY)
    return FONT_FAMILY


def icon(name: str, colour: str) -> QIcon:
    """A qtawesome icon name drawn in `colour`; an unknown name gives a neutral book icon instead
    of an error. Font Awesome 5 solid icons are drawn from its font without importing qtawesome
    (`glyph_icons`: that import is a large part of start-up); other prefixes go through qtawesome."""
    found_glyph = glyph_icon(name, colour)
    if found_glyph is not None:
        return found_glyph
    import qtawesome  # only for icon sets the kiosk's own glyph drawing does not cover

    try:
        found: QIcon = qtawesome.icon(name, color=colour)
    except Exception:  # qtawesome raises plain Exception for unknown names
        log.warning("unknown icon %r; using a book icon", name)
        found = qtawesome.icon("fa5s.book-open", color=colour)
    return found


PICTURE_CACHE_BYTES = 12 * 1024 * 1024
"""Drawn pictures kept for reuse: about two full-page pictures and a screen of thumbnails.

Bounded by bytes, not by count: a count bound lets a pack with many large pictures hold hundreds
of megabytes. Drawing a pack SVG again costs a few milliseconds, so a small cache is enough."""

_pictures: OrderedDict[tuple[str, int, int, float], QPixmap | None] = OrderedDict()
_pictures_bytes = 0


def _pixmap_bytes(pixmap: QPixmap | None) -> int:
    return 0 if pixmap is None else pixmap.width() * pixmap.height() * max(1, pixmap.depth() // 8)


def _cached_render(path_text: str, width: int, height: int, ratio: float) -> QPixmap | None:
    """`_render`, remembered least-recently-used first out within `PICTURE_CACHE_BYTES`.

    A picture that cannot be drawn is remembered too (as None), so it is logged once, not per paint.
    """
    global _pictures_bytes
    key = (path_text, width, height, ratio)
    if key in _pictures:
        _pictures.move_to_end(key)
        return _pictures[key]
    pixmap = _render(path_text, width, height, ratio)
    _pictures[key] = pixmap
    _pictures_bytes += _pixmap_bytes(pixmap)
    while _pictures_bytes > PICTURE_CACHE_BYTES and len(_pictures) > 1:
        _old_key, old = _pictures.popitem(last=False)
        _pictures_bytes -= _pixmap_bytes(old)
    return pixmap


def _render(path_text: str, width: int, height: int, ratio: float) -> QPixmap | None:
    path = Path(path_text)
    size = QSize(max(1, round(width * ratio)), max(1, round(height * ratio)))
    pixmap = QPixmap(size)
    pixmap.fill(QColor(0, 0, 0, 0))
    if path.suffix.lower() == ".svg":
        renderer = QSvgRenderer(str(path))
        if not renderer.isValid():
            log.warning("picture %s cannot be drawn", path)
            return None
        renderer.setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
        painter = QPainter(pixmap)
        renderer.render(painter, QRectF(0, 0, size.width(), size.height()))
        painter.end()
    else:
        reader = QImageReader(str(path))
        source = reader.size()
        if not source.isValid() or source.width() * source.height() > MAX_IMAGE_PIXELS:
            log.warning("picture %s is missing or too large to draw", path)
            return None
        reader.setScaledSize(source.scaled(size, Qt.AspectRatioMode.KeepAspectRatio))
        image = reader.read()
        if image.isNull():
            log.warning("picture %s cannot be read: %s", path, reader.errorString())
            return None
        painter = QPainter(pixmap)
        painter.drawImage((size.width() - image.width()) // 2, (size.height() - image.height()) // 2, image)
        painter.end()
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


def picture(path: Path, width: int, height: int, ratio: float = 1.0) -> QPixmap | None:
    """The picture at `path` drawn to fit `width` x `height` logical px, keeping its proportions."""
    return _cached_render(str(path), width, height, ratio)


@lru_cache(maxsize=1024)
def picture_aspect(path: Path) -> float:
    """Height / width of a picture (0.75 for the pack's 800x600 drawings); 0.75 if unknown."""
    if path.suffix.lower() == ".svg":
        box = QSvgRenderer(str(path)).viewBoxF()
        if box.width() > 0 and box.height() > 0:
            return box.height() / box.width()
    else:
        size = QImageReader(str(path)).size()
        if size.isValid() and size.width() > 0:
            return size.height() / size.width()
    return 0.75
