"""The hidden way in for staff: press and hold the top-right corner of the screen for 3 seconds.

The zone is invisible and holds no patient target (the top bar keeps it empty), so a patient
never triggers it by accident; a short press there does nothing. The filter only watches: presses
still reach whatever is under the finger, except that a hold that opened the staff entry cancels
the press underneath (no click), and its release is swallowed.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

HOLD_MS = 3000
ZONE_PX = 96
"""Side of the corner zone at a 1080 px short screen side (it scales with the screen)."""


class CornerHold(QObject):
    held = Signal()

    def __init__(self, window: QWidget, *, hold_ms: int = HOLD_MS, zone_px: int = ZONE_PX) -> None:
        super().__init__(window)
        self.window = window
        self.zone_px = zone_px
        self.timer = QTimer(self)
        self.timer.setObjectName("CornerHoldTimer")
        self.timer.setSingleShot(True)
        self.timer.setInterval(hold_ms)
        self.timer.timeout.connect(self._fire)
        self._pressed: QWidget | None = None
        self._swallow_release = False
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def zone(self) -> QRect:
        """The corner zone in global coordinates."""
        theme = getattr(self.window, "theme", None)
        side = theme.px(self.zone_px) if theme is not None else self.zone_px
        top_left = self.window.mapToGlobal(QPoint(self.window.width() - side, 0))
        return QRect(top_left.x(), top_left.y(), side, side)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.MouseButtonDblClick:  # a second quick press arrives as this alone
            kind = QEvent.Type.MouseButtonPress
        if kind not in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.MouseButtonRelease):
            if kind == QEvent.Type.Hide and watched is self.window:
                self.timer.stop()
            return False
        if not isinstance(event, QMouseEvent) or not isinstance(watched, QWidget):
            return False
        inside = self.zone().contains(event.globalPosition().toPoint())
        if kind == QEvent.Type.MouseButtonPress:
            ours = watched is self.window or self.window.isAncestorOf(watched)
            if not self.timer.isActive() and inside and ours:
                self._pressed = watched
                self.timer.start()
            return False
        if kind == QEvent.Type.MouseMove:
            if self.timer.isActive() and not inside:
                self.cancel()
            return False
        if self._swallow_release:  # the release of the hold that opened the staff entry
            self._swallow_release = False
            return True
        self.cancel()
        return False

    def cancel(self) -> None:
        self.timer.stop()
        self._pressed = None

    def stop(self) -> None:
        self.cancel()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def _fire(self) -> None:
        widget = self._pressed
        while widget is not None:  # the finger opened the staff entry: it did not tap what is under it
            if isinstance(widget, QAbstractButton):
                widget.setDown(False)
                break
            widget = widget.parentWidget()
        self._pressed = None
        self._swallow_release = True
        self.held.emit()
