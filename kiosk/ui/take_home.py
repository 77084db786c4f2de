"""Take-home QR: a code a patient scans with their own phone to read the page again at home.

Everything shown on the kiosk is wiped a minute and a half after the last touch, so the one thing
a patient can carry away is an address. The code is drawn here from `segno`'s module matrix (no
image files, no network); the kiosk never opens the address itself, so no tap leaves the kiosk.
The address comes from the page, else its topic, else the clinic's settings (`take_home_address`).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from kiosk.content.pack import Page
from kiosk.ui.paint_errors import reports_errors
from kiosk.ui.screens.base import ScreenContext
from kiosk.ui.widgets import TextLabel

QUIET_ZONE = 4
"""Blank modules round the code, as the QR standard asks, so phone cameras find its edges."""


def take_home_address(context: ScreenContext, page: Page) -> str | None:
    """The page's own address, else its topic's, else the clinic's; None when there is none."""
    if page.front.take_home:
        return page.front.take_home
    topic_id = context.route.topic
    try:
        topic = context.pack.topic(topic_id) if topic_id else context.pack.topic_of_page(page.id)
    except KeyError:
        topic = None
    if topic is not None and topic.take_home:
        return topic.take_home
    return context.site.take_home_url(context.language)


def address_in_words(url: str) -> str:
    """`https://example.org/back-pain/` -> `example.org/back-pain`, with invisible break points after
    dots and slashes so a long address wraps instead of being cut off."""
    shown = re.sub(r"^https?://(www\.)?", "", url).rstrip("/")
    return re.sub(r"([./\-?&=])", "\\1\u200b", shown)


class QrCode(QWidget):
    """The code as black squares on white, drawn at whole pixels per module so it stays sharp."""

    def __init__(self, url: str, side: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.url = url
        import segno  # with its writers, only when a page with a take-home code is first shown

        code = segno.make(url, error="m", micro=False)
        self.modules = [list(row) for row in code.matrix_iter(scale=1, border=QUIET_ZONE)]
        self.setObjectName("TakeHomeQr")
        self.setAccessibleName(url)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        count = len(self.modules)
        self.side = max(count * 3, side // count * count)  # whole pixels per module, at least 3
        self.setFixedSize(self.side, self.side)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        return QSize(self.side, self.side)

    @reports_errors
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#ffffff"))  # white even in high contrast: scanners need it
        step = self.side / len(self.modules)
        black = QColor("#000000")
        for y, row in enumerate(self.modules):
            for x, dark in enumerate(row):
                if dark:
                    painter.fillRect(QRectF(x * step, y * step, step, step), black)


class TakeHomeCard(QWidget):
    """The code beside one short line ("Scan to read this at home") and the address in words;
    `stacked`, the words under the code (in portrait it sits in a column beside the picture)."""

    def __init__(
        self, context: ScreenContext, url: str, parent: QWidget | None = None, *, stacked: bool = False
    ) -> None:
        super().__init__(parent)
        self.setObjectName("TakeHome")
        theme = context.theme
        row = QVBoxLayout(self) if stacked else QHBoxLayout(self)
        row.setContentsMargins(0, theme.px(8), 0, theme.px(8))
        row.setSpacing(theme.px(12 if stacked else 20))
        self.code = QrCode(url, theme.px(200))
        row.addWidget(self.code, 0, Qt.AlignmentFlag.AlignTop)
        words = QVBoxLayout()
        words.setSpacing(theme.px(6))
        line = TextLabel(context.tr("take_home"), "body")
        line.setObjectName("TakeHomeLine")
        words.addWidget(line)
        address = TextLabel(address_in_words(url), "small")
        address.setObjectName("TakeHomeAddress")
        words.addWidget(address)
        words.addStretch(1)
        row.addLayout(words, 1)


def take_home_card(context: ScreenContext, page: Page) -> TakeHomeCard | None:
    url = take_home_address(context, page)
    return TakeHomeCard(context, url, stacked=not context.landscape) if url else None
