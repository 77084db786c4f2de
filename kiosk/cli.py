"""The `kiosk` console command.

Each subcommand lives in its own module under `kiosk.commands` with two functions,
`add_arguments(parser)` and `run(args) -> int`, and is imported only when used, so
`kiosk validate` starts without loading Qt. `kiosk` with no subcommand means `kiosk run`.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from kiosk import __version__

SUBCOMMANDS: dict[str, str] = {
    "run": "Start the kiosk (the default): fullscreen on the bundled pack.",
    "validate": "Check a content pack and list every problem with file and line.",
    "schema": "Print the JSON Schema of pack.yaml, for editors.",
    "screenshots": "Render every screen of a pack to PNG files for review.",
    "set-pin": "Set the staff PIN (saved only as a salted hash in the settings file).",
    "stats": "Print daily page-view counts per pack (a table, CSV with --csv, JSON with --json).",
    "install": "Check a pack (folder or .zip) and make it the one the kiosk shows.",
    "rollback": "Show the previous installed pack again.",
    "packs": "List the installed packs: active, last good, review dates (--json for scripts).",
    "inbox": "Install the packs waiting in the inbox folder now (the running kiosk does this itself).",
    "keygen": "Make a key pair for signing packs.",
    "sign": "Sign a pack with a private key from kiosk keygen.",
    "new-pack": "Write a small example pack to start from, with a comment on every field.",
}
"""Subcommand name -> one-line help. The module is `kiosk.commands.<name with _ for ->`."""

EXIT_USAGE = 2
OWN_OPTIONS = ("-h", "--help", "--version")
"""Options of `kiosk` itself; any other leading option belongs to the default command, `run`."""


def _module_for(name: str) -> str:
    return f"kiosk.commands.{name.replace('-', '_')}"


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """Every subcommand, with its options; with `only`, a known subcommand, just that one.

    `kiosk --help` and a mistyped subcommand list them all, without importing their modules. A
    known subcommand needs only its own parser: argparse builds each one in a fraction of a
    millisecond, and `kiosk run` paints the start screen sooner without twelve it never uses.
    Usage lines and error messages are the same either way."""
    parser = argparse.ArgumentParser(
        prog="kiosk", description="Clinic Kiosk: patient education for clinic touchscreens."
    )
    parser.add_argument("--version", action="version", version=f"kiosk {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    names = [only] if only in SUBCOMMANDS else list(SUBCOMMANDS)
    for name in names:
        summary = SUBCOMMANDS[name]
        command_parser = sub.add_parser(name, help=summary, description=summary)
        if only is None or name == only:
            importlib.import_module(_module_for(name)).add_arguments(command_parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or (args_list[0].startswith("-") and args_list[0] not in OWN_OPTIONS):
        args_list.insert(0, "run")
    parser = build_parser(only=args_list[0])
    try:
        args = parser.parse_args(args_list)
    except SystemExit as exit_:  # argparse exits 2 on usage errors and 0 on --help
        return int(exit_.code or 0)
    module = importlib.import_module(_module_for(args.command))
    result: int = module.run(args)
    return result


if __name__ == "__main__":
    sys.exit(main())
