"""`systemctl stop` (SIGTERM) right after a patient opened a page: the view is written, not lost."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest
from test_kiosk_e2e import WAIT_SECONDS, KioskProcess

from kiosk.session.usage import read_counts

pytestmark = pytest.mark.e2e  # x_display, the Xvfb fixture, comes from tests/e2e/conftest.py


def test_sigterm_writes_the_last_views(x_display: str, tmp_path: Path) -> None:
    kiosk = KioskProcess(x_display, tmp_path)
    try:
        kiosk.wait_for_screen("attract")
        kiosk.tap("AttractScreen")
        kiosk.wait_for_screen("home")
        topic = next(name for name in kiosk.tappables if name.startswith("topic/"))
        kiosk.tap(topic)
        kiosk.wait_for_screen(topic)
        page = next(name for name in kiosk.tappables if name.startswith("page/"))
        kiosk.tap(page)
        kiosk.wait_for_screen(page)
        kiosk.process.send_signal(signal.SIGTERM)  # well within the 5 s a batch waits
        assert kiosk.process.wait(timeout=WAIT_SECONDS) == 0
    finally:
        if kiosk.process.poll() is None:
            kiosk.process.kill()
            kiosk.process.wait()
    rows = read_counts(Path(os.environ["KIOSK_DATA_DIR"]) / "usage.sqlite3")
    assert {row.page: row.count for row in rows} == {topic: 1, page: 1}
    assert {row.pack_id for row in rows} == {"lower-back-pinched-nerve"}
