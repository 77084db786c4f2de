"""Site placeholders in pack text: `{clinic.phone}`, `{emergency.number}` ...

A pack is written once and shown in many clinics, so it must not write in a phone number or an
emergency number (911 is wrong in most countries). Pack text names the detail instead and each
kiosk fills it from its own settings file. This module knows which names exist, finds the unknown
ones (a typo would otherwise reach the screen as "{clinic.phnoe}"), and fills a loaded pack with
one clinic's words. The words themselves come from `kiosk.session.site`; content stays site-free.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Mapping
from dataclasses import replace
from types import MappingProxyType

from kiosk.content.pack import Pack, Page
from kiosk.content.pack_types import ANY_LANGUAGE
from kiosk.content.problems import Problem, Severity

PLACEHOLDERS: tuple[str, ...] = (
    "clinic.name",
    "clinic.phone",
    "clinic.hours",
    "clinic.front_desk",
    "emergency.number",
)
"""Every name a pack may write between braces; the kiosk fills each one in every language."""

_PLACEHOLDER = re.compile(r"\{\s*([A-Za-z_][A-Za-z0-9_.\-]*)\s*\}")
"""`{word}` or `{word.word}`: anything that looks like a placeholder is checked, so typos show."""

SiteValues = Mapping[str, Mapping[str, str]]
"""language -> placeholder name -> the words to show."""


def unknown_placeholders(text: str, first_line: int = 1) -> Iterator[tuple[int, str]]:
    """(file line, name) of every placeholder in `text` that the kiosk cannot fill."""
    for number, line in enumerate(text.split("\n"), start=first_line):
        for match in _PLACEHOLDER.finditer(line):
            if match.group(1) not in PLACEHOLDERS:
                yield number, match.group(1)


def placeholder_names(text: str) -> set[str]:
    """Every name written between braces in `text`, known or not."""
    return {match.group(1) for match in _PLACEHOLDER.finditer(text)}


def placeholder_problems(file: str, text: str, first_line: int = 1) -> list[Problem]:
    """One error per unknown placeholder, naming the line and the names that do exist."""
    known = ", ".join("{" + name + "}" for name in PLACEHOLDERS)
    return [
        Problem(
            file,
            line,
            Severity.ERROR,
            f"'{{{name}}}' is not a detail the kiosk knows",
            f"use one of {known}, or remove the braces",
        )
        for line, name in unknown_placeholders(text, first_line)
    ]


def fill(text: str, values: Mapping[str, str], *, as_html: bool = False) -> str:
    """`text` with every known placeholder replaced; values are escaped when `text` is HTML."""

    def replacement(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in values:
            return match.group(0)
        return html.escape(values[name], quote=False) if as_html else values[name]

    return _PLACEHOLDER.sub(replacement, text)


def fill_pack(pack: Pack, site: SiteValues) -> Pack:
    """A copy of `pack` whose page texts, titles and Home texts carry this site's details.

    A text written once for every language (`title: Hello`) is copied into each pack language
    first, so each language gets its own clinic wording.
    """

    def values_for(language: str) -> Mapping[str, str]:
        return site.get(language) or site.get(pack.default_language) or {}

    def localized(text: dict[str, str]) -> dict[str, str]:
        if ANY_LANGUAGE in text:
            spread = {language: text[ANY_LANGUAGE] for language in pack.languages}
            text = {**spread, **{k: v for k, v in text.items() if k != ANY_LANGUAGE}}
        return {language: fill(words, values_for(language)) for language, words in text.items()}

    manifest = pack.manifest
    manifest = replace(
        manifest,
        title=localized(manifest.title),
        welcome=localized(manifest.welcome),
        disclaimer=localized(manifest.disclaimer),
    )
    pages: dict[tuple[str, str], Page] = {}
    for key, page in pack.pages.items():
        if "{" not in page.front.title and "{" not in page.body_html and "{" not in page.plain_text:
            pages[key] = page  # nothing to fill: most pages, and a copy of each grew the start with the pack
            continue
        values = values_for(page.language)
        pages[key] = replace(
            page,
            front=replace(page.front, title=fill(page.front.title, values)),
            body_html=fill(page.body_html, values, as_html=True),
            plain_text=fill(page.plain_text, values),
        )
    return replace(pack, manifest=manifest, pages=MappingProxyType(pages))
