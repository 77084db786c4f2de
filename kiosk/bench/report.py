"""Targets, and the table that puts each figure next to its target.

Targets are reported, never asserted: a miss is printed as MISS so a person can look into it.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from kiosk.bench.probe import LATER_STAGES, STAGES


@dataclass(frozen=True)
class Row:
    label: str
    path: tuple[str, ...]
    unit: str = ""
    target: str = ""
    passes: Callable[[float, dict[str, Any]], bool] | None = None


def _stray_timer_events(idle: dict[str, Any]) -> float:
    """Timer events on a static page that are not the idle timer (receiver named *idle*)."""
    timers: dict[str, int] = idle.get("timers", {})
    return float(sum(count for name, count in timers.items() if "idle" not in name.lower()))


VALIDATE_BUNDLED_BUDGET_MS = 5000
VALIDATE_LARGEST_BUDGET_MS = 30000
"""Time budgets for a fresh `kiosk validate` (500 pages with the full plan): staff wait for it."""

ROWS = [
    Row("Start: kiosk to first frame (start screen)", ("start", "app_ms"), "ms"),
    Row("Start: kiosk window up, takes taps", ("start", "ready_ms"), "ms"),
    Row("Start: after a pack change (full check)", ("start", "app_full_check_ms"), "ms"),
    Row("Start: bare PySide6 floor", ("start", "floor_ms"), "ms"),
    Row("Start: kiosk / floor", ("start", "ratio"), "x", "<= 1.5", lambda v, _: v <= 1.5),
    Row("Start in instructions: kiosk", ("instructions", "app_million"), "M"),
    Row("Start in instructions: bare floor", ("instructions", "floor_million"), "M"),
    Row("Start in instructions: kiosk / floor", ("instructions", "ratio"), "x"),
    *[
        Row(f"Start stage: {label}", ("start", "stages_ms", label), "ms")
        for label in [stage[0] for stage in STAGES] + ["other"]
    ],
    *[
        Row(f"Start stage: {label}", ("start", "later_stages_ms", label), "ms")
        for label in [stage[0] for stage in LATER_STAGES] + ["then: other"]
    ],
    Row("Tap to paint: median", ("taps", "all", "median"), "ms"),
    Row("Tap to paint: p95", ("taps", "all", "p95"), "ms", "<= 50", lambda v, _: v <= 50),
    Row("Tap to paint: p95 tiles", ("taps", "tile", "p95"), "ms"),
    Row("Tap to paint: p95 Next", ("taps", "next", "p95"), "ms"),
    Row("Tap, one core busy: median", ("taps_loaded", "all", "median"), "ms"),
    Row("Tap, one core busy: p95", ("taps_loaded", "all", "p95"), "ms", "<= 50", lambda v, _: v <= 50),
    Row("Tap, one core busy: p95 tiles", ("taps_loaded", "tile", "p95"), "ms"),
    Row("Tap, one core busy: p95 Next", ("taps_loaded", "next", "p95"), "ms"),
    Row("Page slide frame: median", ("slide", "frames", "median"), "ms"),
    Row("Page slide frame: p95", ("slide", "frames", "p95"), "ms", "<= 16.7", lambda v, _: v <= 16.7),
    Row("Page slide frame: max", ("slide", "frames", "max"), "ms"),
    Row("Page slide: last frame (new screen)", ("slide", "settle_frame", "median"), "ms"),
    Row("Demo frame 1920x1080: worst p95", ("demos", "worst_p95"), "ms", "<= 8", lambda v, _: v <= 8),
    Row("Idle page: timer events", ("idle", "page", "timer_events"), ""),
    Row("Idle page: non-idle timer events", ("idle", "page", "stray"), "", "0", lambda v, _: v == 0),
    Row("Idle page: CPU seconds", ("idle", "page", "cpu_seconds"), "s"),
    Row("Idle attract: timer events", ("idle", "attract", "timer_events"), ""),
    Row("Idle attract: CPU seconds", ("idle", "attract", "cpu_seconds"), "s"),
    Row(
        "Scale: start 500 / 10 pages", ("scale", "start_growth"), "x", "<= 1.2 (flat)", lambda v, _: v <= 1.2
    ),
    Row("Scale: start 500 / 10 in instructions", ("scale", "start_instructions_growth"), "x"),
    Row("Scale: start after a change 500 / 10", ("scale", "start_full_check_growth"), "x"),
    Row("Scale: validate 500 / 10 pages", ("scale", "validate_growth"), "x"),
    Row(
        "Validate: bundled pack",
        ("scale", "validate_bundled_ms"),
        "ms",
        "<= 5000",
        lambda v, _: v <= VALIDATE_BUNDLED_BUDGET_MS,
    ),
    Row(
        "Validate: largest generated pack",
        ("scale", "validate_largest_ms"),
        "ms",
        "<= 30000",
        lambda v, _: v <= VALIDATE_LARGEST_BUDGET_MS,
    ),
    Row("Memory: PSS after start", ("memory", "pss_after_start_mb"), "MB"),
    Row("Memory: PSS after navigations", ("memory", "pss_after_mb"), "MB"),
    Row("Memory: PSS growth", ("memory", "growth_mb"), "MB", "<= 10", lambda v, _: v <= 10),
    Row("Memory: PSS growth after warm-up", ("memory", "growth_after_warmup_mb"), "MB"),
    Row("Memory: PSS growth, after the idle reset", ("memory", "growth_after_idle_reset_mb"), "MB"),
    Row("Memory: private growth", ("memory", "private_growth_mb"), "MB"),
    Row("Memory: anonymous growth", ("memory", "anon_growth_mb"), "MB"),
    Row("Memory: anonymous growth after warm-up", ("memory", "anon_growth_after_warmup_mb"), "MB"),
    Row("Memory: anonymous growth, after the reset", ("memory", "anon_growth_after_idle_reset_mb"), "MB"),
    Row("Memory: C heap in use after start", ("memory", "heap_after_start_mb"), "MB"),
    Row("Memory: C heap growth", ("memory", "heap_growth_mb"), "MB"),
    Row("Memory: C heap growth after warm-up", ("memory", "heap_growth_after_warmup_mb"), "MB"),
    Row("Chromium kiosk: first frame", ("chromium", "chromium_first_frame_ms"), "ms"),
    Row("Kiosk beside it: first frame", ("chromium", "kiosk_first_frame_ms"), "ms"),
    Row(
        "First frame: kiosk / Chromium",
        ("chromium", "first_frame_ratio"),
        "x",
        "< 1",
        lambda v, _: v < 1,
    ),
    Row("Chromium kiosk: settled PSS, all", ("chromium", "chromium_pss_mb"), "MB"),
    Row("Kiosk beside it: settled PSS, all", ("chromium", "kiosk_pss_mb"), "MB"),
    Row("Settled PSS: kiosk / Chromium", ("chromium", "pss_ratio"), "x", "<= 0.35", lambda v, _: v <= 0.35),
    Row("Soak: touches (real X)", ("soak", "actions"), ""),
    Row("Soak: exceptions", ("soak", "exceptions"), "", "0", lambda v, _: v == 0),
    Row("Soak: front-desk screens", ("soak", "front_desk_screens"), "", "0", lambda v, _: v == 0),
    Row("Soak: kiosk alive at the end", ("soak", "alive_at_end"), "", "True", lambda v, _: v == 1),
    Row("Soak: logged errors", ("soak", "logged_errors"), ""),
    Row("Soak: screens seen", ("soak", "screens_seen"), ""),
    Row("Soak: took", ("soak", "seconds"), "s"),
    Row("Soak: PSS growth", ("soak", "growth_mb"), "MB"),
    Row("Soak: PSS growth, second half", ("soak", "growth_second_half_mb"), "MB"),
]


def add_derived(report: dict[str, Any]) -> None:
    """Figures computed from others (stray timers), so the JSON holds what the table shows."""
    idle = report.get("idle", {})
    for place in ("page", "attract"):
        if isinstance(idle.get(place), dict):
            idle[place]["stray"] = _stray_timer_events(idle[place])


def lookup(report: dict[str, Any], path: tuple[str, ...]) -> Any:
    value: Any = report
    for key in path:
        if not isinstance(value, dict) or key not in value:
            return None
        value = value[key]
    return value


def verdicts(report: dict[str, Any]) -> dict[str, str]:
    """Row label -> "pass" or "MISS" for every figure with a target that was measured."""
    found = {}
    for row in ROWS:
        value = lookup(report, row.path)
        if row.passes is not None and isinstance(value, int | float) and not math.isnan(value):
            found[row.label] = "pass" if row.passes(float(value), report) else "MISS"
    return found


def table(report: dict[str, Any]) -> str:
    judged = verdicts(report)
    lines = [f"{'Figure':<40} {'Value':>10} {'Unit':<4} {'Target':<14} Result", "-" * 78]
    for row in ROWS:
        value = lookup(report, row.path)
        if value is None:
            continue
        shown = f"{value:.2f}".rstrip("0").rstrip(".") if isinstance(value, float) else str(value)
        lines.append(
            f"{row.label:<40} {shown:>10} {row.unit:<4} {row.target:<14} {judged.get(row.label, '')}"
        )
    errors = {
        name: part["error"] for name, part in report.items() if isinstance(part, dict) and "error" in part
    }
    lines += [f"! {name} failed: {error}" for name, error in errors.items()]
    skipped = {
        name: part["skipped"] for name, part in report.items() if isinstance(part, dict) and "skipped" in part
    }
    lines += [f"- {name} skipped: {reason}" for name, reason in skipped.items()]
    return "\n".join(lines)
