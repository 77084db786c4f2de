"""The benchmark runs end to end and reports every section with numbers (no timing is asserted)."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

from kiosk.bench import report

REPO_ROOT = Path(__file__).resolve().parents[2]

EXPECTED_NUMBERS = [
    ("start", "app_ms"),
    ("start", "floor_ms"),
    ("start", "ratio"),
    ("taps", "all", "median"),
    ("taps", "all", "p95"),
    ("slide", "frames", "median"),
    ("slide", "frames", "p95"),
    ("slide", "frames", "max"),
    ("demos", "worst_p95"),
    ("idle", "page", "timer_events"),
    ("idle", "page", "cpu_seconds"),
    ("scale", "pages", "10", "start_ms"),
    ("scale", "pages", "500", "start_ms"),
    ("scale", "pages", "10", "validate_ms"),
    ("scale", "pages", "500", "validate_ms"),
    ("scale", "start_growth"),
    ("memory", "pss_after_start_mb"),
    ("memory", "pss_after_mb"),
    ("memory", "growth_mb"),
]


def test_quick_bench_reports_every_section_with_numbers(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    done = subprocess.run(
        [sys.executable, "-m", "kiosk.bench", "--quick", "--json", str(out)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    figures = json.loads(out.read_text())
    for path in EXPECTED_NUMBERS:
        value = report.lookup(figures, path)
        assert isinstance(value, int | float) and not math.isnan(value), (path, value)
    assert figures["demos"]["demos"], "no exercise demo was measured"
    assert figures["taps"]["all"]["count"] >= 50
    assert set(figures["verdicts"].values()) <= {"pass", "MISS"}
    assert len(figures["verdicts"]) >= 6  # every target has a verdict
    assert "Tap to paint: p95" in done.stdout and "<= 50" in done.stdout


def test_a_scenario_that_fails_is_named_in_the_table_and_the_rest_still_shows() -> None:
    figures = {
        "start": {"app_ms": 900.0, "floor_ms": 150.0, "ratio": 6.0},
        "taps": {"error": "RuntimeError: the window closed"},
        "memory": {"growth_mb": 2.0},
    }
    table = report.table(figures)
    assert "! taps failed: RuntimeError: the window closed" in table
    lines = table.splitlines()
    assert any(line.startswith("Start: kiosk / floor") and line.endswith("MISS") for line in lines)
    assert any(line.startswith("Memory: PSS growth") and line.endswith("pass") for line in lines)
    assert "Tap to paint" not in table
