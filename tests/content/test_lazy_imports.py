"""The reading-level library is loaded only when an English page's grade is computed.

Its first use loads a pronouncing dictionary (about a second); the kiosk's start must not pay it.
"""

from __future__ import annotations

import subprocess
import sys

START_MODULES = (
    "kiosk.commands.run",
    "kiosk.session.settings",
    "kiosk.ui.app",
    "kiosk.ui.main_window",
    "kiosk.ui.operation",
    "kiosk.ui.staff.entry",
)


def _modules_after(code: str) -> set[str]:
    script = code + "\nimport sys\nprint('\\n'.join(sys.modules))"
    output = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    return set(output.split())


def test_kiosk_start_does_not_load_the_reading_level_library() -> None:
    modules = _modules_after("\n".join(f"import {name}" for name in START_MODULES))
    assert "kiosk.ui.staff.panel" in modules
    assert "textstat" not in modules


def test_grading_an_english_text_loads_it() -> None:
    modules = _modules_after(
        "from kiosk.content.validator import reading_grade\nassert reading_grade('Sit down. Rest.') < 6"
    )
    assert "textstat" in modules
