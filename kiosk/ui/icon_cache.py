"""Icons for the first screen from PNGs that qtawesome drew on an earlier start.

Importing qtawesome is a noticeable part of start-up (about 200 ms on a quiet 2-core machine, more
on a busy one): it goes through qtpy, which creates every Qt widget type, and its first icon loads
a dozen icon fonts. The first screen only needs a handful of icons, so those come from a small
cache of PNG files: one per icon name, colour, size in device pixels (so the screen's device pixel
ratio is part of it) and mode, in `<data dir>/icon-cache/qtawesome-<version>/`. A new qtawesome
gets a new folder, and the old one is removed when the new one is filled.

- Every icon the kiosk shows is an `IconEngine`: it asks the cache first while qtawesome is not
  loaded, and qtawesome itself otherwise. A missing, unreadable or odd-sized PNG just means
  qtawesome draws that icon (imported there and then), so a broken cache costs time, never icons.
- `fill()`, which `kiosk run` calls once the first frame is on screen (`first_paint`): qtawesome
  is imported, and every icon asked for before that frame is written to the cache (as it was
  shown), so the next start finds them.
  From then on every icon, also on later screens, is drawn by qtawesome.

Cached PNGs are qtawesome's own pixmaps written losslessly, so an icon looks the same pixel for
pixel whichever way it came (`tests/ui/test_icon_cache.py`).
"""

from __future__ import annotations

import hashlib
import importlib.util
import logging
import os
import re
import shutil
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap

log = logging.getLogger(__name__)

FALLBACK_ICON = "fa5s.book-open"
"""Shown for a name qtawesome does not know, instead of an error."""
MAX_CACHED_FILES = 300
"""Files the cache folder may hold; beyond that nothing more is written (a first screen needs ~20)."""

_State = QIcon.State
_Mode = QIcon.Mode
IconKey = tuple[str, str, int, int, str, str]
"""(name, colour, width and height in device pixels, mode, disabled colour)."""

_qtawesome_loaded = False
_first_screen: dict[IconKey, QPixmap | None] = {}
"""Icons asked for before the first paint: what `fill` writes to the cache. Each holds the pixmap
qtawesome drew and the screen showed (None: it came from the cache), so the cache keeps exactly
what was shown (qtawesome's antialiasing varies slightly with what it drew before)."""
_filled = False


@lru_cache(maxsize=1)
def qtawesome_version() -> str | None:
    """qtawesome's version, read from its `_version.py` without importing it (None: not found)."""
    spec = importlib.util.find_spec("qtawesome")
    locations = list(spec.submodule_search_locations or []) if spec else []
    if not locations:
        return None
    try:
        text = (Path(locations[0]) / "_version.py").read_text(encoding="utf-8")
    except OSError:
        return None
    found = re.search(r"version_info\s*=\s*\(([\d,\s]+)\)", text)
    return ".".join(part.strip() for part in found.group(1).split(",") if part.strip()) if found else None


def cache_root() -> Path:
    from kiosk.session.paths import data_dir

    return data_dir() / "icon-cache"


def cache_folder() -> Path | None:
    """This qtawesome's cache folder (None when its version cannot be read: no cache then)."""
    version = qtawesome_version()
    return cache_root() / f"qtawesome-{version}" if version else None


def _file_for(key: IconKey) -> Path | None:
    folder = cache_folder()
    if folder is None:
        return None
    return folder / (hashlib.sha256(repr(key).encode()).hexdigest()[:32] + ".png")


def _disabled_colour(mode: QIcon.Mode) -> str:
    """qtawesome greys a disabled icon with the palette's disabled text colour (which the theme sets)."""
    if mode != _Mode.Disabled:
        return ""
    palette = QGuiApplication.palette()
    return palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text).name()


def _key(name: str, colour: str, size: QSize, mode: QIcon.Mode) -> IconKey:
    return (name, colour, size.width(), size.height(), mode.name, _disabled_colour(mode))


def _from_cache(key: IconKey) -> QPixmap | None:
    path = _file_for(key)
    if path is None or not path.is_file():
        return None
    pixmap = QPixmap()
    pixmap.load(str(path))
    if pixmap.isNull() or (pixmap.width(), pixmap.height()) != (key[2], key[3]):
        log.info("icon cache file %s unusable; qtawesome draws the icon", path.name)
        return None
    return pixmap


