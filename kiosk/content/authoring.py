"""Authoring advice `kiosk validate` adds for the people writing a pack: things that load, but would
not look or play the way the writer meant, said in plain words with the file and line.

- Markdown the kiosk shows as raw text: tables and `>` quotes (the kiosk's page text has no such
  parts, so the `|` and `>` characters would appear as they are typed).
- Icon names qtawesome does not know (the kiosk would show a book icon instead).
- Words drawn inside an SVG picture: they cannot be translated, read aloud or made bigger.
- A translated exercise page whose steps or timings differ from the first language: the figure
  would no longer match the highlighted step, or patients would be told different repetitions.
- SMIL animation features the exercise player cannot animate.
- Links (symlinks) anywhere in the pack folder: `kiosk install` refuses them, so this is an error.
- A tab used for indenting in pack.yaml or a page's top block, named on its line.
- A help page ("Get help now") whose first lines, before its first list, give no number to call
  (`{emergency.number}` or `{clinic.phone}`): those lines are what a frightened patient reads first.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from xml.etree.ElementTree import Element

import defusedxml.ElementTree as safe_xml
from defusedxml import DefusedXmlException

from kiosk.content.first_lines import split_first_lines
from kiosk.content.icons import is_unknown_icon
from kiosk.content.loader import MANIFEST, Inspection
from kiosk.content.models import manifest_record
from kiosk.content.pack import help_page_of
from kiosk.content.pack_types import ExerciseFrontMatter
from kiosk.content.placeholders import placeholder_names
from kiosk.content.svg import MAX_SVG_BYTES
from kiosk.content.yamltext import line_of

MAX_PAGE_CHARS = 256 * 1024
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)+\|?\s*$")
_QUOTE = re.compile(r"^ {0,3}>")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_UNPLAYABLE = "docs/exercise-demos.md lists what plays"
NUMBERS_TO_CALL = ("emergency.number", "clinic.phone")
"""Placeholders that give a patient a number to call; the help page's first lines need one."""


def check_authoring(inspection: Inspection, files: list[str]) -> None:
    """Add every authoring finding to `inspection` (links and tabs are errors, the rest warnings)."""
    _check_links(inspection)
    _check_tabs(inspection, [name for name in files if name == MANIFEST or name.endswith(".md")])
    if inspection.manifest is None:
        return
    _check_icons(inspection)
    for (_, _), page in sorted(inspection.pages.items()):
        _check_raw_markdown(inspection, page.source_file)
    for relative in sorted(inspection.used_files):
        if relative.lower().endswith(".svg"):
            _check_svg(inspection, relative)
    _check_translated_exercises(inspection)
    _check_help_page(inspection)


def _check_links(inspection: Inspection) -> None:
    root = inspection.root
    for current, subfolders, names in os.walk(root, followlinks=False, onerror=lambda error: None):
        for name in sorted(subfolders + names):
            path = Path(current) / name
            if path.is_symlink():
                inspection.error(
                    path.relative_to(root).as_posix(),
                    0,
                    "this is a link (shortcut) to another file or folder, and kiosk install "
                    "refuses packs with links",
                    "replace the link with a copy of the real file",
                )


def _read(inspection: Inspection, relative: str) -> str | None:
    path = inspection.root / relative
    try:
        if path.is_symlink() or path.stat().st_size > MAX_PAGE_CHARS * 4:
            return None
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None  # the loader has already said what is wrong with the file


def _yaml_lines(relative: str, text: str) -> Iterator[tuple[int, str]]:
    """(line number, line) of the YAML in a file: all of pack.yaml, or a page's top block."""
    lines = text.split("\n")
    if relative == MANIFEST:
        yield from enumerate(lines, start=1)
        return
    if not lines or lines[0].strip() != "---":
        return
    for number in range(1, len(lines)):
        if lines[number].strip() in ("---", "..."):
            return
        yield number + 1, lines[number]


def _check_tabs(inspection: Inspection, files: list[str]) -> None:
    for relative in files:
        text = _read(inspection, relative)
        if text is None:
            continue
        for number, line in _yaml_lines(relative, text):
            indent = line[: len(line) - len(line.lstrip(" \t"))]
            if "\t" in indent:
                inspection.error(
                    relative,
                    number,
                    f"a tab is used for indenting on line {number}",
                    "use spaces to indent (most editors can turn tabs into spaces)",
                )
                break  # one line is enough to show the way; the parser reports the rest


def _check_icons(inspection: Inspection) -> None:
    manifest, document = inspection.manifest, inspection.manifest_document
    assert manifest is not None and document is not None
    for index, topic in enumerate(manifest.topics):
        if is_unknown_icon(topic.icon):
            inspection.warning(
                MANIFEST,
                line_of(document, ("topics", index, "icon")),
                f"there is no icon called '{topic.icon}'; the kiosk would show a book icon instead",
                "check the spelling in the icon list of its set (e.g. fa5s.walking)",
            )


