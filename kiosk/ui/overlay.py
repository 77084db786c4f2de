"""A layer above every screen for dialogs (idle warning, staff PIN, messages).

It covers the whole window only while it shows something; the rest of the time it is hidden and
costs nothing. `show_widget(widget)` centres a dialog over a dimmed screen; `clear()` removes it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QGridLayout, QWidget

from kiosk.ui.paint_errors import reports_errors


class OverlayLayer(QWidget):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("OverlayLayer")
        self.grid = QGridLayout(self)
        self.grid.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.current: QWidget | None = None
        self.hide()

    shown = Signal(str)
    """A dialog appeared; carries its name (the widget's `dialog` property, else its object name)."""

    def show_widget(self, widget: QWidget) -> None:
        self.clear()
        self.current = widget
        self.grid.addWidget(widget, 0, 0, Qt.AlignmentFlag.AlignCenter)
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.show()
        self.raise_()
        self.shown.emit(str(widget.property("dialog") or widget.objectName()))

    def clear(self) -> None:
        if self.current is not None:
            self.grid.removeWidget(self.current)
            self.current.hide()
            self.current.deleteLater()
            self.current = None
        self.hide()

    @reports_errors
    def paintEvent(self, event: QPaintEvent) -> None:
        QPainter(self).fillRect(self.rect(), QColor(20, 30, 36, 150))
