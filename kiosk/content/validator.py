"""Everything `kiosk validate` reports: the loader's checks plus advice for the people who keep the
pack up to date (files nobody uses, an overdue clinical review, pages that are hard to read).

These extra findings are warnings: they never stop a pack from being shown.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from kiosk.content.authoring import check_authoring
from kiosk.content.loader import MANIFEST, Inspection, Progress, inspect_pack
from kiosk.content.pack import LoadResult, Pack
from kiosk.content.problems import Problem
from kiosk.content.yamltext import line_of

MAX_READING_GRADE = 8.0
READABILITY_LANGUAGES = ("en",)
"""The Flesch-Kincaid grade formula is made for English; other languages are not scored."""
UNSCORED_KINDS = ("references",)
"""A list of sources is written for staff and doctors, so its reading level is not checked."""
MAX_FILES = 20_000
IGNORED_NAMES = ("readme", "license", "licence")
"""Notes for staff may sit anywhere in the pack as README or LICENSE files; they are never shown."""
SIGNATURE_FILE_NAME = "pack.sig"
"""Written by `kiosk sign`; the kiosk checks it but never shows it."""


@dataclass(frozen=True)
class ValidationReport:
    """The outcome of checking one pack folder."""

    pack: Pack | None
    problems: tuple[Problem, ...]
    files_checked: int
    load_problems: tuple[Problem, ...] = ()
    """What loading the pack found (what `kiosk run` logs), without the authoring advice on review
    dates, reading level and unused files: what the checked-pack index remembers."""

    def load_result(self) -> LoadResult:
        """The pack as `kiosk run` would load it, for the checked-pack index."""
        return LoadResult(self.pack, self.load_problems)

    @property
    def errors(self) -> int:
        return sum(1 for problem in self.problems if problem.is_error)

    @property
    def warnings(self) -> int:
        return len(self.problems) - self.errors

    def summary(self) -> str:
        """e.g. '2 errors, 1 warning in 14 files'."""

        def count(number: int, word: str) -> str:
            return f"{number} {word}{'' if number == 1 else 's'}"

        return (
            f"{count(self.errors, 'error')}, {count(self.warnings, 'warning')} "
            f"in {count(self.files_checked, 'file')}"
        )

    def lines(self) -> list[str]:
        """What `kiosk validate` prints: one line per problem in file and line order, then the summary."""
        return [problem.format() for problem in self.problems] + [self.summary()]


def validate_pack(
    path: Path, today: dt.date | None = None, progress: Progress | None = None
) -> ValidationReport:
    """Check the pack folder at `path`; `today` (default: the real date) judges the review dates.

    `progress`, if given, is told (pages checked, pages in all) as the check goes on."""
    inspection = inspect_pack(path, progress)
    load_problems = inspection.result().problems
    files = pack_files(path) if _is_folder(path) else []
    if inspection.manifest is not None:
        _check_unused(inspection, files)
        _check_review_date(inspection, today or dt.date.today())
        _check_reading_level(inspection)
    if _is_folder(path):
        check_authoring(inspection, files)
    loaded = inspection.result()
    return ValidationReport(loaded.pack, loaded.problems, len(files), load_problems)


def _is_folder(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False


def pack_files(root: Path) -> list[str]:
    """Every file in the pack folder (relative, forward slashes), skipping hidden files and folders."""
    found: list[str] = []
    for folder, subfolders, names in os.walk(root, followlinks=False, onerror=lambda error: None):
        subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
        relative_folder = Path(folder).relative_to(root).as_posix()
        for name in sorted(names):
            if name.startswith("."):
                continue
            found.append(name if relative_folder == "." else f"{relative_folder}/{name}")
            if len(found) >= MAX_FILES:
                return found
    return found


def _check_unused(inspection: Inspection, files: list[str]) -> None:
    manifest = inspection.manifest
    assert manifest is not None
    for relative in files:
        name = relative.rsplit("/", 1)[-1]
        if relative in inspection.used_files or relative == SIGNATURE_FILE_NAME:
            continue
        if name.lower().startswith(IGNORED_NAMES):
            continue
        parts = name.split(".")
        if relative.startswith("pages/") and len(parts) == 3 and parts[2] == "md":
            page_id, language = parts[0], parts[1]
            if language not in manifest.languages:
                inspection.warning(
                    relative,
                    1,
                    f"this page is in language '{language}', which is not in the pack's languages",
                    f"add '{language}' to languages in pack.yaml, or delete the file",
                )
            else:
                inspection.warning(
                    relative,
                    1,
                    f"page '{page_id}' is not listed in any topic, so nobody will see it",
                    "add its id under a topic's pages in pack.yaml, or delete the file",
                )
            continue
        inspection.warning(
            relative,
            1 if name.lower().endswith((".md", ".yaml", ".txt")) else 0,
            "this file is not used by any topic or page",
            "delete it, or use it in a page; unused files are copied to every kiosk for nothing",
        )


def _check_review_date(inspection: Inspection, today: dt.date) -> None:
    manifest, document = inspection.manifest, inspection.manifest_document
    assert manifest is not None and document is not None
    review = manifest.review
    if review.is_draft:
        inspection.warning(
            MANIFEST,
            line_of(document, ("review", "status")),
            "this pack is a draft: no clinician has reviewed it yet",
            "have a clinician work through docs/clinical-review.md, then write status: reviewed, "
            "reviewed_by, reviewed_on and next_review",
        )
    if review.next_review is not None and today > review.next_review:
        inspection.warning(
            MANIFEST,
            line_of(document, ("review", "next_review")),
            f"the clinical review was due on {review.next_review.isoformat()}",
            "have the content checked again, then update reviewed_on and next_review",
        )
    if review.reviewed_on is not None and review.reviewed_on > today:
        inspection.warning(
            MANIFEST,
            line_of(document, ("review", "reviewed_on")),
            f"reviewed_on ({review.reviewed_on.isoformat()}) is in the future",
            "write the date the review actually happened",
        )


def _check_reading_level(inspection: Inspection) -> None:
    for (_, language), page in sorted(inspection.pages.items()):
        if language not in READABILITY_LANGUAGES or page.kind in UNSCORED_KINDS or not page.plain_text:
            continue
        grade = reading_grade(page.plain_text)
        if grade > MAX_READING_GRADE:
            inspection.warning(
                page.source_file,
                1,
                f"the text reads at grade {grade:.1f}, above grade {MAX_READING_GRADE:.0f}",
                "use shorter sentences and everyday words, one idea per sentence",
            )


def reading_grade(text: str) -> float:
    """Flesch-Kincaid grade of `text` (English).

    textstat is imported here, not at the top: importing it costs tens of milliseconds and its
    first syllable count loads a pronouncing dictionary (about a second), which the kiosk's start
    and a pack without English text to score should not pay.
    """
    import textstat

    return float(textstat.flesch_kincaid_grade(text))
