"""Icons without qtawesome in the kiosk's process: one glyph mask per icon name, drawn once.

qtawesome in the kiosk's own process costs about 45 MB that never come back (importing it goes
through qtpy, which wraps every Qt module, and its first icon loads a dozen icon fonts and their
character maps) and about 200 ms. A kiosk shows a few dozen icon names, so qtawesome draws each
name once, white on transparent, `MASK_PX` square, and keeps its alpha channel as raw bytes
(`fa5s.play.alpha8`) in `<data dir>/icon-cache/qtawesome-<version>-alpha8-masks-<size>/`: read back
with no image decoder (decoding a PNG also made Qt look through its image-format plugins, about
1 ms before the first frame). The kiosk tints and scales that mask
for every colour, size and mode it shows (`IconEngine`). A new qtawesome gets a new folder, and
the old one is removed when the new one is filled. A new pack's topic icons are drawn when it
goes live (`MainWindow.set_pack`).

- The masks are drawn by a short-lived helper process (`python -m kiosk.ui.icon_cache NAME ...`),
  for every name the kiosk can show that has none yet: its own (`UI_ICONS`), the pack's topic
  icons and any asked for so far. The helper exits when done, so its memory is given back.
- `kiosk run` waits for it before it builds the kiosk window (`fill_and_wait`; only the first
  start after an install, or after a new qtawesome, lacks masks: about a second), and so does a
  new pack before its Home shows. The start screen drawn from its record is not shown while the
  cache folder is missing (`first_screen`). Once the first frame is on screen, `fill` has the
  helper draw any name asked for since (`first_paint`).
- A name still without a usable mask (the helper too slow or failing, a missing, unreadable or
  odd-sized file) is drawn by qtawesome in this process, as qtawesome always draws it, and its
  mask is written then, so a broken cache costs time and memory until the next start, never an
  icon.

A tinted mask is what qtawesome draws at that size within antialiasing, since qtawesome itself
drew the glyph, only larger (`tests/ui/test_icon_cache.py` compares them).
"""

from __future__ import annotations

import contextlib
import importlib.util
import logging
import os
import re
import sys
from collections import OrderedDict
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QIconEngine, QImage, QPainter, QPixmap

if TYPE_CHECKING:
    import subprocess

log = logging.getLogger(__name__)

FALLBACK_ICON = "fa5s.book-open"
"""Shown for a name qtawesome does not know, instead of an error."""
UI_ICONS = (
    "fa5s.adjust",
    "fa5s.arrow-circle-right",
    "fa5s.arrow-left",
    "fa5s.arrow-right",
    "fa5s.book-open",
    "fa5s.check",
    "fa5s.check-circle",
    "fa5s.chevron-left",
    "fa5s.chevron-right",
    "fa5s.exclamation-triangle",
    "fa5s.globe-americas",
    "fa5s.home",
    "fa5s.info-circle",
    "fa5s.life-ring",
    "fa5s.pause",
    "fa5s.play",
    "fa5s.undo-alt",
    "fa5s.user-md",
    "fa5s.volume-down",
    "fa5s.volume-off",
    "fa5s.volume-up",
    "mdi6.speedometer",
    "mdi6.tortoise",
)
"""Every icon the kiosk's own screens use (a test checks the source for any other); packs add
their topics' icons."""
MASK_PX = 192
"""A mask's side in pixels: the largest icon on a 4K screen, so masks are only ever scaled down."""
MASK_BYTES = MASK_PX * MASK_PX
"""A mask file's exact size: one alpha byte per pixel, row after row."""
MASK_SUFFIX = ".alpha8"
MAX_CACHED_FILES = 300
"""Files the cache folder may hold; beyond that nothing more is written."""
KEPT_MASKS = 64
"""Masks held in memory (about 37 KB each), least recently used out first."""

_Mode = QIcon.Mode
TRANSPARENT = QColor(0, 0, 0, 0)
_qtawesome_loaded = False
_asked: set[str] = set()
_written_here: set[str] = set()
_masks: OrderedDict[str, QImage] = OrderedDict()


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
    return cache_root() / f"qtawesome-{version}-alpha8-masks-{MASK_PX}" if version else None


MASKED_NAME = re.compile(r"[a-z0-9]+\.[a-z0-9-]{1,100}")
"""Icon names that have a mask file, named after the icon (`fa5s.play.alpha8`): every name the kiosk
shows has this shape (pack topic icons are checked against it), so a file name needs no hashing,
which would load OpenSSL before the first frame. Any other name is drawn by qtawesome."""


