"""The start to the first frame counted in instructions, beside its wall time.

Wall times on a shared machine swing by a quarter from one run to the next (the bare floor has
measured 116 ms and 184 ms on the same machine on the same day), so a change of a few milliseconds
is lost in them. `valgrind --tool=callgrind` counts the instructions a process executes: the same
start gives the same count run after run, whatever else the machine is doing. Here the kiosk and
the bare floor are each started once under it (`probe` with `KIOSK_PROBE_EXIT_AT_FIRST_FRAME`,
which ends the kiosk at its first frame, the start screen from its record) and their counts and
ratio reported. The count leaves out what does not run on the CPU in the process itself (reading
files, waiting for the display server), so it tells where the kiosk's own work goes, not how long
a patient waits; the wall-time figures say that. Skipped where valgrind is not installed.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from typing import Any

from kiosk.bench.processes import FILL_LINGER_MS, child_environment, probe_start

EXIT_AT_FIRST_FRAME = "KIOSK_PROBE_EXIT_AT_FIRST_FRAME"
TIMEOUT_S = 900


def instruction_counts() -> dict[str, Any]:
    """Millions of instructions to the first frame of the kiosk and of the floor, and their ratio."""
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        return {"skipped": "valgrind is not installed"}
    probe_start("app", linger_ms=FILL_LINGER_MS)  # its start screen's record, as a kiosk has one
    app, floor = _count(valgrind, "app"), _count(valgrind, "floor")
    return {
        "app_million": round(app / 1e6, 1),
        "floor_million": round(floor / 1e6, 1),
        "ratio": round(app / floor, 3),
    }


def start_count(extra: list[str]) -> int | None:
    """Instructions of one `kiosk run` with `extra` options to its first frame; None without
    valgrind (`scale` counts a small and a large pack with it)."""
    valgrind = shutil.which("valgrind")
    return _count(valgrind, "app", extra) if valgrind is not None else None


def _count(valgrind: str, mode: str, extra: list[str] | None = None) -> int:
    command = [
        valgrind,
        "--tool=callgrind",
        "--callgrind-out-file=/dev/null",
        sys.executable,
        "-m",
        "kiosk.bench.probe",
        mode,
        *(extra or []),
    ]
    environment = {**child_environment(), EXIT_AT_FIRST_FRAME: "1"}
    done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_S, env=environment)
    if "FIRST_PAINT" not in done.stdout:
        raise RuntimeError(f"probe {mode} under valgrind painted nothing: {done.stderr[-800:]}")
    return collected(done.stderr)


def collected(valgrind_output: str) -> int:
    """The instructions valgrind counted for the process it started. A process that one forks
    (Qt starts a D-Bus helper) is counted too, on its own line, and is not the start."""
    started = re.search(r"^==(\d+)== Command:", valgrind_output, re.MULTILINE)
    if started is None:
        raise ValueError("no process started under valgrind")
    count = re.search(rf"^=={started.group(1)}== Collected : (\d+)$", valgrind_output, re.MULTILINE)
    if count is None:
        raise ValueError(f"no count for process {started.group(1)}")
    return int(count.group(1))
