"""The summary kind ("What you can do today"): each action is one large button to its page.

The checks in `kiosk.content.summary` make sure every list item links to a page. Here the whole
action ("Keep moving: take short walks"), not just its linked words, becomes the button's label,
so a patient reads the action and taps it in one go.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from kiosk.ui import resources
from kiosk.ui.pages import register
from kiosk.ui.pages.base import PageView
from kiosk.ui.widgets import link_card

_LIST = re.compile(r"<(ul|ol)>(.*?)</\1>", re.S)
_ITEM = re.compile(r"<li>(.*?)</li>", re.S)
_HREF = re.compile(r'<a href="(page:[a-z0-9-]+)">')
_TAG = re.compile(r"<[^>]+>")


def actions(list_html: str) -> list[tuple[str, str | None]]:
    """(the action in plain words, the page it links to) for each list item."""
    found: list[tuple[str, str | None]] = []
    for item in _ITEM.findall(list_html):
        link = _HREF.search(item)
        words = html.unescape(_TAG.sub("", item)).strip()
        found.append((words, link.group(1) if link else None))
    return found


@register("summary")
class SummaryView(PageView):
    kind = "summary"
    picture_share = 30
    large_text_picture_share = 30

    def body_widgets(self) -> list[QWidget]:
        body = self.page.body_html
        match = _LIST.search(body)
        if match is None:
            return self.text_widgets(body)
        widgets = self.text_widgets(body[: match.start()]) if body[: match.start()].strip() else []
        theme = self.context.theme
        icon = resources.icon("fa5s.check-circle", theme.palette.accent)
        for words, href in actions(match.group(2)):
            if href is None:  # the pack checks refuse this; shown as text rather than lost
                widgets += self.text_widgets(f"<p>{html.escape(words)}</p>")
                continue
            widgets.append(link_card(theme, words, icon, self._opener(href), f"link:{href}"))
        rest = body[match.end() :]
        if rest.strip():
            widgets += self.text_widgets(rest)
        return widgets

    def _opener(self, href: str) -> Callable[[], None]:
        return lambda: self.context.navigator.follow_link(href)
