"""Idle reset in Qt: touches count as activity, one timer asks the policy, an overlay asks the patient.

`kiosk.session.idle.IdlePolicy` decides (Qt-free, tested with a fake clock); this module only
connects it to the window:

- an application-wide event filter turns every press, touch, key and wheel into `activity()`;
- one single-shot timer wakes when the idle time could have run out (not every second), then once
  a second while the "Are you still reading?" countdown shows, and not at all after a reset until
  the next touch: a screen nobody touches costs no timer wake-ups;
- the countdown dialog sits on the window's overlay with a large "Keep reading" button (WCAG
  2.2.1); any touch anywhere also keeps reading. The dialog goes when that touch ends, so the
  touch never reaches the button that was under it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication

from kiosk.session.idle import IdleAction, IdlePolicy
from kiosk.session.state import IdlePhase, Snapshot
from kiosk.ui.dialog import DialogCard
from kiosk.ui.main_window import MainWindow
from kiosk.ui.strings import tr
from kiosk.ui.widgets import TextLabel, push_button

_PRESS_EVENTS = {QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick, QEvent.Type.TouchBegin}
_RELEASE_EVENTS = {QEvent.Type.MouseButtonRelease, QEvent.Type.TouchEnd, QEvent.Type.TouchCancel}
_ACTIVITY_EVENTS = {*_PRESS_EVENTS, QEvent.Type.KeyPress, QEvent.Type.Wheel}
WARNING_TICK_MS = 1000
MIN_CHECK_MS = 100


def countdown_text(seconds: int, language: str) -> str:
    if seconds == 1:
        return tr("starting_over_in_one", language)
    return tr("starting_over_in", language, seconds=seconds)


class IdleWarning(DialogCard):
    """ "Are you still reading?", the seconds left, and a large Keep reading button."""

    def __init__(self, window: MainWindow, seconds_left: int, on_keep_reading: Callable[[], None]) -> None:
        theme = window.theme
        super().__init__(theme, "idle-warning", window.width(), max_width=900)
        self.language = window.state.current.language
        title = TextLabel(tr("still_reading", self.language), "title")
        title.setObjectName("IdleTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.countdown = TextLabel(countdown_text(seconds_left, self.language), "body")
        self.countdown.setObjectName("IdleCountdown")
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.keep = push_button(tr("keep_reading", self.language), on_keep_reading, name="keep-reading")
        self.keep.setMinimumHeight(theme.px(120))
        self.keep.setStyleSheet(f"font-size: {theme.text_px(40)}px; padding: 0 {theme.px(48)}px;")
        self.column.addWidget(title)
        self.column.addWidget(self.countdown)
        self.column.addWidget(self.keep)
        self.seconds_left = seconds_left

    def set_seconds_left(self, seconds: int) -> None:
        if seconds != self.seconds_left:
            self.seconds_left = seconds
            self.countdown.setText(countdown_text(seconds, self.language))


class IdleWatcher(QObject):
    """Drives `policy` from the window's input and one timer; shows and clears the idle warning."""

    def __init__(
        self,
        window: MainWindow,
        policy: IdlePolicy,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.policy = policy
        self._clock = clock
        self._last_input = clock()
        self.warning: IdleWarning | None = None
        self._pressing = False
        self._clear_after_release = False
        self.timer = QTimer(self)
        self.timer.setObjectName("IdleTimer")
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.check)
        self._unsubscribe = window.state.subscribe(self._on_state_change)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    # --- input --------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _ACTIVITY_EVENTS:
            self._pressing = self._pressing or kind in _PRESS_EVENTS
            self.activity()
        elif kind in _RELEASE_EVENTS and self._pressing:
            self._pressing = False
            if self._clear_after_release:
                self._clear_after_release = False
                QTimer.singleShot(0, self, self.clear_warning)
        elif kind in (QEvent.Type.Hide, QEvent.Type.Close) and watched is self.window:
            self.timer.stop()
        return False

    def activity(self) -> None:
        """A touch: the policy restarts its count; the timer is set for when it could run out."""
        self._last_input = self._clock()
        self.policy.activity(self._last_input)
        if not self.timer.isActive():
            self._schedule(self.policy.idle_seconds)

    # --- the timer ----------------------------------------------------------------------------

    def check(self) -> None:
        """The timer's slot: ask the policy what to do now, do it, and set the next wake-up."""
        now = self._clock()
        decision = self.policy.tick(now)
        if decision.action is IdleAction.WARN and self._nothing_to_hide():
            self.policy.reset()  # e.g. only Pause was touched on the start screen: no question
            self.timer.stop()
        elif decision.action is IdleAction.WARN:
            self._show_warning(decision.seconds_left)
            self._schedule(WARNING_TICK_MS / 1000)
        elif decision.action is IdleAction.RESET:
            self.timer.stop()
        elif self.policy.armed:
            left = self._last_input + self.policy.idle_seconds - now
            self._schedule(left if left > 0 else self.policy.idle_seconds)
        else:
            self.timer.stop()

    def _nothing_to_hide(self) -> bool:
        """The screen already shows what a fresh start shows, so asking would only puzzle."""
        state = self.window.state
        return replace(state.current, idle=IdlePhase.ACTIVE) == replace(state.initial, idle=IdlePhase.ACTIVE)

    def _schedule(self, seconds: float) -> None:
        if self.window.isVisible():
            self.timer.start(max(MIN_CHECK_MS, round(seconds * 1000)))

    def stop(self) -> None:
        """Stop the timer and the input filter (the window is closing)."""
        self.timer.stop()
        self._unsubscribe()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    # --- the dialog ---------------------------------------------------------------------------

    def _show_warning(self, seconds_left: int) -> None:
        overlay = self.window.overlay
        if self.warning is not None and overlay.current is self.warning:
            self.warning.set_seconds_left(seconds_left)
            return
        self.warning = IdleWarning(self.window, seconds_left, self.policy.keep_reading)
        overlay.show_widget(self.warning)

    def _on_state_change(self, old: Snapshot, new: Snapshot) -> None:
        if new.idle is IdlePhase.ACTIVE and old.idle is not IdlePhase.ACTIVE:
            if self._pressing:  # the dialog takes the whole touch, so nothing under it is tapped
                self._clear_after_release = True
            else:
                self.clear_warning()

    def clear_warning(self) -> None:
        overlay = self.window.overlay
        if self.warning is not None and overlay.current is self.warning:
            overlay.clear()
        self.warning = None
