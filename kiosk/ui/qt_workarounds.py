"""Work-arounds for defects in the Qt bindings: one would end a kiosk that runs for days, one slows
every start.

PySide6 6.12.0 on Python 3.11 loses references to the interpreter's singletons:
- every `Signal.emit()` called from Python returns `True` without taking a reference to it;
- every call of a Qt method that returns nothing (`update()`, `setText()`, `setCurrentFrame()` ...)
  returns `None` without taking a reference to it.
Each such call lowers the singleton's reference count by one. After a few thousand calls (a single
animated exercise demo makes hundreds a second) the count reaches zero and the interpreter aborts
with "none_dealloc" or "bool_dealloc". Python 3.12 and later make these singletons immortal, so
there the defect is harmless. `guard_singleton_refcounts()` measures the defect once and, only where
it is present, gives `None`, `True` and `False` a reference count they can never use up: the same
thing Python 3.12 does for them. It runs when `kiosk.ui` is first imported, so the kiosk, the
screenshot renderer, the benchmark and the tests are all covered.

PySide6 also replaces Python's `import` so that a module may opt in to its `__feature__` options
(`from __feature__ import snake_case`). To tell whether a module uses PySide at all, it then reads
the whole source file of every module imported after PySide (`inspect.getsource`) and looks for the
word "PySide6": some hundred files for the kiosk, 15-50 ms of every start on a small 2-core machine
(measured before the first frame; more again before the kiosk takes taps).
`answer_feature_scans_without_reading()` answers that question without reading (see there); no Qt
class, name or call changes.
"""

from __future__ import annotations

import ctypes
import sys
from types import ModuleType

from PySide6.QtCore import QObject, Signal

_HEADROOM = 1 << 40
"""References added to each singleton: at one lost per call, enough for thousands of years."""

_SINGLETONS = (None, True, False)


class _Probe(QObject):
    ping = Signal()


def bindings_lose_singleton_references() -> bool:
    """True when calls into Qt lower the reference count of `None` or `True` (the defect above)."""
    probe = _Probe()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(3):
        probe.ping.emit()
        probe.setObjectName("probe")
    return sys.getrefcount(None) < none_before or sys.getrefcount(True) < true_before


_guarded = False


def guard_singleton_refcounts() -> bool:
    """Protect `None`, `True` and `False` where the defect exists (once per process); True if guarded."""
    global _guarded
    if _guarded:
        return True
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False  # the singletons are immortal there
    if not bindings_lose_singleton_references():
        return False
    for singleton in _SINGLETONS:
        # ob_refcnt is the first field of every CPython 3.11 object.
        ctypes.c_ssize_t.from_address(id(singleton)).value += _HEADROOM
    _guarded = True
    return True


def answer_feature_scans_without_reading() -> bool:
    """Stop PySide6 reading the source of every module imported after it; True if it was stopped.

    PySide asks "does this module use PySide?" once per module, after the module is imported, to
    choose the names Qt calls made from it see: 0 (Qt's own names) for a module that mentions
    PySide6, else -1 (whatever the last caller chose). A module that opts in to `__feature__` records
    its choice while it is being imported, before the question is asked, so the answer never
    overrides it. For every other module, Qt's own names are right, since nothing else was ever
    chosen for it; answering yes for all of them, without reading a file, gives exactly that. Where
    PySide has no such question (another version), nothing is changed.
    """
    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = _uses_qt_default_names  # type: ignore[attr-defined]
    return True


def _uses_qt_default_names(module: ModuleType) -> bool:
    return True
