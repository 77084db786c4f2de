"""What `kiosk run` imports before its first frame, once the pack was checked at install.

Every library that only checks packs or settings (pydantic, Markdown, YAML, the SVG checks, the
validator), signatures (cryptography, needed only with a trusted key) or draws icons (qtawesome,
whose icons for the first screen come from the icon cache) must wait until after the first paint, and so
must the code of the screens the start screen is not (pages, exercise demos). The kiosk is
started for real (`kiosk run`, through the bench's start probe) and `sys.modules` is read at the
moment its first frame has been painted.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from kiosk.content.bundled import bundled_pack_dir
from kiosk.session.paths import settings_file
from kiosk.session.pin import hash_pin

NOT_BEFORE_THE_FIRST_FRAME = (
    "pydantic",
    "pydantic_core",
    "markdown_it",
    "yaml",
    "defusedxml",
    "cryptography",
    "qtawesome",
    "qtpy",
    "textstat",
    "segno",
    "kiosk.content.loader",
    "kiosk.content.models",
    "kiosk.content.exercise",
    "kiosk.session.settings_checks",
    "kiosk.content.validator",
    "kiosk.content.svg",
    "kiosk.content.media",
    "kiosk.store.signing",
    "kiosk.store.inbox",
    "kiosk.ui.pack_switch",
    "kiosk.ui.screens.page",
    "kiosk.ui.exercise.player",
)

SCRIPT = """
import json, os, sys
from kiosk.bench import probe

def report():
    from kiosk.ui import resources
    helper = resources._drawer is not None and resources._drawer._process is not None
    print(json.dumps({{"modules": sorted(sys.modules), "drawing_helper": helper}}), flush=True)
    from PySide6.QtCore import QTimer
    QTimer.singleShot({linger_ms}, lambda: os._exit(0))  # lets the icon cache fill after the paint

probe._report = report
sys.exit(probe.main(["app", "--pack", {pack!r}]))
"""


def _at_first_frame(pack: Path, linger_ms: int = 0) -> dict[str, Any]:
    return _report_of(SCRIPT.format(pack=str(pack), linger_ms=linger_ms))


def _report_of(script: str) -> dict[str, Any]:
    """Run `script` (a real `kiosk run` through the bench's probe) and read what it last printed."""
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "KIOSK_SPEECH": "none"},
        timeout=180,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    report: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    return report


def test_an_unchanged_pack_paints_its_first_frame_without_the_checks_signatures_or_qtawesome() -> None:
    settings = settings_file()  # a kiosk as set up for patients: a PIN and the clinic's details
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text(
        f'pin_hash = "{hash_pin("2580")}"\n[clinic]\nphone = "555-0100"\n[emergency]\nnumber = "112"\n',
        encoding="utf-8",
    )
    pack = bundled_pack_dir()
    first = _at_first_frame(pack, linger_ms=1500)  # checks the pack, indexes it, fills the cache
    assert "kiosk.content.loader" in first["modules"]  # the first start did check the pack
    assert "kiosk.session.settings_checks" in first["modules"]  # and the settings file
    assert first["drawing_helper"]  # and drew its first picture in the helper
    report = _at_first_frame(pack)
    # the first frame's picture is the one the first start drew: the helper waits for the paint
    assert not report["drawing_helper"]
    second = set(report["modules"])
    assert "kiosk.content.pack" in second and "kiosk.ui.main_window" in second  # it really started
    early = sorted(name for name in second if name.split(".")[0] in NOT_BEFORE_THE_FIRST_FRAME)
    early += sorted(name for name in NOT_BEFORE_THE_FIRST_FRAME if "." in name and name in second)
    assert early == []


FIRST_SCREEN_SCRIPT = """
import json, os, sys
from kiosk.bench import probe

seen = {{}}
original_mark = probe._mark

def mark(name):
    original_mark(name)
    if name == "first_screen_paint":
        from PySide6 import QtCore, QtGui, QtWidgets

        seen["at_first_frame"] = sorted(sys.modules)
        seen["widget_classes"] = sorted(name for name in vars(QtWidgets) if name.startswith("Q"))
        seen["qt_classes"] = sorted(name for module in (QtCore, QtGui) for name in vars(module))

def report():
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def later():
        from PySide6.QtGui import QAccessible
        from PySide6.QtWidgets import QLabel

        shown = [w.objectName() + (" first" if w.property("first_screen") else "")
                 for w in QApplication.topLevelWidgets() if w.isVisible()]
        roles = [QAccessible.queryAccessibleInterface(label).role().name
                 for window in QApplication.topLevelWidgets() if window.isVisible()
                 for label in window.findChildren(QLabel) if label.property("headingLevel")]
        print(json.dumps({{**seen, "shown_later": shown, "heading_roles": roles}}), flush=True)
        os._exit(0)

    QTimer.singleShot({linger_ms}, later)

probe._mark = mark
probe._report = report
sys.exit(probe.main(["app"]))
"""


def _started(linger_ms: int) -> dict[str, Any]:
    return _report_of(FIRST_SCREEN_SCRIPT.format(linger_ms=linger_ms))


def test_the_next_start_paints_the_start_screen_from_its_record_before_loading_the_window() -> None:
    first = _started(linger_ms=1500)  # no record yet: the kiosk window is the first frame; it records
    assert "at_first_frame" not in first
    assert first["shown_later"] == ["KioskRoot"]
    second = _started(linger_ms=1500)
    early = set(second["at_first_frame"])
    assert "kiosk.ui.attract" in early  # the start screen was drawn by its own code
    assert not early & {"kiosk.ui.main_window", "kiosk.ui.operation", "kiosk.content.pack"}
    assert not early & {"kiosk.session.settings", "kiosk.store.packstore", "kiosk.session.logs"}
    assert "kiosk.ui.accessibility" not in early  # the kiosk window's headings come with the window
    assert "PySide6.QtSvg" not in early  # the picture's aspect is in the record, its pixels kept
    assert not [name for name in early if name.split(".")[0] in NOT_BEFORE_THE_FIRST_FRAME]
    # PySide makes a widget class (and its enums) when first used: handing Python an object of a
    # class it has not named yet makes it load all of them, some 25 ms (first_screen.py).
    loaded = set(second["widget_classes"])
    assert "QVBoxLayout" in loaded and not loaded & {"QFileDialog", "QCalendarWidget", "QMdiArea"}
    # Nor any type the start screen uses only later: the cross-fade, the touchscreen check.
    later_types = {"QVariantAnimation", "QEasingCurve", "QInputDevice", "QPalette"}
    assert "QPainter" in second["qt_classes"] and not set(second["qt_classes"]) & later_types
    # Nor the `Qt` namespace: naming it builds its 94 enums, a tenth of the start (input_settings).
    assert "Qt" not in second["qt_classes"]
    assert "importlib.resources" not in early  # the font is read from the package's folder
    assert "hashlib" not in early  # OpenSSL: the picture comes from its kept pixels, masks by name
    assert "socket" not in early  # its enums: the display check connects through libxcb
    assert second["shown_later"] == ["KioskRoot"]  # the kiosk window, over which the first one closed
    assert second["heading_roles"] and set(second["heading_roles"]) == {"Heading"}  # for screen readers
