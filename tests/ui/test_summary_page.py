"""What you can do today: every action is one large button that opens the page explaining it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from uihelpers import Kiosk, load, settle

from kiosk.session.state import HOME, AppState, Route, Snapshot
from kiosk.ui.main_window import MainWindow
from kiosk.ui.pages.summary import actions
from kiosk.ui.widgets import Card

BUNDLED = Path(__file__).resolve().parents[2] / "resources" / "packs" / "lower-back-pinched-nerve"


@pytest.mark.parametrize("language", ["en", "es"])
def test_each_action_is_a_button_to_its_page_and_back_returns(qtbot: Any, language: str) -> None:
    window = MainWindow(AppState(Snapshot(route=HOME, language=language)), load(BUNDLED))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    settle()
    kiosk = Kiosk(window)
    kiosk.tap("topic/today")
    kiosk.tap("page/today/what-to-do-today")
    buttons = [name for name, _ in window.tappables() if name.startswith("link:")]
    assert buttons == [
        "link:page:walking",
        "link:page:rest-and-activity",
        "link:page:heat-and-ice",
        "link:page:medicine",
        "link:page:when-to-call",
        "link:page:emergency-signs",
    ]

    kiosk.tap("link:page:walking")

    assert kiosk.route == "page/exercise/walking"
    kiosk.tap("back")
    assert kiosk.route == "page/today/what-to-do-today"


def test_the_whole_action_is_the_button_label() -> None:
    found = actions(
        '<li>Keep moving: <a href="page:walking">take short walks</a> &amp; rest.</li><li>No link</li>'
    )
    assert found == [("Keep moving: take short walks & rest.", "page:walking"), ("No link", None)]


@pytest.mark.parametrize(
    ("language", "title", "fragment"),
    [
        ("en", "What to avoid while you heal", "avoid heavy lifting"),
        ("es", "Qué evitar mientras se recupera", "evite levantar cosas pesadas"),
    ],
)
def test_a_link_inside_a_sentence_gets_a_button_named_after_the_page_it_opens(
    qtbot: Any, language: str, title: str, fragment: str
) -> None:
    route = Route("page", topic="recovery", page="safe-lifting")
    window = MainWindow(AppState(Snapshot(route=route, language=language)), load(BUNDLED))
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    window.show()
    settle()
    cards = [card for card in window.current_screen.findChildren(Card) if card.isVisibleTo(window)]  # type: ignore[union-attr]
    labels = [card.accessibleName() for card in cards if card.property("route") == "link:page:what-to-avoid"]
    assert labels == [title]
    assert fragment not in [card.accessibleName() for card in cards]
