"""Putting a newly installed pack on screen at a safe moment, and feeding the store from the inbox.

`PackSwitcher` watches the pack store's folder (`QFileSystemWatcher`: the pointer file is replaced
by a rename, so the folder is watched, not the file). When the active slot changes (`kiosk install`,
`kiosk rollback`, the inbox), the new pack is checked again in a background thread, then shown:
- at once if nobody has touched the screen since the last reset (no patient is reading);
- otherwise at the next idle reset, never under a patient's finger.
The same check runs at every idle reset, in case a change was missed. Every half minute the inbox
folder (if set) is looked at in the background; what settles there is installed through the store.
The status file is written at start, after every switch and after every inbox result.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from kiosk.session.idle import IdlePolicy
from kiosk.store.inbox import process_inbox
from kiosk.store.packstore import PackStore, StoreError
from kiosk.store.records import now_utc
from kiosk.store.startup import PackChoice, choose_pack
from kiosk.store.status import kiosk_name, update_status
from kiosk.ui.main_window import MainWindow

log = logging.getLogger(__name__)

INBOX_INTERVAL_MS = 30_000


class PackSwitcher(QObject):
    choice_loaded = Signal(object)
    """Emitted (from a worker thread, delivered in the GUI thread) with a freshly checked PackChoice."""
    inbox_done = Signal(object)
    switched = Signal(str)
    """The slot now showing, after a live switch."""

    def __init__(
        self,
        window: MainWindow,
        policy: IdlePolicy,
        store: PackStore,
        choice: PackChoice,
        *,
        bundled: Path | None,
        configured: Path | None = None,
        inbox: Path | None = None,
        status_folder: Path | None = None,
        name: str | None = None,
        inbox_interval_ms: int = INBOX_INTERVAL_MS,
        inbox_settle_seconds: float = 10.0,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.policy = policy
        self.store = store
        self.choice = choice
        self.pending: PackChoice | None = None
        self._bundled, self._configured = bundled, configured
        self._inbox, self._settle = inbox, inbox_settle_seconds
        self._status_folder, self._name = status_folder, kiosk_name(name)
        self._started_at = now_utc().isoformat(timespec="seconds")
        self._checking = False
        self._last_checked: str | None = choice.slot
        """The active slot last checked: a refused one is not checked again on every store change
        (recording its refusal changes the store folder, which would start the check again)."""
        self._inbox_busy = False
        self.choice_loaded.connect(self._on_choice_loaded)
        self.inbox_done.connect(self._on_inbox_done)
        store.root.mkdir(parents=True, exist_ok=True)
        self.watcher = QFileSystemWatcher([str(store.root)], self)
        self.watcher.directoryChanged.connect(lambda _path: self.check())
        self._remove_reset_listener = policy.on_reset(self._at_reset)
        self.inbox_timer = QTimer(self)
        self.inbox_timer.setInterval(inbox_interval_ms)
        self.inbox_timer.timeout.connect(self.look_in_inbox)
        if inbox is not None:
            self.inbox_timer.start()
        self.write_status()

    # --- noticing a change ------------------------------------------------------------------------

    def check(self) -> None:
        """The store may have changed: if its active slot is not what shows, check it in the background."""
        try:
            active = self.store.pointer().active
        except StoreError as error:
            log.error("pack store: %s", error)
            return
        wanted = self.pending.slot if self.pending is not None else self.choice.slot
        if active is None or active in (wanted, self._last_checked) or self._checking:
            return
        self._checking = True
        self._last_checked = active
        log.info("pack store: %s is now active; checking it before it goes live", active)
        threading.Thread(target=self._choose_in_background, name="pack-check", daemon=True).start()

    def _choose_in_background(self) -> None:
        try:
            choice = choose_pack(self.store, bundled=self._bundled, configured=self._configured)
        except Exception:  # a broken pack must never take the kiosk down
            log.exception("checking the new pack failed")
            choice = None
        self.choice_loaded.emit(choice)

    def _on_choice_loaded(self, choice: PackChoice | None) -> None:
        self._checking = False
        if choice is None or choice.pack is None or choice.slot in (None, self.choice.slot):
            self.write_status()
            self.check()  # the pointer may have moved again meanwhile
            return
        self.pending = choice
        if self.policy.armed:
            log.info("new pack %s waits for the next idle reset", choice.slot)
        else:
            self._switch()  # nobody has touched the screen since the last reset
        self.check()

    # --- switching --------------------------------------------------------------------------------

    def _at_reset(self) -> None:
        if self.pending is not None:
            self._switch()
        else:
            self.check()

    def _switch(self) -> None:
        choice, self.pending = self.pending, None
        if choice is None or choice.pack is None:
            return
        self.choice = choice
        self.window.set_pack(choice.pack)
        self.window.state.reset()  # a fresh start on the new pack: the start screen
        log.info("pack switched: %s", choice.summary())
        self.write_status()
        self.switched.emit(choice.slot or "")

    # --- inbox and status -------------------------------------------------------------------------

    def look_in_inbox(self) -> None:
        if self._inbox is None or self._inbox_busy:
            return
        self._inbox_busy = True
        inbox, settle = self._inbox, self._settle

        def work() -> None:
            try:
                results = process_inbox(self.store, inbox, settle_seconds=settle)
            except Exception:
                log.exception("looking in the inbox failed")
                results = []
            self.inbox_done.emit(results)

        threading.Thread(target=work, name="pack-inbox", daemon=True).start()

    def _on_inbox_done(self, results: list[object]) -> None:
        self._inbox_busy = False
        for result in results:
            line = getattr(result, "line", None)
            log.info("%s", line() if callable(line) else result)
        if results:
            self.write_status()
            self.check()

    def showing(self) -> dict[str, object]:
        pack = self.choice.pack
        return {
            "pack": pack.id if pack else None,
            "version": pack.manifest.version if pack else None,
            "origin": self.choice.origin,
            "why": self.choice.summary(),
        }

    def write_status(self) -> None:
        if self._status_folder is None:
            return
        try:
            update_status(
                self._status_folder,
                self._name,
                self.store,
                showing=self.showing(),
                started_at=self._started_at,
            )
        except OSError as error:
            log.warning("could not write the status file in %s: %s", self._status_folder, error)

    def report(self) -> tuple[str, str | None]:
        """For the staff panel: why this pack shows, and the last pack refused (at install, from the
        inbox, or at start), so the panel never reports "no problems" beside a refused pack."""
        refused_at_start = {refusal.sentence() + "." for refusal in self.choice.refusals}
        why = " ".join(part for part in self.choice.why if part not in refused_at_start)
        refusal = self.store.last_refusal()
        showing = self.store.slot(self.choice.slot)
        if refusal is not None and showing is not None and refusal.at < showing.installed_at:
            refusal = None  # refused before the pack showing was installed: old news, settled since
        return why, refusal.sentence() if refusal is not None else None

    def stop(self) -> None:
        self.inbox_timer.stop()
        self._remove_reset_listener()


ReportSource = Callable[[], tuple[str, str | None]]
