"""Every screen of a pack at every supported size and text size: nothing clipped, nothing
overlapping, every target big enough to hit with a finger."""

from __future__ import annotations

from typing import Any

import pytest
from layout_check import layout_problems
from uihelpers import settle

from kiosk.content.pack import Pack
from kiosk.session.settings_checks import check_site
from kiosk.session.site import SiteDetails
from kiosk.session.state import TextSize
from kiosk.ui.render import all_routes

SIZES = [(1920, 1080), (1080, 1920), (1280, 800)]


SITE = check_site(
    {
        "clinic": {
            "name": "Riverside Family Clinic",
            "phone": "555-0100",
            "hours": "Monday to Friday, 8 am to 6 pm",
            "front_desk": "Tell the front desk now: they will get a nurse.",
            "take_home_url": "https://example.org/patients/lower-back-pain",
            "es": {"front_desk": "Avise ahora en la recepción: llamarán a una enfermera."},
        },
        "emergency": {"number": "112"},
    }
)
"""A clinic with every detail set, so pages carry its words and a take-home code."""


def check_every_screen(
    make_kiosk: Any,
    pack: Pack,
    size: tuple[int, int],
    text_size: TextSize,
    language: str = "en",
    site: SiteDetails | None = None,
) -> list[str]:
    kiosk = make_kiosk(size=size, pack=pack, text_size=text_size, site=site)
    kiosk.window.navigator.set_language(language)
    assert kiosk.window.state.current.language == language
    min_target = 72 if size == (1920, 1080) else 48
    problems: list[str] = []
    for route in all_routes(pack):
        kiosk.window.state.update(route=route)
        settle()
        assert kiosk.route == route.name
        problems += [f"{route.name}: {p}" for p in layout_problems(kiosk.window, min_target)]
    return problems


@pytest.mark.parametrize("text_size", [TextSize.NORMAL, TextSize.LARGEST], ids=["100", "175"])
@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_mini_pack_screens_are_clean(
    make_kiosk: Any, mini_pack: Pack, size: tuple[int, int], text_size: TextSize
) -> None:
    problems = check_every_screen(make_kiosk, mini_pack, size, text_size)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_many_topics_at_largest_text_are_clean(
    make_kiosk: Any, big_pack: Pack, size: tuple[int, int]
) -> None:
    kiosk = make_kiosk(size=size, pack=big_pack, text_size=TextSize.LARGEST)
    min_target = 72 if size == (1920, 1080) else 48
    for route_name in ("home", "topic/topic-1"):
        if route_name != "home":
            kiosk.window.navigator.open_topic("topic-1")
        settle()
        problems = layout_problems(kiosk.window, min_target)
        assert not problems, "\n".join(problems)


def test_the_checker_notices_clipped_text_and_small_targets(qtbot: Any) -> None:
    from PySide6.QtWidgets import QLabel, QPushButton, QWidget

    root = QWidget()
    qtbot.addWidget(root)
    root.resize(300, 300)
    label = QLabel("a sentence far too long to fit in the little space it was given", root)
    label.setGeometry(0, 0, 60, 20)
    button = QPushButton("Go", root)
    button.setProperty("tappable", True)
    button.setGeometry(0, 10, 40, 40)
    root.show()
    problems = layout_problems(root, 72)
    assert any("clipped" in p for p in problems)
    assert any("under 72x72" in p for p in problems)
    assert any("overlap" in p for p in problems)


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("text_size", [TextSize.NORMAL, TextSize.LARGEST], ids=["100", "175"])
@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_bundled_pack_screens_are_clean(
    make_kiosk: Any, bundled_pack_dir: Any, size: tuple[int, int], text_size: TextSize, language: str
) -> None:
    """In English and in Spanish, whose words run about a fifth longer, with a clinic's details
    and a take-home code on every page."""
    from uihelpers import load

    problems = check_every_screen(make_kiosk, load(bundled_pack_dir), size, text_size, language, SITE)
    assert not problems, "\n".join(problems)


# --- text that really grows ---------------------------------------------------------------------

