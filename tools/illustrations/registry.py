"""Name -> drawing function for every picture; picture modules register themselves here."""

from __future__ import annotations

from collections.abc import Callable

from .svg import Picture

Drawing = Callable[[], Picture]
PICTURES: dict[str, tuple[str, Drawing]] = {}


def picture(name: str, title: str) -> Callable[[Drawing], Drawing]:
    """Register a drawing under its file name (without .svg) with a short accessible title."""

    def register(func: Drawing) -> Drawing:
        if name in PICTURES:
            raise ValueError(f"picture {name!r} registered twice")
        PICTURES[name] = (title, func)
        return func

    return register
