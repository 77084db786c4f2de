"""A pack built from every class of hostile input: `kiosk validate` refuses it in bounded time and memory,
prints one safe line per problem and a true summary last, and never a traceback."""

from __future__ import annotations

import os
import re
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.content.escape import has_unsafe_characters
from kiosk.content.yamltext import YamlIssue, parse_yaml

TESTS = Path(__file__).resolve().parent.parent
MINI = TESTS / "packs" / "mini"
NS = 'xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'


def fan_out(levels: int, copies: int) -> str:
    parts = ['<g id="l0"><rect width="1" height="1"/></g>']
    for level in range(1, levels + 1):
        uses = "".join(f'<use xlink:href="#l{level - 1}"/>' for _ in range(copies))
        parts.append(f'<g id="l{level}">{uses}</g>')
    return f'<svg {NS} viewBox="0 0 4 3"><defs>{"".join(parts)}</defs><use xlink:href="#l{levels}"/></svg>'


def hostile_pack(root: Path) -> Path:
    pack = Path(shutil.copytree(MINI, root / "pack"))
    images = pack / "images"
    (images / "circle.svg").write_text(fan_out(9, 10))
    (images / "square.svg").write_text(f'<svg {NS} viewBox="0 0 1 6000000"/>')
    (images / "triangle.svg").write_text(
        f"<svg {NS} viewBox='0 0 4 3'><style>.a {{ animation: x {'9' * 200_000} }}</style></svg>"
    )
    (images / "\x1b[2J\x1b[32m0 errors\u202e.svg").write_text("<svg/>")
    page = pack / "pages" / "symptoms.en.md"
    deep_list = "".join("  " * level + "- deeper\n" for level in range(15))
    page.write_text(page.read_text() + "\n" + deep_list + "\n" + "![" * 20_000 + "\n")
    return pack


def run_measured(*args: str | Path) -> tuple[int, str, float, int]:
    """(exit status, output, seconds, peak memory in KB) of a fresh kiosk process."""
    started = time.monotonic()
    process = subprocess.Popen(
        [sys.executable, "-m", "kiosk", *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        cwd=TESTS.parent,
    )
    try:
        output, _ = process.communicate(timeout=240)
    except subprocess.TimeoutExpired:
        process.kill()
        raise
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return process.returncode, output.decode("utf-8", "replace"), time.monotonic() - started, peak


def test_kiosk_validate_refuses_a_hostile_pack_quickly_and_truthfully(tmp_path: Path) -> None:
    status, output, seconds, peak_kb = run_measured("validate", hostile_pack(tmp_path))
    assert status == 1
    assert seconds < 120
    assert peak_kb < 1_500_000  # the largest child so far, this one included
    assert "Traceback" not in output
    lines = output.splitlines()
    assert all(not has_unsafe_characters(line) for line in lines)
    errors = sum(": error: " in line for line in lines)
    warnings = sum(": warning: " in line for line in lines)
    assert re.fullmatch(rf"{errors} errors?, {warnings} warnings? in \d+ files", lines[-1])
    assert errors >= 4
    assert any("images/circle.svg:1: error: the drawing would take too long" in line for line in lines)
    assert any("images/square.svg:1: error:" in line and "too tall" in line for line in lines)
    assert any("nested too deeply" in line for line in lines)


def test_the_kiosk_refuses_the_hostile_pack_and_renders_the_bundled_one(tmp_path: Path) -> None:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "kiosk", "screenshots", hostile_pack(tmp_path), "--out", tmp_path / "out"],
        capture_output=True,
        text=True,
        timeout=240,
        env=environment,
        cwd=TESTS.parent,
    )
    assert time.monotonic() - started < 180
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "the pack has errors, so nothing was rendered" in done.stderr
    assert all(not has_unsafe_characters(line) for line in done.stderr.splitlines())


_YAML_PIECES = st.sampled_from(
    [
        "a",
        ":",
        " ",
        "\n",
        "- ",
        "[",
        "]",
        "{",
        "}",
        "&x",
        "*x",
        "!!python/object",
        '"',
        "'",
        "#",
        "\t",
        "?",
        "|",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_YAML_PIECES, max_size=300))
def test_any_yaml_is_read_or_refused_with_a_line(pieces: list[str]) -> None:
    started = time.monotonic()
    result = parse_yaml("".join(pieces))
    assert time.monotonic() - started < 10
    if isinstance(result, YamlIssue):
        assert result.line >= 1 and result.message
