"""`kiosk rollback`: show the previous installed pack again (the last good one)."""

from __future__ import annotations

import argparse
import sys

from kiosk.commands.pack_store import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, settings_and_store


def add_arguments(parser: argparse.ArgumentParser) -> None:
    del parser  # no options


def run(args: argparse.Namespace) -> int:
    from kiosk.store.packstore import StoreError
    from kiosk.store.text import printable

    opened = settings_and_store("rollback")
    if opened is None:
        return EXIT_USAGE
    _settings, store = opened
    try:
        now_active, replaced = store.rollback()
    except (StoreError, OSError) as error:
        print(f"kiosk rollback: {printable(error)}; nothing was changed", file=sys.stderr)
        return EXIT_REFUSED
    before = f" instead of {replaced.label}" if replaced else ""
    print(f"Rolled back: {now_active.label} is active again{before}.")
    print("A running kiosk shows it after its next idle reset.")
    return EXIT_OK
