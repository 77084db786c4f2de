"""When the patient walks away: ask "Are you still reading?", then reset to a fresh start.

Qt-free: a UI timer calls `tick()` about once a second, touches call `activity()`, and the
overlay shows the countdown this policy returns. The clock is injected (monotonic by default), so
tests move time by hand instead of waiting.

Rules:
- nothing happens until someone has touched the screen: a fresh start is never "reset" again;
- after `idle_seconds` without a touch the state's idle phase becomes WARNING, for
  `warning_seconds` (at least 20 s: WCAG 2.2.1), and any touch ends the warning;
- then `AppState.reset()` runs and every reset listener is called (stop the exercise, drop
  scroll positions and highlights), and the policy sleeps until the next touch;
- a keep-alive (e.g. "an exercise is playing") counts as activity, but for at most
  `max_keep_alive_seconds` after the last real touch, so a demo left looping cannot keep one
  patient's pages on screen for the next.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from kiosk.session.state import AppState, IdlePhase

DEFAULT_IDLE_SECONDS = 90.0
DEFAULT_WARNING_SECONDS = 20.0
MIN_WARNING_SECONDS = 20.0
DEFAULT_MAX_KEEP_ALIVE_SECONDS = 600.0


class IdleAction(StrEnum):
    NOTHING = "nothing"
    WARN = "warn"
    RESET = "reset"


@dataclass(frozen=True)
class IdleDecision:
    """What the UI should do after a tick; `seconds_left` is the countdown to show while warning."""

    action: IdleAction
    seconds_left: int = 0


NOTHING = IdleDecision(IdleAction.NOTHING)


class IdlePolicy:
    def __init__(
        self,
        state: AppState,
        *,
        idle_seconds: float = DEFAULT_IDLE_SECONDS,
        warning_seconds: float = DEFAULT_WARNING_SECONDS,
        max_keep_alive_seconds: float = DEFAULT_MAX_KEEP_ALIVE_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if idle_seconds <= 0:
            raise ValueError("idle_seconds must be positive")
        if warning_seconds < MIN_WARNING_SECONDS:
            raise ValueError(f"warning_seconds must be at least {MIN_WARNING_SECONDS:.0f} (WCAG 2.2.1)")
        self._state = state
        self.idle_seconds = idle_seconds
        self.warning_seconds = warning_seconds
        self.max_keep_alive_seconds = max_keep_alive_seconds
        self._clock = clock
        self._armed = False
        self._last_touch = clock()
        self._last_activity = self._last_touch
        self._keep_alives: list[Callable[[], bool]] = []
        self._reset_listeners: list[Callable[[], None]] = []

    @property
    def armed(self) -> bool:
        """True once someone has touched the screen since the last reset (or start)."""
        return self._armed

    def activity(self, now: float | None = None) -> None:
        """A touch (or any patient action): restart the count and end a warning on screen."""
        now = self._clock() if now is None else now
        self._armed = True
        self._last_touch = self._last_activity = now
        if self._state.current.idle is not IdlePhase.ACTIVE:
            self._state.update(idle=IdlePhase.ACTIVE)

    keep_reading = activity
    """The overlay's "Keep reading" button."""

    def keep_alive_while(self, predicate: Callable[[], bool]) -> Callable[[], None]:
        """Count `predicate() == True` as activity at every tick; returns a function removing it."""
        self._keep_alives.append(predicate)

        def remove() -> None:
            if predicate in self._keep_alives:
                self._keep_alives.remove(predicate)

        return remove

    def on_reset(self, listener: Callable[[], None]) -> Callable[[], None]:
        """Call `listener` after each idle reset (UI: stop exercise, clear scroll and highlights)."""
        self._reset_listeners.append(listener)

        def remove() -> None:
            if listener in self._reset_listeners:
                self._reset_listeners.remove(listener)

        return remove

    def tick(self, now: float | None = None) -> IdleDecision:
        """Decide what should happen now, and move the app state along with it."""
        now = self._clock() if now is None else now
        if not self._armed:
            return NOTHING
        if self._kept_alive(now):
            self._last_activity = now
        elapsed = now - self._last_activity
        if elapsed < self.idle_seconds:
            if self._state.current.idle is not IdlePhase.ACTIVE:
                self._state.update(idle=IdlePhase.ACTIVE)
            return NOTHING
        left = self.idle_seconds + self.warning_seconds - elapsed
        if left > 0:
            self._state.update(idle=IdlePhase.WARNING)
            return IdleDecision(IdleAction.WARN, math.ceil(left))
        self.reset()
        return IdleDecision(IdleAction.RESET)

    def reset(self) -> None:
        """Reset now (also the staff panel's "Reset screen"): fresh-start state, listeners told."""
        self._armed = False
        self._state.reset()
        for listener in list(self._reset_listeners):
            listener()

    def _kept_alive(self, now: float) -> bool:
        if now - self._last_touch >= self.max_keep_alive_seconds:
            return False
        return any(predicate() for predicate in list(self._keep_alives))
