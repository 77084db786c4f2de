"""Checks on every file a pack names: where it is, what type it is, and whether it is safe to show.

Two kinds of problem come out, reported in two places: a bad *reference* (unsafe path, missing
file, unsupported type) is reported on the line of pack.yaml or of the page that names the file; a
bad *file* (a picture too large, an SVG with a script) is reported once, on the file itself.
"""

from __future__ import annotations

import os
from pathlib import Path

from kiosk.content.checked_media import remember_checked
from kiosk.content.images import (
    HEADER_BYTES,
    BadImage,
    ImageSize,
    looks_like_mp4,
    read_image_size,
    size_problem,
)
from kiosk.content.media_limits import MAX_PICTURE_BYTES as MAX_PICTURE_BYTES
from kiosk.content.motion_length import frame_count
from kiosk.content.paths import UnsafePath, resolve_inside
from kiosk.content.problems import Problem, Severity
from kiosk.content.svg import MAX_SVG_BYTES, check_svg

PICTURE_TYPES = (".svg", ".png", ".jpg", ".jpeg", ".webp", ".gif")
MEDIA_TYPES = (*PICTURE_TYPES, ".mp4")
MAX_VIDEO_BYTES = 200 * 1024 * 1024
MAX_ANIMATION_PIXELS = 64_000_000
"""Pixels over all frames of an animated GIF or WebP (256 MB once decoded): the player keeps every
frame, each at the picture's full size, so a huge canvas with many frames would exhaust memory."""


def extension_of(relative: str) -> str:
    name = relative.rsplit("/", 1)[-1]
    return "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""


def spelling_on_disk(root: Path, relative: str) -> str | None:
    """How `relative` is actually spelled in the folder, matching capital letters loosely, or None.

    A pack written on Windows or macOS, where 'Spine.svg' and 'spine.svg' are the same file, must
    still work on a Linux kiosk where they are not.
    """
    folder, spelled = root, []
    for part in relative.split("/"):
        try:
            names = os.listdir(folder)
        except OSError:
            return None
        if part not in names:
            part = next((name for name in sorted(names) if name.lower() == part.lower()), "")
            if not part:
                return None
        spelled.append(part)
        folder = folder / part
    return "/".join(spelled)


def reference_problem(root: Path, relative: str, allowed: tuple[str, ...]) -> tuple[str, str] | None:
    """(message, fix) if `relative` cannot be used as a media file of one of the `allowed` types."""
    try:
        path = resolve_inside(root, relative)
    except UnsafePath as error:
        return (
            f"'{relative}' is not a safe file name: {error}",
            "put the file in the pack folder and write its path like images/spine.svg",
        )
    extension = extension_of(relative)
    if extension not in allowed:
        names = " ".join(allowed)
        return (f"'{relative}' is not a supported kind of file here", f"use one of: {names}")
    spelled = spelling_on_disk(root, relative)
    if spelled is not None and spelled != relative:
        return (
            f"the file is called '{spelled}', not '{relative}'; capital letters count on the kiosk",
            f"write '{spelled}', or rename the file",
        )
    if not path.exists():
        return (
            f"the file '{relative}' is missing",
            "check the spelling, including capital letters, or add the file to the pack folder",
        )
    if not path.is_file():
        return (f"'{relative}' is a folder or a special file, not a picture", "name a picture file instead")
    return None


def file_problems(root: Path, relative: str) -> list[Problem]:
    """Problems with the content of a media file that exists inside the pack (checked once per file)."""
    path = resolve_inside(root, relative)
    extension = extension_of(relative)

    def problem(message: str, fix: str, line: int = 0) -> Problem:
        return Problem(relative, line, Severity.ERROR, message, fix)

    try:
        if not path.is_file():  # a device or pipe that could block reading forever
            return [problem("this is not a normal file", "replace it with the real picture")]
        size = path.stat().st_size
        limit = {".svg": MAX_SVG_BYTES, ".mp4": MAX_VIDEO_BYTES}.get(extension, MAX_PICTURE_BYTES)
        if size > limit:
            return [
                problem(
                    f"the file is too large ({size // (1024 * 1024)} MB, at most "
                    f"{limit // (1024 * 1024)} MB)",
                    "make it smaller or shorter",
                )
            ]
        if size == 0:
            return [problem("the file is empty", "replace it with the real picture")]
        with path.open("rb") as stream:
            data = stream.read(HEADER_BYTES if extension == ".mp4" else limit)
    except OSError as error:
        return [
            problem(
                f"the file cannot be opened ({error.strerror or error.__class__.__name__})",
                "check that the file is not locked or damaged",
            )
        ]
    if extension == ".mp4":
        if not looks_like_mp4(data):
            return [
                problem(
                    "the file is not a real MP4 video", "export the video again as an MP4 file with H.264"
                )
            ]
        return []
    found = [problem(message, fix, line) for line, message, fix in picture_data_problems(data, extension)]
    if not found:
        remember_checked(data)  # the kiosk draws these bytes only (see `checked_media`)
    return found


def picture_data_problems(data: bytes, extension: str) -> list[tuple[int, str, str]]:
    """(line, message, fix) for every reason to refuse a picture's content; empty when it may be drawn.

    Used on the file when a pack is checked, and again on the bytes about to be drawn when they
    differ from the ones checked."""
    if extension == ".svg":
        return [(issue.line, issue.message, issue.fix) for issue in check_svg(data)]
    try:
        size = read_image_size(data[:HEADER_BYTES], extension)
    except BadImage as error:
        return [(0, str(error), "save the picture again from a picture editor, with the right type")]
    reason = size_problem(size)
    if reason is not None:
        return [(0, reason, "resize the picture to at most 1920 pixels wide")]
    return [(0, message, fix) for message, fix in _animation_problems(data, extension, size)]


def _animation_problems(data: bytes, extension: str, size: ImageSize) -> list[tuple[str, str]]:
    frames = frame_count(data, extension)
    if isinstance(frames, str):
        return [(frames, "save the picture again from a picture editor")]
    if frames * size.width * size.height > MAX_ANIMATION_PIXELS:
        return [
            (
                f"the animation has {frames} frames of {size.width} x {size.height} pixels, too much "
                f"to keep in memory (at most {MAX_ANIMATION_PIXELS // 1_000_000} million pixels over "
                "all frames)",
                "make the picture smaller, or use fewer frames",
            )
        ]
    return []
