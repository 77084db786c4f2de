"""Clinic Kiosk: patient education for clinic touchscreens."""

__version__ = "0.1.0"
"""The one place the version is written: packaging metadata (pyproject.toml), `kiosk --version`
and the Qt application all read it from here."""
