"""C libraries the kiosk calls through ctypes, on Linux only.

A few things the kiosk needs are not in Python or Qt's Python API but in a C library already in
the process or installed beside Qt: glibc's `malloc_trim` (`memory`), libxcb for the display check
(`commands.display_check`) and fontconfig for loading its configuration early
(`ui.fontconfig_warmup`). Each is optional: where the library is missing, or off Linux, the caller
does without it.
"""

from __future__ import annotations

import ctypes
import sys


def linux_library(soname: str | None) -> ctypes.CDLL | None:
    """The C library `soname` (None: the process's own symbols, glibc's among them), or None off
    Linux or where it cannot be loaded."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(soname)
    except OSError:
        return None
