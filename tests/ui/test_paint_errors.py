"""Every `paintEvent` of the kiosk reports its errors at once (`kiosk.ui.paint_errors`).

Unwrapped, an exception in a `paintEvent` drawn through `QWidget.render` from Python (the screens
drawn ahead on the start screen, `MainWindow.prepare_ahead`) stays pending while the rest of the
drawing runs, and the process can crash; wrapped, it reaches the exception hook (and the crash guard)
as it does on screen, and the drawing goes on.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import sys
from typing import Any

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage, QPaintEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

import kiosk.ui
from kiosk.ui.paint_errors import MARK, reports_errors


def kiosk_widget_classes() -> list[type]:
    found = []
    for module_info in pkgutil.walk_packages(kiosk.ui.__path__, "kiosk.ui."):
        if module_info.name.endswith("__main__"):
            continue
        module = importlib.import_module(module_info.name)
        for _, value in inspect.getmembers(module, inspect.isclass):
            if value.__module__ == module.__name__ and issubclass(value, QWidget):
                found.append(value)
    return found


def test_every_paint_event_of_the_kiosk_reports_its_errors() -> None:
    classes = kiosk_widget_classes()
    painting = [cls for cls in classes if "paintEvent" in vars(cls)]
    assert len(painting) >= 10, "the kiosk's own drawing code was found"
    unwrapped = [cls.__qualname__ for cls in painting if not getattr(vars(cls)["paintEvent"], MARK, False)]
    assert not unwrapped, f"paintEvent without @reports_errors: {unwrapped}"


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_paint_drawn_from_python_reaches_the_hook_and_the_drawing_goes_on(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    reported: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, error, trace: reported.append(error))

    class Broken(QWidget):
        @reports_errors
        def paintEvent(self, event: QPaintEvent) -> None:
            raise RuntimeError("drawing fails on purpose")

    broken = Broken()
    qtbot.addWidget(broken)
    QVBoxLayout(broken).addWidget(QLabel("still drawn"))
    broken.resize(300, 120)
    image = QImage(QSize(300, 120), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    broken.render(image)  # raises nothing: the error went to the hook
    assert [str(error) for error in reported] == ["drawing fails on purpose"]
    assert any(image.pixelColor(x, y).alpha() for x in range(300) for y in range(120)), "the label was drawn"
