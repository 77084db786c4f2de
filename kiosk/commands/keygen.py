"""`kiosk keygen KEYFILE`: make a signing key pair for a clinic group's packs.

KEYFILE gets the private key (keep it on the machine where packs are prepared, never on a kiosk);
KEYFILE.pub gets the public key, one line to put in each kiosk's settings as `trusted_key`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("key", type=Path, help="file for the private key, e.g. ~/clinic-packs.key")


def run(args: argparse.Namespace) -> int:
    from kiosk.store.signing import SignatureError, generate_key, public_key_file
    from kiosk.store.text import printable

    try:
        public = generate_key(args.key)
    except (SignatureError, OSError) as error:
        print(f"kiosk keygen: {printable(error)}", file=sys.stderr)
        return 1
    print(f"Private key: {printable(args.key)} (keep it safe; anyone holding it can sign packs)")
    print(f"Public key:  {printable(public_key_file(args.key))}")
    print("On each kiosk, add this line to the settings file (kiosk.toml):")
    print(f'trusted_key = "{public}"')
    return 0
