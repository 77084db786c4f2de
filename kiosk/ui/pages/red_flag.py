"""The red-flag kind (emergency signs): a red frame, a warning-sign title, and what to do now first.

"Get help now" in the top bar opens this page from anywhere, so its first lines (the text before
the first list: "Tell the front desk now", "call 112"; `kiosk.content.first_lines`) must be
readable the moment it opens, at every screen size and text size. They get a label of their own
(`WhatToDoNow`), the picture moves below them in portrait, and takes a smaller share in
landscape. The title is a plain underlined line beside a warning sign, not a filled box, so nobody
takes it for a button.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from kiosk.content.first_lines import split_first_lines
from kiosk.ui import resources
from kiosk.ui.pages import register
from kiosk.ui.pages.base import PageView


@register("red-flag")
class RedFlagView(PageView):
    kind = "red-flag"
    title_spans_columns = False
    background_token = "urgent_tint"
    picture_share = 30
    large_text_picture_share = 30

    def title_widget(self) -> QWidget:
        """The page title beside a warning sign, underlined in red: a heading, not a button."""
        theme = self.context.theme
        banner = QWidget()
        banner.setObjectName("UrgentBanner")
        banner.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        row = QHBoxLayout(banner)
        row.setContentsMargins(0, 0, 0, theme.px(8))
        row.setSpacing(theme.px(14))
        size = theme.text_px(48)
        mark = QLabel()
        mark.setPixmap(
            resources.icon("fa5s.exclamation-triangle", theme.palette.urgent_text).pixmap(size, size)
        )
        mark.setFixedSize(size, size)
        row.addWidget(mark, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(super().title_widget(), 1)
        return banner

    @property
    def picture_beside_text(self) -> bool:
        """Landscape at normal text sizes; otherwise the picture follows the first lines, so big
        text gets the whole width."""
        return self.context.landscape and self.context.theme.text_percent < 150

    def picture_widget(self) -> QWidget | None:
        if not self.picture_beside_text:
            return None  # it follows the first lines instead (see body_widgets)
        return super().picture_widget()

    def body_widgets(self) -> list[QWidget]:
        first, rest = split_first_lines(self.page.body_html)
        widgets: list[QWidget] = []
        if first.strip():
            now = self.rich_text(first)
            now.setObjectName("WhatToDoNow")
            widgets.append(now)
        else:
            rest = self.page.body_html
        if not self.picture_beside_text:
            widgets.append(self.illustration(int(self.context.theme.height * 0.3)))
        return widgets + self.text_widgets(rest)
