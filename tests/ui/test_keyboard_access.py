"""Keyboard access: a patient who cannot touch walks the kiosk with Tab, arrows and Enter or Space.

Every step is a real key event (`QTest.keyClick`) sent to the widget Qt would deliver it to.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton
from uihelpers import Kiosk, load, settle

from kiosk.content.pack import Pack
from kiosk.ui.focus import reading_order
from kiosk.ui.theme import HIGH_CONTRAST, Palette, contrast_ratio

BUNDLED_PACK = Path(__file__).resolve().parents[2] / "resources" / "packs" / "lower-back-pinched-nerve"


@pytest.fixture(scope="module")
def bundled() -> Pack:
    from kiosk.ui.app import application

    application()
    return load(BUNDLED_PACK)


def key(kiosk: Kiosk, which: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """Press and release a key where Qt delivers it: the focused control, else the window."""
    target = kiosk.window.focusWidget() or kiosk.window
    QTest.keyClick(target, which, modifier)
    settle()
    settle()


def ringed(kiosk: Kiosk) -> QAbstractButton | None:
    """The control the focus ring is visibly drawn on, if any."""
    shown = kiosk.window.keyboard.ring_shown_on()
    assert shown is None or isinstance(shown, QAbstractButton)
    return shown


def name_of(control: QAbstractButton | None) -> str:
    assert control is not None, "no focus ring is shown"
    return str(control.property("route") or control.objectName())


def tab_to(kiosk: Kiosk, wanted: str, limit: int = 40) -> None:
    for _ in range(limit):
        key(kiosk, Qt.Key.Key_Tab)
        if name_of(ringed(kiosk)) == wanted:
            return
    raise AssertionError(f"Tab never reached {wanted!r} on {kiosk.route}")


def test_keyboard_only_walk_home_topic_page_exercise_and_back(make_kiosk: Any, bundled: Pack) -> None:
    kiosk = make_kiosk(pack=bundled)
    assert ringed(kiosk) is None  # nothing shows focus before a key is used
    tab_to(kiosk, "topic/exercise")
    ring = ringed(kiosk)
    assert ring is not None and ring.hasFocus() and ring.isVisible()
    key(kiosk, Qt.Key.Key_Return)
    assert kiosk.route == "topic/exercise"
    assert name_of(ringed(kiosk)) == "page/exercise/why-move"  # focus lands on the new screen
    key(kiosk, Qt.Key.Key_Space)
    assert kiosk.route == "page/exercise/why-move"
    tab_to(kiosk, "next")
    key(kiosk, Qt.Key.Key_Enter)
    assert kiosk.route == "page/exercise/pelvic-tilt"
    tab_to(kiosk, "PlayPause")
    player = ringed(kiosk).parentWidget()  # type: ignore[union-attr]
    playing = player.is_playing()  # type: ignore[union-attr]
    key(kiosk, Qt.Key.Key_Space)
    assert player.is_playing() is not playing  # type: ignore[union-attr]
    key(kiosk, Qt.Key.Key_Space)
    assert player.is_playing() is playing  # type: ignore[union-attr]
    tab_to(kiosk, "Step2")
    key(kiosk, Qt.Key.Key_Down)
    assert name_of(ringed(kiosk)) == "Step3"  # arrows walk the list of steps
    tab_to(kiosk, "back")
    key(kiosk, Qt.Key.Key_Return)
    assert kiosk.route == "topic/exercise"  # turning pages is not history: Back leaves the pages
    assert kiosk.routes == [
        "topic/exercise",
        "page/exercise/why-move",
        "page/exercise/pelvic-tilt",
        "topic/exercise",
    ]


def test_shift_tab_goes_back_in_reading_order_and_wraps(make_kiosk: Any, bundled: Pack) -> None:
    kiosk = make_kiosk(pack=bundled)
    order = [name_of(c) for c in reading_order(kiosk.window)]
    assert order[:2] == ["home", "back"] or order[0] == "home"
    topics = [name for name in order if name.startswith("topic/")]
    assert topics == [f"topic/{t.id}" for t in bundled.manifest.topics]  # tiles in the pack's order
    key(kiosk, Qt.Key.Key_Tab)
    first = name_of(ringed(kiosk))
    assert first == topics[0]  # the first Tab lands on the screen, past the bar
    key(kiosk, Qt.Key.Key_Tab)
    assert name_of(ringed(kiosk)) == topics[1]
    key(kiosk, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert name_of(ringed(kiosk)) == topics[0]
    key(kiosk, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert name_of(ringed(kiosk)) == order[order.index(topics[0]) - 1]  # back into the top bar


def test_arrows_move_through_the_tile_grid(make_kiosk: Any, bundled: Pack) -> None:
    kiosk = make_kiosk(pack=bundled)
    key(kiosk, Qt.Key.Key_Tab)
    first = ringed(kiosk)
    assert first is not None
    key(kiosk, Qt.Key.Key_Right)
    right = ringed(kiosk)
    assert right is not None and right is not first
    assert right.mapToGlobal(right.rect().center()).x() > first.mapToGlobal(first.rect().center()).x()
    key(kiosk, Qt.Key.Key_Down)
    below = ringed(kiosk)
    assert below is not None
    assert below.mapToGlobal(below.rect().topLeft()).y() > right.mapToGlobal(right.rect().bottomLeft()).y()
    key(kiosk, Qt.Key.Key_Left)
    key(kiosk, Qt.Key.Key_Up)
    assert ringed(kiosk) is first
    assert kiosk.route == "home"  # arrows in the grid never turn pages or open anything


def test_a_tap_hides_the_ring_and_touch_never_shows_it(make_kiosk: Any, bundled: Pack) -> None:
    kiosk = make_kiosk(pack=bundled)
    kiosk.tap("topic/about")
    assert ringed(kiosk) is None and kiosk.window.focusWidget() is None
    key(kiosk, Qt.Key.Key_Tab)
    assert ringed(kiosk) is not None
    kiosk.tap("back")
    assert kiosk.route == "home"
    assert ringed(kiosk) is None
    assert not isinstance(kiosk.window.focusWidget(), QAbstractButton)


@pytest.mark.parametrize("high_contrast", [False, True])
def test_the_ring_is_drawn_and_stands_out_three_to_one(
    make_kiosk: Any, bundled: Pack, high_contrast: bool
) -> None:
    kiosk = make_kiosk(pack=bundled)
    if high_contrast:
        kiosk.window.navigator.toggle_high_contrast()
        settle()
    key(kiosk, Qt.Key.Key_Tab)
    control = ringed(kiosk)
    assert control is not None
    palette = kiosk.window.theme.palette
    image: QImage = control.grab().toImage()
    band = kiosk.window.keyboard.ring.band  # type: ignore[union-attr]
    middle_left = image.pixelColor(band // 2 + 1, image.height() // 2).name()
    inner_left = image.pixelColor(band + band // 2 + 1, image.height() // 2).name()
    assert middle_left == palette.focus_halo
    assert inner_left == palette.focus_ring
    # Two bands, one light and one dark: whatever colour a control or its neighbour has, one band
    # stands out 3:1 from it, and the bands stand out from each other.
    for tokens in (Palette(), HIGH_CONTRAST):
        assert contrast_ratio(tokens.focus_ring, tokens.focus_halo) >= 3
        for field in (
            "background",
            "surface",
            "surface_pressed",
            "accent",
            "bar",
            "bar_button",
            "notice",
            "urgent",
            "urgent_tint",
        ):
            colour = getattr(tokens, field)
            best = max(contrast_ratio(tokens.focus_ring, colour), contrast_ratio(tokens.focus_halo, colour))
            assert best >= 3, (field, colour)
