"""`kiosk validate` output cannot lie: pack names and text are escaped, the summary is last and true."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.content.escape import escape, has_unsafe_characters
from kiosk.content.problems import Problem, Severity

TESTS = Path(__file__).resolve().parent.parent
MINI = TESTS / "packs" / "mini"
FAKE_ALL_CLEAR = "\x1b[2J\x1b[H\x1b[32m0 errors, 0 warnings in 12 files\x1b[0m"


def validate(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kiosk", "validate", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=TESTS.parent,
    )


def assert_terminal_safe(text: str) -> None:
    for line in text.splitlines():
        assert not has_unsafe_characters(line), repr(line)


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("\x1b[2J", "\\x1b[2J"),
        ("\x9b31m", "\\x9b31m"),
        ("a\x7fb", "a\\x7fb"),
        ("evil\u202etxt.svg", "evil\\u202etxt.svg"),
        ("zero\u200bwidth", "zero\\u200bwidth"),
        ("two\nlines\r", "two\\x0alines\\x0d"),
        ("Síntomas 中文 ✓", "Síntomas 中文 ✓"),
    ],
)
def test_controls_bidi_and_invisible_characters_are_written_out(raw: str, shown: str) -> None:
    assert escape(raw) == shown


@given(st.text())
def test_escaped_text_never_holds_an_unsafe_character(text: str) -> None:
    escaped = escape(text)
    assert not has_unsafe_characters(escaped)
    assert "\n" not in escaped


def test_a_problem_is_always_one_safe_line() -> None:
    problem = Problem("images/\x1b[2Ja.svg", 3, Severity.ERROR, "bad\nname '\u202e'", "fix\x85it")
    line = problem.format()
    assert "\n" not in line and not has_unsafe_characters(line)
    assert line.startswith("images/\\x1b[2Ja.svg:3: error:")


def test_a_pack_cannot_print_a_fake_all_clear(tmp_path: Path) -> None:
    pack = Path(shutil.copytree(MINI, tmp_path / "pack"))
    (pack / "images" / f"x{FAKE_ALL_CLEAR}.svg").write_text("<svg/>")
    (pack / "images" / "pic\u202egvs.png").write_bytes(b"junk")
    result = validate(pack)
    assert result.returncode == 0
    assert_terminal_safe(result.stdout + result.stderr)
    lines = result.stdout.splitlines()
    assert lines[-1] == "0 errors, 2 warnings in 14 files"
    assert any("x\\x1b[2J\\x1b[H\\x1b[32m0 errors" in line for line in lines)
    assert any("pic\\u202egvs.png" in line for line in lines)
    manifest = (pack / "pack.yaml").read_text()
    (pack / "pack.yaml").write_text(manifest + '"\\e[2J\\e[32mall good\\x9b": 1\n')
    result = validate(pack)
    assert result.returncode == 1
    assert_terminal_safe(result.stdout + result.stderr)
    lines = result.stdout.splitlines()
    assert lines[-1] == "1 error, 0 warnings in 14 files"
    assert any("\\x1b[2J\\x1b[32mall good\\x9b" in line for line in lines)


def test_zip_entry_names_are_escaped(tmp_path: Path) -> None:
    archive = tmp_path / "pack.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr(f"../{FAKE_ALL_CLEAR}", "x")
    result = validate(archive)
    assert result.returncode == 1
    assert_terminal_safe(result.stdout + result.stderr)
    assert result.stdout.splitlines()[-1] == "1 error, 0 warnings in 1 file"


def test_json_output_counts_match_the_exit_status(tmp_path: Path) -> None:
    pack = Path(shutil.copytree(MINI, tmp_path / "pack"))
    (pack / "images" / f"x{FAKE_ALL_CLEAR}.svg").write_text("<svg/>")
    (pack / "images" / "square.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>')
    result = validate(pack, "--json")
    assert result.returncode == 1
    assert_terminal_safe(result.stdout)
    document = json.loads(result.stdout)
    assert document["errors"] == 1 and document["warnings"] == 1
    assert len(document["problems"]) == 2
    assert any(FAKE_ALL_CLEAR in problem["file"] for problem in document["problems"])
    clean = validate(MINI, "--json")
    assert clean.returncode == 0
    assert json.loads(clean.stdout)["errors"] == 0
