"""Path safety: every file a pack names must stay inside the pack folder.

A pack comes from outside (a USB stick, an e-mail, a download), so a path in it is treated as
hostile until proven otherwise: it must be relative, written with forward slashes, free of `..`,
and must still be inside the pack once symbolic links are followed.
"""

from __future__ import annotations

import re
from pathlib import Path

_DRIVE = re.compile(r"^[A-Za-z]:")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class UnsafePath(ValueError):
    """A path that could reach outside the pack; the message says why in plain words."""


def path_problem(relative: str) -> str | None:
    """Why `relative` is not an acceptable pack path, judged from the text alone, or None if it is."""
    if not relative or not relative.strip():
        return "the file name is empty"
    if _CONTROL.search(relative):
        return "the file name contains invisible control characters"
    if "\\" in relative:
        return "the path uses backslashes (\\); write it with forward slashes (/)"
    if relative.startswith("/") or _DRIVE.match(relative) or relative.startswith("~"):
        return "the path is absolute; write it relative to the pack folder, like images/spine.svg"
    parts = relative.split("/")
    if any(part == ".." for part in parts):
        return "the path goes up out of the folder with '..'"
    if any(part in ("", ".") for part in parts):
        return "the path has an empty part ('//' or './')"
    if relative != relative.strip():
        return "the path starts or ends with a space"
    return None


def resolve_inside(root: Path, relative: str) -> Path:
    """The absolute path of `relative` inside `root`; raises UnsafePath if it could leave the pack.

    Symbolic links are followed before the check, so a link that points outside the pack is refused
    even if its own name looks harmless.
    """
    reason = path_problem(relative)
    if reason is not None:
        raise UnsafePath(reason)
    real_root = root.resolve()
    try:
        candidate = (real_root / relative).resolve()
    except (OSError, RuntimeError, ValueError) as error:  # symlink loops, names too long
        raise UnsafePath(f"the path cannot be followed ({error.__class__.__name__})") from error
    if not candidate.is_relative_to(real_root):
        raise UnsafePath("the path leads outside the pack folder (through a link or shortcut)")
    return candidate
