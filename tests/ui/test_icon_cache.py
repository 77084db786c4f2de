"""The icon cache: the kiosk's process never loads qtawesome (25-45 MB that stay, and 200 ms), not
even at the first start after an install, which waits for a helper to draw the masks: every icon
is a glyph mask qtawesome drew once, tinted and scaled, and looks as qtawesome draws it; a mask
still missing or broken just means qtawesome draws the icon as before."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon, QImage
from uihelpers import settle

from kiosk.ui import icon_cache, main_window, resources

ICONS = [("fa5s.home", "#ffffff", 48), ("fa5s.arrow-left", "#24507a", 96), ("mdi6.walk", "#000000", 24)]
UI_SOURCE = Path(icon_cache.__file__).parent

# Draws ICONS through resources.icon (as screens do), prints what it saw as JSON (each icon's
# alpha values and its middle pixel's colour); "fill" then fills the cache as `kiosk run` does
# after its first paint, with the pack's icons, and waits for the helper it started.
SCRIPT = """
import json, sys
from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon, QImage
from PySide6.QtWidgets import QApplication
app = QApplication([])
from kiosk.ui import icon_cache, resources

def seen(icon, size, mode=QIcon.Mode.Normal):
    image = icon.pixmap(QSize(size, size), mode).toImage().convertToFormat(QImage.Format.Format_ARGB32)
    alphas = [image.pixelColor(x, y).alpha() for y in range(size) for x in range(size)]
    opaque = [image.pixelColor(x, y).name() for y in range(size) for x in range(size)
              if image.pixelColor(x, y).alpha() == 255]
    return {{"alphas": alphas, "colour": opaque[0] if opaque else None}}

icons = {icons!r}
shown = {{f"{{name}} {{size}}": seen(resources.icon(name, colour), size) for name, colour, size in icons}}
shown["disabled"] = seen(resources.icon("fa5s.play", "#ffffff"), 64, QIcon.Mode.Disabled)
report = {{"qtawesome_before": "qtawesome" in sys.modules, "seen": shown}}
if {fill!r}:
    helper = icon_cache.fill({pack_icons!r})
    report["helper"] = helper is not None
    if helper is not None:
        report["helper_status"] = helper.wait(60)
    report["qtawesome_after"] = "qtawesome" in sys.modules
