"""Screenshots of exercise demos mid-play: each exercise page with its clock moved on by some seconds.

The player is moved with its own `advance` (what its timer does) and grabbed while it plays (then
paused), so the picture shows the figure, the highlighted step and the counters exactly as a
patient would see them then.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path

from kiosk.content.pack import Pack
from kiosk.session.site import SiteDetails
from kiosk.session.state import AppState, Route
from kiosk.ui.exercise.player import ExercisePlayer
from kiosk.ui.main_window import MainWindow
from kiosk.ui.render import all_routes, review_window, settle

log = logging.getLogger(__name__)


def render_demo_moments(
    pack: Pack,
    out: Path,
    size: tuple[int, int],
    text_percent: int,
    moments: Sequence[float],
    name_for: Callable[[str], str],
    language: str | None = None,
    site: SiteDetails | None = None,
) -> list[str]:
    """One PNG per exercise page and moment (`...--at-12s.png`); returns what failed."""
    out.mkdir(parents=True, exist_ok=True)
    state, window = review_window(pack, size, text_percent, language, site)
    failures: list[str] = []
    try:
        for route in all_routes(pack):
            if route.kind != "page" or pack.page(route.page, state.current.language).kind != "exercise":
                continue
            for seconds in moments:
                failures += _render_moment(window, state, route, seconds, out, name_for)
    finally:
        window.close()
        window.deleteLater()
    return failures


def _render_moment(
    window: MainWindow,
    state: AppState,
    route: Route,
    seconds: float,
    out: Path,
    name_for: Callable[[str], str],
) -> list[str]:
    state.update(route=route)
    settle()
    screen = window.current_screen
    players = screen.findChildren(ExercisePlayer) if screen is not None else []
    if not players:
        return [f"{route.name}: no exercise player"]
    player = players[0]
    player.replay()
    player.play()
    player.advance(seconds)
    settle()
    image = window.grab()  # while playing: the controls show Pause, as a patient would see them
    player.pause()
    target = out / name_for(f"{route.name}/at-{seconds:g}s")
    if not image.save(str(target)):
        return [f"{route.name}: could not write {target}"]
    log.info("wrote %s", target)
    return []
