"""Data shipped with the kiosk: the bundled content pack(s).

This folder is installed as the package `kiosk.bundled` (see setup.py), so an installed kiosk finds
its pack through `importlib.resources` wherever it runs from; `kiosk.content.bundled` reads it.
"""
