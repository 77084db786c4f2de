"""Permission faults are real here: a read-only folder, a read-only file and a mode-000 file.

The recorder runs in a child process. When the tests run as root (containers, CI), the child gets
no `CAP_DAC_OVERRIDE` / `CAP_DAC_READ_SEARCH` (through `setpriv`), so file modes bind it exactly as
they bind the kiosk user; otherwise it runs as the current user.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from collections import Counter
from pathlib import Path

import pytest

from kiosk.session.usage import DayCount, add_counts, read_counts

SCENARIO = textwrap.dedent(
    """
    import json, logging, os, sys
    from datetime import date
    from pathlib import Path
    from kiosk.session.usage import UsageRecorder

    db, fault_on, fault_off = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    lines = []
    class Keep(logging.Handler):
        def emit(self, record):
            lines.append(record.getMessage())
    logging.getLogger().addHandler(Keep())
    logging.getLogger().setLevel(logging.INFO)
    exec(fault_on)
    recorder = UsageRecorder(db, today=lambda: date(2026, 11, 24), retry_seconds=3600)
    for _ in range(5):
        recorder.record("page/about/what-is-it", "back", "1.0")
    faults = []
    for _ in range(3):
        recorder.flush(timeout=10)
        faults.append(recorder.fault)
    exec(fault_off)
    recorder.flush(timeout=10)
    faults.append(recorder.fault)
    recorder.close()
    print(json.dumps({"faults": faults, "log": lines}))
    """
)


def run_scenario(db: Path, fault_on: str, fault_off: str) -> dict[str, list[str]]:
    command = [sys.executable, "-c", SCENARIO, str(db), fault_on, fault_off]
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        assert setpriv, "running as root needs setpriv (util-linux) to drop the file-permission override"
        command = [setpriv, "--bounding-set=-dac_override,-dac_read_search", *command]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    result: dict[str, list[str]] = json.loads(done.stdout)
    return result


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "data" / "usage.sqlite3"
    add_counts(path, Counter({("2026-11-17", "back", "1.0", "page/about/what-is-it"): 7}))
    return path


HISTORY = DayCount("2026-11-17", "page/about/what-is-it", 7, "back", "1.0")
NEW = DayCount("2026-11-24", "page/about/what-is-it", 5, "back", "1.0")


@pytest.mark.parametrize(
    ("fault_on", "fault_off", "reason"),
    [
        ("os.chmod(db.parent, 0o500)", "os.chmod(db.parent, 0o700)", "read-only folder"),
        ("os.chmod(db, 0o400)", "os.chmod(db, 0o600)", "read-only file"),
        ("os.chmod(db, 0o000)", "os.chmod(db, 0o600)", "unreadable file"),
    ],
)
def test_a_permission_fault_keeps_the_history_and_the_new_counts(
    db: Path, fault_on: str, fault_off: str, reason: str
) -> None:
    before = db.read_bytes()
    result = run_scenario(db, fault_on, fault_off)
    faults, log = result["faults"], result["log"]
    assert None not in faults[:3] and faults[3] is None, (reason, faults)
    assert db.read_bytes() != before  # written once the fault was gone ...
    assert read_counts(db) == [HISTORY, NEW]  # ... with the history kept
    assert not [p for p in db.parent.iterdir() if ".broken" in p.name]
    assert sum("cannot write usage counts" in line for line in log) == 1, log
    assert sum("writable again" in line for line in log) == 1, log