def mask_file(name: str) -> Path | None:
    folder = cache_folder()
    if folder is None or MASKED_NAME.fullmatch(name) is None:
        return None
    return folder / f"{name}{MASK_SUFFIX}"


def glyph_mask(name: str) -> QImage | None:
    """The name's mask (alpha only) from the cache, or None when there is no usable one."""
    found = _masks.get(name)
    if found is not None:
        _masks.move_to_end(name)
        return found
    path = mask_file(name)
    if path is None or not path.is_file():
        return None
    try:
        with path.open("rb") as stream:
            data = stream.read(MASK_BYTES + 1)
    except OSError:
        data = b""
    if len(data) != MASK_BYTES:
        log.info("icon cache file %s unusable; qtawesome draws the icon", path.name)
        return None
    mask = QImage(data, MASK_PX, MASK_PX, MASK_PX, QImage.Format.Format_Alpha8).copy()  # owns its pixels
    _masks[name] = mask
    if len(_masks) > KEPT_MASKS:
        _masks.popitem(last=False)
    return mask


def tinted(mask: QImage, colour: str, size: QSize) -> QPixmap:
    """The mask scaled to fit `size` (centred, as qtawesome centres its glyph), in `colour`.

    The start screen's icons are made here before its first frame, so nothing here names the `Qt`
    namespace (`input_settings`), not even through a call whose overloads take one of its enums
    (`QImage.fill`, `QPainter.setBrush`, `fillRect`): the colour is a pixmap filled with it, laid
    over the mask with SourceIn, and `smoothScaled` is what `scaled` does for a square mask."""
    out = QPixmap(size)
    out.fill(TRANSPARENT)
    side = max(1, min(size.width(), size.height()))
    scaled = mask.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied).smoothScaled(side, side)
    colour_layer = QPixmap(side, side)
    colour_layer.fill(QColor(colour))
    place = QRect((size.width() - side) // 2, (size.height() - side) // 2, side, side)
    painter = QPainter(out)
    painter.drawImage(place, scaled)
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
    painter.drawPixmap(place.topLeft(), colour_layer)
    painter.end()
    return out


def _colour_for(colour: str, mode: QIcon.Mode) -> str:
    """qtawesome greys a disabled icon with the palette's disabled text colour (which the theme sets)."""
    if mode != _Mode.Disabled:
        return colour
    from PySide6.QtGui import QPalette  # no start screen icon is disabled: loaded when one is

    palette = QGuiApplication.palette()
    return str(palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text).name())


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


def _write_masks(names: Iterable[str], replace: bool = False) -> int:
    """Draw each name with qtawesome (in this process) and write its mask, also in place of an
    unusable one with `replace`; the number written. Errors (a full or read-only disk, a file where
    the folder should be ...) are logged: the cache is only a shortcut."""
    folder = cache_folder()
    if folder is None:
        return 0
    written = 0
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _remove_other_versions(folder)
        room = MAX_CACHED_FILES - sum(1 for _ in folder.glob(f"*{MASK_SUFFIX}"))
        for name in names:
            path = mask_file(name)
            if path is None or (path.is_file() and not replace) or written >= room:
                continue
            drawn = qtawesome_icon(name, "#ffffff").pixmap(QSize(MASK_PX, MASK_PX))
            temporary = path.with_suffix(f".{os.getpid()}.tmp")
            temporary.write_bytes(_alpha_bytes(drawn.toImage()))
            os.replace(temporary, path)
            written += 1
    except Exception as error:
        log.warning("icon cache not written (%s); qtawesome draws the icons", error)
    return written


