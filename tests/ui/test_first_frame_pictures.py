"""The first frame's pictures are kept for the next start, which shows them without drawing them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QColor, QImage

from kiosk.content.checked_media import remember_checked
from kiosk.ui import resources
from kiosk.ui.first_frame_pictures import FirstFramePictures

SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 30">'
    b'<rect width="40" height="30" fill="#1e6e75"/><circle cx="20" cy="15" r="9" fill="#f2c14e"/></svg>'
)


class CountingDrawer:
    """Stands in for the helper process and counts what it was asked to draw."""

    def __init__(self) -> None:
        self.drawn = 0

    def draw(self, data: bytes, width: int, height: int) -> QImage:
        self.drawn += 1
        image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(QColor("#1e6e75"))
        image.setPixelColor(width // 2, height // 2, QColor("#f2c14e"))
        return image


@pytest.fixture
def picture_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "picture.svg"
    path.write_bytes(SVG)
    remember_checked(SVG)
    monkeypatch.setattr(resources, "_pictures", type(resources._pictures)())
    monkeypatch.setattr(resources, "_first_frame", None)
    return path


def _start(folder: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[FirstFramePictures, CountingDrawer]:
    """What `kiosk run` does: look for kept pictures; a new process has no drawn pictures yet."""
    drawer = CountingDrawer()
    monkeypatch.setattr(resources, "_svg_drawer", lambda: drawer)
    resources._pictures.clear()
    return resources.keep_first_frame_pictures(folder), drawer


def _kept_once(
    folder: Path, picture_file: Path, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]
) -> None:
    """A start whose first frame drew the picture at `size`, then kept it after its paint."""
    first_frame, _ = _start(folder, monkeypatch)
    assert resources.picture(picture_file, *size) is not None
    first_frame.keep()


def test_the_next_start_shows_the_kept_picture_without_drawing_it(
    qapp: Any, picture_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "first-frame"
    first_frame, drawer = _start(folder, monkeypatch)
    assert not first_frame.has_pictures()
    drawn = resources.picture(picture_file, 120, 90)
    assert drawn is not None and drawer.drawn == 1
    first_frame.keep()  # after the first paint
    assert [path.suffix for path in folder.iterdir()] == [".argb"]

    first_frame, drawer = _start(folder, monkeypatch)
    assert first_frame.has_pictures()
    shown = resources.picture(picture_file, 120, 90)
    assert shown is not None and drawer.drawn == 0
    assert shown.toImage() == drawn.toImage()
    first_frame.keep()
    resources._pictures.clear()
    assert resources.picture(picture_file, 120, 90) is not None and drawer.drawn == 1  # later: drawn


def test_only_the_latest_first_frame_is_kept(
    qapp: Any, picture_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "first-frame"
    _kept_once(folder, picture_file, monkeypatch, (120, 90))
    _kept_once(folder, picture_file, monkeypatch, (200, 150))  # another screen size, or first picture
    assert sorted(path.name.split("-")[1] for path in folder.iterdir()) == ["200x150.argb"]


def test_a_kept_file_of_the_wrong_size_is_ignored_and_the_picture_drawn(
    qapp: Any, picture_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "first-frame"
    _kept_once(folder, picture_file, monkeypatch, (120, 90))
    (kept,) = folder.iterdir()
    kept.write_bytes(kept.read_bytes()[:-4])  # cut short
    _, drawer = _start(folder, monkeypatch)
    assert resources.picture(picture_file, 120, 90) is not None and drawer.drawn == 1


def test_a_picture_whose_bytes_changed_is_not_shown_from_the_kept_set(
    qapp: Any, picture_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "first-frame"
    _kept_once(folder, picture_file, monkeypatch, (120, 90))
    changed = SVG.replace(b"#f2c14e", b"#c0392b")
    picture_file.write_bytes(changed)
    remember_checked(changed)
    _, drawer = _start(folder, monkeypatch)
    assert resources.picture(picture_file, 120, 90) is not None and drawer.drawn == 1


def test_an_unwritable_folder_costs_a_warning_not_the_kiosk(
    qapp: Any, picture_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: Any
) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    first_frame, _ = _start(blocked / "first-frame", monkeypatch)
    assert resources.picture(picture_file, 120, 90) is not None
    first_frame.keep()
    assert "could not keep the first frame's pictures" in caplog.text


def test_the_recorded_start_screen_shows_its_kept_picture_without_reading_the_file(
    qapp: Any, picture_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The start screen from its record draws its picture from the pixels kept for the digest the
    record holds, laid out with the recorded aspect: the file is not read before its first frame.
    Once the first frame is kept, the file is read and checked again, so bytes swapped since are
    refused as ever."""
    from kiosk.content.checked_media import digest

    folder = tmp_path / "first-frame"
    _kept_once(folder, picture_file, monkeypatch, (120, 90))
    kept = resources.picture(picture_file, 120, 90)
    assert kept is not None
    monkeypatch.setattr(resources, "_recorded", {})
    monkeypatch.setattr(resources, "_known_aspects", {})
    resources.forget_measured_aspects()
    first_frame, drawer = _start(folder, monkeypatch)
    resources.remember_aspect(digest(SVG), 0.7)  # as the start screen does with its record
    resources.remember_recorded_picture(picture_file, digest(SVG))
    picture_file.write_bytes(b"<svg onload='swapped after the record'/>")  # not read before the frame
    assert resources.picture_aspect(picture_file) == 0.7
    shown = resources.picture(picture_file, 120, 90)
    assert shown is not None and shown.toImage() == kept.toImage() and drawer.drawn == 0
    assert resources.picture(picture_file, 60, 45) is None  # no pixels kept at that size: checked, refused
    first_frame.keep()
    assert resources.picture(picture_file, 120, 90) is None  # read and checked again: refused
    assert resources.picture_aspect(picture_file) == 0.75  # measured: unreadable, the default
    monkeypatch.setattr(resources, "_recorded", {})
    resources.forget_measured_aspects()
