"""High contrast: one tap turns every screen white and yellow on black (WCAG AAA), and back."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QWidget
from uihelpers import settle

from kiosk.content.pack import Pack
from kiosk.session.state import Route
from kiosk.ui.theme import HIGH_CONTRAST, HIGH_CONTRAST_UI_PAIRS, TEXT_PAIRS, contrast_ratio


@pytest.mark.parametrize("label", sorted(TEXT_PAIRS))
def test_high_contrast_text_has_at_least_7_to_1(label: str) -> None:
    fg, bg = TEXT_PAIRS[label]
    assert contrast_ratio(getattr(HIGH_CONTRAST, fg), getattr(HIGH_CONTRAST, bg)) >= 7.0


@pytest.mark.parametrize("label", sorted(HIGH_CONTRAST_UI_PAIRS))
def test_high_contrast_ui_parts_have_at_least_4_5_to_1(label: str) -> None:
    fg, bg = HIGH_CONTRAST_UI_PAIRS[label]
    assert contrast_ratio(getattr(HIGH_CONTRAST, fg), getattr(HIGH_CONTRAST, bg)) >= 4.5


def background_pixel(window: Any) -> tuple[int, int, int]:
    """A pixel of the screen area far from any text: the bottom-left corner of the page."""
    image = window.grab().toImage()
    colour = image.pixelColor(4, image.height() - 4)
    return colour.red(), colour.green(), colour.blue()


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)])
def test_tapping_contrast_turns_the_screen_black_and_back(make_kiosk: Any, size: tuple[int, int]) -> None:
    kiosk = make_kiosk(size=size)
    kiosk.window.state.update(route=Route("topic", topic="basics"))
    settle()
    assert min(background_pixel(kiosk.window)) > 200  # warm paper
    kiosk.tap("high-contrast")
    assert kiosk.window.state.current.high_contrast
    assert kiosk.route == "topic/basics"  # the patient stays where they were
    assert max(background_pixel(kiosk.window)) < 20
    assert kiosk.window.top_bar.high_contrast.isChecked()
    assert kiosk.window.theme.palette == HIGH_CONTRAST
    kiosk.tap("high-contrast")
    assert min(background_pixel(kiosk.window)) > 200


def test_high_contrast_follows_to_every_screen_and_ends_at_the_idle_reset(
    make_kiosk: Any, mini_pack: Pack
) -> None:
    kiosk = make_kiosk()
    kiosk.tap("high-contrast")
    kiosk.tap("topic/basics")
    kiosk.tap("page/basics/what-is-it")
    assert max(background_pixel(kiosk.window)) < 20
    picture = kiosk.window.current_screen.findChild(QWidget, "Illustration")
    assert picture.property("frameColour") == HIGH_CONTRAST.picture_frame  # pictures get a strong frame
    kiosk.window.state.reset()
    settle()
    assert not kiosk.window.state.current.high_contrast
    assert kiosk.window.theme.palette != HIGH_CONTRAST


def test_pictures_are_dimmed_on_black_in_high_contrast_instead_of_glaring(
    make_kiosk: Any, bundled_pack_dir: Any
) -> None:
    from uihelpers import load

    kiosk = make_kiosk(pack=load(bundled_pack_dir))
    kiosk.window.state.update(route=Route("page", topic="about", page="what-is-it"))
    settle()

    def brightest_inside() -> int:
        picture = kiosk.window.current_screen.findChild(QWidget, "Illustration")
        image = picture.grab().toImage()
        inset = image.width() // 10  # away from the frame
        return max(
            image.pixelColor(x, y).lightness()
            for x in range(inset, image.width() - inset, 7)
            for y in range(inset, image.height() - inset, 7)
        )

    assert brightest_inside() > 230  # the cream background shows as it is drawn
    kiosk.window.navigator.toggle_high_contrast()
    settle()
    assert brightest_inside() < 170  # no bright block beside white-on-black text
