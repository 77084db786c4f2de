"""Waiting-room operation, wired to one kiosk window: everything a kiosk left alone all day needs.

`KioskOperation` connects the Qt-free policies in `kiosk.session` to the window:
- idle reset and privacy (`idle_overlay`): the "Are you still reading?" question, then a fresh
  start: the attract screen, history, text size and language back to their defaults, any dialog
  closed, and the screen rebuilt (so scroll positions, highlights and running demos are gone);
- lockdown (`lockdown`), unless this is a `--windowed` preview;
- staff entry (`staff`): corner hold, PIN pad, staff panel, exit;
- crash recovery (`crash`) through the exception hook;
- systemd readiness and the watchdog ping (`watchdog_timer`);
- switch scanning (`switch_scan`), when the settings turn it on;
- usage counts: one count per topic list and per page opened (route names such as `topic/about`
  and `page/about/what-is-it`), nothing else.

`kiosk run` builds it right after the window, calls `lock()` before showing the window,
`started()` once it shows, and `shutdown()` when the application quits.
"""

from __future__ import annotations

import gc
import logging
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

from kiosk.session.idle import IdlePolicy
from kiosk.session.logs import install_exception_hook
from kiosk.session.memory import return_free_memory
from kiosk.session.pin import PinGuard
from kiosk.session.settings import Settings
from kiosk.session.state import Snapshot
from kiosk.session.usage import UsageRecorder
from kiosk.session.watchdog import Notifier
from kiosk.ui import resources
from kiosk.ui.crash import CrashGuard
from kiosk.ui.idle_overlay import IdleWatcher
from kiosk.ui.lockdown import Lockdown
from kiosk.ui.main_window import MainWindow
from kiosk.ui.out_of_order import OutOfOrderScreen
from kiosk.ui.staff.corner import HOLD_MS
from kiosk.ui.staff.entry import StaffEntry
from kiosk.ui.staff.fallback import FallbackStaffEntry
from kiosk.ui.switch_scan import SwitchScan
from kiosk.ui.watchdog_timer import WatchdogTimer

log = logging.getLogger(__name__)

COUNTED_ROUTE_KINDS = ("topic", "page")
"""Usage counts: topic lists and pages. Not Home or the attract screen, which say nothing about
what patients read."""
RETURN_MEMORY_DELAY_MS = 2_000
"""After an idle reset, when the last visit's screens have been deleted, freed memory goes back to
the system (`session/memory.py`)."""


def something_playing(window: MainWindow) -> bool:
    """True while a widget on the current screen (an exercise demo) says it is playing.

    Any widget with an `is_playing()` method counts, so the exercise player needs no import here.
    """
    screen = window.current_screen
    if screen is None:
        return False
    for widget in screen.findChildren(QWidget):
        playing = getattr(widget, "is_playing", None)
        if callable(playing) and widget.isVisible():
            try:
                if playing():
                    return True
            except Exception:  # a broken player must not stop the idle reset
                log.exception("asking %s whether it plays failed", type(widget).__name__)
    return False


