"""An X server that will not let the kiosk's user in: a clear message and status 1, not Qt's abort.

Such a server is running and its socket answers, so only a real connection (the one Qt's xcb
plugin would make, with the user's `XAUTHORITY` cookie) can tell. A kiosk service started without
the display manager's cookie is a common way to get here."""

from __future__ import annotations

import os
import secrets
import struct
import subprocess
import sys
from pathlib import Path

import pytest
from xserver import xvfb

from kiosk.commands.display_check import display_problem

pytestmark = pytest.mark.e2e

FAMILY_WILD = 0xFFFF
"""An Xauthority entry for any address; with an empty display number it matches every display."""


def cookie_file(path: Path) -> Path:
    """An Xauthority file with one MIT-MAGIC-COOKIE-1 entry (libXau's binary format)."""

    def counted(data: bytes) -> bytes:
        return struct.pack(">H", len(data)) + data

    entry = struct.pack(">H", FAMILY_WILD) + counted(b"") + counted(b"")
    entry += counted(b"MIT-MAGIC-COOKIE-1") + counted(secrets.token_bytes(16))
    path.write_bytes(entry)
    return path


def test_a_server_that_refuses_this_user_is_said_and_exits_1(tmp_path: Path) -> None:
    cookies = cookie_file(tmp_path / "server.xauth")
    no_cookie = tmp_path / "empty.xauth"
    no_cookie.write_bytes(b"")
    with xvfb(auth=cookies) as display:
        env = {k: v for k, v in os.environ.items() if k not in ("WAYLAND_DISPLAY",)}
        env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb", XAUTHORITY=str(no_cookie))
        for name in ("config", "data", "log"):
            env[f"KIOSK_{name.upper()}_DIR"] = str(tmp_path / name)
        done = subprocess.run(
            [sys.executable, "-m", "kiosk", "run"],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    assert done.returncode == 1, done.stderr  # not -6: Qt's "could not connect to display" abort
    assert f"no X server accepts a connection on DISPLAY={display}" in done.stderr
    assert "check XAUTHORITY" in done.stderr
    assert "could not connect to display" not in done.stderr


def test_the_same_server_passes_with_its_cookie(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cookies = cookie_file(tmp_path / "server.xauth")
    with xvfb(auth=cookies) as display:
        env = {"DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
        monkeypatch.setenv("XAUTHORITY", str(cookies))
        assert display_problem(env, "linux") is None
        monkeypatch.setenv("XAUTHORITY", str(tmp_path / "missing.xauth"))
        assert "refuses this user" in str(display_problem(env, "linux"))
