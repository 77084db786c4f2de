"""Errors in the kiosk's own drawing code, reported at once wherever the drawing was asked for.

PySide6 hands an exception raised in a `paintEvent` to `sys.excepthook` when Qt's event loop asked
for the paint (the crash guard then takes the patient Home), but holds it when Python asked for the
drawing (`QWidget.render`, `grab`) until that call returns, and the rest of that drawing then runs
with the exception pending, which can crash the whole process. Every `paintEvent` of the kiosk is
wrapped with `reports_errors`: its exception goes to the hook at once, as on screen, and the drawing
goes on without it. `tests/ui/test_paint_errors.py` checks that none is left unwrapped.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Any, TypeVar

Paint = TypeVar("Paint", bound=Callable[..., None])

MARK = "reports_errors"
"""Attribute set on every wrapped `paintEvent`, for the test that finds unwrapped ones."""


def reports_errors(paint: Paint) -> Paint:
    """`paintEvent` that hands any exception to `sys.excepthook` instead of raising it."""

    @functools.wraps(paint)
    def guarded(*args: Any, **kwargs: Any) -> None:
        try:
            paint(*args, **kwargs)
        except Exception:
            sys.excepthook(*sys.exc_info())

    setattr(guarded, MARK, True)
    return guarded  # type: ignore[return-value]
