"""libyaml's parser messages, said in plain words for the person who wrote the pack.

libyaml reports what its grammar expected ("did not find expected key"), which means little to a
nurse editing pack.yaml. Each known message gets a sentence about what is wrong on the line and
how to fix it; an unknown one keeps libyaml's words with the general advice.
"""

from __future__ import annotations

from typing import Final

GENERAL_FIX: Final = (
    "check the indentation, with spaces and not tabs, that each ':' is followed by a space, "
    "and put text containing ':' or '#' in quotes"
)

_TAB: Final = ("a tab is used here; YAML lines are indented with spaces only", "replace the tab with spaces")

_PLAIN: Final[tuple[tuple[str, str, str], ...]] = (
    # (part of libyaml's message, what is wrong, how to fix it)
    ("found a tab character", *_TAB),
    (
        "mapping values are not allowed",
        "there is a second ':' on this line, or the line is indented deeper than the one above",
        "put text that contains ':' in quotes, or line the setting up with its neighbours",
    ),
    (
        "expected <block end>",
        "this line is not lined up with the settings around it",
        "indent it with the same number of spaces as the lines it belongs with",
    ),
    (
        "did not find expected key",
        "this line is not lined up with the settings around it",
        "indent it with the same number of spaces as the lines it belongs with",
    ),
    (
        "could not find expected ':'",
        "a line has a name but no ':' after it",
        "write the setting as  name: value, with a ':' and then a space",
    ),
    (
        "expected ',' or ']'",
        "a list in square brackets is not closed",
        "end the list with ']' and separate its items with commas",
    ),
    (
        "expected ',' or '}'",
        "a group in curly brackets is not closed",
        "end it with '}' and separate its items with commas",
    ),
    (
        "found unexpected end of stream",
        "a quote mark is opened but never closed",
        "close the text with the same quote mark it starts with",
    ),
    (
        "found character that cannot start any token",
        "a value starts with a sign YAML keeps for itself (such as @, ` or %)",
        "put the whole value in quotes",
    ),
    (
        "did not find expected '-' indicator",
        "a list item is not lined up with the items above it",
        "start every item of a list with '- ' at the same indentation",
    ),
    (
        "found undefined tag handle",
        "a value starts with '!', which YAML reads as a type label",
        "put the whole value in quotes",
    ),
)


def plain_words(problem: str | None, context: str | None, at: str = "") -> tuple[str, str]:
    """(what is wrong, how to fix it) for a libyaml problem and its context; `at` is the character
    libyaml stopped at (a tab there explains most "cannot start any token" messages)."""
    said = f"{context or ''} {problem or ''}"
    if at == "\t":
        return _TAB
    for known, what, fix in _PLAIN:
        if known in said:
            return what, fix
    return f"this line cannot be read: {problem or context or 'the text is not valid YAML'}", GENERAL_FIX


def points_at_start(problem: str | None, context: str | None) -> bool:
    """True where libyaml's problem mark is the end of the file but the mistake is where the
    unclosed text began (an unclosed quote): the context mark names the line to fix."""
    return "end of stream" in (problem or "") and "quoted scalar" in (context or "")
