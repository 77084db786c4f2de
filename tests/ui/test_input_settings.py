"""Input settings of shared widgets: made at once, left out only on a screen that only shows.

The start screen drawn from its record takes no input, so its widgets skip the settings that need
Qt's `Qt` namespace (`kiosk.ui.input_settings`); every other screen's widgets must still have
them, or a tap on a label would stop at the label instead of reaching its card.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from kiosk.ui.attract import AttractContext, AttractScreen, AttractWords, Slide
from kiosk.ui.input_settings import set_by_name, showing_only, takes_input
from kiosk.ui.theme import Theme
from kiosk.ui.widgets import Card, TextLabel, push_button

PASS_THROUGH = Qt.WidgetAttribute.WA_TransparentForMouseEvents


def test_a_plain_label_lets_taps_through_to_its_card_and_a_rich_one_keeps_its_links(qtbot: Any) -> None:
    plain, rich = TextLabel("Words"), TextLabel('<a href="#x">link</a>', rich=True)
    assert plain.testAttribute(PASS_THROUGH) and plain.textFormat() == Qt.TextFormat.PlainText
    assert not rich.testAttribute(PASS_THROUGH) and rich.textFormat() == Qt.TextFormat.RichText


def test_buttons_and_cards_take_focus_from_keys_only_and_cards_show_the_hand(qtbot: Any) -> None:
    button = push_button("Next", lambda: None, name="next", icon_after=True)
    card = Card(Theme.for_screen(1280, 800), lambda: None, "topic")
    assert button.focusPolicy() == Qt.FocusPolicy.TabFocus == card.focusPolicy()
    assert button.layoutDirection() == Qt.LayoutDirection.RightToLeft  # its icon after the words
    assert card.cursor().shape() == Qt.CursorShape.PointingHandCursor


def test_widgets_built_for_a_screen_that_only_shows_skip_input_settings_and_look_the_same(
    qtbot: Any,
) -> None:
    with showing_only():
        assert not takes_input()
        shown_only = TextLabel("Words")
        card = Card(Theme.for_screen(1280, 800), lambda: None, "topic")
    assert takes_input()
    assert not shown_only.testAttribute(PASS_THROUGH)
    assert card.cursor().shape() == Qt.CursorShape.ArrowCursor
    # what a patient sees is set all the same
    assert shown_only.textFormat() == Qt.TextFormat.PlainText  # pack words are never markup
    assert card.focusPolicy() == Qt.FocusPolicy.TabFocus


def test_input_settings_come_back_after_a_failed_build(qtbot: Any) -> None:
    with pytest.raises(RuntimeError), showing_only():
        raise RuntimeError("a screen that could not be built")
    assert takes_input() and TextLabel("Words").testAttribute(PASS_THROUGH)


def test_the_start_screen_built_only_to_show_is_aligned_as_the_kiosk_windows(qtbot: Any) -> None:
    picture = Path(__file__).resolve().parents[2] / "resources" / "packs"
    slide = Slide(next(picture.rglob("*.svg")), "The basics", "What a pinched nerve is")
    words = AttractWords("Lower back", (slide,), (("en", "Welcome"),))
    theme = Theme.for_screen(1080, 1920)  # portrait: the slide's words are centred too
    context = AttractContext(theme, "en", words, lambda language: False)
    with showing_only():
        shown_only = AttractScreen(context)
    usual = AttractScreen(context)
    for screen in (shown_only, usual):
        qtbot.addWidget(screen)
        centred = {label.objectName(): label.alignment() for label in screen.findChildren(QLabel)}
        assert centred["AttractPackTitle"] == Qt.AlignmentFlag.AlignHCenter
        assert centred["SlideTitle"] == Qt.AlignmentFlag.AlignHCenter
        assert centred["TouchToStart"] == Qt.AlignmentFlag.AlignCenter
        assert screen.focusPolicy() == Qt.FocusPolicy.TabFocus
    assert usual.slide_host.testAttribute(PASS_THROUGH)
    assert not shown_only.slide_host.testAttribute(PASS_THROUGH)


def test_a_value_qt_does_not_know_is_an_error_not_a_silent_default(qtbot: Any) -> None:
    label = QLabel()
    set_by_name(label, "alignment", "AlignRight|AlignBottom")
    assert label.alignment() == Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom
    with pytest.raises(ValueError, match="AlignSideways"):
        set_by_name(label, "alignment", "AlignSideways")
    with pytest.raises(ValueError, match="no_such_property"):
        set_by_name(QWidget(), "no_such_property", "TabFocus")
