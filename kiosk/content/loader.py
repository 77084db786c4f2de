"""Loading a pack folder into an immutable `Pack`, or a list of problems that say how to fix it.

`load_pack` never raises for anything a pack folder can contain. It checks everything the kiosk
needs to show the pack safely (schema, files, paths, media, page text, links); the extra advice
that `kiosk validate` gives (unused files, review dates, reading level) lives in `validator`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Annotated, Any, get_args, get_origin

from pydantic import BaseModel, ValidationError

from kiosk.content.exercise import ExerciseFrontMatter, check_exercise_page
from kiosk.content.markdown import PageLink, render_markdown
from kiosk.content.media import MEDIA_TYPES, PICTURE_TYPES, file_problems, reference_problem
from kiosk.content.models import (
    FRONT_MATTER_BY_KIND,
    MEDIA_FILE,
    PackManifest,
    front_record,
    manifest_record,
)
from kiosk.content.pack import LoadResult as LoadResult  # where callers have always found it
from kiosk.content.pack import Pack, Page
from kiosk.content.pack_types import ANY_LANGUAGE
from kiosk.content.paths import path_problem
from kiosk.content.placeholders import placeholder_problems
from kiosk.content.problems import Problem, Severity
from kiosk.content.schema_errors import schema_problems
from kiosk.content.summary import summary_problems
from kiosk.content.textfiles import MAX_MANIFEST_BYTES, MAX_PAGE_BYTES, read_text
from kiosk.content.yamltext import YamlDocument, YamlIssue, line_of, parse_yaml

MANIFEST = "pack.yaml"
Progress = Callable[[int, int], None]
"""Told (pages checked, pages in all) as a check goes on; the staff panel shows it."""


def page_file(page_id: str, language: str) -> str:
    return f"pages/{page_id}.{language}.md"


@dataclass
class Inspection:
    """Everything learned while loading, kept for the validator's extra checks."""

    root: Path
    problems: list[Problem] = field(default_factory=list)
    manifest: PackManifest | None = None
    manifest_document: YamlDocument | None = None
    pages: dict[tuple[str, str], Page] = field(default_factory=dict)
    used_files: set[str] = field(default_factory=lambda: {MANIFEST})
    progress: Progress | None = None
    _checked_media: set[str] = field(default_factory=set)

    def result(self) -> LoadResult:
        """The pack built from what was found, unless any problem is an error."""
        problems = tuple(sorted(set(self.problems)))
        if self.manifest is None or any(problem.is_error for problem in problems):
            return LoadResult(None, problems)
        pages = MappingProxyType(dict(self.pages))
        pack = Pack(root=self.root.resolve(), manifest=manifest_record(self.manifest), pages=pages)
        return LoadResult(pack, problems)

    def error(self, file: str, line: int, message: str, fix: str) -> None:
        self.problems.append(Problem(file, line, Severity.ERROR, message, fix))

    def warning(self, file: str, line: int, message: str, fix: str) -> None:
        self.problems.append(Problem(file, line, Severity.WARNING, message, fix))

    def check_media(self, file: str, line: int, relative: str, allowed: tuple[str, ...]) -> None:
        found = reference_problem(self.root, relative, allowed)
        if path_problem(relative) is None:
            self.used_files.add(relative)  # named by the pack, even if it cannot be used as it is
        if found is not None:
            self.error(file, line, *found)
            return
        if relative not in self._checked_media:
            self._checked_media.add(relative)
            self.problems.extend(file_problems(self.root, relative))


def load_pack(path: Path) -> LoadResult:
    """Load and check the pack folder at `path`; never raises for anything inside the folder."""
    return inspect_pack(path).result()


def inspect_pack(path: Path, progress: Progress | None = None) -> Inspection:
    """Load the pack at `path`, keeping everything learned; file-system errors become problems."""
    inspection = Inspection(root=path, progress=progress)
    try:
        _inspect(inspection)
    except OSError as error:  # e.g. a folder the kiosk user is not allowed to open
        inspection.manifest = None
        inspection.error(
            _relative_name(path, error.filename),
            0,
            f"the pack cannot be read ({error.strerror or error.__class__.__name__})",
            "check that the folder and its files may be opened by everyone",
        )
    return inspection


def _relative_name(root: Path, filename: object) -> str:
    try:
        return Path(str(filename)).relative_to(root).as_posix() if filename else "."
    except ValueError:
        return "."


