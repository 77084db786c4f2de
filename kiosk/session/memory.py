"""Giving memory freed during a visit back to the system when the visit ends.

glibc keeps the memory a process frees for reuse rather than handing it back, and a kiosk builds
and drops screens all day: after a busy visit about 10 MB of its heap is free but still held.
`return_free_memory` asks glibc to give back what it holds free (`malloc_trim`); the kiosk calls
it a moment after each idle reset (`ui/operation.py`), when the last visit's screens are gone.
On a C library without `malloc_trim` (musl, macOS) it does nothing.
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable
from functools import lru_cache

from kiosk.session.native_library import linux_library


@lru_cache(maxsize=1)
def _malloc_trim() -> Callable[[int], int] | None:
    process = linux_library(None)
    if process is None:
        return None
    trim = getattr(process, "malloc_trim", None)
    if trim is None:
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    found: Callable[[int], int] = trim
    return found


def return_free_memory() -> bool:
    """Hand memory the C heap holds free back to the system; False where that cannot be done."""
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)
    return True
