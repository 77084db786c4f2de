"""`kiosk validate` and `kiosk schema` as staff run them: output lines, exit codes, never a traceback."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from kiosk.cli import main

TESTS = Path(__file__).resolve().parent.parent
MINI_PACK = TESTS / "packs" / "mini"
BROKEN = TESTS / "broken_packs"


def kiosk(*args: str | Path) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=TESTS.parent,
    )
    assert "Traceback" not in result.stderr
    assert "Traceback" not in result.stdout
    assert "could not finish" not in result.stderr  # the last-resort guard was not needed
    return result


def test_clean_pack_exits_0_with_a_summary() -> None:
    result = kiosk("validate", MINI_PACK)
    assert result.returncode == 0
    assert result.stdout == "0 errors, 0 warnings in 12 files\n"


def test_errors_exit_1_with_file_line_and_fix() -> None:
    result = kiosk("validate", BROKEN / "broken-link")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "pages/what-is-it.en.md:8: error: the link goes to 'symptoms', which is not a page of this pack "
        "(use the id of a page listed in pack.yaml)",
        "1 error, 0 warnings in 3 files",
    ]


def test_warnings_alone_exit_0() -> None:
    result = kiosk("validate", BROKEN / "unused-file")
    assert result.returncode == 0
    assert result.stdout.splitlines()[-1] == "0 errors, 1 warning in 4 files"


def test_review_date_can_be_checked_ahead() -> None:
    result = kiosk("validate", "--on", "2100-01-01", MINI_PACK)
    assert result.returncode == 0
    assert result.stdout.startswith("pack.yaml:17: warning: the clinical review was due on 2099-12-31")


def test_every_broken_pack_is_reported_not_crashed_on(capsys: pytest.CaptureFixture[str]) -> None:
    """In-process (a subprocess per folder would be slow); the last-resort guard must never fire."""
    for folder in sorted(BROKEN.iterdir()):
        if folder.is_dir():
            code = main(["validate", str(folder)])
            out, err = capsys.readouterr()
            assert code in (0, 1), folder.name
            assert err == "", folder.name
            assert out.splitlines()[-1].endswith("files"), folder.name


@pytest.mark.parametrize(
    "args",
    [
        ("validate",),
        ("validate", "no/such/folder"),
        ("validate", "pyproject.toml"),
        ("validate", "--on", "soon", "tests/packs/mini"),
    ],
)
def test_usage_errors_exit_2_with_a_message(args: tuple[str, ...]) -> None:
    result = kiosk(*args)
    assert result.returncode == 2
    assert result.stderr.strip()


def test_unreadable_folder_contents_do_not_crash(tmp_path: Path) -> None:
    root = tmp_path / "pack"
    root.mkdir()
    (root / "pack.yaml").mkdir()  # a folder where a file should be
    (root / "fifo").touch()
    result = kiosk("validate", root)
    assert result.returncode == 1
    assert result.stdout.splitlines()[0].startswith("pack.yaml:")


def test_empty_folder_is_an_error_not_a_crash(tmp_path: Path) -> None:
    result = kiosk("validate", tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "pack.yaml: error: pack.yaml is missing "
        "(every pack folder needs a pack.yaml file; see docs/pack-format.md)",
        "1 error, 0 warnings in 0 files",
    ]


def _zip(path: Path, entries: dict[str, bytes], symlink: str | None = None) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
        if symlink:
            info = zipfile.ZipInfo(symlink)
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            archive.writestr(info, "/etc/passwd")
    return path


def _mini_entries(prefix: str = "") -> dict[str, bytes]:
    return {
        prefix + path.relative_to(MINI_PACK).as_posix(): path.read_bytes()
        for path in MINI_PACK.rglob("*")
        if path.is_file()
    }


def test_zipped_pack_is_validated_like_a_folder(tmp_path: Path) -> None:
    for prefix in ("", "mini/"):
        result = kiosk("validate", _zip(tmp_path / f"pack{len(prefix)}.zip", _mini_entries(prefix)))
        assert result.returncode == 0, result.stdout
        assert result.stdout == "0 errors, 0 warnings in 12 files\n"


@pytest.mark.parametrize(
    ("entries", "symlink", "words"),
    [
        ({"../evil.txt": b"x"}, None, "unsafe name"),
        ({"/etc/evil": b"x"}, None, "unsafe name"),
        ({}, "images/link.svg", "link"),
        ({"big.txt": b"\0" * 50_000_000}, None, "suspiciously compressed"),
        ({"notes.txt": b"no pack here"}, None, "no pack.yaml"),
    ],
)
def test_unsafe_zips_are_refused(
    tmp_path: Path, entries: dict[str, bytes], symlink: str | None, words: str
) -> None:
    archive = _zip(
        tmp_path / "pack.zip", {**_mini_entries(), **entries} if words != "no pack.yaml" else entries, symlink
    )
    result = kiosk("validate", archive)
    assert result.returncode == 1
    assert words in result.stdout
    assert result.stdout.startswith("pack.zip: error: ")
    assert not (tmp_path.parent / "evil.txt").exists()


def test_junk_zip_is_an_error(tmp_path: Path) -> None:
    junk = tmp_path / "junk.zip"
    junk.write_bytes(os.urandom(1000))
    result = kiosk("validate", junk)
    assert result.returncode == 1
    assert "cannot be opened" in result.stdout


def test_schema_describes_pack_yaml_and_page_kinds() -> None:
    result = kiosk("schema")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert {"id", "title", "languages", "review", "topics"} <= set(schema["properties"])
    assert "id" in schema["required"]
    page = json.loads(kiosk("schema", "--page", "article").stdout)
    assert {"title", "illustration", "illustration_alt"} <= set(page["required"])
    unknown = kiosk("schema", "--page", "quiz")
    assert unknown.returncode == 2


def test_a_pack_that_passes_is_indexed_so_the_kiosk_starts_without_checking_it_again(tmp_path: Path) -> None:
    import shutil

    from kiosk.content.checked_index import load_indexed
    from kiosk.session.paths import checked_index_dir

    pack = Path(shutil.copytree(Path(__file__).resolve().parents[1] / "packs" / "mini", tmp_path / "pack"))
    assert main(["validate", str(pack)]) == 0
    indexed = load_indexed(pack, checked_index_dir())
    assert indexed is not None and indexed.pack is not None and indexed.pack.id == "mini"
    (pack / "pack.yaml").write_text("id: Not A Slug\n")
    assert main(["validate", str(pack)]) == 1
    assert load_indexed(pack, checked_index_dir()) is None  # stale: the kiosk checks it again
