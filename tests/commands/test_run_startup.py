"""Start-up faults end clearly: a real `kiosk run` process, with no display or with pipes for files."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kiosk.commands import display_check
from kiosk.commands.display_check import display_problem

START_SECONDS = 60


def kiosk_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    for name in ("config", "data", "log"):
        env[f"KIOSK_{name.upper()}_DIR"] = str(tmp_path / name)
    env.update(extra)
    return env


def run_kiosk(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kiosk", "run", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=START_SECONDS,
        check=False,
    )


@pytest.mark.parametrize("platform", ["xcb", ""])
def test_no_display_is_a_clear_message_and_status_1_not_an_abort(tmp_path: Path, platform: str) -> None:
    env = kiosk_env(tmp_path, **({"QT_QPA_PLATFORM": platform} if platform else {}))
    done = run_kiosk(env)
    assert done.returncode == 1, done.stderr  # not -6 (SIGABRT, a core dump every restart)
    assert "no display to show the kiosk on" in done.stderr and "DISPLAY is not set" in done.stderr
    assert "Aborted" not in done.stderr and "could not connect to display" not in done.stderr


def test_a_display_nobody_serves_is_refused_too(tmp_path: Path) -> None:
    done = run_kiosk(kiosk_env(tmp_path, QT_QPA_PLATFORM="xcb", DISPLAY=":93"))
    assert done.returncode == 1, done.stderr
    assert "no X server accepts a connection on DISPLAY=:93: none is running there" in done.stderr


def test_without_the_x_client_library_the_check_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(display_check, "XCB_LIBRARY", "libxcb-absent.so.1")
    problem = display_problem({"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":0"}, "linux")
    assert problem == "xcb: the X client library libxcb-absent.so.1 is not installed"


def test_display_check_knows_which_platforms_need_no_server(tmp_path: Path) -> None:
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert display_problem({"QT_QPA_PLATFORM": "eglfs"}, "linux") is None
    assert display_problem({}, "win32") is None
    wayland = {"QT_QPA_PLATFORM": "wayland", "WAYLAND_DISPLAY": "wayland-9", "XDG_RUNTIME_DIR": str(tmp_path)}
    assert "no Wayland compositor socket" in str(display_problem(wayland, "linux"))


def test_pipes_in_place_of_the_settings_lockout_and_database_never_hang_start_up(tmp_path: Path) -> None:
    """A named pipe blocks whoever opens it to read; each is refused at once with an ERROR line, and
    the kiosk still starts (seen by its `kiosk ready` line) and stops cleanly on SIGTERM."""
    env = kiosk_env(tmp_path, QT_QPA_PLATFORM="offscreen")
    for folder, name in [("config", "kiosk.toml"), ("data", "pin-lockout.json"), ("data", "usage.sqlite3")]:
        (tmp_path / folder).mkdir(exist_ok=True)
        os.mkfifo(tmp_path / folder / name)
    process = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "run"], env=env, stderr=subprocess.PIPE, text=True
    )
    assert process.stderr is not None
    lines: list[str] = []
    deadline = time.monotonic() + START_SECONDS
    try:
        while time.monotonic() < deadline:
            line = process.stderr.readline()
            if not line:
                break
            lines.append(line)
            if "kiosk ready" in line:
                break
        assert any("kiosk ready" in line for line in lines), "".join(lines)
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=START_SECONDS) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    errors = [line for line in lines if " ERROR " in line]
    assert any("settings file refused" in e and "kiosk.toml is a named pipe" in e for e in errors), lines
    assert any("PIN lockout file refused" in e and "pin-lockout.json is a named pipe" in e for e in errors)
    assert any("usage database refused" in e and "usage.sqlite3 is a named pipe" in e for e in errors)
