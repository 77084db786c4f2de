"""Shared test setup: Qt widgets render offscreen, with no real screen needed."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("KIOSK_SPEECH", "fake")  # read aloud offered, nothing spoken out loud

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
BUNDLED_PACK = REPO_ROOT / "resources" / "packs" / "lower-back-pinched-nerve"


@pytest.fixture
def bundled_pack_dir() -> Path:
    return BUNDLED_PACK


@pytest.fixture(autouse=True)
def kiosk_folders_in_tmp(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Settings, usage counts and logs of a kiosk started by a test go to a temporary folder, never
    to the developer's own (a PIN set there must not change what the tests see)."""
    folder = tmp_path_factory.mktemp("kiosk-folders")
    for variable in ("KIOSK_CONFIG_DIR", "KIOSK_DATA_DIR", "KIOSK_LOG_DIR"):
        monkeypatch.setenv(variable, str(folder / variable.lower()))


@pytest.fixture
def restore_logging() -> Iterator[None]:
    """Tests that configure logging leave the root and `kiosk` loggers as they found them."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    kiosk_level = logging.getLogger("kiosk").level
    yield
    for handler in root.handlers:
        if handler not in handlers:
            handler.close()
    root.handlers[:] = handlers
    root.setLevel(level)
    logging.getLogger("kiosk").setLevel(kiosk_level)
