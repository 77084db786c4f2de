"""Before Qt starts: is there a display to show the kiosk on?

Without one, Qt's xcb and wayland plugins end the process with `abort()`: a core dump, no clear
message, and under `Restart=always` another one every few seconds. This check looks at the same
things those plugins need (the `DISPLAY` or `WAYLAND_DISPLAY` variable, and for a local display
its socket), so `kiosk run` can instead say what is missing and exit with status 1.
Platforms that need no display server (offscreen, eglfs, linuxfb, vnc ...) always pass.
"""

from __future__ import annotations

import os
import re
import socket
import sys
from collections.abc import Mapping
from pathlib import Path

X11_SOCKET_DIR = Path("/tmp/.X11-unix")


def _x_display_problem(env: Mapping[str, str]) -> str | None:
    display = env.get("DISPLAY", "")
    if not display:
        return "DISPLAY is not set"
    match = re.fullmatch(r"(?P<host>[^:]*):(?P<number>\d+)(\.\d+)?", display)
    if match is None:
        return f"DISPLAY={display!r} is not a display name like ':0'"
    host = match.group("host")
    if host and host != "unix":
        return None  # a display over the network: only connecting can tell
    name = str(X11_SOCKET_DIR / f"X{match.group('number')}")
    for address in (name, "\0" + name):  # the file socket, or Linux's abstract one
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
                probe.settimeout(2.0)
                probe.connect(address)
                return None
        except OSError:
            continue
    return f"no X server answers on DISPLAY={display}"


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
