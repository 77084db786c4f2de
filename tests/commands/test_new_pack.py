"""`kiosk new-pack DIR`: a starting pack that passes every check, installs, and has a note on every field."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.content.validator import validate_pack


def test_the_new_pack_passes_every_check_and_installs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "knee"
    assert main(["new-pack", str(folder)]) == 0
    report = validate_pack(folder)
    assert report.pack is not None
    # Nothing but the reminder that no clinician has reviewed it yet.
    assert [problem.message for problem in report.problems] == [
        "this pack is a draft: no clinician has reviewed it yet"
    ]
    kinds = {page.kind for page in report.pack.pages.values()}
    assert kinds == {"article", "exercise", "red-flag", "references"}
    assert main(["install", str(folder)]) == 0
    assert "Installed my-first-pack 1.0.0" in capsys.readouterr().out


def test_every_top_level_field_of_pack_yaml_has_a_note(tmp_path: Path) -> None:
    main(["new-pack", str(tmp_path / "p")])
    lines = (tmp_path / "p" / "pack.yaml").read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines):
        if re.match(r"^[a-z_]+:", line):
            assert lines[number - 1].startswith("#") or "#" in line, f"no note for {line!r}"


def test_an_existing_folder_is_never_overwritten(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "notes.md").write_text("my notes", encoding="utf-8")
    assert main(["new-pack", str(folder)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert (folder / "notes.md").read_text(encoding="utf-8") == "my notes"


def test_the_new_packs_emergency_page_names_no_number_of_its_own(tmp_path: Path) -> None:
    """The example staff copy from must not teach writing an emergency number into a pack: each
    kiosk fills in its own country's number and its front desk."""
    main(["new-pack", str(tmp_path / "p")])
    pages = "\n".join(path.read_text(encoding="utf-8") for path in (tmp_path / "p" / "pages").glob("*.md"))
    assert not re.search(r"\b(911|112|999|000)\b", pages)
    assert "{emergency.number}" in pages and "{clinic.front_desk}" in pages
