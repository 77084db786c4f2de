"""The pack shipped with the kiosk must be spotless: no errors and no warnings."""

from __future__ import annotations

from pathlib import Path

from kiosk.content.validator import validate_pack


def test_bundled_pack_validates_with_no_errors_and_no_warnings(bundled_pack_dir: Path) -> None:
    report = validate_pack(bundled_pack_dir)
    assert [problem.format() for problem in report.problems] == []
    assert report.pack is not None
