"""Fixtures for tests that run the real kiosk process."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from xserver import xvfb


@pytest.fixture
def x_display() -> Iterator[str]:
    """A fresh Xvfb server (1920x1080) for one test; yields its DISPLAY name."""
    with xvfb() as display:
        yield display
