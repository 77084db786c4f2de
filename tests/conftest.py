"""Shared test setup: Qt widgets render offscreen, with no real screen needed."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
BUNDLED_PACK = REPO_ROOT / "resources" / "packs" / "lower-back-pinched-nerve"


@pytest.fixture
def bundled_pack_dir() -> Path:
    return BUNDLED_PACK
