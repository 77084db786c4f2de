"""`kiosk new-pack DIR`: write a small example pack to start from.

One page of each kind (article, exercise, red-flag, references), a note on every field, pictures
and an exercise demo; it passes `kiosk validate` as it is. DIR must not exist yet, so nothing of
the staff's own is ever overwritten.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", type=Path, help="the new pack folder (must not exist yet)")


def run(args: argparse.Namespace) -> int:
    from kiosk.content.starter_pack import starter_files
    from kiosk.store.text import printable

    folder: Path = args.folder
    shown = printable(folder)
    if folder.exists():
        print(f"kiosk new-pack: {shown} already exists; give a new folder name", file=sys.stderr)
        return 2
    try:
        for relative, text in starter_files().items():
            target = folder / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    except OSError as error:
        print(f"kiosk new-pack: cannot write {shown} ({error.strerror})", file=sys.stderr)
        return 1
    print(f"Wrote an example pack to {shown}. Next:")
    print(f"  kiosk validate {shown}")
    print(f"  kiosk run --pack {shown} --windowed --watch")
    return 0
