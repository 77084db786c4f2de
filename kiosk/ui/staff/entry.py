"""Who gets to the staff panel, and how: the rules of staff entry in one place.

- A PIN is set: holding the top-right corner for 3 s opens the PIN pad; only the right PIN opens
  the panel (five wrong tries lock entry for five minutes).
- No PIN yet (setup mode): the corner hold opens the panel directly, so whoever installs the kiosk
  can always get out. Nothing a patient can tap opens it: the top bar only shows a small,
  untappable "No staff PIN set" note for staff, and `kiosk run` logs a warning at every start.
- The settings file exists but its PIN cannot be read: entry stays closed (no note, no pad)
  until the file is fixed; the log says why.

`StaffGate` holds these rules for any window with an `overlay` and a `theme`; `StaffEntry` is the
gate of the kiosk window (its panel shows the pack and usage figures), and
`kiosk.ui.staff.fallback` the gate of the "being set up" screen shown when no pack loads.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QLabel, QWidget

from kiosk.session.pin import PinGuard
from kiosk.ui.dialog import staff_theme
from kiosk.ui.main_window import MainWindow
from kiosk.ui.staff.corner import HOLD_MS, ZONE_PX, CornerHold
from kiosk.ui.staff.panel import PackReport, StaffPanel
from kiosk.ui.staff.pin_pad import PinPad
from kiosk.ui.strings import tr
from kiosk.ui.theme import Theme
from kiosk.ui.top_bar import TopBar

log = logging.getLogger(__name__)

STAFF_DIALOGS = ("pin-pad", "staff-panel")


def no_pin_note(theme: Theme, language: str, colour: str) -> QLabel:
    """The setup-mode note for staff: plain text, not a button, so a tap on it does nothing.

    It is at least as wide as the hidden corner, which keeps patient controls out of that corner
    too, and wraps to two short lines at most."""
    note = QLabel(tr("no_staff_pin", language))
    note.setObjectName("NoPinNote")
    note.setWordWrap(True)
    note.setAlignment(Qt.AlignmentFlag.AlignCenter)
    note.setMinimumWidth(max(theme.px(ZONE_PX) - theme.px(24), theme.px(150)))
    # Plain words, no frame or fill: nothing about it looks like something to press.
    note.setStyleSheet(
        f"font-size: {theme.px(theme.metrics.small)}px; color: {colour}; background: transparent;"
        f" border: none; padding: {theme.px(4)}px;"
    )
    return note


class StaffGate(QObject):
    """Corner hold -> (PIN pad ->) panel, for `window` (a widget with `overlay` and `theme`).

    Subclasses say what the panel is (`open_panel`)."""

    def __init__(
        self,
        window: Any,
        guard: PinGuard,
        *,
        setup_mode: bool,
        entry_closed: bool = False,
        on_exit: Callable[[], None],
        hold_ms: int = HOLD_MS,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.guard = guard
        self.setup_mode = setup_mode and not entry_closed
        self.entry_closed = entry_closed
        self.on_exit = on_exit
        self.corner = CornerHold(window, hold_ms=hold_ms)
        self.corner.held.connect(self.open)

    def open(self) -> None:
        """The corner was held: the panel in setup mode, else the PIN pad, unless entry is closed."""
        if self.entry_closed:
            log.warning("staff entry is closed: the PIN in the settings file cannot be read")
            return
        current = self.window.overlay.current
        if current is not None and current.property("dialog") in STAFF_DIALOGS:
            return
        if self.setup_mode:
            self.open_panel()
        else:
            self.open_pad()

    def open_pad(self) -> None:
        window = self.window
        pad = PinPad(
            staff_theme(window.theme),
            window.width(),
            self.guard,
            self.open_panel,
            window.overlay.clear,
            # The screen's language; the "being set up" screen has no patient state: English.
            language=window.state.current.language if hasattr(window, "state") else "en",
        )
        window.overlay.show_widget(pad)

    def open_panel(self, message: str = "") -> None:
        raise NotImplementedError

    def close(self) -> None:
        self.window.overlay.clear()

    def exit_kiosk(self) -> None:
        log.info("staff exit from the kiosk")
        self.window.overlay.clear()
        self.on_exit()

    def stop(self) -> None:
        self.corner.stop()


class StaffEntry(StaffGate):
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
        pack_report: PackReport | None = None,
    ) -> None:
        super().__init__(
            window, guard, setup_mode=setup_mode, entry_closed=entry_closed, on_exit=on_exit, hold_ms=hold_ms
        )
        self.window: MainWindow = window
        self.pack_path = pack_path
        self.usage_db = usage_db
        self.pack_report = pack_report
        """Why the pack showing was chosen and the last refusal (from the pack store), if known."""
        window.add_top_bar_hook(self._fit_top_bar)

    def _fit_top_bar(self, bar: TopBar) -> None:
        """Setup mode: the note for staff. Otherwise an empty space that keeps the patient controls
        out of the hidden corner."""
        if self.setup_mode:
            language = self.window.state.current.language
            bar.set_staff_widget(no_pin_note(bar.theme, language, bar.theme.palette.on_bar))
            return
        spacer = QWidget()
        spacer.setObjectName("StaffCorner")
        spacer.setFixedSize(bar.theme.px(ZONE_PX) - bar.theme.px(24), 1)
        bar.set_staff_widget(spacer)

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
            pack_report=self.pack_report() if self.pack_report is not None else None,
            site=window.site,
        )
        window.overlay.show_widget(panel)

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
