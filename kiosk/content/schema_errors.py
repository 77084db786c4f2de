"""Turning pydantic's schema errors into sentences a nurse can act on, with the line to change."""

from __future__ import annotations

import re
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


def _steps(location: tuple[int | str, ...], data: object) -> list[int | str]:
    """The location without pydantic's internal union labels like 'dict[str,str]'.

    A step is kept when the pack's own data has it at that place, so a key a pack spells like a
    label (`"x[1]": ...`) is still named, not hidden behind its parent's name."""
    kept: list[int | str] = []
    for step in location:
        in_dict = isinstance(data, dict) and step in data
        in_list = isinstance(data, list) and isinstance(step, int) and 0 <= step < len(data)
        if in_dict or in_list:
            data = data[step]  # type: ignore[index]
        elif isinstance(step, str) and any(c in step for c in "[],("):
            continue
        else:
            data = None
        kept.append(step)
    return kept


def _where(steps: list[int | str]) -> str:
    return " > ".join(f"item {step + 1}" if isinstance(step, int) else step for step in steps)


_NAMES = {"languages": "language code", "pages": "page id", "default_language": "language code"}


_NUMBER_LIMITS = {
    "greater_than": "more than",
    "greater_than_equal": "at least",
    "less_than": "less than",
    "less_than_equal": "at most",
}


def _explain(error: Any, steps: list[int | str]) -> tuple[str, str]:
    kind: str = error["type"]
    names = [step for step in steps if isinstance(step, str)]
    name = names[-1] if names else "value"
    label = _NAMES.get(name, name)
    inside = f" in {_where(steps[:-1])}" if len(steps) > 1 else ""
    where = f" ({_where(steps)})" if len(steps) > 1 else ""
    given = error.get("input")
    shown = repr(given) if isinstance(given, str | int | float) else "this value"
    limit = error.get("ctx", {}).get("max_length")
    if kind == "missing":
        if name == "illustration":
            return (
                "this page has no picture ('illustration' is missing)",
                "add a line 'illustration: images/<picture>.svg' and 'illustration_alt: <what it shows>'",
            )
        return (f"'{name}' is missing{inside}", f"add a line '{name}: ...'")
    if kind == "extra_forbidden":
        return (
            f"'{name}' is not a known setting{inside}",
            "check the spelling, or remove the line; docs/pack-format.md lists every setting",
        )
    if given is None and kind != "value_error":
        return (f"'{name}' is empty{inside}", f"write a value after '{name}:'")
    if kind in ("string_pattern_mismatch", "literal_error") and name in _FORMAT_HINTS:
        return (f"{shown} is not a valid {label}{where}", _FORMAT_HINTS[name])
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        return (f"{shown} is not allowed for {label}{where}", f"use one of: {expected}")
    if kind == "string_pattern_mismatch":
        return (f"{shown} is not written the right way{where}", "see docs/pack-format.md for the format")
    if kind == "string_type":
        return (f"'{name}' should be a text{inside}", "put the text in quotes")
    if kind in ("dict_type", "list_type", "model_type", "model_attributes_type"):
        wanted = "a list" if kind == "list_type" else "a group of settings"
        return (f"'{name}' should be {wanted}{inside}", "check the indentation against docs/pack-format.md")
    if kind.startswith(("date", "datetime")):
        return (f"{shown} is not a date{where}", "write dates like 2026-03-01")
    if kind in ("too_short", "string_too_short"):
        return (f"'{name}' must not be empty{inside}", f"write at least one value after '{name}:'")
    if kind in ("too_long", "string_too_long"):
        return (
            f"'{name}' is too long{inside}" + (f": at most {limit} letters" if limit else ""),
            "shorten it",
        )
    if kind in _NUMBER_LIMITS:
        bound = next(iter(error.get("ctx", {}).values()), "")
        rule = f"{_NUMBER_LIMITS[kind]} {bound}"
        return (f"'{name}' must be {rule}{inside}, not {shown}", f"write a number {rule}")
    if kind.startswith(("int_", "float_", "bool_")):
        what = {"i": "a whole number", "f": "a number", "b": "true or false"}[kind[0]]
        return (f"'{name}' should be {what}{inside}, not {shown}", f"write {what} after '{name}:'")
    if kind.startswith("url"):
        return (f"{shown} is not a web address{where}", "write it like https://www.example.org/page")
    message = str(error.get("msg", "is not valid")).removeprefix("Value error, ")
    return (message + where, "see docs/pack-format.md")


def _point_at_named_setting(document: YamlDocument, steps: list[int | str], message: str) -> list[int | str]:
    """A rule about two settings (e.g. next_review after reviewed_on) points at the first one it names."""
    for word in re.findall(r"[a-z_]+", message):
        if line_of(document, [*steps, word]) != line_of(document, steps):
            return [*steps, word]
    return steps


def schema_problems(error: ValidationError, document: YamlDocument, file: str) -> list[Problem]:
    """One problem per schema error, each on the line where the wrong value was written."""
    problems = []
    for item in error.errors(include_url=False):
        steps = _steps(tuple(item["loc"]), document.data)
        message, fix = _explain(item, steps)
        if item["type"] == "value_error":
            steps = _point_at_named_setting(document, steps, message)
        problems.append(Problem(file, line_of(document, steps), Severity.ERROR, message, fix))
    return problems
