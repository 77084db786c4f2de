"""What a screen reader (Orca on the AT-SPI bus, or any client of Qt's accessibility) is told.

Qt already gives every control its role and accessible name (set where the control is made) and
keeps the tree in layout order. Two things it cannot guess:

- **Headings.** A screen title is a `QLabel` to Qt, so a reader could not jump from heading to
  heading. `TextLabel` marks its `title` and `heading` roles with a `headingLevel` property, and
  the factory installed here answers for those labels with the `Heading` role and their words.
- **Changes worth hearing.** An exercise counter ("Set 1 of 2 · Rep 3 of 10") changes while the
  patient follows the figure; `announce_politely` sends it as a polite announcement, which a
  reader speaks when it has finished what it is saying, never cutting it off.

`tests/e2e/test_screen_reader_view.py` reads the tree and listens for the announcement over the
real AT-SPI bus.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAccessibleInterface
from PySide6.QtWidgets import QAccessibleWidget, QLabel

_installed = False


class HeadingAccessible(QAccessibleWidget):
    """A label that is a heading: the `Heading` role, named by its words."""

    def __init__(self, label: QLabel) -> None:
        super().__init__(label, QAccessible.Role.Heading)
        self.label = label

    def text(self, kind: QAccessible.Text) -> str:
        if kind == QAccessible.Text.Name:
            return self.label.accessibleName() or self.label.text()
        return super().text(kind)


def _factory(key: str, obj: QObject) -> QAccessibleInterface | None:
    if isinstance(obj, QLabel) and obj.property("headingLevel"):
        return HeadingAccessible(obj)
    return None


def install() -> None:
    """Teach Qt's accessibility about headings (once per process)."""
    global _installed
    if not _installed:
        QAccessible.installFactory(_factory)
        _installed = True


def announce_politely(source: QObject, message: str) -> None:
    """Tell a screen reader `message`, to be spoken after whatever it is saying now."""
    if not QAccessible.isActive():
        return  # no reader listening: nothing to build
    event = QAccessibleAnnouncementEvent(source, message)
    event.setPoliteness(QAccessible.AnnouncementPoliteness.Polite)
    QAccessible.updateAccessibility(event)
