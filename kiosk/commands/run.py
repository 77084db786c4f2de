"""`kiosk run`: start the kiosk, fullscreen on the bundled pack unless told otherwise."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtGui import QScreen

    from kiosk.session.settings import LoadedSettings
    from kiosk.ui.first_frame_pictures import FirstFramePictures
    from kiosk.ui.first_screen import FirstScreenWindow
    from kiosk.ui.main_window import MainWindow

STAFF_EXIT_STATUS = 10
"""Exit status when staff chose "Exit the kiosk": the unit files list it in
`RestartPreventExitStatus=` (and `SuccessExitStatus=`), so systemd leaves the kiosk stopped
instead of restarting it. Any other end of the kiosk is restarted."""
NO_DISPLAY_STATUS = 1
START_ICON_WAIT_SECONDS = 15.0
"""How long the first start after an install waits for the icon helper to draw the masks (about a
second; a slow machine loading Qt and qtawesome cold takes longer). Past that, qtawesome draws the
icons in the kiosk's own process, as before there was a cache."""


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
    parser.add_argument(
        "--pack",
        type=Path,
        help="pack folder or .zip to preview (default: the installed pack, else the bundled one)",
    )
    parser.add_argument(
        "--watch",
        action="store_true",
        help="with --pack DIR: reload the pack every time a file in it is saved",
    )
    parser.add_argument(
        "--windowed", action="store_true", help="a window instead of fullscreen (staff preview)"
    )
    parser.add_argument("--size", type=parse_size, help="window size for --windowed, e.g. 1080x1920")
    parser.add_argument(
        "--screen",
        help="monitor name (e.g. HDMI-1) or number (0 = first); default: the settings file, else the primary",
    )
    parser.add_argument(
        "--log-level",
        default="info",
        choices=["debug", "info", "warning", "error"],
        help="how much to log (pages opened are logged at debug only)",
    )
    parser.add_argument(
        "--speech",
        choices=["system", "fake", "none"],
        help="read-aloud voice: the system speech engine, a silent recorder, or none "
        "(default: the KIOSK_SPEECH environment variable, else system)",
    )


def configure_logging(level: str) -> None:
    """The kiosk's own messages at `level`; other libraries only from warnings up. Everything goes to
    stderr (the journal under systemd) and to the rotating log file in the platform's log folder."""
    from kiosk.session.logs import configure_logging as to_file_and_stderr

    to_file_and_stderr(level=logging.WARNING)
    logging.getLogger("kiosk").setLevel(getattr(logging, level.upper()))


