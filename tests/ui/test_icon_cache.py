"""The icon cache: the first screen's icons come from PNGs qtawesome drew on an earlier start, look
exactly as qtawesome draws them, and a missing or broken cache just means qtawesome draws them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon, QImage

from kiosk.ui import icon_cache, resources

ICONS = [("fa5s.home", "#ffffff", 48), ("fa5s.arrow-left", "#24507a", 96), ("mdi6.walk", "#000000", 24)]

# Draws ICONS through resources.icon (as screens do), prints what it saw as JSON; "fill" then
# fills the cache as `kiosk run` does after its first paint. Compared between fresh processes that
# draw the same icons in the same order: qtawesome's antialiasing of a glyph depends slightly on
# which glyphs the process drew before, so only like is compared with like.
SCRIPT = """
import json, sys
from PySide6.QtCore import QSize, QBuffer, QByteArray
from PySide6.QtGui import QIcon, QImage
from PySide6.QtWidgets import QApplication
app = QApplication([])
from kiosk.ui import icon_cache, resources

def pixels(icon, size, mode=QIcon.Mode.Normal):
    image = icon.pixmap(QSize(size, size), mode).toImage().convertToFormat(QImage.Format.Format_ARGB32)
    return bytes(image.constBits()).hex()

icons = {icons!r}
seen = {{f"{{name}} {{size}}": pixels(resources.icon(name, colour), size) for name, colour, size in icons}}
seen["disabled"] = pixels(resources.icon("fa5s.play", "#ffffff"), 64, QIcon.Mode.Disabled)
report = {{"qtawesome_before": "qtawesome" in sys.modules, "seen": seen}}
if {fill!r}:
    report["written"] = icon_cache.fill()
    report["qtawesome_after"] = "qtawesome" in sys.modules
print(json.dumps(report))
"""


def _start(data_dir: Path, fill: bool) -> dict[str, Any]:
    """A fresh process, as a kiosk start: draws the icons, then (`fill`) fills the cache."""
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KIOSK_DATA_DIR": str(data_dir)}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT.format(icons=ICONS, fill=fill)],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    report: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    return report


def _cache_folder(data_dir: Path) -> Path:
    return data_dir / "icon-cache" / f"qtawesome-{icon_cache.qtawesome_version()}"


def test_the_second_start_draws_its_first_icons_from_the_cache_without_qtawesome(tmp_path: Path) -> None:
    first = _start(tmp_path, fill=True)
    assert first["qtawesome_before"] is True  # nothing cached yet: qtawesome drew them
    assert first["written"] == len(ICONS) + 1
    assert len(list(_cache_folder(tmp_path).glob("*.png"))) == len(ICONS) + 1
    for drawn in first["seen"].values():
        assert len(set(bytes.fromhex(drawn))) > 2  # real glyphs, not blank squares

    second = _start(tmp_path, fill=True)
    assert second["qtawesome_before"] is False  # every icon came from the cache
    assert second["written"] == 0
    assert second["qtawesome_after"] is True  # loaded after the first paint, for the next screens
    assert second["seen"] == first["seen"]  # pixel for pixel what qtawesome drew


@pytest.mark.parametrize("damage", ["garbage", "wrong size", "empty"])
def test_a_broken_cache_file_just_means_qtawesome_draws_the_icon(tmp_path: Path, damage: str) -> None:
    first = _start(tmp_path, fill=True)
    files = sorted(_cache_folder(tmp_path).glob("*.png"))
    for path in files:
        if damage == "garbage":
            path.write_bytes(b"\x89PNG not really")
        elif damage == "empty":
            path.write_bytes(b"")
        else:
            small = QImage(3, 3, QImage.Format.Format_ARGB32)
            small.fill(0xFFFF0000)
            assert small.save(str(path), "PNG")
    again = _start(tmp_path, fill=False)
    assert again["qtawesome_before"] is True
    assert again["seen"] == first["seen"]


def test_a_new_qtawesome_gets_a_new_cache_and_the_old_one_is_removed(tmp_path: Path) -> None:
    old = tmp_path / "icon-cache" / "qtawesome-0.0.1"
    old.mkdir(parents=True)
    (old / "stale.png").write_bytes(b"old drawing")
    report = _start(tmp_path, fill=True)
    assert report["written"] == len(ICONS) + 1
    assert not old.exists()
    assert [path.name for path in (tmp_path / "icon-cache").iterdir()] == [_cache_folder(tmp_path).name]


def test_an_unreadable_cache_folder_is_no_error(tmp_path: Path) -> None:
    clean = _start(tmp_path / "clean", fill=False)
    (tmp_path / "icon-cache").write_text("a file where the folder should be", encoding="utf-8")
    report = _start(tmp_path, fill=True)
    assert report["written"] == 0
    assert report["seen"] == clean["seen"]


def test_unknown_names_give_the_book_icon(qtbot: Any) -> None:
    def pixels(icon: QIcon) -> QImage:
        return icon.pixmap(QSize(48, 48)).toImage().convertToFormat(QImage.Format.Format_ARGB32)

    unknown = resources.icon("fa5s.no-such-icon", "#000000")
    assert pixels(unknown) == pixels(resources.icon("fa5s.book-open", "#000000"))
    assert pixels(unknown) != pixels(resources.icon("fa5s.home", "#000000"))
