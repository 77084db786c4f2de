"""The screen shown when no pack at all can be loaded: a calm message, never a black screen.

It is a full kiosk window in its own right: locked like the main window, with an `overlay` for
the staff dialogs and a `staff_slot` in its top-right corner, so staff get in (and out) exactly
as on the main window (`kiosk.ui.staff.fallback`), and a patient cannot.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.ui.overlay import OverlayLayer
from kiosk.ui.strings import tr
from kiosk.ui.theme import Palette, Theme


class OutOfOrderScreen(QWidget):
    exit_requested = Signal()
    """Staff chose Exit on the staff panel."""

    def __init__(self, width: int, height: int) -> None:
        super().__init__()
        self.setObjectName("KioskRoot")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.theme = Theme.for_screen(width, height, palette=Palette())
        self.setStyleSheet(self.theme.stylesheet())
        column = QVBoxLayout(self)
        pad = self.theme.px(12)
        column.setContentsMargins(self.theme.px(24), pad, self.theme.px(24), pad)
        self.staff_slot = QHBoxLayout()
        self.staff_slot.addStretch(1)
        column.addLayout(self.staff_slot)
        self.message = QLabel(tr("out_of_order", "en"))
        self.message.setObjectName("OutOfOrderMessage")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setStyleSheet(f"font-size: {self.theme.px(48)}px; padding: 10%;")
        column.addWidget(self.message, 1)
        self.overlay = OverlayLayer(self)

    def set_staff_widget(self, widget: QWidget) -> None:
        """The staff entry's widget in the top-right corner (the no-PIN note in setup mode)."""
        self.staff_slot.addWidget(widget)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.overlay.setGeometry(self.rect())
