"""Touch handling: one place decides whether a finger taps, scrolls or swipes.

Qt turns touches on ordinary widgets into mouse events (a touch never reaches a widget twice: no
widget here accepts touch events, so each touch arrives exactly once, as a synthesised mouse
event). A real mouse used as a finger produces the same events, so both behave alike.

`GestureArbiter` watches those events for one area of the window:
- a press goes through at once, so the button under the finger shows it is pressed;
- once the finger moves further than a small slop, the touch becomes a drag: the pressed button is
  released *without* a click, and the drag either scrolls the nearest kinetic scroll area
  (vertical; handed to `QScroller`, which adds the flick) or moves the nearest `SwipeTarget`
  (horizontal; the page pager, whose slide follows the finger);
- a release without a drag is a tap, handled by the widget itself: exactly one action.
Nothing needs hover, double-tap or long-press.

A gesture never outlives the screen it started on. A finger can land while a page slide is still
running; when the slide ends, the screen (and every widget the gesture was steering) is replaced.
The window calls `forget()` on every screen change, and every widget the arbiter steers is
checked with `shiboken6.isValid` before use, so a gesture whose widgets are gone simply ends: the
rest of that touch does nothing. A touch whose release never reaches a widget (its window saw the
release, a new press comes, or a move with no button down) ends as if released: a half-swiped
page springs back. An exception escaping an event filter would end the process (a PySide6 crash),
so anything unexpected here is logged once per touch and the gesture dropped.
"""

from __future__ import annotations

import logging
from typing import Protocol, runtime_checkable

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPointF, Qt, QTimer
from PySide6.QtGui import QMouseEvent, QWindow
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QScroller, QScrollerProperties, QWidget

log = logging.getLogger(__name__)


@runtime_checkable
class SwipeTarget(Protocol):
    """A widget that follows a horizontal drag (the page pager)."""

    def swipe_moved(self, dx: float) -> None: ...

    def swipe_finished(self, dx: float, velocity: float) -> None:
        """`velocity` is in px per ms, positive to the right."""


KINETIC = "kinetic"
"""Set this property to True on a QAbstractScrollArea to let drags scroll it."""


def make_kinetic(area: QAbstractScrollArea) -> None:
    """Let vertical drags scroll `area` with a flick (QScroller), without grabbing any gesture."""
    area.setProperty(KINETIC, True)
    scroller = QScroller.scroller(area.viewport())
    props = scroller.scrollerProperties()
    props.setScrollMetric(
        QScrollerProperties.ScrollMetric.VerticalOvershootPolicy,
        QScrollerProperties.OvershootPolicy.OvershootAlwaysOff,
    )
    props.setScrollMetric(
        QScrollerProperties.ScrollMetric.HorizontalOvershootPolicy,
        QScrollerProperties.OvershootPolicy.OvershootAlwaysOff,
    )
    props.setScrollMetric(QScrollerProperties.ScrollMetric.DragStartDistance, 0.0)
    scroller.setScrollerProperties(props)


def alive(item: object) -> bool:
    """True if `item` is a Qt object whose C++ side still exists (a screen change deletes widgets
    that Python may still hold)."""
    return item is not None and shiboken6.isValid(item)


def _ancestors(widget: QWidget | None) -> list[QWidget]:
    chain: list[QWidget] = []
    while widget is not None and alive(widget):
        chain.append(widget)
        widget = widget.parentWidget()
    return chain


