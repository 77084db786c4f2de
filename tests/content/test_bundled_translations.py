"""The bundled pack in Spanish says what the English says: every page in both languages, with the
same kind, picture, links, numbers, and (for exercises) the same demo, timing and dose.

A patient who switches to Spanish must not get a different number of repetitions, a missing
caution, or an emergency page without a way to call for help.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kiosk.content.loader import load_pack
from kiosk.content.models import ANY_LANGUAGE
from kiosk.content.pack import Pack, Page
from kiosk.content.pack_types import ExerciseFrontMatter

PACK = Path(__file__).resolve().parents[2] / "resources" / "packs" / "lower-back-pinched-nerve"
LINK = re.compile(r'href="(page:[a-z0-9-]+)"')
NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


@pytest.fixture(scope="module")
def pack() -> Pack:
    result = load_pack(PACK)
    assert result.pack is not None, [p.format() for p in result.problems]
    assert not result.problems, [p.format() for p in result.problems]
    return result.pack


def page_ids(pack: Pack) -> list[str]:
    return sorted({page_id for topic in pack.manifest.topics for page_id in topic.pages})


def both(pack: Pack, page_id: str) -> tuple[Page, Page]:
    english, spanish = pack.pages[(page_id, "en")], pack.pages[(page_id, "es")]
    assert spanish.source_file == f"pages/{page_id}.es.md"
    return english, spanish


def numbers(page: Page) -> list[str]:
    """Every number a patient reads on the page: the text and, for exercises, steps and cautions."""
    words = [page.title, page.plain_text]
    if isinstance(page.front, ExerciseFrontMatter):
        words += [step.text for step in page.front.steps] + list(page.front.cautions)
    return sorted(NUMBER.findall(" ".join(words)))


def test_the_pack_offers_english_first_then_spanish(pack: Pack) -> None:
    assert pack.languages == ["en", "es"]
    assert pack.default_language == "en"


def test_every_page_has_its_own_spanish_file(pack: Pack) -> None:
    missing = [page_id for page_id in page_ids(pack) if (page_id, "es") not in pack.pages]
    assert not missing


def test_every_text_of_the_manifest_is_in_spanish(pack: Pack) -> None:
    manifest = pack.manifest
    texts = {"title": manifest.title, "welcome": manifest.welcome, "disclaimer": manifest.disclaimer}
    for topic in manifest.topics:
        texts[f"{topic.id} title"] = topic.title
        if topic.summary is not None:
            texts[f"{topic.id} summary"] = topic.summary
    for name, text in texts.items():
        assert ANY_LANGUAGE not in text, f"{name} is one text for every language"
        assert text["es"] != text["en"], f"{name} is not translated"


ENGLISH_PAGES = sorted(path.name.removesuffix(".en.md") for path in (PACK / "pages").glob("*.en.md"))


def test_every_english_page_is_a_page_of_the_pack(pack: Pack) -> None:
    assert page_ids(pack) == ENGLISH_PAGES


@pytest.mark.parametrize("page_id", ENGLISH_PAGES)
def test_spanish_page_matches_the_english_one(pack: Pack, page_id: str) -> None:
    english, spanish = both(pack, page_id)
    assert spanish.kind == english.kind
    assert spanish.front.illustration == english.front.illustration
    assert spanish.front.source == english.front.source
    assert spanish.title != english.title, "the title is not translated"
    assert spanish.front.illustration_alt != english.front.illustration_alt
    assert sorted(LINK.findall(spanish.body_html)) == sorted(LINK.findall(english.body_html))
    assert numbers(spanish) == numbers(english)


@pytest.mark.parametrize("page_id", ["pelvic-tilt", "knee-to-chest", "bridge", "walking", "cycling"])
def test_spanish_exercise_has_the_same_demo_timing_and_dose(pack: Pack, page_id: str) -> None:
    english, spanish = both(pack, page_id)
    en, es = english.front, spanish.front
    assert isinstance(en, ExerciseFrontMatter) and isinstance(es, ExerciseFrontMatter)
    assert es.animation == en.animation
    assert [(s.start, s.end, s.hold) for s in es.steps] == [(s.start, s.end, s.hold) for s in en.steps]
    assert (es.sets, es.reps, es.minutes, es.hold_seconds, es.rest_seconds) == (
        en.sets,
        en.reps,
        en.minutes,
        en.hold_seconds,
        en.rest_seconds,
    )
    assert es.ask_care_team_first == en.ask_care_team_first
    assert len(es.cautions) == len(en.cautions) >= 2
    assert len(es.sides) == len(en.sides)
    assert all(s.text != e.text for s, e in zip(es.steps, en.steps, strict=True)), "a step is not translated"
    assert es.cautions[0].startswith("Deténgase si el dolor, el hormigueo o el entumecimiento bajan más")


def test_the_spanish_emergency_page_sends_people_to_their_local_emergency_number(pack: Pack) -> None:
    page = pack.pages[("emergency-signs", "es")]
    text = page.plain_text
    assert page.kind == "red-flag"
    assert "{emergency.number}" in text and "sala de emergencias" in text  # the kiosk fills the number
    assert "911" not in text
    assert "cauda equina" in text
    for sign in (
        "dos piernas",
        "orinar",
        "excremento",
        "genitales",
        "nalgas",
        "muslos",
        "sexual",
        "arrastra el pie",
        "caída",
        "accidente",
    ):
        assert sign in text, f"the emergency page does not name {sign!r}"


def test_the_spanish_references_list_the_same_sources_word_for_word(pack: Pack) -> None:
    def sources(language: str) -> list[str]:
        text = (PACK / "pages" / f"references.{language}.md").read_text(encoding="utf-8")
        return [line for line in text.splitlines() if line.startswith("- ")]

    assert len(sources("en")) >= 10
    assert sources("es") == sources("en")
