"""Fixtures for content tests: the mini pack, copied so a test may break it without touching others."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

MINI_PACK = Path(__file__).resolve().parent.parent / "packs" / "mini"


@pytest.fixture
def mini_pack(tmp_path: Path) -> Path:
    """A writable copy of tests/packs/mini."""
    return Path(shutil.copytree(MINI_PACK, tmp_path / "mini"))
