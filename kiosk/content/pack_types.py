"""What a checked pack holds, as plain frozen records: what every screen reads.

The pack format is declared once, as pydantic models (`kiosk.content.models`, and
`kiosk.content.exercise` for exercise pages): they check `pack.yaml` and every page's front matter,
report each problem on its line, and give `kiosk schema` its JSON Schema. Once a pack has passed,
its values are copied into the records below, field for field and with the same names, so the
screens never see a pydantic object.

Why two sets of classes: importing pydantic and building its models is about a fifth of the
kiosk's start. A kiosk that starts a pack from its checked-pack index (`checked_index`) rebuilds
these records from the index with `from_json` and never imports pydantic at all. A test
(`tests/content/test_pack_types.py`) keeps each record's fields equal to its model's.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from dataclasses import dataclass
from typing import Any, TypeVar

ANY_LANGUAGE = "*"
"""Key used when a localized text was written as a plain string: it serves every language."""


def localized(text: dict[str, str], language: str, fallback: str) -> str:
    """Pick the text for `language`, else the fallback language, else the any-language text."""
    for key in (language, fallback, ANY_LANGUAGE):
        if key in text:
            return text[key]
    return next(iter(text.values()), "")


@dataclass(frozen=True, kw_only=True)
class Review:
    """Who checked the medical content, when, and when it must be checked again."""

    status: str
    reviewed_by: str | None
    reviewed_on: dt.date | None
    next_review: dt.date | None

    @property
    def is_draft(self) -> bool:
        return self.status == "draft"


@dataclass(frozen=True, kw_only=True)
class Topic:
    """A tile on the Home screen: a group of pages shown in order."""

    id: str
    title: dict[str, str]
    summary: dict[str, str] | None
    icon: str
    picture: str
    pages: list[str]
    take_home: str | None


@dataclass(frozen=True, kw_only=True)
class ThemeOverrides:
    accent: str | None
    background: str | None


@dataclass(frozen=True, kw_only=True)
class ReadAloudOptions:
    counter_cues: bool


@dataclass(frozen=True, kw_only=True)
class PackManifest:
    """The contents of `pack.yaml`, checked."""

    format: int
    id: str
    title: dict[str, str]
    version: str
    languages: list[str]
    default_language: str | None
    welcome: dict[str, str]
    disclaimer: dict[str, str]
    review: Review
    topics: list[Topic]
    theme: ThemeOverrides
    read_aloud: ReadAloudOptions
    help_page: str | None

    @property
    def first_language(self) -> str:
        return self.default_language or self.languages[0]


@dataclass(frozen=True, kw_only=True)
class PageFrontMatter:
    """The block between `---` lines at the top of a page, checked."""

    title: str
    kind: str
    illustration: str
    illustration_alt: str
    illustration_caption: str | None
    source: str | None
    take_home: str | None


@dataclass(frozen=True, kw_only=True)
class ExerciseStep:
    """One instruction, highlighted while the figure performs it."""

    text: str
    start: float
    end: float
    hold: bool


@dataclass(frozen=True, kw_only=True)
class ExerciseFrontMatter(PageFrontMatter):
    """The top block of an exercise page, checked (timing model: `kiosk.content.exercise`)."""

    animation: str | None
    steps: list[ExerciseStep]
    sets: int
    reps: int | None
    minutes: float | None
    sides: list[str]
    hold_seconds: float
    rest_seconds: float
    cautions: list[str]
    ask_care_team_first: bool


FRONT_MATTER_RECORDS: dict[str, type[PageFrontMatter]] = {
    "article": PageFrontMatter,
    "red-flag": PageFrontMatter,
    "references": PageFrontMatter,
    "exercise": ExerciseFrontMatter,
    "summary": PageFrontMatter,
}
"""The record each page kind's front matter becomes (the models' `FRONT_MATTER_BY_KIND`, as records)."""

Record = TypeVar("Record")


def from_json(record_type: type[Record], data: dict[str, Any]) -> Record:
    """A record (and the records inside it) from JSON values: what a checked model dumps with
    `model_dump(mode="json")`, and what the checked-pack index stores. Dates come as ISO text."""
    hints = _hints(record_type)
    values = {field.name: _value(hints[field.name], data[field.name]) for field in _fields(record_type)}
    return record_type(**values)


def to_json(record: object) -> dict[str, Any]:
    """The record as JSON values, the inverse of `from_json`."""
    return {field.name: _json(getattr(record, field.name)) for field in _fields(type(record))}


def _fields(record_type: type) -> tuple[dataclasses.Field[Any], ...]:
    return dataclasses.fields(record_type)


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(record_type: type) -> dict[str, Any]:
    if record_type not in _HINTS:
        _HINTS[record_type] = typing.get_type_hints(record_type)
    return _HINTS[record_type]


def _value(hint: Any, value: Any) -> Any:
    """`value` as the field's type; ValueError when it is of another type (a damaged index is then
    treated as missing, and the pack is checked in full)."""
    if value is None:
        if type(None) in typing.get_args(hint):
            return None
        raise ValueError(f"no value where {hint} is needed")
    origin = typing.get_origin(hint)
    if origin in (types.UnionType, typing.Union):
        (inner,) = [argument for argument in typing.get_args(hint) if argument is not type(None)]
        return _value(inner, value)
    if origin is list:
        (item,) = typing.get_args(hint)
        return [_value(item, element) for element in _expect(value, list)]
    if origin is dict:
        text = _expect(value, dict)
        if not all(isinstance(key, str) and isinstance(words, str) for key, words in text.items()):
            raise ValueError("a text by language is not all words")
        return dict(text)
    if hint is dt.date:
        return dt.date.fromisoformat(_expect(value, str))
    if dataclasses.is_dataclass(hint):
        return from_json(hint, _expect(value, dict))  # type: ignore[arg-type]
    if hint is float:
        return float(_expect(value, (int, float)))
    if hint is int:
        return _expect(value, int)
    return _expect(value, hint)


def _expect(value: Any, kind: type | tuple[type, ...]) -> Any:
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        raise ValueError(f"{type(value).__name__} where {kind} is needed")
    return value


def _json(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return to_json(value)
    if isinstance(value, list):
        return [_json(element) for element in value]
    if isinstance(value, dict):
        return dict(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
