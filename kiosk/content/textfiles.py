"""Reading the pack's own text files (pack.yaml, pages) with size caps and clear encoding errors."""

from __future__ import annotations

from pathlib import Path

from kiosk.content.paths import UnsafePath, resolve_inside
from kiosk.content.problems import Problem, Severity

MAX_MANIFEST_BYTES = 1024 * 1024
MAX_PAGE_BYTES = 64 * 1024


def read_text(root: Path, relative: str, limit: int) -> str | Problem:
    """The file's text, or the one problem that stops it being read (never raises)."""

    def problem(message: str, fix: str, line: int = 1) -> Problem:
        return Problem(relative, line, Severity.ERROR, message, fix)

    try:
        path = resolve_inside(root, relative)
        if not path.is_file():  # a folder, or a device or pipe that could block reading forever
            return problem("this is not a normal file", "replace it with a text file of that name")
        with path.open("rb") as stream:
            data = stream.read(limit + 1)
    except UnsafePath as error:
        return problem(f"this file cannot be used: {error}", "replace the link with the real file")
    except OSError as error:
        return problem(
            f"the file cannot be opened ({error.strerror or error.__class__.__name__})",
            "check that it is a normal file that is not locked",
        )
    if len(data) > limit:
        return problem(
            f"the file is too large (more than {limit // 1024} KB)",
            "shorten it; a page should be a few short paragraphs",
        )
    if b"\x00" in data:
        return problem(
            "this is not a text file (it contains binary data)",
            "save it again from a text editor as plain UTF-8 text",
            data.count(b"\n", 0, data.index(b"\x00")) + 1,
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return problem(
            "the file is not saved as UTF-8 text, so some letters cannot be read",
            "open it in your editor and save it with the encoding 'UTF-8'",
            data.count(b"\n", 0, error.start) + 1,
        )
    return text.replace("\r\n", "\n").replace("\r", "\n")
