"""Run one in-process scenario in a fresh kiosk and print `RESULT <json>`.

    python -m kiosk.bench.worker taps|slide|idle|memory|demos [--count N] [--seconds S]

A fresh process per scenario keeps one from colouring another (memory above all).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from kiosk.bench import demos, idle, interaction
from kiosk.bench.harness import Kiosk, run_in_kiosk


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m kiosk.bench.worker")
    parser.add_argument("scenario", choices=["taps", "slide", "idle", "memory", "demos"])
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=10.0)
    args = parser.parse_args(argv)
    in_kiosk = {
        "taps": lambda kiosk: interaction.tap_latency(kiosk, args.count),
        "slide": lambda kiosk: interaction.page_slide(kiosk, args.count),
        "idle": lambda kiosk: idle.idle_cost(kiosk, args.seconds),
        "memory": lambda kiosk: interaction.memory_growth(kiosk, args.count),
    }
    result: dict[str, Any]
    if args.scenario == "demos":
        result = demos.demo_frames(args.count)
    else:
        scenario: Any = in_kiosk[args.scenario]

        def measure(kiosk: Kiosk) -> dict[str, Any]:
            figures: dict[str, Any] = scenario(kiosk)
            return figures

        result = run_in_kiosk(measure)
    print("RESULT " + json.dumps(result), flush=True)
    return 1 if "error" in result else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
