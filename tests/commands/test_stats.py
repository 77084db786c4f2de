"""`kiosk stats` shows the daily counts to staff, as a table or as CSV for a spreadsheet."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.session.usage import add_counts


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path))
    return tmp_path / "usage.sqlite3"


@pytest.fixture
def some_views(db: Path) -> None:
    add_counts(
        db,
        Counter(
            {
                ("2026-11-25", "page/sciatica/stretch"): 4,
                ("2026-11-24", "home"): 12,
                ("2026-11-24", "page/sciatica/stretch"): 3,
            }
        ),
    )


@pytest.mark.usefixtures("some_views")
def test_csv_has_a_header_and_one_row_per_day_and_page(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", "--csv"]) == 0
    assert capsys.readouterr().out == (
        "day,page,count\n2026-11-24,home,12\n2026-11-24,page/sciatica/stretch,3\n2026-11-25,page/sciatica/stretch,4\n"
    )


@pytest.mark.usefixtures("some_views")
def test_table_lines_up_and_gives_a_total(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["Day", "Page", "Views"]
    assert lines[2].split() == ["2026-11-24", "home", "12"]
    assert len({len(line) for line in lines[:5]}) == 1  # columns line up
    assert lines[-1] == "19 views on 2 days."


def test_before_any_view_says_so(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats"]) == 0
    assert capsys.readouterr().out == "No page views recorded yet.\n"
    assert main(["stats", "--csv"]) == 0
    assert capsys.readouterr().out == "day,page,count\n"


def test_a_damaged_database_gives_a_message_not_a_traceback(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db.write_bytes(b"garbage" * 1000)
    assert main(["stats"]) == 1
    err = capsys.readouterr().err
    assert str(db) in err and "Traceback" not in err


def test_another_database_can_be_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "copied-from-kiosk-3.sqlite3"
    add_counts(other, Counter({("2026-11-01", "home"): 2}))
    assert main(["stats", "--csv", "--db", str(other)]) == 0
    assert capsys.readouterr().out == "day,page,count\n2026-11-01,home,2\n"
