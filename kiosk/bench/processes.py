"""Fresh processes: start-up to the first painted frame, `kiosk validate`, and scenario workers.

Children run on the same Qt platform as the bench: the X server when DISPLAY is set, else the
offscreen platform with a 1920x1080 screen (so "fullscreen" means the size a kiosk has).
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
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


BENCH_DATA_DIR = Path(tempfile.gettempdir()) / "kiosk-bench-data"
"""The kiosk's data folder for bench runs (unless KIOSK_DATA_DIR says otherwise): the bench's
page views stay out of the clinic's usage counts, and its checked-pack index out of the real one."""
BENCH_CONFIG_DIR = Path(tempfile.gettempdir()) / "kiosk-bench-config"
"""The kiosk's settings folder for bench runs (unless KIOSK_CONFIG_DIR says otherwise), holding a
settings file like a kiosk's in a waiting room: a staff PIN and the clinic's details."""
BENCH_SETTINGS = """\
# A kiosk as set up for patients (written by `python -m kiosk.bench`).
idle_seconds = 90
pin_hash = "{pin_hash}"

[clinic]
name = "Riverside Family Clinic"
phone = "555-0100"
hours = "Monday to Friday, 8 am to 6 pm"
take_home_url = "https://example.org/back-pain"

[clinic.es]
hours = "de lunes a viernes, de 8 a 18 h"

[emergency]
number = "112"
"""
FILL_LINGER_MS = 1500
"""How long the start after a pack change keeps running after its first frame: enough to fill the
icon cache, as any kiosk that has run before has filled it."""


