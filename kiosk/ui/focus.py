"""Keyboard access: every patient control in reading order, pressed with Enter or Space.

Touch stays exactly as it was: controls take focus only from keys (`Qt.TabFocus`), a tap never
gives focus, and the focus ring is shown only after a key or a switch was used. The first tap
after that hides the ring and clears focus, so the next patient does not find it.

- Tab / Shift+Tab move through the controls in reading order: the top bar, then the screen, row
  by row and, where a screen has columns (an exercise's player beside its steps), column by column.
  With a dialog on the overlay, only the dialog's controls take part.
- Arrow keys move inside a grid or a list (a widget with the `arrowGroup` property: topic tiles,
  page cards, exercise steps); elsewhere they keep their preview meaning (Left/Right turn pages).
- Enter, Return or Space presses the focused control through its own `click()`, the same path a
  tap takes, so every key ends in a named command.
- After a new screen appears, focus lands on its first control (or on the control with the same
  name, when the screen was rebuilt for a new text size or language).

The ring (`FocusRing`) is a child of the focused control, so it moves, scrolls and disappears with
it. It has two bands from the theme (`focus_ring` inside `focus_halo`): one of a dark and a light
band always stands 3:1 apart from whatever colour is around it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QAbstractButton, QApplication, QScrollArea, QWidget
from shiboken6 import isValid

from kiosk.ui.paint_errors import reports_errors
from kiosk.ui.theme import Theme

if TYPE_CHECKING:
    from kiosk.ui.switch_scan import SwitchScan

NEXT_KEYS = {Qt.Key.Key_Tab}
PREVIOUS_KEYS = {Qt.Key.Key_Backtab}
PRESS_KEYS = {Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter}
ARROWS = {
    Qt.Key.Key_Left: (-1, 0),
    Qt.Key.Key_Right: (1, 0),
    Qt.Key.Key_Up: (0, -1),
    Qt.Key.Key_Down: (0, 1),
}
_POINTER_PRESSES = {QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin}


def takes_focus(widget: QWidget) -> bool:
    """A patient control a key can reach: tappable, shown, enabled and accepting Tab focus."""
    return (
        isinstance(widget, QAbstractButton)
        and bool(widget.property("tappable"))
        and widget.isVisible()
        and widget.isEnabled()
        and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
    )


def reading_order(root: QWidget) -> list[QAbstractButton]:
    """The controls under `root` as a reader meets them: rows from the top, left to right in a
    row; a control's own labels are not visited."""
    found: list[QAbstractButton] = []
    children = [c for c in root.children() if isinstance(c, QWidget) and c.isVisible()]
    for child in _in_rows(children):
        if takes_focus(child):
            found.append(child)  # type: ignore[arg-type]
        elif not isinstance(child, QAbstractButton):
            found.extend(reading_order(child))
    return found


def _in_rows(widgets: list[QWidget]) -> list[QWidget]:
    """Sort siblings into rows (a widget starting above the middle of the row's first one joins
    it), then each row left to right."""
    ordered: list[QWidget] = []
    row: list[QWidget] = []
    for widget in sorted(widgets, key=lambda w: (w.y(), w.x())):
        if row and widget.y() >= row[0].geometry().center().y():
            ordered.extend(sorted(row, key=lambda w: w.x()))
            row = []
        row.append(widget)
    ordered.extend(sorted(row, key=lambda w: w.x()))
    return ordered


def arrow_group(widget: QWidget) -> QWidget | None:
    """The grid or list `widget` sits in (the nearest ancestor marked `arrowGroup`), if any."""
    parent = widget.parentWidget()
    while parent is not None:
        if parent.property("arrowGroup"):
            return parent
        parent = parent.parentWidget()
    return None


