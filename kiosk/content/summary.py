"""The `summary` page kind ("What you can do today"): a short list of actions, each a link.

A patient who reads one page should still leave knowing what to do, so a summary page lists 3 to
6 short actions, and each action links to the page that explains it (the kiosk shows every
action as a large button). These checks keep a summary page that shape; they read the Markdown
lines so each problem names its line.
"""

from __future__ import annotations

import re

from kiosk.content.problems import Problem, Severity

MIN_ACTIONS = 3
MAX_ACTIONS = 6
MAX_ACTION_WORDS = 14
"""An action a patient takes in at a glance; longer belongs on the page it links to."""

_ITEM = re.compile(r"^\s{0,3}(?:[-*+]|\d{1,2}[.)])\s+(.*)$")
_LINK = re.compile(r"\[([^\]]+)\]\(\s*(?:page:)?[a-z0-9]+(?:-[a-z0-9]+)*\s*\)")


def summary_problems(file: str, body: str, first_line: int) -> list[Problem]:
    """Problems with a summary page's text; `first_line` is the file line of the body's first line."""
    items = [
        (number, match.group(1))
        for number, line in enumerate(body.split("\n"), start=first_line)
        if (match := _ITEM.match(line))
    ]
    problems: list[Problem] = []
    if not MIN_ACTIONS <= len(items) <= MAX_ACTIONS:
        problems.append(
            Problem(
                file,
                items[0][0] if items else first_line,
                Severity.ERROR,
                f"a summary page lists {MIN_ACTIONS} to {MAX_ACTIONS} actions; this one has {len(items)}",
                "write one '- ' line per action, each with a link to the page that explains it",
            )
        )
    for number, text in items:
        if not _LINK.search(text):
            problems.append(
                Problem(
                    file,
                    number,
                    Severity.ERROR,
                    "this action has no link to the page that explains it",
                    "add one, like '- Keep moving: [take short walks](walking)'",
                )
            )
        words = len(_LINK.sub(r"\1", text).split())
        if words > MAX_ACTION_WORDS:
            problems.append(
                Problem(
                    file,
                    number,
                    Severity.WARNING,
                    f"this action has {words} words; a patient takes in about {MAX_ACTION_WORDS} at a glance",
                    "shorten it; the details belong on the page it links to",
                )
            )
    return problems
