"""`kiosk screenshots PACK --out DIR` (or `--bundled`): every screen of a pack as PNG, for review.

Files are named by route: home.png, topic--about.png, page--about--what-is-it.png; the start
screen and the idle question are attract.png and idle-warning.png, and `--staff` adds the PIN pad
(pin-pad.png, pin-wrong.png, pin-locked.png), staff-panel.png and setup-mode.png. `--settings FILE`
fills in that clinic's details (phone, emergency number, take-home address). `--language es`
renders the pack's Spanish (the default is the pack's first language). Rendering is offscreen
unless a display is asked for, so it runs on a server or in CI. The exit code is non-zero when
the pack does not load (its problems are printed) or any screen fails to render.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from kiosk.commands.pack_argument import add_pack_argument, resolve_pack_argument
from kiosk.commands.run import parse_size

TEXT_SIZES = {"100": 100, "125": 125, "150": 150, "175": 175}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_pack_argument(parser, "pack", "the pack folder to render, or a .zip of it")
    parser.add_argument(
        "--out", type=Path, required=True, help="folder for the PNG files (created if needed)"
    )
    parser.add_argument(
        "--size", type=parse_size, default=(1920, 1080), help="screen size, default 1920x1080"
    )
    parser.add_argument(
        "--text-size",
        choices=sorted(TEXT_SIZES),
        default="100",
        help="text size in percent, as a patient could choose it (default 100)",
    )
    parser.add_argument(
        "--display", action="store_true", help="render on the real display instead of offscreen"
    )
    parser.add_argument("--staff", action="store_true", help="also render the PIN pad and the staff panel")
    parser.add_argument(
        "--demo-at",
        metavar="SECONDS",
        type=float,
        action="append",
        default=[],
        help="also render every exercise page this many seconds into its demo (repeat for more moments)",
    )
    parser.add_argument(
        "--settings",
        metavar="FILE",
        type=Path,
        help="render with this settings file's clinic details (phone, emergency number, take-home "
        "address); default: none set, so pages show the general phrases",
    )
    parser.add_argument(
        "--language",
        metavar="CODE",
        help="render in this language of the pack, e.g. es (default: the pack's first language)",
    )


def file_name(route_name: str) -> str:
    """`page/about/what-is-it` -> `page--about--what-is-it.png`."""
    return route_name.replace("/", "--") + ".png"


def run(args: argparse.Namespace) -> int:
    resolve_pack_argument(args, "pack")
    if not args.display:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from kiosk.store.source import SourceError, pack_folder

    try:
        with pack_folder(args.pack) as folder:
            return _render(args, folder)
    except SourceError as error:
        print(f"kiosk screenshots: {error.line()}", file=sys.stderr)
        return 2


def _render(args: argparse.Namespace, folder: Path) -> int:
    from kiosk.content.escape import escape
    from kiosk.content.loader import load_pack

    result = load_pack(folder)
    for problem in result.problems:
        print(problem.format(), file=sys.stderr)
    if result.pack is None:
        print(f"{escape(str(args.pack))}: the pack has errors, so nothing was rendered", file=sys.stderr)
        return 1
    language = args.language or result.pack.default_language
    if language not in result.pack.languages:
        known = ", ".join(result.pack.languages)
        print(f"{args.pack}: the pack has no language '{language}' (it has: {known})", file=sys.stderr)
        return 2
    site = None
    if args.settings is not None:
        from kiosk.session.settings import load_settings

        if not args.settings.is_file():
            print(f"{args.settings}: no such settings file", file=sys.stderr)
            return 2
        loaded = load_settings(args.settings)
        for settings_problem in loaded.problems:
            print(f"settings: {settings_problem}", file=sys.stderr)
        site = loaded.settings.site
    from kiosk.ui.render import render_all_screens

    text_percent = TEXT_SIZES[args.text_size]
    failures = render_all_screens(result.pack, args.out, args.size, text_percent, file_name, language, site)
    from kiosk.ui.render_states import render_waiting_room

    failures += render_waiting_room(
        result.pack, args.out, args.size, text_percent, staff=args.staff, language=language, site=site
    )
    if args.demo_at:
        from kiosk.ui.render_demos import render_demo_moments

        failures += render_demo_moments(
            result.pack, args.out, args.size, text_percent, args.demo_at, file_name, language, site
        )
    for failure in failures:
        print(f"failed: {escape(failure)}", file=sys.stderr)
    return 1 if failures else 0
