"""`kiosk inbox`: install the packs waiting in the inbox folder now, and update the status file.

A running kiosk looks at its inbox by itself (every `inbox_check_seconds`); this command is for a
kiosk that is not running, for a timer (cron, systemd) on a machine without a screen, and for
checking the setup. Like the kiosk, it leaves a pack changed in the last `inbox_settle_seconds`
for later (and says so), unless `--now`.
"""

from __future__ import annotations

import argparse
import sys

from kiosk.commands.pack_store import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, settings_and_store


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--now",
        action="store_true",
        help="do not wait for packs to settle (by default a pack changed in the last inbox_settle_seconds, "
        "10 unless the settings say otherwise, is left for later)",
    )


def run(args: argparse.Namespace) -> int:
    from kiosk.store.inbox import process_inbox, waiting_packs
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
    settle = 0 if args.now else settings.inbox_settle_seconds
    results = process_inbox(store, settings.inbox, settle_seconds=settle)
    for result in results:
        print(result.line())
    arriving = waiting_packs(settings.inbox)
    for entry in arriving:
        print(
            f"inbox: {printable(entry.name)}: still arriving (changed in the last {settle} s); left for "
            "later (--now does not wait)"
        )
    if not results and not arriving:
        print(f"kiosk inbox: nothing waiting in {printable(settings.inbox)}")
    if settings.status_folder is not None:
        update_status(settings.status_folder, kiosk_name(settings.kiosk_name), store)
    return EXIT_REFUSED if any(result.reasons for result in results) else EXIT_OK