print(json.dumps(report))
"""


def _start(data_dir: Path, fill: bool, pack_icons: tuple[str, ...] = ()) -> dict[str, Any]:
    """A fresh process, as a kiosk start: draws the icons, then (`fill`) fills the cache."""
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KIOSK_DATA_DIR": str(data_dir)}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT.format(icons=ICONS, fill=fill, pack_icons=pack_icons)],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    report: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    return report


def _cache_folder(data_dir: Path) -> Path:
    folder = icon_cache.cache_folder()
    assert folder is not None
    return data_dir / "icon-cache" / folder.name


def _masks(data_dir: Path) -> list[Path]:
    return sorted(_cache_folder(data_dir).glob(f"*{icon_cache.MASK_SUFFIX}"))


def assert_look_alike(first: dict[str, Any], second: dict[str, Any]) -> None:
    """The same icons: same colour where solid, and the same shape within antialiasing (a mask is
    qtawesome's own glyph drawn larger and scaled down, so only its edge pixels may differ)."""
    assert first.keys() == second.keys()
    for label in first:
        a, b = first[label]["alphas"], second[label]["alphas"]
        assert len(a) == len(b)
        assert first[label]["colour"] == second[label]["colour"], label
        differences = [abs(x - y) for x, y in zip(a, b, strict=True)]
        assert sum(differences) / len(differences) < 12, label
        assert 0.85 <= sum(a) / max(1, sum(b)) <= 1.15, label  # as much ink: the same glyph


def test_after_the_first_start_the_kiosk_never_loads_qtawesome(tmp_path: Path) -> None:
    first = _start(tmp_path, fill=True, pack_icons=("mdi6.walk", "fa5s.heart"))
    assert first["qtawesome_before"] is True  # nothing cached yet: qtawesome drew them, here
    assert first["helper"] is False  # and so, already loaded, it drew the missing masks here too
    names = set(icon_cache.UI_ICONS) | {name for name, _colour, _size in ICONS} | {"mdi6.walk", "fa5s.heart"}
    assert len(_masks(tmp_path)) == len(names)
    second = _start(tmp_path, fill=True, pack_icons=("mdi6.walk", "fa5s.heart"))
    assert second["qtawesome_before"] is False  # every icon was a tinted mask
    assert second["helper"] is False  # nothing was missing
    assert second["qtawesome_after"] is False
    assert_look_alike(first["seen"], second["seen"])


def test_the_likeness_check_tells_two_icons_apart(tmp_path: Path) -> None:
    shown = _start(tmp_path, fill=False)["seen"]
    home, walk = shown["fa5s.home 48"], shown["mdi6.walk 24"]
    other = dict(shown, **{"fa5s.home 48": {**home, "alphas": home["alphas"][::-1]}})
    with pytest.raises(AssertionError):
        assert_look_alike(shown, other)  # the same ink, mirrored
    assert walk["alphas"] != home["alphas"][: len(walk["alphas"])]


def test_masks_a_start_lacks_are_drawn_by_a_helper_process_not_the_kiosk(tmp_path: Path) -> None:
    _start(tmp_path, fill=True)
    before = set(_masks(tmp_path))
    report = _start(tmp_path, fill=True, pack_icons=("fa5s.walking", "fa5s.bed"))  # a new pack's icons
    assert report["qtawesome_before"] is False
    assert report["helper"] is True and report["helper_status"] == 0
    assert report["qtawesome_after"] is False  # the helper loaded it, and is gone
    assert len(set(_masks(tmp_path)) - before) == 2


@pytest.mark.parametrize("damage", ["short", "long", "empty"])
def test_a_broken_cache_file_just_means_qtawesome_draws_the_icon(tmp_path: Path, damage: str) -> None:
    first = _start(tmp_path, fill=True)
    for path in _masks(tmp_path):
        if damage == "short":
            path.write_bytes(b"\xff" * (icon_cache.MASK_BYTES - 1))
        elif damage == "long":
            path.write_bytes(b"\xff" * (icon_cache.MASK_BYTES + 1))
        else:
            path.write_bytes(b"")
    again = _start(tmp_path, fill=False)
    assert again["qtawesome_before"] is True
    assert again["seen"] == first["seen"]  # both drawn by qtawesome
    repaired = _start(tmp_path, fill=False)  # the masks drawn were written in place of the broken
    assert repaired["qtawesome_before"] is False
    assert_look_alike(first["seen"], repaired["seen"])


def test_a_new_qtawesome_gets_a_new_cache_and_the_old_one_is_removed(tmp_path: Path) -> None:
    old = tmp_path / "icon-cache" / "qtawesome-0.0.1"
    old.mkdir(parents=True)
    (old / "stale.png").write_bytes(b"old drawing")
    earlier = tmp_path / "icon-cache" / f"{_cache_folder(tmp_path).name.replace('alpha8', 'named')}"
    earlier.mkdir()  # this qtawesome's masks as PNG files, as earlier kiosks kept them
    (earlier / "fa5s.play.png").write_bytes(b"a PNG")
    _start(tmp_path, fill=True)
    assert not old.exists() and not earlier.exists()
    assert [path.name for path in (tmp_path / "icon-cache").iterdir()] == [_cache_folder(tmp_path).name]


def test_an_unreadable_cache_folder_is_no_error(tmp_path: Path) -> None:
    clean = _start(tmp_path / "clean", fill=False)
    (tmp_path / "icon-cache").write_text("a file where the folder should be", encoding="utf-8")
    report = _start(tmp_path, fill=True)
    assert report["seen"] == clean["seen"]


def test_a_cache_that_cannot_be_written_starts_no_helper_to_wait_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """A helper that cannot write its masks would make every start wait for nothing: the kiosk
    says why and goes on (qtawesome then draws the icons, as it always could)."""
    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path))
    monkeypatch.setattr(icon_cache, "_qtawesome_loaded", False)
    (tmp_path / "icon-cache").write_text("a file where the folder should be", encoding="utf-8")
    started: list[object] = []
    monkeypatch.setattr(subprocess, "Popen", lambda *args, **kwargs: started.append(args))
    assert icon_cache.missing_masks() != []  # there is something to draw
    assert icon_cache.fill() is None
    icon_cache.fill_and_wait([], 60.0)  # returns at once
    assert started == []
    assert "icon cache not writable" in caplog.text


