"""The attract screen: the start screen, a calm loop that can be paused and settles, one touch to Home."""

from __future__ import annotations

from typing import Any

import pytest
from layout_check import layout_problems
from PySide6.QtCore import QAbstractAnimation, QPoint
from PySide6.QtWidgets import QLabel
from uihelpers import load, settle

from kiosk.session.state import TextSize
from kiosk.ui.attract import AttractScreen, highlights

SIZES = [(1920, 1080), (1080, 1920), (1280, 800)]


def attract_of(operated: Any) -> AttractScreen:
    screen = operated.window.current_screen
    assert isinstance(screen, AttractScreen)
    return screen


def finish_fade(qtbot: Any, screen: AttractScreen) -> None:
    qtbot.waitUntil(lambda: screen.fade.state() == QAbstractAnimation.State.Stopped, timeout=3000)


def test_the_kiosk_starts_on_the_attract_screen_without_the_top_bar(operate: Any) -> None:
    operated = operate()
    screen = attract_of(operated)
    assert operated.kiosk.route == "attract"
    assert not operated.window.top_bar.isVisible()
    assert screen.findChild(QLabel, "TouchToStart").text() == "Touch anywhere to start"
    assert screen.findChild(QLabel, "SlideTitle").text() == "The basics"
    assert screen.timer.isActive() and screen.timer.interval() >= 5000  # one wake-up per slide


@pytest.mark.parametrize("where", ["centre", "top-left", "bottom-left", "picture"])
def test_a_touch_anywhere_opens_home(operate: Any, where: str) -> None:
    operated = operate()
    rect = operated.window.rect()
    picture = attract_of(operated).slide.findChild(QLabel, "SlideTitle")
    points = {
        "centre": rect.center(),
        "top-left": QPoint(20, 20),
        "bottom-left": QPoint(20, rect.height() - 20),
        "picture": picture.mapTo(operated.window, picture.rect().center()),
    }
    operated.kiosk.finger.tap(points[where])
    assert operated.kiosk.route == "home"
    assert operated.window.top_bar.isVisible()


def test_pause_stops_the_loop_and_stays_on_the_attract_screen(operate: Any) -> None:
    operated = operate()
    screen = attract_of(operated)
    operated.kiosk.tap("attract-pause")
    assert operated.kiosk.route == "attract"
    assert not screen.timer.isActive() and screen.paused
    assert screen.pause_button.accessibleName() == "Play"
    operated.kiosk.tap("attract-pause")
    assert screen.timer.isActive() and screen.pause_button.accessibleName() == "Pause"


def test_the_crossfade_runs_only_while_the_slide_changes(qtbot: Any, operate: Any) -> None:
    operated = operate()
    screen = attract_of(operated)
    assert screen.fade.state() == QAbstractAnimation.State.Stopped
    screen.timer.timeout.emit()
    assert screen.index == 1 and screen.fade.state() == QAbstractAnimation.State.Running
    assert screen.slide.findChild(QLabel, "SlideTitle").text() == "Getting help"
    finish_fade(qtbot, screen)
    assert not screen.cover.isVisible() and screen.cover.pixmap.isNull()


def test_the_loop_settles_on_the_first_slide_after_the_set_rounds(qtbot: Any, operate: Any) -> None:
    operated = operate()
    screen = attract_of(operated)
    screen.settle_after_cycles = 2
    for _ in range(len(screen.slides) * 2 - 1):
        screen.timer.timeout.emit()
        assert not screen.settled
    screen.timer.timeout.emit()
    finish_fade(qtbot, screen)
    assert screen.settled and screen.index == 0
    assert not screen.timer.isActive()
    assert screen.pause_button.accessibleName() == "Play"  # a patient can start it again


def test_hiding_the_screen_stops_its_timer(operate: Any) -> None:
    operated = operate()
    screen = attract_of(operated)
    screen.timer.timeout.emit()
    screen.hide()
    assert not screen.timer.isActive()
    assert screen.fade.state() == QAbstractAnimation.State.Stopped
    screen.show()
    assert screen.timer.isActive()


def test_topics_made_only_of_reference_lists_are_not_highlights(bundled_pack_dir: Any) -> None:
    pack = load(bundled_pack_dir)
    titles = [slide.title for slide in highlights(pack, "en")]
    assert len(titles) == len(pack.manifest.topics) - 1
    assert "Where this comes from" not in titles


@pytest.mark.parametrize("text_size", [TextSize.NORMAL, TextSize.LARGEST], ids=["100", "175"])
@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_every_slide_fits_every_screen(
    qtbot: Any, operate: Any, bundled_pack_dir: Any, size: tuple[int, int], text_size: TextSize
) -> None:
    operated = operate(pack=load(bundled_pack_dir), size=size)
    operated.window.state.update(text_size=text_size)
    settle()
    screen = attract_of(operated)
    screen.pause()
    min_target = 72 if size == (1920, 1080) else 48
    for index in range(len(screen.slides)):
        screen.show_slide(index, fade=False)
        settle()
        problems = layout_problems(operated.window, min_target)
        assert not problems, f"slide {index}:\n" + "\n".join(problems)


def test_the_start_screen_welcomes_in_every_language_and_starts_in_the_one_chosen(operate: Any) -> None:
    """Each pack language's welcome, in its own words, with a button that opens Home in it."""
    operated = operate()
    screen = attract_of(operated)
    pack = operated.window.pack
    assert len(pack.languages) > 1
    welcomes = {
        label.property("language"): label.text()
        for label in screen.findChildren(QLabel, "WelcomeText")
        if label.isVisible()
    }
    assert welcomes == {language: pack.text(pack.manifest.welcome, language) for language in pack.languages}
    labels = {button.objectName(): button.accessibleName() for button in screen.start_buttons}
    assert labels["start-en"] == "Start in English"
    assert labels["start-es"] == "Empezar en español"
    operated.kiosk.tap("start-es")
    assert operated.kiosk.route == "home"
    assert operated.window.state.current.language == "es"
    assert not operated.window.state.current.read_aloud


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_pause_sits_at_its_own_size_in_the_bottom_right_corner(operate: Any, size: tuple[int, int]) -> None:
    operated = operate(size=size)
    screen = attract_of(operated)
    settle()
    pause, invitation = screen.pause_button, screen.invitation
    corner = pause.geometry()
    assert corner.size() == pause.sizeHint()  # not stretched to fill its cell
    right_margin = screen.layout().contentsMargins().right()
    assert corner.right() == screen.width() - right_margin - 1
    assert corner.bottom() == invitation.geometry().bottom()  # on the invitation's line, at its foot
    assert not corner.intersects(invitation.geometry())
