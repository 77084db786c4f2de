"""Qt widgets and screens. Importing this package first guards against a PySide6 defect that
would otherwise abort a long-running kiosk (see `kiosk.ui.qt_workarounds`)."""

from kiosk.ui.qt_workarounds import guard_singleton_refcounts

guard_singleton_refcounts()
