"""The kiosk's own font, registered from the data it ships with, and what happens without it."""

from __future__ import annotations

import logging

import kiosk.bundled
import pytest

from kiosk.ui import resources


def test_without_its_font_the_kiosk_starts_with_a_system_font_and_says_why(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(kiosk.bundled, "__file__", "/opt/kiosk/clinic_kiosk.whl/kiosk/bundled/__init__.py")
    with caplog.at_level(logging.WARNING, logger="kiosk.ui.resources"):
        assert resources.register_fonts() == resources.FONT_FAMILY
    assert "could not register the kiosk's font" in caplog.text and "unzipped" in caplog.text
