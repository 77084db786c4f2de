"""What the bundled pack tells patients about safety, checked in both languages.

These are the points a clinical reader found missing or wrong once (docs/clinical-review.md lists
them for every future review): the full emergency list, two levels of "when to call" with the red
flags for serious causes, no emergency number that is wrong outside one country, an exercise stop
rule that fits people who already have leg numbness, and sources with years and addresses. A page
edit that drops one of them fails here, in the language that lost it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kiosk.content.loader import load_pack
from kiosk.content.pack import Pack
from kiosk.content.pack_types import ExerciseFrontMatter
from kiosk.content.placeholders import fill_pack
from kiosk.session.site import SiteDetails

PACK = Path(__file__).resolve().parents[2] / "resources" / "packs" / "lower-back-pinched-nerve"
EXERCISES = ["pelvic-tilt", "knee-to-chest", "bridge", "walking", "cycling"]

EMERGENCY_SIGNS = {
    "en": [
        "both legs",
        "cannot pee",
        "control your poop",
        "do not feel when you need to pee or poop",
        "genitals",
        "inner thighs",
        "sex",
        "foot drags",
        "cannot stand",
        "after a fall, a car crash",
    ],
    "es": [
        "dos piernas",
        "no puede orinar",
        "controlar el excremento",
        "no siente cuándo necesita orinar",
        "genitales",
        "muslos",
        "sexual",
        "arrastra el pie",
        "no puede ponerse de pie",
        "después de una caída, un accidente de carro",
    ],
}
CALL_TODAY = {
    "en": [
        "Call your care team today",
        "cancer",
        "losing weight without trying",
        "fever or chills",
        "weak immune system",
        "steroid",
        "injected drugs",
        "worse at night",
        "thin bones",
        "new weakness",
    ],
    "es": [
        "Llame hoy mismo",
        "cáncer",
        "bajando de peso sin intentarlo",
        "fiebre o escalofríos",
        "defensas bajas",
        "esteroides",
        "inyectado drogas",
        "peor de noche",
        "huesos débiles",
        "debilidad nueva",
    ],
}
APPOINTMENT = {"en": ("Make an appointment", "4 to 6 weeks"), "es": ("Pida una cita", "4 a 6 semanas")}
LOCAL_NUMBER = {"en": "your local emergency number", "es": "su número local de emergencias"}
STOP_RULE = {
    "en": (
        "Stop if pain, tingling or numbness spreads farther down your leg, or your leg feels weaker.",
        "mild",
        "30 minutes",
    ),
    "es": (
        "Deténgase si el dolor, el hormigueo o el entumecimiento bajan más por la pierna, o si siente "
        "la pierna más débil.",
        "leve",
        "30 minutos",
    ),
}
LANGUAGES = ["en", "es"]


@pytest.fixture(scope="module")
def pack() -> Pack:
    result = load_pack(PACK)
    assert result.pack is not None, [p.format() for p in result.problems]
    return result.pack


def text_of(pack: Pack, page_id: str, language: str) -> str:
    return pack.pages[(page_id, language)].plain_text


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_emergency_page_names_every_sign_of_a_squeezed_nerve_bundle(pack: Pack, language: str) -> None:
    text = text_of(pack, "emergency-signs", language)
    missing = [sign for sign in EMERGENCY_SIGNS[language] if sign.lower() not in text.lower()]
    assert not missing
    assert "{emergency.number}" in text  # each kiosk fills in its own country's number
    assert (
        LOCAL_NUMBER[language]
        in fill_pack(pack, SiteDetails().words_by_language(LANGUAGES))
        .pages[("emergency-signs", language)]
        .plain_text
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_new_weakness_in_one_leg_is_a_same_day_call_not_an_emergency(pack: Pack, language: str) -> None:
    emergency = text_of(pack, "emergency-signs", language)
    assert ("one or both" not in emergency) and ("una o en las dos" not in emergency)
    when = text_of(pack, "when-to-call", language)
    missing = [flag for flag in CALL_TODAY[language] if flag not in when]
    assert not missing


@pytest.mark.parametrize("language", LANGUAGES)
def test_when_to_call_has_two_levels_and_ends_on_reassurance(pack: Pack, language: str) -> None:
    when = text_of(pack, "when-to-call", language)
    heading, weeks = APPOINTMENT[language]
    assert heading in when and weeks in when
    assert when.index(CALL_TODAY[language][0]) < when.index(heading)
    assert "for good" not in when and "para siempre" not in when
    assert ("get better" in when) if language == "en" else ("mejora" in when)


def test_no_page_or_manifest_text_names_one_country_emergency_number() -> None:
    files = [PACK / "pack.yaml", *sorted((PACK / "pages").glob("*.md"))]
    with_911 = [path.name for path in files if re.search(r"\b911\b", path.read_text(encoding="utf-8"))]
    assert not with_911


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_disclaimer_points_to_the_local_emergency_number(pack: Pack, language: str) -> None:
    assert "{emergency.number}" in pack.manifest.disclaimer[language]
    unset = fill_pack(pack, SiteDetails().words_by_language(LANGUAGES))
    assert LOCAL_NUMBER[language] in unset.manifest.disclaimer[language]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page_id", EXERCISES)
def test_every_exercise_stops_when_symptoms_spread_and_allows_mild_discomfort(
    pack: Pack, page_id: str, language: str
) -> None:
    front = pack.pages[(page_id, language)].front
    assert isinstance(front, ExerciseFrontMatter)
    stop, mild, half_hour = STOP_RULE[language]
    assert front.cautions[0] == stop
    assert mild in front.cautions[1] and half_hour in front.cautions[1]
    assert not any("numbness." in c or "entumecimiento." in c for c in front.cautions[1:])


@pytest.mark.parametrize(
    ("page_id", "language", "phrase"),
    [
        ("knee-to-chest", "en", "Skip this stretch if bending forward makes your leg pain worse."),
        ("knee-to-chest", "es", "No haga este estiramiento si doblarse hacia adelante le empeora el dolor"),
        ("walking", "en", "hold on"),
        ("walking", "es", "agarrarse"),
        ("cycling", "en", "hold on to the handlebars"),
        ("cycling", "es", "agárrese del manubrio"),
    ],
)
def test_exercise_specific_cautions(pack: Pack, page_id: str, language: str, phrase: str) -> None:
    front = pack.pages[(page_id, language)].front
    assert isinstance(front, ExerciseFrontMatter)
    assert any(phrase in caution for caution in front.cautions)


@pytest.mark.parametrize(
    ("language", "sides"), [("en", ["Right leg", "Left leg"]), ("es", ["Pierna derecha", "Pierna izquierda"])]
)
def test_knee_to_chest_works_each_leg_three_times_in_turn(
    pack: Pack, language: str, sides: list[str]
) -> None:
    front = pack.pages[("knee-to-chest", language)].front
    assert isinstance(front, ExerciseFrontMatter)
    assert front.sides == sides
    assert front.reps == 3 and front.sets == 1


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page_id", ["pelvic-tilt", "knee-to-chest", "bridge"])
def test_floor_exercises_say_how_often_and_how_to_get_up(pack: Pack, page_id: str, language: str) -> None:
    text = text_of(pack, page_id, language)
    often, roll = {
        "en": ("once or twice a day", "roll onto your side"),
        "es": ("una o dos veces al día", "gire de lado"),
    }[language]
    assert often in text and roll in text


@pytest.mark.parametrize(
    ("page_id", "phrases"),
    [
        (
            "surgery",
            {
                "en": ["discectomy", "faster", "about a year", "emergency signs"],
                "es": ["discectomía", "más rápido", "un año", "señales de emergencia"],
            },
        ),
        (
            "injections",
            {
                "en": ["steroid", "numbing medicine", "weeks to months", "spinal stenosis"],
                "es": ["esteroide", "medicina para adormecer", "semanas a meses", "estenosis espinal"],
            },
        ),
        (
            "exam-and-imaging",
            {
                "en": [
                    "bones only",
                    "do not need a scan at first",
                    "discs and nerves",
                    "no back pain at all",
                    "pacemaker",
                ],
                "es": [
                    "solo muestra los huesos",
                    "no necesita estudios de imagen",
                    "los discos y los nervios",
                    "sin ningún dolor de espalda",
                    "marcapasos",
                ],
            },
        ),
        (
            "nerve-tests",
            {
                "en": ["EMG", "thin needle", "nerve conduction study"],
                "es": ["EMG", "aguja delgada", "estudio de conducción nerviosa"],
            },
        ),
    ],
)
@pytest.mark.parametrize("language", LANGUAGES)
def test_treatment_and_test_pages_say_what_patients_need_to_know(
    pack: Pack, page_id: str, phrases: dict[str, list[str]], language: str
) -> None:
    text = text_of(pack, page_id, language)
    missing = [phrase for phrase in phrases[language] if phrase not in text]
    assert not missing


def test_every_source_has_a_year_or_says_it_has_none_and_an_address() -> None:
    text = (PACK / "pages" / "references.en.md").read_text(encoding="utf-8")
    sources = [line for line in text.splitlines() if line.startswith("- ")]
    for source in sources:
        assert re.search(r"\b(19|20)\d\d\b", source) or "No date given" in source, source
        assert re.search(r"https://\S+", source), source
    joined = "\n".join(sources)
    for needed in (
        "nice.org.uk/guidance/ng59",
        "nhs.uk/conditions/sciatica",
        "orthoinfo.aaos.org",
        "spine.org",
        "verywellhealth.com",
        "Oluseun Olufade",
        "doi.org/10.1007/s11606-019-05476-8",
    ):
        assert needed in joined, needed
    assert "Spinal cord compression" not in joined
    assert "Julie Bang" not in text  # the source article's illustrator: the pack's pictures are its own


def test_every_page_beyond_the_exercises_names_a_listed_source(pack: Pack) -> None:
    """A reviewer can trace each page's facts: its `source` is one of the addresses on the sources page."""
    listed = (PACK / "pages" / "references.en.md").read_text(encoding="utf-8")
    for (page_id, language), page in sorted(pack.pages.items()):
        if page.kind in ("exercise", "references"):
            continue
        assert page.front.source is not None, f"{page_id}.{language} names no source"
        assert str(page.front.source).rstrip("/") in listed, f"{page_id}.{language}: {page.front.source}"
