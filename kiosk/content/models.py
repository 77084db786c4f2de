"""The pack format, declared once.

These pydantic models are the single source of truth for what a content pack may contain: the
loader validates `pack.yaml` and every page's front matter against them, and `kiosk schema` exports
them as JSON Schema so staff editors can autocomplete. A model that passed becomes a plain frozen
record of the same fields (`manifest_record`, `front_record`, `kiosk.content.pack_types`), which is
what the screens read: a pack started from its checked-pack index never imports pydantic.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, HttpUrl, model_validator

from kiosk.content import pack_types
from kiosk.content.pack_types import ANY_LANGUAGE

FORMAT_VERSION = 1

Slug = Annotated[
    str,
    Field(
        pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$",
        max_length=64,
        description="Lower-case letters, digits and single hyphens, e.g. 'what-is-it'.",
    ),
]
LanguageCode = Annotated[
    str, Field(pattern=r"^[a-z]{2}$", description="Two-letter language code, e.g. 'en' or 'es'.")
]
TakeHomeAddress = Annotated[
    str,
    Field(
        max_length=300,
        pattern=r"^https?://[^\s]+$",
        description="A web page patients can open at home, e.g. 'https://www.nhs.uk/conditions/sciatica/'. "
        "Shown as a QR code and in words; it is never opened on the kiosk.",
    ),
]
HexColor = Annotated[str, Field(pattern=r"^#[0-9a-fA-F]{6}$", description="A colour like '#1f6f8b'.")]


class _MediaFileMarker:
    """Marks a field as naming a file inside the pack, so the loader checks it wherever it appears."""

    def __repr__(self) -> str:
        return "MEDIA_FILE"


MEDIA_FILE = _MediaFileMarker()
"""Metadata on `PackPath`: the loader finds every such field (in any front-matter model) and checks
that the file exists, stays inside the pack and is a safe picture or video."""

PackPath = Annotated[
    str,
    Field(
        min_length=1,
        max_length=255,
        description="A path relative to the pack folder, with forward slashes, e.g. 'images/spine.svg'.",
    ),
    MEDIA_FILE,
]


def _text_for_every_language(value: object) -> object:
    """Let staff write `title: Hello` when a text is the same in every language."""
    if isinstance(value, str):
        return {ANY_LANGUAGE: value}
    return value


MAX_LANGUAGES = 20
MAX_TOPICS = 100
MAX_PAGES_PER_TOPIC = 500
TEXT_LIMITS = {
    "title": 80,
    "summary": 160,
    "welcome": 400,
    "disclaimer": 600,
    "illustration_alt": 300,
    "reviewed_by": 120,
    "caution": 200,
    "step": 160,
}
"""Longest text (in characters) of each kind a pack may hold; also in docs/pack-format.md. Far above
what reads well on a kiosk, yet short enough that no text can make a screen slow to lay out."""


_ANY_OR_EACH_LANGUAGE = (
    "Either one text for every language, or a mapping from language code to text, "
    "e.g. {en: 'Symptoms', es: 'Síntomas'}"
)
_EACH_LANGUAGE = BeforeValidator(_text_for_every_language)
_AT_MOST_EVERY_LANGUAGE = Field(max_length=MAX_LANGUAGES, description=_ANY_OR_EACH_LANGUAGE)

LocalizedText = Annotated[
    dict[str, Annotated[str, Field(min_length=1, max_length=TEXT_LIMITS["title"])]],
    _EACH_LANGUAGE,
    _AT_MOST_EVERY_LANGUAGE,
]
SummaryText = Annotated[
    dict[str, Annotated[str, Field(min_length=1, max_length=TEXT_LIMITS["summary"])]],
    _EACH_LANGUAGE,
    _AT_MOST_EVERY_LANGUAGE,
]
WelcomeText = Annotated[
    dict[str, Annotated[str, Field(min_length=1, max_length=TEXT_LIMITS["welcome"])]],
    _EACH_LANGUAGE,
    _AT_MOST_EVERY_LANGUAGE,
]
DisclaimerText = Annotated[
    dict[str, Annotated[str, Field(min_length=1, max_length=TEXT_LIMITS["disclaimer"])]],
    _EACH_LANGUAGE,
    _AT_MOST_EVERY_LANGUAGE,
]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


ReviewStatus = Literal["draft", "reviewed"]


class Review(_Frozen):
    """Who checked the medical content, when, and when it must be checked again.

    A pack is either a `draft` (no clinician has signed it off: it names no review date, so
    nothing can mistake it for a reviewed pack) or `reviewed` (reviewer, date and next review all
    written). Packs written before `status` existed carry a review date, so they count as reviewed.
    """

    status: ReviewStatus = Field(
        default="reviewed",
        description="'draft' until a clinician has signed the pack off (docs/clinical-review.md), "
        "then 'reviewed'.",
    )
    reviewed_by: str | None = Field(
        default=None,
        min_length=1,
        max_length=TEXT_LIMITS["reviewed_by"],
        description="Name and role of the clinical reviewer.",
    )
    reviewed_on: dt.date | None = Field(
        default=None, description="Date of the last clinical review, YYYY-MM-DD."
    )
    next_review: dt.date | None = Field(
        default=None, description="Date by which the content must be reviewed again."
    )

    @model_validator(mode="after")
    def _complete_for_its_status(self) -> Review:
        if self.status == "draft":
            if self.reviewed_on is not None:
                raise ValueError(
                    "reviewed_on is set, but status is draft: a draft has not been reviewed "
                    "(remove reviewed_on, or write status: reviewed once a clinician has signed it off)"
                )
            return self
        required = ("reviewed_by", "reviewed_on", "next_review")
        missing = [name for name in required if getattr(self, name) is None]
        if missing:
            raise ValueError(
                f"{missing[0]} is missing: a reviewed pack names its reviewer, review date and next "
                "review (or write status: draft while no clinician has reviewed it)"
            )
        assert self.next_review is not None and self.reviewed_on is not None
        if self.next_review <= self.reviewed_on:
            raise ValueError("next_review must be after reviewed_on")
        return self

    @property
    def is_draft(self) -> bool:
        return self.status == "draft"


class Topic(_Frozen):
    """A tile on the Home screen: a group of pages shown in order."""

    id: Slug
    title: LocalizedText
    summary: SummaryText | None = Field(
        default=None, description="One short line shown under the title on the Home tile."
    )
    icon: str = Field(
        default="fa5s.book-open",
        pattern=r"^(fa5s|fa5r|fa5b|fa6s|fa6r|fa6b|mdi|mdi6|ph|ri|msc)\.[a-z0-9-]+$",
        description="A qtawesome icon name, e.g. 'fa5s.walking'.",
    )
    picture: PackPath = Field(description="Picture shown on the Home tile (SVG or PNG).")
    pages: list[Slug] = Field(
        min_length=1, max_length=MAX_PAGES_PER_TOPIC, description="Page ids in display order."
    )
    take_home: TakeHomeAddress | None = Field(
        default=None, description="Take-home address for the topic's pages that give none of their own."
    )


class ThemeOverrides(_Frozen):
    """Colours a clinic may change to match its own look; contrast is still checked by the app."""

    accent: HexColor | None = None
    background: HexColor | None = None


class ReadAloudOptions(_Frozen):
    """How much read aloud says beyond the screen's words, for packs that want more."""

    counter_cues: bool = Field(
        default=False,
        description="While read aloud is on, say 'Relax.' when an exercise's hold ends and "
        "'Rest is over.' when a rest between rounds ends.",
    )


