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
from kiosk.ui.theme import Theme
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
    large_text_picture_share = 42
    """The picture's column from 150 % text: narrower, so the title keeps to one line; the picture
    in it is shorter too (`picture_widget`), so a page shows ten lines of text at 175 %."""
    picture_fills_height = False
    """True for a picture that grows to the page's height (the exercise player) instead of sitting on top."""
    title_spans_columns = True
    """With large text in landscape, the title goes over the picture and the text (not for a kind
    whose first lines must come before its title, or whose player needs the height)."""

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
            edge = theme.px(6)  # room for the red-flag frame
            top = margin // 2 if theme.text_percent < 150 else margin // 4  # large text: a line more
            # With large text a long title over the text column alone would take two lines of the
            # text's room: it goes over both columns instead.
            lifted_title = self.title_spans_columns and theme.text_percent >= 150
            row = QHBoxLayout()
            if lifted_title:
                whole = QVBoxLayout(self)
                whole.setContentsMargins(margin, top, edge, edge)
                whole.setSpacing(theme.px(theme.metrics.gap) // 2)
                title = self.title_widget()
                title.setContentsMargins(0, 0, margin, 0)
                whole.addWidget(title)
                whole.addLayout(row, 1)
            else:
                self.setLayout(row)
                row.setContentsMargins(margin, top, edge, edge)
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
                row.addLayout(holder, self.share_for(theme))
            self.text_column = ScrollColumn(theme, (0, top // 2, margin, margin), fade_colour=fade)
            row.addWidget(self.text_column, 100 - self.share_for(theme))
            self._fill(
                self.text_column.column,
                with_picture=False,
                take_home=not take_home_placed,
                with_title=not lifted_title,
            )
            # First among its siblings, so a screen reader starts with the page's title and text,
            # not with the picture or the demo beside them (the screen looks the same).
            self.text_column.lower()
            if lifted_title:
                title.lower()
        else:
            column = QVBoxLayout(self)
            edge = theme.px(6)
            column.setContentsMargins(edge, edge, edge, edge)
            self.text_column = ScrollColumn(theme, fade_colour=fade)
            column.addWidget(self.text_column)
            self._fill(self.text_column.column, with_picture=True, take_home=True)

    def share_for(self, theme: Theme) -> int:
        """Percent of a landscape page's width the picture gets at this text size."""
        if theme.text_percent >= 150:
            return self.large_text_picture_share
        return self.picture_share

    def _fill(
        self, column: QVBoxLayout, with_picture: bool, take_home: bool, with_title: bool = True
    ) -> None:
        for widget in self.header_widgets():
            column.addWidget(widget)
        if with_title:
            column.addWidget(self.title_widget())
        if with_picture:
            picture = self.picture_widget()
            if picture is not None:
                if take_home and self.take_home is not None and not self.picture_fills_height:
                    # beside the picture: seen at once, and the text starts higher than if the
                    # code came after the picture (an exercise keeps its steps close instead)
                    row = QHBoxLayout()
                    row.setSpacing(self.context.theme.px(self.context.theme.metrics.gap))
                    row.addWidget(picture, 3)
                    row.addWidget(self.take_home, 2)
                    column.addLayout(row)
                    take_home = False
                else:
                    column.addWidget(picture)
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
        share = 0.3 if theme.text_percent < 150 else 0.2
        if self.context.landscape:
            # Beside the text it may be as tall as its width allows, unless the take-home code
            # goes under it: then both must fit the page's height.
            # With large text the caption and the code's words take more of the column's height.
            tall = 0.36 if theme.text_percent < 150 else 0.18
            return self.illustration(int(theme.height * tall) if self.take_home is not None else 0)
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
