"""A kiosk that runs for days survives many Qt calls (a PySide6 6.12 defect on Python 3.11 loses a
reference to `None` on every void call and to `True` on every emit, and then aborts)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]

MANY_QT_CALLS = """
import os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel
from kiosk.ui.app import application

class Screen(QObject):
    changed = Signal(str)

application()
screen = Screen()
screen.changed.connect(lambda name: None)
label = QLabel()
for _ in range(50_000):  # far more than the reference counts of True and None start with
    screen.changed.emit("page/basics/what-is-it")
    label.setText("Next")
    label.update()
print("still running")
"""


def test_the_kiosk_survives_fifty_thousand_emits_and_void_calls() -> None:
    done = subprocess.run(
        [sys.executable, "-c", MANY_QT_CALLS], cwd=REPO_ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "still running" in done.stdout
