"""Qt widgets and screens. Importing this package first starts fontconfig loading its
configuration on a helper thread while PySide6 loads (`kiosk.ui.fontconfig_warmup`), guards
against a PySide6 defect that would otherwise abort a long-running kiosk, stops PySide6 reading the
source of every module imported after it (see `kiosk.ui.qt_workarounds`), and lets large text be
drawn from Qt's glyph cache (`kiosk.ui.glyph_cache`)."""

from kiosk.ui import fontconfig_warmup

fontconfig_warmup.start()  # before PySide6 is imported below: that is the time it overlaps

from kiosk.ui.glyph_cache import cache_large_glyphs  # noqa: E402
from kiosk.ui.qt_workarounds import answer_feature_scans_without_reading, guard_singleton_refcounts  # noqa: E402

guard_singleton_refcounts()
answer_feature_scans_without_reading()
cache_large_glyphs()
