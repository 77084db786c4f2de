"""The checks of the settings file: pydantic models of every setting, turned into the plain records
the kiosk runs with (`Settings`, `SiteDetails`).

Only a settings file that changed since it was last checked needs these: `settings.load_settings`
keeps the outcome of each check (`settings.CHECKED_SETTINGS_NAME`), so a kiosk that starts with the
same file as before does not import pydantic at all.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from kiosk.content.json_records import from_json
from kiosk.session.pin import parse_pin_hash
from kiosk.session.settings import LoadedSettings, Settings, SettingsError, SettingsProblem, line_of
from kiosk.session.site import SiteDetails

_LANGUAGE_TABLE = re.compile(r"^[a-z]{2,3}$")

LanguageCode = Annotated[str, Field(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
ShortText = Field(default=None, min_length=1, max_length=120)


class _Table(BaseModel):
    """A settings table whose sub-tables named like `es` hold that language's wording."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    @model_validator(mode="before")
    @classmethod
    def _gather_languages(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        languages = {k: v for k, v in data.items() if _LANGUAGE_TABLE.match(k) and isinstance(v, dict)}
        rest = {k: v for k, v in data.items() if k not in languages}
        if languages:
            rest["by_language"] = languages
        return rest


class ClinicWords(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    name: str | None = Field(default=None, min_length=1, max_length=80)
    phone: str | None = Field(default=None, min_length=1, max_length=40)
    hours: str | None = ShortText
    front_desk: str | None = ShortText
    take_home_url: str | None = Field(default=None, max_length=300, pattern=r"^https?://[^\s]+$")


class Clinic(_Table, ClinicWords):
    by_language: dict[str, ClinicWords] = Field(default_factory=dict)


class EmergencyWords(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    number: str | None = Field(default=None, min_length=1, max_length=40)


class Emergency(_Table, EmergencyWords):
    by_language: dict[str, EmergencyWords] = Field(default_factory=dict)


class SiteModel(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    clinic: Clinic = Field(default_factory=Clinic)
    emergency: Emergency = Field(default_factory=Emergency)


class SettingsModel(BaseModel):
    """Every setting's type and range; the meaning of each is written on `settings.Settings`."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    idle_seconds: int = Field(default=90, ge=15, le=3600)
    warning_seconds: int = Field(default=20, ge=20, le=300)  # WCAG 2.2.1 Timing Adjustable
    pack: Path | None = None
    pin_hash: str | None = None
    default_language: LanguageCode = "en"
    screen: str | int | None = None
    switch_scan: bool = False
    switch_scan_seconds: float = Field(default=2.0, ge=0.5, le=10)
    pack_store: Path | None = None
    keep_old_packs: int = Field(default=3, ge=1, le=20)
    inbox: Path | None = None
    inbox_check_seconds: int = Field(default=30, ge=5, le=3600)
    inbox_settle_seconds: int = Field(default=10, ge=2, le=600)
    status_folder: Path | None = None
    trusted_key: str | None = None
    kiosk_name: str | None = Field(default=None, pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$")
    clinic: Clinic = Field(default_factory=Clinic)
    emergency: Emergency = Field(default_factory=Emergency)

    @field_validator("pin_hash")
    @classmethod
    def _pin_hash_is_readable(cls, value: str | None) -> str | None:
        if value is not None:
            parse_pin_hash(value)
        return value

    def record(self) -> Settings:
        return from_json(Settings, self.model_dump(mode="json"))


def check_site(data: dict[str, Any]) -> SiteDetails:
    """The `[clinic]` and `[emergency]` tables, checked; raises pydantic's ValidationError."""
    return from_json(SiteDetails, SiteModel.model_validate(data).model_dump(mode="json"))


def check_overrides(settings: Settings, given: dict[str, object]) -> Settings:
    """`settings` with the command line's values; SettingsError naming the flag when one is wrong."""
    from kiosk.content.json_records import to_json

    try:
        return SettingsModel.model_validate({**to_json(settings), **given}).record()
    except ValidationError as error:
        raise SettingsError("; ".join(describe(e) for e in error.errors())) from None


def check_file_values(data: dict[str, Any], text: str, path: Path) -> LoadedSettings:
    """The settings from a parsed file: every bad value is a problem on its line, and falls back to
    its default while the good values are kept."""
    problems: list[SettingsProblem] = []
    known = SettingsModel.model_fields
    for key in sorted(set(data) - set(known)):
        message = f"unknown setting '{key}' ignored (known settings: {', '.join(known)})"
        problems.append(SettingsProblem(path, line_of(key, text), message))
        del data[key]
    pin_unreadable = False
    try:
        checked = SettingsModel.model_validate(data)
    except ValidationError as error:
        bad_keys: set[str] = set()
        for detail in error.errors():
            key = str(detail["loc"][0]) if detail["loc"] else ""
            bad_keys.add(key)
            default = known[key].default if key in known else None
            if key == "pin_hash":
                fallback = "no PIN is usable"
            elif key in ("clinic", "emergency"):
                fallback = f"the [{key}] details are not shown until this is fixed"
            else:
                fallback = f"using the default {default!r}"
            problems.append(SettingsProblem(path, line_of(key, text), f"{describe(detail)}; {fallback}"))
        pin_unreadable = "pin_hash" in bad_keys
        checked = SettingsModel.model_validate({k: v for k, v in data.items() if k not in bad_keys})
    return LoadedSettings(checked.record(), path, tuple(problems), pin_unreadable=pin_unreadable)


def describe(detail: Any) -> str:
    key = ".".join(str(part) for part in detail["loc"]) or "settings"
    message = str(detail["msg"])
    if message.startswith("Value error, "):
        message = message.removeprefix("Value error, ")
    return f"{key}: {message} (got {detail['input']!r})" if "input" in detail else f"{key}: {message}"
