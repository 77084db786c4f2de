"""fontconfig loads its configuration on a helper thread while PySide6 loads, and Qt uses that
configuration rather than loading its own."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from kiosk.ui import fontconfig_warmup

PROBE = r"""
import ctypes, json, sys, threading

started = []
original_start = threading.Thread.start

def recording_start(self):
    started.append((self.name, "PySide6" in sys.modules))
    original_start(self)

threading.Thread.start = recording_start
import kiosk.ui
from kiosk.ui import fontconfig_warmup, resources

fontconfig_warmup.wait()
fontconfig = ctypes.CDLL(fontconfig_warmup.FONTCONFIG_LIBRARY)
fontconfig.FcConfigGetCurrent.restype = ctypes.c_void_p
warmed = fontconfig.FcConfigGetCurrent()

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

app = QApplication([])
family = resources.register_fonts()
print(json.dumps({
    "started": started,
    "same_config": fontconfig.FcConfigGetCurrent() == warmed,
    "family_known": family in QFontDatabase.families(),
}))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fontconfig is the Linux font system")
def test_fontconfig_loads_while_pyside_loads_and_qt_keeps_that_configuration() -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert ["fontconfig-warmup", False] in report["started"]  # started before PySide6 was imported
    assert report["same_config"]  # Qt draws on the process's one configuration, not a second
    assert report["family_known"]  # and the kiosk's font registered into it


def test_without_fontconfig_nothing_is_started_and_waiting_returns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fontconfig_warmup, "_loading", None)
    monkeypatch.setattr(fontconfig_warmup, "FONTCONFIG_LIBRARY", "libfontconfig-absent.so.1")
    assert fontconfig_warmup.start() is False
    fontconfig_warmup.wait()  # nothing to wait for
