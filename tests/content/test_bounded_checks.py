"""Checks on pack text finish quickly whatever the text, and nothing a pack holds is silently lost.

Times are bounded generously (so a hang or a quadratic blow-up fails the test instead of stalling it),
never asserted as speed.
"""

from __future__ import annotations

import shutil
import struct
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.content.markdown import MAX_LIST_DEPTH, render_markdown
from kiosk.content.media import file_problems
from kiosk.content.models import TEXT_LIMITS
from kiosk.content.motion_length import MotionLength, css_time_seconds, motion_length
from kiosk.content.validator import validate_pack

MINI = Path(__file__).resolve().parents[1] / "packs" / "mini"
SVG = 'xmlns="http://www.w3.org/2000/svg"'


def within(seconds: float, started: float) -> None:
    assert time.monotonic() - started < seconds, "this check must not take this long"


@pytest.mark.parametrize("digits", [40_000, 200_000, 1_000_000])
def test_long_css_animation_times_are_read_in_linear_time(digits: int) -> None:
    started = time.monotonic()
    svg = f"<svg {SVG}><style>.a {{ animation: spin {'1' * digits} linear }}</style></svg>".encode()
    assert motion_length(svg, ".svg") == MotionLength(None)
    within(10, started)


def test_css_animation_times_are_still_read() -> None:
    svg = f"<svg {SVG}><style>.a {{ animation: spin 2.5s linear infinite; }}</style></svg>"
    assert motion_length(svg.encode(), ".svg") == MotionLength(2.5)
    assert css_time_seconds(" turn 1500ms ease") == 1.5
    assert css_time_seconds(" turn 2sec") is None


@pytest.mark.parametrize(
    "text",
    [
        "![" * 32_000,
        "[" * 64_000,
        "[a](" * 16_000,
        "*_" * 32_000,
        "a**" * 21_000,
        "<a" * 32_000,
        "[\n" * 32_000,
        "&#" * 32_000,
    ],
)
def test_markdown_parser_worst_cases_finish(text: str) -> None:
    started = time.monotonic()
    render_markdown(text)
    within(30, started)


def test_lists_nested_too_deep_are_an_error_not_lost_text() -> None:
    fine = "".join("  " * level + f"- item {level}\n" for level in range(MAX_LIST_DEPTH)) + "\nThe end.\n"
    assert render_markdown(fine).issues == []
    assert "The end." in render_markdown(fine).plain_text
    deep = "".join("  " * level + f"- item {level}\n" for level in range(12)) + "\nThe end.\n"
    messages = [issue.message for issue in render_markdown(deep, first_line=5).issues]
    assert any("inside lists more than 4 deep" in message for message in messages)
    assert any("the rest of the page could not be read" in message for message in messages)
    emphasis = "**" * 30 + "word" + "**" * 30 + " and more words"
    assert any("nested too deeply" in issue.message for issue in render_markdown(emphasis).issues)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.sampled_from(["- ", "  ", "*", "_", "[", "](", "a", "\n", "1. ", "#", "<", "!"]), max_size=400
    )
)
def test_any_markdown_either_renders_or_says_why(pieces: list[str]) -> None:
    text = "".join(pieces)
    started = time.monotonic()
    body = render_markdown(text)
    within(10, started)
    assert all(issue.line >= 1 for issue in body.issues)


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    return Path(shutil.copytree(MINI, tmp_path / "pack"))


def test_long_manifest_texts_are_refused_with_their_limit(pack: Path) -> None:
    manifest = (pack / "pack.yaml").read_text()
    long_welcome = "Welcome. " * 30_000
    (pack / "pack.yaml").write_text(manifest.replace("Tap a topic to start.", long_welcome))
    started = time.monotonic()
    report = validate_pack(pack)
    within(60, started)
    assert report.errors == 1
    assert f"at most {TEXT_LIMITS['welcome']} letters" in report.problems[0].message


def gif(width: int, height: int, frames: int) -> bytes:
    out = b"GIF89a" + struct.pack("<HHBBB", width, height, 0, 0, 0)
    for _ in range(frames):
        out += b"\x21\xf9\x04\x00" + struct.pack("<H", 5) + b"\x00\x00"
        out += b"\x2c" + struct.pack("<HHHHB", 0, 0, 1, 1, 0) + b"\x02\x02\x4c\x01\x00"
    return out + b"\x3b"


def test_animations_with_too_many_large_frames_are_refused(tmp_path: Path) -> None:
    (tmp_path / "huge.gif").write_bytes(gif(4096, 4096, 40))
    (tmp_path / "fine.gif").write_bytes(gif(800, 600, 60))
    problems = file_problems(tmp_path, "huge.gif")
    assert len(problems) == 1 and "40 frames of 4096 x 4096" in problems[0].message
    assert file_problems(tmp_path, "fine.gif") == []
