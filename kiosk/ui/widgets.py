"""Small building blocks every screen uses: wrapping text, pictures, tappable cards and buttons.

They share three promises: text wraps instead of being cut, pictures keep their proportions, and
every tappable shows it is pressed while the finger is down (and stops showing it when the touch
turns into a scroll or a swipe, see `kiosk.ui.touch`).

The start screen drawn before the rest of the kiosk loads is built from them, so they name Qt's
`Qt` namespace only where that screen does not go (see `input_settings`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Property, QPointF, QRectF, QSize
from PySide6.QtGui import QColor, QIcon, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import QAbstractButton, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from kiosk.ui import resources
from kiosk.ui.input_settings import keys_only_focus, pass_taps_through, pointing_hand, set_by_name
from kiosk.ui.paint_errors import reports_errors
from kiosk.ui.theme import Theme

HEADING_LEVELS = {"title": 1, "heading": 2}
"""`TextLabel` roles that are headings, and their level (the `headingLevel` property, which
`accessibility` turns into the `Heading` role for screen readers)."""
QWIDGETSIZE_MAX = (1 << 24) - 1
"""Qt's largest widget size; every size computed from a picture is clamped to it."""


class TextLabel(QLabel):
    """A label that wraps to as many lines as it needs; `role` picks its style in the theme."""

    def __init__(
        self, text: str, role: str = "body", parent: QWidget | None = None, rich: bool = False
    ) -> None:
        super().__init__(parent)
        self.setProperty("role", role)
        set_by_name(self, "textFormat", "RichText" if rich else "PlainText")
        self.setWordWrap(True)
        if role in HEADING_LEVELS and text:  # before setText, which makes Qt ask what this is
            self.setProperty("headingLevel", HEADING_LEVELS[role])  # a heading to a screen reader
        self.setText(text)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        if not rich:  # a rich label has links to tap
            pass_taps_through(self)


DIMMED_PICTURE_OPACITY = 0.6
"""How strongly pictures show in high contrast (over black): cream backgrounds become dark grey."""


