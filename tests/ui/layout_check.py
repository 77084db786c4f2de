"""Finds what a designer would flag on a screen: clipped text, overlapping neighbours, small targets."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QTextDocument, QTextLayout, QTextOption
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QLabel, QPushButton, QScrollBar, QWidget


def _describe(widget: QWidget) -> str:
    text = widget.text() if isinstance(widget, QLabel | QAbstractButton) else ""
    name = widget.objectName() or type(widget).__name__
    return f"{type(widget).__name__}({name!r}{', ' + repr(text[:40]) if text else ''})"


def _is_scroll_content(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    grand = parent.parentWidget() if parent is not None else None
    return isinstance(grand, QAbstractScrollArea) and parent is grand.viewport()


def layout_problems(root: QWidget, min_target: int) -> list[str]:
    problems: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible() or isinstance(widget, QScrollBar):
            continue
        if widget.objectName() in ("OverlayLayer", "MoreBelowFade"):  # drawn over others on purpose
            continue
        problems.extend(_text_problems(widget))
        small = widget.width() < min_target or widget.height() < min_target
        if isinstance(widget, QAbstractButton) and widget.property("tappable") and small:
            problems.append(
                f"{_describe(widget)} is {widget.width()}x{widget.height()}, under {min_target}x{min_target}"
            )
        problems.extend(_overlaps(widget))
        parent = widget.parentWidget()
        free = parent is None or parent.objectName() == "Pager" or _is_scroll_content(widget)
        if parent is not None and not free and not parent.rect().contains(widget.geometry()):
            problems.append(
                f"{_describe(widget)} at {_rect(widget.geometry())} sticks out of "
                f"{_describe(parent)} ({parent.width()}x{parent.height()})"
            )
    return problems


def _text_problems(widget: QWidget) -> list[str]:
    if isinstance(widget, QLabel) and (widget.text() or widget.pixmap().isNull() is False):
        if widget.wordWrap():
            needed = widget.heightForWidth(widget.width())
            if needed > widget.height() + 1:
                return [f"{_describe(widget)} needs {needed} px of height, has {widget.height()}: clipped"]
        elif widget.text():
            metrics = widget.fontMetrics()
            needed_width = metrics.horizontalAdvance(widget.text())
            if needed_width > widget.contentsRect().width() or metrics.height() > widget.height():
                return [
                    f"{_describe(widget)} needs {needed_width}x{metrics.height()}, "
                    f"has {widget.width()}x{widget.height()}: clipped"
                ]
    if isinstance(widget, QPushButton):
        hint = widget.sizeHint()
        if hint.width() > widget.width() or hint.height() > widget.height():
            return [
                f"{_describe(widget)} needs {hint.width()}x{hint.height()}, "
                f"has {widget.width()}x{widget.height()}: label clipped"
            ]
    return []


def _overlaps(parent: QWidget) -> list[str]:
    if parent.objectName() == "Pager" or isinstance(parent, QAbstractScrollArea):
        return []
    children = [
        c
        for c in parent.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
        if c.isVisible() and c.objectName() not in ("OverlayLayer", "MoreBelowFade") and not c.isWindow()
    ]
    found = []
    for index, first in enumerate(children):
        for second in children[index + 1 :]:
            overlap = first.geometry().intersected(second.geometry())
            if overlap.width() > 1 and overlap.height() > 1:
                found.append(
                    f"{_describe(first)} and {_describe(second)} overlap by "
                    f"{overlap.width()}x{overlap.height()} in {_describe(parent)}"
                )
    return found


def _rect(rect: QRect) -> str:
    return f"{rect.x()},{rect.y()} {rect.width()}x{rect.height()}"


def shown_text_lines(label: QLabel, viewport: QWidget, hidden_below: int = 0) -> int:
    """How many lines of a rich-text label are on screen, whole, in a scroll area's viewport.

    The label's text is laid out again the way QLabel lays it out (same font, width and HTML), and
    each line's box is mapped into the viewport; a line counts when it lies inside the viewport
    and above its last `hidden_below` pixels (where the "more below" fade hides it).
    """
    document = QTextDocument()
    document.setDocumentMargin(0)
    document.setDefaultFont(label.font())
    document.setHtml(label.text())
    document.setTextWidth(label.contentsRect().width())
    document.size()  # lays the text out
    bottom = viewport.height() - hidden_below
    shown = 0
    block = document.begin()
    while block.isValid():
        layout = block.layout()
        top = layout.position().y()
        for index in range(layout.lineCount()):
            line = layout.lineAt(index)
            y = label.mapTo(viewport, QPoint(0, round(top + line.y()))).y()
            if y >= 0 and y + line.height() <= bottom:
                shown += 1
        block = block.next()
    return shown


def laid_out_lines(label: QLabel, width: int = 0) -> list[str]:
    """A plain-text label's words as QLabel wraps them at its width (or `width`), one per line."""
    layout = QTextLayout(label.text(), label.font())
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    layout.beginLayout()
    lines = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width or label.contentsRect().width())
        lines.append(label.text()[line.textStart() : line.textStart() + line.textLength()])
    layout.endLayout()
    return lines
