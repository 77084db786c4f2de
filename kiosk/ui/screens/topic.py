"""Topic: the topic's title and its pages as numbered cards, in reading order."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.ui import resources
from kiosk.ui.screens.base import ScreenContext, ScrollColumn, TileGrid
from kiosk.ui.widgets import Card, Picture, TextLabel


class TopicScreen(QWidget):
    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("TopicScreen")
        self.context = context
        theme, pack, language = context.theme, context.pack, context.language
        topic = pack.topic(context.route.topic)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = ScrollColumn(theme)
        outer.addWidget(scroll)
        column = scroll.column

        header = QHBoxLayout()
        header.setSpacing(theme.px(20))
        size = theme.text_px(56)
        mark = TextLabel("", "title")
        mark.setPixmap(resources.icon(topic.icon, theme.palette.accent).pixmap(size, size))
        mark.setFixedSize(size, size)
        header.addWidget(mark, 0, Qt.AlignmentFlag.AlignVCenter)
        header.addWidget(TextLabel(pack.text(topic.title, language), "title"), 1)
        column.addLayout(header)
        count = len(topic.pages)
        counted = context.tr("one_page_in_topic") if count == 1 else context.tr("pages_in_topic", count=count)
        summary = pack.text(topic.summary, language) if topic.summary else ""
        column.addWidget(TextLabel(f"{summary} · {counted}" if summary else counted, "lead"))

        cards: list[QWidget] = [
            self._card(topic.id, page_id, number) for number, page_id in enumerate(topic.pages, start=1)
        ]
        min_width = theme.px(560) * theme.text_percent // 100
        column.addWidget(TileGrid(cards, min_width, theme.px(theme.metrics.gap), max_columns=2))
        column.addStretch(1)

    def _card(self, topic_id: str, page_id: str, number: int) -> Card:
        context = self.context
        theme = context.theme
        page = context.pack.page(page_id, context.language)
        card = Card(theme, lambda: context.navigator.open_page(topic_id, page_id), f"page-card:{page_id}")
        card.setAccessibleName(page.title)
        card.setProperty("route", f"page/{topic_id}/{page_id}")
        row = QHBoxLayout(card)
        pad = theme.px(18)
        row.setContentsMargins(pad, pad, pad, pad)
        row.setSpacing(theme.px(20))
        thumb = Picture(context.pack.media_path(page.front.illustration), page.front.illustration_alt)
        thumb.setFixedWidth(theme.px(200))
        thumb.setMinimumHeight(theme.px(150))
        row.addWidget(thumb, 0, Qt.AlignmentFlag.AlignVCenter)
        texts = QVBoxLayout()
        texts.setSpacing(theme.px(6))
        texts.addStretch(1)
        texts.addWidget(
            TextLabel(
                context.tr("page_of", number=number, count=len(context.pack.topic(topic_id).pages)), "small"
            )
        )
        texts.addWidget(TextLabel(page.title, "cardTitle"))
        texts.addStretch(1)
        row.addLayout(texts, 1)
        size = theme.px(36)
        chevron = TextLabel("", "small")
        chevron.setPixmap(resources.icon("fa5s.chevron-right", theme.palette.accent).pixmap(size, size))
        chevron.setFixedSize(size, size)
        row.addWidget(chevron, 0, Qt.AlignmentFlag.AlignVCenter)
        return card
