"""Clinic Kiosk: patient education for clinic touchscreens."""

__version__ = "0.1.0"
