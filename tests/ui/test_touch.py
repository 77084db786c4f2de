"""Taps and swipes with real touch events: one action per tap, slides that follow the finger,
and a swipe that starts on a button presses nothing."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QPushButton, QScrollArea
from uihelpers import settle

from kiosk.session.state import TextSize


def test_tapping_home_topic_page_shows_each_screen(make_kiosk: Any) -> None:
    kiosk = make_kiosk()
    kiosk.tap("topic/basics")
    assert kiosk.route == "topic/basics"
    kiosk.tap("page/basics/what-is-it")
    assert kiosk.route == "page/basics/what-is-it"
    assert kiosk.page_shown() == "what-is-it"
    kiosk.tap("next")
    assert kiosk.page_shown() == "symptoms"
    kiosk.tap("back")
    assert kiosk.route == "topic/basics"
    kiosk.tap("home")
    assert kiosk.route == "home"


def test_one_tap_is_exactly_one_action(make_kiosk: Any) -> None:
    kiosk = make_kiosk()
    kiosk.window.navigator.open_page("help", "when-to-call")
    clicks: list[bool] = []
    kiosk.window.findChild(QPushButton, "next").clicked.connect(lambda *_: clicks.append(True))
    kiosk.routes.clear()
    kiosk.tap("next")
    assert clicks == [True]
    assert kiosk.routes == ["page/help/emergency"]  # not two pages further, not back to the topic


def test_one_tap_on_text_size_steps_once(make_kiosk: Any) -> None:
    kiosk = make_kiosk()
    kiosk.tap("bigger-text")
    assert kiosk.window.state.current.text_size is TextSize.LARGE


def test_swipe_left_turns_to_the_next_page_and_right_comes_back(make_kiosk: Any, qtbot: Any) -> None:
    kiosk = make_kiosk()
    kiosk.window.navigator.open_page("basics", "what-is-it")
    kiosk.finger.drag(QPoint(1500, 600), QPoint(700, 600))
    qtbot.waitUntil(lambda: kiosk.route == "page/basics/symptoms")
    assert kiosk.page_shown() == "symptoms"
    kiosk.finger.drag(QPoint(500, 600), QPoint(1300, 600))
    qtbot.waitUntil(lambda: kiosk.route == "page/basics/what-is-it")


def test_slide_follows_the_finger_while_it_moves(make_kiosk: Any) -> None:
    kiosk = make_kiosk()
    kiosk.window.navigator.open_page("basics", "what-is-it")
    finger = kiosk.finger
    finger._send("press", QPoint(1500, 600))
    for x in range(1480, 1190, -20):
        finger._send("move", QPoint(x, 600))
    pager = kiosk.window.current_screen.findChild(QScrollArea).parentWidget().parentWidget()
    current = pager.current
    assert current.x() < -250  # the page moved with the finger
    assert pager.neighbours[1] is not None and pager.neighbours[1].isVisible()
    finger._send("release", QPoint(1200, 600))


def test_a_short_drag_springs_back_and_changes_nothing(make_kiosk: Any, qtbot: Any) -> None:
    kiosk = make_kiosk()
    kiosk.window.navigator.open_page("basics", "what-is-it")
    kiosk.routes.clear()
    kiosk.finger.drag(QPoint(1500, 600), QPoint(1420, 600), steps=20)
    pager = kiosk.window.current_screen.findChild(QScrollArea).parentWidget().parentWidget()
    qtbot.waitUntil(lambda: pager.current.x() == 0)
    assert kiosk.routes == []


def test_a_swipe_that_starts_on_a_button_presses_nothing(make_kiosk: Any, qtbot: Any) -> None:
    kiosk = make_kiosk()
    kiosk.window.navigator.open_page("basics", "symptoms")
    kiosk.routes.clear()
    clicks: list[bool] = []
    previous = kiosk.window.findChild(QPushButton, "previous")
    previous.clicked.connect(lambda *_: clicks.append(True))
    # The swipe starts on the Previous button and moves left, the wrong way for that button.
    start = kiosk.target("previous")
    kiosk.finger._send("press", start)
    assert previous.isDown()  # the finger is down: the button shows it
    for step in range(1, 10):
        kiosk.finger._send("move", start + QPoint(-40 * step, 0))
    assert not previous.isDown()  # it became a drag: the button lets go
    kiosk.finger._send("release", start + QPoint(-360, 0))
    assert clicks == []
    assert kiosk.routes == []


def test_a_swipe_across_a_home_tile_does_not_open_it(make_kiosk: Any) -> None:
    kiosk = make_kiosk(size=(1080, 1920))
    start = kiosk.target("topic/basics")
    kiosk.finger.drag(start, start + QPoint(0, -300))
    assert kiosk.route == "home"


def test_vertical_drag_scrolls_long_text(make_kiosk: Any, qtbot: Any, big_pack: Any) -> None:
    kiosk = make_kiosk(size=(1280, 800), pack=big_pack, text_size=TextSize.LARGEST)
    scroll = kiosk.window.current_screen.findChild(QScrollArea)
    bar = scroll.verticalScrollBar()
    assert bar.maximum() > 0, "Home should be taller than a 1280x800 screen at the largest text"
    centre = scroll.mapTo(kiosk.window, scroll.rect().center())
    kiosk.finger.drag(centre, centre + QPoint(0, -250))
    qtbot.waitUntil(lambda: bar.value() > 100)
    assert kiosk.route == "home"
    qtbot.waitUntil(lambda: not _scrolling(scroll))


def _scrolling(scroll: QScrollArea) -> bool:
    from PySide6.QtWidgets import QScroller

    return QScroller.scroller(scroll.viewport()).state() != QScroller.State.Inactive


def test_mouse_drag_also_swipes(make_kiosk: Any, qtbot: Any) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    kiosk = make_kiosk()
    kiosk.window.navigator.open_page("basics", "what-is-it")
    settle()
    target = kiosk.window.childAt(QPoint(1500, 600))
    local = target.mapFrom(kiosk.window, QPoint(1500, 600))
    QTest.mousePress(target, Qt.MouseButton.LeftButton, pos=local)
    for step in range(1, 11):
        QTest.mouseMove(target, local - QPoint(70 * step, 0))
    QTest.mouseRelease(target, Qt.MouseButton.LeftButton, pos=local - QPoint(700, 0))
    qtbot.waitUntil(lambda: kiosk.route == "page/basics/symptoms")


def test_link_in_page_text_goes_through_the_same_command(make_kiosk: Any) -> None:
    kiosk = make_kiosk()
    kiosk.window.navigator.open_page("basics", "what-is-it")
    calls: list[str] = []
    navigator = kiosk.window.navigator
    original = navigator.follow_link
    navigator.follow_link = lambda href: (calls.append(href), original(href))  # type: ignore[method-assign]
    from PySide6.QtWidgets import QLabel

    text = kiosk.window.current_screen.findChild(QLabel, "PageText")
    text.linkActivated.emit("page:symptoms")
    assert kiosk.route == "page/basics/symptoms"