def neighbour(current: QWidget, others: list[QAbstractButton], dx: int, dy: int) -> QAbstractButton | None:
    """The control nearest `current` in the direction (dx, dy); the cross distance counts double."""
    origin = current.mapToGlobal(current.rect().center())
    best: tuple[int, QAbstractButton] | None = None
    for other in others:
        if other is current:
            continue
        centre = other.mapToGlobal(other.rect().center())
        along = (centre.x() - origin.x()) * dx + (centre.y() - origin.y()) * dy
        across = abs((centre.x() - origin.x()) * dy) + abs((centre.y() - origin.y()) * dx)
        if along <= 0:
            continue
        score = along + 2 * across
        if best is None or score < best[0]:
            best = (score, other)
    return best[1] if best else None


class FocusRing(QWidget):
    """Two bands drawn just inside the focused control's edge; it ignores every touch."""

    def __init__(self, theme: Theme) -> None:
        super().__init__()
        self.setObjectName("FocusRing")
        self.theme = theme
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.hide()

    @property
    def band(self) -> int:
        return max(3, self.theme.px(5))

    @reports_errors
    def paintEvent(self, event: QPaintEvent) -> None:
        palette = self.theme.palette
        band = self.band
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        radius = self.theme.px(self.theme.metrics.radius)
        for colour, inset in ((palette.focus_halo, band / 2), (palette.focus_ring, band * 1.5)):
            painter.setPen(QPen(QColor(colour), band))
            edge = QRectF(self.rect()).adjusted(inset, inset, -inset, -inset)
            painter.drawRoundedRect(edge, radius, radius)


