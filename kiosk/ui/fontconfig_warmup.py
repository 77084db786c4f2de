"""fontconfig reads its configuration on the second core while PySide6 loads.

The first font the kiosk registers makes fontconfig parse its XML configuration and load its
caches: some 24 million instructions (2-3 ms on a small machine), on the main thread, before the
first frame. Nothing in it needs Python or Qt, and importing PySide6 keeps the main thread busy
for far longer, so `start()` runs fontconfig's own `FcInit` then on a helper thread (ctypes lets
go of the GIL for the call), and `wait()` joins it before the first font is registered. Qt then
finds the configuration loaded: fontconfig keeps one per process (`FcConfigGetCurrent`) and makes
it safely from any thread.

Where fontconfig is missing (not Linux, or a Qt built without it) nothing is started and Qt does
whatever it does there.
"""

from __future__ import annotations

import threading

from kiosk.session.native_library import linux_library

FONTCONFIG_LIBRARY = "libfontconfig.so.1"
"""The soname Qt's own libQt6Gui links to, so the helper loads the very same library."""

_loading: threading.Thread | None = None


def start() -> bool:
    """Start fontconfig loading its configuration on a helper thread (once); True if it was started."""
    global _loading
    if _loading is not None:
        return True
    fontconfig = linux_library(FONTCONFIG_LIBRARY)
    if fontconfig is None:
        return False
    _loading = threading.Thread(target=fontconfig.FcInit, name="fontconfig-warmup", daemon=True)
    _loading.start()
    return True


def wait() -> None:
    """Return once the configuration is loaded (at once if it was never started)."""
    if _loading is not None:
        _loading.join()
