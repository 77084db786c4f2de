"""The language switch: one tap turns the whole kiosk into Spanish, the page stays, and the next
patient starts in English again after the idle reset."""

from __future__ import annotations

import string
from typing import Any

from PySide6.QtWidgets import QLabel, QPushButton, QWidget
from uihelpers import load, settle

from kiosk.ui.main_window import MainWindow
from kiosk.ui.pages.base import PageView
from kiosk.ui.strings import UI_TEXT


def visible_words(widget: QWidget) -> str:
    """Every word a patient can see in `widget`: labels and button captions."""
    labels = [label.text() for label in widget.findChildren(QLabel) if label.isVisible()]
    buttons = [button.text() for button in widget.findChildren(QPushButton) if button.isVisible()]
    return "\n".join(labels + buttons)


def page_title(window: MainWindow) -> str:
    titles = [label.text() for label in window.findChildren(QLabel, "PageTitle") if label.isVisible()]
    assert len(titles) == 1, titles
    return titles[0]


def page_text(window: MainWindow) -> str:
    views = [view for view in window.findChildren(PageView) if view.isVisible()]
    assert len(views) == 1
    return visible_words(views[0])


def bar_button(window: MainWindow, name: str) -> QPushButton:
    assert window.top_bar is not None
    button = window.top_bar.findChild(QPushButton, name)
    assert button is not None and button.isVisible(), f"no {name} in the top bar"
    return button


def test_one_tap_turns_the_page_and_the_kiosk_spanish_and_the_reset_turns_it_back(
    operate: Any, bundled_pack_dir: Any
) -> None:
    operated = operate(pack=load(bundled_pack_dir))
    kiosk, window, state = operated.kiosk, operated.window, operated.window.state
    kiosk.tap("AttractScreen")
    switch = bar_button(window, "language")
    assert switch.accessibleName() == "Español" and "Español" in switch.text()
    assert switch.height() >= 72  # at 1920x1080, like every patient target
    kiosk.tap("topic/get-help")
    kiosk.tap("page/get-help/emergency-signs")
    assert page_title(window) == "Emergency: get help now"
    assert "Call your local emergency number" in page_text(window)

    kiosk.tap("language")

    assert state.current.language == "es"
    assert kiosk.route == "page/get-help/emergency-signs"  # the same page, now in Spanish
    assert page_title(window) == "Emergencia: busque ayuda ahora"
    body = page_text(window)
    assert (
        "sala de emergencias" in body and "su número local de emergencias" in body and "cauda equina" in body
    )
    assert "Busque ayuda ahora" in body  # the red-flag banner is the kiosk's own words
    assert "Inicio" in bar_button(window, "home").text()
    assert "Atrás" in bar_button(window, "back").text()
    screen_words = visible_words(window.current_screen)  # type: ignore[arg-type]
    assert "Anterior" in screen_words and "2 de 2" in screen_words and "Listo" in screen_words
    assert "English" in bar_button(window, "language").text()
    kiosk.tap("back")
    assert kiosk.route == "topic/get-help" and state.current.language == "es"
    assert "Cuándo pedir ayuda" in visible_words(window.current_screen)  # type: ignore[arg-type]

    operated.clock.advance(90)  # the patient walks away: the question, then the fresh start
    operated.op.idle.timer.timeout.emit()
    settle()
    assert "¿Sigue leyendo?" in visible_words(window)
    operated.clock.advance(20)
    operated.op.idle.timer.timeout.emit()
    settle()

    assert state.current == state.initial and state.current.language == "en"
    kiosk.tap("AttractScreen")
    assert "Home" in bar_button(window, "home").text()
    assert "Español" in bar_button(window, "language").text()
    assert "What is a pinched nerve?" in visible_words(window.current_screen)  # type: ignore[arg-type]


def test_english_is_one_tap_away_from_spanish(make_kiosk: Any, mini_pack: Any) -> None:
    kiosk = make_kiosk(pack=mini_pack)
    kiosk.tap("language")
    assert kiosk.window.state.current.language == "es"
    assert "Toque un tema para empezar." in visible_words(kiosk.window)
    kiosk.tap("language")
    assert kiosk.window.state.current.language == "en"
    assert "Tap a topic to start." in visible_words(kiosk.window)


def test_a_pack_in_one_language_has_no_switch(make_kiosk: Any, big_pack: Any) -> None:
    kiosk = make_kiosk(pack=big_pack)
    assert kiosk.window.top_bar.findChild(QPushButton, "language") is None
    assert "language" not in [name for name, _ in kiosk.window.tappables()]


def test_every_word_of_the_kiosk_has_a_spanish_version_with_the_same_blanks() -> None:
    def blanks(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    english, spanish = UI_TEXT["en"], UI_TEXT["es"]
    assert sorted(set(english) - set(spanish)) == [], "words with no Spanish version"
    for key, text in english.items():
        assert blanks(spanish[key]) == blanks(text), f"{key!r} fills in other values in Spanish"
        assert spanish[key] != text, f"{key!r} is not translated"
