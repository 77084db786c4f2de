"""The article kind: a picture and a few short paragraphs (the base view as it is)."""

from __future__ import annotations

from kiosk.ui.pages import register
from kiosk.ui.pages.base import PageView


@register("article")
class ArticleView(PageView):
    kind = "article"
