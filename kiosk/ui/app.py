"""Starting the kiosk: the Qt application, fonts, the pack (with fallback) and the window.

A pack that fails to load is refused with its problems logged, and the bundled pack is shown
instead; if even that fails, a calm "being set up" screen appears. The screen is never blank.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication, QPixmapCache, QScreen
from PySide6.QtWidgets import QApplication, QWidget

from kiosk import __version__
from kiosk.ui import resources

if TYPE_CHECKING:  # imported where used: the start screen shows before the window's code loads
    from kiosk.content.pack import Pack
    from kiosk.session.site import SiteDetails
    from kiosk.session.state import AppState
    from kiosk.ui.main_window import MainWindow
    from kiosk.ui.out_of_order import OutOfOrderScreen

log = logging.getLogger(__name__)

DESKTOP_FILE_NAME = "clinic-kiosk"
PIXMAP_CACHE_KIB = 4096
"""Qt's own cache of drawn style parts and icons (10 MB by default). What the kiosk draws again
and again is small (icons, card corners); pictures have their own cache in `resources`."""
_SET_UP = "kiosk_set_up"


def application(
    argv: list[str] | None = None, *, drawing_helper: bool = True, headings: bool = True
) -> QApplication:
    """The QApplication (created once), named for the desktop and the system, with the kiosk font.

    The desktop file name lets a kiosk shell or task list match the window to `clinic-kiosk.desktop`;
    organisation and version show in crash reports and accessibility tools. The drawing helper
    starts here unless `drawing_helper` is False (`kiosk run`, when the first frame's pictures were
    kept by an earlier start, starts it after its first paint instead). Screen readers are taught
    the kiosk's headings here (`accessibility.install`) unless `headings` is False: the start screen
    drawn from its record comes before them (a few ms of Qt's accessibility types), and the kiosk
    window's own call installs them before any of its labels exists."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    if not app.property(_SET_UP):  # once: fonts registered twice would be kept twice
        app.setApplicationName("Clinic Kiosk")
        app.setApplicationVersion(__version__)
        app.setOrganizationName("Clinic Kiosk")
        app.setDesktopFileName(DESKTOP_FILE_NAME)
        QPixmapCache.setCacheLimit(PIXMAP_CACHE_KIB)
        resources.register_fonts()
        app.setProperty(_SET_UP, True)
    if headings:
        from kiosk.ui import accessibility

        accessibility.install()  # once per process
    if drawing_helper:  # started now, it has loaded Qt by the time the first picture is drawn
        resources.start_drawing_helper()
    return app


def load_pack_or_fallback(path: Path | None, index_folder: Path | None = None) -> Pack | None:
    """The pack at `path`, else the bundled pack; problems are logged for staff. None if both fail.

    With `index_folder`, a pack whose files are unchanged since it last passed its checks is
    rebuilt from the checked-pack index (`kiosk.content.checked_index`) instead of being checked
    again, and a pack checked in full is indexed for the next start.
    """
    from kiosk.content import bundled
    from kiosk.content.checked_index import load_checked

    candidates = [path] if path is not None else []
    try:
        fallback = bundled.bundled_pack_dir()
    except bundled.BundledDataMissing as error:
        log.error("%s", error)
    else:
        if fallback not in candidates:
            candidates.append(fallback)
    for candidate in candidates:
        result = load_checked(candidate, index_folder)
        for problem in result.problems:
            (log.error if problem.is_error else log.warning)("%s: %s", candidate, problem.format())
        if result.pack is not None:
            return result.pack
        log.error("pack %s refused (%d errors)", candidate, len(result.errors))
    return None


def pick_screen(choice: str | int | None) -> QScreen:
    """The screen named `choice` (e.g. "HDMI-1") or numbered `choice` from 0; else the primary one."""
    screens = QGuiApplication.screens()
    if isinstance(choice, str) and choice.strip().isdigit():
        choice = int(choice)
    if isinstance(choice, int):
        if 0 <= choice < len(screens):
            return screens[choice]
        log.warning("no screen %d (have %d); using the primary screen", choice, len(screens))
    elif choice:
        for screen in screens:
            if screen.name() == choice:
                return screen
        names = ", ".join(repr(screen.name()) for screen in screens)
        log.warning("no screen named %r (have %s); using the primary screen", choice, names)
    return QGuiApplication.primaryScreen()


def log_tappables_after_layout(window: MainWindow) -> None:
    """At DEBUG, list where each tappable is on the screen after each screen change (for staff and
    the end-to-end test, which taps them by position)."""
    tappables_log = logging.getLogger("kiosk.tappables")

    def report(dialog: str = "") -> None:
        for name, rect in window.tappables():
            tappables_log.debug(
                "tappable: %s %d,%d %dx%d", name, rect.x(), rect.y(), rect.width(), rect.height()
            )
        listed = f"dialog:{dialog}" if dialog else window.state.current.route.name
        tappables_log.debug("tappables listed for %s", listed)

    def later(_route: str) -> None:
        if tappables_log.isEnabledFor(logging.DEBUG):
            QTimer.singleShot(150, window, report)

    def later_for_dialog(name: str) -> None:
        if tappables_log.isEnabledFor(logging.DEBUG):
            QTimer.singleShot(150, window, lambda: report(name))

    window.screen_changed.connect(later)
    window.overlay.shown.connect(later_for_dialog)
    later("")


def create_window(
    pack: Pack | None, state: AppState, width: int, height: int, site: SiteDetails | None = None
) -> MainWindow | OutOfOrderScreen:
    from kiosk.session.navigation import log_route_changes
    from kiosk.ui.main_window import MainWindow
    from kiosk.ui.out_of_order import OutOfOrderScreen

    if pack is None:
        log.error("no pack can be shown: the out-of-order screen is on")
        logging.getLogger("kiosk.route").debug("route: out-of-order")
        window: MainWindow | OutOfOrderScreen = OutOfOrderScreen(width, height)
    else:
        log_route_changes(state)
        logging.getLogger("kiosk.route").debug("route: %s", state.current.route.name)
        window = MainWindow(state, pack, size=(width, height), site=site)
        log_tappables_after_layout(window)
    window.resize(width, height)
    return window


def show(window: QWidget, screen: QScreen, windowed: bool, size: tuple[int, int] | None) -> None:
    """Fullscreen on `screen` (sized to it first, so it opens on the right monitor), or a window."""
    geometry = screen.geometry()
    window.winId()  # its native window now, to place on `screen` before it shows
    handle = window.windowHandle()
    if handle is not None:
        handle.setScreen(screen)
    if windowed:
        width, height = size or (min(1280, geometry.width()), min(800, geometry.height()))
        window.resize(width, height)
        window.move(geometry.center().x() - width // 2, geometry.center().y() - height // 2)
        window.show()
        return
    window.setGeometry(geometry)
    window.showFullScreen()
