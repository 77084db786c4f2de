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

import datetime as dt
from dataclasses import dataclass

from kiosk.content.json_records import from_json as from_json
from kiosk.content.json_records import to_json as to_json

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
