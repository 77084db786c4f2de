"""The staff panel: what is showing, whether it passes its checks, how much it is read, and the way out.

Opened from the PIN pad (or directly in setup mode, when no PIN is set yet). It shows the pack's
name, version and review dates, this clinic's details (phone, emergency number ...), the result
of `kiosk validate` on the pack folder (checked in the background once the panel appears, with
progress, so it opens at once and never freezes), the page views of the last days, and buttons to
reload the pack, exit the kiosk, or return to it.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QDeadlineTimer, QEventLoop, QLocale, Qt, QTimer
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import QBoxLayout, QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.content.escape import escape
from kiosk.content.pack import Pack
from kiosk.content.pack_types import Review
from kiosk.session.site import SiteDetails
from kiosk.session.usage import DayCount, UsageError, read_counts
from kiosk.ui.dialog import DialogCard
from kiosk.ui.staff.pack_check import BackgroundCheck
from kiosk.ui.staff.site_section import site_section
from kiosk.ui.strings import tr
from kiosk.ui.theme import Theme
from kiosk.ui.widgets import TextLabel, push_button

if TYPE_CHECKING:
    from kiosk.content.validator import ValidationReport

log = logging.getLogger(__name__)

USAGE_DAYS = 7

PackReport = Callable[[], tuple[str, "str | None"]]
"""Returns why the pack showing was chosen, and the last pack refused (None: none was)."""


def route_title(pack: Pack, route_name: str, language: str) -> str:
    """`page/about/what-is-it` -> the page's title; unknown names are shown as they are."""
    parts = route_name.split("/")
    try:
        if parts[0] == "page" and len(parts) == 3:
            return pack.page(parts[2], language).title
        if parts[0] == "topic" and len(parts) == 2:
            return pack.text(pack.topic(parts[1]).title, language)
    except KeyError:
        pass
    return route_name


def usage_rows(rows: list[DayCount], days: int = USAGE_DAYS) -> list[tuple[str, int, str]]:
    """(day, views, most opened page name) for the last `days` days with views, newest first."""
    by_day: dict[str, Counter[str]] = defaultdict(Counter)
    for row in rows:
        by_day[row.day][row.page] += row.count
    result = []
    for day in sorted(by_day, reverse=True)[:days]:
        counts = by_day[day]
        pages = Counter({name: n for name, n in counts.items() if name.startswith("page/")}) or counts
        top = max(sorted(pages), key=lambda name: pages[name])
        result.append((day, sum(counts.values()), top))
    return result


def day_label(day: str, language: str = "en") -> str:
    """`2026-11-24` -> `Tue 24 Nov` (`mar 24 nov` in Spanish); anything else as it is."""
    try:
        date = dt.date.fromisoformat(day)
    except ValueError:
        return day
    return QLocale(language).toString(QDate(date.year, date.month, date.day), "ddd d MMM")


