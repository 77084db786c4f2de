"""Usage counts hold the day, the pack, the page and a count: nothing that could follow one patient."""

from __future__ import annotations

import logging
import os
import sqlite3
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from kiosk.session import usage, usage_db
from kiosk.session.usage import DayCount, UsageError, UsageRecorder, add_counts, read_counts


class FakeDay:
    def __init__(self) -> None:
        self.today = date(2026, 11, 24)

    def __call__(self) -> date:
        return self.today


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "data" / "usage.sqlite3"


def history(db: Path) -> None:
    """A healthy database with a week of counts that must survive any fault."""
    add_counts(db, Counter({("2026-11-17", "back", "1.0", "page/about/what-is-it"): 7}))


HISTORY = DayCount("2026-11-17", "page/about/what-is-it", 7, "back", "1.0")


def set_aside_files(db: Path) -> list[Path]:
    return sorted(p for p in db.parent.iterdir() if ".broken" in p.name)


def test_views_are_counted_per_day_pack_and_page(db: Path) -> None:
    day = FakeDay()
    recorder = UsageRecorder(db, batch_seconds=0.01, today=day)
    for pack in [("back", "1.0"), ("back", "1.0"), ("back", "1.1"), ("heel", "2.0")]:
        recorder.record("page/about/what-is-it", *pack)
    day.today = date(2026, 11, 25)
    recorder.record("topic/about", "back", "1.1")
    recorder.close()
    assert read_counts(db) == [
        DayCount("2026-11-24", "page/about/what-is-it", 2, "back", "1.0"),
        DayCount("2026-11-24", "page/about/what-is-it", 1, "back", "1.1"),
        DayCount("2026-11-24", "page/about/what-is-it", 1, "heel", "2.0"),
        DayCount("2026-11-25", "topic/about", 1, "back", "1.1"),
    ]


def test_counts_add_up_across_restarts(db: Path) -> None:
    for _ in range(2):
        recorder = UsageRecorder(db, today=FakeDay())
        recorder.record("home", "back", "1.0")
        recorder.close()
    assert read_counts(db) == [DayCount("2026-11-24", "home", 2, "back", "1.0")]


def test_the_database_holds_only_day_pack_page_and_count(db: Path) -> None:
    recorder = UsageRecorder(db, today=FakeDay())
    recorder.record("home", "back", "1.0")
    recorder.close()
    connection = sqlite3.connect(db)
    try:
        tables = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
        columns = connection.execute("PRAGMA table_info(page_views)").fetchall()
    finally:
        connection.close()
    assert tables == [("page_views",)]
    assert [(name, kind) for _, name, kind, _, _, _ in columns] == [
        ("day", "TEXT"),
        ("pack_id", "TEXT"),
        ("pack_version", "TEXT"),
        ("page", "TEXT"),
        ("count", "INTEGER"),
    ]
    assert os.stat(db).st_mode & 0o777 == 0o600


def test_an_old_database_is_migrated_and_keeps_its_counts(db: Path) -> None:
    db.parent.mkdir(parents=True)
    connection = sqlite3.connect(db)
    with connection:
        connection.execute(
            "CREATE TABLE page_views (day TEXT NOT NULL, page TEXT NOT NULL, count INTEGER NOT NULL,"
            " PRIMARY KEY (day, page))"
        )
        connection.execute("INSERT INTO page_views VALUES ('2026-10-01', 'page/about/what-is-it', 41)")
    connection.close()
    old = DayCount("2026-10-01", "page/about/what-is-it", 41)
    assert read_counts(db) == [old]  # readable before the kiosk touches it
    recorder = UsageRecorder(db, today=FakeDay())
    recorder.record("page/about/what-is-it", "back", "1.0")
    recorder.close()
    assert read_counts(db) == [old, DayCount("2026-11-24", "page/about/what-is-it", 1, "back", "1.0")]


