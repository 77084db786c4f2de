"""Screens kept and shown again (`kiosk.ui.screen_cache`): a kept screen looks as if it were new.

A kept screen is shown again scrolled to the top, with its demo stopped at the start; after an
idle reset the next patient sees nothing of the last visit; a change of text size, contrast or
language shows on every screen; and a long walk through the pack does not pile up widgets.
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QPoint
from PySide6.QtWidgets import QLabel, QScrollArea, QWidget
from test_idle_reset import fire_idle_timer
from uihelpers import load, settle

from kiosk.content.bundled import bundled_pack_dir
from kiosk.content.pack import Pack
from kiosk.session.state import Route, TextSize
from kiosk.ui.exercise.player import ExercisePlayer

BASICS = Route("topic", topic="basics")
FIRST_PAGE = Route("page", topic="basics", page="what-is-it")
SECOND_PAGE = Route("page", topic="basics", page="symptoms")


@pytest.fixture(scope="module")
def bundled() -> Pack:
    from kiosk.ui.app import application

    application()
    return load(bundled_pack_dir())


def scroll_of(window: Any) -> Any:
    scroll = window.current_screen.findChild(QScrollArea)
    assert scroll is not None
    return scroll.verticalScrollBar()


def scroll_to_bottom(window: Any) -> None:
    bar = scroll_of(window)
    assert bar.maximum() > 0, "the screen must be taller than the window for this test"
    bar.setValue(bar.maximum())


def visible_title(window: Any) -> QLabel:
    titles = [
        label
        for label in window.current_screen.findChildren(QLabel)
        if label.isVisible() and label.property("role") == "title" and label.text()
    ]
    assert titles, f"no title on {window.state.current.route.name}"
    return titles[0]


def widgets_alive(window: Any) -> int:
    settle()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    settle()
    return len(window.findChildren(QWidget))


def test_back_shows_the_kept_screen_scrolled_to_the_top(make_kiosk: Any, big_pack: Pack) -> None:
    kiosk = make_kiosk(pack=big_pack, size=(1280, 800), text_size=TextSize.LARGEST)
    window = kiosk.window
    topic = big_pack.manifest.topics[0]
    home = window.current_screen
    scroll_to_bottom(window)
    window.navigator.open_topic(topic.id)
    settle()
    scroll_to_bottom(window)
    topic_screen = window.current_screen
    kiosk.tap("back")
    assert kiosk.route == "home"
    assert window.current_screen is home, "Home was kept, not built again"
    assert scroll_of(window).value() == 0
    window.navigator.open_topic(topic.id)
    settle()
    assert window.current_screen is topic_screen
    assert scroll_of(window).value() == 0
    assert not [screen for screen in window.screens.screens() if screen.isVisible()]


def test_a_kept_exercise_page_shows_its_demo_stopped_at_the_start(make_kiosk: Any, bundled: Pack) -> None:
    kiosk = make_kiosk(pack=bundled)
    window = kiosk.window
    topic = next(t for t in bundled.manifest.topics if "bridge" in t.pages)
    window.navigator.open_page(topic.id, "bridge")
    settle()
    screen = window.current_screen
    player = screen.findChild(ExercisePlayer)
    fresh_counter = player.counter.text()
    kiosk.tap("Speed")
    kiosk.tap("PlayPause")
    player.advance(30)
    assert player.counter.text() != fresh_counter and player.is_playing()
    kiosk.tap("back")
    assert not player.is_playing(), "a hidden demo does not run"
    window.navigator.open_page(topic.id, "bridge")
    settle()
    assert window.current_screen is screen, "the page was kept, not built again"
    assert not player.is_playing()
    assert player.counter.text() == fresh_counter
    assert player.play_button.accessibleName() == "Play"
    assert player.speed_button.accessibleName() == "Slower"
    assert player.clock.elapsed == 0 and player.clock.speed == 1.0


def test_after_an_idle_reset_the_next_patient_sees_nothing_of_the_last_visit(
    operate: Any, big_pack: Pack
) -> None:
    operated = operate(pack=big_pack, size=(1280, 800))
    kiosk, window = operated.kiosk, operated.window
    topic = big_pack.manifest.topics[0]
    kiosk.tap("AttractScreen")
    for _ in range(3):
        kiosk.tap("bigger-text")
    last_visit = {id(window.current_screen)}
    scroll_to_bottom(window)
    kiosk.tap(f"topic/{topic.id}")
    last_visit.add(id(window.current_screen))
    scroll_to_bottom(window)
    kiosk.tap(f"page/{topic.id}/{topic.pages[0]}")
    last_visit |= {id(screen) for screen in window.screens.screens()}
    operated.clock.advance(90)
    fire_idle_timer(operated)
    operated.clock.advance(20)
    fire_idle_timer(operated)
    assert kiosk.route == "attract"
    assert len(window.screens) == 0, "no screen of the last visit is kept"

    kiosk.tap("AttractScreen")
    assert kiosk.route == "home" and scroll_of(window).value() == 0
    assert id(window.current_screen) not in last_visit
    kiosk.tap(f"topic/{topic.id}")
    assert scroll_of(window).value() == 0
    kiosk.tap("back")
    assert scroll_of(window).value() == 0


@pytest.mark.parametrize("change", ["text size", "contrast", "language"])
def test_a_change_of_text_size_contrast_or_language_shows_on_a_kept_screen(
    make_kiosk: Any, change: str
) -> None:
    kiosk = make_kiosk()
    window = kiosk.window
    window.navigator.open_topic("basics")
    settle()
    title = visible_title(window)
    before = (title.text(), title.font().pixelSize(), window.current_screen.grab().toImage().pixel(5, 5))
    window.navigator.go_home()
    settle()
    assert BASICS in window.screens
    if change == "text size":
        window.navigator.bigger_text()
    elif change == "contrast":
        window.navigator.toggle_high_contrast()
    else:
        window.navigator.toggle_language()
    settle()
    window.navigator.open_topic("basics")
    settle()
    title = visible_title(window)
    after = (title.text(), title.font().pixelSize(), window.current_screen.grab().toImage().pixel(5, 5))
    if change == "text size":
        assert after[1] > before[1]
    elif change == "contrast":
        assert after[2] != before[2], "the background is the high-contrast one"
    else:
        assert (before[0], after[0]) == ("The basics", "Lo básico")


def test_a_new_pack_shows_its_own_screens_not_the_kept_ones(make_kiosk: Any, big_pack: Pack) -> None:
    kiosk = make_kiosk()
    window = kiosk.window
    window.navigator.open_topic("basics")
    settle()
    window.navigator.go_home()
    settle()
    assert BASICS in window.screens
    old_home = window.current_screen
    window.set_pack(big_pack)
    settle()
    assert kiosk.route == "home" and window.current_screen is not old_home
    assert visible_title(window).text() == big_pack.text(big_pack.manifest.title, "en")
    assert len(window.screens) == 0


def test_the_next_page_is_built_while_the_patient_reads(make_kiosk: Any) -> None:
    kiosk = make_kiosk()
    window = kiosk.window
    window.navigator.open_page("basics", "what-is-it")
    settle()
    assert SECOND_PAGE in window.screens
    waiting = next(screen for screen in window.screens.screens() if screen.property("position") == "2/2")
    kiosk.tap("next")
    assert kiosk.route == SECOND_PAGE.name
    assert window.current_screen is waiting
    assert kiosk.page_shown() == "symptoms"
    assert window.current_screen.property("position") == "2/2"
    assert FIRST_PAGE in window.screens


def test_a_page_slide_ends_on_the_built_next_page(make_kiosk: Any) -> None:
    kiosk = make_kiosk()
    window = kiosk.window
    window.navigator.open_page("basics", "what-is-it")
    settle()
    waiting = next(screen for screen in window.screens.screens() if screen.property("position") == "2/2")
    pager = window.current_screen.pager
    centre = window.current_screen.mapTo(window, window.current_screen.rect().center())
    kiosk.finger.drag(centre, centre - QPoint(window.width() // 2, 0))
    animation = pager.animation
    animation.setCurrentTime(animation.duration())
    settle()
    assert kiosk.route == SECOND_PAGE.name
    assert window.current_screen is waiting, "the built page is shown, not a new one"
    assert kiosk.page_shown() == "symptoms"
    assert not pager.isVisible()


def test_a_walk_through_the_pack_does_not_pile_up_widgets(make_kiosk: Any) -> None:
    kiosk = make_kiosk()
    window = kiosk.window
    navigator = window.navigator

    def walk() -> None:
        for topic in ("basics", "help"):
            navigator.open_topic(topic)
            settle()
            for page in navigator.pages_of(topic):
                navigator.open_page(topic, page)
                settle()
                navigator.next_page()
                settle()
                navigator.back()
                settle()
            navigator.go_home()
            settle()

    walk()
    after_one_walk = widgets_alive(window)
    for _ in range(5):
        walk()
    assert widgets_alive(window) <= after_one_walk


def test_pages_replaced_before_they_paint_are_let_go_safely(make_kiosk: Any) -> None:
    """Commands faster than frames (a hidden window, a burst of taps): screens shown and replaced
    without ever painting are deleted, and the next page still gets its neighbours built."""
    kiosk = make_kiosk()
    window = kiosk.window
    window.hide()
    for _ in range(3):
        window.navigator.open_page("basics", "what-is-it")
        window.navigator.go_home()
        window.navigator.bigger_text()  # drops every kept screen
        settle()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    window.show()
    settle()
    window.navigator.open_page("basics", "what-is-it")
    settle()
    settle()
    assert SECOND_PAGE in window.screens
    assert kiosk.route == FIRST_PAGE.name


def start_screen_kiosk(qtbot: Any, pack: Pack) -> Any:
    """A kiosk window on the start screen, as `kiosk run` shows it, with no screen built ahead yet."""
    from uihelpers import Kiosk

    from kiosk.session.state import ATTRACT, AppState, Snapshot
    from kiosk.ui.main_window import MainWindow

    window = MainWindow(AppState(Snapshot(route=ATTRACT)), pack)
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    window.show()
    qtbot.waitExposed(window)
    settle()
    assert len(window.screens) == 0
    return Kiosk(window)


def count_builds(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Route names of every screen built from now on."""
    from kiosk.ui import main_window

    built: list[str] = []
    build = main_window.build_screen

    def counted(context: Any) -> Any:
        built.append(context.route.name)
        return build(context)

    monkeypatch.setattr(main_window, "build_screen", counted)
    return built


