"""Page kinds: one view class per `kind:` name used in a pack, found by name.

To add a kind, add one module to this package that defines a `PageView` subclass decorated with
`@register("my-kind")`. Every module here is imported on first use, so nothing else changes.
A kind without a view of its own is shown as an article.
"""

from __future__ import annotations

import importlib
import pkgutil

from kiosk.ui.pages.base import PageView

_VIEWS: dict[str, type[PageView]] = {}
_loaded = False


def register(kind: str):  # type: ignore[no-untyped-def]
    """Class decorator: `@register("red-flag")` makes the class the view for that kind."""

    def decorate(cls: type[PageView]) -> type[PageView]:
        _VIEWS[kind] = cls
        return cls

    return decorate


def _load_all() -> None:
    global _loaded
    if _loaded:
        return
    _loaded = True
    for module in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{module.name}")


def view_class_for(kind: str) -> type[PageView]:
    _load_all()
    return _VIEWS.get(kind) or _VIEWS.get("article") or PageView


def registered_kinds() -> list[str]:
    _load_all()
    return sorted(_VIEWS)
