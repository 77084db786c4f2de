"""Copying a pack folder into a store slot: real files only, never through a link, flushed to disk.

A link inside a pack could point anywhere on the machine (a password file, another user's
documents), so a pack holding one is refused rather than copied. Hidden files and folders
(`.git`, `.DS_Store`) are left out, as the kiosk never shows them. Every file is fsynced before
the slot is renamed into place, so a power cut cannot leave a slot that looks whole but is not.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from kiosk.content.archive import MAX_ENTRIES, MAX_TOTAL_BYTES
from kiosk.store.text import printable

_CHUNK = 1024 * 1024


class CopyRefused(ValueError):
    """The folder cannot be copied as a pack; the message names the file and says why."""


def links_inside(folder: Path) -> list[str]:
    """Every link in `folder` (relative paths), hidden ones included."""
    found: list[str] = []
    for current, subfolders, names in os.walk(folder, followlinks=False):
        for name in subfolders + names:
            full = Path(current) / name
            if full.is_symlink():
                found.append(full.relative_to(folder).as_posix())
    return sorted(found)


def copy_pack(source: Path, target: Path) -> int:
    """Copy the pack in `source` into the new folder `target`; returns the number of files."""
    links = links_inside(source)
    if links:
        raise CopyRefused(f"{printable(links[0])} is a link; replace it with the real file or folder")
    target.mkdir(parents=True)
    files = total = 0
    for current, subfolders, names in os.walk(source, followlinks=False):
        subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
        here = Path(current)
        destination = target / here.relative_to(source)
        for name in subfolders:
            (destination / name).mkdir()
        for name in sorted(names):
            if name.startswith("."):
                continue
            files += 1
            if files > MAX_ENTRIES:
                raise CopyRefused(f"the pack holds more than {MAX_ENTRIES} files; keep only what pages use")
            total += _copy_file(here / name, destination / name, MAX_TOTAL_BYTES - total)
        _sync(destination)
    return files


def _copy_file(source: Path, target: Path, budget: int) -> int:
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)
    descriptor = os.open(source, flags)
    written = 0
    with os.fdopen(descriptor, "rb") as reader:
        if not stat.S_ISREG(os.fstat(reader.fileno()).st_mode):
            raise CopyRefused(f"{printable(source.name)} is not a plain file")
        with target.open("xb") as writer:
            while chunk := reader.read(_CHUNK):
                written += len(chunk)
                if written > budget:
                    raise CopyRefused(f"the pack is larger than {MAX_TOTAL_BYTES // (1024 * 1024)} MB")
                writer.write(chunk)
            writer.flush()
            os.fsync(writer.fileno())
    return written


def _sync(folder: Path) -> None:
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def sync_folder(folder: Path) -> None:
    """Make renames inside `folder` durable (where the platform can open a folder)."""
    _sync(folder)
