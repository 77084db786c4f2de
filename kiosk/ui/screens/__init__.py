"""The screens a route can show: Attract (the start screen), Home, Topic (its pages as cards) and Page."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from kiosk.ui.screens.base import ScreenContext


def build_screen(context: ScreenContext) -> QWidget:
    """The screen widget for `context.route`."""
    from kiosk.ui.screens.home import HomeScreen
    from kiosk.ui.screens.page import PageScreen
    from kiosk.ui.screens.topic import TopicScreen

    kind = context.route.kind
    if kind == "attract":
        from kiosk.ui.attract import AttractScreen

        return AttractScreen(context)
    if kind == "topic":
        return TopicScreen(context)
    if kind == "page":
        return PageScreen(context)
    return HomeScreen(context)