def test_while_the_start_screen_shows_home_and_its_topics_are_built_ahead(
    qtbot: Any, big_pack: Pack, monkeypatch: pytest.MonkeyPatch
) -> None:
    kiosk = start_screen_kiosk(qtbot, big_pack)
    window = kiosk.window
    from kiosk.ui import resources

    window.screens.limit = 4  # fewer than the pack's topics: the cache's bound holds
    built = count_builds(monkeypatch)
    resources.forget_drawn_pictures()
    with qtbot.waitSignal(window.prepared, timeout=10_000):
        window.prepare_ahead()
    assert resources._pictures, "the screens built ahead were painted unseen: their pictures are drawn"
    topics = [Route("topic", topic=topic.id) for topic in big_pack.manifest.topics]
    ahead = topics[:4]
    assert len(topics) > 4
    kept = [Route("home"), *ahead]
    assert sorted(name for name in built if not name.startswith("page/")) == sorted(r.name for r in kept)
    assert all(route in window.screens for route in kept)
    # one page of each kind (but the exercise demo) was drawn once, unseen, and let go
    kinds = {big_pack.page(page, "en").kind for topic in big_pack.manifest.topics for page in topic.pages}
    kinds.discard("exercise")
    pages = [name.split("/") for name in built if name.startswith("page/")]
    assert len(pages) == len(kinds) >= 1
    assert {big_pack.page(page, "en").kind for _, _, page in pages} == kinds
    assert not any(Route("page", topic=topic, page=page) in window.screens for _, topic, page in pages)
    assert kiosk.route == "attract" and window.current_screen.isVisible()
    assert not any(screen.isVisible() for screen in window.screens.screens()), "built hidden"
    before = len(built)
    kiosk.tap("AttractScreen")
    kiosk.tap(f"topic/{ahead[0].topic}")
    assert kiosk.route == ahead[0].name
    assert len(built) == before, "the first taps of the visit showed screens built ahead"
    assert visible_title(window).text() == big_pack.text(big_pack.manifest.topics[0].title, "en")


