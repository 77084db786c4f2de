"""The common page view: picture and text side by side (landscape) or stacked (portrait).

Kinds customise it through small hooks: `header_widgets` (above the title), `title_widget`,
`picture_widget`,
and `body_widgets` (the text). Links that fill a whole paragraph become large link buttons;
links inside a sentence stay in the text and are tappable too, and get one large button each,
labelled with the title of the page they open. Both go through
`Navigator.follow_link`, the same command as everything else.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.content.pack import Page
from kiosk.ui import resources
from kiosk.ui.screens.base import ScreenContext, ScrollColumn
from kiosk.ui.take_home import take_home_card
from kiosk.ui.widgets import Picture, TextLabel, link_card

_LINK_PARAGRAPH = re.compile(r'<p><a href="(page:[a-z0-9-]+)">(.*?)</a></p>', re.S)
_TAG = re.compile(r"<[^>]+>")
_INLINE_LINK = re.compile(r'<a href="(page:[a-z0-9-]+)">(.*?)</a>', re.S)


def split_link_paragraphs(body_html: str) -> list[tuple[str, str]]:
    """Split page HTML into ("html", text) and ("link", href + "\\n" + label) parts, in order."""
    parts: list[tuple[str, str]] = []
    position = 0
    for match in _LINK_PARAGRAPH.finditer(body_html):
        if match.start() > position:
            parts.append(("html", body_html[position : match.start()]))
        label = _TAG.sub("", match.group(2)).strip()
        parts.append(("link", f"{match.group(1)}\n{label}"))
        position = match.end()
    if body_html[position:].strip():
        parts.append(("html", body_html[position:]))
    return parts


class PageView(QWidget):
    """One page of a topic, drawn for the current screen shape and text size."""

    kind = "article"
    background_token = "background"
    """The palette colour behind the text, so the "more below" fade blends in."""
    picture_share = 45
    """Percent of a landscape page's width given to the picture (the text gets the rest)."""
    picture_fills_height = False
    """True for a picture that grows to the page's height (the exercise player) instead of sitting on top."""

    def __init__(self, context: ScreenContext, page: Page, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.page = page
        self.setObjectName("PageView")
        self.setProperty("kind", self.kind)
        self.setProperty("page", page.id)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        theme = context.theme
        margin = theme.px(theme.metrics.margin)
        fade = getattr(theme.palette, self.background_token)
        self.take_home: QWidget | None = take_home_card(context, page)
        take_home_placed = False
        if context.landscape:
            row = QHBoxLayout(self)
            edge = theme.px(6)  # room for the red-flag frame
            row.setContentsMargins(margin, margin // 2, edge, edge)
            row.setSpacing(margin)
            picture = self.picture_widget()
            if picture is not None:
                holder = QVBoxLayout()
                holder.addWidget(picture, 1 if self.picture_fills_height else 0)
                if not self.picture_fills_height:
                    if self.take_home is not None:  # under the picture, where it is seen at once
                        holder.addWidget(self.take_home)
                        take_home_placed = True
                    holder.addStretch(1)
                row.addLayout(holder, self.picture_share)
            self.text_column = ScrollColumn(theme, (0, margin // 2, margin, margin), fade_colour=fade)
            row.addWidget(self.text_column, 100 - self.picture_share)
            self._fill(self.text_column.column, with_picture=False, take_home=not take_home_placed)
            # First among its siblings, so a screen reader starts with the page's title and text,
            # not with the picture or the demo beside them (the screen looks the same).
            self.text_column.lower()
        else:
            column = QVBoxLayout(self)
            edge = theme.px(6)
            column.setContentsMargins(edge, edge, edge, edge)
            self.text_column = ScrollColumn(theme, fade_colour=fade)
            column.addWidget(self.text_column)
            self._fill(self.text_column.column, with_picture=True, take_home=True)

    def _fill(self, column: QVBoxLayout, with_picture: bool, take_home: bool) -> None:
        for widget in self.header_widgets():
            column.addWidget(widget)
        column.addWidget(self.title_widget())
        if with_picture:
            picture = self.picture_widget()
            if picture is not None:
                column.addWidget(picture)
                if take_home and self.take_home is not None and not self.picture_fills_height:
                    # seen at once, not after the text (an exercise keeps its steps close instead)
                    column.addWidget(self.take_home)
                    take_home = False
        for widget in self.body_widgets():
            column.addWidget(widget)
        if take_home and self.take_home is not None:
            column.addWidget(self.take_home)
        column.addStretch(1)

    # --- hooks for kinds ---------------------------------------------------------------------

    def header_widgets(self) -> list[QWidget]:
        return []

    def title_widget(self) -> QWidget:
        title = TextLabel(self.page.title, "title")
        title.setObjectName("PageTitle")
        return title

    def picture_widget(self) -> QWidget | None:
        theme = self.context.theme
        # In portrait the picture sits above the text; with big text it gives the text more room.
        share = 0.4 if theme.text_percent < 150 else 0.28
        if self.context.landscape:
            # Beside the text it may be as tall as its width allows, unless the take-home code
            # goes under it: then both must fit the page's height.
            return self.illustration(int(theme.height * 0.36) if self.take_home is not None else 0)
        return self.illustration(int(theme.height * share))

    def illustration(self, max_height: int) -> QWidget:
        """The page's picture, at most `max_height` px tall (0: as tall as its width allows)."""
        picture = Picture(
            self.context.pack.media_path(self.page.front.illustration),
            self.page.front.illustration_alt,
            max_height,
        )
        picture.setObjectName("Illustration")
        caption = self.page.front.illustration_caption
        if not caption:
            return picture
        holder = QWidget()
        holder.setObjectName("CaptionedIllustration")
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(self.context.theme.px(8))
        column.addWidget(picture)
        words = TextLabel(caption, "small")
        words.setObjectName("IllustrationCaption")
        words.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        column.addWidget(words)
        return holder

    def body_widgets(self) -> list[QWidget]:
        return self.text_widgets(self.page.body_html)

    def text_widgets(self, body_html: str) -> list[QWidget]:
        """The text, with every link also offered as a large button (a word in a sentence is too
        small a target for an unsteady finger)."""
        widgets: list[QWidget] = []
        linked: set[str] = set()
        inline: list[tuple[str, str]] = []
        for part, value in split_link_paragraphs(body_html):
            if part == "html":
                widgets.append(self.rich_text(value))
                inline += [
                    (m.group(1), _TAG.sub("", m.group(2)).strip()) for m in _INLINE_LINK.finditer(value)
                ]
            else:
                href, label = value.split("\n", 1)
                widgets.append(self.link_button(href, label))
                linked.add(href)
        for href, words in inline:
            if href not in linked:
                widgets.append(self.link_button(href, self.page_title(href, words)))
                linked.add(href)
        return widgets

    def page_title(self, href: str, fallback: str) -> str:
        """The title of the page a link opens: a button labelled with a sentence fragment ("avoid
        heavy lifting") reads oddly away from its sentence, the page's own title does not."""
        try:
            return self.context.pack.page(href.removeprefix("page:"), self.context.language).title
        except KeyError:
            return fallback

    # --- helpers -------------------------------------------------------------------------------

    def rich_text(self, body_html: str) -> TextLabel:
        css = self.context.theme.body_css()
        label = TextLabel(
            f"<html><head><style>{css}</style></head><body>{body_html}</body></html>", "body", rich=True
        )
        label.setObjectName("PageText")
        label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        label.setOpenExternalLinks(False)
        label.linkActivated.connect(self.context.navigator.follow_link)
        return label

    def link_button(self, href: str, label: str) -> QWidget:
        theme = self.context.theme
        return link_card(
            theme,
            label,
            resources.icon("fa5s.arrow-circle-right", theme.palette.accent),
            lambda: self.context.navigator.follow_link(href),
            f"link:{href}",
        )
