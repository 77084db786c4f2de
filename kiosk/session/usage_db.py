"""The usage database: one table of (day, pack id, pack version, page, count), and nothing else.

Privacy by construction: no time finer than the day, no order of pages, no session. The pack id
and version are kept so that two packs that both have a page `what-is-it`, or two versions of one
pack, are counted apart.

Faults are sorted here, because they are handled so differently: only a file that SQLite itself
reports as damaged (`SQLITE_CORRUPT`, `SQLITE_NOTADB`, or a failed `PRAGMA quick_check`) is
`DamagedDatabase` and may be set aside. A full disk, a read-only or unreadable file, a busy
database or a path that is not a regular file are passing conditions: the caller keeps its counts
and tries again later, and the file with its history stays where it is.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from kiosk.session.paths import regular_file_problem

SCHEMA_VERSION = 2
SCHEMA = """
CREATE TABLE IF NOT EXISTS page_views (
    day TEXT NOT NULL,
    pack_id TEXT NOT NULL,
    pack_version TEXT NOT NULL,
    page TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (day, pack_id, pack_version, page)
)
"""
_ADD = """
INSERT INTO page_views (day, pack_id, pack_version, page, count) VALUES (?, ?, ?, ?, ?)
ON CONFLICT (day, pack_id, pack_version, page) DO UPDATE SET count = count + excluded.count
"""
_MIGRATE_FROM_1 = (
    "ALTER TABLE page_views RENAME TO page_views_v1",
    SCHEMA,
    "INSERT INTO page_views (day, pack_id, pack_version, page, count)"
    " SELECT day, '', '', page, count FROM page_views_v1",
    "DROP TABLE page_views_v1",
)
LOCK_TIMEOUT_SECONDS = 5.0
_FAULT_NAMES = {
    "SQLITE_FULL": "disk full",
    "SQLITE_READONLY": "read-only",
    "SQLITE_CANTOPEN": "cannot open",
    "SQLITE_PERM": "permission denied",
    "SQLITE_IOERR": "input/output error",
    "SQLITE_BUSY": "busy",
    "SQLITE_LOCKED": "busy",
}
_CORRUPTION_CODES = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}

ViewKey = tuple[str, str, str, str]
"""(day, pack id, pack version, page): what one count is about."""


@dataclass(frozen=True)
class DayCount:
    day: str
    page: str
    count: int
    pack_id: str = ""
    """Empty for counts made before the kiosk counted per pack (kept from an older database)."""
    pack_version: str = ""


class UsageError(RuntimeError):
    """The usage database cannot be read; the message names the file."""


class DamagedDatabase(Exception):
    """SQLite says the file is not a usable database: the one fault that sets a file aside."""


class NotARegularFile(OSError):
    """The database path is a pipe, a device or a folder: never opened, never set aside."""


def is_damage(error: BaseException) -> bool:
    """True only for SQLite's own verdict that the file is corrupt or not a database."""
    code = getattr(error, "sqlite_errorcode", None)
    return isinstance(error, sqlite3.DatabaseError) and code is not None and code & 0xFF in _CORRUPTION_CODES


def describe_fault(error: BaseException) -> str:
    """A short, stable name for a passing fault, so a log line is written once per change."""
    if isinstance(error, NotARegularFile):
        return "not a regular file"
    name = str(getattr(error, "sqlite_errorname", ""))
    if name:
        base = "_".join(name.split("_")[:2])  # SQLITE_IOERR_WRITE -> SQLITE_IOERR
        return _FAULT_NAMES.get(base, base)
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return type(error).__name__


def _check_path(path: Path) -> None:
    problem = regular_file_problem(path)
    if problem is not None:
        raise NotARegularFile(problem)


def connect(path: Path, *, check: bool = False) -> sqlite3.Connection:
    """Open (creating if needed, mode 0600) and migrate the database for writing.

    With `check`, `PRAGMA quick_check` runs first and a failure raises `DamagedDatabase`.
    """
    _check_path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    new = not path.exists()
    connection = sqlite3.connect(path, timeout=LOCK_TIMEOUT_SECONDS, isolation_level=None)
    try:
        if new:
            with contextlib.suppress(OSError):
                os.chmod(path, 0o600)
        if check:
            rows = connection.execute("PRAGMA quick_check").fetchall()
            if rows != [("ok",)]:
                raise DamagedDatabase("; ".join(str(row[0]) for row in rows[:3]))
        _migrate(connection)
    except BaseException:
        connection.close()
        raise
    return connection


def _columns(connection: sqlite3.Connection) -> list[str]:
    return [str(row[1]) for row in connection.execute("PRAGMA table_info(page_views)")]


def _migrate(connection: sqlite3.Connection) -> None:
    """Bring an older database up to date in one transaction, keeping every count it holds."""
    if connection.execute("PRAGMA user_version").fetchone()[0] >= SCHEMA_VERSION:
        return
    connection.execute("BEGIN IMMEDIATE")
    try:
        columns = _columns(connection)
        if columns and "pack_id" not in columns:
            for statement in _MIGRATE_FROM_1:
                connection.execute(statement)
        else:
            connection.execute(SCHEMA)
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        connection.execute("COMMIT")
    except BaseException:
        _roll_back(connection)
        raise


def _roll_back(connection: sqlite3.Connection) -> None:
    """Undo an unfinished transaction; SQLite has already undone it after some errors (a full disk)."""
    if connection.in_transaction:
        with contextlib.suppress(sqlite3.Error):
            connection.execute("ROLLBACK")


def add_counts(path: Path, counts: Counter[ViewKey], *, check: bool = False) -> None:
    """Add `counts` to the database in one transaction (all of them or none)."""
    connection = connect(path, check=check)
    try:
        connection.execute("BEGIN IMMEDIATE")
        try:
            connection.executemany(_ADD, [(*key, n) for key, n in sorted(counts.items())])
            connection.execute("COMMIT")
        except BaseException:
            _roll_back(connection)
            raise
    finally:
        connection.close()


def set_aside(path: Path) -> Path:
    """Rename a damaged database (and its journals) out of the way; returns the new name."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.broken-{stamp}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.name}.broken-{stamp}-{counter}")
    path.replace(target)
    for suffix in ("-journal", "-wal", "-shm"):
        with contextlib.suppress(OSError):
            path.with_name(path.name + suffix).unlink()
    return target


def read_counts(path: Path) -> list[DayCount]:
    """All counts, by day, pack and page. Missing file: []. Unreadable: `UsageError`. Never writes.

    A database from before per-pack counting is read as it is (pack id and version empty).
    """
    problem = regular_file_problem(path)
    if problem is not None:
        raise UsageError(f"{problem}; it cannot hold usage counts")
    if not path.exists():
        return []
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=2.0)
        try:
            columns = _columns(connection)
            if not columns:
                return []
            pack_columns = "pack_id, pack_version" if "pack_id" in columns else "'', ''"
            rows = connection.execute(
                f"SELECT day, page, count, {pack_columns} FROM page_views ORDER BY day, 4, 5, page"
            ).fetchall()
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise UsageError(
            f"{path}: cannot read the usage counts ({error}). If SQLite reports the file damaged, "
            "the kiosk sets it aside and starts a new one the next time it records a view."
        ) from None
    return [DayCount(str(d), str(p), int(n), str(pid), str(ver)) for d, p, n, pid, ver in rows]
