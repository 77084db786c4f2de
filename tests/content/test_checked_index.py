"""The checked-pack index: an unchanged pack starts from it, any changed file is checked again."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.content import checked_index, json_records
from kiosk.content.bundled import bundled_pack_dir
from kiosk.content.loader import load_pack

MINI = Path(__file__).resolve().parents[1] / "packs" / "mini"
BUNDLED = bundled_pack_dir()


@pytest.fixture
def pack_copy(tmp_path: Path) -> Path:
    return Path(shutil.copytree(BUNDLED, tmp_path / "pack"))


def _index(pack: Path, folder: Path) -> None:
    files = checked_index.fingerprint(pack)
    assert checked_index.write_index(load_pack(pack), folder, files) is not None


def test_an_unchanged_pack_comes_back_from_the_index_exactly_as_loaded(
    pack_copy: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "index"
    full = load_pack(pack_copy)
    _index(pack_copy, folder)
    indexed = checked_index.load_indexed(pack_copy, folder)
    assert indexed is not None and indexed.pack is not None and full.pack is not None
    assert indexed.pack == full.pack  # manifest, every page's front matter, text and picture
    assert indexed.problems == full.problems  # the same warnings are logged at start
    assert len(indexed.pack.pages) == len(full.pack.pages) > 10


@pytest.mark.parametrize("change", ["edit", "touch", "add", "remove"])
def test_a_changed_added_or_removed_file_makes_the_index_stale(
    pack_copy: Path, tmp_path: Path, change: str
) -> None:
    folder = tmp_path / "index"
    _index(pack_copy, folder)
    page = next((pack_copy / "pages").glob("*.en.md"))
    if change == "edit":
        page.write_text(page.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    elif change == "touch":  # same size, new time: an editor that saved the same length of text
        stat = page.stat()
        os.utime(page, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    elif change == "add":
        (pack_copy / "pages" / "extra.en.md").write_text("new", encoding="utf-8")
    else:
        next((pack_copy / "images").iterdir()).unlink()
    assert checked_index.load_indexed(pack_copy, folder) is None


def test_a_pack_with_errors_is_never_indexed(tmp_path: Path) -> None:
    broken = Path(shutil.copytree(MINI, tmp_path / "pack"))
    (broken / "pack.yaml").write_text("id: Not A Slug\n", encoding="utf-8")
    result = load_pack(broken)
    assert result.pack is None
    assert checked_index.write_index(result, tmp_path / "index") is None
    assert not (tmp_path / "index").exists()


@pytest.mark.parametrize("damage", ["{not json", '{"format": 1}', "[]", '{"format": 999}'])
def test_a_damaged_index_counts_as_missing(
    pack_copy: Path, tmp_path: Path, damage: str, caplog: pytest.LogCaptureFixture
) -> None:
    folder = tmp_path / "index"
    _index(pack_copy, folder)
    checked_index.index_file(pack_copy, folder).write_text(damage, encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        assert checked_index.load_indexed(pack_copy, folder) is None


def test_an_index_with_a_tampered_page_model_is_refused(pack_copy: Path, tmp_path: Path) -> None:
    folder = tmp_path / "index"
    _index(pack_copy, folder)
    target = checked_index.index_file(pack_copy, folder)
    text = target.read_text(encoding="utf-8").replace('"kind": "article"', '"kind": "no-such-kind"', 1)
    target.write_text(text, encoding="utf-8")
    assert checked_index.load_indexed(pack_copy, folder) is None


def test_starting_from_the_index_imports_no_pydantic_markdown_yaml_or_checks(
    pack_copy: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "index"
    _index(pack_copy, folder)
    script = (
        "import sys\nfrom pathlib import Path\nfrom kiosk.content import checked_index\n"
        f"result = checked_index.load_indexed(Path({str(pack_copy)!r}), Path({str(folder)!r}))\n"
        "assert result is not None and result.pack is not None\n"
        "print('\\n'.join(sys.modules))\n"
    )
    modules = set(
        subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, check=True
        ).stdout.split()
    )
    assert "kiosk.content.pack_types" in modules  # the pack really was rebuilt
    heavy_modules = (
        "pydantic",
        "markdown_it",
        "yaml",
        "defusedxml",
        "kiosk.content.loader",
        "kiosk.content.svg",
    )
    for heavy in heavy_modules:
        assert heavy not in modules, heavy


def test_the_index_of_a_pack_folder_that_is_gone_is_removed_at_the_next_write(tmp_path: Path) -> None:
    folder = tmp_path / "index"
    old = Path(shutil.copytree(MINI, tmp_path / "old-slot"))
    new = Path(shutil.copytree(MINI, tmp_path / "new-slot"))
    _index(old, folder)
    shutil.rmtree(old)
    _index(new, folder)
    assert [path.name for path in folder.iterdir()] == [checked_index.index_file(new, folder).name]


def test_an_index_written_by_other_checks_is_not_trusted(
    pack_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "index"
    _index(pack_copy, folder)
    assert checked_index.load_indexed(pack_copy, folder) is not None
    monkeypatch.setattr(checked_index, "checks_version", lambda: "a kiosk with a new check")
    assert checked_index.load_indexed(pack_copy, folder) is None


def _swap_keeping_size_and_time(picture: Path, replacement: bytes) -> None:
    """Replace a file's bytes and forge its size and modification time back to the old ones."""
    before = picture.stat()
    assert len(replacement) <= before.st_size
    picture.write_bytes(replacement.ljust(before.st_size, b" "))
    os.utime(picture, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert [picture.stat().st_size, picture.stat().st_mtime_ns] == [before.st_size, before.st_mtime_ns]


def test_the_index_holds_the_digest_of_every_checked_picture(tmp_path: Path) -> None:
    pack = Path(shutil.copytree(MINI, tmp_path / "pack"))
    folder = tmp_path / "index"
    _index(pack, folder)
    document = json.loads(checked_index.index_file(pack, folder).read_text(encoding="utf-8"))
    pictures = sorted(path.relative_to(pack).as_posix() for path in (pack / "images").iterdir())
    assert sorted(document["media"]) == pictures
    for relative in pictures:
        assert document["media"][relative] == hashlib.sha256((pack / relative).read_bytes()).hexdigest()


def test_a_picture_swapped_after_the_check_is_not_drawn_when_starting_from_the_index(tmp_path: Path) -> None:
    """Bytes drawn are bytes checked, also from the index: a forged size and time fool the
    index's file comparison, but not the digest of the picture's bytes."""
    pack = Path(shutil.copytree(MINI, tmp_path / "pack"))
    folder = tmp_path / "index"
    _index(pack, folder)
    swapped, kept = pack / "images" / "circle.svg", pack / "images" / "square.svg"
    hostile = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    _swap_keeping_size_and_time(swapped, hostile)
    script = f"""
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from kiosk.content import checked_index, json_records
from kiosk.content.checked_media import was_checked
from kiosk.ui import resources

app = QApplication([])
result = checked_index.load_indexed(Path({str(pack)!r}), Path({str(folder)!r}))
assert result is not None and result.pack is not None, "the forged file fooled the index"
kept = Path({str(kept)!r})
print("kept seeded", was_checked(kept.read_bytes()))
print("kept drawn", resources.picture(kept, 80, 60) is not None)
print("swapped drawn", resources.picture(Path({str(swapped)!r}), 80, 60) is not None)
print("checks imported", "kiosk.content.svg" in sys.modules)
"""
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=environment, timeout=120
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert "kept seeded True" in lines  # the index's digest stands for the check
    assert "kept drawn True" in lines
    assert "swapped drawn False" in lines  # checked again at drawing time, and refused
    assert "checks imported True" in lines  # that is, only for the swapped picture
    assert "changed since it was checked and is refused" in done.stderr


@pytest.mark.parametrize(
    "damage",
    [
        "too large",
        "nested",
        "digest not hex",
        "digest too short",
        "no digests",
        "not utf-8",
    ],
)
def test_a_hostile_index_means_a_full_check(
    tmp_path: Path, damage: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    pack = Path(shutil.copytree(MINI, tmp_path / "pack"))
    folder = tmp_path / "index"
    _index(pack, folder)
    target = checked_index.index_file(pack, folder)
    document = json.loads(target.read_text(encoding="utf-8"))
    if damage == "too large":
        monkeypatch.setattr(checked_index, "MAX_INDEX_BYTES", target.stat().st_size - 1)
    elif damage == "nested":
        target.write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")
    elif damage == "not utf-8":
        target.write_bytes(b"\xff\xfe{}")
    else:
        if damage == "no digests":
            del document["media"]
        else:
            first = next(iter(document["media"]))
            document["media"][first] = "z" * 64 if damage == "digest not hex" else "ab"
        target.write_text(json.dumps(document), encoding="utf-8")
    assert checked_index.load_indexed(pack, folder) is None
    result = checked_index.load_checked(pack, folder)  # what `kiosk run` does: checks in full
    assert result.pack is not None
    monkeypatch.undo()
    assert checked_index.load_indexed(pack, folder) is not None  # and writes a sound index again


def test_an_index_of_another_kiosk_version_is_not_trusted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pack = Path(shutil.copytree(MINI, tmp_path / "pack"))
    folder = tmp_path / "index"
    _index(pack, folder)
    monkeypatch.setattr(json_records, "__version__", "99.0.0")  # where the stamp reads it
    assert checked_index.load_indexed(pack, folder) is None


def test_a_fingerprint_names_every_file_from_the_pack_root_also_for_a_relative_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pack = Path(shutil.copytree(MINI, tmp_path / "pack"))
    (pack / "pages" / "deeper").mkdir(parents=True, exist_ok=True)
    (pack / "pages" / "deeper" / "note.md").write_text("x", encoding="utf-8")
    os.symlink(pack / "pack.yaml", pack / "link.yaml")  # noted as a link, never followed
    files = checked_index.fingerprint(pack)
    assert files["pages/deeper/note.md"][0] == 1
    assert files["link.yaml"][0] == len(os.readlink(pack / "link.yaml").encode())
    on_disk = {p.relative_to(pack).as_posix() for p in pack.rglob("*") if not p.is_dir() or p.is_symlink()}
    assert set(files) == on_disk
    monkeypatch.chdir(tmp_path)
    assert checked_index.fingerprint(Path("pack")) == files
