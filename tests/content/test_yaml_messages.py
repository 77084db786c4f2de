"""pack.yaml mistakes are explained in plain words, on the line to fix."""

from __future__ import annotations

import pytest

from kiosk.content.yamltext import YamlIssue, parse_yaml

CASES = [
    # (pack.yaml text, line to fix, words the message must hold)
    ("id: mini\ntitle: Back: pain\n", 2, "second ':'"),
    ("id: mini\ntopics:\n  - a\n - b\n", 4, "not lined up"),
    ("id: mini\nlanguages: [en, es\nversion: '1'\n", 3, "square brackets is not closed"),
    ("id: mini\njust some words\nversion: '1'\n", 3, "no ':' after it"),
    ("id: mini\ntitle: @home\n", 2, "sign YAML keeps for itself"),
    ("id: mini\ntitle:\n\ten: Back\n", 3, "tab"),
    ("id: mini\ntitle: 'not closed\n", 2, "quote mark is opened but never closed"),
]


@pytest.mark.parametrize(("text", "line", "words"), CASES)
def test_a_yaml_mistake_is_said_in_plain_words_on_its_line(text: str, line: int, words: str) -> None:
    issue = parse_yaml(text)
    assert isinstance(issue, YamlIssue)
    assert issue.line == line
    assert words in issue.message
    assert "did not find expected" not in issue.message  # libyaml's own words stay out of sight
    assert issue.fix


def test_an_unknown_parser_message_keeps_its_words_and_the_general_advice() -> None:
    from kiosk.content.yaml_messages import GENERAL_FIX, plain_words

    what, fix = plain_words("something libyaml has never said", None)
    assert "something libyaml has never said" in what
    assert fix == GENERAL_FIX