class _HeldRecords(logging.Handler):
    """Log records kept until the log file is open, then handed to its handlers in order.

    Not `logging.handlers.MemoryHandler`: importing that module (sockets, pickle, queues) is what
    the start screen is shown before."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def run(args: argparse.Namespace) -> int:
    if getattr(args, "speech", None):
        os.environ["KIOSK_SPEECH"] = args.speech  # read by the window when it picks its speaker
    log = logging.getLogger("kiosk.run")
    held = _HeldRecords()
    logging.getLogger().addHandler(held)  # the start screen comes first, the log file a moment later
    from kiosk.commands.display_check import display_problem

    no_display = display_problem()
    first_screen = _show_first_screen(args) if no_display is None else None  # None: no record fits
    logging.getLogger().removeHandler(held)
    configure_logging(args.log_level)
    for record in held.records:
        logging.getLogger(record.name).handle(record)
    if no_display is not None:  # Qt would abort (a core dump) instead of saying so
        log.error(
            "no display to show the kiosk on (%s); exiting with status %d", no_display, NO_DISPLAY_STATUS
        )
        return NO_DISPLAY_STATUS
    from kiosk.session.settings import SettingsError

    loaded = _load_settings(log)
    for problem in loaded.problems:
        log.warning("settings: %s", problem)
    if loaded.setup_mode:
        log.warning(
            "no staff PIN is set: holding the top-right corner for 3 s opens the staff panel without one;"
            " set a PIN with `kiosk set-pin` before patients use this kiosk"
        )
    try:
        settings = loaded.settings.with_overrides(screen=args.screen)
    except SettingsError as error:
        print(f"kiosk run: {error}", file=sys.stderr)
        return 2

    from kiosk.session.paths import pin_lockout_file, settings_file, usage_db_file
    from kiosk.session.state import ATTRACT, AppState, Snapshot
    from kiosk.ui import app as kiosk_app
    from kiosk.ui import resources
    from kiosk.ui.first_paint import after_first_paint
    from kiosk.ui.first_screen import RECORDED_ORIGINS
    from kiosk.ui.main_window import MainWindow
    from kiosk.ui.operation import BareOperation, KioskOperation
    from kiosk.ui.pack_start import follow_pack_changes, start_pack

    first_frame = _first_frame_pictures()
    qt_app = kiosk_app.application(drawing_helper=not first_frame.has_pictures())
    started = start_pack(args.pack, settings)
    qt_app.aboutToQuit.connect(started.close)
    pack = started.choice.pack
    screen = kiosk_app.pick_screen(settings.screen)
    geometry = screen.geometry()
    width, height = args.size if args.windowed and args.size else (geometry.width(), geometry.height())
    # A fresh start, and the state every idle reset returns to: the attract screen.
    state = AppState(Snapshot(route=ATTRACT, language=settings.default_language))
    from kiosk.ui.icon_cache import fill, fill_and_wait

    pack_icons = [topic.icon for topic in pack.manifest.topics] if pack is not None else []
    # Only the first start after an install lacks masks: the helper draws them, not qtawesome here.
    fill_and_wait(pack_icons, START_ICON_WAIT_SECONDS)
    window = kiosk_app.create_window(pack, state, width, height, settings.site)
    if "emergency.number" in settings.site.missing():
        log.warning(
            "settings: no [emergency] number is set; pages say 'your local emergency number' "
            "until it is (see docs/deployment.md)"
        )
    operation: KioskOperation | BareOperation
    staff_exit: list[bool] = []
    if isinstance(window, MainWindow):
        operation = KioskOperation(
            window,
            settings,
            setup_mode=loaded.setup_mode,
            entry_closed=loaded.pin_unreadable,
            locked=not args.windowed,
            pack_path=pack.root if pack is not None else None,
            usage_db=usage_db_file(),
            count_views=not args.windowed,  # a staff preview is not a patient reading
            lockout_file=_usable(pin_lockout_file(), "PIN lockout file", log),
        )
        operation.install_exception_hook()

        def follow(shown: MainWindow = window, operated: KioskOperation = operation) -> None:
            follower = follow_pack_changes(started, shown, operated, settings, watch=args.watch)
            if follower is not None:
                qt_app.aboutToQuit.connect(follower.stop)

        after_first_paint(window, follow)  # the store, the inbox and --watch: not for the first frame
        after_first_paint(window, window.prepare_ahead)  # Home and its topics, before the first tap
    else:  # the "being set up" screen: still locked, same staff entry, still telling systemd it is alive
        operation = BareOperation(
            window,
            settings,
            setup_mode=loaded.setup_mode,
            entry_closed=loaded.pin_unreadable,
            locked=not args.windowed,
            lockout_file=_usable(pin_lockout_file(), "PIN lockout file", log),
        )
    if first_screen is not None:  # the real window paints over it, then it goes
        log.debug("start screen shown from the record of the last start")
        after_first_paint(window, first_screen.finish)
    recorded = started.choice.origin in RECORDED_ORIGINS and not (args.pack or args.windowed)
    if recorded and isinstance(window, MainWindow):
        stamped = [settings_file()] + ([started.store.pointer_file] if started.store is not None else [])
        keep = partial(_keep_first_screen, window, screen, _first_screen_options(args), stamped)
        after_first_paint(window, keep)
    window.exit_requested.connect(qt_app.quit)
    window.exit_requested.connect(lambda: staff_exit.append(True))
    qt_app.aboutToQuit.connect(operation.shutdown)
    from kiosk.ui.termination import quit_on_termination

    qt_app.aboutToQuit.connect(quit_on_termination(qt_app))
    operation.lock()
    after_first_paint(window, first_frame.keep)  # its pictures, for the next start
    after_first_paint(window, resources.start_drawing_helper)  # for the pictures of later screens
    after_first_paint(window, lambda: fill(pack_icons))  # masks of icons asked for since, by a helper
    kiosk_app.show(window, screen, args.windowed, args.size)
    operation.started()
    status = int(qt_app.exec())
    if staff_exit:
        log.info("stopped by staff; exit status %d keeps systemd from restarting it", STAFF_EXIT_STATUS)
        return STAFF_EXIT_STATUS
    return status


def _first_screen_options(args: argparse.Namespace) -> dict[str, Any]:
    from kiosk.session.paths import settings_file
    from kiosk.ui.first_screen_record import run_options

    return run_options(args.screen, os.environ.get("KIOSK_SPEECH", ""), settings_file())


def _show_first_screen(args: argparse.Namespace) -> FirstScreenWindow | None:
    """The start screen from the record of the last start (`ui/first_screen.py`), painted before
    the rest of the kiosk loads; None when there is none that fits. Only fullscreen, as a kiosk
    starts: never for a `--pack` preview or a `--windowed` one, where a second window would flash."""
    if args.pack is not None or args.windowed:
        return None
    from kiosk.session.paths import data_dir
    from kiosk.ui.first_screen import show_first_screen
    from kiosk.ui.first_screen_record import RECORD_NAME

    try:
        return show_first_screen(
            data_dir() / RECORD_NAME, _first_screen_options(args), windowed=False, size=None
        )
    except Exception:  # the start screen would come a moment later, never not at all
        logging.getLogger("kiosk.run").exception("the start screen could not be shown from its record")
        return None


def _keep_first_screen(
    window: MainWindow, screen: QScreen, options: dict[str, Any], stamped: list[Path]
) -> None:
    from kiosk.session.paths import data_dir
    from kiosk.ui.first_screen import record_of
    from kiosk.ui.first_screen_record import RECORD_NAME, write_record

    record = record_of(window, screen, options, stamped)
    if record is not None:
        write_record(data_dir() / RECORD_NAME, record)


def _first_frame_pictures() -> FirstFramePictures:
    """The first frame's pictures as an earlier start drew them (`ui/first_frame_pictures.py`):
    with some kept, the drawing helper can wait until after the first paint."""
    from kiosk.session.paths import data_dir
    from kiosk.ui import resources
    from kiosk.ui.first_frame_pictures import FOLDER_NAME

    return resources.keep_first_frame_pictures(data_dir() / FOLDER_NAME)


def _load_settings(log: logging.Logger) -> LoadedSettings:
    """The settings file, unless it is not a regular file: reading a named pipe would wait for ever,
    before the kiosk tells systemd it is up. Refused, it counts as unreadable (staff entry closed)."""
    from kiosk.session.paths import regular_file_problem, settings_file
    from kiosk.session.settings import LoadedSettings, Settings, load_settings

    path = settings_file()
    problem = regular_file_problem(path)
    if problem is None:
        return load_settings(path)
    log.error("settings file refused: %s; using the defaults, staff entry stays closed", problem)
    return LoadedSettings(Settings(), path, pin_unreadable=True)


def _usable(path: Path, what: str, log: logging.Logger) -> Path | None:
    """`path`, or None (with an ERROR line) when it is a pipe, a device or a folder."""
    from kiosk.session.paths import regular_file_problem

    problem = regular_file_problem(path)
    if problem is None:
        return path
    log.error("%s refused: %s; it is kept in memory only until the file is fixed", what, problem)
    return None
