"""The benchmark runs end to end and reports every section with numbers (no timing is asserted)."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.bench import chromium, instructions, processes, report, scale

REPO_ROOT = Path(__file__).resolve().parents[2]

EXPECTED_NUMBERS = [
    ("start", "app_ms"),
    ("start", "floor_ms"),
    ("start", "ratio"),
    ("taps", "all", "median"),
    ("taps", "all", "p95"),
    ("taps_loaded", "all", "median"),
    ("taps_loaded", "all", "p95"),
    ("start", "ready_ms"),
    ("start", "stages_ms", "imports: Qt and the start"),
    ("start", "stages_ms", "start screen build"),
    ("start", "stages_ms", "start screen show to first paint"),
    ("start", "later_stages_ms", "then: window build"),
    ("start", "later_stages_ms", "then: window shown to its first paint"),
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
    assert "Tap, one core busy: p95" in done.stdout
    start = figures["start"]
    assert sum(start["stages_ms"].values()) == pytest.approx(start["app_ms"], abs=1.0)
    assert start["app_ms"] < start["ready_ms"]  # the start screen from its record came first
    # the later stages are those of the median run (by first frame): they add up to its wait
    runs = sorted(zip(start["app_runs_ms"], start["ready_runs_ms"], strict=True))
    first_frame, ready = runs[(len(runs) - 1) // 2]
    assert sum(start["later_stages_ms"].values()) == pytest.approx(ready - first_frame, abs=1.0)


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


def test_start_stages_of_the_median_run_add_up_to_its_whole_start() -> None:
    runs = [
        {
            "spawn": 0.0,
            "probe_start": 50.0,
            "ui_imported": 300.0,
            "application_start": 320.0,
            "application_end": 330.0,
            "first_screen_show": 350.0,
            "first_paint": 400.0,
            "window_start": 540.0,
            "window_end": 640.0,
            "show_start": 650.0,
            "ready": 700.0,
        },
    ]
    slower = {name: stamp * 2 for name, stamp in runs[0].items()}
    faster = {name: stamp / 2 for name, stamp in runs[0].items()}
    stages = processes.stage_medians([slower, runs[0], faster])
    assert stages["imports: Qt and the start"] == 250.0
    assert stages["start screen build"] == 20.0
    assert stages["start screen show to first paint"] == 50.0
    assert stages["other"] == 0.0
    assert sum(stages.values()) == 400.0
    later = processes.later_stage_medians([slower, runs[0], faster])
    assert later["then: the rest of the kiosk, settings and pack"] == 140.0
    assert later["then: window build"] == 100.0
    assert later["then: other"] == 10.0  # between the build and the show
    assert sum(later.values()) == 300.0


def test_chromium_comparison_is_skipped_cleanly_without_chromium(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    figures = chromium.compare(runs=1)
    assert figures == {"skipped": "no chromium binary on PATH"}
    assert "- chromium skipped: no chromium binary on PATH" in report.table({"chromium": figures})


def test_chromium_page_shows_the_pack_page_text_picture_and_font(tmp_path: Path) -> None:
    page = chromium.page_html(tmp_path)
    text = page.read_text(encoding="utf-8")
    assert "<h1>" in text and "<p>" in text
    assert (tmp_path / "font.ttf").stat().st_size > 10_000
    picture = next(tmp_path.glob("picture.*"))
    assert f'src="{picture.name}"' in text
    assert chromium.FIRST_FRAME in text


VALGRIND_OUTPUT = """\
==4100== Callgrind, a call-graph generating cache profiler
==4100== Command: python -m kiosk.bench.probe app
==4100==
==4107== Events    : Ir
==4107== Collected : 917040398
==4107==
==4100== Events    : Ir
==4100== Collected : 1016739586
"""


def test_the_instruction_count_is_the_started_process_not_one_it_forked() -> None:
    assert instructions.collected(VALGRIND_OUTPUT) == 1016739586
    with pytest.raises(ValueError):
        instructions.collected(VALGRIND_OUTPUT.replace("==4100== Collected", "==4100== Lost"))
    with pytest.raises(ValueError):
        instructions.collected("valgrind: command not found")


def test_instruction_counts_are_skipped_cleanly_without_valgrind(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    figures = instructions.instruction_counts()
    assert figures == {"skipped": "valgrind is not installed"}
    assert "- instructions skipped: valgrind is not installed" in report.table({"instructions": figures})


def test_the_scale_in_instructions_is_shown_only_when_both_starts_were_counted(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    assert instructions.start_count(["--pack", "/nowhere"]) is None  # no valgrind: nothing run
    assert scale._growth(None, None) is None and scale._growth(1_000, None) is None
    assert scale._growth(1_392_000_000, 1_449_000_000) == 1.041
    counted = report.table({"scale": {"start_instructions_growth": 1.041}})
    assert "Scale: start 500 / 10 in instructions" in counted and "1.04" in counted
    assert "in instructions" not in report.table({"scale": {"start_instructions_growth": None}})


def test_the_probe_can_end_at_the_start_screens_first_frame(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the instruction count measures: the start up to the start screen drawn from its record,
    not the kiosk window that follows it."""
    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv(instructions.EXIT_AT_FIRST_FRAME, raising=False)
    processes.probe_start("app", linger_ms=processes.FILL_LINGER_MS)  # writes the record
    whole = processes.probe_start("app")
    assert "first_screen_paint" in whole and "window_end" in whole
    monkeypatch.setenv(instructions.EXIT_AT_FIRST_FRAME, "1")
    ended = processes.probe_start("app")
    assert "first_screen_paint" in ended and "window_start" not in ended
    assert ended["first_paint"] == ended["first_screen_paint"]
