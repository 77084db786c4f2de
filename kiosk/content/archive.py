"""Unpacking a zipped pack safely: no file may land outside the target folder (zip-slip), and the
archive may not expand into more files or bytes than any real pack needs (zip bombs)."""

from __future__ import annotations

import stat
import zipfile
from pathlib import Path

from kiosk.content.paths import path_problem

MAX_ENTRIES = 5_000
MAX_TOTAL_BYTES = 500 * 1024 * 1024
MAX_RATIO = 200
"""A file that expands more than this many times its compressed size is treated as a zip bomb."""
_CHUNK = 1024 * 1024


class ArchiveError(ValueError):
    """The zip file cannot be used; `fix` says what to do about it."""

    def __init__(self, message: str, fix: str) -> None:
        super().__init__(message)
        self.fix = fix


def extract_pack_archive(archive: Path, destination: Path) -> Path:
    """Unpack `archive` into the empty folder `destination`; returns the folder holding pack.yaml."""
    try:
        with zipfile.ZipFile(archive) as zipped:
            members = zipped.infolist()
            if len(members) > MAX_ENTRIES:
                raise ArchiveError(
                    f"the zip file holds more than {MAX_ENTRIES} files", "zip only the pack folder"
                )
            total = 0
            for member in members:
                total += _extract_member(zipped, member, destination, MAX_TOTAL_BYTES - total)
    except ArchiveError:
        raise
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        OSError,
        EOFError,
        ValueError,
        NotImplementedError,
    ) as error:
        raise ArchiveError(
            f"the zip file cannot be opened ({error.__class__.__name__})",
            "make the zip again from the pack folder: right-click the folder and choose 'Compress'",
        ) from error
    if (destination / "pack.yaml").is_file():
        return destination
    folders = [child for child in destination.iterdir() if child.is_dir()]
    if len(folders) == 1 and (folders[0] / "pack.yaml").is_file():
        return folders[0]
    raise ArchiveError("the zip file has no pack.yaml at its top", "zip the pack folder itself")


def _extract_member(zipped: zipfile.ZipFile, member: zipfile.ZipInfo, destination: Path, budget: int) -> int:
    name = member.filename.rstrip("/")
    if not name:
        return 0
    reason = path_problem(name)
    if reason is not None:
        raise ArchiveError(
            f"the zip file contains an unsafe name '{member.filename[:80]}': {reason}",
            "make the zip again from the pack folder",
        )
    mode = member.external_attr >> 16
    if stat.S_ISLNK(mode):
        raise ArchiveError(f"the zip file contains a link ('{name}')", "replace links with the real files")
    target = destination / name
    if member.is_dir():
        target.mkdir(parents=True, exist_ok=True)
        return 0
    if member.file_size > budget:
        raise ArchiveError("the zip file unpacks to far too much data", "zip only the pack folder")
    if (
        member.compress_size
        and member.file_size > 1024 * 1024
        and member.file_size > MAX_RATIO * member.compress_size
    ):
        raise ArchiveError(f"'{name}' in the zip file is suspiciously compressed", "make the zip again")
    target.parent.mkdir(parents=True, exist_ok=True)
    written = 0
    with zipped.open(member) as source, target.open("wb") as sink:
        while chunk := source.read(_CHUNK):
            written += len(chunk)
            if written > member.file_size or written > budget:  # the header lied about the size
                raise ArchiveError("the zip file unpacks to more data than it says", "make the zip again")
            sink.write(chunk)
    return written
