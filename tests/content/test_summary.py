"""The summary kind: 3 to 6 short actions, each linking to the page that explains it."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.content.loader import load_pack
from kiosk.content.validator import reading_grade, validate_pack

BUNDLED = Path(__file__).resolve().parents[2] / "resources" / "packs" / "lower-back-pinched-nerve"
TOP = "---\ntitle: Today\nkind: summary\nillustration: images/spine.svg\nillustration_alt: A spine.\n---\n"


def write_summary(pack: Path, body: str) -> Path:
    page = pack / "pages" / "symptoms.en.md"
    illustration = next(
        line for line in page.read_text(encoding="utf-8").splitlines() if "illustration:" in line
    )
    page.write_text(TOP.replace("illustration: images/spine.svg", illustration) + body, encoding="utf-8")
    return page


def test_a_summary_of_linked_actions_passes(mini_pack: Path) -> None:
    write_summary(
        mini_pack,
        "Start here.\n\n- [Rest a little](what-is-it).\n- [Walk](what-is-it).\n- [Call](when-to-call).\n",
    )
    assert load_pack(mini_pack).pack is not None


def test_an_action_without_a_link_is_refused_at_its_line(mini_pack: Path) -> None:
    write_summary(mini_pack, "- [Rest a little](what-is-it).\n- Walk every day.\n- [Call](when-to-call).\n")

    problems = [p for p in validate_pack(mini_pack).problems if "no link" in p.message]

    assert [(p.file, p.line, p.is_error) for p in problems] == [("pages/symptoms.en.md", 8, True)]


@pytest.mark.parametrize("count", [2, 7])
def test_too_few_or_too_many_actions_are_refused(mini_pack: Path, count: int) -> None:
    write_summary(mini_pack, "".join(f"- [Action {n}](what-is-it).\n" for n in range(count)))

    problems = [p for p in validate_pack(mini_pack).problems if "3 to 6 actions" in p.message]

    assert len(problems) == 1 and problems[0].is_error and f"has {count}" in problems[0].message


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_bundled_pack_opens_with_what_to_do_today_in_both_languages(language: str) -> None:
    pack = load_pack(BUNDLED).pack
    assert pack is not None
    first = pack.manifest.topics[0]
    assert first.pages[0] == "what-to-do-today"
    page = pack.pages[("what-to-do-today", language)]
    assert page.kind == "summary"
    assert 3 <= page.body_html.count("<li>") <= 6
    assert page.body_html.count("<li>") == page.body_html.count('<a href="page:')
    assert "page:emergency-signs" in page.body_html


def test_the_bundled_summary_reads_at_grade_8_or_below() -> None:
    pack = load_pack(BUNDLED).pack
    assert pack is not None
    assert reading_grade(pack.pages[("what-to-do-today", "en")].plain_text) <= 8
