"""Staff entry on the "being set up" screen (no pack could be loaded).

The same gate as on the kiosk window (`StaffGate`: 3 s corner hold, PIN pad unless no PIN is set),
and a small panel: why the screen shows, and Exit or Return. There is no pack to describe, count
or reload, so a fixed pack is put live by restarting the kiosk.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout

from kiosk.session.pin import PinGuard
from kiosk.ui.dialog import DialogCard, staff_theme
from kiosk.ui.out_of_order import OutOfOrderScreen
from kiosk.ui.staff.corner import HOLD_MS
from kiosk.ui.staff.entry import StaffGate, no_pin_note
from kiosk.ui.theme import Theme
from kiosk.ui.widgets import TextLabel, push_button

log = logging.getLogger(__name__)

NO_PACK_NOTE = (
    "No content pack could be loaded, so patients see the \u201cbeing set up\u201d message. The log says "
    "why each pack was refused; check a pack with  kiosk validate PATH , then restart the kiosk."
)


class FallbackStaffPanel(DialogCard):
    def __init__(
        self,
        theme: Theme,
        window_width: int,
        *,
        setup_mode: bool,
        on_exit: Callable[[], None],
        on_return: Callable[[], None],
    ) -> None:
        super().__init__(theme, "staff-panel", window_width, max_width=1200)
        self.column.addWidget(TextLabel("Staff panel", "title"))
        if setup_mode:
            note = TextLabel(
                "Setup mode: no staff PIN is set. Set one on this machine with the command  kiosk set-pin .",
                "body",
            )
            note.setObjectName("SetupNote")
            note.setStyleSheet(f"color: {theme.palette.urgent_text};")
            self.column.addWidget(note)
        reason = TextLabel(NO_PACK_NOTE, "body")
        reason.setObjectName("NoPackNote")
        self.column.addWidget(reason)
        buttons = QHBoxLayout()
        buttons.setSpacing(theme.px(20))
        buttons.addWidget(push_button("Exit the kiosk", on_exit, name="staff-exit", role="danger"))
        buttons.addStretch(1)
        buttons.addWidget(push_button("Return to the kiosk", on_return, name="staff-return"))
        self.column.addLayout(buttons)


class FallbackStaffEntry(StaffGate):
    def __init__(
        self,
        window: OutOfOrderScreen,
        guard: PinGuard,
        *,
        setup_mode: bool,
        entry_closed: bool = False,
        on_exit: Callable[[], None],
        hold_ms: int = HOLD_MS,
    ) -> None:
        super().__init__(
            window, guard, setup_mode=setup_mode, entry_closed=entry_closed, on_exit=on_exit, hold_ms=hold_ms
        )
        if self.setup_mode:
            window.set_staff_widget(no_pin_note(window.theme, "en", window.theme.palette.text_muted))

    def open_panel(self, message: str = "") -> None:
        log.info("staff panel opened")
        window = self.window
        panel = FallbackStaffPanel(
            staff_theme(window.theme),
            window.width(),
            setup_mode=self.setup_mode,
            on_exit=self.exit_kiosk,
            on_return=self.close,
        )
        window.overlay.show_widget(panel)
