"""`python -m kiosk.bench [--json FILE] [--quick] [--soak [MINUTES]] [--only NAMES] [--compare-chromium]`:
measure, print, compare with targets.

Start-up figures come from fresh processes; the others from the real kiosk started through
`kiosk run` in a fresh process per scenario (see `worker`). `--quick` uses fewer repetitions so
CI can run it in about a minute; its figures are noisier, and the start is not counted in
instructions under valgrind (`instructions`) unless `--only` names it. `--soak`
adds random real-X touches on a `kiosk` process in its own Xvfb (`soak`): 2,000 of them (the CI
soak, about 3 minutes), or as many as fit in MINUTES.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.bench import chromium, instructions, processes, report, scale
from kiosk.bench.soak import CI_ACTIONS


@dataclass(frozen=True)
class Plan:
    start_runs: int
    taps: int
    swipes: int
    demo_frames: int
    idle_seconds: float
    scale_sizes: tuple[int, ...]
    scale_runs: int
    navigations: int
    count_instructions: bool


FULL = Plan(7, 300, 10, 120, 10.0, (10, 100, 500), 3, 10_000, True)
QUICK = Plan(3, 100, 3, 24, 3.0, (10, 100, 500), 1, 500, False)


def _soak(minutes: float, say: Callable[[str], None]) -> dict[str, Any]:
    from kiosk.bench.soak import run_soak

    if minutes > 0:
        return run_soak(actions=None, minutes=minutes, say=say)
    return run_soak(actions=CI_ACTIONS, say=say)


def measure(
    plan: Plan,
    soak_minutes: float | None,
    say: Callable[[str], None],
    only: set[str] | None = None,
    compare_chromium: bool = False,
) -> dict[str, Any]:
    steps: list[tuple[str, Callable[[], dict[str, Any]]]] = [
        ("start", lambda: processes.start_figures(plan.start_runs)),
        ("instructions", instructions.instruction_counts),
        ("taps", lambda: processes.run_worker("taps", "--count", str(plan.taps))),
        (
            "taps_loaded",
            lambda: processes.run_worker_with_one_core_busy("taps", "--count", str(plan.taps)),
        ),
        ("slide", lambda: processes.run_worker("slide", "--count", str(plan.swipes))),
        ("demos", lambda: processes.run_worker("demos", "--count", str(plan.demo_frames))),
        ("idle", lambda: processes.run_worker("idle", "--seconds", str(plan.idle_seconds))),
        ("scale", lambda: scale.scale_figures(list(plan.scale_sizes), plan.scale_runs, plan.start_runs)),
        ("memory", lambda: processes.run_worker("memory", "--count", str(plan.navigations))),
    ]
    if not plan.count_instructions and not (only and "instructions" in only):  # a minute or two
        steps = [step for step in steps if step[0] != "instructions"]  # under valgrind
    if compare_chromium:
        steps.append(("chromium", lambda: chromium.compare(plan.scale_runs)))
    if soak_minutes is not None:
        steps.append(("soak", lambda: _soak(soak_minutes, say)))
    results: dict[str, Any] = {}
    for name, step in steps:
        if only is not None and name not in only:
            continue
        say(f"measuring {name} ...")
        began = time.perf_counter()
        try:
            results[name] = step()
        except Exception as error:  # one broken scenario must not hide the others' figures
            results[name] = {"error": f"{type(error).__name__}: {error}"}
        results[name]["took_s"] = round(time.perf_counter() - began, 1)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kiosk.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the report as JSON")
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (about a minute)")
    parser.add_argument(
        "--soak",
        type=float,
        nargs="?",
        const=0.0,
        metavar="MINUTES",
        help=f"also run random real-X touches: {CI_ACTIONS:,} of them, or for MINUTES",
    )
    parser.add_argument(
        "--only", metavar="NAMES", help="only these sections, comma-separated (e.g. soak or taps,slide)"
    )
    parser.add_argument(
        "--compare-chromium",
        action="store_true",
        help="also start Chromium in kiosk mode on the same pack page (skipped without a chromium binary)",
    )
    args = parser.parse_args(argv)
    only = {name.strip() for name in args.only.split(",")} if args.only else None
    plan = QUICK if args.quick else FULL

    def say(text: str) -> None:
        print(text, file=sys.stderr, flush=True)

    began = time.perf_counter()
    results = measure(plan, args.soak, say, only, args.compare_chromium)
    results["machine"] = {
        "platform": processes.platform_name(),
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "system": platform.platform(),
        "quick": args.quick,
        "when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "took_s": round(time.perf_counter() - began, 1),
    }
    report.add_derived(results)
    results["verdicts"] = report.verdicts(results)
    print(report.table(results))
    print(
        f"({results['machine']['platform']}, {'quick' if args.quick else 'full'} run, "
        f"{results['machine']['took_s']} s)"
    )
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    failed = [name for name, part in results.items() if isinstance(part, dict) and "error" in part]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
