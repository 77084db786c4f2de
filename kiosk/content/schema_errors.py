"""Turning pydantic's schema errors into sentences a nurse can act on, with the line to change."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from kiosk.content.problems import Problem, Severity
from kiosk.content.yamltext import YamlDocument, line_of

_FORMAT_HINTS = {
    "id": "use lower-case letters, digits and single hyphens, like what-is-it",
    "pages": "use page ids made of lower-case letters, digits and single hyphens, like what-is-it",
    "version": "write it like '1.0.0', in quotes",
    "languages": "use two-letter language codes like en or es",
    "default_language": "use a two-letter language code like en",
    "icon": "use an icon name like fa5s.walking",
    "accent": "write a colour like '#1f6f8b', in quotes",
    "background": "write a colour like '#ffffff', in quotes",
}


def _steps(location: tuple[int | str, ...]) -> list[int | str]:
    """The location without pydantic's internal union labels like 'dict[str,str]'."""
    return [step for step in location if isinstance(step, int) or not any(c in step for c in "[],(")]


def _where(steps: list[int | str]) -> str:
    return " > ".join(f"item {step + 1}" if isinstance(step, int) else step for step in steps)


def _explain(error: Any, steps: list[int | str]) -> tuple[str, str]:
    kind: str = error["type"]
    names = [step for step in steps if isinstance(step, str)]
    name = names[-1] if names else "value"
    where = _where(steps) or "the file"
    given = error.get("input")
    shown = repr(given) if isinstance(given, str | int | float) else "this value"
    if kind == "missing":
        if name == "illustration":
            return (
                "this page has no picture ('illustration' is missing)",
                "add a line 'illustration: images/<picture>.svg' and 'illustration_alt: <what it shows>'",
            )
        parent = _where(steps[:-1]) or "the top of the file"
        return (f"'{name}' is missing (in {parent})", f"add a line '{name}: ...'")
    if kind == "extra_forbidden":
        inside = f" in {_where(steps[:-1])}" if len(steps) > 1 else ""
        return (
            f"'{name}' is not a known setting{inside}",
            "check the spelling, or remove the line; docs/pack-format.md lists every setting",
        )
    if kind in ("string_pattern_mismatch", "literal_error") and name in _FORMAT_HINTS:
        return (f"{shown} is not a valid {name} ({where})", _FORMAT_HINTS[name])
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        return (f"{shown} is not allowed for {name} ({where})", f"use one of: {expected}")
    if kind == "string_pattern_mismatch":
        return (f"{shown} is not written the right way ({where})", "see docs/pack-format.md for the format")
    if kind in ("string_type", "dict_type", "list_type", "model_type", "model_attributes_type"):
        wanted = {
            "string_type": "a text",
            "dict_type": "a group of settings",
            "list_type": "a list",
        }.get(kind, "a group of settings")
        fix = (
            "put the text in quotes"
            if kind == "string_type"
            else "check the indentation against the example in docs/pack-format.md"
        )
        return (f"{where} should be {wanted}", fix)
    if kind.startswith("date") or kind.startswith("datetime"):
        return (f"{shown} is not a date ({where})", "write dates like 2026-03-01")
    if kind in ("too_short",):
        return (f"{where} must not be empty", "add at least one entry")
    if kind in ("too_long", "string_too_long"):
        return (f"{where} is too long", error.get("msg", "shorten it"))
    if kind == "string_too_short":
        return (f"{where} must not be empty", "write some text after the ':'")
    if kind.startswith("url"):
        return (f"{shown} is not a web address ({where})", "write it like https://www.example.org/page")
    message = str(error.get("msg", "is not valid")).removeprefix("Value error, ")
    return (f"{where}: {message}", "see docs/pack-format.md")


def schema_problems(error: ValidationError, document: YamlDocument, file: str) -> list[Problem]:
    """One problem per schema error, each on the line where the wrong value was written."""
    problems = []
    for item in error.errors(include_url=False):
        steps = _steps(tuple(item["loc"]))
        message, fix = _explain(item, steps)
        problems.append(Problem(file, line_of(document, steps), Severity.ERROR, message, fix))
    return problems
