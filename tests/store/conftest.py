"""Fixtures for pack store tests: an empty store in a temporary folder and pack copies to install."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from store_helpers import make_pack

from kiosk.store.packstore import PackStore


@pytest.fixture
def store(tmp_path: Path) -> PackStore:
    return PackStore(tmp_path / "store")


@pytest.fixture
def pack_at(tmp_path: Path) -> Callable[..., Path]:
    """`pack_at("1.1.0", words="...")` -> a fresh copy of the mini pack at that version."""
    made: list[Path] = []

    def make(version: str = "1.0.0", **options: str) -> Path:
        made.append(make_pack(tmp_path / f"pack-{len(made)}-{version}", version, **options))
        return made[-1]

    return make
