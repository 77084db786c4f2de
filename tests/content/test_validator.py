"""The advice `kiosk validate` adds on top of loading: review dates, unused files, reading level."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from kiosk.content.generate import write_generated_pack
from kiosk.content.problems import Problem, Severity
from kiosk.content.validator import ValidationReport, reading_grade, validate_pack

MINI_PACK = Path(__file__).resolve().parent.parent / "packs" / "mini"


def test_mini_pack_is_clean_and_counts_its_files() -> None:
    report = validate_pack(MINI_PACK, today=dt.date(2026, 11, 25))
    assert report.problems == ()
    assert report.pack is not None
    assert report.lines() == ["0 errors, 0 warnings in 12 files"]


def test_review_date_is_judged_against_the_given_day() -> None:
    assert validate_pack(MINI_PACK, today=dt.date(2099, 12, 31)).problems == ()
    late = validate_pack(MINI_PACK, today=dt.date(2100, 1, 1))
    assert [p.format() for p in late.problems] == [
        "pack.yaml:17: warning: the clinical review was due on 2099-12-31 (have the content checked again, "
        "then update reviewed_on and next_review)"
    ]
    assert late.pack is not None  # a warning never stops the pack from showing
    early = validate_pack(MINI_PACK, today=dt.date(2025, 1, 1))
    assert [(p.line, p.severity) for p in early.problems] == [(16, Severity.WARNING)]
    assert "in the future" in early.problems[0].message


def test_summary_counts_and_plurals() -> None:
    def report(errors: int, warnings: int, files: int) -> str:
        problems = [Problem("a", 1, Severity.ERROR, "x")] * errors + [
            Problem("a", 1, Severity.WARNING, "y")
        ] * warnings
        return ValidationReport(None, tuple(problems), files).summary()

    assert report(2, 1, 14) == "2 errors, 1 warning in 14 files"
    assert report(1, 0, 1) == "1 error, 0 warnings in 1 file"


def test_readme_and_hidden_files_are_not_reported_as_unused(tmp_path: Path) -> None:
    root = Path(shutil.copytree(MINI_PACK, tmp_path / "mini"))
    (root / "images" / "README.md").write_text("Palette notes for the illustrator.")
    (root / ".DS_Store").write_bytes(b"\0\1")
    (root / ".git").mkdir()
    (root / ".git" / "config").write_text("x")
    (root / "notes.txt").write_text("to do")
    report = validate_pack(root, today=dt.date(2026, 11, 25))
    assert [(p.file, p.line, p.severity) for p in report.problems] == [("notes.txt", 1, Severity.WARNING)]


def test_page_in_an_undeclared_language_is_a_warning(tmp_path: Path) -> None:
    root = Path(shutil.copytree(MINI_PACK, tmp_path / "mini"))
    shutil.copy(root / "pages" / "symptoms.en.md", root / "pages" / "symptoms.fr.md")
    report = validate_pack(root, today=dt.date(2026, 11, 25))
    assert [(p.file, p.line) for p in report.problems] == [("pages/symptoms.fr.md", 1)]
    assert "language 'fr'" in report.problems[0].message


def test_reading_grade_separates_plain_from_dense_text() -> None:
    assert reading_grade("Sit down. Take a deep breath. Rest your back.") < 6
    assert (
        reading_grade(
            "Lumbar radiculopathy characteristically manifests through neurological symptomatology."
        )
        > 8
    )


def test_spanish_pages_and_references_pages_are_not_scored(tmp_path: Path) -> None:
    root = Path(shutil.copytree(MINI_PACK, tmp_path / "mini"))
    dense = "\nLumbar radiculopathy characteristically manifests through neurological symptomatology.\n"
    with (root / "pages" / "symptoms.es.md").open("a") as page:
        page.write(dense)
    references = root / "pages" / "emergency.en.md"
    references.write_text(references.read_text().replace("kind: red-flag", "kind: references") + dense)
    assert validate_pack(root, today=dt.date(2026, 11, 25)).problems == ()


def test_generated_pack_is_clean(tmp_path: Path) -> None:
    root = write_generated_pack(tmp_path / "generated", pages=25)
    report = validate_pack(root, today=dt.date(2026, 11, 25))
    assert report.problems == ()
    assert report.pack is not None
    assert len(report.pack.pages) == 25
    assert [topic.id for topic in report.pack.manifest.topics] == ["topic-1", "topic-2", "topic-3"]


def _with_review(tmp_path: Path, review: str) -> Path:
    root = Path(shutil.copytree(MINI_PACK, tmp_path / "mini"))
    manifest = root / "pack.yaml"
    text = manifest.read_text(encoding="utf-8")
    start = text.index("review:\n")
    end = text.index("topics:\n")
    manifest.write_text(text[:start] + review + text[end:], encoding="utf-8")
    return root


def test_a_draft_pack_shows_but_validation_says_nobody_has_reviewed_it(tmp_path: Path) -> None:
    root = _with_review(tmp_path, "review:\n  status: draft\n")
    report = validate_pack(root, today=dt.date(2026, 11, 25))
    assert [p.format() for p in report.problems] == [
        "pack.yaml:15: warning: this pack is a draft: no clinician has reviewed it yet (have a clinician "
        "work through docs/clinical-review.md, then write status: reviewed, reviewed_by, reviewed_on and "
        "next_review)"
    ]
    assert report.pack is not None and report.pack.manifest.review.is_draft


def test_a_draft_cannot_claim_a_review_date(tmp_path: Path) -> None:
    root = _with_review(
        tmp_path, "review:\n  status: draft\n  reviewed_by: Content team\n  reviewed_on: 2026-11-25\n"
    )
    report = validate_pack(root, today=dt.date(2026, 11, 25))
    errors = [p for p in report.problems if p.is_error]
    assert [(p.line, p.severity) for p in errors] == [(17, Severity.ERROR)]
    assert "a draft has not been reviewed" in errors[0].message
    assert report.pack is None


def test_a_reviewed_pack_must_say_when_and_by_whom(tmp_path: Path) -> None:
    root = _with_review(
        tmp_path, "review:\n  status: reviewed\n  reviewed_by: Test Nurse, RN\n  next_review: 2099-12-31\n"
    )
    report = validate_pack(root, today=dt.date(2026, 11, 25))
    errors = [p for p in report.problems if p.is_error]
    assert len(errors) == 1
    assert errors[0].message.startswith("reviewed_on is missing")
    assert errors[0].line == 15  # the status line, since reviewed_on is not there to point at


def test_an_explicitly_reviewed_pack_is_clean(tmp_path: Path) -> None:
    root = _with_review(
        tmp_path,
        "review:\n  status: reviewed\n  reviewed_by: Test Nurse, RN\n  reviewed_on: 2026-01-15\n"
        "  next_review: 2099-12-31\n",
    )
    assert validate_pack(root, today=dt.date(2026, 11, 25)).problems == ()
