"""A kiosk that runs for days survives many Qt calls (a PySide6 6.12 defect on Python 3.11 loses a
reference to `None` on every void call and to `True` on every emit, and then aborts)."""

from __future__ import annotations

import os
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


SOURCE_READS = """
import inspect, sys
sys.path.insert(0, sys.argv[1])
if sys.argv[2] == "kiosk":
    import kiosk.ui
else:
    import PySide6.QtCore
read = []
original = inspect.getsource
inspect.getsource = lambda obj: read.append(getattr(obj, "__name__", "?")) or original(obj)
import fresh_module
print("read:", read)
"""

FEATURE_OPT_IN = """
import sys
sys.path.insert(0, sys.argv[1])
import kiosk.ui
import opts_in  # a module that chose snake_case names for itself
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel()
label.setText("Next")  # this module never opted in: Qt's own names
print("opted in:", opts_in.snake_named(), "own names:", label.text())
"""


def _run(script: str, folder: Path, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", script, str(folder), *args],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_modules_imported_after_the_kiosk_ui_are_not_read_from_disk_again(tmp_path: Path) -> None:
    (tmp_path / "fresh_module.py").write_text("VALUE = 1\n", encoding="utf-8")
    assert "read: []" in _run(SOURCE_READS, tmp_path, "kiosk")
    # PySide6 alone reads the module's source after importing it: what the kiosk's start is spared
    assert "'fresh_module'" in _run(SOURCE_READS, tmp_path, "pyside")


def test_a_module_that_opts_in_to_pyside_features_still_gets_them(tmp_path: Path) -> None:
    (tmp_path / "opts_in.py").write_text(
        "from PySide6.QtCore import QObject\n"
        "from __feature__ import snake_case\n\n"
        "def snake_named():\n"
        "    thing = QObject()\n"
        "    thing.set_object_name('snake')\n"
        "    return thing.object_name()\n",
        encoding="utf-8",
    )
    assert "opted in: snake own names: Next" in _run(FEATURE_OPT_IN, tmp_path)