def test_every_icon_the_kiosk_names_has_its_mask_drawn_at_start() -> None:
    """An icon missing from `UI_ICONS` would load qtawesome in the kiosk the first time it shows."""
    pattern = re.compile(r"[\"'](?:fa5s|fa5r|fa5b|fa6s|fa6r|fa6b|mdi|mdi6|ph|ri|msc)\.[a-z0-9-]+[\"']")
    named = set()
    for path in UI_SOURCE.rglob("*.py"):
        named |= {match.group(0)[1:-1] for match in pattern.finditer(path.read_text(encoding="utf-8"))}
    assert named, "no icon names found: the pattern no longer matches the source"
    assert named <= set(icon_cache.UI_ICONS), sorted(named - set(icon_cache.UI_ICONS))


def test_a_mask_file_is_named_after_its_icon_and_an_odd_name_has_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every name the kiosk shows, its own and every pack topic icon the checks let through, has a
    mask file named after it; a name of any other shape has none (qtawesome draws it), so a name
    never becomes a path outside the cache folder nor one too long for the file system."""
    from kiosk.content.models import Topic

    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path))
    folder = icon_cache.cache_folder()
    assert folder is not None
    pack_pattern = re.compile(Topic.model_fields["icon"].metadata[0].pattern)
    for name in [*icon_cache.UI_ICONS, "mdi6.human-handsup", "fa5s.x"]:
        assert pack_pattern.fullmatch(name)
        assert icon_cache.mask_file(name) == folder / f"{name}.alpha8"
    for odd in ["../../etc/passwd", "fa5s.play/../../x", "FA5S.PLAY", "fa5s." + "a" * 300, "", "fa5s.\n"]:
        assert icon_cache.mask_file(odd) is None


def test_unknown_names_give_the_book_icon(qtbot: Any) -> None:
    def pixels(icon: QIcon) -> QImage:
        return icon.pixmap(QSize(48, 48)).toImage().convertToFormat(QImage.Format.Format_ARGB32)

    unknown = resources.icon("fa5s.no-such-icon", "#000000")
    assert pixels(unknown) == pixels(resources.icon("fa5s.book-open", "#000000"))
    assert pixels(unknown) != pixels(resources.icon("fa5s.home", "#000000"))


def test_a_new_pack_has_its_topic_icons_masks_before_its_home_shows(
    make_kiosk: Any, big_pack: Any, mini_pack: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    drawn_here: list[str] = []
    drawn_by_qtawesome = icon_cache._drawn_by_qtawesome

    def noting(name: str, *args: Any) -> Any:
        drawn_here.append(name)
        return drawn_by_qtawesome(name, *args)

    monkeypatch.setattr(icon_cache, "_drawn_by_qtawesome", noting)
    monkeypatch.setattr(main_window, "PACK_ICON_WAIT_SECONDS", 60.0)  # a busy machine is slower
    kiosk = make_kiosk(pack=big_pack)
    new_icons = {topic.icon for topic in mini_pack.manifest.topics} - set(icon_cache.UI_ICONS)
    assert new_icons
    files = [icon_cache.mask_file(name) for name in new_icons]
    assert all(path is not None and not path.exists() for path in files)
    kiosk.window.set_pack(mini_pack)
    settle()
    assert all(path is not None and path.is_file() for path in files)
    assert not new_icons & set(drawn_here)  # the new Home drew them from their masks


def test_a_mask_is_written_as_raw_alpha_and_read_back_pixel_for_pixel(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A mask file is `MASK_PX` square of alpha bytes, whatever the screen's pixel ratio drew; a
    drawing that is not square is not written."""
    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path))
    monkeypatch.setattr(icon_cache, "_masks", type(icon_cache._masks)())
    side = icon_cache.MASK_PX * 2  # as drawn on a screen that doubles pixels
    drawing = QImage(side, side, QImage.Format.Format_ARGB32)
    drawing.fill(0x00000000)
    for y in range(side // 4, side // 2):  # an opaque band across the upper middle
        for x in range(side):
            drawing.setPixel(x, y, 0xFFFFFFFF)
    data = icon_cache._alpha_bytes(drawing)
    assert len(data) == icon_cache.MASK_BYTES
    path = icon_cache.mask_file("fa5s.band")
    assert path is not None
    path.parent.mkdir(parents=True)
    path.write_bytes(data)
    mask = icon_cache.glyph_mask("fa5s.band")
    assert mask is not None and mask.format() == QImage.Format.Format_Alpha8
    middle = icon_cache.MASK_PX // 2
    assert mask.pixelColor(middle, icon_cache.MASK_PX * 3 // 8).alpha() == 255  # in the band
    assert mask.pixelColor(middle, icon_cache.MASK_PX * 3 // 4).alpha() == 0  # below it
    assert bytes(mask.constBits())[: icon_cache.MASK_BYTES] == data
    with pytest.raises(ValueError):
        icon_cache._alpha_bytes(
            QImage(icon_cache.MASK_PX, icon_cache.MASK_PX // 2, QImage.Format.Format_ARGB32)
        )


FIRST_START = """
import json, os, sys
from kiosk.bench import probe

def report():
    from PySide6.QtCore import QTimer

    def later():
        marks = [name for name, _stamp in probe._MARKS]
        print(json.dumps({"qtawesome": "qtawesome" in sys.modules, "marks": marks}), flush=True)
        os._exit(0)

    QTimer.singleShot(1500, later)  # the work after the first paint: the record, the cache

probe._report = report
sys.exit(probe.main(["app"]))
"""


def _kiosk_run(data_dir: Path) -> dict[str, Any]:
    """A real `kiosk run` (through the bench's probe) on the bundled pack, read 1.5 s after the
    kiosk window's first paint."""
    environment = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "KIOSK_SPEECH": "none",
        "KIOSK_DATA_DIR": str(data_dir),
    }
    done = subprocess.run(
        [sys.executable, "-c", FIRST_START], capture_output=True, text=True, env=environment, timeout=180
    )
    assert done.returncode == 0, done.stderr[-2000:]
    report: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    return report


def test_not_even_the_first_start_after_an_install_loads_qtawesome_in_the_kiosk(tmp_path: Path) -> None:
    """The first start has no masks: it waits for the helper to draw them instead of loading
    qtawesome into a process that may then run for months. Gone later (a new qtawesome, a wiped
    cache), the masks are drawn again the same way, and the start screen waits for them."""
    first = _kiosk_run(tmp_path)
    assert first["qtawesome"] is False
    assert {path.name for path in _masks(tmp_path)} >= {
        f"{name}{icon_cache.MASK_SUFFIX}" for name in icon_cache.UI_ICONS
    }
    second = _kiosk_run(tmp_path)
    assert "first_screen_paint" in second["marks"]  # from the record the first start wrote
    shutil.rmtree(tmp_path / "icon-cache")
    third = _kiosk_run(tmp_path)
    assert "first_screen_paint" not in third["marks"]  # the record's icons have no masks now
    assert third["qtawesome"] is False
    assert len(_masks(tmp_path)) >= len(icon_cache.UI_ICONS)
