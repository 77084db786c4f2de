"""The card every dialog over the dimmed screen uses (idle question, PIN pad, staff panel).

One look for all of them: a white rounded card with a coloured edge, as wide as the screen allows
up to a comfortable reading width, with text that wraps at any text size.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QFrame, QSizePolicy, QVBoxLayout, QWidget

from kiosk.ui.theme import Theme


def dialog_stylesheet(theme: Theme) -> str:
    """Text sizes follow `theme`: the patient's text size for the idle question, 100 % for the
    staff dialogs (built with `staff_theme`), whatever the window's own style sheet says."""
    p, m = theme.palette, theme.metrics
    px, tx = theme.px, theme.text_px
    return f"""
#Dialog {{ background: {p.surface}; border: {px(4)}px solid {p.accent};
    border-radius: {px(28)}px; }}
#Dialog QLabel {{ background: transparent; font-size: {tx(m.body)}px; }}
#Dialog QLabel[role="title"] {{ font-size: {tx(m.title)}px; font-weight: bold; }}
#Dialog QLabel[role="heading"] {{ font-size: {tx(m.heading)}px; font-weight: bold; }}
#Dialog QLabel[role="small"] {{ font-size: {tx(m.small)}px; color: {p.text_muted}; }}
#Dialog QPushButton {{ font-size: {tx(m.body)}px; }}
#Dialog QPushButton[role="quiet"] {{ background: {p.surface}; color: {p.accent};
    border: {px(3)}px solid {p.accent}; }}
#Dialog QPushButton[role="quiet"]:pressed {{ background: {p.surface_pressed}; }}
#Dialog QPushButton[role="danger"] {{ background: {p.urgent}; color: {p.on_urgent}; }}
#Dialog QPushButton[role="danger"]:pressed {{ background: {p.urgent_text}; }}
#Dialog QPushButton:disabled {{ background: {p.surface_pressed}; color: {p.text_muted}; }}
"""


def staff_theme(theme: Theme) -> Theme:
    """Staff dialogs keep the normal text size whatever a patient chose, so they always fit."""
    return theme.with_text_percent(100)


class DialogCard(QFrame):
    """A dialog body: `column` is its vertical layout; the width follows the window.

    `max_width` is in reference pixels (1080 px short side); on narrow screens the card keeps a
    margin to the window's edges instead.
    """

    def __init__(
        self, theme: Theme, name: str, window_width: int, max_width: int = 980, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("Dialog")
        self.setProperty("dialog", name)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setStyleSheet(dialog_stylesheet(theme))
        self.theme = theme
        margin = theme.px(theme.metrics.margin)
        self.setFixedWidth(max(theme.px(300), min(theme.px(max_width), window_width - 2 * margin)))
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)
        self.column = QVBoxLayout(self)
        pad = theme.px(48)
        self.column.setContentsMargins(pad, pad, pad, pad)
        self.column.setSpacing(theme.px(28))

    def sizeHint(self) -> QSize:
        """The card's width is fixed, so its height is what its wrapped text needs at that width
        (the overlay centres it by its size hint, which would otherwise ignore the wrapping)."""
        return QSize(self.width(), self.column.totalHeightForWidth(self.width()))

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()
