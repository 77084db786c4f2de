"""Usage counts hold the day, the page and a count: nothing that could follow one patient."""

from __future__ import annotations

import logging
import sqlite3
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from kiosk.session import usage
from kiosk.session.usage import DayCount, UsageError, UsageRecorder, add_counts, read_counts


class FakeDay:
    def __init__(self) -> None:
        self.today = date(2026, 11, 24)

    def __call__(self) -> date:
        return self.today


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "data" / "usage.sqlite3"


def test_views_are_counted_per_day_and_page(db: Path) -> None:
    day = FakeDay()
    recorder = UsageRecorder(db, batch_seconds=0.01, today=day)
    for page in ["home", "page/sciatica/stretch", "page/sciatica/stretch", "home"]:
        recorder.record(page)
    day.today = date(2026, 11, 25)
    recorder.record("page/sciatica/stretch")
    recorder.close()
    assert read_counts(db) == [
        DayCount("2026-11-24", "home", 2),
        DayCount("2026-11-24", "page/sciatica/stretch", 2),
        DayCount("2026-11-25", "page/sciatica/stretch", 1),
    ]


def test_counts_add_up_across_restarts(db: Path) -> None:
    for _ in range(2):
        recorder = UsageRecorder(db, today=FakeDay())
        recorder.record("home")
        recorder.close()
    assert read_counts(db) == [DayCount("2026-11-24", "home", 2)]


def test_the_database_holds_only_day_page_and_count(db: Path) -> None:
    recorder = UsageRecorder(db, today=FakeDay())
    recorder.record("home")
    recorder.close()
    with sqlite3.connect(db) as connection:
        tables = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
        columns = connection.execute("PRAGMA table_info(page_views)").fetchall()
    connection.close()
    assert tables == [("page_views",)]
    assert [(name, kind, pk) for _, name, kind, _, _, pk in columns] == [
        ("day", "TEXT", 1),
        ("page", "TEXT", 2),
        ("count", "INTEGER", 0),
    ]


def test_a_database_held_by_another_process_loses_no_views(
    db: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(usage, "LOCK_TIMEOUT_SECONDS", 0.05)
    add_counts(db, Counter({("2026-11-23", "home"): 7}))
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # another process holds the database
    try:
        recorder = UsageRecorder(db, today=FakeDay())
        for _ in range(1000):
            recorder.record("home")
        with caplog.at_level(logging.WARNING):
            recorder.close()
    finally:
        other.close()
    # The stuck file was set aside and the views went into a new one; nothing crashed.
    assert read_counts(db) == [DayCount("2026-11-24", "home", 1000)]
    assert any("set aside" in record.message for record in caplog.records)
    [aside] = [p for p in db.parent.iterdir() if ".broken-" in p.name]
    assert read_counts(aside) == [DayCount("2026-11-23", "home", 7)]


def test_a_damaged_database_is_set_aside_and_recreated(db: Path, caplog: pytest.LogCaptureFixture) -> None:
    db.parent.mkdir(parents=True)
    garbage = b"this is not a database\x00\xff" * 100
    db.write_bytes(garbage)
    recorder = UsageRecorder(db, today=FakeDay())
    recorder.record("home")
    with caplog.at_level(logging.ERROR):
        recorder.close()
    assert read_counts(db) == [DayCount("2026-11-24", "home", 1)]
    [aside] = [p for p in db.parent.iterdir() if ".broken-" in p.name]
    assert aside.read_bytes() == garbage  # kept for whoever wants to look
    assert any("set aside" in record.message and str(db) in record.message for record in caplog.records)


def test_reading_a_damaged_database_says_which_file(db: Path) -> None:
    db.parent.mkdir(parents=True)
    db.write_bytes(b"\x00" * 4096 + b"garbage")
    with pytest.raises(UsageError, match=str(db)):
        read_counts(db)
    assert db.read_bytes().endswith(b"garbage")  # reading never changes the file


def test_no_database_yet_means_no_counts(db: Path) -> None:
    assert read_counts(db) == []
    assert not db.exists()


def test_empty_and_overlong_page_names_are_contained(db: Path) -> None:
    recorder = UsageRecorder(db, today=FakeDay())
    recorder.record("")
    recorder.record("page/" + "x" * 10_000)
    recorder.close()
    [row] = read_counts(db)
    assert len(row.page) == usage.MAX_PAGE_NAME


def test_recording_after_close_is_ignored(db: Path) -> None:
    recorder = UsageRecorder(db, today=FakeDay())
    recorder.record("home")
    recorder.close()
    recorder.record("home")
    recorder.close()
    assert read_counts(db) == [DayCount("2026-11-24", "home", 1)]
