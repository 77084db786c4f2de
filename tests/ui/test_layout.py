"""Every screen of a pack at every supported size and text size: nothing clipped, nothing
overlapping, every target big enough to hit with a finger."""

from __future__ import annotations

from typing import Any

import pytest
from layout_check import layout_problems
from uihelpers import settle

from kiosk.content.pack import Pack
from kiosk.session.site import SiteDetails
from kiosk.session.state import TextSize
from kiosk.ui.render import all_routes

SIZES = [(1920, 1080), (1080, 1920), (1280, 800)]


SITE = SiteDetails.model_validate(
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
