"""The staff panel: what is showing, whether it passes its checks, how much it is read, and the way out.

Opened from the PIN pad (or directly in setup mode, when no PIN is set yet). It shows the pack's
name, version and review dates, the result of `kiosk validate` on the pack folder (checked just
after the panel appears, so it opens at once), the page views of the last days, and buttons to
reload the pack, exit the kiosk, or return to it.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QBoxLayout, QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.content.models import Review
from kiosk.content.pack import Pack
from kiosk.session.usage import DayCount, UsageError, read_counts
from kiosk.ui.dialog import DialogCard
from kiosk.ui.theme import Theme
from kiosk.ui.widgets import TextLabel, push_button

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


def day_label(day: str) -> str:
    try:
        return dt.date.fromisoformat(day).strftime("%a %d %b")
    except ValueError:
        return day


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
    ) -> None:
        super().__init__(theme, "staff-panel", window_width, max_width=1500)
        self.pack = pack
        self.why, self.refused = pack_report or ("", None)
        self.language = language
        title = TextLabel("Staff panel", "title")
        self.column.addWidget(title)
        if setup_mode:
            note = TextLabel(
                "Setup mode: no staff PIN is set, so anyone can open this panel. Set one on this "
                "machine with the command  kiosk set-pin  and restart the kiosk.",
                "body",
            )
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
        buttons = QHBoxLayout()
        buttons.setSpacing(theme.px(20))
        self.reload_button = push_button("Reload pack", on_reload, name="staff-reload", role="quiet")
        self.exit_button = push_button("Exit the kiosk", on_exit, name="staff-exit", role="danger")
        self.return_button = push_button("Return to the kiosk", on_return, name="staff-return")
        buttons.addWidget(self.reload_button)
        buttons.addWidget(self.exit_button)
        buttons.addStretch(1)
        buttons.addWidget(self.return_button)
        self.column.addLayout(buttons)
        QTimer.singleShot(60, self, self.run_checks)

    def _pack_section(self) -> QVBoxLayout:
        pack, manifest = self.pack, self.pack.manifest
        review = manifest.review
        section = QVBoxLayout()
        section.setSpacing(self.theme.px(10))
        section.addWidget(TextLabel("Content pack", "heading"))
        grid = QGridLayout()
        grid.setHorizontalSpacing(self.theme.px(20))
        grid.setVerticalSpacing(self.theme.px(8))
        rows = [
            ("Pack", f"{pack.text(manifest.title, self.language)} ({manifest.id})"),
            ("Version", manifest.version),
            *_review_rows(review),
            ("Folder", str(pack.root)),
        ]
        for number, (name, value) in enumerate(rows):
            grid.addWidget(TextLabel(name, "small"), number, 0, Qt.AlignmentFlag.AlignTop)
            label = TextLabel(value, "body")
            label.setObjectName(f"PackInfo-{name.replace(' ', '')}")
            grid.addWidget(label, number, 1)
        grid.setColumnStretch(1, 1)
        section.addLayout(grid)
        self.checks = TextLabel("Checking the pack\u2026", "body")
        self.checks.setObjectName("PackChecks")
        section.addWidget(self.checks)
        section.addStretch(1)
        return section

    def _add_pack_story(self) -> None:
        """Why this pack shows, and the last refused pack, across the whole panel (they can be long)."""
        for name, text in (("Why", self.why), ("Refused", self.refused)):
            if not text:
                continue
            label = TextLabel(f"{name}: {text}", "small")
            label.setObjectName(f"PackInfo-{name}")
            if name == "Refused":
                label.setStyleSheet(f"color: {self.theme.palette.urgent_text};")
            self.column.addWidget(label)

    def _usage_section(self, usage_db: Path | None) -> QVBoxLayout:
        section = QVBoxLayout()
        section.setSpacing(self.theme.px(10))
        section.addWidget(TextLabel(f"Page views, last {USAGE_DAYS} days", "heading"))
        try:
            rows = usage_rows(read_counts(usage_db)) if usage_db is not None else []
        except UsageError as error:
            section.addWidget(TextLabel(str(error), "small"))
            section.addStretch(1)
            return section
        if not rows:
            empty = TextLabel("No page views recorded yet.", "body")
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
        for column, name in enumerate(("Day", "Views", "Most read")):
            grid.addWidget(TextLabel(name, "small"), 0, column)
        for number, (day, views, top) in enumerate(rows, start=1):
            grid.addWidget(TextLabel(day_label(day), "body"), number, 0)
            count = TextLabel(str(views), "body")
            count.setObjectName(f"UsageViews-{day}")
            grid.addWidget(count, number, 1)
            grid.addWidget(TextLabel(route_title(self.pack, top, self.language), "body"), number, 2)
        grid.setColumnStretch(2, 1)
        section.addWidget(table)
        section.addStretch(1)
        return section

    def run_checks(self) -> None:
        """Run the same checks as `kiosk validate` on the pack folder and say how it went."""
        from kiosk.content.validator import validate_pack  # imported when asked, not at kiosk start

        try:
            report = validate_pack(self.pack.root)
        except Exception:  # the panel must open whatever the folder holds
            log.exception("checking the pack failed")
            self.checks.setText("The pack could not be checked; see the log.")
            return
        if self.refused:
            showing = "passes its checks" if not report.errors else f"has {report.summary()}"
            self.checks.setText(
                f"The pack showing {showing}, but the last pack sent was refused: see Refused below."
            )
        elif not report.problems:
            self.checks.setText("Checks: no problems found.")
        else:
            self.checks.setText(f"Checks: {report.summary()}. Run  kiosk validate  for the details.")
        urgent = report.errors or self.refused
        self.checks.setStyleSheet(f"color: {self.theme.palette.urgent_text};" if urgent else "")


def _review_rows(review: Review) -> list[tuple[str, str]]:
    """A draft says plainly that no clinician has checked it; a reviewed pack says who and when."""
    if review.is_draft or review.reviewed_on is None or review.next_review is None:
        return [("Reviewed", "Not yet reviewed by a clinician (draft)")]
    overdue = review.next_review < dt.date.today()
    return [
        ("Reviewed", f"{review.reviewed_on.isoformat()} by {review.reviewed_by}"),
        ("Next review", review.next_review.isoformat() + ("  (overdue)" if overdue else "")),
    ]
