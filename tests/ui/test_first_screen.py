"""The start screen drawn from the record of the last start, before the rest of the kiosk loads.

It must look exactly like the kiosk window's start screen, take no taps, and be used only while
nothing it depends on has changed; a broken or hostile record is ignored and the kiosk starts as
before.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractButton, QApplication, QPushButton
from uihelpers import load, settle

from kiosk import __version__
from kiosk.content.checked_media import digest
from kiosk.session.state import ATTRACT, AppState, Snapshot
from kiosk.ui import first_screen, first_screen_record, icon_cache, resources
from kiosk.ui.attract import AttractContext, AttractScreen, AttractWords, Slide
from kiosk.ui.first_screen import FirstScreenWindow, record_of
from kiosk.ui.first_screen_record import FirstScreenRecord, read_record, run_options, write_record
from kiosk.ui.main_window import MainWindow
from kiosk.ui.theme import Theme

OPTIONS = run_options(None, "none", Path("/etc/kiosk/kiosk.toml"))


BUNDLED = Path(__file__).resolve().parents[2] / "resources" / "packs" / "lower-back-pinched-nerve"


@pytest.fixture(scope="module")
def bundled_pack(mini_pack: Any) -> Any:  # mini_pack: the application is set up
    return load(BUNDLED)


@pytest.fixture(autouse=True)
def icon_masks_folder() -> Path:
    """A kiosk that recorded its start screen has its icon cache (the first start draws it)."""
    folder = icon_cache.cache_folder()
    assert folder is not None
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _start_screen_window(qtbot: Any, pack: Any, language: str = "en") -> MainWindow:
    window = MainWindow(AppState(Snapshot(route=ATTRACT, language=language)), pack, size=(1280, 800))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    settle()
    return window


def _record(qtbot: Any, pack: Any, stamped: list[Path], language: str = "en") -> FirstScreenRecord:
    window = _start_screen_window(qtbot, pack, language)
    record = record_of(window, QGuiApplication.primaryScreen(), OPTIONS, stamped)
    window.close()
    assert record is not None
    return record


def _show(path: Path) -> FirstScreenWindow | None:
    return first_screen.show_first_screen(path, OPTIONS, windowed=True, size=(1280, 800))


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_start_screen_from_its_record_looks_exactly_like_the_kiosk_windows(
    qtbot: Any, bundled_pack: Any, tmp_path: Path, language: str
) -> None:
    window = _start_screen_window(qtbot, bundled_pack, language)
    expected = window.grab().toImage()
    record = record_of(window, QGuiApplication.primaryScreen(), OPTIONS, [])
    assert record is not None and record.language == language
    window.close()
    write_record(tmp_path / "first-screen.json", record)

    shown = _show(tmp_path / "first-screen.json")
    assert shown is not None and shown.painted
    qtbot.addWidget(shown)
    assert shown.size() == expected.size()
    assert shown.grab().toImage() == expected
    assert shown.windowTitle() == "Clinic Kiosk"


def test_the_record_holds_the_packs_words_and_nothing_of_a_visit(
    qtbot: Any, bundled_pack: Any, tmp_path: Path
) -> None:
    record = _record(qtbot, bundled_pack, [])
    assert record.pack_title == bundled_pack.text(bundled_pack.manifest.title, "en")
    assert [language for language, _ in record.welcomes] == list(bundled_pack.languages)
    assert record.slides[0][0].endswith(".svg") and len(record.digests) == 1
    assert record.version == __version__ and record.options == OPTIONS
    path = tmp_path / "first-screen.json"
    write_record(path, record)
    assert read_record(path) == record
    assert set(json.loads(path.read_text(encoding="utf-8"))) == {name for name in FirstScreenRecord._fields}


def test_a_record_fits_only_while_the_settings_the_store_the_version_and_the_options_are_unchanged(
    qtbot: Any, bundled_pack: Any, tmp_path: Path
) -> None:
    settings, pointer = tmp_path / "kiosk.toml", tmp_path / "pointer.json"
    settings.write_text("idle_seconds = 90\n", encoding="utf-8")
    record = _record(qtbot, bundled_pack, [settings, pointer])
    assert record.still_fits(OPTIONS)
    assert not record.still_fits({**OPTIONS, "speech": "system"})
    assert not record.still_fits({**OPTIONS, "settings": str(tmp_path / "other" / "kiosk.toml")})
    assert not record._replace(version="0.0.0").still_fits(OPTIONS)
    pointer.write_text("{}", encoding="utf-8")  # a pack was installed
    assert not record.still_fits(OPTIONS)
    pointer.unlink()
    assert record.still_fits(OPTIONS)
    settings.write_text("idle_seconds = 120\n", encoding="utf-8")  # staff changed the settings
    assert not record.still_fits(OPTIONS)

    path = tmp_path / "first-screen.json"
    write_record(path, record)
    assert _show(path) is None  # nothing is shown: the kiosk starts as before
    assert not [w for w in QApplication.topLevelWidgets() if w.property("first_screen") and w.isVisible()]


def test_a_start_screen_on_another_monitor_or_size_is_not_shown(
    qtbot: Any, bundled_pack: Any, tmp_path: Path
) -> None:
    record = _record(qtbot, bundled_pack, [])
    path = tmp_path / "first-screen.json"
    for changed in (
        record._replace(screen="HDMI-9"),
        record._replace(geometry=[0, 0, 640, 480]),
    ):
        write_record(path, changed)
        assert _show(path) is None


def _hostile_records(good: dict[str, Any]) -> list[bytes]:
    def changed(**fields: Any) -> bytes:
        return json.dumps({**good, **fields}).encode()

    return [
        b"",
        b"\x00\xff not json",
        b"[1, 2, 3]",
        json.dumps(good).encode()[:-20],  # cut short by a power cut
        b" " * (first_screen_record.MAX_RECORD_BYTES + 1),
        changed(slides=[]),
        changed(slides=[["a", "b"]]),
        changed(slides="everything"),
        changed(welcomes=[]),
        changed(size=[0, 800]),
        changed(size=[10**12, 800]),
        changed(geometry=[0, 0, True, 800]),
        changed(text_size=10**9),
        changed(digests=["not hex"]),
        changed(aspects=[]),
        changed(aspects=["0.75"]),
        changed(aspects=[-1.0]),
        changed(aspects=[1e308]),
        changed(aspects=[float("nan")]),  # json writes NaN, and reads it back
        changed(speaks=[None]),
        changed(unknown_field=1),
        json.dumps({key: value for key, value in good.items() if key != "language"}).encode(),
    ]


def test_without_the_icon_cache_the_record_is_not_used(
    qtbot: Any, bundled_pack: Any, tmp_path: Path, icon_masks_folder: Path
) -> None:
    """The icons would be drawn by qtawesome in the kiosk's own process, where it would stay: the
    kiosk starts as usual instead, and its helper draws them (`tests/ui/test_icon_cache.py`)."""
    write_record(tmp_path / "first-screen.json", _record(qtbot, bundled_pack, []))
    shutil.rmtree(icon_masks_folder)
    assert _show(tmp_path / "first-screen.json") is None
    icon_masks_folder.mkdir(parents=True)
    shown = _show(tmp_path / "first-screen.json")
    assert shown is not None
    qtbot.addWidget(shown)
    shown.finish()


def test_a_broken_or_hostile_record_is_ignored(qtbot: Any, bundled_pack: Any, tmp_path: Path) -> None:
    good = json.loads(_record(qtbot, bundled_pack, []).to_json())
    path = tmp_path / "first-screen.json"
    for data in _hostile_records(good):
        path.write_bytes(data)
        assert read_record(path) is None, data[:80]
        assert _show(path) is None
    path.write_text(json.dumps(good), encoding="utf-8")
    assert read_record(path) is not None  # the same record, unharmed, is used


def test_a_record_whose_picture_is_gone_or_not_a_file_is_not_shown(
    qtbot: Any, bundled_pack: Any, tmp_path: Path
) -> None:
    record = _record(qtbot, bundled_pack, [])
    pipe = tmp_path / "picture.svg"
    os.mkfifo(pipe)  # drawing it would wait for a writer for ever
    path = tmp_path / "first-screen.json"
    for picture in (pipe, tmp_path / "gone.svg", tmp_path):
        slides = [[str(picture), *record.slides[0][1:]], *record.slides[1:]]
        write_record(path, record._replace(slides=slides))
        assert _show(path) is None


def test_a_language_the_kiosk_has_no_words_for_still_shows_the_pack_s_own(
    qtbot: Any, bundled_pack: Any, tmp_path: Path
) -> None:
    record = _record(qtbot, bundled_pack, [])._replace(language="xx")
    path = tmp_path / "first-screen.json"
    write_record(path, record)
    shown = _show(path)
    assert shown is not None and shown.painted
    qtbot.addWidget(shown)
    shown.finish()


def test_a_record_that_is_a_pipe_or_a_link_is_not_read(qtbot: Any, tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.json"
    os.mkfifo(pipe)  # reading it would wait for a writer for ever
    assert read_record(pipe) is None
    target = tmp_path / "elsewhere.json"
    target.write_text("{}", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    assert read_record(link) is None
    assert read_record(tmp_path / "missing.json") is None


def test_the_first_screen_takes_no_taps_and_closes_only_when_the_kiosk_says(
    qtbot: Any, bundled_pack: Any
) -> None:
    taps: list[str] = []
    words = AttractWords.of(bundled_pack, "en")
    theme = Theme.for_screen(1280, 800)
    context = AttractContext(
        theme,
        "en",
        words,
        lambda language: True,
        go_home=lambda: taps.append("home"),
        start_in=taps.append,
        start_reading_aloud=taps.append,
    )
    window = FirstScreenWindow(theme, AttractScreen(context))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.wait_for_first_paint(2000)
    assert window.painted
    added_later = QPushButton("Start", window.findChild(AttractScreen))
    added_later.clicked.connect(lambda: taps.append("added later"))
    added_later.show()
    buttons = window.findChildren(QAbstractButton)
    assert added_later in buttons and len(buttons) > 2
    for button in buttons:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(2, 2))
        qtbot.keyClick(button, Qt.Key.Key_Space)
    assert taps == []
    window.close()  # as a window manager would ask
    assert window.isVisible()
    window.finish()
    qtbot.waitUntil(lambda: not window.isVisible())


def test_a_slide_picture_is_kept_as_the_path_the_pack_gave(qtbot: Any, bundled_pack: Any) -> None:
    words = AttractWords.of(bundled_pack, "en")
    assert all(isinstance(slide, Slide) and slide.picture.is_file() for slide in words.slides)


def test_a_recorded_aspect_serves_only_the_bytes_it_was_measured_for(tmp_path: Path) -> None:
    """The start screen lays out its picture with the aspect the last start measured, not parsing
    the drawing again; bytes changed since have another digest and are measured as usual."""
    picture = tmp_path / "drawing.svg"
    wide = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100"><rect width="9" height="9"/></svg>'
    picture.write_bytes(wide)
    resources.forget_measured_aspects()
    assert resources.picture_aspect(picture) == 0.5  # measured
    resources.remember_aspect(digest(wide), 0.625)
    resources.forget_measured_aspects()
    assert resources.picture_aspect(picture) == 0.625  # as recorded, not parsed
    picture.write_bytes(wide.replace(b"0 0 200 100", b"0 0 100 200"))
    resources.forget_measured_aspects()
    assert resources.picture_aspect(picture) == 2.0  # other bytes: measured
    resources.remember_aspect(digest(wide), float("inf"))  # a nonsense aspect is never used as such
    picture.write_bytes(wide)
    resources.forget_measured_aspects()
    assert resources.MIN_ASPECT <= resources.picture_aspect(picture) <= resources.MAX_ASPECT
    resources.forget_measured_aspects()
