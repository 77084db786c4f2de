"""`kiosk install SRC [--force]`: check a pack (folder or .zip) and make it the one the kiosk shows.

The pack is copied into a new slot of the pack store and switched to in one step; the pack shown
until now stays as the last good one (`kiosk rollback` goes back to it). A pack with errors changes
nothing: its problems are printed as `kiosk validate` prints them, and the exit status is 1.
A running kiosk switches to the new pack at its next idle reset.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kiosk.commands.pack_store import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, settings_and_store


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "source", type=Path, help="the pack folder (the one holding pack.yaml), or a .zip of it"
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="install even if the version is not newer than the active one of the same pack",
    )


def run(args: argparse.Namespace) -> int:
    from kiosk.store.packstore import InstallRefused, StoreError
    from kiosk.store.text import printable

    opened = settings_and_store("install")
    if opened is None:
        return EXIT_USAGE
    _settings, store = opened
    try:
        installed = store.install(args.source, force=args.force)
    except InstallRefused as refused:
        for reason in refused.reasons:
            print(reason)
        print(f"kiosk install: {refused.what} was not installed; the kiosk keeps showing what it shows now.")
        return EXIT_REFUSED
    except (StoreError, OSError) as error:
        print(f"kiosk install: {printable(error)}", file=sys.stderr)
        return EXIT_REFUSED
    for warning in installed.warnings:
        print(warning)
    previous = f" (before: {installed.previous.label}, kept for kiosk rollback)" if installed.previous else ""
    print(f"Installed {installed.slot.label}{previous}.")
    print("A running kiosk shows it after its next idle reset.")
    return EXIT_OK
