"""The clinic's details in the settings file, as patients will read them on the pages."""

from __future__ import annotations

from pathlib import Path

from kiosk.session.settings import load_settings
from kiosk.session.site import SiteDetails

SITE = """\
idle_seconds = 60

[clinic]
name = "Riverside Family Clinic"
phone = "555-0100"
hours = "Monday to Friday, 8 am to 6 pm"
take_home_url = "https://example.org/back-pain"

[clinic.es]
hours = "de lunes a viernes, de 8 a 18 h"

[emergency]
number = "112"
"""


def test_clinic_details_are_read_per_language_with_the_shared_ones_kept(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text(SITE, encoding="utf-8")

    loaded = load_settings(path)

    assert loaded.problems == ()
    site = loaded.settings.site
    assert site.words("en")["clinic.hours"] == "Monday to Friday, 8 am to 6 pm"
    assert site.words("es")["clinic.hours"] == "de lunes a viernes, de 8 a 18 h"
    assert site.words("es")["clinic.phone"] == "555-0100"  # not reworded in Spanish: the shared one
    assert site.words("es")["emergency.number"] == "112"
    assert site.take_home_url("es") == "https://example.org/back-pain"
    assert loaded.settings.idle_seconds == 60


def test_without_an_emergency_number_pages_say_the_local_number_and_staff_are_told() -> None:
    site = SiteDetails()

    assert site.words("en")["emergency.number"] == "your local emergency number"
    assert site.words("es")["emergency.number"] == "su número local de emergencias"
    assert site.missing()[0] == "emergency.number"


def test_a_bad_clinic_detail_is_reported_at_its_table_and_the_rest_still_works(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text('idle_seconds = 60\n\n[clinic]\nphone = 5550100\n\n[emergency]\nnumber = "999"\n')

    loaded = load_settings(path)

    assert len(loaded.problems) == 1
    assert loaded.problems[0].line == 3 and "clinic.phone" in loaded.problems[0].message
    assert loaded.settings.site.words("en")["emergency.number"] == "999"
    assert loaded.settings.site.words("en")["clinic.phone"] == "the number on your clinic papers"
    assert loaded.settings.idle_seconds == 60


def test_a_take_home_address_must_be_a_web_address(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text('[clinic]\ntake_home_url = "javascript:alert(1)"\n')

    loaded = load_settings(path)

    assert loaded.problems and "take_home_url" in loaded.problems[0].message
    assert loaded.settings.site.take_home_url("en") is None
