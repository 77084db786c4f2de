"""Before Qt starts: is there a display to show the kiosk on?

Without one, Qt's xcb and wayland plugins end the process with `abort()`: a core dump, no clear
message, and under `Restart=always` another one every few seconds. This check asks what those
plugins need, so `kiosk run` can instead say what is missing and exit with status 1:
- X11: the `DISPLAY` variable, and for a local display a connection made the way Qt's xcb plugin
  makes it, through libxcb (the library the plugin itself loads). So a server that refuses this
  user (no `XAUTHORITY` cookie) is caught as well as one that is not running, and the check costs
  no more than the connection: not Python's `socket` module, whose enums take longer to build
  than the connection takes to make.
- Wayland: the `WAYLAND_DISPLAY` variable and the compositor's socket file.
Platforms that need no display server (offscreen, eglfs, linuxfb, vnc ...) always pass.
"""

from __future__ import annotations

import ctypes
import os
import re
import sys
from collections.abc import Mapping
from pathlib import Path

from kiosk.session.native_library import linux_library

XCB_LIBRARY = "libxcb.so.1"
"""The X client library Qt's xcb plugin links to, by its stable soname."""

_XCB_ERRORS = {
    1: "none is running there, or it refuses this user (check XAUTHORITY)",
    2: "it lacks a required extension",
    3: "out of memory",
    4: "a request was too long",
    5: "the display name could not be parsed",
    6: "it has no such screen",
}
"""`xcb_connection_has_error` codes (xcb.h), as a reason a member of staff can act on."""


def _x_display_problem(env: Mapping[str, str]) -> str | None:
    display = env.get("DISPLAY", "")
    if not display:
        return "DISPLAY is not set"
    match = re.fullmatch(r"(?P<host>[^:]*):(?P<number>\d+)(\.\d+)?", display)
    if match is None:
        return f"DISPLAY={display!r} is not a display name like ':0'"
    host = match.group("host")
    if host and host != "unix":
        return None  # over the network a connection can wait minutes: Qt's own attempt will tell
    error = _xcb_connection_error(display)
    if error is None:
        return f"the X client library {XCB_LIBRARY} is not installed"
    if error:
        return f"no X server accepts a connection on DISPLAY={display}: " + _XCB_ERRORS.get(
            error, f"libxcb error {error}"
        )
    return None


def _xcb_connection_error(display: str) -> int | None:
    """libxcb's error code for a connection to `display` (0: it connected), or None without libxcb.

    The connection is closed again at once; Qt makes its own."""
    xcb = linux_library(XCB_LIBRARY)
    if xcb is None:
        return None
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = (ctypes.c_char_p, ctypes.c_void_p)
    xcb.xcb_connection_has_error.argtypes = (ctypes.c_void_p,)
    xcb.xcb_disconnect.argtypes = (ctypes.c_void_p,)
    # Never NULL: on failure libxcb hands back a static connection that only carries the error,
    # and xcb_disconnect knows to leave that one alone.
    connection = xcb.xcb_connect(os.fsencode(display), None)
    try:
        return int(xcb.xcb_connection_has_error(connection))
    finally:
        xcb.xcb_disconnect(connection)


def _wayland_display_problem(env: Mapping[str, str]) -> str | None:
    if env.get("WAYLAND_SOCKET"):
        return None
    name = env.get("WAYLAND_DISPLAY", "")
    if not name:
        return "WAYLAND_DISPLAY is not set"
    path = Path(name) if name.startswith("/") else Path(env.get("XDG_RUNTIME_DIR", "")) / name
    if not path.is_socket():
        return f"no Wayland compositor socket at {path}"
    return None


def display_problem(environ: Mapping[str, str] | None = None, platform: str = sys.platform) -> str | None:
    """Why Qt could not open a window here, or None when it can (or when only Qt can tell)."""
    env = os.environ if environ is None else environ
    if not platform.startswith("linux"):
        return None
    requested = [p.strip().split(":")[0] for p in env.get("QT_QPA_PLATFORM", "").split(";") if p.strip()]
    if not requested:  # Qt's own choice: Wayland in a Wayland session, else X11
        requested = ["wayland", "xcb"] if env.get("WAYLAND_DISPLAY") else ["xcb"]
    problems = []
    for name in requested:
        if name == "xcb":
            problem = _x_display_problem(env)
        elif name.startswith("wayland"):
            problem = _wayland_display_problem(env)
        else:
            return None  # offscreen, eglfs, linuxfb, vnc, minimal ...: nothing to connect to
        if problem is None:
            return None
        problems.append(f"{name}: {problem}")
    return "; ".join(problems)
