"""The soak: thousands of random touches on the real kiosk in a real X server, like a busy week.

A fresh Xvfb and a fresh `kiosk` process (`xsession`); `xdotool` then presses the X pointer like a
finger: taps (mostly on what the kiosk lists as tappable on the current screen, some anywhere),
fast horizontal swipes and vertical drags, 20-50 ms apart, so a finger often lands while a page
slide is still running. Every screen is reached: the attract screen, Home, topics, every kind of
page, the text size, contrast, language and read-aloud controls. The figures that matter:
exceptions and front-desk screens in the kiosk's log (both must be 0), and the process alive at
the end. `tests/e2e/test_soak.py` runs 2,000 actions in CI; `python -m kiosk.bench --soak [MIN]`
reports the same figures.
"""

from __future__ import annotations

import random
import re
import subprocess
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

from kiosk.bench.xsession import HEIGHT, WIDTH, KioskUnderX, kiosk_under_x, require
from kiosk.ui.crash import FRONT_DESK_LOG

CI_ACTIONS = 2000
NOT_TAPPED = {"SetupQuit", "staff", "staff-entry"}
"""Tappables the soak leaves alone: they lead out of kiosk mode, not to a patient's screen."""
LOGGED_ERROR = re.compile(r"\b(ERROR|CRITICAL) [\w.]+: ")
"""A log record at ERROR or above (PySide6 may print its own text in front of it on the line)."""
TRACEBACK = "Traceback (most recent call last)"
STEP_S = 0.012
"""Time between pointer moves in a swipe or drag (a touchscreen reports at 60-120 Hz)."""


Step = tuple[str, ...]
"""One pointer step: ("move", x, y), ("down",), ("up",) or ("wait", seconds)."""


def _glide(start: tuple[int, int], end: tuple[int, int], seconds: float) -> list[Step]:
    """Press at `start`, move to `end` over `seconds`, release."""
    steps = max(2, round(seconds / STEP_S))
    path: list[Step] = [("move", str(start[0]), str(start[1])), ("down",)]
    for step in range(1, steps + 1):
        x = start[0] + (end[0] - start[0]) * step // steps
        y = start[1] + (end[1] - start[1]) * step // steps
        path += [("wait", str(seconds / steps)), ("move", str(x), str(y))]
    return [*path, ("up",)]


def _clamp(value: int, high: int) -> int:
    return max(0, min(high - 1, value))


