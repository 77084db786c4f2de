"""The read-aloud commands without Qt: starting in a language from the start screen, and the
volume steps that an idle reset undoes."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.content.loader import load_pack
from kiosk.content.pack import Pack
from kiosk.session.navigation import Navigator
from kiosk.session.state import ATTRACT, HOME, VOLUME_STEPS, AppState, Route, Snapshot

MINI = Path(__file__).resolve().parents[1] / "packs" / "mini"


@pytest.fixture(scope="module")
def pack() -> Pack:
    loaded = load_pack(MINI).pack
    assert loaded is not None
    return loaded


def test_starting_to_listen_in_spanish_opens_home_in_spanish_with_read_aloud_on(pack: Pack) -> None:
    state = AppState(Snapshot(route=ATTRACT))
    Navigator(state, pack).start_reading_aloud("es")
    assert (state.current.route, state.current.language, state.current.read_aloud) == (HOME, "es", True)
    assert state.current.history == ()


def test_a_language_the_pack_lacks_changes_nothing(pack: Pack) -> None:
    state = AppState(Snapshot(route=ATTRACT))
    Navigator(state, pack).start_reading_aloud("fr")
    assert state.current == Snapshot(route=ATTRACT)


def test_volume_steps_down_wraps_to_full_and_a_reset_brings_it_back(pack: Pack) -> None:
    state = AppState(Snapshot(route=Route("topic", topic="basics")))
    nav = Navigator(state, pack)
    assert state.current.volume == VOLUME_STEPS
    steps = []
    for _ in range(VOLUME_STEPS):
        nav.change_volume()
        steps.append(state.current.volume)
    assert steps == [3, 2, 1, 4]
    nav.change_volume()
    state.reset()
    assert state.current.volume == VOLUME_STEPS