class KeyboardAccess(QObject):
    """Keys and the focus ring for one kiosk window (an application-wide event filter).

    `scope()` names the widget whose controls take part (the overlay while it shows a dialog);
    `theme()` gives the current colours.
    """

    def __init__(
        self,
        window: QWidget,
        scope: Callable[[], QWidget],
        screen: Callable[[], QWidget | None],
        theme: Callable[[], Theme],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.scope = scope
        self.screen = screen
        self.theme = theme
        self.active = False
        """True once a key or the switch was used, until the next tap."""
        self.ring: FocusRing | None = None
        self._remembered = ""
        self.switch: SwitchScan | None = None
        """Single-switch scanning, when the settings turn it on (`kiosk.ui.switch_scan`)."""
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
            app.focusChanged.connect(self._on_focus_changed)  # type: ignore[attr-defined]

    def close(self) -> None:
        """Stop listening (the window is closing)."""
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
            app.focusChanged.disconnect(self._on_focus_changed)  # type: ignore[attr-defined]
        self.stop()

    # --- what the keys reach ----------------------------------------------------------------------

    def controls(self) -> list[QAbstractButton]:
        return reading_order(self.scope())

    def focused(self) -> QAbstractButton | None:
        widget = self.window.focusWidget()  # the window's focus, even while it is not the active one
        if isinstance(widget, QAbstractButton) and widget in self.controls():
            return widget
        return None

    def focus(self, control: QAbstractButton) -> None:
        """Give `control` focus, show the ring on it and scroll it into view."""
        self.active = True
        control.setFocus(Qt.FocusReason.TabFocusReason)
        self._remembered = _identity(control)
        self._show_ring(control)
        scroller = control.parentWidget()
        while scroller is not None and not isinstance(scroller, QScrollArea):
            scroller = scroller.parentWidget()
        if scroller is not None:
            scroller.ensureWidgetVisible(control, 8, 8)

    def step(self, forward: bool = True) -> QAbstractButton | None:
        """Move to the next (or previous) control in reading order, wrapping round."""
        controls = self.controls()
        if not controls:
            return None
        current = self.focused() if self.active else None
        if current is None:
            first = self.first_on_screen(controls)
            target = first if forward else controls[-1]
        else:
            index = controls.index(current) + (1 if forward else -1)
            target = controls[index % len(controls)]
        self.focus(target)
        return target

    def first_on_screen(self, controls: list[QAbstractButton] | None = None) -> QAbstractButton:
        """The first control of the screen itself (after the top bar), else the first of all."""
        controls = controls if controls is not None else self.controls()
        screen = self.screen()
        for control in controls:
            if screen is not None and screen.isAncestorOf(control):
                return control
        return controls[0]

    def press(self) -> bool:
        current = self.focused()
        if current is None:
            return False
        current.click()
        return True

    def screen_changed(self) -> None:
        """A new screen (or a rebuilt one): in keyboard mode, put focus on it once it is laid out."""
        if self.active:
            if self.switch is not None and self.switch.scanning:
                self._remembered = ""  # scanning starts again from the screen's first control
            QTimer.singleShot(0, self, self._land_on_screen)

    def _land_on_screen(self) -> None:
        if not self.active:
            return
        controls = self.controls()
        if not controls:
            return
        same = [c for c in controls if _identity(c) == self._remembered]
        self.focus(same[0] if same else self.first_on_screen(controls))

    # --- the ring ---------------------------------------------------------------------------------

    def _show_ring(self, control: QWidget) -> None:
        ring = self.ring if self.ring is not None and isValid(self.ring) else None
        if ring is None:
            ring = FocusRing(self.theme())
            self.ring = ring
        ring.theme = self.theme()
        if ring.parentWidget() is not None and ring.parentWidget() is not control:
            ring.parentWidget().removeEventFilter(self)  # type: ignore[union-attr]
        ring.setParent(control)
        control.installEventFilter(self)
        ring.setGeometry(control.rect())
        ring.show()
        ring.raise_()

    def hide_ring(self) -> None:
        if self.ring is not None and isValid(self.ring):
            owner = self.ring.parentWidget()
            if owner is not None:
                owner.removeEventFilter(self)
            self.ring.hide()

    def ring_shown_on(self) -> QWidget | None:
        """The control the ring is visible on, if any (for tests and screenshots)."""
        if self.ring is None or not isValid(self.ring) or not self.ring.isVisible():
            return None
        return self.ring.parentWidget()

    def _on_focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and not self.active and takes_focus(new) and new.window() is self.window:
            new.clearFocus()  # Qt focuses the first control when the window activates: not for touch
        if not self.active or new is None or not takes_focus(new):
            self.hide_ring()
        elif new.window() is self.window:
            self._show_ring(new)

    # --- events -----------------------------------------------------------------------------------

    def stop(self) -> None:
        """Leave keyboard mode: no ring, no focus (a tap, an idle reset)."""
        self.active = False
        if self.switch is not None:
            self.switch.stop()
        self.hide_ring()
        widget = self.window.focusWidget()
        if widget is not None:
            widget.clearFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Resize and self.ring is not None and isValid(self.ring):
            if watched is self.ring.parentWidget():
                self.ring.setGeometry(watched.rect())
            return False
        if kind in _POINTER_PRESSES:
            if self.active:
                self.stop()
            return False
        if kind != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if not self._receives_keys(watched):
            return False
        return self.handle_key(event)

    def _receives_keys(self, watched: QObject) -> bool:
        """Each key is handled once: where Qt first delivers it (the focused control, else the window)."""
        if not isinstance(watched, QWidget) or watched.window() is not self.window:
            return False
        focus = self.window.focusWidget()
        return watched is (focus if focus is not None else self.window)

    def handle_key(self, event: QKeyEvent) -> bool:
        """Tab, Shift+Tab, Enter/Space and arrows in grids; True when the key was used."""
        key = Qt.Key(event.key())
        if key in NEXT_KEYS or key in PREVIOUS_KEYS:
            self.step(forward=key in NEXT_KEYS)
            return True
        if key in PRESS_KEYS:
            if event.isAutoRepeat():
                return True
            if self.switch is not None:
                self.switch.switch_pressed()
                return True
            if self.press():
                return True
            self.step()
            return True
        if key in ARROWS:
            current = self.focused()
            group = arrow_group(current) if current is not None else None
            if current is None or group is None:
                return False
            target = neighbour(current, reading_order(group), *ARROWS[key])
            if target is not None:
                self.focus(target)
            return True
        return False


def _identity(control: QWidget) -> str:
    """What names a control across rebuilds of its screen (the route of a card, else its name)."""
    return str(control.property("route") or control.objectName() or control.accessibleName())
