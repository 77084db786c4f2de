"""The theme's colours meet WCAG AA, and its sizes read from a metre away on every screen."""

from __future__ import annotations

from typing import Any

import pytest

from kiosk.ui.theme import TEXT_PAIRS, UI_PAIRS, Palette, Theme, contrast_ratio, with_overrides


@pytest.mark.parametrize("label", sorted(TEXT_PAIRS))
def test_text_colours_have_at_least_4_5_to_1(label: str) -> None:
    palette = Palette()
    fg, bg = TEXT_PAIRS[label]
    assert contrast_ratio(getattr(palette, fg), getattr(palette, bg)) >= 4.5


@pytest.mark.parametrize("label", sorted(UI_PAIRS))
def test_ui_parts_have_at_least_3_to_1(label: str) -> None:
    palette = Palette()
    fg, bg = UI_PAIRS[label]
    assert contrast_ratio(getattr(palette, fg), getattr(palette, bg)) >= 3.0


def test_contrast_ratio_matches_known_values() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)


def test_a_pack_colour_with_poor_contrast_is_refused_and_a_good_one_kept() -> None:
    palette = with_overrides(Palette(), accent="#ffff00", background=None)
    assert palette.accent == Palette().accent
    palette = with_overrides(Palette(), accent="#1d4f91", background=None)
    assert palette.accent == "#1d4f91"


@pytest.mark.parametrize(("width", "height"), [(1920, 1080), (1080, 1920), (1280, 800), (3840, 2160)])
def test_body_text_and_targets_scale_with_the_screen(width: int, height: int) -> None:
    theme = Theme.for_screen(width, height)
    body = theme.text_px(theme.metrics.body)
    short_side = min(width, height)
    assert 28 * short_side / 1080 - 1 <= body <= 32 * short_side / 1080 + 1
    assert theme.target >= (72 if short_side >= 1080 else 48)


def test_largest_text_is_175_percent_of_normal() -> None:
    theme = Theme.for_screen(1920, 1080)
    assert theme.with_text_percent(175).text_px(30) == round(30 * 1.75)
    assert theme.with_text_percent(175).px(30) == 30  # the bar keeps its size


def test_stylesheet_uses_the_kiosk_font_and_scaled_sizes() -> None:
    sheet = Theme.for_screen(1920, 1080).stylesheet()
    assert 'font-family: "Kiosk Hyperlegible"' in sheet
    assert "font-size: 30px" in sheet


def ink_at_centre_of_zero(font: Any, character: str = "0") -> bool:
    """Draw a large "0" and say whether its middle is inked (a slashed zero's is, a plain one's not)."""
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QColor, QFontMetrics, QImage, QPainter

    image = QImage(400, 400, QImage.Format.Format_RGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    painter.setFont(font)
    painter.setPen(QColor("#000000"))
    origin = QPoint(100, 320)
    painter.drawText(origin, character)
    painter.end()
    centre = QFontMetrics(font).tightBoundingRect(character).translated(origin).center()
    return image.pixelColor(centre).lightness() < 128


def test_numbers_show_a_plain_zero_without_a_slash(qtbot: Any) -> None:
    """Atkinson Hyperlegible slashes its zero and has no feature to turn that off; the kiosk's font
    (`tools/kiosk_font.py`) is Atkinson with a plain zero, in every style, and one family draws
    every character of a line."""
    from PySide6.QtGui import QTextLayout

    from kiosk.ui.app import application
    from kiosk.ui.theme import FONT_FAMILY

    application()  # registers the kiosk's font
    theme = Theme.for_screen(1920, 1080)
    for bold in (False, True):
        for italic in (False, True):
            font = theme.font(300, bold=bold)
            font.setItalic(italic)
            assert not ink_at_centre_of_zero(font), (bold, italic)
            assert ink_at_centre_of_zero(font, "\u00d8"), "the check sees a slash where there is one"
    # one family draws the whole line: no second font engine for the zero
    layout = QTextLayout("Rep 10 of 10", theme.font(40))
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    families = {run.rawFont().familyName() for run in layout.glyphRuns()}
    assert families == {FONT_FAMILY}


def test_every_label_of_the_kiosk_takes_the_plain_zero_first(make_kiosk: Any) -> None:
    from PySide6.QtWidgets import QLabel
    from uihelpers import settle

    from kiosk.ui.theme import FONT_FAMILIES

    kiosk = make_kiosk()
    kiosk.window.navigator.open_page("basics", "what-is-it")
    settle()
    labels = [label for label in kiosk.window.findChildren(QLabel) if label.isVisible() and label.text()]
    assert labels
    for label in labels:
        assert label.font().families()[: len(FONT_FAMILIES)] == list(FONT_FAMILIES), label.objectName()
