"""The exercise kind: the moving demo with its player, the safety note, and the tappable steps.

Landscape: the player (figure, counters, controls) fills the left; the right column starts with
the title and the safety note (the care-team banner and the cautions), so they are on screen
without scrolling, then the steps and the page text. Portrait: title, player, safety, steps, text.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.content.pack import Page
from kiosk.content.pack_types import ExerciseFrontMatter
from kiosk.ui import resources
from kiosk.ui.exercise.figures import make_figure
from kiosk.ui.exercise.player import ExercisePlayer
from kiosk.ui.pages import register
from kiosk.ui.pages.base import PageView
from kiosk.ui.screens.base import ScreenContext
from kiosk.ui.widgets import TextLabel


@register("exercise")
class ExerciseView(PageView):
    kind = "exercise"
    title_spans_columns = False
    picture_share = 52
    large_text_picture_share = 58
    """The player grows a little with large text: its words grow too, and its controls keep one row."""
    picture_fills_height = True

    def __init__(self, context: ScreenContext, page: Page, parent: QWidget | None = None) -> None:
        front = page.front
        assert isinstance(front, ExerciseFrontMatter)
        self.front = front
        animation = context.pack.media_path(front.animation) if front.animation else None
        figure = make_figure(
            animation,
            context.pack.media_path(front.illustration),
            front.illustration_alt,
            context.tr("video_unavailable"),
        )
        theme = context.theme
        margins = 3 * theme.px(theme.metrics.margin)
        width = (
            round((theme.width - margins) * self.share_for(theme) / 100)
            if context.landscape
            else theme.width - 2 * theme.px(46)
        )
        self.player = ExercisePlayer(context, front, figure, width)
        super().__init__(context, page, parent)
        if not context.landscape:
            # In portrait the player scrolls with the text: give the figure a definite height.
            theme = context.theme
            width = theme.width - 2 * theme.px(46)
            share = 0.34 if theme.text_percent < 150 else 0.28
            figure.setFixedHeight(min(round(width * figure.aspect), round(theme.height * share)))

    def picture_widget(self) -> QWidget | None:
        return self.player

    def body_widgets(self) -> list[QWidget]:
        one_step = len(self.front.steps) == 1
        heading = TextLabel(self.context.tr("how_to" if one_step else "steps_heading"), "heading")
        heading.setObjectName("StepsHeading")
        return [self._safety(), heading, self.player.steps, *super().body_widgets()]

    def _safety(self) -> QWidget:
        """The care-team banner (when the page asks for it) and the cautions, in one box."""
        theme = self.context.theme
        p = theme.palette
        box = QWidget()
        box.setObjectName("SafetyNote")
        box.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        box.setStyleSheet(
            f"#SafetyNote {{ background: {p.urgent_tint}; border: {theme.px(4)}px solid {p.urgent};"
            f" border-radius: {theme.px(theme.metrics.radius)}px; }}"
            f" #SafetyNote QLabel {{ color: {p.urgent_text}; }}"
        )
        column = QVBoxLayout(box)
        pad = theme.px(18)
        column.setContentsMargins(pad, pad, pad, pad)
        column.setSpacing(theme.px(10))
        lines = ([self.context.tr("ask_care_team_first")] if self.front.ask_care_team_first else []) + list(
            self.front.cautions
        )
        for number, text in enumerate(lines):
            row = QHBoxLayout()
            row.setSpacing(theme.px(14))
            size = theme.text_px(34)
            mark = QLabel()
            icon = (
                "fa5s.user-md"
                if number == 0 and self.front.ask_care_team_first
                else "fa5s.exclamation-triangle"
            )
            mark.setPixmap(resources.icon(icon, p.urgent_text).pixmap(size, size))
            mark.setFixedSize(size, size)
            row.addWidget(mark, 0, Qt.AlignmentFlag.AlignTop)
            label = TextLabel(text, "body")
            label.setObjectName("SafetyLine")
            label.setStyleSheet("font-weight: bold;")
            row.addWidget(label, 1)
            column.addLayout(row)
        box.setVisible(bool(lines))
        return box
