"""Fresh processes: start-up to the first painted frame, `kiosk validate`, and scenario workers.

Children run on the same Qt platform as the bench: the X server when DISPLAY is set, else the
offscreen platform with a 1920x1080 screen (so "fullscreen" means the size a kiosk has).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

_SCREEN = {
    "screens": [
        {
            "name": "bench",
            "x": 0,
            "y": 0,
            "width": 1920,
            "height": 1080,
            "logicalDpi": 96,
            "logicalBaseDpi": 96,
            "dpr": 1,
        }
    ]
}


SPEECH_DEFAULT = "none"
"""Read aloud is left out unless KIOSK_SPEECH says otherwise: the system speech engine's start
depends on the machine's speech-dispatcher (on some machines it blocks for minutes)."""


def child_environment() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("KIOSK_SPEECH", SPEECH_DEFAULT)
    if env.get("DISPLAY"):
        env["QT_QPA_PLATFORM"] = "xcb"
    else:
        config = Path(tempfile.gettempdir()) / "kiosk-bench-screen.json"
        config.write_text(json.dumps(_SCREEN), encoding="utf-8")
        env["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    return env


def platform_name() -> str:
    display = os.environ.get("DISPLAY")
    where = f"xcb (DISPLAY={display})" if display else "offscreen 1920x1080"
    return f"{where}, speech {os.environ.get('KIOSK_SPEECH', SPEECH_DEFAULT)}"


def first_paint_ms(mode: str, extra: list[str] | None = None, timeout_s: float = 120) -> float:
    """Milliseconds from spawning a probe process to its first painted frame."""
    command = [sys.executable, "-m", "kiosk.bench.probe", mode, *(extra or [])]
    spawned = time.time_ns()
    done = subprocess.run(command, capture_output=True, text=True, timeout=timeout_s, env=child_environment())
    for line in done.stdout.splitlines():
        if line.startswith("FIRST_PAINT "):
            return (int(line.split()[1]) - spawned) / 1e6
    raise RuntimeError(f"probe {mode} painted nothing (exit {done.returncode}): {done.stderr[-800:]}")


def start_figures(runs: int, pack: Path | None = None) -> dict[str, Any]:
    """Median first-frame time of the kiosk and of the bare floor, alternating, and their ratio."""
    extra = ["--pack", str(pack)] if pack else []
    app_times, floor_times = [], []
    first_paint_ms("floor")  # warm the disk cache once, so the first run is not an outlier
    for _ in range(runs):
        floor_times.append(first_paint_ms("floor"))
        app_times.append(first_paint_ms("app", extra))
    app, floor = statistics.median(app_times), statistics.median(floor_times)
    return {
        "runs": runs,
        "app_ms": round(app, 1),
        "floor_ms": round(floor, 1),
        "ratio": round(app / floor, 2),
        "app_runs_ms": [round(t, 1) for t in app_times],
    }


def validate_ms(pack: Path) -> float:
    """Milliseconds for a fresh `kiosk validate PACK` process; it must report the pack as valid."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "kiosk", "validate", str(pack)],
        capture_output=True,
        text=True,
        timeout=300,
        env=child_environment(),
    )
    elapsed = (time.perf_counter() - start) * 1000
    if done.returncode != 0:
        raise RuntimeError(f"kiosk validate {pack} failed ({done.returncode}): {done.stdout[-800:]}")
    return elapsed


def run_worker(scenario: str, *options: str, timeout_s: float = 3600) -> dict[str, Any]:
    """Run one in-process scenario (see `kiosk.bench.worker`) in a fresh kiosk process."""
    command = [sys.executable, "-m", "kiosk.bench.worker", scenario, *options]
    done = subprocess.run(command, capture_output=True, text=True, timeout=timeout_s, env=child_environment())
    for line in done.stdout.splitlines():
        if line.startswith("RESULT "):
            result: dict[str, Any] = json.loads(line[len("RESULT ") :])
            return result
    return {"error": f"worker {scenario} exited {done.returncode}: {done.stderr[-1500:]}"}
