"""`kiosk stats` shows staff the counts per pack, as a table, CSV for a spreadsheet or JSON."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
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
    """Two packs that both have a page `about/what-is-it`: they must never be added together."""
    add_counts(
        db,
        Counter(
            {
                ("2026-11-25", "back", "1.1", "page/about/what-is-it"): 4,
                ("2026-11-24", "back", "1.0", "page/about/what-is-it"): 12,
                ("2026-11-24", "heel", "2.0", "page/about/what-is-it"): 3,
                ("2026-11-24", "back", "1.0", "topic/about"): 5,
            }
        ),
    )


@pytest.mark.usefixtures("some_views")
def test_csv_has_one_row_per_day_pack_and_page(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", "--csv"]) == 0
    assert capsys.readouterr().out == (
        "day,pack_id,pack_version,page,count\n"
        "2026-11-24,back,1.0,page/about/what-is-it,12\n"
        "2026-11-24,back,1.0,topic/about,5\n"
        "2026-11-24,heel,2.0,page/about/what-is-it,3\n"
        "2026-11-25,back,1.1,page/about/what-is-it,4\n"
    )


@pytest.mark.usefixtures("some_views")
def test_the_table_groups_by_pack_and_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats"]) == 0
    blocks = capsys.readouterr().out.strip().split("\n\n")
    assert [block.splitlines()[0] for block in blocks[:3]] == [
        "Pack back version 1.0",
        "Pack back version 1.1",
        "Pack heel version 2.0",
    ]
    back = blocks[0].splitlines()
    assert back[1].split() == ["Day", "Page", "Views"]
    assert back[3].split() == ["2026-11-24", "page/about/what-is-it", "12"]
    assert len({len(line) for line in back[1:5]}) == 1  # columns line up
    assert back[-1] == "17 views on 1 day."
    assert blocks[2].splitlines()[-1] == "3 views on 1 day."
    assert blocks[-1] == "In all: 24 views on 2 days, 3 pack versions."


@pytest.mark.usefixtures("some_views")
def test_json_gives_the_same_for_scripts(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["database"] == str(db) and document["views"] == 24
    assert [(p["id"], p["version"], p["views"]) for p in document["packs"]] == [
        ("back", "1.0", 17),
        ("back", "1.1", 4),
        ("heel", "2.0", 3),
    ]
    assert document["packs"][0]["counts"][1] == {"day": "2026-11-24", "page": "topic/about", "views": 5}


def test_before_any_view_says_so(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats"]) == 0
    assert capsys.readouterr().out == "No page views recorded yet.\n"
    assert main(["stats", "--csv"]) == 0
    assert capsys.readouterr().out == "day,pack_id,pack_version,page,count\n"
    assert main(["stats", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["packs"] == []


def test_counts_from_an_old_database_are_shown_apart(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    connection = sqlite3.connect(db)
    with connection:
        connection.execute(
            "CREATE TABLE page_views (day TEXT, page TEXT, count INTEGER, PRIMARY KEY (day, page))"
        )
        connection.execute("INSERT INTO page_views VALUES ('2026-10-01', 'topic/about', 9)")
    connection.close()
    assert main(["stats"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("(pack not recorded") and "topic/about" in out and "9 views on 1 day." in out


def test_names_cannot_drive_the_terminal(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    add_counts(db, Counter({("2026-11-24", "evil\x1b[2J", "1.0", "page/x\x1b]0;owned\x07"): 1}))
    assert main(["stats"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "evil\\x1b[2J" in out


def test_a_damaged_database_gives_a_message_not_a_traceback(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db.write_bytes(b"garbage" * 1000)
    assert main(["stats"]) == 1
    err = capsys.readouterr().err
    assert str(db) in err and "Traceback" not in err


def test_another_database_can_be_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "copied-from-kiosk-3.sqlite3"
    add_counts(other, Counter({("2026-11-01", "back", "1.0", "home"): 2}))
    assert main(["stats", "--csv", "--db", str(other)]) == 0
    assert capsys.readouterr().out == "day,pack_id,pack_version,page,count\n2026-11-01,back,1.0,home,2\n"


@pytest.mark.parametrize("form", ["--csv", "--json", "--table"])
def test_a_reader_that_stops_early_is_not_an_error(db: Path, form: str) -> None:
    """`kiosk stats --csv | head`: the reader closes the pipe long before the output ends."""
    add_counts(
        db, Counter({("2026-11-24", "back", "1.0", f"page/topic/page-{n:05}"): n for n in range(20_000)})
    )
    options = [] if form == "--table" else [form]
    command = [sys.executable, "-m", "kiosk", "stats", "--db", str(db), *options]
    # Buffered output, as on a terminal session (unbuffered, Python may drop a partial write silently).
    env = {key: value for key, value in os.environ.items() if key != "PYTHONUNBUFFERED"}
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.readline()
    process.stdout.close()  # what `head -1` does
    err = process.stderr.read().decode()
    assert process.wait(timeout=60) == 0
    assert first and "BrokenPipeError" not in err and "Traceback" not in err and err == ""
