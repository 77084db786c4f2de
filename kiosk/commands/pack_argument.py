"""The pack a command works on: a folder given by path, or `--bundled` for the pack shipped with
the kiosk, so staff and IT can check or preview it without knowing where it was installed."""

from __future__ import annotations

import argparse
from pathlib import Path


def add_pack_argument(parser: argparse.ArgumentParser, dest: str, help_text: str) -> None:
    """A positional pack path named `dest`, or `--bundled` instead of it (exactly one of the two)."""
    choice = parser.add_mutually_exclusive_group(required=True)
    choice.add_argument(dest, nargs="?", type=Path, help=help_text)
    choice.add_argument(
        "--bundled", action="store_true", help="use the pack shipped with the kiosk instead of a path"
    )


def resolve_pack_argument(args: argparse.Namespace, dest: str) -> None:
    """With `--bundled`, set `args.<dest>` to the bundled pack's folder (found through the package)."""
    if getattr(args, "bundled", False):
        from kiosk.content.bundled import bundled_pack_dir

        setattr(args, dest, bundled_pack_dir())
