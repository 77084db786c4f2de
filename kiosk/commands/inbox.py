"""`kiosk inbox`: install the packs waiting in the inbox folder now, and update the status file.

A running kiosk looks at its inbox by itself every half minute; this command is for a kiosk that is
not running, for a timer (cron, systemd) on a machine without a screen, and for checking the setup.
"""

from __future__ import annotations

import argparse
import sys

from kiosk.commands.pack_store import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, settings_and_store


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--now",
        action="store_true",
        help="do not wait for packs to settle (by default a pack changed in the last 10 s is left for later)",
    )


def run(args: argparse.Namespace) -> int:
    from kiosk.store.inbox import DEFAULT_SETTLE_SECONDS, process_inbox
    from kiosk.store.status import kiosk_name, update_status
    from kiosk.store.text import printable

    opened = settings_and_store("inbox")
    if opened is None:
        return EXIT_USAGE
    settings, store = opened
    if settings.inbox is None:
        print(
            'kiosk inbox: no inbox folder is set; add  inbox = "/path/to/folder"  to the settings file',
            file=sys.stderr,
        )
        return EXIT_USAGE
    results = process_inbox(store, settings.inbox, settle_seconds=0 if args.now else DEFAULT_SETTLE_SECONDS)
    for result in results:
        print(result.line())
    if not results:
        print(f"kiosk inbox: nothing waiting in {printable(settings.inbox)}")
    if settings.status_folder is not None:
        update_status(settings.status_folder, kiosk_name(settings.kiosk_name), store)
    return EXIT_REFUSED if any(result.reasons for result in results) else EXIT_OK
