"""A loaded, checked pack: what every screen reads from. Immutable once built by the loader (or
rebuilt from the checked-pack index); plain records only, so reading it needs no pydantic."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from kiosk.content.pack_types import PackManifest, PageFrontMatter, Topic, localized
from kiosk.content.problems import Problem


@dataclass(frozen=True)
class Page:
    """One page in one language.

    `body_html` is the page text rendered from Markdown into a small, safe HTML subset (headings,
    paragraphs, lists, bold, italic, and links of the form `page:<page-id>` to other pages of the
    pack). `plain_text` is the same text without markup, for read-aloud and readability checks.
    """

    id: str
    language: str
    front: PageFrontMatter
    body_html: str
    plain_text: str
    source_file: str

    @property
    def title(self) -> str:
        return self.front.title

    @property
    def kind(self) -> str:
        return self.front.kind


@dataclass(frozen=True)
class Pack:
    """A validated pack. Paths in the manifest and pages resolve with `media_path`."""

    root: Path
    manifest: PackManifest
    pages: Mapping[tuple[str, str], Page] = field(default_factory=lambda: MappingProxyType({}))

    @property
    def id(self) -> str:
        return self.manifest.id

    @property
    def languages(self) -> list[str]:
        return list(self.manifest.languages)

    @property
    def default_language(self) -> str:
        return self.manifest.first_language

    def text(self, value: dict[str, str], language: str) -> str:
        """A localized manifest text in `language`, falling back to the pack's default language."""
        return localized(value, language, self.default_language)

    def page(self, page_id: str, language: str) -> Page:
        """The page in `language`, or in the default language where it has no translation."""
        found = self.pages.get((page_id, language)) or self.pages.get((page_id, self.default_language))
        if found is None:
            raise KeyError(f"no page {page_id!r} in pack {self.id!r}")
        return found

    def topic(self, topic_id: str) -> Topic:
        for topic in self.manifest.topics:
            if topic.id == topic_id:
                return topic
        raise KeyError(f"no topic {topic_id!r} in pack {self.id!r}")

    def topic_of_page(self, page_id: str) -> Topic:
        """The first topic that lists `page_id` (a page may appear in more than one)."""
        for topic in self.manifest.topics:
            if page_id in topic.pages:
                return topic
        raise KeyError(f"page {page_id!r} is in no topic of pack {self.id!r}")

    @property
    def help_page_id(self) -> str | None:
        """The page "Get help now" opens: the one the pack names, else its first red-flag page."""
        return help_page_of(self.manifest, self.pages)

    def media_path(self, relative: str) -> Path:
        """Absolute path of a media file; the loader has already checked it stays inside the pack."""
        return self.root / relative


def help_page_of(manifest: PackManifest, pages: Mapping[tuple[str, str], Page]) -> str | None:
    """The help page's id, from the manifest and the pages (also before the pack is built, for
    `kiosk validate`'s check of its first lines)."""
    if manifest.help_page is not None:
        return manifest.help_page
    for topic in manifest.topics:
        for page_id in topic.pages:
            page = pages.get((page_id, manifest.first_language))
            if page is not None and page.kind == "red-flag":
                return page_id
    return None


@dataclass(frozen=True)
class LoadResult:
    """A pack, or None when any problem is an error; warnings may come with a pack."""

    pack: Pack | None
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(problem for problem in self.problems if problem.is_error)
