"""The kiosk's status file, for IT looking after many kiosks.

`<status_folder>/<kiosk name>.json` says what the kiosk shows and why, the store's active and last
good packs, the last refusal and the last start. The same sync engine that brings packs to the
inbox carries it back, so one folder on the IT machine shows every kiosk.
"""

from __future__ import annotations

import json
import socket
from pathlib import Path
from typing import Any

from kiosk.session.paths import write_atomically
from kiosk.store.packstore import PackStore, StoreError
from kiosk.store.records import SlotInfo, now_utc


def kiosk_name(configured: str | None) -> str:
    """The `kiosk_name` setting, else the host name (made safe for a file name)."""
    name = configured or socket.gethostname() or "kiosk"
    return "".join(char if char.isalnum() or char in "._-" else "-" for char in name)[:63] or "kiosk"


def _slot(info: SlotInfo | None) -> dict[str, Any] | None:
    if info is None:
        return None
    return {"pack": info.pack_id, "version": info.version, "installed_at": info.installed_at}


def status_data(store: PackStore, name: str, showing: Any, started_at: str) -> dict[str, Any]:
    try:
        active, last_good = store.active(), store.last_good()
    except StoreError:
        active = last_good = None
    refusal = store.last_refusal()
    return {
        "kiosk": name,
        "showing": showing,
        "active": _slot(active),
        "last_good": _slot(last_good),
        "last_refusal": None
        if refusal is None
        else {
            "pack": refusal.what,
            "at": refusal.at,
            "source": refusal.source,
            "reasons": list(refusal.reasons),
        },
        "last_start": started_at,
        "updated_at": now_utc().isoformat(timespec="seconds"),
    }


def update_status(
    folder: Path,
    name: str,
    store: PackStore,
    *,
    showing: dict[str, Any] | None = None,
    started_at: str | None = None,
) -> Path:
    """Write the status file; what is not given (what shows, the last start) is kept from the old one,
    so `kiosk inbox` run beside a kiosk does not blank what the kiosk reported."""
    target = folder / f"{name}.json"
    try:
        old = json.loads(target.read_text(encoding="utf-8"))
        old = old if isinstance(old, dict) else {}
    except (OSError, ValueError):
        old = {}
    data = status_data(
        store,
        name,
        showing if showing is not None else old.get("showing"),
        started_at if started_at is not None else str(old.get("last_start", "")),
    )
    write_atomically(target, (json.dumps(data, indent=2) + "\n").encode("utf-8"))
    return target