def test_a_visit_started_while_screens_are_built_ahead_stops_the_building(
    qtbot: Any, big_pack: Pack, monkeypatch: pytest.MonkeyPatch
) -> None:
    kiosk = start_screen_kiosk(qtbot, big_pack)
    window = kiosk.window
    built = count_builds(monkeypatch)
    window.prepare_ahead()  # builds Home now, the rest one per pass of the event loop
    assert built == ["home"]
    with qtbot.waitSignal(window.prepared, timeout=10_000):
        window.navigator.go_home()  # what a tap on the start screen does, before the next pass
    settle()
    assert kiosk.route == "home" and built == ["home"], "nothing more was built once the visit began"


def test_after_an_idle_reset_home_is_built_ahead_again_for_the_next_patient(
    operate: Any, monkeypatch: pytest.MonkeyPatch, qtbot: Any
) -> None:
    from kiosk.ui import operation

    monkeypatch.setattr(operation, "RETURN_MEMORY_DELAY_MS", 50)
    operated = operate()
    kiosk, window = operated.kiosk, operated.window
    kiosk.tap("AttractScreen")
    last_home = window.current_screen
    kiosk.tap("topic/basics")
    operated.clock.advance(90)
    fire_idle_timer(operated)
    operated.clock.advance(20)
    with qtbot.waitSignal(window.prepared, timeout=10_000):
        fire_idle_timer(operated)
    assert kiosk.route == "attract"
    assert Route("home") in window.screens and BASICS in window.screens
    built = count_builds(monkeypatch)
    kiosk.tap("AttractScreen")
    assert kiosk.route == "home" and window.current_screen is not last_home
    assert built == [], "the next patient's Home was built ahead, after the reset"


def test_every_kind_of_page_but_the_exercise_demo_is_drawn_ahead(
    qtbot: Any, bundled: Pack, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bundled pack has articles, a summary, red flags, references and exercise demos: each
    kind is drawn once ahead, except the demo (the costliest to draw, and its fonts would keep Qt's
    font cache over its limit, waking the start screen)."""
    kiosk = start_screen_kiosk(qtbot, bundled)
    built = count_builds(monkeypatch)
    with qtbot.waitSignal(kiosk.window.prepared, timeout=10_000):
        kiosk.window.prepare_ahead()
    kinds = {bundled.page(page, "en").kind for topic in bundled.manifest.topics for page in topic.pages}
    assert "exercise" in kinds and len(kinds) >= 3
    drawn = [bundled.page(name.split("/")[2], "en").kind for name in built if name.startswith("page/")]
    assert sorted(drawn) == sorted(kinds - {"exercise"})
