"""This clinic's details: the `[clinic]` and `[emergency]` tables of the settings file.

Patients need a next step they can act on: a phone number, opening hours, "tell the front desk
now", and the emergency number of the country the kiosk stands in. None of that belongs in a
pack, which many clinics share, so each kiosk's settings file holds it and the kiosk writes it
into the pack's `{clinic.phone}`-style placeholders (`kiosk.content.placeholders`).

```toml
[clinic]
name = "Riverside Family Clinic"
phone = "555-0100"
hours = "Monday to Friday, 8 am to 6 pm"
front_desk = "Tell the front desk now."
take_home_url = "https://example.org/back-pain"

[clinic.es]            # only what is worded differently in Spanish
hours = "de lunes a viernes, de 8 a 18 h"
front_desk = "Avise ahora en la recepción."

[emergency]
number = "112"
```

Every detail is optional. A detail that is not set reads as a safe, general phrase ("your local
emergency number"), and the staff panel says which ones are missing. The emergency number has no
default on purpose: a wrong number is worse than none.

These are the checked details, plain frozen records; the checks themselves (lengths, the
take-home address, the per-language tables) are pydantic models in `settings_checks`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

DEFAULT_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "clinic.name": "your clinic",
        "clinic.phone": "the number on your clinic papers",
        "clinic.hours": "when the clinic is open",
        "clinic.front_desk": "Tell the front desk now.",
        "emergency.number": "your local emergency number",
    },
    "es": {
        "clinic.name": "su clínica",
        "clinic.phone": "el número que aparece en los papeles de su clínica",
        "clinic.hours": "en el horario de la clínica",
        "clinic.front_desk": "Avise ahora en la recepción.",
        "emergency.number": "su número local de emergencias",
    },
}
"""What a placeholder reads as until staff set the detail; English for languages not listed."""


@dataclass(frozen=True, kw_only=True)
class ClinicWords:
    """The clinic's details in one language (or in every language, at the top of `[clinic]`)."""

    name: str | None = None
    phone: str | None = None
    hours: str | None = None
    front_desk: str | None = None
    take_home_url: str | None = None
    """Shown as a QR code (and in words) on pages whose pack gives no take-home address."""


@dataclass(frozen=True, kw_only=True)
class Clinic(ClinicWords):
    """The `[clinic]` table; `[clinic.es]` and the like override single details per language."""

    by_language: dict[str, ClinicWords] = field(default_factory=dict)


@dataclass(frozen=True, kw_only=True)
class EmergencyWords:
    number: str | None = None
    """The number to call in an emergency where the kiosk stands, e.g. "112" or "911"."""


@dataclass(frozen=True, kw_only=True)
class Emergency(EmergencyWords):
    by_language: dict[str, EmergencyWords] = field(default_factory=dict)


@dataclass(frozen=True, kw_only=True)
class SiteDetails:
    """The clinic and emergency details together, as the kiosk shows them."""

    clinic: Clinic = field(default_factory=Clinic)
    emergency: Emergency = field(default_factory=Emergency)

    def detail(self, name: str, language: str) -> str | None:
        """The detail as staff set it for `language` (or for every language), else None."""
        table_name, _, key = name.partition(".")
        table: Clinic | Emergency = self.clinic if table_name == "clinic" else self.emergency
        translated = table.by_language.get(language)
        value = getattr(translated, key, None) if translated is not None else None
        if value is None:
            value = getattr(table, key, None)
        return None if value is None else str(value)

    def words(self, language: str) -> dict[str, str]:
        """Every placeholder's words in `language`: the staff's detail, else the general phrase."""
        defaults = DEFAULT_WORDS.get(language, DEFAULT_WORDS["en"])
        return {name: self.detail(name, language) or phrase for name, phrase in defaults.items()}

    def words_by_language(self, languages: list[str]) -> Mapping[str, Mapping[str, str]]:
        return {language: self.words(language) for language in languages}

    def take_home_url(self, language: str) -> str | None:
        return self.detail("clinic.take_home_url", language)

    def missing(self) -> list[str]:
        """Details staff have not set yet, most important first, for the staff panel."""
        wanted = ("emergency.number", "clinic.phone", "clinic.name", "clinic.hours", "clinic.front_desk")
        return [name for name in wanted if self.detail(name, "") is None]