class PackManifest(_Frozen):
    """The contents of `pack.yaml`."""

    format: Literal[1] = Field(default=1, description="Pack format version; always 1.")
    id: Slug
    title: LocalizedText
    version: str = Field(pattern=r"^\d+\.\d+(\.\d+)?$", description="e.g. '1.0.0'.")
    languages: list[LanguageCode] = Field(min_length=1, max_length=MAX_LANGUAGES)
    default_language: LanguageCode | None = Field(
        default=None, description="Language shown first; the first of `languages` when left out."
    )
    welcome: WelcomeText = Field(description="One or two short sentences on the Home screen.")
    disclaimer: DisclaimerText = Field(
        description="Says the content is for education and does not replace the care team's advice."
    )
    review: Review
    topics: list[Topic] = Field(min_length=1, max_length=MAX_TOPICS)
    theme: ThemeOverrides = Field(default_factory=ThemeOverrides)
    read_aloud: ReadAloudOptions = Field(default_factory=ReadAloudOptions)
    help_page: Slug | None = Field(
        default=None,
        description="The page the 'Get help now' button on every screen opens: what to do now, "
        "with the clinic's numbers. Default: the first page of kind red-flag.",
    )

    @property
    def first_language(self) -> str:
        return self.default_language or self.languages[0]


PageKindName = Literal["article", "exercise", "red-flag", "references", "summary"]


class PageFrontMatter(_Frozen):
    """The block between `---` lines at the top of every page's Markdown file."""

    title: str = Field(min_length=1, max_length=TEXT_LIMITS["title"])
    kind: PageKindName = "article"
    illustration: PackPath = Field(description="The picture shown on this page (SVG or PNG).")
    illustration_alt: str = Field(
        min_length=1,
        max_length=TEXT_LIMITS["illustration_alt"],
        description="What the picture shows, in words; read aloud and shown to staff.",
    )
    illustration_caption: str | None = Field(
        default=None,
        min_length=1,
        max_length=160,
        description="Words shown under the picture, e.g. naming its parts ('The nerve (yellow) is "
        "squeezed where it leaves the spine'). Put words here, not inside the picture, so they "
        "grow with the text size and can be translated.",
    )
    source: HttpUrl | None = Field(default=None, description="Optional link to where the facts come from.")
    take_home: TakeHomeAddress | None = Field(
        default=None,
        description="Web page to read this at home, shown as a QR code; default: the topic's, else the "
        "clinic's take_home_url from the kiosk settings.",
    )


FRONT_MATTER_BY_KIND: dict[str, type[PageFrontMatter]] = {
    "article": PageFrontMatter,
    "red-flag": PageFrontMatter,
    "references": PageFrontMatter,
    "exercise": PageFrontMatter,
    "summary": PageFrontMatter,
}
"""Which front-matter model checks a page of each kind; a kind with extra fields registers its own."""


def manifest_record(manifest: PackManifest) -> pack_types.PackManifest:
    """The checked manifest as the record the screens read."""
    return pack_types.from_json(pack_types.PackManifest, manifest.model_dump(mode="json"))


RECORD_OF_MODEL: dict[type[PageFrontMatter], type[pack_types.PageFrontMatter]] = {
    PageFrontMatter: pack_types.PageFrontMatter
}
"""The record each front-matter model becomes; a model with extra fields registers its own record
(else it becomes the record of the nearest model it extends)."""


def front_record(front: PageFrontMatter) -> pack_types.PageFrontMatter:
    """A checked page's front matter as the record the screens read."""
    record_type = next(RECORD_OF_MODEL[model] for model in type(front).__mro__ if model in RECORD_OF_MODEL)
    return pack_types.from_json(record_type, front.model_dump(mode="json"))


from kiosk.content import exercise as _exercise  # noqa: E402, F401  (registers the exercise page model)
