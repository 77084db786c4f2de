"""The one observable application state, with no Qt in it.

Screens receive an `AppState` in their constructor and subscribe to it; they never reach for a
global window. Keeping it Qt-free means navigation, history and resets are tested in milliseconds.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import Enum, StrEnum
from typing import Literal

RouteKind = Literal["attract", "home", "topic", "page"]


@dataclass(frozen=True)
class Route:
    """Where the patient is. `topic` is set for topic and page routes, `page` for page routes."""

    kind: RouteKind
    topic: str = ""
    page: str = ""

    @property
    def name(self) -> str:
        """A stable name, used for screenshots and for usage counts: `home`, `topic/x`, `page/x/y`."""
        if self.kind == "topic":
            return f"topic/{self.topic}"
        if self.kind == "page":
            return f"page/{self.topic}/{self.page}"
        return self.kind


HOME = Route("home")
ATTRACT = Route("attract")


class TextSize(int, Enum):
    """Text size steps a patient can choose; the value is a percentage of the base size."""

    NORMAL = 100
    LARGE = 125
    LARGER = 150
    LARGEST = 175


class IdlePhase(StrEnum):
    ACTIVE = "active"
    WARNING = "warning"


VOLUME_STEPS = 4
"""Read-aloud volume steps a patient can choose from."""


@dataclass(frozen=True)
class Snapshot:
    """Everything a screen needs to draw itself; replaced whole on every change."""

    route: Route = HOME
    history: tuple[Route, ...] = ()
    language: str = "en"
    text_size: TextSize = TextSize.NORMAL
    read_aloud: bool = False
    volume: int = VOLUME_STEPS
    """Read-aloud loudness, 1 (softest) to `VOLUME_STEPS` (the engine's full volume); an idle reset
    brings it back (Section 508 §402.2.4)."""
    high_contrast: bool = False
    idle: IdlePhase = IdlePhase.ACTIVE


Listener = Callable[[Snapshot, Snapshot], None]
"""Called with (old, new) after every change."""


class AppState:
    """Holds the current `Snapshot` and tells subscribers about every change."""

    def __init__(self, initial: Snapshot | None = None) -> None:
        self._initial = initial or Snapshot()
        self._current = self._initial
        self._listeners: list[Listener] = []

    @property
    def current(self) -> Snapshot:
        return self._current

    @property
    def initial(self) -> Snapshot:
        """What a fresh start looks like; a privacy reset returns exactly here."""
        return self._initial

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Register `listener`; returns a function that unsubscribes it."""
        self._listeners.append(listener)

        def unsubscribe() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return unsubscribe

    def update(self, **changes: object) -> None:
        """Replace some fields of the snapshot and notify listeners if anything changed."""
        new = replace(self._current, **changes)  # type: ignore[arg-type]
        if new == self._current:
            return
        old, self._current = self._current, new
        for listener in list(self._listeners):
            listener(old, new)

    def reset(self) -> None:
        """Back to the fresh-start snapshot (history, language, text size and all)."""
        self.update(**{f: getattr(self._initial, f) for f in self._initial.__dataclass_fields__})
