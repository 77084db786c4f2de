"""Picture captions: the words that name a picture's parts sit under it, in the page's language."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel, QWidget
from uihelpers import load, settle

from kiosk.session.state import AppState, Route, Snapshot
from kiosk.ui.main_window import MainWindow

BUNDLED = Path(__file__).resolve().parents[2] / "resources" / "packs" / "lower-back-pinched-nerve"


@pytest.mark.parametrize(("language", "words"), [("en", "nerves (yellow)"), ("es", "nervios (amarillos)")])
@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)], ids=["landscape", "portrait"])
def test_the_spine_picture_names_its_parts_under_it(
    qtbot: Any, language: str, words: str, size: tuple[int, int]
) -> None:
    route = Route("page", topic="about", page="what-is-it")
    window = MainWindow(AppState(Snapshot(route=route, language=language)), load(BUNDLED))
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    settle()
    screen = window.current_screen
    caption = screen.findChild(QLabel, "IllustrationCaption")  # type: ignore[union-attr]
    picture = screen.findChild(QWidget, "Illustration")  # type: ignore[union-attr]
    assert caption is not None and caption.isVisible() and words in caption.text()
    below = caption.mapTo(window, caption.rect().topLeft()).y()
    assert below >= picture.mapTo(window, picture.rect().bottomLeft()).y()


def test_a_page_without_a_caption_shows_none(qtbot: Any) -> None:
    route = Route("page", topic="about", page="symptoms")
    window = MainWindow(AppState(Snapshot(route=route)), load(BUNDLED))
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    window.show()
    settle()
    assert window.current_screen.findChild(QLabel, "IllustrationCaption") is None  # type: ignore[union-attr]
