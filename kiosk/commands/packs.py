"""`kiosk packs [--json]`: the installed packs, which one is active and which is the last good one."""

from __future__ import annotations

import argparse
import json
import sys

from kiosk.commands.pack_store import EXIT_OK, EXIT_USAGE, settings_and_store


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON for scripts instead of a table")


def run(args: argparse.Namespace) -> int:
    from kiosk.store.packstore import StoreError
    from kiosk.store.text import printable

    opened = settings_and_store("packs")
    if opened is None:
        return EXIT_USAGE
    _settings, store = opened
    try:
        pointer = store.pointer()
    except StoreError as error:
        print(f"kiosk packs: {printable(error)}", file=sys.stderr)
        return EXIT_USAGE
    slots = list(reversed(store.slots()))
    refusal = store.last_refusal()
    if args.json:
        active = store.slot(pointer.active)
        data = {
            "store": str(store.root),
            "active_folder": str(active.folder) if active else None,
            "packs": [
                {
                    **slot.to_json(),
                    "active": slot.name == pointer.active,
                    "last_good": slot.name == pointer.last_good,
                }
                for slot in slots
            ],
            "last_refusal": None
            if refusal is None
            else {"pack": refusal.what, "at": refusal.at, "reasons": list(refusal.reasons)},
        }
        print(json.dumps(data, indent=2))
        return EXIT_OK
    print(f"Pack store: {printable(store.root)}")
    if not slots:
        print(
            "No packs installed yet; the kiosk shows the bundled pack. Install one with: kiosk install PACK"
        )
    header = ("", "Pack", "Version", "Installed (UTC)", "Reviewed", "Next review")
    rows = [header]
    for slot in slots:
        mark = (
            "active" if slot.name == pointer.active else "last good" if slot.name == pointer.last_good else ""
        )
        when = slot.installed_at[:16].replace("T", " ")
        rows.append((mark, slot.pack_id, slot.version, when, slot.reviewed_on, slot.next_review))
    if slots:
        widths = [max(len(row[column]) for row in rows) for column in range(len(header))]
        for row in rows:
            print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
    if refusal is not None:
        print(f"Last refused: {refusal.sentence()}")
    return EXIT_OK
