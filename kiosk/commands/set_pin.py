"""`kiosk set-pin`: set the staff PIN from a terminal; only a salted hash is saved.

Having a terminal on the kiosk machine is the authority to set a PIN, so no old PIN is asked for;
this is also how a forgotten PIN is replaced. Setting a PIN clears any lockout from wrong tries.
"""

from __future__ import annotations

import argparse
import getpass
import sys

from kiosk.session.paths import pin_lockout_file, settings_file
from kiosk.session.pin import PinFormatError, check_new_pin, hash_pin
from kiosk.session.settings import SettingsError, save_setting


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--stdin",
        action="store_true",
        help="read the PIN from the first line of standard input (for scripted setups), not the terminal",
    )


def _read_pin(from_stdin: bool) -> str | None:
    if from_stdin:
        return sys.stdin.readline().strip()
    try:
        first = getpass.getpass("New staff PIN (4-8 digits): ").strip()
        check_new_pin(first)
        second = getpass.getpass("Type it again: ").strip()
    except (EOFError, KeyboardInterrupt):
        print("\nNo PIN set.", file=sys.stderr)
        return None
    if first != second:
        print("The two PINs differ. No PIN set.", file=sys.stderr)
        return None
    return first


def run(args: argparse.Namespace) -> int:
    try:
        pin = _read_pin(args.stdin)
        if pin is None:
            return 1
        check_new_pin(pin)
    except PinFormatError as error:
        print(f"{error} No PIN set.", file=sys.stderr)
        return 1
    path = settings_file()
    try:
        save_setting("pin_hash", hash_pin(pin), path)
    except (SettingsError, OSError) as error:
        print(f"Could not save the PIN: {error}", file=sys.stderr)
        return 1
    lockout = pin_lockout_file()
    try:
        lockout.unlink(missing_ok=True)
    except OSError as error:
        print(f"Note: could not clear the lockout file {lockout}: {error}", file=sys.stderr)
    print(f"Staff PIN saved (as a salted hash) in {path}")
    print("Restart the kiosk for it to take effect: systemctl --user restart clinic-kiosk")
    return 0
