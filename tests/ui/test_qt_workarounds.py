"""A kiosk that runs for days survives many signal emits (a PySide6 6.12 defect on Python 3.11)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]

EMIT_MANY = """
from PySide6.QtCore import QObject, Signal
from kiosk.ui.app import application

class Screen(QObject):
    changed = Signal(str)

application()
screen = Screen()
screen.changed.connect(lambda name: None)
for _ in range(50_000):  # far more than the reference count True starts with
    screen.changed.emit("page/basics/what-is-it")
print("still running")
"""


def test_the_kiosk_survives_fifty_thousand_signal_emits() -> None:
    done = subprocess.run(
        [sys.executable, "-c", EMIT_MANY], cwd=REPO_ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "still running" in done.stdout
