"""Small JSON records the store keeps beside its slots: what each slot holds, and the last refusal.

Both are written atomically and read defensively: a damaged record is treated as missing, never
as a reason to stop the kiosk.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from kiosk.content.pack import Pack
from kiosk.session.paths import write_atomically

SLOT_RECORD = "slot.json"
PACK_FOLDER = "pack"


def now_utc() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def local_time(stamp: str) -> str:
    """`2026-12-04T07:02:00+00:00` -> `2026-12-04 07:02` in the machine's time zone."""
    try:
        return dt.datetime.fromisoformat(stamp).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return stamp


@dataclass(frozen=True)
class SlotInfo:
    """One installed version of a pack. `folder` holds the pack; it never changes after install."""

    name: str
    pack_id: str
    version: str
    installed_at: str
    reviewed_by: str
    reviewed_on: str
    next_review: str
    source: str
    signed: bool
    folder: Path

    @property
    def stamp(self) -> str:
        """The install moment to the microsecond, from the slot's name: orders installs exactly."""
        return self.name.rsplit("-", 1)[-1]

    @property
    def label(self) -> str:
        return f"{self.pack_id} {self.version}"

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["folder"] = str(self.folder)
        return data


def slot_info_for(name: str, slot_folder: Path, pack: Pack, source: str, signed: bool) -> SlotInfo:
    review = pack.manifest.review
    return SlotInfo(
        name=name,
        pack_id=pack.id,
        version=pack.manifest.version,
        installed_at=now_utc().isoformat(timespec="seconds"),
        reviewed_by=review.reviewed_by or "",
        reviewed_on=review.reviewed_on.isoformat() if review.reviewed_on else "draft",
        next_review=review.next_review.isoformat() if review.next_review else "",
        source=source,
        signed=signed,
        folder=slot_folder / PACK_FOLDER,
    )


def write_slot_record(slot_folder: Path, info: SlotInfo) -> None:
    data = info.to_json()
    del data["folder"], data["name"]
    write_atomically(slot_folder / SLOT_RECORD, (json.dumps(data, indent=2) + "\n").encode("utf-8"))


def read_slot_record(slot_folder: Path) -> SlotInfo | None:
    """The record of a complete slot, or None for anything else (a damaged or foreign folder)."""
    try:
        data = json.loads((slot_folder / SLOT_RECORD).read_text(encoding="utf-8"))
        fields = {
            key: str(data[key])
            for key in SlotInfo.__dataclass_fields__
            if key not in ("name", "folder", "signed")
        }
        return SlotInfo(
            name=slot_folder.name, signed=bool(data.get("signed")), folder=slot_folder / PACK_FOLDER, **fields
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


@dataclass(frozen=True)
class Refusal:
    """A pack that was not put live (at install, from the inbox, or at start), and why."""

    what: str
    at: str
    source: str
    reasons: tuple[str, ...]

    def sentence(self) -> str:
        """e.g. "heel-pain 1.2 was refused at 2026-12-04 07:02: pages/x.en.md:4: error: ..."."""
        first = self.reasons[0] if self.reasons else "no reason was recorded"
        more = f" (and {len(self.reasons) - 1} more)" if len(self.reasons) > 1 else ""
        return f"{self.what} was refused at {local_time(self.at)}: {first}{more}"


def write_refusal(path: Path, refusal: Refusal) -> None:
    data = {
        "what": refusal.what,
        "at": refusal.at,
        "source": refusal.source,
        "reasons": list(refusal.reasons),
    }
    write_atomically(path, (json.dumps(data, indent=2) + "\n").encode("utf-8"))


def read_refusal(path: Path) -> Refusal | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        reasons = tuple(str(reason) for reason in data["reasons"])
        return Refusal(str(data["what"]), str(data["at"]), str(data["source"]), reasons)
    except (OSError, ValueError, KeyError, TypeError):
        return None