def _inspect(inspection: Inspection) -> None:
    path = inspection.root
    try:
        is_folder = path.is_dir()
    except OSError:
        is_folder = False
    if not is_folder:
        inspection.error(str(path), 0, "this is not a pack folder", "give the folder that holds pack.yaml")
        return
    if not (path / MANIFEST).exists():
        inspection.error(
            MANIFEST,
            0,
            "pack.yaml is missing",
            "every pack folder needs a pack.yaml file; see docs/pack-format.md",
        )
        return
    manifest = _load_manifest(inspection)
    if manifest is None:
        return
    inspection.manifest = manifest
    _check_manifest(inspection, manifest)
    _load_pages(inspection, manifest)


def _load_manifest(inspection: Inspection) -> PackManifest | None:
    text = read_text(inspection.root, MANIFEST, MAX_MANIFEST_BYTES)
    if isinstance(text, Problem):
        inspection.problems.append(text)
        return None
    inspection.problems.extend(placeholder_problems(MANIFEST, text))
    document = parse_yaml(text)
    if isinstance(document, YamlIssue):
        inspection.error(MANIFEST, document.line, document.message, document.fix)
        return None
    inspection.manifest_document = document
    if document.data is None:
        inspection.error(
            MANIFEST, 1, "pack.yaml is empty", "copy the example from docs/pack-format.md and fill it in"
        )
        return None
    if not isinstance(document.data, dict):
        inspection.error(
            MANIFEST,
            1,
            "pack.yaml should be a list of settings like 'id: my-pack'",
            "copy the example from docs/pack-format.md and fill it in",
        )
        return None
    try:
        return PackManifest.model_validate(document.data)
    except ValidationError as error:
        inspection.problems.extend(schema_problems(error, document, MANIFEST))
        return None


def _check_manifest(inspection: Inspection, manifest: PackManifest) -> None:
    document = inspection.manifest_document
    assert document is not None

    def line(*location: int | str) -> int:
        return line_of(document, location)

    seen_languages: set[str] = set()
    for index, language in enumerate(manifest.languages):
        if language in seen_languages:
            inspection.error(
                MANIFEST,
                line("languages", index),
                f"language '{language}' is listed twice",
                "list each language once",
            )
        seen_languages.add(language)
    if manifest.default_language and manifest.default_language not in manifest.languages:
        inspection.error(
            MANIFEST,
            line("default_language"),
            f"default_language '{manifest.default_language}' is not in languages",
            "add it to languages, or pick one of them",
        )
    for name in ("title", "welcome", "disclaimer"):
        _check_localized(inspection, manifest, getattr(manifest, name), line(name), name)
    seen_topics: set[str] = set()
    for index, topic in enumerate(manifest.topics):
        if topic.id in seen_topics:
            inspection.error(
                MANIFEST,
                line("topics", index, "id"),
                f"two topics have the id '{topic.id}'",
                "give each topic its own id",
            )
        seen_topics.add(topic.id)
        _check_localized(inspection, manifest, topic.title, line("topics", index, "title"), "title")
        if topic.summary is not None:
            _check_localized(inspection, manifest, topic.summary, line("topics", index, "summary"), "summary")
        inspection.check_media(MANIFEST, line("topics", index, "picture"), topic.picture, PICTURE_TYPES)
        seen_pages: set[str] = set()
        for page_index, page_id in enumerate(topic.pages):
            if page_id in seen_pages:
                inspection.error(
                    MANIFEST,
                    line("topics", index, "pages", page_index),
                    f"page '{page_id}' is listed twice in topic '{topic.id}'",
                    "remove one of the two lines",
                )
            seen_pages.add(page_id)


def _check_localized(
    inspection: Inspection, manifest: PackManifest, text: dict[str, str], line: int, name: str
) -> None:
    for language in text:
        if language != ANY_LANGUAGE and language not in manifest.languages:
            inspection.error(
                MANIFEST,
                line,
                f"'{name}' has a text for '{language}', which is not in languages",
                "add the language to languages, or remove that text",
            )
    if ANY_LANGUAGE not in text and manifest.first_language not in text:
        inspection.error(
            MANIFEST,
            line,
            f"'{name}' has no text in '{manifest.first_language}'",
            f"add a '{manifest.first_language}:' text",
        )


