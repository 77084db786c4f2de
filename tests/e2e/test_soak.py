"""The soak: 2,000 random touches on the real kiosk in its own X server, as CI runs it.

Taps, fast swipes and drags, 20-50 ms apart, across every screen (see `kiosk.bench.soak`). A finger
that lands while a page slide runs once left the touch handling steering a deleted page: every
later move raised, and the kiosk spent most of a soak on its front-desk screen. Here the log must
show no exception and no front-desk screen, and the kiosk must still be running at the end.
"""

from __future__ import annotations

import pytest

from kiosk.bench.soak import CI_ACTIONS, figures_from_log, run_soak
from kiosk.ui.crash import FRONT_DESK_LOG

pytestmark = pytest.mark.e2e


def test_two_thousand_random_touches_raise_nothing_and_never_show_the_front_desk_screen() -> None:
    figures = run_soak(actions=CI_ACTIONS)
    problems = "\n".join(figures["first_problems"])
    assert figures["actions"] == CI_ACTIONS
    assert min(figures["taps"], figures["swipes"], figures["drags"]) >= CI_ACTIONS // 10
    assert figures["exceptions"] == 0, problems
    assert figures["front_desk_screens"] == 0, problems
    assert figures["alive_at_end"], problems
    assert figures["exit_status"] == 0  # it still ends cleanly on SIGTERM
    assert {"attract", "home", "topic", "page"} <= set(figures["screen_kinds"])
    assert figures["screens_seen"] >= 15, figures  # not stuck on one screen
    assert figures["pss_halfway_mb"] > 0 and figures["pss_end_mb"] > 0  # both halves' memory read


def test_the_soak_counts_what_a_broken_kiosk_logs() -> None:
    """The figures come from the kiosk's own log lines, as the field logs showed them."""
    lines = [
        "2026-12-04 02:38:22,269 INFO kiosk.route: route: page/causes/spinal-stenosis",
        "Error calling Python override of QObject::eventFilter(): 2026-12-04 02:38:22,337 CRITICAL"
        " kiosk.session.logs: unhandled exception; returning to Home",
        "Traceback (most recent call last):",
        "RuntimeError: libshiboken: Internal C++ object (ScrollColumn) already deleted.",
        f"2026-12-04 02:38:22,400 ERROR kiosk.ui.crash: {FRONT_DESK_LOG}: 3 errors within 60 s",
        "2026-12-04 02:38:23,000 INFO kiosk.route: route: home",
    ]
    figures = figures_from_log(lines)
    assert figures["exceptions"] == 1
    assert figures["logged_errors"] == 2
    assert figures["front_desk_screens"] == 1
    assert figures["screen_kinds"] == ["home", "page"]
