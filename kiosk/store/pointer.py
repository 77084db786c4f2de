"""The store's pointer file: which installed slot is active and which one is the last good one.

It is one small JSON file, always replaced whole (`write_atomically`: temporary file, fsync,
`os.replace`, folder fsync), so whatever moment the power goes, it names complete slots only.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from kiosk.session.paths import write_atomically


class PointerError(ValueError):
    """The pointer file exists but cannot be read; the message says why."""


@dataclass(frozen=True)
class Pointer:
    active: str | None = None
    last_good: str | None = None


def read_pointer(path: Path) -> Pointer:
    """The pointer in `path`; an empty pointer when the file does not exist yet."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Pointer()
    except OSError as error:
        raise PointerError(f"cannot read {path} ({error.strerror})") from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise PointerError(f"{path} is not valid JSON") from None
    if not isinstance(data, dict):
        raise PointerError(f"{path} does not hold an object")
    active, last_good = data.get("active"), data.get("last_good")
    if not all(
        value is None or (isinstance(value, str) and _is_slot_name(value)) for value in (active, last_good)
    ):
        raise PointerError(f"{path} names a slot that is not a plain folder name")
    return Pointer(active, last_good)


def write_pointer(path: Path, pointer: Pointer) -> None:
    data = {"active": pointer.active, "last_good": pointer.last_good}
    write_atomically(path, (json.dumps(data, indent=2) + "\n").encode("utf-8"))


def _is_slot_name(name: str) -> bool:
    return bool(name) and "/" not in name and "\\" not in name and not name.startswith(".")
