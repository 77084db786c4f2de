"""Site placeholders: staff write `{clinic.phone}` once, every kiosk shows its own details."""

from __future__ import annotations

from pathlib import Path

from kiosk.content.loader import load_pack
from kiosk.content.placeholders import fill, fill_pack
from kiosk.content.validator import validate_pack


def test_an_unknown_placeholder_is_refused_with_its_file_and_line(mini_pack: Path) -> None:
    page = mini_pack / "pages" / "symptoms.en.md"
    lines = page.read_text(encoding="utf-8").split("\n")
    lines.append("Call us at {clinic.phnoe} today.")
    page.write_text("\n".join(lines), encoding="utf-8")

    report = validate_pack(mini_pack)

    found = [p for p in report.problems if "clinic.phnoe" in p.message]
    assert len(found) == 1
    assert found[0].file == "pages/symptoms.en.md" and found[0].line == len(lines)
    assert "{clinic.phone}" in found[0].fix  # it says which names do exist
    assert load_pack(mini_pack).pack is None  # the kiosk would not show "{clinic.phnoe}" to patients


def test_an_unknown_placeholder_in_pack_yaml_is_refused_too(mini_pack: Path) -> None:
    manifest = mini_pack / "pack.yaml"
    text = manifest.read_text(encoding="utf-8").replace("welcome:", "# call {help.line}\nwelcome:", 1)
    manifest.write_text(text, encoding="utf-8")

    problems = [p for p in validate_pack(mini_pack).problems if "help.line" in p.message]

    assert [p.file for p in problems] == ["pack.yaml"]
    assert text.split("\n")[problems[0].line - 1] == "# call {help.line}"


def test_known_placeholders_pass_the_checks(mini_pack: Path) -> None:
    page = mini_pack / "pages" / "symptoms.en.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nCall {clinic.phone} or {emergency.number}.\n")

    assert load_pack(mini_pack).pack is not None


def test_filled_values_are_escaped_in_page_html_and_kept_as_typed_in_plain_text() -> None:
    values = {"clinic.name": "<b>Smith & Jones</b>"}

    assert fill("<p>Call {clinic.name}</p>", values, as_html=True) == (
        "<p>Call &lt;b&gt;Smith &amp; Jones&lt;/b&gt;</p>"
    )
    assert fill("Call {clinic.name}", values) == "Call <b>Smith & Jones</b>"
    assert fill("Keep {unknown} as it is", values) == "Keep {unknown} as it is"


def test_a_filled_pack_shows_each_language_its_own_wording(mini_pack: Path) -> None:
    page = mini_pack / "pages" / "symptoms.es.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nLlame a {emergency.number}.\n")
    manifest = mini_pack / "pack.yaml"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(text.replace("en: Tap a topic to start.", "en: Welcome to {clinic.name}."))
    pack = load_pack(mini_pack).pack
    assert pack is not None

    filled = fill_pack(
        pack,
        {"en": {"clinic.name": "Riverside"}, "es": {"clinic.name": "Ribera", "emergency.number": "061"}},
    )

    assert "Llame a 061." in filled.pages[("symptoms", "es")].plain_text
    assert "Llame a 061." in filled.pages[("symptoms", "es")].body_html
    assert filled.manifest.welcome["en"] == "Welcome to Riverside."
    assert "{emergency.number}" in pack.pages[("symptoms", "es")].plain_text  # the loaded pack is unchanged


def test_a_help_page_that_is_not_in_the_pack_is_refused(mini_pack: Path) -> None:
    manifest = mini_pack / "pack.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8") + "help_page: emergncy\n")

    problems = [p for p in validate_pack(mini_pack).problems if "help_page" in p.message]

    assert problems and problems[0].is_error and problems[0].file == "pack.yaml"
    assert problems[0].line == len(manifest.read_text(encoding="utf-8").splitlines())
