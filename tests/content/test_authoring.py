"""Authoring advice from `kiosk validate`: what would load but not look or play as the writer meant."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kiosk.content.starter_pack import starter_files
from kiosk.content.validator import validate_pack


def lines_of(folder: Path) -> list[str]:
    return validate_pack(folder).lines()


def matching(folder: Path, words: str) -> list[str]:
    return [line for line in lines_of(folder) if words in line]


@pytest.fixture
def starter(tmp_path: Path) -> Path:
    """The new-pack example in English and Spanish, with a Spanish copy of the exercise page."""
    folder = tmp_path / "starter"
    for relative, text in starter_files().items():
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        (folder / relative).write_text(text, encoding="utf-8")
    manifest = folder / "pack.yaml"
    manifest.write_text(manifest.read_text().replace("languages: [en]", "languages: [en, es]"))
    english = (folder / "pages" / "gentle-stretch.en.md").read_text()
    spanish = english.replace("title: Gentle knee stretch", "title: Estiramiento suave de rodilla")
    (folder / "pages" / "gentle-stretch.es.md").write_text(spanish)
    return folder


def test_the_starter_pack_has_no_authoring_findings(starter: Path) -> None:
    assert not [line for line in lines_of(starter) if "gentle-stretch.es.md" in line]
    assert not matching(starter, "words drawn") and not matching(starter, "cannot play")


def test_a_table_and_a_quote_are_named_on_their_lines(mini_pack: Path) -> None:
    page = mini_pack / "pages" / "what-is-it.en.md"
    lines = page.read_text().split("\n")
    lines += ["", "| Sign | What to do |", "| --- | --- |", "| Pain | Rest |", "", "> Ask your nurse."]
    page.write_text("\n".join(lines))
    table_line, quote_line = len(lines) - 4, len(lines)
    [table] = matching(mini_pack, "tables are not shown")
    assert table.startswith(f"pages/what-is-it.en.md:{table_line}: warning:")
    [quote] = matching(mini_pack, "(a quote)")
    assert quote.startswith(f"pages/what-is-it.en.md:{quote_line}: warning:")


def test_an_unknown_icon_name_is_named_on_its_line(mini_pack: Path) -> None:
    manifest = mini_pack / "pack.yaml"
    text = manifest.read_text().replace("icon: fa5s.phone-alt", "icon: fa5s.phone-alot")
    manifest.write_text(text)
    line = next(number for number, row in enumerate(text.split("\n"), 1) if "phone-alot" in row)
    [found] = matching(mini_pack, "no icon called 'fa5s.phone-alot'")
    assert found.startswith(f"pack.yaml:{line}: warning:")
    assert not matching(mini_pack, "fa5s.question-circle")  # a real icon is not reported


def test_words_drawn_in_a_picture_are_a_warning(mini_pack: Path) -> None:
    picture = mini_pack / "images" / "circle.svg"
    picture.write_text(picture.read_text().replace("</svg>", '<text x="10" y="20">Lumbar spine</text></svg>'))
    [found] = matching(mini_pack, "words drawn in it")
    assert found.startswith("images/circle.svg: warning:") and "Lumbar spine" in found


def test_a_translation_with_other_repetitions_is_a_warning(starter: Path) -> None:
    page = starter / "pages" / "gentle-stretch.es.md"
    page.write_text(page.read_text().replace("reps: 5", "reps: 6"))
    [found] = matching(starter, "differ from pages/gentle-stretch.en.md")
    assert found.startswith("pages/gentle-stretch.es.md:1: warning:")


def test_a_translation_with_a_step_at_another_time_is_a_warning(starter: Path) -> None:
    page = starter / "pages" / "gentle-stretch.es.md"
    page.write_text(page.read_text().replace("    start: 1\n    end: 2", "    start: 1\n    end: 2.5", 1))
    assert matching(starter, "differ from pages/gentle-stretch.en.md")


@pytest.mark.parametrize(
    ("change", "named"),
    [
        (' values="0;0;30;30;0"/>', ' values="0;0;30;30;0" keyTimes="0;0.2;0.5;0.8;1"/>'),
        (' values="0;0;30;30;0"/>', ' values="0;30;0" calcMode="spline" keySplines="0 0 1 1;0 0 1 1"/>'),
        ("</g>", '<animate attributeName="opacity" values="1;0;1" dur="4s"/></g>'),
    ],
)
def test_animation_features_the_player_cannot_play_are_a_warning(
    starter: Path, change: str, named: str
) -> None:
    animation = starter / "animations" / "stretch.svg"
    text = animation.read_text()
    assert change in text
    animation.write_text(text.replace(change, named))
    [found] = matching(starter, "cannot play correctly")
    assert found.startswith("animations/stretch.svg: warning:")


def test_a_link_inside_the_pack_is_an_error(mini_pack: Path) -> None:
    os.symlink(mini_pack / "images" / "circle.svg", mini_pack / "images" / "round.svg")
    [found] = matching(mini_pack, "is a link")
    assert found.startswith("images/round.svg: error:")
    assert validate_pack(mini_pack).pack is None


def test_a_tab_used_for_indenting_is_named_in_plain_words(mini_pack: Path) -> None:
    manifest = mini_pack / "pack.yaml"
    text = manifest.read_text().replace("  reviewed_by:", "\treviewed_by:")
    manifest.write_text(text)
    line = next(number for number, row in enumerate(text.split("\n"), 1) if "\treviewed_by" in row)
    assert f"pack.yaml:{line}: error: a tab is used for indenting on line {line}" in "\n".join(
        lines_of(mini_pack)
    )