class Picture(QWidget):
    """A pack picture that fills its width and keeps its proportions (height follows width)."""

    def __init__(self, path: Path, alt: str = "", max_height: int = 0, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.aspect = resources.picture_aspect(path)
        self.max_height = max_height
        self.failed = False
        self._frame_colour = ""
        self.setAccessibleName(alt)
        self.setToolTip("")
        pass_taps_through(self)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        height = resources.clamp_px(width * self.aspect, QWIDGETSIZE_MAX)
        return min(height, self.max_height) if self.max_height else height

    def sizeHint(self) -> QSize:
        return QSize(400, self.heightForWidth(400))

    def minimumSizeHint(self) -> QSize:
        return QSize(80, 60)

    @reports_errors
    def paintEvent(self, event: QPaintEvent) -> None:
        width, height = self.width(), self.height()
        if self.aspect * width > height:
            width = resources.clamp_px(height / self.aspect, QWIDGETSIZE_MAX)
        else:
            height = resources.clamp_px(width * self.aspect, QWIDGETSIZE_MAX)
        pixmap = resources.picture(self.path, width, height, self.devicePixelRatioF())
        painter = QPainter(self)
        if pixmap is None:
            self.failed = True
            from PySide6.QtCore import Qt

            painter.setPen(QPen(QColor("#b7ada2"), 3, Qt.PenStyle.DashLine))
            painter.drawRoundedRect(QRectF(self.rect()).adjusted(4, 4, -4, -4), 16, 16)
            return
        left, top = (self.width() - width) / 2, (self.height() - height) / 2
        if self._frame_colour:
            # High contrast: on black first, at reduced strength, so a picture's pale background
            # does not glare beside white-on-black text.
            painter.fillRect(QRectF(left, top, width, height), QColor("#000000"))
            painter.setOpacity(DIMMED_PICTURE_OPACITY)
        painter.drawPixmap(QPointF(left, top), pixmap)
        painter.setOpacity(1.0)
        if self._frame_colour:
            edge = max(3, round(min(width, height) / 60))
            painter.setPen(QPen(QColor(self._frame_colour), edge))
            painter.drawRect(
                QRectF(left, top, width, height).adjusted(edge / 2, edge / 2, -edge / 2, -edge / 2)
            )

    def _get_frame_colour(self) -> str:
        return self._frame_colour

    def _set_frame_colour(self, colour: str) -> None:
        self._frame_colour = colour
        self.update()

    frameColour = Property(str, _get_frame_colour, _set_frame_colour)
    """A strong frame round the picture (the high-contrast theme sets it from the style sheet)."""


class Card(QAbstractButton):
    """A large tappable panel (topic tile, page card) holding its own layout of labels and pictures.

    It paints its own rounded background so the pressed look follows `isDown()` exactly.
    """

    def __init__(
        self, theme: Theme, on_tap: Callable[[], None], name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.theme = theme
        self.setObjectName("Card")
        self.setAccessibleName(name)
        self.setProperty("tappable", True)
        pointing_hand(self)
        keys_only_focus(self)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.setMinimumSize(theme.target, theme.target)
        self.clicked.connect(on_tap)
        self.outline = theme.palette.border

    def sizeHint(self) -> QSize:
        layout = self.layout()
        return layout.sizeHint() if layout is not None else QSize(self.theme.target, self.theme.target)

    def minimumSizeHint(self) -> QSize:
        layout = self.layout()
        hint = layout.minimumSize() if layout is not None else QSize()
        return hint.expandedTo(QSize(self.theme.target, self.theme.target))

    def hasHeightForWidth(self) -> bool:
        layout = self.layout()
        return layout is not None and layout.hasHeightForWidth()

    def heightForWidth(self, width: int) -> int:
        layout = self.layout()
        if layout is None:
            return -1
        return max(self.theme.target, layout.totalHeightForWidth(width))

    @reports_errors
    def paintEvent(self, event: QPaintEvent) -> None:
        p = self.theme.palette
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        border = self.theme.px(self.theme.metrics.border)
        pressed = self.isDown()
        painter.setPen(QPen(QColor(p.accent if pressed else self.outline), border))
        painter.setBrush(QColor(p.surface_pressed if pressed else p.surface))
        radius = self.theme.px(self.theme.metrics.radius)
        painter.drawRoundedRect(
            QRectF(self.rect()).adjusted(border / 2, border / 2, -border / 2, -border / 2), radius, radius
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.update()


def link_card(theme: Theme, text: str, icon: QIcon, on_tap: Callable[[], None], name: str) -> Card:
    """A large, full-width link to another page whose words wrap at any text size."""
    card = Card(theme, on_tap, name)
    card.setObjectName("Card")
    card.setProperty("route", name)
    card.setAccessibleName(text)
    card.outline = theme.palette.accent
    row = QHBoxLayout(card)
    pad = theme.px(20)
    row.setContentsMargins(pad + theme.px(6), pad, pad, pad)
    row.setSpacing(theme.px(18))
    size = theme.text_px(36)
    mark = QLabel()
    mark.setPixmap(icon.pixmap(size, size))
    mark.setFixedSize(size, size)
    from PySide6.QtCore import Qt

    row.addWidget(mark, 0, Qt.AlignmentFlag.AlignVCenter)
    label = TextLabel(text, "cardTitle")
    label.setStyleSheet(f"color: {theme.palette.accent};")
    row.addWidget(label, 1)
    return card


def push_button(
    text: str,
    on_tap: Callable[[], None],
    *,
    icon: QIcon | None = None,
    name: str = "",
    role: str = "",
    icon_px: int = 0,
    icon_after: bool = False,
    parent: QWidget | None = None,
) -> QPushButton:
    """A QPushButton with one action per tap (clicked fires on release, once)."""
    gap = "\u2002"  # an en space between icon and words, which Qt styles do not add themselves
    label = text if icon is None or not text else (f"{text}{gap}" if icon_after else f"{gap}{text}")
    button = QPushButton(label, parent)
    if icon_after:
        set_by_name(button, "layoutDirection", "RightToLeft")
    button.setObjectName(name or text)
    button.setProperty("tappable", True)
    if role:
        button.setProperty("role", role)
    if icon is not None:
        button.setIcon(icon)
        if icon_px:
            button.setIconSize(QSize(icon_px, icon_px))
    keys_only_focus(button)
    button.setAccessibleName(text or name)
    button.clicked.connect(lambda _checked=False: on_tap())
    return button
