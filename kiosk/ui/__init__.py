"""Qt widgets and screens. Importing this package first guards against a PySide6 defect that
would otherwise abort a long-running kiosk, stops PySide6 reading the source of every module
imported after it (see `kiosk.ui.qt_workarounds`), and lets large text be drawn from Qt's glyph
cache (`kiosk.ui.glyph_cache`)."""

from kiosk.ui.glyph_cache import cache_large_glyphs
from kiosk.ui.qt_workarounds import answer_feature_scans_without_reading, guard_singleton_refcounts

guard_singleton_refcounts()
answer_feature_scans_without_reading()
cache_large_glyphs()
