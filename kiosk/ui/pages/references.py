"""The references kind: a calm list of sources, with a small picture beside the title."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from kiosk.ui.pages import register
from kiosk.ui.pages.base import PageView
from kiosk.ui.widgets import Picture


@register("references")
class ReferencesView(PageView):
    kind = "references"

    def picture_widget(self) -> QWidget | None:
        theme = self.context.theme
        picture = Picture(
            self.context.pack.media_path(self.page.front.illustration),
            self.page.front.illustration_alt,
            theme.px(220),
        )
        picture.setObjectName("Illustration")
        return picture