class StaffPanel(DialogCard):
    def __init__(
        self,
        theme: Theme,
        window_width: int,
        pack: Pack,
        *,
        language: str,
        setup_mode: bool,
        usage_db: Path | None,
        on_reload: Callable[[], None],
        on_exit: Callable[[], None],
        on_return: Callable[[], None],
        message: str = "",
        pack_report: tuple[str, str | None] | None = None,
        site: SiteDetails | None = None,
    ) -> None:
        super().__init__(theme, "staff-panel", window_width, max_width=1500)
        self.pack = pack
        self.why, self.refused = pack_report or ("", None)
        self.language = language
        title = TextLabel(tr("staff_panel", language), "title")
        self.column.addWidget(title)
        if setup_mode:
            note = TextLabel(tr("setup_note", language), "body")
            note.setObjectName("SetupNote")
            note.setStyleSheet(f"color: {theme.palette.urgent_text};")
            self.column.addWidget(note)
        self.message = TextLabel(message, "body")
        self.message.setObjectName("StaffMessage")
        self.message.setVisible(bool(message))
        self.column.addWidget(self.message)
        wide = theme.landscape
        sections: QBoxLayout = QHBoxLayout() if wide else QVBoxLayout()
        sections.setSpacing(theme.px(48 if wide else 28))
        sections.addLayout(self._pack_section(), 1)
        sections.addLayout(self._usage_section(usage_db), 1)
        self.column.addLayout(sections)
        self._add_pack_story()
        if site is not None:
            self.column.addWidget(site_section(theme, site, language))
        buttons = QHBoxLayout()
        buttons.setSpacing(theme.px(20))
        self.reload_button = push_button(
            tr("reload_pack", language), on_reload, name="staff-reload", role="quiet"
        )
        self.exit_button = push_button(tr("exit_kiosk", language), on_exit, name="staff-exit", role="danger")
        self.return_button = push_button(tr("return_to_kiosk", language), on_return, name="staff-return")
        buttons.addWidget(self.reload_button)
        buttons.addWidget(self.exit_button)
        buttons.addStretch(1)
        buttons.addWidget(self.return_button)
        self.column.addLayout(buttons)
        self._check: BackgroundCheck | None = None
        QTimer.singleShot(60, self, self.run_checks)

    def _pack_section(self) -> QVBoxLayout:
        pack, manifest = self.pack, self.pack.manifest
        review = manifest.review
        section = QVBoxLayout()
        section.setSpacing(self.theme.px(10))
        section.addWidget(TextLabel(tr("content_pack", self.language), "heading"))
        grid = QGridLayout()
        grid.setHorizontalSpacing(self.theme.px(20))
        grid.setVerticalSpacing(self.theme.px(8))
        words = self.language
        rows = [
            ("Pack", "info_pack", f"{pack.text(manifest.title, words)} ({manifest.id})"),
            ("Version", "info_version", manifest.version),
            *_review_rows(review, words),
            ("Folder", "info_folder", str(pack.root)),
        ]
        for number, (name, key, value) in enumerate(rows):
            grid.addWidget(TextLabel(tr(key, words), "small"), number, 0, Qt.AlignmentFlag.AlignTop)
            label = TextLabel(value, "body")
            label.setObjectName(f"PackInfo-{name}")
            grid.addWidget(label, number, 1)
        grid.setColumnStretch(1, 1)
        section.addLayout(grid)
        self.checks = TextLabel(tr("checking_pack", self.language), "body")
        self.checks.setObjectName("PackChecks")
        section.addWidget(self.checks)
        section.addStretch(1)
        return section

    def _add_pack_story(self) -> None:
        """Why this pack shows, and the last refused pack, across the whole panel (they can be long)."""
        for name, text in (("Why", self.why), ("Refused", self.refused)):
            if not text:
                continue
            label = TextLabel(f"{tr('pack_' + name.lower(), self.language)}: {text}", "small")
            label.setObjectName(f"PackInfo-{name}")
            if name == "Refused":
                label.setStyleSheet(f"color: {self.theme.palette.urgent_text};")
            self.column.addWidget(label)

    def _usage_section(self, usage_db: Path | None) -> QVBoxLayout:
        section = QVBoxLayout()
        section.setSpacing(self.theme.px(10))
        section.addWidget(TextLabel(tr("page_views_days", self.language, days=USAGE_DAYS), "heading"))
        try:
            rows = usage_rows(read_counts(usage_db)) if usage_db is not None else []
        except UsageError as error:
            section.addWidget(TextLabel(str(error), "small"))
            section.addStretch(1)
            return section
        if not rows:
            empty = TextLabel(tr("no_page_views", self.language), "body")
            empty.setObjectName("UsageEmpty")
            section.addWidget(empty)
            section.addStretch(1)
            return section
        table = QWidget()
        table.setObjectName("UsageTable")
        grid = QGridLayout(table)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(self.theme.px(24))
        grid.setVerticalSpacing(self.theme.px(6))
        for column, key in enumerate(("column_day", "column_views", "column_most_read")):
            grid.addWidget(TextLabel(tr(key, self.language), "small"), 0, column)
        for number, (day, views, top) in enumerate(rows, start=1):
            grid.addWidget(TextLabel(day_label(day, self.language), "body"), number, 0)
            count = TextLabel(str(views), "body")
            count.setObjectName(f"UsageViews-{day}")
            grid.addWidget(count, number, 1)
            grid.addWidget(TextLabel(route_title(self.pack, top, self.language), "body"), number, 2)
        grid.setColumnStretch(2, 1)
        section.addWidget(table)
        section.addStretch(1)
        return section

    def run_checks(self) -> None:
        """Start the same checks as `kiosk validate` on the pack folder, in the background."""
        if self._check is not None and not self._check.is_done():
            return
        self._check = BackgroundCheck(self.pack.root)
        self._check.progress.connect(self._show_progress)
        self._check.finished.connect(self._show_report)
        self._check.failed.connect(self._show_failure)
        self._check.start()

    def wait_for_checks(self, seconds: float = 60.0) -> bool:
        """Let the background check finish and its result arrive (for screenshots and tests)."""
        deadline = QDeadlineTimer(round(seconds * 1000))
        while self._check is not None and not deadline.hasExpired():
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            if self._check.is_done():
                QCoreApplication.processEvents()
                return True
        return self._check is None

    def hideEvent(self, event: QHideEvent) -> None:
        if self._check is not None:
            self._check.cancel()  # nobody is looking any more
        super().hideEvent(event)

    def _show_progress(self, done: int, total: int) -> None:
        if total:
            self.checks.setText(tr("checks_progress", self.language, done=done, total=total))

    def _show_failure(self, reason: str) -> None:
        log.error("checking the pack failed: %s", escape(reason))
        self.checks.setText(tr("checks_failed", self.language))

    def _show_report(self, report: ValidationReport) -> None:
        if self.refused:
            key = "checks_refused_other" if not report.errors else "checks_refused_other_problems"
            self.checks.setText(tr(key, self.language, summary=report.summary()))
        elif not report.problems:
            self.checks.setText(tr("checks_ok", self.language))
        else:
            self.checks.setText(tr("checks_problems", self.language, summary=report.summary()))
        urgent = report.errors or self.refused
        self.checks.setStyleSheet(f"color: {self.theme.palette.urgent_text};" if urgent else "")


def _review_rows(review: Review, language: str) -> list[tuple[str, str, str]]:
    """A draft says plainly that no clinician has checked it; a reviewed pack says who and when.
    Each row: (object name, strings key of its label, value)."""
    if review.is_draft or review.reviewed_on is None or review.next_review is None:
        return [("Reviewed", "info_reviewed", tr("not_reviewed", language))]
    overdue = review.next_review < dt.date.today()
    reviewed = tr("reviewed_by", language, date=review.reviewed_on.isoformat(), name=review.reviewed_by)
    return [
        ("Reviewed", "info_reviewed", reviewed),
        (
            "Nextreview",
            "info_next_review",
            review.next_review.isoformat() + (f"  {tr('overdue', language)}" if overdue else ""),
        ),
    ]
