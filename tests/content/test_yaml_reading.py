"""Both YAML readers (libyaml when built in, pure Python otherwise) give the same answers."""

from __future__ import annotations

import pytest
import yaml

from kiosk.content import yamltext
from kiosk.content.yamltext import YamlDocument, YamlIssue, line_of, parse_yaml

READERS: list[type[yamltext._GuardedComposer]] = [yamltext._PackYamlLoader]
if getattr(yaml, "__with_libyaml__", False):
    READERS.append(yamltext._PackCYamlLoader)


@pytest.fixture(params=READERS, ids=lambda reader: reader.__name__)
def reader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamltext, "_Loader", request.param)


PACK = """\
id: demo
title: Demo
topics:
  - id: basics
    pages:
      - what-is-it
      - when: 2026-13-45
"""


@pytest.mark.usefixtures("reader")
def test_values_and_their_lines() -> None:
    document = parse_yaml(PACK, first_line=3)
    assert isinstance(document, YamlDocument)
    assert document.data == {
        "id": "demo",
        "title": "Demo",
        "topics": [{"id": "basics", "pages": ["what-is-it", {"when": "2026-13-45"}]}],
    }
    assert line_of(document, ("topics", 0, "pages", 1, "when")) == 9
    assert line_of(document, ("topics", 0, "missing")) == 6


@pytest.mark.usefixtures("reader")
@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("a: 1\nb: &x 2\nc: *x\n", 2, "anchors and aliases (& and *) are not supported"),
        ("a: 1\nb:\n  c: 1\n  c: 2\n", 4, "'c' is written twice at the same level"),
        ("a: [1, 2\nb: 3\n", 2, "a list in square brackets is not closed"),
        ("a: " + "[" * 40 + "]" * 40, 1, "the settings are nested far too deeply"),
        ("a: " + "[" * 100_000, 1, "the settings are nested far too deeply"),
        ("- x\n" * (yamltext.MAX_NODES + 1), 1, "the file is far too long"),
        ("a: !!python/object:os.system x\n", 1, "this line cannot be read"),
    ],
    ids=["alias", "duplicate", "syntax", "deep", "very-deep", "huge", "unsafe-tag"],
)
def test_refused_with_the_line_to_change(text: str, line: int, message: str) -> None:
    issue = parse_yaml(text)
    assert isinstance(issue, YamlIssue)
    assert issue.line == line
    assert issue.message.startswith(message)


def test_libyaml_is_used_when_built_in() -> None:
    if not getattr(yaml, "__with_libyaml__", False):
        pytest.skip("PyYAML built without libyaml")
    assert yamltext._Loader is yamltext._PackCYamlLoader
