"""The steps as big tappable rows; the step the figure is performing is unmistakable.

The current row is marked three ways, not by colour alone: a filled accent background, bold words,
and an arrow in place of its number.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import QAbstractButton, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from kiosk.ui import resources
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
