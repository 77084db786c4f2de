"""Page views are counted per pack and version, and written at the idle reset, not only later."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path
from typing import Any

from uihelpers import settle

from kiosk.session.settings import Settings
from kiosk.session.state import ATTRACT, AppState, Snapshot
from kiosk.session.usage import DayCount, UsageRecorder, read_counts
from kiosk.ui.main_window import MainWindow
from kiosk.ui.operation import KioskOperation


def fire_idle_timer(operated: Any) -> None:
    operated.op.idle.timer.timeout.emit()
    settle()


def test_views_carry_the_pack_id_and_version(operate: Any, tmp_path: Path) -> None:
    operated = operate()
    pack = operated.window.pack
    operated.kiosk.tap("AttractScreen")
    operated.kiosk.tap("topic/basics")
    operated.op.shutdown()
    today = date.today().isoformat()
    assert read_counts(tmp_path / "usage.sqlite3") == [
        DayCount(today, "topic/basics", 1, pack.id, str(pack.manifest.version))
    ]


def test_the_idle_reset_writes_the_last_visit_at_once(operate: Any, tmp_path: Path) -> None:
    operated = operate()
    db = tmp_path / "usage.sqlite3"
    operated.op.usage.close()
    operated.op.usage = UsageRecorder(db, batch_seconds=3600)  # without a flush: written in an hour
    kiosk = operated.kiosk
    kiosk.tap("AttractScreen")
    kiosk.tap("topic/basics")
    kiosk.tap("page/basics/what-is-it")
    operated.clock.advance(90)
    fire_idle_timer(operated)
    operated.clock.advance(20)
    fire_idle_timer(operated)
    assert kiosk.route == "attract"
    deadline = time.monotonic() + 30  # generous: only a missing flush leaves the file empty
    while not read_counts(db) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert {row.page for row in read_counts(db)} == {"topic/basics", "page/basics/what-is-it"}


def test_a_staff_preview_counts_nothing(qtbot: Any, mini_pack: Any, tmp_path: Path) -> None:
    """`kiosk run --windowed` passes count_views=False: staff checking pages are not patients."""
    state = AppState(Snapshot(route=ATTRACT))
    window = MainWindow(state, mini_pack)
    qtbot.addWidget(window)
    op = KioskOperation(
        window,
        Settings(),
        setup_mode=True,
        locked=False,
        usage_db=tmp_path / "usage.sqlite3",
        count_views=False,
    )
    window.navigator.open_topic("basics")
    window.navigator.open_page("basics", "what-is-it")
    op.shutdown()
    assert op.usage is None and not (tmp_path / "usage.sqlite3").exists()
