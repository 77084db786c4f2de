"""Built screens kept for reuse, so a tap shows a screen instead of building one.

Building a screen is most of what a tap costs: hundreds of widgets created, each polished by the
application style sheet and passed through every application-wide event filter. `ScreenCache`
keeps the screens of the last few routes (and Home, which every visit returns to), and
`MainWindow` shows a kept screen again after `reset_screen` has put it back the way it looked
when built. The cache never judges what is fresh: the window empties it whenever what screens
show changes (text size, contrast, language, pack, window size) and at every idle reset, so the
next patient sees nothing of the last one's visit.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtWidgets import QAbstractScrollArea, QScroller, QWidget

from kiosk.session.state import HOME, Route
from kiosk.ui.touch import KINETIC

SCREENS_KEPT = 6
"""Screens kept besides Home: the way back through a topic, and the pages either side of the one
showing (built while the patient reads it), without holding a whole pack in memory."""

NOT_KEPT = frozenset({"attract"})
"""Route kinds never kept: the start screen shows only after a reset, which empties the cache anyway."""


class ScreenCache:
    """Screens by route, least recently shown dropped first; Home is kept beside the limit."""

    def __init__(self, limit: int = SCREENS_KEPT) -> None:
        self.limit = limit
        self._screens: OrderedDict[Route, QWidget] = OrderedDict()

    def __contains__(self, route: Route) -> bool:
        return route in self._screens

    def __len__(self) -> int:
        return len(self._screens)

    def take(self, route: Route) -> QWidget | None:
        """The kept screen for `route`, removed from the cache (it is about to show), or None."""
        return self._screens.pop(route, None)

    def put(self, route: Route, screen: QWidget) -> list[QWidget]:
        """Keep `screen` for `route`; returns the screens that no longer fit (to be deleted)."""
        if route.kind in NOT_KEPT:
            return [screen]
        dropped = []
        replaced = self._screens.pop(route, None)
        if replaced is not None and replaced is not screen:
            dropped.append(replaced)
        self._screens[route] = screen
        while sum(1 for kept in self._screens if kept != HOME) > self.limit:
            oldest = next(kept for kept in self._screens if kept != HOME)
            dropped.append(self._screens.pop(oldest))
        return dropped

    def forget(self, screen: QWidget) -> None:
        """Stop keeping `screen` (the caller deletes it)."""
        for route in [route for route, kept in self._screens.items() if kept is screen]:
            del self._screens[route]

    def clear(self) -> list[QWidget]:
        """Forget every kept screen; returns them (to be deleted)."""
        screens = list(self._screens.values())
        self._screens.clear()
        return screens

    def screens(self) -> list[QWidget]:
        return list(self._screens.values())


def reset_screen(screen: QWidget) -> None:
    """Put a kept screen back the way it looked when built: every scrolling column still and at
    the top, and every widget with a `reset_for_reuse()` (the page pager, the exercise player)
    reset by its own rules."""
    areas = [screen] if isinstance(screen, QAbstractScrollArea) else []
    for area in [*areas, *screen.findChildren(QAbstractScrollArea)]:
        if area.property(KINETIC):
            QScroller.scroller(area.viewport()).stop()
        area.verticalScrollBar().setValue(0)
    for widget in [screen, *screen.findChildren(QWidget)]:
        reset = getattr(widget, "reset_for_reuse", None)
        if callable(reset):
            reset()