def _alpha_bytes(drawn: QImage) -> bytes:
    """The drawing's alpha channel, `MASK_PX` square (a screen that doubles pixels draws it larger),
    as `MASK_BYTES` raw bytes."""
    if drawn.size() != QSize(MASK_PX, MASK_PX):
        from PySide6.QtCore import Qt  # masks are written after the first frame

        drawn = drawn.scaled(
            MASK_PX, MASK_PX, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
    alpha = drawn.convertToFormat(QImage.Format.Format_Alpha8)
    if alpha.size() != QSize(MASK_PX, MASK_PX):  # not square: no mask, qtawesome keeps drawing it
        raise ValueError(f"a drawing of {alpha.width()}x{alpha.height()} px is no {MASK_PX} px mask")
    pixels, stride = bytes(alpha.constBits()), alpha.bytesPerLine()
    return b"".join(pixels[row * stride : row * stride + MASK_PX] for row in range(MASK_PX))


def _drawn_by_qtawesome(name: str, colour: str, size: QSize, mode: QIcon.Mode) -> QPixmap:
    pixmap = qtawesome_icon(name, colour).pixmap(size, mode, QIcon.State.Off)
    if name not in _written_here:  # qtawesome is loaded now anyway: the next start needs no helper
        _written_here.add(name)
        _write_masks([name], replace=True)  # there was none, or it could not be used
    return pixmap


class IconEngine(QIconEngine):
    """One icon name in one colour, at whatever size it is asked for: the name's mask tinted
    and scaled, or qtawesome's drawing while there is no mask. Each size and mode is made once
    and kept (a button asks for its icon on every paint)."""

    KEPT_SIZES = 8

    def __init__(self, name: str, colour: str) -> None:
        super().__init__()
        self.name, self.colour = name, colour
        self._made: dict[tuple[int, int, str], QPixmap] = {}
        _asked.add(name)

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        # Called from C++: an exception escaping here would crash the kiosk, so none may.
        try:
            return self._pixmap(size, mode)
        except Exception:
            log.exception("icon %r could not be drawn", self.name)
            blank = QPixmap(size)
            blank.fill(TRANSPARENT)
            return blank

    def _pixmap(self, size: QSize, mode: QIcon.Mode) -> QPixmap:
        key = (size.width(), size.height(), mode.name)
        found = self._made.get(key)
        if found is not None:
            return found
        colour = _colour_for(self.colour, mode)
        mask = glyph_mask(self.name)
        if mask is not None:
            found = tinted(mask, colour, size)
        else:
            found = _drawn_by_qtawesome(self.name, self.colour, size, mode)
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


def missing_masks(names: Iterable[str] = ()) -> list[str]:
    """Names among `UI_ICONS`, `names` and those asked for so far that have no mask file yet."""
    wanted = sorted(set(UI_ICONS) | set(names) | _asked)
    missing = []
    for name in wanted:
        path = mask_file(name)
        if path is not None and not path.is_file():
            missing.append(name)
    return missing


def fill(names: Iterable[str] = ()) -> subprocess.Popen[bytes] | None:
    """Have every mask the kiosk may need drawn (see the module's docstring): by the helper process
    it returns (reaped in the background), or here when qtawesome is loaded here already. None
    when nothing was missing or the cache cannot be written (logged: it is only a shortcut)."""
    try:
        missing = missing_masks(names)
    except OSError as error:
        log.warning("icon cache not readable (%s); qtawesome draws the icons", error)
        return None
    if not missing:
        return None
    if _qtawesome_loaded:
        _write_masks(missing)
        return None
    folder = cache_folder()
    try:  # a helper that cannot write would only make a start wait for nothing
        if folder is None:
            return None
        folder.mkdir(parents=True, exist_ok=True)
        if not os.access(folder, os.W_OK):
            raise PermissionError(f"{folder} is not writable")
    except OSError as error:
        log.warning("icon cache not writable (%s); qtawesome draws the icons", error)
        return None
    import subprocess  # here: the first frame does not wait for it
    import threading

    command = [sys.executable, "-m", "kiosk.ui.icon_cache", *missing]
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    try:
        helper = subprocess.Popen(
            command, env=environment, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL
        )
    except OSError as error:
        log.warning("icon cache helper not started (%s); qtawesome draws the icons", error)
        return None
    threading.Thread(target=_reap, args=(helper,), name="icon-cache-helper", daemon=True).start()
    return helper


def fill_and_wait(names: Iterable[str], seconds: float) -> None:
    """`fill`, then wait for its helper at most `seconds`: for a moment when the kiosk can wait and
    is about to show icons it may lack (the first start after an install, a new pack going live).
    Without the wait, qtawesome would draw them in the kiosk's own process, and its 25-45 MB would
    stay there until the kiosk next restarts, which may be months away. Past `seconds`, it does."""
    helper = fill(names)
    if helper is not None:
        import subprocess

        with contextlib.suppress(subprocess.TimeoutExpired):
            helper.wait(seconds)


def _reap(helper: subprocess.Popen[bytes]) -> None:
    status = helper.wait()
    if status != 0:
        log.warning("icon cache helper ended with status %d; qtawesome draws what it lacks", status)


def _remove_other_versions(keep: Path) -> None:
    for other in keep.parent.iterdir():
        if other != keep and other.name.startswith("qtawesome-"):
            import shutil

            shutil.rmtree(other, ignore_errors=True)


def main(names: list[str]) -> int:
    """The helper: draw each name's mask with qtawesome, then exit (its memory goes with it)."""
    from PySide6.QtWidgets import QApplication

    logging.basicConfig(level=logging.WARNING, format="icon cache: %(message)s")
    _application = QApplication.instance() or QApplication([])
    _write_masks(name for name in names if MASKED_NAME.fullmatch(name))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
