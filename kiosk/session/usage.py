"""Daily page-view counts, and nothing else.

Privacy by construction: the only table is (day, page, count). No time finer than the day, no
order of pages, no session. Recording must never make a tap feel slow, so `record()` only puts the
page on a queue; a daemon thread adds the counts up and writes them in one transaction per batch.
A database that is locked for too long or damaged is moved aside and a new one started, with a log
line: losing some counts is acceptable, a frozen or crashed kiosk is not.
"""

from __future__ import annotations

import contextlib
import logging
import queue
import sqlite3
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

_log = logging.getLogger(__name__)

SCHEMA = """
CREATE TABLE IF NOT EXISTS page_views (
    day TEXT NOT NULL,
    page TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (day, page)
)
"""
_ADD = """
INSERT INTO page_views (day, page, count) VALUES (?, ?, ?)
ON CONFLICT (day, page) DO UPDATE SET count = count + excluded.count
"""
MAX_PAGE_NAME = 200
LOCK_TIMEOUT_SECONDS = 5.0
LOCKED_ROUNDS_BEFORE_SETTING_ASIDE = 3


@dataclass(frozen=True)
class DayCount:
    day: str
    page: str
    count: int


class UsageError(RuntimeError):
    """The usage database cannot be read; the message names the file."""


def _connect(path: Path) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(path, timeout=LOCK_TIMEOUT_SECONDS)
    connection.execute(SCHEMA)
    return connection


def set_aside(path: Path, reason: str) -> Path:
    """Rename a damaged database (and its journal) out of the way; returns the new name."""
    target = path.with_name(f"{path.name}.broken-{time.strftime('%Y%m%d-%H%M%S')}")
    counter = 1
    while target.exists():
        counter += 1
        target = target.with_name(f"{path.name}.broken-{time.strftime('%Y%m%d-%H%M%S')}-{counter}")
    path.replace(target)
    for suffix in ("-journal", "-wal", "-shm"):
        with contextlib.suppress(OSError):
            path.with_name(path.name + suffix).unlink()
    _log.error("usage database %s set aside as %s (%s); starting a new one", path, target.name, reason)
    return target


def add_counts(path: Path, counts: Counter[tuple[str, str]]) -> None:
    """Add `counts` ((day, page) -> views) to the database in one transaction."""
    connection = _connect(path)
    try:
        with connection:
            connection.executemany(_ADD, [(day, page, n) for (day, page), n in sorted(counts.items())])
    finally:
        connection.close()


def read_counts(path: Path) -> list[DayCount]:
    """All counts, by day then page. Missing file: []. Unreadable: `UsageError`. Never writes."""
    if not path.exists():
        return []
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=2.0)
        try:
            rows = connection.execute("SELECT day, page, count FROM page_views ORDER BY day, page").fetchall()
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise UsageError(
            f"{path}: cannot read the usage counts ({error}). The kiosk sets a damaged file aside "
            "and starts a new one the next time it records a view."
        ) from None
    return [DayCount(str(day), str(page), int(count)) for day, page, count in rows]


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
        today: Callable[[], date] = date.today,
    ) -> None:
        self.db_path = db_path
        self._batch_seconds = batch_seconds
        self._today = today
        self._queue: queue.SimpleQueue[object] = queue.SimpleQueue()
        self._pending: Counter[tuple[str, str]] = Counter()
        self._locked_rounds = 0
        self._closed = False
        self._thread = threading.Thread(target=self._run, name="usage-writer", daemon=True)
        self._thread.start()

    def record(self, page: str) -> None:
        """Count one view of `page` (a route name such as `page/sciatica/stretch`)."""
        if self._closed or not page:
            return
        self._queue.put((self._today().isoformat(), page[:MAX_PAGE_NAME]))

    def close(self, timeout: float | None = 10.0) -> None:
        """Write everything recorded so far and stop the writer thread."""
        if self._closed:
            return
        self._closed = True
        self._queue.put(_STOP)
        self._thread.join(timeout)

    def _run(self) -> None:
        stopping = False
        while not stopping:
            stopping = self._collect_batch()
            if self._pending:
                self._write_pending(final=stopping)

    def _collect_batch(self) -> bool:
        """Wait for the first view, then gather more for `batch_seconds`. True once asked to stop."""
        first_wait = self._batch_seconds if self._pending else None  # retry held counts later
        for item in self._take(first_wait):
            if item is _STOP:
                return True
            self._pending[item] += 1  # type: ignore[index]
        return False

    def _take(self, first_wait: float | None) -> Iterator[object]:
        try:
            yield self._queue.get(timeout=first_wait)
        except queue.Empty:
            return
        deadline = time.monotonic() + self._batch_seconds
        while (left := deadline - time.monotonic()) > 0:
            try:
                item = self._queue.get(timeout=left)
            except queue.Empty:
                return
            yield item
            if item is _STOP:
                return

    def _write_pending(self, *, final: bool = False) -> None:
        """Write the counts held so far. A busy database gets a few more rounds, but not at the end."""
        try:
            add_counts(self.db_path, self._pending)
        except sqlite3.OperationalError as error:
            if "locked" in str(error) or "busy" in str(error):
                self._locked_rounds += 1
                _log.warning(
                    "usage database is busy (%s); keeping %d counts for later", error, len(self._pending)
                )
                if not final and self._locked_rounds < LOCKED_ROUNDS_BEFORE_SETTING_ASIDE:
                    return
            self._recover(error)
        except sqlite3.DatabaseError as error:
            self._recover(error)
        except Exception:
            _log.exception("could not write usage counts; dropping this batch")
            self._pending.clear()
        else:
            self._pending.clear()
            self._locked_rounds = 0

    def _recover(self, error: Exception) -> None:
        self._locked_rounds = 0
        try:
            if self.db_path.exists():
                set_aside(self.db_path, str(error))
            add_counts(self.db_path, self._pending)
        except (OSError, sqlite3.Error):
            _log.exception("usage database %s cannot be recovered; dropping this batch", self.db_path)
        self._pending.clear()
