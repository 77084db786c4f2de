"""Work-arounds for defects in the Qt bindings that would otherwise end a kiosk that runs for days.

PySide6 6.12 on Python 3.11: every `Signal.emit()` called from Python returns `True` without
taking a reference to it, so each emit lowers `True`'s reference count by one. After a few
thousand emits (every screen change emits one) the count reaches zero and the interpreter aborts
with "bool_dealloc: deallocating True or False". Python 3.12 and later make `True` immortal, so
there the defect is harmless. `guard_signal_emit_refcount()` measures the defect once at start and,
only where it is present, gives `True` a reference count it can never use up.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal

_HEADROOM = 1 << 40
"""References added to `True`: at one lost per emit, enough for thousands of years of taps."""


class _Probe(QObject):
    ping = Signal()


def emit_loses_true_reference() -> bool:
    """True when an emit from Python lowers the reference count of `True` (the defect above)."""
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(3):
        probe.ping.emit()
    return sys.getrefcount(True) < before


_guarded = False


def guard_signal_emit_refcount() -> bool:
    """Protect `True` from the emit defect where it exists (once per process); True if guarded."""
    global _guarded
    if _guarded:
        return True
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False  # True is immortal there
    if not emit_loses_true_reference():
        return False
    # ob_refcnt is the first field of every CPython 3.11 object.
    ctypes.c_ssize_t.from_address(id(True)).value += _HEADROOM
    _guarded = True
    return True
