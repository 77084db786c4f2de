"""How a widget takes taps and keys, set apart from how it looks, so a screen that only shows skips it.

The start screen drawn from its record (`first_screen`) takes no input: its window refuses every
tap and key until the kiosk window is up. The settings that matter only to input (a label that
lets taps through to the button under it, a mouse's hand cursor) each need a value of Qt's `Qt`
namespace, and the first mention of `Qt` makes PySide build all of that namespace's enums, 94 of
them with 1,199 members, one member at a time through Python's `enum` module: about 10 ms, a
tenth of the first frame. So shared widgets make those settings here: at once, except while a
screen that only shows is built (`showing_only`), when they are left out.

What a patient sees is never left out. Settings with a Qt property (alignment, text format, focus
policy, layout direction) are set by the property's name and the value's name, which Qt reads
through its own meta-object without Python's enums (`set_by_name`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

_showing_only = [False]


@contextmanager
def showing_only() -> Iterator[None]:
    """Widgets built inside take no input settings: their window takes no input at all."""
    _showing_only[0] = True
    try:
        yield
    finally:
        _showing_only[0] = False


def takes_input() -> bool:
    return not _showing_only[0]


def set_by_name(target: QObject, name: str, value: str) -> None:
    """Set the Qt property `name` (an enum or flags) to the value named `value` ("AlignHCenter",
    "AlignRight|AlignBottom"). A name Qt does not know is a programming error: raise it here."""
    if not target.setProperty(name, value):
        raise ValueError(f"Qt property {name!r} of {type(target).__name__} does not take {value!r}")


def keys_only_focus(widget: QWidget) -> None:
    """Keys and switches give it focus; a tap never does (no focus frame left after a tap)."""
    set_by_name(widget, "focusPolicy", "TabFocus")


def pass_taps_through(widget: QWidget) -> None:
    """Taps on `widget` go to the widget under it (a label on a card: the card is tapped)."""
    if takes_input():
        from PySide6.QtCore import Qt

        widget.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)


def pointing_hand(widget: QWidget) -> None:
    """A mouse over `widget` shows the hand: it can be tapped (for staff at a desk; a touchscreen
    kiosk hides the cursor)."""
    if takes_input():
        from PySide6.QtCore import Qt

        widget.setCursor(Qt.CursorShape.PointingHandCursor)
