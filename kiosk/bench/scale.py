"""How cost grows with pack size: start-up and `kiosk validate` on generated packs."""

from __future__ import annotations

import shutil
import statistics
import tempfile
from pathlib import Path
from typing import Any

from kiosk.bench.instructions import start_count
from kiosk.bench.processes import FILL_LINGER_MS, child_environment, first_paint_ms, validate_ms
from kiosk.content.generate import write_generated_pack


def scale_figures(sizes: list[int], runs: int, start_runs: int = 3) -> dict[str, Any]:
    """For each page count: median start to first frame (from the checked-pack index, and once
    with a full check as after a pack change), and median `kiosk validate` time; also
    `kiosk validate` on the bundled pack, whose time has a budget like the largest pack's.

    The starts from the index take turns between the sizes (10, 100, 500, 10, 100, ...), so a
    change of machine load during the section weighs on every size alike: timed one size after
    the other, a busy minute made a flat start look 1.9x. There are `start_runs` of them per size
    (at least 3), as many as the start figure takes: with 3, one slow start of the ten-page pack
    on a shared machine moved the ratio from 1.02x to 1.22x between two full runs. With valgrind,
    the smallest and the largest pack's starts are also counted in instructions once each."""
    rows: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as scratch:
        packs = {pages: write_generated_pack(Path(scratch) / f"pack-{pages}", pages) for pages in sizes}
        first_paint_ms("floor")  # warm the disk cache once
        first_paint_ms("app", ["--pack", str(packs[sizes[0]])], linger_ms=FILL_LINGER_MS)  # icon masks
        data = Path(child_environment()["KIOSK_DATA_DIR"])
        shutil.rmtree(data / "checked-packs", ignore_errors=True)
        full_check = {
            pages: first_paint_ms("app", ["--pack", str(pack)], linger_ms=FILL_LINGER_MS)
            for pages, pack in packs.items()
        }
        starts: dict[int, list[float]] = {pages: [] for pages in sizes}
        for _ in range(max(start_runs, 3)):
            for pages, pack in packs.items():
                starts[pages].append(first_paint_ms("app", ["--pack", str(pack)]))
        counted = {pages: start_count(["--pack", str(packs[pages])]) for pages in (sizes[0], sizes[-1])}
        for pages, pack in packs.items():
            validations = sorted(validate_ms(pack) for _ in range(runs))
            rows[str(pages)] = {
                "start_ms": round(statistics.median(starts[pages]), 1),
                "start_runs_ms": [round(time, 1) for time in starts[pages]],
                "start_full_check_ms": round(full_check[pages], 1),
                "validate_ms": round(validations[len(validations) // 2], 1),
            }
    first, last = rows[str(sizes[0])], rows[str(sizes[-1])]
    from kiosk.content.bundled import bundled_pack_dir

    bundled = sorted(validate_ms(bundled_pack_dir()) for _ in range(runs))
    return {
        "pages": rows,
        "validate_bundled_ms": round(bundled[len(bundled) // 2], 1),
        "validate_largest_ms": last["validate_ms"],
        "start_growth": round(last["start_ms"] / first["start_ms"], 2),
        "start_full_check_growth": round(last["start_full_check_ms"] / first["start_full_check_ms"], 2),
        "start_instructions_growth": _growth(counted[sizes[0]], counted[sizes[-1]]),
        "validate_growth": round(last["validate_ms"] / first["validate_ms"], 2),
    }


def _growth(first: int | None, last: int | None) -> float | None:
    """The largest pack's start over the smallest's in instructions (None without valgrind): the
    same count run after run, so it shows what the wall-time ratio's noise can hide."""
    return round(last / first, 3) if first and last else None
