"""Each folder in tests/broken_packs has exactly one mistake; the validator must report exactly it,
on the right file and line, phrased so staff know what to change."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kiosk.content.loader import load_pack
from kiosk.content.problems import Severity
from kiosk.content.validator import validate_pack

BROKEN = Path(__file__).resolve().parent.parent / "broken_packs"
TODAY = dt.date(2026, 11, 25)
E, W = Severity.ERROR, Severity.WARNING

# folder -> (file, line, severity, words the message must contain)
EXPECTED: dict[str, tuple[str, int, Severity, str]] = {
    "bad-yaml": ("pack.yaml", 13, E, "second ':' on this line"),
    "traversal-path": ("pack.yaml", 14, E, "goes up out of the folder"),
    "backslash-path": ("pages/what-is-it.en.md", 3, E, "backslashes"),
    "absolute-path": ("pages/what-is-it.en.md", 3, E, "absolute"),
    "svg-doctype-entities": ("images/circle.svg", 2, E, "DOCTYPE"),
    "svg-external-href": ("images/circle.svg", 2, E, "https://example.org/x.png"),
    "svg-script": ("images/circle.svg", 2, E, "<script>"),
    "svg-onload": ("images/circle.svg", 1, E, "onload"),
    "svg-foreign-object": ("images/circle.svg", 3, E, "<foreignObject>"),
    "huge-png-dimensions": ("images/huge.png", 0, E, "100000 x 100000 pixels"),
    "fake-png": ("images/fake.png", 0, E, "not a real PNG"),
    "unsupported-media": ("pack.yaml", 14, E, "not a supported kind of file"),
    "missing-page-file": ("pack.yaml", 17, E, "no file pages/symptoms.en.md"),
    "missing-illustration": ("pages/what-is-it.en.md", 2, E, "no picture"),
    "missing-picture-file": ("pages/what-is-it.en.md", 3, E, "'images/spine.svg' is missing"),
    "unused-file": ("images/old-drawing.svg", 0, W, "not used"),
    "unlisted-page": ("pages/symptoms.en.md", 1, W, "not listed in any topic"),
    "broken-link": ("pages/what-is-it.en.md", 8, E, "'symptoms', which is not a page"),
    "outside-link": ("pages/what-is-it.en.md", 8, E, "links to websites"),
    "raw-html": ("pages/what-is-it.en.md", 8, E, "HTML"),
    "inline-html": ("pages/what-is-it.en.md", 8, E, "HTML"),
    "remote-image": ("pages/what-is-it.en.md", 8, E, "pictures cannot be put inside the page text"),
    "bad-date": ("pack.yaml", 9, E, "'2026-13-45' is not a date"),
    "review-overdue": ("pack.yaml", 10, W, "review was due on 2026-02-01"),
    "duplicate-topic": ("pack.yaml", 17, E, "two topics have the id 'basics'"),
    "duplicate-page-in-topic": ("pack.yaml", 17, E, "listed twice in topic 'basics'"),
    "duplicate-key": ("pack.yaml", 4, E, "'id' is written twice"),
    "yaml-alias": ("pack.yaml", 5, E, "anchors and aliases"),
    "unknown-setting": ("pack.yaml", 5, E, "'colour' is not a known setting"),
    "version-not-text": ("pack.yaml", 3, E, "'version' should be a text"),
    "unknown-page-kind": ("pages/what-is-it.en.md", 3, E, "'quiz' is not a kind of page"),
    "no-front-matter": ("pages/what-is-it.en.md", 1, E, "must start with a line '---'"),
    "missing-translation": ("pack.yaml", 16, W, "no 'es' translation"),
    "hard-to-read": ("pages/what-is-it.en.md", 1, W, "reads at grade"),
    "non-utf8": ("pages/what-is-it.en.md", 7, E, "not saved as UTF-8"),
    "empty-pack-yaml": ("pack.yaml", 1, E, "pack.yaml is empty"),
    "binary-junk": ("pack.yaml", 1, E, "not a text file"),
    "pack-yaml-is-a-list": ("pack.yaml", 1, E, "should be a list of settings"),
}


def test_every_corpus_folder_has_an_expectation() -> None:
    folders = {path.name for path in BROKEN.iterdir() if path.is_dir()}
    assert folders == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_pack_reports_its_one_problem_at_the_right_place(name: str) -> None:
    file, line, severity, words = EXPECTED[name]
    report = validate_pack(BROKEN / name, today=TODAY)
    assert [(p.file, p.line, p.severity) for p in report.problems] == [(file, line, severity)]
    problem = report.problems[0]
    assert words in problem.message
    assert problem.fix, "every problem says how to fix it"


@pytest.mark.parametrize("name", sorted(name for name, expected in EXPECTED.items() if expected[2] is E))
def test_a_pack_with_an_error_is_not_loaded(name: str) -> None:
    result = load_pack(BROKEN / name)
    assert result.pack is None
    assert result.errors


@pytest.mark.parametrize("name", sorted(name for name, expected in EXPECTED.items() if expected[2] is W))
def test_a_pack_with_only_warnings_still_loads(name: str) -> None:
    report = validate_pack(BROKEN / name, today=TODAY)
    assert report.pack is not None
    assert report.errors == 0


def test_grade_is_named_in_the_reading_level_warning() -> None:
    report = validate_pack(BROKEN / "hard-to-read", today=TODAY)
    grade = float(report.problems[0].message.split("grade ")[1].split(",")[0])
    assert grade > 8
