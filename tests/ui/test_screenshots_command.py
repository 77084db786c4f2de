"""`kiosk screenshots`: one PNG per screen named by route, and a clear failure for a broken pack."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from kiosk.cli import main

MINI = Path(__file__).resolve().parents[1] / "packs" / "mini"


def test_every_screen_of_the_mini_pack_is_written(tmp_path: Path) -> None:
    out = tmp_path / "shots"
    assert main(["screenshots", str(MINI), "--out", str(out), "--size", "1080x1920"]) == 0
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(
        [
            "home.png",
            "topic--basics.png",
            "topic--help.png",
            "page--basics--what-is-it.png",
            "page--basics--symptoms.png",
            "page--help--when-to-call.png",
            "page--help--emergency.png",
            "attract.png",
            "idle-warning.png",
        ]
    )
    image = QImage(str(out / "home.png"))
    assert (image.width(), image.height()) == (1080, 1920)
    assert len({image.pixel(x, y) for x in range(0, 1080, 20) for y in range(0, 1920, 20)}) > 10


def test_a_broken_pack_exits_non_zero_with_its_problems(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "pack.yaml").write_text("id: [not, a, slug\n")
    assert main(["screenshots", str(broken), "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert "pack.yaml" in err
    assert not (tmp_path / "out").exists()


def test_a_bad_size_is_a_usage_error(tmp_path: Path) -> None:
    assert main(["screenshots", str(MINI), "--out", str(tmp_path), "--size", "huge"]) == 2


def test_staff_screens_are_written_on_request(tmp_path: Path) -> None:
    out = tmp_path / "shots"
    assert main(["screenshots", str(MINI), "--out", str(out), "--staff", "--size", "1280x800"]) == 0
    names = {p.name for p in out.iterdir()}
    staff = {"pin-pad.png", "pin-wrong.png", "pin-locked.png", "staff-panel.png", "setup-mode.png"}
    assert staff <= names
    for name in staff:
        image = QImage(str(out / name))
        assert (image.width(), image.height()) == (1280, 800)


def test_screens_can_be_rendered_in_another_language_of_the_pack(tmp_path: Path) -> None:
    english, spanish = tmp_path / "en", tmp_path / "es"
    assert main(["screenshots", str(MINI), "--out", str(english), "--size", "1280x800"]) == 0
    assert (
        main(["screenshots", str(MINI), "--out", str(spanish), "--size", "1280x800", "--language", "es"]) == 0
    )
    assert sorted(p.name for p in spanish.iterdir()) == sorted(p.name for p in english.iterdir())
    for name in ("home.png", "page--help--emergency.png", "idle-warning.png"):
        assert QImage(str(spanish / name)) != QImage(str(english / name)), f"{name} is the same in both"


def test_a_language_the_pack_lacks_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["screenshots", str(MINI), "--out", str(tmp_path / "out"), "--language", "fr"]) == 2
    assert "no language 'fr' (it has: en, es)" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_a_zipped_pack_renders_like_its_folder(tmp_path: Path) -> None:
    import shutil

    mini = Path(__file__).resolve().parents[1] / "packs" / "mini"
    archive = shutil.make_archive(str(tmp_path / "mini"), "zip", mini.parent, mini.name)
    assert main(["screenshots", archive, "--out", str(tmp_path / "shots"), "--size", "1280x800"]) == 0
    assert (tmp_path / "shots" / "home.png").stat().st_size > 10_000
    assert (tmp_path / "shots" / "page--basics--what-is-it.png").is_file()