def _check_raw_markdown(inspection: Inspection, relative: str) -> None:
    text = _read(inspection, relative)
    if text is None:
        return
    lines = text.split("\n")
    body_start = _body_start(lines)
    in_fence = False
    found: set[str] = set()
    for index in range(body_start, len(lines)):
        line = lines[index]
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        if (
            "table" not in found
            and _TABLE_RULE.match(line)
            and index > body_start
            and "|" in lines[index - 1]
        ):
            found.add("table")
            inspection.warning(
                relative,
                index,
                "tables are not shown as tables: patients would see the | and --- characters",
                "write the table as a list, one '- item' per row",
            )
        if "quote" not in found and _QUOTE.match(line):
            found.add("quote")
            inspection.warning(
                relative,
                index + 1,
                "a line starting with > (a quote) is shown with the > character as typed",
                "remove the >, or write the words as **bold** to make them stand out",
            )


def _body_start(lines: list[str]) -> int:
    """The index of a page's first Markdown line, after its top block."""
    if lines and lines[0].strip() == "---":
        end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
        return end + 1 if end is not None else len(lines)
    return 0


def _svg_root(inspection: Inspection, relative: str) -> Element | None:
    path = inspection.root / relative
    try:
        if path.is_symlink() or path.stat().st_size > MAX_SVG_BYTES:
            return None
        root: Element = safe_xml.fromstring(path.read_bytes())
    except (OSError, safe_xml.ParseError, DefusedXmlException, ValueError):
        return None  # the loader's SVG check reports unreadable or unsafe drawings
    return root


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _check_svg(inspection: Inspection, relative: str) -> None:
    root = _svg_root(inspection, relative)
    if root is None:
        return
    words = " ".join(
        "".join(element.itertext()).strip() for element in root.iter() if _local(str(element.tag)) == "text"
    ).strip()
    if words:
        inspection.warning(
            relative,
            0,
            f"the picture has words drawn in it ('{words[:40]}'); they cannot be translated, read aloud "
            "or made bigger",
            "take the words out of the picture and put them in the page text",
        )
    problems = []
    for element in root.iter():
        name = _local(str(element.tag))
        if name == "animate":
            problems.append(f"<animate> on '{element.get('attributeName', '?')}'")
        if element.get("keyTimes") is not None:
            problems.append("keyTimes")
        if element.get("calcMode") == "spline":
            problems.append('calcMode="spline"')
    if problems:
        listed = ", ".join(sorted(set(problems))[:4])
        inspection.warning(
            relative,
            0,
            f"the animation uses {listed}, which the exercise player cannot play correctly",
            f"use animateTransform with evenly spaced values ({_UNPLAYABLE})",
        )


def _timing(front: ExerciseFrontMatter) -> tuple[object, ...]:
    steps = tuple((step.start, step.end, step.hold) for step in front.steps)
    return (
        steps,
        front.sets,
        front.reps,
        front.minutes,
        front.hold_seconds,
        front.rest_seconds,
        front.animation,
    )


def _check_translated_exercises(inspection: Inspection) -> None:
    manifest = inspection.manifest
    assert manifest is not None
    first = manifest.first_language
    for (page_id, language), page in sorted(inspection.pages.items()):
        original = inspection.pages.get((page_id, first))
        if language == first or original is None:
            continue
        if not isinstance(page.front, ExerciseFrontMatter) or not isinstance(
            original.front, ExerciseFrontMatter
        ):
            continue
        if _timing(page.front) != _timing(original.front):
            inspection.warning(
                page.source_file,
                1,
                f"the steps, timings, sets, reps, hold, rest or animation differ from {original.source_file}",
                "use the same numbers and the same number of steps as the first language; "
                "translate only the words",
            )


def _check_help_page(inspection: Inspection) -> None:
    """The page "Get help now" opens must say whom to call before anything else, in every language."""
    manifest = inspection.manifest
    assert manifest is not None
    page_id = help_page_of(manifest_record(manifest), inspection.pages)
    if page_id is None:
        return
    for language in manifest.languages:
        page = inspection.pages.get((page_id, language))
        if page is None:
            continue
        first, _ = split_first_lines(page.body_html)
        if placeholder_names(first) & set(NUMBERS_TO_CALL):
            continue
        inspection.warning(
            page.source_file,
            _first_text_line(inspection, page.source_file),
            "the first lines of the page 'Get help now' opens (the text before its first list) give "
            "no number to call",
            "start the page with what to do now, using {emergency.number} or {clinic.phone}, e.g. "
            "'At home? Call {emergency.number} right away.'; a line ending in ':' goes with the list",
        )


def _first_text_line(inspection: Inspection, relative: str) -> int:
    """The file line of a page's first words, after its top block (0 when unreadable)."""
    text = _read(inspection, relative)
    if text is None:
        return 0
    lines = text.split("\n")
    start = _body_start(lines)
    return next((index + 1 for index in range(start, len(lines)) if lines[index].strip()), start + 1)
