"""Navigation commands, without Qt: what Home, Back, Next, links and text size do to the state."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from kiosk.content.loader import load_pack
from kiosk.content.pack import Pack
from kiosk.session.navigation import MAX_HISTORY, Navigator, log_route_changes, next_language
from kiosk.session.state import HOME, AppState, Route, TextSize

MINI = Path(__file__).resolve().parents[1] / "packs" / "mini"


@pytest.fixture(scope="module")
def pack() -> Pack:
    result = load_pack(MINI)
    assert result.pack is not None, [p.format() for p in result.problems]
    return result.pack


@pytest.fixture
def nav(pack: Pack) -> Navigator:
    return Navigator(AppState(), pack)


def route(nav: Navigator) -> str:
    return nav.state.current.route.name


def test_topic_then_page_then_back_twice_returns_home(nav: Navigator) -> None:
    nav.open_topic("basics")
    nav.open_page("basics", "what-is-it")
    assert route(nav) == "page/basics/what-is-it"
    nav.back()
    assert route(nav) == "topic/basics"
    nav.back()
    assert route(nav) == "home"


def test_turning_pages_does_not_grow_history(nav: Navigator) -> None:
    nav.open_topic("basics")
    nav.open_page("basics", "what-is-it")
    nav.next_page()
    assert route(nav) == "page/basics/symptoms"
    assert nav.position() == (2, 2)
    nav.previous_page()
    nav.next_page()
    nav.back()
    assert route(nav) == "topic/basics"


def test_next_on_last_page_returns_to_the_topic_without_a_loop_in_history(nav: Navigator) -> None:
    nav.open_topic("basics")
    nav.open_page("basics", "symptoms")
    nav.next_page()
    assert route(nav) == "topic/basics"
    nav.back()
    assert route(nav) == "home"


def test_position_and_neighbours_of_a_page_other_than_the_current_one(nav: Navigator) -> None:
    """A screen built ahead for the next page numbers itself from its own route."""
    nav.open_page("basics", "what-is-it")
    following = Route("page", topic="basics", page="symptoms")
    assert nav.neighbour(+1) == following and nav.position() == (1, 2)
    assert nav.position(following) == (2, 2)
    assert nav.neighbour(+1, following) is None
    assert nav.neighbour(-1, following) == nav.state.current.route
    assert nav.position(HOME) == (0, 0) and nav.neighbour(+1, HOME) is None


def test_previous_on_first_page_stays(nav: Navigator) -> None:
    nav.open_page("basics", "what-is-it")
    nav.previous_page()
    assert route(nav) == "page/basics/what-is-it"


def test_home_clears_history_and_back_on_home_does_nothing(nav: Navigator) -> None:
    nav.open_topic("help")
    nav.go_home()
    assert nav.state.current.history == ()
    nav.back()
    assert nav.state.current.route == HOME


def test_internal_link_to_a_page_of_another_topic_opens_it_there(nav: Navigator) -> None:
    nav.open_page("basics", "symptoms")
    nav.follow_link("page:emergency")
    assert route(nav) == "page/help/emergency"
    nav.back()
    assert route(nav) == "page/basics/symptoms"


def test_internal_link_within_the_topic_keeps_the_topic(nav: Navigator) -> None:
    nav.open_page("basics", "what-is-it")
    nav.follow_link("page:symptoms")
    assert route(nav) == "page/basics/symptoms"


@pytest.mark.parametrize("href", ["page:nope", "https://example.org", "page:../../etc", ""])
def test_bad_links_and_unknown_places_are_ignored(nav: Navigator, href: str) -> None:
    nav.open_topic("basics")
    nav.follow_link(href)
    nav.open_topic("no-such-topic")
    nav.open_page("basics", "emergency")  # exists, but not in this topic
    assert route(nav) == "topic/basics"


def test_history_is_bounded(nav: Navigator) -> None:
    for _ in range(MAX_HISTORY + 20):
        nav.follow_link("page:what-is-it")
        nav.follow_link("page:emergency")
    assert len(nav.state.current.history) == MAX_HISTORY


def test_text_size_steps_stop_at_both_ends(nav: Navigator) -> None:
    for _ in range(6):
        nav.bigger_text()
    assert nav.state.current.text_size is TextSize.LARGEST
    for _ in range(6):
        nav.smaller_text()
    assert nav.state.current.text_size is TextSize.NORMAL


def test_a_new_pack_starts_from_home(nav: Navigator, pack: Pack) -> None:
    nav.open_page("help", "emergency")
    nav.set_pack(pack)
    assert nav.state.current.route == HOME


def test_route_changes_are_logged_at_debug_only(nav: Navigator, caplog: pytest.LogCaptureFixture) -> None:
    log_route_changes(nav.state)
    with caplog.at_level(logging.INFO, logger="kiosk.route"):
        nav.open_topic("basics")
    assert caplog.records == []  # at INFO a log would be a timed trail of every visit
    nav.go_home()
    with caplog.at_level(logging.DEBUG, logger="kiosk.route"):
        nav.open_topic("basics")
        nav.set_text_size(TextSize.LARGE)  # not a route change
        nav.open_page("basics", "what-is-it")
    assert [r.getMessage() for r in caplog.records] == [
        "route: topic/basics",
        "route: page/basics/what-is-it",
    ]


def test_neighbour_is_none_outside_pages(nav: Navigator) -> None:
    assert nav.neighbour(1) is None
    nav.open_page("basics", "what-is-it")
    assert nav.neighbour(1) == Route("page", topic="basics", page="symptoms")
    assert nav.neighbour(-1) is None


# --- language ------------------------------------------------------------------------------


def test_switching_language_keeps_the_page_and_the_way_back(nav: Navigator) -> None:
    nav.open_topic("basics")
    nav.open_page("basics", "symptoms")
    nav.toggle_language()
    assert nav.state.current.language == "es"
    assert route(nav) == "page/basics/symptoms"
    nav.back()
    assert route(nav) == "topic/basics"
    assert nav.state.current.language == "es"


def test_the_language_switch_goes_back_and_forth(nav: Navigator) -> None:
    nav.toggle_language()
    nav.toggle_language()
    assert nav.state.current.language == "en"


def test_a_fresh_start_returns_to_the_first_language(nav: Navigator) -> None:
    nav.set_language("es")
    nav.state.reset()
    assert nav.state.current.language == "en"


def test_a_language_the_pack_lacks_is_ignored_and_logged(
    nav: Navigator, caplog: pytest.LogCaptureFixture
) -> None:
    nav.set_language("es")
    with caplog.at_level(logging.WARNING, logger="kiosk.session.navigation"):
        nav.set_language("fr")
    assert nav.state.current.language == "es"
    assert "no language 'fr'" in caplog.text


def test_starting_in_a_language_opens_home_in_it_and_a_missing_one_is_refused(
    nav: Navigator, caplog: pytest.LogCaptureFixture
) -> None:
    nav.state.update(route=Route("attract"))
    nav.start_in("es")
    assert (route(nav), nav.state.current.language, nav.state.current.history) == ("home", "es", ())
    assert not nav.state.current.read_aloud
    nav.state.update(route=Route("attract"))
    with caplog.at_level(logging.WARNING, logger="kiosk.session.navigation"):
        nav.start_in("fr")
    assert route(nav) == "attract" and "no language 'fr'" in caplog.text


@pytest.mark.parametrize(
    ("languages", "current", "offered"),
    [
        (["en", "es"], "en", "es"),
        (["en", "es"], "es", "en"),
        (["en", "es", "vi"], "es", "vi"),
        (["en", "es", "vi"], "vi", "en"),
        (["en", "es"], "fr", "en"),  # a setting named a language the pack lacks: offer the first
        (["en"], "en", "en"),
    ],
)
def test_the_switch_offers_the_next_language(languages: list[str], current: str, offered: str) -> None:
    assert next_language(languages, current) == offered


def test_read_aloud_and_high_contrast_toggle_and_return_to_off_at_reset(nav: Navigator) -> None:
    nav.open_topic("basics")
    nav.toggle_read_aloud()
    nav.toggle_high_contrast()
    assert nav.state.current.read_aloud and nav.state.current.high_contrast
    assert route(nav) == "topic/basics"  # switching them does not move the patient
    nav.toggle_read_aloud()
    assert not nav.state.current.read_aloud and nav.state.current.high_contrast
    nav.toggle_read_aloud()
    nav.state.reset()
    assert not nav.state.current.read_aloud and not nav.state.current.high_contrast


def test_get_help_opens_the_red_flag_page_from_anywhere_and_back_returns(nav: Navigator) -> None:
    nav.open_topic("basics")
    nav.open_page("basics", "what-is-it")

    nav.get_help()

    assert nav.state.current.route.page == nav.pack.help_page_id == "emergency"
    assert nav.pack.page("emergency", "en").kind == "red-flag"
    nav.back()
    assert route(nav) == "page/basics/what-is-it"