class GestureArbiter(QObject):
    """Application-wide event filter that turns presses inside `area` into taps, scrolls or swipes."""

    IDLE, PENDING, SCROLL, SWIPE = range(4)

    def __init__(self, area: QWidget, slop: int) -> None:
        super().__init__(area)
        self.area = area
        self.slop = slop
        self.mode = self.IDLE
        self._start = QPointF()
        self._last = QPointF()
        self._last_time = 0
        self._press_time = -1
        """Timestamp of the press that began the gesture (a press reaches the filter once per
        widget it is offered to, and must not end its own gesture)."""
        self._velocity = 0.0
        self._pressed: QWidget | None = None
        self._scroll_area: QAbstractScrollArea | None = None
        self._swipe: SwipeTarget | None = None

    def forget(self) -> None:
        """Drop the gesture in progress and every widget it steers (the screen is being replaced).

        The finger may still be down: its remaining moves and its release pass through untouched,
        and nothing on the new screen was pressed, so they do nothing."""
        self.mode = self.IDLE
        self._pressed = None
        self._scroll_area = None
        self._swipe = None

    # The filter sees each mouse event once per widget it is offered to (a press a child ignores
    # is offered to its parent too), so decisions are keyed on the first delivery only.
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.MouseButtonRelease):
            return False
        if isinstance(watched, QWindow) and kind == QEvent.Type.MouseButtonRelease and self.mode != self.IDLE:
            # Every release reaches the window first. If the widget that took the press was hidden
            # meanwhile, no widget gets it; check once this delivery is over.
            press = self._press_time
            QTimer.singleShot(0, self, lambda: self._release_missed(press))
            return False
        if not isinstance(watched, QWidget) or not isinstance(event, QMouseEvent):
            return False
        try:
            return self._filter(kind, watched, event)
        except Exception:  # raised out of an event filter, it would take the whole kiosk down
            log.exception("a touch gesture failed; it is dropped")
            self.forget()
            return False

    def _filter(self, kind: QEvent.Type, watched: QWidget, event: QMouseEvent) -> bool:
        if kind == QEvent.Type.MouseButtonPress:
            if self.mode != self.IDLE and event.timestamp() != self._press_time:
                self._end_lost_touch()  # a new touch while one is open: its release never came
            if (
                self.mode == self.IDLE
                and alive(self.area)
                and (watched is self.area or self.area.isAncestorOf(watched))
            ):
                self._begin(watched, event)
            return False
        if self.mode == self.IDLE:
            return False
        if not self._targets_alive():
            self.forget()  # its screen was replaced
            return False
        if kind == QEvent.Type.MouseMove and event.buttons() == Qt.MouseButton.NoButton:
            self._end_lost_touch()  # the finger is up, but the release never came
            return False
        if kind == QEvent.Type.MouseMove:
            return self._move(event)
        return self._release(event)

    def _release_missed(self, press: int) -> None:
        """The finger lifted but no widget passed the release on: end that touch now."""
        if self.mode == self.IDLE or press != self._press_time:
            return
        if self._targets_alive():
            self._end_lost_touch()
        else:
            self.forget()

    def _end_lost_touch(self) -> None:
        """End a gesture whose release never arrived: a half-swiped page springs back, a scroll
        lets go where the finger last was."""
        if self.mode == self.SWIPE and alive(self._swipe):
            assert self._swipe is not None
            self._swipe.swipe_finished(0.0, 0.0)
        elif self.mode == self.SCROLL:
            self._scroller_input(QScroller.Input.InputRelease, self._last, self._last_time)
        self.forget()

    def _targets_alive(self) -> bool:
        """False once a widget this gesture steers has been deleted (its screen was replaced)."""
        return all(
            target is None or alive(target) for target in (self._pressed, self._scroll_area, self._swipe)
        )

    def _begin(self, widget: QWidget, event: QMouseEvent) -> None:
        self.mode = self.PENDING
        self._press_time = event.timestamp()
        self._pressed = widget
        self._start = self._last = event.globalPosition()
        self._last_time = event.timestamp()
        self._velocity = 0.0
        chain = _ancestors(widget)
        self._scroll_area = next(
            (w for w in chain if isinstance(w, QAbstractScrollArea) and w.property(KINETIC)), None
        )
        self._swipe = next((w for w in chain if isinstance(w, SwipeTarget)), None)

    def _move(self, event: QMouseEvent) -> bool:
        position = event.globalPosition()
        elapsed = max(1, event.timestamp() - self._last_time)
        self._velocity = 0.6 * self._velocity + 0.4 * (position.x() - self._last.x()) / elapsed
        self._last, self._last_time = position, event.timestamp()
        delta = position - self._start
        if self.mode == self.PENDING:
            if max(abs(delta.x()), abs(delta.y())) < self.slop:
                return False
            if abs(delta.x()) > abs(delta.y()) and self._swipe is not None:
                self.mode = self.SWIPE
            elif abs(delta.y()) >= abs(delta.x()) and self._scroll_area is not None:
                self.mode = self.SCROLL
                self._scroller_input(QScroller.Input.InputPress, self._start, event.timestamp())
            else:
                return False  # nothing to drag here: a wobbly tap stays a tap
            self._cancel_press()
        if self.mode == self.SWIPE and self._swipe is not None:
            self._swipe.swipe_moved(delta.x())
        elif self.mode == self.SCROLL:
            self._scroller_input(QScroller.Input.InputMove, position, event.timestamp())
        return True

    def _release(self, event: QMouseEvent) -> bool:
        mode, self.mode = self.mode, self.IDLE
        if mode == self.PENDING:
            return False
        position = event.globalPosition()
        swipe = self._swipe
        self._pressed = None
        if mode == self.SWIPE and swipe is not None:
            swipe.swipe_finished(position.x() - self._start.x(), self._velocity)
        elif mode == self.SCROLL:
            self._scroller_input(QScroller.Input.InputRelease, position, event.timestamp())
        return True

    def _cancel_press(self) -> None:
        """The touch became a drag: release the pressed button without a click."""
        for widget in _ancestors(self._pressed):
            if isinstance(widget, QAbstractButton):
                widget.setDown(False)
                widget.update()
                break

    def _scroller_input(self, kind: QScroller.Input, global_pos: QPointF, timestamp: int) -> None:
        if not alive(self._scroll_area):
            return
        assert self._scroll_area is not None
        viewport = self._scroll_area.viewport()
        local = QPointF(viewport.mapFromGlobal(global_pos.toPoint()))
        QScroller.scroller(viewport).handleInput(kind, local, timestamp)
