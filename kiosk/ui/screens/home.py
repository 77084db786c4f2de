"""Home: the pack's title, a short welcome, the disclaimer, and one large tile per topic."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.content.pack_types import Topic
from kiosk.ui import resources
from kiosk.ui.screens.base import ScreenContext, ScrollColumn, TileGrid
from kiosk.ui.widgets import Card, Picture, TextLabel


class HomeScreen(QWidget):
    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("HomeScreen")
        self.context = context
        theme, pack, language = context.theme, context.pack, context.language
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        margin = theme.px(theme.metrics.margin)
        scroll = ScrollColumn(theme, (margin, margin * 3 // 4, margin, margin))
        outer.addWidget(scroll)
        column = scroll.column
        column.setSpacing(theme.px(18))

        column.addWidget(TextLabel(pack.text(pack.manifest.title, language), "title"))
        column.addWidget(TextLabel(pack.text(pack.manifest.welcome, language), "lead"))
        column.addWidget(self._notice(pack.text(pack.manifest.disclaimer, language)))

        tiles: list[QWidget] = [self._tile(topic) for topic in pack.manifest.topics]
        min_width = theme.px(380) * theme.text_percent // 100
        self.grid = TileGrid(tiles, min_width, theme.px(theme.metrics.gap))
        column.addWidget(self.grid)
        column.addStretch(1)

    def _notice(self, text: str) -> QWidget:
        theme = self.context.theme
        box = QWidget()
        box.setObjectName("Notice")
        box.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        row = QHBoxLayout(box)
        pad = theme.px(18)
        row.setContentsMargins(pad + theme.px(10), pad, pad, pad)
        row.setSpacing(theme.px(16))
        size = theme.text_px(theme.metrics.icon)
        mark = QLabel()
        mark.setPixmap(resources.icon("fa5s.info-circle", theme.palette.accent).pixmap(size, size))
        mark.setAlignment(Qt.AlignmentFlag.AlignTop)
        mark.setFixedWidth(size)
        row.addWidget(mark, 0, Qt.AlignmentFlag.AlignTop)
        label = TextLabel(text, "small")
        label.setObjectName("Disclaimer")
        row.addWidget(label, 1)
        return box

    def _tile(self, topic: Topic) -> Card:
        context = self.context
        theme, pack, language = context.theme, context.pack, context.language
        title = pack.text(topic.title, language)
        card = Card(theme, lambda: context.navigator.open_topic(topic.id), f"topic-tile:{topic.id}")
        card.setAccessibleName(title)
        card.setProperty("route", f"topic/{topic.id}")
        box = QVBoxLayout(card)
        pad = theme.px(16)
        box.setContentsMargins(pad, pad, pad, pad)
        box.setSpacing(theme.px(8))
        max_picture = theme.px(165 if theme.landscape else 260)
        box.addWidget(Picture(pack.media_path(topic.picture), title, max_picture))
        heading = QHBoxLayout()
        heading.setSpacing(theme.px(14))
        size = theme.text_px(theme.metrics.icon)
        mark = QLabel()
        mark.setPixmap(resources.icon(topic.icon, theme.palette.accent).pixmap(size, size))
        mark.setFixedSize(size, size)
        heading.addWidget(mark, 0, Qt.AlignmentFlag.AlignTop)
        heading.addWidget(TextLabel(title, "cardTitle"), 1)
        box.addLayout(heading)
        if topic.summary:
            box.addWidget(TextLabel(pack.text(topic.summary, language), "small"))
        box.addStretch(1)
        return card
