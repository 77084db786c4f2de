"""The pack shipped with the kiosk must be spotless: no errors, and no warning but the one that
says it is still a draft waiting for a clinician's review."""

from __future__ import annotations

from pathlib import Path

from kiosk.content.validator import validate_pack


def test_bundled_pack_validates_with_no_errors_and_only_the_draft_warning(bundled_pack_dir: Path) -> None:
    report = validate_pack(bundled_pack_dir)
    assert [problem.format() for problem in report.problems] == [
        "pack.yaml:28: warning: this pack is a draft: no clinician has reviewed it yet (have a clinician "
        "work through docs/clinical-review.md, then write status: reviewed, reviewed_by, reviewed_on and "
        "next_review)"
    ]
    assert report.pack is not None


def test_the_bundled_draft_claims_no_review(bundled_pack_dir: Path) -> None:
    report = validate_pack(bundled_pack_dir)
    assert report.pack is not None
    review = report.pack.manifest.review
    assert review.is_draft
    assert review.reviewed_on is None and review.reviewed_by is None