class KioskOperation(QObject):
    def __init__(
        self,
        window: MainWindow,
        settings: Settings,
        *,
        setup_mode: bool,
        entry_closed: bool = False,
        locked: bool,
        pack_path: Path | None = None,
        usage_db: Path | None = None,
        count_views: bool = True,
        lockout_file: Path | None = None,
        notifier: Notifier | None = None,
        hold_ms: int = HOLD_MS,
        clock: Callable[[], float] = time.monotonic,
        hide_cursor: bool | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.policy = IdlePolicy(
            window.state,
            idle_seconds=settings.idle_seconds,
            warning_seconds=settings.warning_seconds,
            clock=clock,
        )
        self.idle = IdleWatcher(window, self.policy, clock=clock)
        self.policy.keep_alive_while(lambda: something_playing(window))
        self.policy.on_reset(self.fresh_start)
        self.lockdown = Lockdown(window, hide_cursor=hide_cursor) if locked else None
        self.staff = StaffEntry(
            window,
            PinGuard(settings.pin_hash, state_file=lockout_file),
            setup_mode=setup_mode,
            entry_closed=entry_closed,
            on_exit=self.exit,
            pack_path=pack_path,
            usage_db=usage_db,
            hold_ms=hold_ms,
        )
        self.switch_scan = (
            SwitchScan(window.keyboard, settings.switch_scan_seconds) if settings.switch_scan else None
        )
        self.notifier = notifier or Notifier()
        self.crash = CrashGuard(window, notifier=self.notifier)
        self.watchdog = WatchdogTimer(self.notifier, self)
        self.usage = UsageRecorder(usage_db) if usage_db is not None and count_views else None
        self._unsubscribe_usage = window.state.subscribe(self._count_route)
        self._restore_hook: Callable[[], None] | None = None
        self._shut_down = False
        # A timer of its own, not a bare single shot: shutdown stops it, so nothing of a reset
        # runs on a window that is closing.
        self._between_visits_timer = QTimer(self)
        self._between_visits_timer.setSingleShot(True)
        self._between_visits_timer.timeout.connect(self._between_visits)

    # --- life cycle ---------------------------------------------------------------------------

    def lock(self) -> None:
        """Before the window shows: frameless, on top, escape keys and closes refused."""
        if self.lockdown is not None:
            self.lockdown.lock()

    def install_exception_hook(self) -> None:
        self._restore_hook = install_exception_hook(self.crash.on_error)

    def started(self) -> None:
        """The window is on screen: tell systemd, and start the watchdog ping."""
        QTimer.singleShot(0, self, self._ready)

    def _ready(self) -> None:
        self.notifier.ready()
        self.watchdog.start()
        log.info("kiosk ready%s", " (told systemd)" if self.notifier.enabled else "")

    def exit(self) -> None:
        """Staff chose Exit on the staff panel: the window may close now."""
        if self.lockdown is not None:
            self.lockdown.allow_exit()
        self.window.exit_requested.emit()

    def shutdown(self) -> None:
        """The application quits: stop timers, write the last counts, tell systemd."""
        if self._shut_down:
            return
        self._shut_down = True
        self.notifier.stopping()
        self.watchdog.stop()
        self.idle.stop()
        self._between_visits_timer.stop()
        self.staff.stop()
        self._unsubscribe_usage()
        if self.usage is not None:
            self.usage.close()
        if self.lockdown is not None:
            self.lockdown.unlock()
        if self._restore_hook is not None:
            self._restore_hook()
            self._restore_hook = None

    # --- what happens on a reset and on a route change ----------------------------------------

    def fresh_start(self) -> None:
        """After an idle reset: close any dialog and rebuild, so nothing of the last visit remains."""
        log.debug("idle reset: fresh start")  # DEBUG only: at INFO it would mark where visits end
        if self.usage is not None:
            self.usage.flush()  # a quiet moment: write this visit's counts now, not in 5 s
        self.window.overlay.clear()
        self.idle.clear_warning()
        self.window.keyboard.stop()  # no focus ring or scanning is left for the next person
        self.window.rebuild()
        self._between_visits_timer.start(RETURN_MEMORY_DELAY_MS)  # once its screens are deleted

    def _between_visits(self) -> None:
        """The last visit's memory back to the system, then Home and its topics built afresh for the
        next visit's first taps (`MainWindow.prepare_ahead`)."""
        _return_free_memory()
        self.window.prepare_ahead()

    def _count_route(self, old: Snapshot, new: Snapshot) -> None:
        if self.usage is not None and old.route != new.route and new.route.kind in COUNTED_ROUTE_KINDS:
            pack = self.window.pack
            self.usage.record(new.route.name, pack.id, str(pack.manifest.version))


def _return_free_memory() -> None:
    resources.forget_drawn_pictures()  # the last visit's pictures; the start screen draws its own again
    gc.collect()  # the last visit's screens, some held only by reference cycles, are freed first
    return_free_memory()


class BareOperation(QObject):
    """For the "being set up" screen (no pack could be loaded): locked, with the same staff entry
    as the kiosk window, and telling systemd it is up and alive, so the unit does not restart it in
    a loop."""

    def __init__(
        self,
        window: OutOfOrderScreen,
        settings: Settings,
        *,
        setup_mode: bool,
        entry_closed: bool = False,
        locked: bool,
        lockout_file: Path | None = None,
        notifier: Notifier | None = None,
        hold_ms: int = HOLD_MS,
        hide_cursor: bool | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.lockdown = Lockdown(window, hide_cursor=hide_cursor) if locked else None
        self.staff = FallbackStaffEntry(
            window,
            PinGuard(settings.pin_hash, state_file=lockout_file),
            setup_mode=setup_mode,
            entry_closed=entry_closed,
            on_exit=self.exit,
            hold_ms=hold_ms,
        )
        self.notifier = notifier or Notifier()
        self.watchdog = WatchdogTimer(self.notifier, self)

    def lock(self) -> None:
        if self.lockdown is not None:
            self.lockdown.lock()

    def started(self) -> None:
        QTimer.singleShot(0, self, self._ready)

    def _ready(self) -> None:
        self.notifier.ready()
        self.watchdog.start()

    def exit(self) -> None:
        """Staff chose Exit on the staff panel: the window may close now."""
        if self.lockdown is not None:
            self.lockdown.allow_exit()
        self.window.exit_requested.emit()

    def shutdown(self) -> None:
        self.notifier.stopping()
        self.watchdog.stop()
        self.staff.stop()
        if self.lockdown is not None:
            self.lockdown.unlock()
