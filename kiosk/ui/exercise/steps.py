"""The steps as big tappable rows; the step the figure is performing is unmistakable.

The current row is marked three ways, not by colour alone: a filled accent background, bold words,
and an arrow in place of its number. `CurrentStep` repeats the current step under the figure.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import QAbstractButton, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from kiosk.ui import resources
from kiosk.ui.paint_errors import reports_errors
from kiosk.ui.screens.base import ScreenContext
from kiosk.ui.theme import Theme
from kiosk.ui.widgets import TextLabel


class StepRow(QAbstractButton):
    """One step: its number (or an arrow while current) and its words; a tap jumps there."""

    def __init__(self, theme: Theme, number: int, text: str, on_tap: Callable[[], None]) -> None:
        super().__init__()
        self.theme = theme
        self.number = number
        self.current = False
        self.setObjectName(f"Step{number}")
        self.setProperty("tappable", True)
        self.setProperty("current", False)
        self.setAccessibleName(text)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # keys and switches only: a tap never gives focus
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.clicked.connect(lambda _checked=False: on_tap())
        row = QHBoxLayout(self)
        pad = theme.px(14)
        row.setContentsMargins(pad + theme.px(6), pad, pad, pad)
        row.setSpacing(theme.px(18))
        self.mark_size = theme.text_px(44)
        self.mark = QLabel(str(number))
        self.mark.setObjectName("StepMark")
        self.mark.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.mark.setFixedSize(self.mark_size, self.mark_size)
        self.mark.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        row.addWidget(self.mark, 0, Qt.AlignmentFlag.AlignVCenter)
        self.words = TextLabel(text, "body")
        self.words.setObjectName("StepText")
        row.addWidget(self.words, 1)
        self._restyle()

    def set_current(self, current: bool) -> None:
        if current == self.current:
            return
        self.current = current
        self.setProperty("current", current)
        self._restyle()
        self.update()

    def _restyle(self) -> None:
        p, tx = self.theme.palette, self.theme.text_px
        size = self.mark_size
        if self.current:
            arrow = resources.icon("fa5s.arrow-right", p.on_accent).pixmap(size * 2 // 3, size * 2 // 3)
            self.mark.setText("")
            self.mark.setPixmap(arrow)
            self.mark.setStyleSheet(f"background: {p.accent}; border-radius: {size // 2}px;")
            self.words.setStyleSheet(f"font-weight: bold; font-size: {tx(self.theme.metrics.body)}px;")
        else:
            self.mark.setPixmap(QPixmap())
            self.mark.setText(str(self.number))
            self.mark.setStyleSheet(
                f"color: {p.text}; border: {self.theme.px(2)}px solid {p.border};"
                f" border-radius: {size // 2}px; font-size: {tx(self.theme.metrics.small)}px;"
                f" font-weight: bold; background: {p.surface};"
            )
            self.words.setStyleSheet(f"font-weight: normal; font-size: {tx(self.theme.metrics.body)}px;")

    def sizeHint(self) -> QSize:
        layout = self.layout()
        hint = layout.sizeHint() if layout is not None else QSize()
        return hint.expandedTo(QSize(self.theme.target, self.theme.target))

    def minimumSizeHint(self) -> QSize:
        layout = self.layout()
        hint = layout.minimumSize() if layout is not None else QSize()
        return hint.expandedTo(QSize(self.theme.target, self.theme.target))

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        layout = self.layout()
        height = layout.totalHeightForWidth(width) if layout is not None else 0
        return max(self.theme.target, height)

    @reports_errors
    def paintEvent(self, event: QPaintEvent) -> None:
        p = self.theme.palette
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        border = self.theme.px(5 if self.current else self.theme.metrics.border)
        if self.isDown():
            fill, outline = p.surface_pressed, p.accent
        elif self.current:
            fill, outline = p.notice, p.accent
        else:
            fill, outline = p.surface, p.border
        painter.setPen(QPen(QColor(outline), border))
        painter.setBrush(QColor(fill))
        radius = self.theme.px(self.theme.metrics.radius)
        painter.drawRoundedRect(
            QRectF(self.rect()).adjusted(border / 2, border / 2, -border / 2, -border / 2), radius, radius
        )


class StepList(QWidget):
    """The steps in order; `highlight(index)` marks the one the figure is performing."""

    def __init__(self, theme: Theme, texts: Sequence[str], on_tap: Callable[[int], None]) -> None:
        super().__init__()
        self.setObjectName("StepList")
        self.setProperty("arrowGroup", True)  # arrow keys move between steps (`kiosk.ui.focus`)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(theme.px(12))
        self.rows = [
            StepRow(theme, index + 1, text, lambda index=index: on_tap(index))  # type: ignore[misc]
            for index, text in enumerate(texts)
        ]
        for row in self.rows:
            column.addWidget(row)
        self.current: int | None = None

    def highlight(self, index: int | None) -> None:
        if index == self.current:
            return
        self.current = index
        for number, row in enumerate(self.rows):
            row.set_current(number == index)


CONTROL_SIZE_ABOVE_SHARE = 0.25


class CurrentStep(QWidget):
    """The step the figure is performing, written right under the figure: the patient watching the
    demo reads what to do without looking away, and it is on screen wherever the steps list is.

    It keeps the height of its longest step, so the figure above does not jump as steps change.
    Between steps (a rest, the end) it shows the last step, unmarked. On a short landscape screen
    with large text, where the longest step at reading size would take more than
    `CONTROL_SIZE_ABOVE_SHARE` of the height and leave the figure a strip, its words are as large
    as the counters' (the full steps list beside it keeps the reading size).
    """

    def __init__(self, context: ScreenContext, texts: Sequence[str], width: int) -> None:
        super().__init__()
        self.setObjectName("CurrentStep")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.theme = theme = context.theme
        self.texts = [
            f"{context.tr('step_number', number=number)}: {text}" for number, text in enumerate(texts, 1)
        ]
        self.index: int | None = None
        self.current = False
        row = QHBoxLayout(self)
        pad = theme.px(12)
        row.setContentsMargins(pad + theme.px(4), pad, pad, pad)
        row.setSpacing(theme.px(14))
        self.mark_size = theme.text_px(36)
        self.mark = QLabel()
        self.mark.setObjectName("CurrentStepMark")
        self.mark.setFixedSize(self.mark_size, self.mark_size)
        self.mark.setAlignment(Qt.AlignmentFlag.AlignCenter)
        row.addWidget(self.mark, 0, Qt.AlignmentFlag.AlignTop)
        self.words = TextLabel("", "body")
        self.words.setObjectName("CurrentStepText")
        self.words.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.words, 1, Qt.AlignmentFlag.AlignTop)
        words_width = width - 2 * pad - theme.px(4) - self.mark_size - theme.px(14)
        self.font_px = theme.text_px(theme.metrics.body)
        if theme.landscape and self._tallest(words_width) + 2 * pad > theme.height * CONTROL_SIZE_ABOVE_SHARE:
            self.font_px = theme.control_px(theme.metrics.body)  # as large as the counters below it
        self.setMinimumHeight(self._tallest(words_width) + 2 * pad)
        self.setVisible(bool(self.texts))
        self._restyle()

    def _tallest(self, width: int) -> int:
        metrics = QFontMetrics(self.theme.font(self.font_px, bold=True))
        flags = int(Qt.TextFlag.TextWordWrap)
        heights = [
            metrics.boundingRect(QRect(0, 0, max(1, width), 1 << 20), flags, self.texts[index]).height()
            for index in range(len(self.texts))
        ]
        return max([self.mark_size, *heights])

    def show_step(self, index: int | None) -> None:
        """Show step `index` as the one being performed; None keeps the last step, unmarked."""
        current = index is not None
        if index is None:
            index = self.index if self.index is not None else 0
        if (index, current) == (self.index, self.current) or not self.texts:
            return
        self.index, self.current = index, current
        self.words.setText(self.texts[index])
        self._restyle()

    def _restyle(self) -> None:
        p, theme = self.theme.palette, self.theme
        size = self.mark_size
        colour = p.accent if self.current else p.border
        self.setStyleSheet(
            f"#CurrentStep {{ background: {p.notice if self.current else p.surface};"
            f" border: {theme.px(5 if self.current else 3)}px solid {colour};"
            f" border-radius: {theme.px(theme.metrics.radius)}px; }}"
            f" #CurrentStepText {{ font-weight: bold; font-size: {self.font_px}px; }}"
            f" #CurrentStepMark {{ background: {colour}; border-radius: {size // 2}px; }}"
        )
        arrow = resources.icon("fa5s.arrow-right", p.on_accent).pixmap(size * 2 // 3, size * 2 // 3)
        self.mark.setPixmap(arrow)
