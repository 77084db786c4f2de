"""Who gets to the staff panel, and how: the rules of staff entry in one place.

- A PIN is set: holding the top-right corner for 3 s opens the PIN pad; only the right PIN opens
  the panel (five wrong tries lock entry for five minutes).
- No PIN yet (setup mode): a small "Setup mode" banner shows in the top bar; tapping it, or the
  corner hold, opens the panel directly, so whoever installs the kiosk can always get out.
- The settings file exists but its PIN cannot be read: entry stays closed (no banner, no pad)
  until the file is fixed; the log says why.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from kiosk.session.pin import PinGuard
from kiosk.ui import resources
from kiosk.ui.dialog import staff_theme
from kiosk.ui.main_window import MainWindow
from kiosk.ui.staff.corner import HOLD_MS, ZONE_PX, CornerHold
from kiosk.ui.staff.panel import StaffPanel
from kiosk.ui.staff.pin_pad import PinPad
from kiosk.ui.strings import tr
from kiosk.ui.top_bar import TopBar
from kiosk.ui.widgets import push_button

log = logging.getLogger(__name__)


class StaffEntry(QObject):
    def __init__(
        self,
        window: MainWindow,
        guard: PinGuard,
        *,
        setup_mode: bool,
        entry_closed: bool = False,
        on_exit: Callable[[], None],
        pack_path: Path | None = None,
        usage_db: Path | None = None,
        hold_ms: int = HOLD_MS,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.guard = guard
        self.setup_mode = setup_mode and not entry_closed
        self.entry_closed = entry_closed
        self.on_exit = on_exit
        self.pack_path = pack_path
        self.usage_db = usage_db
        self.corner = CornerHold(window, hold_ms=hold_ms)
        self.corner.held.connect(self.open)
        window.add_top_bar_hook(self._fit_top_bar)

    # --- the top bar --------------------------------------------------------------------------

    def _fit_top_bar(self, bar: TopBar) -> None:
        """Setup mode: the banner that opens the panel. Otherwise an empty space that keeps the
        patient controls out of the hidden corner."""
        if self.setup_mode:
            bar.set_staff_widget(self._setup_banner(bar))
            return
        spacer = QWidget()
        spacer.setObjectName("StaffCorner")
        spacer.setFixedSize(bar.theme.px(ZONE_PX) - bar.theme.px(24), 1)
        bar.set_staff_widget(spacer)

    def _setup_banner(self, bar: TopBar) -> QWidget:
        theme = bar.theme
        language = self.window.state.current.language
        banner = push_button(
            tr("setup_mode", language),
            self.open_panel,
            name="staff-entry",
            icon=resources.icon("fa5s.tools", "#ffffff"),
            icon_px=theme.px(24),
        )
        banner.setStyleSheet(
            f"font-size: {theme.px(theme.metrics.small)}px; font-weight: normal;"
            f" border: {theme.px(2)}px dashed #cfe3e5; background: {theme.palette.bar};"
        )
        return banner

    # --- opening ------------------------------------------------------------------------------

    def open(self) -> None:
        """The corner was held: the panel in setup mode, else the PIN pad, unless entry is closed."""
        if self.entry_closed:
            log.warning("staff entry is closed: the PIN in the settings file cannot be read")
            return
        current = self.window.overlay.current
        if current is not None and current.property("dialog") in ("pin-pad", "staff-panel"):
            return
        if self.setup_mode:
            self.open_panel()
        else:
            self.open_pad()

    def open_pad(self) -> None:
        window = self.window
        pad = PinPad(
            staff_theme(window.theme), window.width(), self.guard, self.open_panel, window.overlay.clear
        )
        window.overlay.show_widget(pad)

    def open_panel(self, message: str = "") -> None:
        window = self.window
        log.info("staff panel opened")
        panel = StaffPanel(
            staff_theme(window.theme),
            window.width(),
            window.pack,
            language=window.state.current.language,
            setup_mode=self.setup_mode,
            usage_db=self.usage_db,
            on_reload=self.reload_pack,
            on_exit=self.exit_kiosk,
            on_return=self.close,
            message=message,
        )
        window.overlay.show_widget(panel)

    def close(self) -> None:
        self.window.overlay.clear()

    # --- actions ------------------------------------------------------------------------------

    def reload_pack(self) -> None:
        """Load the configured pack folder again; a pack with errors is refused and the current stays."""
        from kiosk.content.loader import load_pack  # the checks are imported when staff ask for them

        folder = self.pack_path or self.window.pack.root
        result = load_pack(folder)
        for problem in result.problems:
            (log.error if problem.is_error else log.warning)("%s: %s", folder, problem.format())
        if result.pack is None:
            message = (
                f"The pack in {folder} has {len(result.errors)} error(s), so it was not loaded; "
                f"the kiosk still shows version {self.window.pack.manifest.version}."
            )
            log.error("staff reload: pack %s refused", folder)
        else:
            self.window.set_pack(result.pack)
            message = f"Pack reloaded: version {result.pack.manifest.version}."
            log.info("staff reload: pack %s version %s is live", folder, result.pack.manifest.version)
        self.open_panel(message)

    def exit_kiosk(self) -> None:
        log.info("staff exit from the kiosk")
        self.window.overlay.clear()
        self.on_exit()

    def stop(self) -> None:
        self.corner.stop()
