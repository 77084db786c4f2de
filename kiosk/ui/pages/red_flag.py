"""The red-flag kind (emergency signs): a red frame and a "Get help now" banner that cannot be missed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from kiosk.ui import resources
from kiosk.ui.pages import register
from kiosk.ui.pages.base import PageView
from kiosk.ui.widgets import TextLabel


@register("red-flag")
class RedFlagView(PageView):
    kind = "red-flag"
    background_token = "urgent_tint"

    def header_widgets(self) -> list[QWidget]:
        theme = self.context.theme
        banner = QWidget()
        banner.setObjectName("UrgentBanner")
        banner.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        row = QHBoxLayout(banner)
        pad = theme.px(20)
        row.setContentsMargins(pad, pad, pad, pad)
        row.setSpacing(theme.px(18))
        size = theme.text_px(48)
        mark = QLabel()
        mark.setPixmap(
            resources.icon("fa5s.exclamation-triangle", theme.palette.on_urgent).pixmap(size, size)
        )
        mark.setFixedSize(size, size)
        row.addWidget(mark, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(TextLabel(self.context.tr("urgent_banner"), "heading"), 1)
        return [banner]
