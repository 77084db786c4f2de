"""How long one loop of a moving demo lasts, read from the file without decoding any picture.

The exercise checks need it (a step cannot start after the animation ends) and so does the
player's clock. Only the few bytes that hold the timing are read: the `dur` of SVG animations,
the frame delays of a GIF, the frame durations of an animated WebP, the movie header of an MP4.
A still picture has no length (None): its steps then define the timeline on their own.
"""

from __future__ import annotations

import re
import struct
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path

import defusedxml
import defusedxml.ElementTree

MAX_SVG_BYTES = 2 * 1024 * 1024
MAX_PICTURE_BYTES = 20 * 1024 * 1024
SMIL_ELEMENTS = ("animateTransform", "animateColor", "animate", "animateMotion", "set")
MAX_CLOCK_CHARS = 64
"""A clock value longer than this is not one; reading it costs nothing whatever its length."""
_CLOCK = re.compile(r"^\s*(\d+(?:\.\d+)?|\.\d+)\s*(ms|s|min|h)?\s*$")
_CSS_WORD = re.compile(r"[0-9.]+[a-z]*|[^0-9.]+", re.IGNORECASE)
"""Splits a declaration into number-and-unit words and the rest, each character read once (the
older pattern retried every digit of a long number as a fresh start: quadratic time)."""
_CSS_TIME = re.compile(r"(\d{1,20}(?:\.\d{1,20})?|\.\d{1,20})(ms|s)", re.IGNORECASE)
_CSS_ANIMATION = re.compile(r"animation(?:-duration)?[ \t\r\n]*:([^;}]*)", re.IGNORECASE)


@dataclass(frozen=True)
class MotionLength:
    seconds: float | None
    """Length of one loop in seconds, or None for a still picture."""


def clock_seconds(text: str) -> float | None:
    """An SVG clock value like '2s', '1500ms' or '3' in seconds; None if it is not one."""
    if len(text) > MAX_CLOCK_CHARS:
        return None
    match = _CLOCK.match(text)
    if not match:
        return None
    factor = {"ms": 0.001, "s": 1.0, "min": 60.0, "h": 3600.0, None: 1.0}[match.group(2)]
    return float(match.group(1)) * factor


def css_time_seconds(declaration: str) -> float | None:
    """The first time ('2s', '.5s', '1500ms') in a CSS animation declaration, in seconds, or None.

    Runs in time linear in the declaration: words are split once, and each is matched whole."""
    for word in _CSS_WORD.finditer(declaration):
        match = _CSS_TIME.fullmatch(word.group())
        if match:
            return float(match.group(1)) * (0.001 if match.group(2).lower() == "ms" else 1.0)
    return None


def motion_length_of_file(path: Path, extension: str) -> MotionLength | str:
    """The loop length of the file at `path`, or a sentence saying why it cannot be read."""
    try:
        if extension == ".mp4":
            return _mp4_length(path)
        limit = MAX_SVG_BYTES if extension == ".svg" else MAX_PICTURE_BYTES
        with path.open("rb") as stream:
            data = stream.read(limit + 1)
    except OSError as error:
        return f"the file cannot be opened ({error.strerror or error.__class__.__name__})"
    if len(data) > limit:
        return "the file is too large"
    return motion_length(data, extension)


def motion_length(data: bytes, extension: str) -> MotionLength | str:
    """The loop length of a demo file's content (not MP4, which is read from its file)."""
    if extension == ".svg":
        return _svg_length(data)
    if extension == ".gif":
        return _gif_length(data)
    if extension == ".webp":
        return _webp_length(data)
    return MotionLength(None)


def _svg_length(data: bytes) -> MotionLength | str:
    try:
        root = defusedxml.ElementTree.fromstring(data, forbid_dtd=True)
    except (ElementTree.ParseError, defusedxml.DefusedXmlException, ValueError) as error:
        return f"the drawing cannot be read ({error.__class__.__name__})"
    longest = 0.0
    for element in root.iter():
        tag = element.tag.rsplit("}", 1)[-1] if isinstance(element.tag, str) else ""
        if tag in SMIL_ELEMENTS:
            duration = clock_seconds(element.get("dur", ""))
            begin = clock_seconds(element.get("begin", "0")) or 0.0
            if duration:
                longest = max(longest, begin + duration)
        elif tag == "style" and element.text:
            for declaration in _CSS_ANIMATION.finditer(element.text):
                seconds = css_time_seconds(declaration.group(1))
                if seconds is not None:
                    longest = max(longest, seconds)
    return MotionLength(longest or None)


