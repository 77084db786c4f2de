"""The inbox: a folder that a sync engine the clinic already runs (Syncthing, rsync, a network
share, an MDM) fills with packs. Whatever settles there is installed through the store.

- A pack folder or `.zip` in the inbox is installed once nothing in it has changed for
  `settle_seconds` (sync engines write files one by one; Syncthing and rsync write hidden temporary
  names first, which are ignored).
- Installed: moved into `installed/`. Already showing (same id and version): moved there too.
- Refused: moved into `refused/`, with `<name>.refused.txt` beside it giving every reason.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kiosk.store.packstore import InstallRefused, PackStore, StoreError
from kiosk.store.records import SlotInfo, local_time, now_utc
from kiosk.store.source import is_zip
from kiosk.store.text import printable

INSTALLED_FOLDER = "installed"
REFUSED_FOLDER = "refused"
REFUSAL_SUFFIX = ".refused.txt"
DEFAULT_SETTLE_SECONDS = 10.0
MAX_FILES_LOOKED_AT = 20_000


@dataclass(frozen=True)
class InboxResult:
    name: str
    installed: SlotInfo | None = None
    already_showing: bool = False
    reasons: tuple[str, ...] = ()

    def line(self) -> str:
        """One line for the log or the terminal."""
        if self.installed is not None:
            return f"inbox: {self.name}: installed {self.installed.label}; it shows after the next idle reset"
        if self.already_showing:
            return f"inbox: {self.name}: already showing; moved to {INSTALLED_FOLDER}/"
        first = self.reasons[0] if self.reasons else ""
        return f"inbox: {self.name}: refused ({first}); see {REFUSED_FOLDER}/{self.name}{REFUSAL_SUFFIX}"


def waiting_packs(inbox: Path) -> list[Path]:
    """Pack folders and zips in the inbox, in name order (temporary and hidden names skipped)."""
    try:
        entries = sorted(inbox.iterdir())
    except (FileNotFoundError, NotADirectoryError):
        return []
    found = []
    for entry in entries:
        name = entry.name
        if name.startswith((".", "~")) or name in (INSTALLED_FOLDER, REFUSED_FOLDER) or name.endswith(".tmp"):
            continue
        if entry.is_symlink():
            continue
        if entry.is_dir() or (is_zip(entry) and entry.is_file()):
            found.append(entry)
    return found


def newest_change(entry: Path) -> float:
    """The latest modification time of `entry` and everything in it."""
    newest = entry.lstat().st_mtime
    looked = 0
    if entry.is_dir():
        for current, subfolders, names in os.walk(entry, followlinks=False):
            for name in subfolders + names:
                looked += 1
                if looked > MAX_FILES_LOOKED_AT:
                    return newest
                try:
                    newest = max(newest, (Path(current) / name).lstat().st_mtime)
                except OSError:
                    continue
    return newest


def process_inbox(
    store: PackStore,
    inbox: Path,
    *,
    settle_seconds: float = DEFAULT_SETTLE_SECONDS,
    clock: Callable[[], float] = time.time,
) -> list[InboxResult]:
    """Install every settled pack in `inbox`; returns what happened to each."""
    results = []
    for entry in waiting_packs(inbox):
        try:
            if clock() - newest_change(entry) < settle_seconds:
                continue  # still arriving
        except OSError:
            continue
        results.append(_take(store, inbox, entry))
    return results


def _take(store: PackStore, inbox: Path, entry: Path) -> InboxResult:
    name = printable(entry.name)
    try:
        installed = store.install(entry).slot
    except InstallRefused as refused:
        active = store.active()
        if active is not None and refused.what == active.label:
            _move(entry, inbox / INSTALLED_FOLDER)
            return InboxResult(name, already_showing=True)
        reasons = tuple(refused.reasons)
    except (StoreError, OSError) as error:
        reasons = (printable(str(error)),)
        store.record_refusal(entry.name, str(entry), list(reasons))
    else:
        _move(entry, inbox / INSTALLED_FOLDER)
        return InboxResult(name, installed=installed)
    moved = _move(entry, inbox / REFUSED_FOLDER)
    note = moved.with_name(moved.name + REFUSAL_SUFFIX)
    stamp = local_time(now_utc().isoformat(timespec="seconds"))
    text = f"{name} was not installed at {stamp}, because:\n" + "".join(f"- {reason}\n" for reason in reasons)
    text += "Fix the pack (kiosk validate shows every problem), then send it again.\n"
    note.write_text(text, encoding="utf-8")
    return InboxResult(name, reasons=reasons)


def _move(entry: Path, folder: Path) -> Path:
    """Move `entry` into `folder`, adding a time stamp when the name is taken."""
    folder.mkdir(exist_ok=True)
    target = folder / entry.name
    if target.exists() or target.is_symlink():
        stamp = now_utc().strftime("%Y%m%dT%H%M%S%f")
        target = folder / f"{entry.stem}-{stamp}{entry.suffix if entry.is_file() else ''}"
    os.replace(entry, target)
    return target