def test_a_busy_database_keeps_its_history_and_loses_no_views(
    db: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(usage_db, "LOCK_TIMEOUT_SECONDS", 0.05)
    history(db)
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # another process holds the database
    recorder = UsageRecorder(db, today=FakeDay(), retry_seconds=3600)
    with caplog.at_level(logging.WARNING, logger="kiosk.session.usage"):
        for _ in range(1000):
            recorder.record("home", "back", "1.0")
        for _ in range(3):
            assert recorder.flush(timeout=10)
        assert recorder.fault == "busy"
        other.close()
        assert recorder.flush(timeout=10)
        recorder.close()
    assert recorder.fault is None
    assert read_counts(db) == [HISTORY, DayCount("2026-11-24", "home", 1000, "back", "1.0")]
    assert set_aside_files(db) == []
    messages = [r.getMessage() for r in caplog.records]
    assert sum("cannot write usage counts" in m for m in messages) == 1  # once, not per attempt
    assert sum("writable again" in m for m in messages) == 1


def test_a_full_disk_keeps_the_database_and_the_counts(
    db: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """SQLite's `max_page_count` makes the file unable to grow: to SQLite, exactly a full disk."""
    history(db)
    before = db.read_bytes()
    real_connect = usage_db.connect
    disk_full = True

    def connect_on_a_full_disk(path: Path, *, check: bool = False) -> sqlite3.Connection:
        connection = real_connect(path, check=check)
        if disk_full:
            pages = connection.execute("PRAGMA page_count").fetchone()[0]
            connection.execute(f"PRAGMA max_page_count = {pages}")
        return connection

    monkeypatch.setattr(usage_db, "connect", connect_on_a_full_disk)
    recorder = UsageRecorder(db, today=FakeDay(), retry_seconds=3600)
    with caplog.at_level(logging.WARNING, logger="kiosk.session.usage"):
        for number in range(300):  # enough new rows to need more pages
            recorder.record(f"page/topic-{number}/a-page-with-a-long-name", "back", "1.0")
        for _ in range(3):
            recorder.flush(timeout=10)
        assert recorder.fault == "disk full"
        assert db.read_bytes() == before and set_aside_files(db) == []
        disk_full = False  # space was freed
        recorder.record("home", "back", "1.0")
        recorder.close()
    rows = read_counts(db)
    assert HISTORY in rows and len(rows) == 302 and sum(r.count for r in rows) == 7 + 301
    errors = [r for r in caplog.records if "cannot write usage counts" in r.getMessage()]
    assert len(errors) == 1 and "disk full" in errors[0].getMessage()


def test_only_a_database_sqlite_calls_damaged_is_set_aside(
    db: Path, caplog: pytest.LogCaptureFixture
) -> None:
    db.parent.mkdir(parents=True)
    garbage = b"this is not a database\x00\xff" * 100
    db.write_bytes(garbage)
    recorder = UsageRecorder(db, today=FakeDay())
    recorder.record("home", "back", "1.0")
    with caplog.at_level(logging.ERROR):
        recorder.close()
    assert read_counts(db) == [DayCount("2026-11-24", "home", 1, "back", "1.0")]
    [aside] = set_aside_files(db)
    assert aside.read_bytes() == garbage  # kept for whoever wants to look
    assert any("damaged" in r.getMessage() and str(db) in r.getMessage() for r in caplog.records)


def test_a_database_with_a_damaged_page_inside_is_set_aside(db: Path) -> None:
    """The header is fine, a table page is not: `PRAGMA quick_check` (or the write) finds it."""
    add_counts(
        db, Counter({("2026-11-01", "back", "1.0", f"page/x/{n:04}" + "y" * 100): 1 for n in range(400)})
    )
    data = bytearray(db.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    assert len(data) > 4 * page_size
    data[2 * page_size : 3 * page_size] = b"\xa5" * page_size
    db.write_bytes(bytes(data))
    recorder = UsageRecorder(db, today=FakeDay())
    recorder.record("home", "back", "1.0")
    recorder.close()
    assert read_counts(db) == [DayCount("2026-11-24", "home", 1, "back", "1.0")]
    assert len(set_aside_files(db)) == 1


def test_a_pipe_in_place_of_the_database_is_refused_at_once(
    db: Path, caplog: pytest.LogCaptureFixture
) -> None:
    db.parent.mkdir(parents=True)
    os.mkfifo(db)
    with caplog.at_level(logging.ERROR, logger="kiosk.session.usage"):
        recorder = UsageRecorder(db, today=FakeDay(), retry_seconds=3600)
        assert any("not a regular file" in r.getMessage() for r in caplog.records)
        recorder.record("home", "back", "1.0")
        assert recorder.flush(timeout=10)  # never blocks on the pipe
        recorder.close(timeout=10)
    assert recorder.fault == "not a regular file"
    assert db.is_fifo() and set_aside_files(db) == []
    with pytest.raises(UsageError, match="named pipe"):
        read_counts(db)


def test_held_counts_are_bounded(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(usage, "MAX_HELD_KEYS", 5)
    db.mkdir(parents=True)  # a folder where the file should be: nothing can be written
    recorder = UsageRecorder(db, today=FakeDay(), retry_seconds=3600)
    for number in range(10):
        recorder.record(f"page/x/{number}")
    recorder.record("page/x/0")  # an entry already held is still counted
    recorder.flush(timeout=10)
    assert len(recorder._pending) == 5 and recorder._pending[("2026-11-24", "", "", "page/x/0")] == 2
    recorder.close()


def test_reading_a_damaged_database_says_which_file(db: Path) -> None:
    db.parent.mkdir(parents=True)
    db.write_bytes(b"\x00" * 4096 + b"garbage")
    with pytest.raises(UsageError, match=str(db)):
        read_counts(db)
    assert db.read_bytes().endswith(b"garbage")  # reading never changes the file


def test_no_database_yet_means_no_counts(db: Path) -> None:
    assert read_counts(db) == []
    assert not db.exists()


def test_empty_and_overlong_names_are_contained(db: Path) -> None:
    recorder = UsageRecorder(db, today=FakeDay())
    recorder.record("")
    recorder.record("page/" + "x" * 10_000, "p" * 10_000, "9" * 10_000)
    recorder.close()
    [row] = read_counts(db)
    assert len(row.page) == len(row.pack_id) == len(row.pack_version) == usage.MAX_NAME


def test_recording_after_close_is_ignored(db: Path) -> None:
    recorder = UsageRecorder(db, today=FakeDay())
    recorder.record("home")
    recorder.close()
    recorder.record("home")
    recorder.close()
    assert read_counts(db) == [DayCount("2026-11-24", "home", 1)]