def child_environment() -> dict[str, str]:
    env = dict(os.environ)
    # Timed as installed: pip compiles every module when it installs the wheel, so a kiosk never
    # compiles its source at start. A checkout run with PYTHONDONTWRITEBYTECODE would compile all
    # of it at every start (about 90 ms here); the kiosk's bytecode is written once instead.
    if env.pop("PYTHONDONTWRITEBYTECODE", None) is not None:
        _compile_once()
    env.setdefault("KIOSK_SPEECH", SPEECH_DEFAULT)
    env.setdefault("KIOSK_DATA_DIR", str(BENCH_DATA_DIR))
    if "KIOSK_CONFIG_DIR" not in env:
        env["KIOSK_CONFIG_DIR"] = str(_bench_settings_folder())
    if env.get("DISPLAY"):
        env["QT_QPA_PLATFORM"] = "xcb"
    else:
        config = Path(tempfile.gettempdir()) / "kiosk-bench-screen.json"
        config.write_text(json.dumps(_SCREEN), encoding="utf-8")
        env["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    return env


_COMPILED: list[bool] = []


def _compile_once() -> None:
    """The kiosk package's bytecode, as pip writes it at install (into `__pycache__`, as always)."""
    if not _COMPILED:
        import compileall

        import kiosk

        compileall.compile_dir(str(Path(kiosk.__file__).parent), quiet=1)
        _COMPILED.append(True)


def _bench_settings_folder() -> Path:
    """The bench's settings folder, its file written once (a new PIN salt each time would make
    every start check the file again, which a kiosk in use does only after staff change it)."""
    settings = BENCH_CONFIG_DIR / "kiosk.toml"
    if not settings.is_file():
        from kiosk.session.pin import hash_pin

        BENCH_CONFIG_DIR.mkdir(parents=True, exist_ok=True)
        settings.write_text(BENCH_SETTINGS.format(pin_hash=hash_pin("2580")), encoding="utf-8")
    return BENCH_CONFIG_DIR


def platform_name() -> str:
    display = os.environ.get("DISPLAY")
    where = f"xcb (DISPLAY={display})" if display else "offscreen 1920x1080"
    return f"{where}, speech {os.environ.get('KIOSK_SPEECH', SPEECH_DEFAULT)}"


def probe_start(
    mode: str, extra: list[str] | None = None, timeout_s: float = 120, linger_ms: int = 0
) -> dict[str, float]:
    """Spawn a probe process; milliseconds from the spawn to each mark it printed (`first_paint` last).

    `linger_ms`: the probe keeps running that long after its first frame (not timed), so what a
    kiosk does after its first paint, such as filling the icon cache, happens as in a clinic."""
    command = [sys.executable, "-m", "kiosk.bench.probe", mode, *(extra or [])]
    environment = {**child_environment(), "KIOSK_PROBE_LINGER_MS": str(linger_ms)}
    spawned = time.time_ns()
    done = subprocess.run(command, capture_output=True, text=True, timeout=timeout_s, env=environment)
    marks = {"spawn": 0.0}
    for line in done.stdout.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[0] == "MARK":  # a stage run twice counts from its first run
            marks.setdefault(parts[1], (int(parts[2]) - spawned) / 1e6)
        elif len(parts) == 2 and parts[0] == "FIRST_PAINT":
            marks["first_paint"] = (int(parts[1]) - spawned) / 1e6
    if "first_paint" not in marks:
        raise RuntimeError(f"probe {mode} painted nothing (exit {done.returncode}): {done.stderr[-800:]}")
    return marks


def first_paint_ms(
    mode: str, extra: list[str] | None = None, timeout_s: float = 120, linger_ms: int = 0
) -> float:
    """Milliseconds from spawning a probe process to its first painted frame."""
    return probe_start(mode, extra, timeout_s, linger_ms)["first_paint"]


def stage_medians(runs: list[dict[str, float]]) -> dict[str, float]:
    """Each stage up to the first frame (`probe.STAGES`) of the median run, in milliseconds, and
    what is left between them as `other`: taken from one run, they add up to its first frame."""
    from kiosk.bench.probe import STAGES

    return _stages(_median_run(runs), STAGES, "first_paint")


def later_stage_medians(runs: list[dict[str, float]]) -> dict[str, float]:
    """Each stage from the first frame until the kiosk takes taps (`probe.LATER_STAGES`), of the
    median run; `other` is the rest of that time (the operation layer, the lock)."""
    from kiosk.bench.probe import LATER_STAGES

    run = _median_run(runs)
    later = _stages(run, LATER_STAGES, "ready")
    later["then: other"] = round(later.pop("other") - run["first_paint"], 1)
    return later


def _median_run(runs: list[dict[str, float]]) -> dict[str, float]:
    ordered = sorted(runs, key=lambda run: run["first_paint"])
    return ordered[(len(ordered) - 1) // 2]


def _stages(run: dict[str, float], stages: list[tuple[str, str, str]], end_mark: str) -> dict[str, float]:
    found: dict[str, float] = {}
    for label, begin, end in stages:
        if begin in run and end in run:
            found[label] = round(run[end] - run[begin], 1)
    found["other"] = round(run.get(end_mark, run["first_paint"]) - sum(found.values()), 1)
    return found


def start_figures(runs: int, pack: Path | None = None) -> dict[str, Any]:
    """Median first-frame time of the kiosk and of the bare floor, alternating, their ratio, when
    the kiosk takes its first tap, and the kiosk's start-up stage by stage."""
    extra = ["--pack", str(pack)] if pack else []
    app_runs: list[dict[str, float]] = []
    floor_times: list[float] = []
    first_paint_ms("floor")  # warm the disk cache once, so the first run is not an outlier
    # The icon masks, as every kiosk has them after its first start (the first start after an
    # install waits for a helper to draw them): a pack change does not remove them.
    first_paint_ms("app", extra, linger_ms=FILL_LINGER_MS)
    # The first start after a pack changed checks it in full and writes the checked-pack index,
    # and after its first paint it records its start screen; every later start (the ones timed
    # below, as in a clinic) paints the start screen from that record first, then the kiosk
    # window from the index.
    data = Path(child_environment()["KIOSK_DATA_DIR"])
    shutil.rmtree(data / "checked-packs", ignore_errors=True)
    from kiosk.ui.first_screen_record import RECORD_NAME  # the start screen's (kiosk.ui loads Qt)

    (data / RECORD_NAME).unlink(missing_ok=True)
    full_check = first_paint_ms("app", extra, linger_ms=FILL_LINGER_MS)
    for _ in range(runs):
        floor_times.append(first_paint_ms("floor"))
        app_runs.append(probe_start("app", extra))
    app_times = [run["first_paint"] for run in app_runs]
    app, floor = statistics.median(app_times), statistics.median(floor_times)
    return {
        "runs": runs,
        "app_ms": round(app, 1),
        "ready_ms": round(statistics.median(run["ready"] for run in app_runs), 1),
        "floor_ms": round(floor, 1),
        "ratio": round(app / floor, 2),
        "app_runs_ms": [round(t, 1) for t in app_times],
        "ready_runs_ms": [round(run["ready"], 1) for run in app_runs],
        "app_full_check_ms": round(full_check, 1),
        "stages_ms": stage_medians(app_runs),
        "later_stages_ms": later_stage_medians(app_runs),
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


@contextmanager
def one_core_busy() -> Iterator[int]:
    """A second process spinning on one core (the first) for as long as the block runs, as a busy
    waiting-room PC has: an updater, an antivirus scan, a browser tab. Yields its process id."""
    spinner = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    try:
        if hasattr(os, "sched_setaffinity"):
            os.sched_setaffinity(spinner.pid, {min(os.sched_getaffinity(0))})
        yield spinner.pid
    finally:
        spinner.kill()
        spinner.wait()


def run_worker_with_one_core_busy(scenario: str, *options: str) -> dict[str, Any]:
    """`run_worker` while `one_core_busy` spins."""
    with one_core_busy():
        return run_worker(scenario, *options)