def _load_pages(inspection: Inspection, manifest: PackManifest) -> None:
    document = inspection.manifest_document
    assert document is not None
    links: list[tuple[str, PageLink]] = []
    listed: dict[str, int] = {}
    for index, topic in enumerate(manifest.topics):
        for page_index, page_id in enumerate(topic.pages):
            listed.setdefault(page_id, line_of(document, ("topics", index, "pages", page_index)))
    total, done = len(listed) * len(manifest.languages), 0
    for page_id, listed_on in listed.items():
        for language in manifest.languages:
            if inspection.progress is not None:
                inspection.progress(done, total)
            done += 1
            relative = page_file(page_id, language)
            if not (inspection.root / relative).exists():
                if language == manifest.first_language:
                    inspection.error(
                        MANIFEST,
                        listed_on,
                        f"page '{page_id}' has no file {relative}",
                        "create that file, or fix the page id in pack.yaml",
                    )
                else:
                    inspection.warning(
                        MANIFEST,
                        listed_on,
                        f"page '{page_id}' has no '{language}' translation ({relative})",
                        "add the translated file; until then the kiosk shows the "
                        f"{manifest.first_language} text",
                    )
                continue
            inspection.used_files.add(relative)
            loaded = _load_page(inspection, page_id, language, relative)
            if loaded is not None:
                inspection.pages[(page_id, language)] = loaded[0]
                links.extend((relative, link) for link in loaded[1])
    if manifest.help_page is not None and manifest.help_page not in listed:
        inspection.error(
            MANIFEST,
            line_of(document, ("help_page",)),
            f"help_page '{manifest.help_page}' is not a page of this pack",
            "name a page listed under a topic, usually the emergency-signs page",
        )
    for relative, link in links:
        if link.page_id not in listed:
            inspection.error(
                relative,
                link.line,
                f"the link goes to '{link.page_id}', which is not a page of this pack",
                "use the id of a page listed in pack.yaml",
            )


def _load_page(
    inspection: Inspection, page_id: str, language: str, relative: str
) -> tuple[Page, list[PageLink]] | None:
    text = read_text(inspection.root, relative, MAX_PAGE_BYTES)
    if isinstance(text, Problem):
        inspection.problems.append(text)
        return None
    inspection.problems.extend(placeholder_problems(relative, text))
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        inspection.error(
            relative,
            1,
            "the page must start with a line '---', then its title and picture",
            "copy the top block from the example in docs/pack-format.md",
        )
        return None
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    if end is None:
        inspection.error(
            relative,
            1,
            "the top block is never closed with a second '---' line",
            "add a line '---' after the illustration_alt line",
        )
        return None
    document = parse_yaml("\n".join(lines[1:end]), first_line=2)
    if isinstance(document, YamlIssue):
        inspection.error(relative, document.line, document.message, document.fix)
        return None
    if not isinstance(document.data, dict):
        inspection.error(
            relative,
            2,
            "the top block should hold settings like 'title: Symptoms'",
            "copy the top block from the example in docs/pack-format.md",
        )
        return None
    kind = document.data.get("kind", "article")
    model = FRONT_MATTER_BY_KIND.get(kind) if isinstance(kind, str) else None
    if model is None:
        inspection.error(
            relative,
            line_of(document, ("kind",)),
            f"{kind!r} is not a kind of page",
            "use one of: " + ", ".join(FRONT_MATTER_BY_KIND),
        )
        return None
    try:
        front = model.model_validate(document.data)
    except ValidationError as error:
        inspection.problems.extend(schema_problems(error, document, relative))
        return None
    for location, media in media_fields(front):
        inspection.check_media(
            relative,
            line_of(document, location),
            media,
            PICTURE_TYPES if location[:1] == ("illustration",) else MEDIA_TYPES,
        )
    if isinstance(front, ExerciseFrontMatter):
        inspection.problems.extend(
            check_exercise_page(inspection.root, relative, front, lambda where: line_of(document, where))
        )
    body_text = "\n".join(lines[end + 1 :])
    if front.kind == "summary":
        inspection.problems.extend(summary_problems(relative, body_text, end + 2))
    body = render_markdown(body_text, first_line=end + 2)
    for issue in body.issues:
        inspection.error(relative, issue.line, issue.message, issue.fix)
    page = Page(page_id, language, front_record(front), body.html, body.plain_text, relative)
    return page, body.links


def media_fields(
    model: BaseModel, prefix: tuple[int | str, ...] = ()
) -> Iterator[tuple[tuple[int | str, ...], str]]:
    """Every (location, path) of a field declared as a pack file, in any nested model or list."""
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        marked = MEDIA_FILE in info.metadata or _annotation_marked(info.annotation)
        yield from _media_values(value, (*prefix, name), marked)


def _media_values(
    value: Any, location: tuple[int | str, ...], marked: bool
) -> Iterator[tuple[tuple[int | str, ...], str]]:
    if isinstance(value, BaseModel):
        yield from media_fields(value, location)
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from _media_values(item, (*location, index), marked)
    elif isinstance(value, str) and marked:
        yield location, value


def _annotation_marked(annotation: Any) -> bool:
    if get_origin(annotation) is Annotated:
        return MEDIA_FILE in annotation.__metadata__ or _annotation_marked(get_args(annotation)[0])
    return any(_annotation_marked(argument) for argument in get_args(annotation))
