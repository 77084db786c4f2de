"""Reading how long one loop of a demo lasts, for every kind of moving picture a pack may use."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from kiosk.content.motion_length import MotionLength, clock_seconds, motion_length, motion_length_of_file


def gif(delays: list[int]) -> bytes:
    """A tiny GIF with one 1x1 frame per delay (hundredths of a second)."""
    out = b"GIF89a" + struct.pack("<HHBBB", 1, 1, 0, 0, 0)
    for delay in delays:
        out += b"\x21\xf9\x04\x00" + struct.pack("<H", delay) + b"\x00\x00"
        out += b"\x2c" + struct.pack("<HHHHB", 0, 0, 1, 1, 0) + b"\x02\x02\x4c\x01\x00"
    return out + b"\x3b"


def webp(durations_ms: list[int]) -> bytes:
    chunks = b"VP8X" + struct.pack("<I", 10) + bytes(10) + b"ANIM" + struct.pack("<I", 6) + bytes(6)
    for duration in durations_ms:
        payload = bytes(12) + duration.to_bytes(3, "little") + b"\x00"
        chunks += b"ANMF" + struct.pack("<I", len(payload)) + payload
    return b"RIFF" + struct.pack("<I", 4 + len(chunks)) + b"WEBP" + chunks


def mp4(timescale: int, duration: int, version: int = 0) -> bytes:
    def box(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", 8 + len(body)) + kind + body

    if version == 0:
        header = struct.pack(">B3xIIII", 0, 0, 0, timescale, duration)
    else:
        header = struct.pack(">B3xQQIQ", 1, 0, 0, timescale, duration)
    return box(b"ftyp", b"isom" + bytes(4)) + box(b"mdat", bytes(1000)) + box(b"moov", box(b"mvhd", header))


SVG_SMIL = b"""<svg xmlns="http://www.w3.org/2000/svg"><g>
<animateTransform attributeName="transform" type="rotate" values="0;10;0" dur="2.5s"
 repeatCount="indefinite"/>
<animateColor attributeName="fill" values="#000;#fff" begin="1s" dur="1500ms"/></g></svg>"""
SVG_CSS = b"""<svg xmlns="http://www.w3.org/2000/svg"><style>
@keyframes k { from { opacity: 1 } to { opacity: 0 } } .a { animation: k 3s linear infinite; }
</style><rect class="a" width="1" height="1"/></svg>"""


@pytest.mark.parametrize(
    ("data", "extension", "seconds"),
    [
        (SVG_SMIL, ".svg", 2.5),
        (SVG_CSS, ".svg", 3.0),
        (b'<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>', ".svg", None),
        (gif([10, 20, 30]), ".gif", 0.6),
        (gif([50]), ".gif", None),
        (webp([100, 250, 150]), ".webp", 0.5),
        (b"\x89PNG\r\n\x1a\n" + bytes(30), ".png", None),
    ],
)
def test_loop_length_of_each_kind_of_demo(data: bytes, extension: str, seconds: float | None) -> None:
    length = motion_length(data, extension)
    assert isinstance(length, MotionLength)
    assert length.seconds == (pytest.approx(seconds) if seconds is not None else None)


@pytest.mark.parametrize("version", [0, 1])
def test_video_length_comes_from_the_movie_header(tmp_path: Path, version: int) -> None:
    video = tmp_path / "demo.mp4"
    video.write_bytes(mp4(timescale=600, duration=4200, version=version))
    assert motion_length_of_file(video, ".mp4") == MotionLength(7.0)


@pytest.mark.parametrize(
    ("data", "extension"),
    [
        (b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "b">]><svg>&a;</svg>', ".svg"),
        (b"<svg><g>", ".svg"),
        (gif([10, 20])[:-12], ".gif"),
        (b"GIF89a", ".gif"),
        (b"RIFF\x00\x00\x00\x00WEBP" + b"ANMF" + struct.pack("<I", 30) + bytes(4), ".webp"),
        (b"not a picture at all", ".webp"),
    ],
)
def test_a_damaged_or_hostile_demo_gives_a_reason_not_a_crash(data: bytes, extension: str) -> None:
    assert isinstance(motion_length(data, extension), str)


def test_a_video_without_a_movie_header_gives_a_reason(tmp_path: Path) -> None:
    video = tmp_path / "demo.mp4"
    video.write_bytes(struct.pack(">I", 16) + b"ftyp" + bytes(8) + struct.pack(">I", 4) + b"free")
    assert isinstance(motion_length_of_file(video, ".mp4"), str)


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("2s", 2.0), ("1500ms", 1.5), ("3", 3.0), (".5s", 0.5), ("1min", 60.0), ("fast", None)],
)
def test_svg_clock_values(text: str, seconds: float | None) -> None:
    assert clock_seconds(text) == seconds