def random_action(rng: random.Random, tappables: dict[str, tuple[int, int]]) -> tuple[str, list[Step]]:
    """(kind, pointer steps) of one random touch on a screen with these tappables."""
    roll = rng.random()
    if roll < 0.55:
        targets = [point for name, point in tappables.items() if name not in NOT_TAPPED]
        if targets and rng.random() < 0.8:
            x, y = rng.choice(targets)
        else:
            x, y = rng.randrange(WIDTH), rng.randrange(HEIGHT)
        return "tap", [("move", str(x), str(y)), ("down",), ("up",)]
    y = rng.randrange(HEIGHT // 6, HEIGHT)
    x = rng.randrange(WIDTH)
    if roll < 0.8:
        distance = rng.randint(250, 1200) * rng.choice((1, -1))
        end = (_clamp(x + distance, WIDTH), y)
        return "swipe", _glide((x, y), end, rng.uniform(0.03, 0.08))
    distance = rng.randint(80, 500) * rng.choice((1, -1))
    end = (x, _clamp(y + distance, HEIGHT))
    return "drag", _glide((x, y), end, rng.uniform(0.04, 0.13))


class Pointer:
    """The X pointer as a finger: one `xdotool -` process reading commands from a pipe (a new
    xdotool per step would cost more than the 20-50 ms between touches)."""

    def __init__(self, env: dict[str, str]) -> None:
        self.process = subprocess.Popen(
            [require("xdotool"), "-"],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
            text=True,
        )

    def perform(self, steps: list[Step]) -> None:
        stdin = self.process.stdin
        assert stdin is not None
        for step in steps:
            if step[0] == "wait":
                time.sleep(float(step[1]))
            elif step[0] == "move":
                stdin.write(f"mousemove {step[1]} {step[2]}\n")
            else:
                stdin.write(f"mouse{step[0]} 1\n")
            stdin.flush()

    def close(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def printable(line: str) -> str:
    """A log line safe to print to a terminal: control characters and non-ASCII escaped."""
    return line.encode("ascii", "backslashreplace").decode("ascii").replace("\x1b", "\\x1b")


def figures_from_log(lines: list[str]) -> dict[str, Any]:
    """Exceptions (tracebacks), errors logged, front-desk screens and the screens seen."""
    tracebacks = [i for i, line in enumerate(lines) if TRACEBACK in line]
    errors = [line for line in lines if LOGGED_ERROR.search(line)]
    front_desk = [line for line in lines if FRONT_DESK_LOG in line]
    routes = [line.rsplit("route: ", 1)[1] for line in lines if "route: " in line]
    problems = errors[:3] + [lines[i + 1] if i + 1 < len(lines) else "" for i in tracebacks[:2]]
    return {
        "exceptions": len(tracebacks),
        "logged_errors": len(errors),
        "front_desk_screens": len(front_desk),
        "screens_seen": len(set(routes)),
        "screen_kinds": sorted({route.split("/", 1)[0] for route in routes}),
        "first_problems": [printable(line) for line in problems],
    }


def drive(
    kiosk: KioskUnderX,
    rng: random.Random,
    actions: int | None,
    deadline: float | None,
    done_before: int = 0,
) -> Counter[str]:
    """Random touches until `actions` in all (counting `done_before`) are done or `deadline`
    (monotonic) passes, or the kiosk ends."""
    done: Counter[str] = Counter()
    pointer = Pointer(kiosk.env)
    try:
        while kiosk.alive:
            if actions is not None and done_before + done.total() >= actions:
                break
            if deadline is not None and time.monotonic() >= deadline:
                break
            _routes, tappables = kiosk.snapshot()
            kind, steps = random_action(rng, tappables)
            pointer.perform(steps)
            done[kind] += 1
            time.sleep(rng.uniform(0.02, 0.05))
    finally:
        pointer.close()
    return done


def run_soak(
    actions: int | None = CI_ACTIONS,
    minutes: float | None = None,
    seed: int = 9,
    say: Callable[[str], None] = lambda _text: None,
) -> dict[str, Any]:
    """Run the soak for `actions` touches (or for `minutes`) and return its figures."""
    rng = random.Random(seed)
    began = time.monotonic()
    with kiosk_under_x() as kiosk:
        kiosk.wait_for_route("attract")
        pss_start = kiosk.pss_mb()
        say(f"soak: kiosk up on {kiosk.display}; touching ...")
        # In two halves, with PSS read in between: caches filling show in the first half, a leak
        # in both. A kiosk runs for months, so the second half's growth is the figure to watch.
        halves: list[tuple[int | None, float | None]]
        if minutes is None:
            halves = [(None if actions is None else actions // 2, None), (actions, None)]
        else:
            halfway, deadline = time.monotonic() + minutes * 30, time.monotonic() + minutes * 60
            halves = [(None, halfway), (None, deadline)]
        done = drive(kiosk, rng, *halves[0])
        pss_halfway = kiosk.pss_mb()
        done += drive(kiosk, rng, *halves[1], done_before=done.total())
        time.sleep(3)  # the kiosk works through touches still queued in the X server
        alive = kiosk.alive
        pss_end = kiosk.pss_mb()
        status = kiosk.stop()
        lines = kiosk.lines()
    return {
        "actions": done.total(),
        "taps": done["tap"],
        "swipes": done["swipe"],
        "drags": done["drag"],
        "seconds": round(time.monotonic() - began, 1),
        **figures_from_log(lines),
        "alive_at_end": alive,
        "exit_status": status,
        "pss_start_mb": pss_start,
        "pss_end_mb": pss_end,
        "growth_mb": round(pss_end - pss_start, 1),
        "pss_halfway_mb": pss_halfway,
        "growth_second_half_mb": round(pss_end - pss_halfway, 1),
    }
