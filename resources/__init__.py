"""Data shipped with the kiosk: the bundled content pack(s) and the kiosk's font.

This folder is installed as the package `kiosk.bundled` (see setup.py), so an installed kiosk finds
its pack and its font wherever it runs from; `kiosk.content.bundled` says where.
"""
