"""Qt widgets and screens. Importing this package first guards against a PySide6 defect that
would otherwise abort a long-running kiosk, and stops PySide6 reading the source of every module
imported after it (see `kiosk.ui.qt_workarounds`)."""

from kiosk.ui.qt_workarounds import answer_feature_scans_without_reading, guard_singleton_refcounts

guard_singleton_refcounts()
answer_feature_scans_without_reading()
