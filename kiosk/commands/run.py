"""`kiosk run`: start the kiosk, fullscreen on the bundled pack unless told otherwise."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path


def parse_size(text: str) -> tuple[int, int]:
    """`1920x1080` -> (1920, 1080); a clear error for anything else."""
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"size must look like 1920x1080, not {text!r}") from None
    if not (320 <= width <= 10000 and 320 <= height <= 10000):
        raise argparse.ArgumentTypeError(f"size {text!r} is out of range (320 to 10000 px each way)")
    return width, height


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--pack", type=Path, help="pack folder to show (default: the bundled pack)")
    parser.add_argument(
        "--windowed", action="store_true", help="a window instead of fullscreen (staff preview)"
    )
    parser.add_argument("--size", type=parse_size, help="window size for --windowed, e.g. 1080x1920")
    parser.add_argument("--screen", type=int, help="monitor number (0 = first); default: the primary screen")
    parser.add_argument(
        "--log-level",
        default="info",
        choices=["debug", "info", "warning", "error"],
        help="how much to log to stderr (routes are logged at info)",
    )


def configure_logging(level: str) -> None:
    """The kiosk's own messages at `level` on stderr; other libraries only from warnings up."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("kiosk").setLevel(getattr(logging, level.upper()))


def run(args: argparse.Namespace) -> int:
    configure_logging(args.log_level)
    from kiosk.session.state import AppState
    from kiosk.ui import app as kiosk_app

    qt_app = kiosk_app.application()
    pack = kiosk_app.load_pack_or_fallback(args.pack)
    screen = kiosk_app.pick_screen(args.screen)
    geometry = screen.geometry()
    width, height = args.size if args.windowed and args.size else (geometry.width(), geometry.height())
    window = kiosk_app.create_window(pack, AppState(), width, height)
    exit_requested = getattr(window, "exit_requested", None)
    if exit_requested is not None:
        exit_requested.connect(qt_app.quit)
    kiosk_app.show(window, screen, args.windowed, args.size)
    return int(qt_app.exec())
