"""The screens a route can show: Attract (the start screen), Home, Topic (its pages as cards) and Page."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from kiosk.ui.screens.base import ScreenContext


def build_screen(context: ScreenContext) -> QWidget:
    """The screen widget for `context.route`. Each kind's module is imported when first built, so
    the first frame (the start screen) does not wait for the code of pages and exercise demos."""
    kind = context.route.kind
    if kind == "attract":
        from kiosk.ui.attract import AttractContext, AttractScreen

        return AttractScreen(AttractContext.of(context))
    if kind == "topic":
        from kiosk.ui.screens.topic import TopicScreen

        return TopicScreen(context)
    if kind == "page":
        from kiosk.ui.screens.page import PageScreen

        return PageScreen(context)
    from kiosk.ui.screens.home import HomeScreen

    return HomeScreen(context)
