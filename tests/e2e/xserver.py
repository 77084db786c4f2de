"""A fresh Xvfb server for tests that run the real kiosk process, and the tools they drive it with."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

WIDTH, HEIGHT = 1920, 1080


def require(tool: str) -> str:
    found = shutil.which(tool)
    if found is None:
        pytest.fail(f"{tool} is not installed; run scripts/setup.sh")
    return found


@contextmanager
def xvfb(width: int = WIDTH, height: int = HEIGHT, auth: Path | None = None) -> Iterator[str]:
    """A fresh Xvfb server; its display number comes back through -displayfd. With `auth` (an
    Xauthority file), only clients holding a cookie from that file may connect."""
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        [
            require("Xvfb"),
            "-displayfd",
            str(write_end),
            "-screen",
            "0",
            f"{width}x{height}x24",
            "-nolisten",
            "tcp",
            *(["-auth", str(auth)] if auth is not None else []),
        ],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    with os.fdopen(read_end) as pipe:
        number = pipe.readline().strip()
    if not number:
        server.kill()
        pytest.fail("Xvfb did not start")
    try:
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)
