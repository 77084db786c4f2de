"""How cost grows with pack size: start-up and `kiosk validate` on generated packs."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from kiosk.bench.processes import start_figures, validate_ms
from kiosk.content.generate import write_generated_pack


def scale_figures(sizes: list[int], runs: int) -> dict[str, Any]:
    """For each page count: median start to first frame (from the checked-pack index, and once
    with a full check as after a pack change), and median `kiosk validate` time; also
    `kiosk validate` on the bundled pack, whose time has a budget like the largest pack's."""
    rows: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as scratch:
        for pages in sizes:
            pack = write_generated_pack(Path(scratch) / f"pack-{pages}", pages)
            start = start_figures(runs, pack)
            validations = sorted(validate_ms(pack) for _ in range(runs))
            rows[str(pages)] = {
                "start_ms": start["app_ms"],
                "start_full_check_ms": start["app_full_check_ms"],
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
        "validate_growth": round(last["validate_ms"] / first["validate_ms"], 2),
    }