def frame_count(data: bytes, extension: str) -> int | str:
    """How many frames a GIF or WebP holds (1 for a still picture), or why it cannot be read.

    Qt keeps every frame of a demo decoded at the picture's full size, so the media checks bound
    frames x pixels with this count."""
    if extension == ".gif":
        found = _gif_frames(data)
    elif extension == ".webp":
        found = _webp_frames(data)
    else:
        return 1
    return found if isinstance(found, str) else max(1, found[0])


def _gif_length(data: bytes) -> MotionLength | str:
    """Sum of the frame delays (in hundredths of a second) of a GIF; None for a single frame."""
    found = _gif_frames(data)
    if isinstance(found, str):
        return found
    frames, total = found
    if frames <= 1:
        return MotionLength(None)
    return MotionLength(total / 100.0 or None)


def _gif_frames(data: bytes) -> tuple[int, int] | str:
    """(frames, sum of delays in hundredths of a second) of a GIF."""
    if data[:6] not in (b"GIF87a", b"GIF89a") or len(data) < 13:
        return "the file is not a GIF picture"
    position = 13
    if data[10] & 0x80:
        position += 3 * (2 ** ((data[10] & 0x07) + 1))
    total, frames = 0, 0
    try:
        while position < len(data):
            marker = data[position]
            if marker == 0x3B:  # trailer
                break
            if marker == 0x21:  # extension
                label = data[position + 1]
                if label == 0xF9:
                    total += struct.unpack_from("<H", data, position + 4)[0]
                position = _skip_sub_blocks(data, position + 2)
            elif marker == 0x2C:  # image
                frames += 1
                flags = data[position + 9]
                position += 10
                if flags & 0x80:
                    position += 3 * (2 ** ((flags & 0x07) + 1))
                position = _skip_sub_blocks(data, position + 1)
            else:
                return "the GIF is damaged"
    except (IndexError, struct.error):
        return "the GIF is damaged or cut short"
    return frames, total


def _skip_sub_blocks(data: bytes, position: int) -> int:
    while True:
        size = data[position]
        position += 1 + size
        if size == 0:
            return position


def _webp_length(data: bytes) -> MotionLength | str:
    """Sum of the ANMF frame durations (milliseconds) of an animated WebP."""
    found = _webp_frames(data)
    if isinstance(found, str):
        return found
    frames, total = found
    if frames <= 1:
        return MotionLength(None)
    return MotionLength(total / 1000.0 or None)


def _webp_frames(data: bytes) -> tuple[int, int] | str:
    """(ANMF frames, sum of their durations in milliseconds) of a WebP; 0 frames for a still one."""
    if data[:4] != b"RIFF" or data[8:12] != b"WEBP":
        return "the file is not a WebP picture"
    position, total, frames = 12, 0, 0
    while position + 8 <= len(data):
        kind = data[position : position + 4]
        size = struct.unpack_from("<I", data, position + 4)[0]
        if kind == b"ANMF":
            if position + 24 > len(data):
                return "the WebP is cut short"
            total += int.from_bytes(data[position + 20 : position + 23], "little")
            frames += 1
        position += 8 + size + (size & 1)
    return frames, total


def _mp4_length(path: Path) -> MotionLength | str:
    """Duration from the movie header ('moov' > 'mvhd'), found by jumping from box to box."""
    with path.open("rb") as stream:
        size_of_file = stream.seek(0, 2)
        position = 0
        for _ in range(10_000):
            if position + 8 > size_of_file:
                break
            stream.seek(position)
            size, kind = struct.unpack(">I4s", stream.read(8))
            header = 8
            if size == 1:
                size = struct.unpack(">Q", stream.read(8))[0]
                header = 16
            elif size == 0:
                size = size_of_file - position
            if size < header:
                return "the video is damaged"
            if kind == b"moov":
                return _mvhd_length(stream.read(min(size - header, 64 * 1024)))
            position += size
    return "the video has no movie header (moov); export it again as MP4 (H.264)"


def _mvhd_length(moov: bytes) -> MotionLength | str:
    index = moov.find(b"mvhd")
    if index < 4:
        return "the video has no movie header"
    body = moov[index + 4 :]
    try:
        if body[0] == 1:
            timescale, duration = struct.unpack_from(">IQ", body, 20)
        else:
            timescale, duration = struct.unpack_from(">II", body, 12)
    except struct.error:
        return "the video header is cut short"
    if not timescale:
        return "the video header is damaged"
    return MotionLength(duration / timescale or None)