@lru_cache(maxsize=512)
def qtawesome_icon(name: str, colour: str) -> QIcon:
    """qtawesome's icon (imported here, on first use); an unknown name gives `FALLBACK_ICON`."""
    global _qtawesome_loaded
    import qtawesome

    _qtawesome_loaded = True
    try:
        found: QIcon = qtawesome.icon(name, color=colour)
    except Exception:  # qtawesome raises plain Exception for unknown names
        log.warning("unknown icon %r; using a book icon", name)
        found = qtawesome.icon(FALLBACK_ICON, color=colour)
    return found


def _drawn_by_qtawesome(name: str, colour: str, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
    return qtawesome_icon(name, colour).pixmap(size, mode, state)


class IconEngine(QIconEngine):
    """One icon name in one colour, at whatever size it is asked for: from the cache before
    qtawesome is loaded, from qtawesome after. Each size and mode is made once and kept (a
    button asks for its icon on every paint)."""

    KEPT_SIZES = 8

    def __init__(self, name: str, colour: str) -> None:
        super().__init__()
        self.name, self.colour = name, colour
        self._made: dict[IconKey, QPixmap] = {}

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        # Called from C++: an exception escaping here would crash the kiosk, so none may.
        try:
            return self._pixmap(size, mode, state)
        except Exception:
            log.exception("icon %r could not be drawn", self.name)
            blank = QPixmap(size)
            blank.fill(Qt.GlobalColor.transparent)
            return blank

    def _pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        key = _key(self.name, self.colour, size, mode)
        found = self._made.get(key)
        if found is not None:
            return found
        found = None if _qtawesome_loaded else _from_cache(key)
        drawn = None
        if found is None:
            found = drawn = _drawn_by_qtawesome(self.name, self.colour, size, mode, state)
        if not _filled and len(_first_screen) < MAX_CACHED_FILES:
            _first_screen.setdefault(key, drawn)
        if len(self._made) >= self.KEPT_SIZES:
            self._made.pop(next(iter(self._made)))
        self._made[key] = found
        return found

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        try:
            device = painter.device()
            ratio = device.devicePixelRatioF() if device is not None else 1.0
        except Exception:  # called from C++: see `pixmap`
            ratio = 1.0
        size = QSize(max(1, round(rect.width() * ratio)), max(1, round(rect.height() * ratio)))
        painter.drawPixmap(rect, self.pixmap(size, mode, state))

    def clone(self) -> QIconEngine:
        return IconEngine(self.name, self.colour)


@lru_cache(maxsize=512)
def cached_icon(name: str, colour: str) -> QIcon:
    """The icon `name` in `colour`, made once and shared: every screen asks for the same few."""
    return QIcon(IconEngine(name, colour))


def fill() -> int:
    """Import qtawesome (so the next screen's icons do not wait for it), write each icon asked for
    so far that the cache lacks; the number of files written. Errors (a read-only disk ...) are
    logged: the cache is only a shortcut."""
    global _filled
    _filled = True
    qtawesome_icon(FALLBACK_ICON, "#000000")  # imports qtawesome and loads its fonts now, not at a tap
    folder = cache_folder()
    wanted = list(_first_screen.items())
    _first_screen.clear()
    if folder is None:
        return 0
    written = 0
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _remove_other_versions(folder)
        room = MAX_CACHED_FILES - sum(1 for _ in folder.glob("*.png"))
        for key, shown in wanted:
            path = _file_for(key)
            if path is None or path.is_file() or written >= room:
                continue
            name, colour, width, height, mode_name, _disabled = key
            mode = getattr(_Mode, mode_name)
            pixmap = shown or _drawn_by_qtawesome(name, colour, QSize(width, height), mode, _State.Off)
            temporary = path.with_suffix(f".{os.getpid()}.tmp")
            if not pixmap.save(str(temporary), "PNG"):
                raise OSError(f"could not write {temporary}")
            os.replace(temporary, path)
            written += 1
    except Exception as error:  # a full or read-only disk, a file where the folder should be ...
        log.warning("icon cache not written (%s); qtawesome draws the first screen's icons", error)
    return written


def _remove_other_versions(keep: Path) -> None:
    for other in keep.parent.iterdir():
        if other != keep and other.name.startswith("qtawesome-"):
            shutil.rmtree(other, ignore_errors=True)
