"""Daily page-view counts per pack, written off the GUI thread, and never lost to a passing fault.

Recording must never make a tap feel slow, so `record()` only puts the view on a queue; a daemon
thread adds the counts up and writes them in one transaction per batch (`usage_db`).

What happens when writing fails depends on who says so:
- SQLite reports the file damaged: it is renamed `.broken-<time>` (kept for whoever wants to
  look) and a new database takes the counts. This is the only case that sets a file aside.
- Anything else (disk full, read-only or unreadable file or folder, a busy database, a path that
  is a pipe or a folder): the counts stay in memory, bounded to `MAX_HELD_KEYS` distinct
  (day, pack, page) entries, and are tried again every `retry_seconds`, at every idle reset
  (`flush()`) and at shutdown. The log gets one line when writing starts failing, one when the
  reason changes and one when it works again; never one line per attempt.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path

from kiosk.session import usage_db
from kiosk.session.paths import regular_file_problem
from kiosk.session.usage_db import (
    DamagedDatabase,
    DayCount,
    UsageError,
    ViewKey,
    add_counts,
    describe_fault,
    is_damage,
    read_counts,
    set_aside,
)

__all__ = ["DayCount", "UsageError", "UsageRecorder", "add_counts", "read_counts"]

_log = logging.getLogger(__name__)

MAX_NAME = 200
"""Page names, pack ids and versions are cut to this length: a hostile pack cannot fill memory."""
MAX_PAGE_NAME = MAX_NAME
MAX_HELD_KEYS = 20_000
"""Distinct (day, pack, version, page) entries held while the database cannot be written: about
a year of a 50-page pack. Views of entries already held are still counted past the limit."""
RETRY_SECONDS = 60.0

_STOP = object()


class UsageRecorder:
    """Counts page views off the GUI thread. `record()` never waits; `close()` writes what is left.

    `today` is injected so tests (and midnight) are predictable: the day is taken when the view
    happens, not when the batch is written.
    """

    def __init__(
        self,
        db_path: Path,
        *,
        batch_seconds: float = 5.0,
        retry_seconds: float = RETRY_SECONDS,
        today: Callable[[], date] = date.today,
    ) -> None:
        self.db_path = db_path
        self._batch_seconds = batch_seconds
        self._retry_seconds = retry_seconds
        self._today = today
        self._queue: queue.SimpleQueue[object] = queue.SimpleQueue()
        self._pending: Counter[ViewKey] = Counter()
        self._dropped = 0
        self._fault: str | None = None
        self._checked = False
        self._closed = False
        problem = regular_file_problem(db_path)
        if problem is not None:  # said at start, not only at the first page view
            _log.error("usage database refused: %s; counts are kept in memory until it is fixed", problem)
            self._fault = describe_fault(usage_db.NotARegularFile(problem))
        self._thread = threading.Thread(target=self._run, name="usage-writer", daemon=True)
        self._thread.start()

    @property
    def fault(self) -> str | None:
        """Why the last write failed ("disk full", "read-only" ...), or None when writing works."""
        return self._fault

    def record(self, page: str, pack_id: str = "", pack_version: str = "") -> None:
        """Count one view of `page` (a route name such as `page/sciatica/stretch`) of a pack."""
        if self._closed or not page:
            return
        day = self._today().isoformat()
        self._queue.put((day, pack_id[:MAX_NAME], pack_version[:MAX_NAME], page[:MAX_NAME]))

    def flush(self, timeout: float | None = None) -> bool:
        """Write what is held now (at an idle reset). With `timeout`, wait that long for the write
        attempt; True once it was made (not necessarily with success: see `fault`)."""
        if self._closed:
            return False
        done = threading.Event()
        self._queue.put(done)
        return done.wait(timeout) if timeout is not None else True

    def close(self, timeout: float | None = 10.0) -> None:
        """Write everything recorded so far and stop the writer thread."""
        if self._closed:
            return
        self._closed = True
        self._queue.put(_STOP)
        self._thread.join(timeout)

    # --- the writer thread ----------------------------------------------------------------------

    def _run(self) -> None:
        write_at: float | None = None
        while True:
            wait = None if write_at is None else max(0.0, write_at - time.monotonic())
            try:
                item = self._queue.get(timeout=wait)
            except queue.Empty:
                item = None
            if item is _STOP:
                self._write()
                self._report_unwritten()
                return
            if isinstance(item, threading.Event):
                self._write()
                item.set()
            elif isinstance(item, tuple):
                self._hold(item)
                if write_at is None:
                    write_at = time.monotonic() + self._batch_seconds
                if time.monotonic() < write_at:
                    continue
                self._write()  # views keep coming: the batch (or retry) time has still come
            else:  # the batch time (or the retry time) has come
                self._write()
            write_at = None
            if self._pending:
                write_at = time.monotonic() + self._retry_seconds

    def _hold(self, key: ViewKey) -> None:
        if key in self._pending or len(self._pending) < MAX_HELD_KEYS:
            self._pending[key] += 1
            return
        if not self._dropped:
            _log.error(
                "usage database still not writable (%s): holding %d entries, newer ones are not counted",
                self._fault,
                len(self._pending),
            )
        self._dropped += 1

    def _write(self) -> None:
        if not self._pending:
            return
        try:
            try:
                add_counts(self.db_path, self._pending, check=not self._checked)
            except Exception as error:
                if not (isinstance(error, DamagedDatabase) or is_damage(error)):
                    raise
                self._set_aside(error)
                add_counts(self.db_path, self._pending)
        except Exception as error:  # disk full, read-only, unreadable, busy ...: hold and retry
            self._failed(error)
            return
        self._checked = True
        if self._fault is not None:
            _log.warning(
                "usage database %s writable again; %d held counts written", self.db_path, self._held_views()
            )
        if self._dropped:
            _log.warning("%d page views could not be held while the database was not writable", self._dropped)
        self._fault, self._dropped = None, 0
        self._pending.clear()

    def _set_aside(self, error: BaseException) -> None:
        target = set_aside(self.db_path)
        _log.error(
            "usage database %s is damaged (%s); set aside as %s, starting a new one",
            self.db_path,
            error,
            target.name,
        )
        self._checked = True

    def _failed(self, error: BaseException) -> None:
        fault = describe_fault(error)
        if fault != self._fault:
            _log.error(
                "cannot write usage counts to %s (%s: %s); keeping %d counts in memory, "
                "retrying every %.0f s",
                self.db_path,
                fault,
                error,
                self._held_views(),
                self._retry_seconds,
            )
        self._fault = fault

    def _held_views(self) -> int:
        return sum(self._pending.values())

    def _report_unwritten(self) -> None:
        if self._pending:
            _log.error(
                "%d page views could not be written to %s at shutdown (%s)",
                self._held_views(),
                self.db_path,
                self._fault,
            )
