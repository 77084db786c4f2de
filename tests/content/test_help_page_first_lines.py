"""`kiosk validate` warns when the page "Get help now" opens does not start with a number to call:
its first lines (before the first list) are what a frightened patient reads first."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.content.validator import validate_pack

NO_NUMBER = "give no number to call"
FRONT = """\
---
title: Get help now
kind: red-flag
illustration: images/triangle.svg
illustration_alt: A red triangle, a warning sign.
---
"""


def findings(folder: Path) -> list[str]:
    return [line for line in validate_pack(folder).lines() if NO_NUMBER in line]


def write_help_page(pack: Path, body: str, language: str = "en") -> Path:
    page = pack / "pages" / f"emergency.{language}.md"
    page.write_text(FRONT + body, encoding="utf-8")
    return page


def test_the_mini_and_bundled_packs_start_their_help_page_with_a_number(
    mini_pack: Path, bundled_pack_dir: Path
) -> None:
    assert findings(mini_pack) == []
    assert findings(bundled_pack_dir) == []


def test_a_help_page_without_a_number_in_its_first_lines_is_named_on_its_first_line(
    mini_pack: Path,
) -> None:
    write_help_page(mini_pack, "\nGo to the emergency room now if:\n\n- You cannot pee.\n")
    [found] = findings(mini_pack)
    assert found.startswith("pages/emergency.en.md:8: warning:")  # its first words, after a blank line
    assert "{emergency.number} or {clinic.phone}" in found


def test_a_number_only_in_the_list_or_its_lead_in_does_not_count(mini_pack: Path) -> None:
    write_help_page(
        mini_pack,
        "Here at the clinic? {clinic.front_desk}\n\nAt home? Call {emergency.number} right away if:\n\n"
        "- You cannot pee.\n- Call {clinic.phone} if unsure.\n",
    )
    assert [line.split(":")[0] for line in findings(mini_pack)] == ["pages/emergency.en.md"]


@pytest.mark.parametrize("number", ["{emergency.number}", "{ clinic.phone }"])
def test_either_number_in_the_first_lines_is_enough(mini_pack: Path, number: str) -> None:
    write_help_page(
        mini_pack, f"Here at the clinic? {{clinic.front_desk}}\n\nAt home? Call {number} now.\n\n- Pain.\n"
    )
    assert findings(mini_pack) == []


def test_each_language_is_checked(mini_pack: Path) -> None:
    write_help_page(mini_pack, "Vaya a urgencias ahora.\n", language="es")
    [found] = findings(mini_pack)
    assert found.startswith("pages/emergency.es.md:7: warning:")


def test_the_page_named_as_help_page_is_the_one_checked(mini_pack: Path) -> None:
    manifest = mini_pack / "pack.yaml"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(text.replace("review:", "help_page: what-is-it\nreview:", 1), encoding="utf-8")
    found = findings(mini_pack)
    assert found and all(line.startswith("pages/what-is-it.") for line in found)