LANGUAGES = ["en", "es"]
TEXT_SIZES = [TextSize.NORMAL, TextSize.LARGEST]
MIN_READING_LINES = 10
"""Lines of reading text an article shows without scrolling, at every size and text size."""


@pytest.fixture(scope="module")
def bundled() -> Pack:
    from uihelpers import load

    from kiosk.content.bundled import bundled_pack_dir
    from kiosk.ui.app import application

    application()
    return load(bundled_pack_dir())


def routes_of_kind(pack: Pack, kind: str) -> list[Any]:
    return [
        route
        for route in all_routes(pack)
        if route.kind == "page" and pack.page(route.page, pack.languages[0]).kind == kind
    ]


def show(kiosk: Any, route: Any) -> Any:
    """Open a route and return its page view."""
    from PySide6.QtWidgets import QWidget

    kiosk.window.state.update(route=route)
    settle()
    return kiosk.window.current_screen.findChild(QWidget, "PageView")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("text_size", TEXT_SIZES, ids=["100", "175"])
@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_articles_show_ten_lines_of_text_without_scrolling(
    make_kiosk: Any, bundled: Pack, size: tuple[int, int], text_size: TextSize, language: str
) -> None:
    """The picture shrinks or moves so the text keeps room: at least ten whole lines of reading text
    show on every article (all of it, when it is shorter), not counting lines under the fade."""
    from layout_check import shown_text_lines
    from PySide6.QtWidgets import QLabel

    kiosk = make_kiosk(size=size, pack=bundled, text_size=text_size, site=SITE)
    kiosk.window.navigator.set_language(language)
    short = []
    for route in routes_of_kind(bundled, "article"):
        view = show(kiosk, route)
        column = view.text_column
        assert column.verticalScrollBar().value() == 0
        labels = [label for label in view.findChildren(QLabel, "PageText") if label.isVisible()]
        viewport = column.viewport()
        shown = sum(shown_text_lines(label, viewport, column.fade_height // 2) for label in labels)
        total = sum(shown_text_lines(label, label) for label in labels)
        if shown < min(MIN_READING_LINES, total):
            short.append(f"{route.name}: {shown} of {total} lines show")
    assert not short, "\n".join(short)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("text_size", TEXT_SIZES, ids=["100", "175"])
@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_the_current_step_shows_beside_the_figure_without_scrolling(
    make_kiosk: Any, bundled: Pack, size: tuple[int, int], text_size: TextSize, language: str
) -> None:
    """On every exercise page, as the demo moves through its steps, the step being performed is
    written whole on screen next to the figure, and it is the highlighted one in the list; the
    figure keeps at least a quarter of the screen's height."""
    from PySide6.QtCore import QRect

    kiosk = make_kiosk(size=size, pack=bundled, text_size=text_size, site=SITE)
    kiosk.window.navigator.set_language(language)
    for route in routes_of_kind(bundled, "exercise"):
        view = show(kiosk, route)
        player = view.player
        steps = player.plan.steps
        for index in range(len(steps)):
            player.jump_to_step(index)
            settle()
            box = player.current_step
            assert box.isVisible(), route.name
            assert player.steps.rows[index].current
            assert box.words.text().endswith(player.step_texts[index])
            where = QRect(box.mapTo(kiosk.window, box.rect().topLeft()), box.size())
            screen = kiosk.window.current_screen
            page_area = QRect(screen.mapTo(kiosk.window, screen.rect().topLeft()), view.size())
            assert page_area.contains(where), f"{route.name} step {index + 1}: {where} not in {page_area}"
            figure = player.figure
            figure_box = QRect(figure.mapTo(kiosk.window, figure.rect().topLeft()), figure.size())
            assert page_area.contains(figure_box), route.name
            assert figure_box.height() >= size[1] // 4, f"{route.name}: the figure is a strip"
            gap = where.top() - figure_box.bottom()
            assert 0 <= gap <= kiosk.window.theme.px(40), (
                f"{route.name}: the step is {gap} px from the figure"
            )
        assert view.text_column.verticalScrollBar().value() == 0


def control_font_sizes(kiosk: Any, bundled: Pack) -> dict[str, int]:
    """The pixel size of every kind of control and counter word a patient sees on a page."""
    from PySide6.QtWidgets import QWidget

    bar = kiosk.window.top_bar
    sizes = {
        "Home": bar.home.font().pixelSize(),
        "Get help now": bar.get_help.font().pixelSize(),
        "Contrast": bar.high_contrast.font().pixelSize(),
    }
    route = routes_of_kind(bundled, "exercise")[0]
    view = show(kiosk, route)
    screen = kiosk.window.current_screen
    player = view.player
    sizes |= {
        "Next": screen.next.font().pixelSize(),
        "page position": screen.findChild(QWidget, "PagePosition").font().pixelSize(),
        "Play": player.play_button.font().pixelSize(),
        "Slower": player.speed_button.font().pixelSize(),
        "Replay": player.replay_button.font().pixelSize(),
        "counter": player.counter.font().pixelSize(),
        "status": player.status.font().pixelSize(),
        "current step": player.current_step.words.font().pixelSize(),
        "page dots": screen.findChild(QWidget, "PageDots").sizeHint().height(),
    }
    article = show(kiosk, routes_of_kind(bundled, "article")[0])
    caption = article.findChild(QWidget, "IllustrationCaption")
    take_home = article.findChild(QWidget, "TakeHomeLine")
    if caption is not None:
        sizes["caption"] = caption.font().pixelSize()
    if take_home is not None:
        sizes["take-home line"] = take_home.font().pixelSize()
    return sizes


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_controls_and_counters_grow_with_the_text(
    make_kiosk: Any, bundled: Pack, size: tuple[int, int]
) -> None:
    normal = control_font_sizes(make_kiosk(size=size, pack=bundled, site=SITE), bundled)
    largest = control_font_sizes(
        make_kiosk(size=size, pack=bundled, text_size=TextSize.LARGEST, site=SITE), bundled
    )
    assert set(normal) == set(largest)
    assert {"caption", "take-home line"} <= set(normal)
    same = [name for name in normal if not largest[name] > normal[name]]
    assert not same, f"these keep their size at 175 %: {same} ({normal} -> {largest})"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("text_size", TEXT_SIZES, ids=["100", "175"])
@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_counters_break_only_between_phrases(
    make_kiosk: Any, bundled: Pack, size: tuple[int, int], text_size: TextSize, language: str
) -> None:
    """'Rep 1 of / 10' and 'Pierna derecha · / Vez 1 de 3' never happen: each phrase of the counter
    and of a hold or rest countdown is whole on one line, at every moment of every demo."""
    from layout_check import laid_out_lines

    from kiosk.session.exercise_clock import counter_phrases
    from kiosk.ui.strings import tr

    kiosk = make_kiosk(size=size, pack=bundled, text_size=text_size, site=SITE)
    kiosk.window.navigator.set_language(language)
    broken = []
    for route in routes_of_kind(bundled, "exercise"):
        player = show(kiosk, route).player
        plan = player.plan
        moments = [0.0, *(plan.total_seconds * k / 23 for k in range(1, 23)), plan.total_seconds - 0.5]
        for moment in moments:
            player.clock.elapsed = moment
            state = player.advance(0.0)
            settle()
            templates = [tr(key, language) for key in ("set_of", "rep_of", "time_left", "time_in_all")]
            phrases = counter_phrases(plan, state, *templates)
            if state.phase.name in ("HOLD", "REST"):
                phrases.append(player.status.text().replace("\u00a0", " "))
            # as laid out on screen, and in a column a pixel too narrow for the whole line, where a
            # plain space would let the last phrase break ("Rep 3 of" / "10")
            metrics = player.counter.fontMetrics()
            narrow = max(1, metrics.horizontalAdvance(player.counter.text()) - 1)
            for width in (0, narrow):
                lines = [
                    " ".join(line.replace("\u00a0", " ").split())
                    for label in (player.counter, player.status)
                    for line in laid_out_lines(label, width)
                ]
                for phrase in phrases:
                    if not any(phrase in line for line in lines):
                        broken.append(f"{route.name} at {moment:.0f} s: {phrase!r} is split in {lines}")
    assert not broken, "\n".join(broken[:10])
