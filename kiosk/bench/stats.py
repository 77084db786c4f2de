"""Small statistics helpers shared by the scenarios (milliseconds, rounded for reading)."""

from __future__ import annotations

import statistics
from collections.abc import Sequence


def percentile(values: Sequence[float], share: float) -> float:
    """The value below which `share` (0..1) of `values` lie (nearest rank)."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(share * len(ordered) + 0.5) - 1))
    return ordered[index]


def summary(values: Sequence[float]) -> dict[str, float]:
    """Median, 95th percentile and worst of `values`, and how many there were."""
    if not values:
        return {"count": 0, "median": float("nan"), "p95": float("nan"), "max": float("nan")}
    return {
        "count": len(values),
        "median": round(statistics.median(values), 2),
        "p95": round(percentile(values, 0.95), 2),
        "max": round(max(values), 2),
    }
