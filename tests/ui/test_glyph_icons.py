"""Icons drawn from the Font Awesome font look exactly as qtawesome draws them, at every size."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Any

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon, QImage

from kiosk.ui import glyph_icons, resources


def _pixels(icon: QIcon, size: int, mode: QIcon.Mode = QIcon.Mode.Normal) -> QImage:
    return icon.pixmap(QSize(size, size), mode).toImage().convertToFormat(QImage.Format.Format_ARGB32)


@pytest.mark.parametrize(
    "name", ["fa5s.home", "fa5s.arrow-left", "fa5s.walking", "fa5s.exclamation-triangle"]
)
@pytest.mark.parametrize("size", [24, 48, 96])
def test_a_kiosk_icon_is_pixel_for_pixel_the_qtawesome_icon(qtbot: Any, name: str, size: int) -> None:
    import qtawesome

    drawn = glyph_icons.glyph_icon(name, "#24507a")
    assert drawn is not None
    expected = _pixels(qtawesome.icon(name, color="#24507a"), size)
    assert _pixels(drawn, size) == expected
    inked = sum(expected.pixelColor(x, y).alpha() > 0 for x in range(size) for y in range(size))
    assert inked > size  # the glyph is there, not two blank images


def test_a_disabled_icon_is_greyed_like_qtawesome_greys_it(qtbot: Any) -> None:
    import qtawesome

    drawn = glyph_icons.glyph_icon("fa5s.play", "#ffffff")
    assert drawn is not None
    disabled = QIcon.Mode.Disabled
    assert _pixels(drawn, 64, disabled) == _pixels(qtawesome.icon("fa5s.play", color="#ffffff"), 64, disabled)
    assert _pixels(drawn, 64, disabled) != _pixels(drawn, 64)


def test_other_icon_sets_and_unknown_names_still_work(qtbot: Any) -> None:
    import qtawesome

    assert glyph_icons.glyph_icon("mdi6.home", "#000000") is None
    other = resources.icon("mdi6.home", "#000000")  # a pack may name any qtawesome icon set
    assert _pixels(other, 48) == _pixels(qtawesome.icon("mdi6.home", color="#000000"), 48)
    unknown = resources.icon("fa5s.no-such-icon", "#000000")
    assert _pixels(unknown, 48) == _pixels(resources.icon("fa5s.book-open", "#000000"), 48)


def test_drawing_the_kiosk_icons_does_not_import_qtawesome() -> None:
    script = (
        "import sys\nfrom PySide6.QtWidgets import QApplication\napp = QApplication([])\n"
        "from kiosk.ui import resources\n"
        "icon = resources.icon('fa5s.home', '#ffffff')\nassert not icon.pixmap(48, 48).isNull()\n"
        "print('qtawesome' in sys.modules, 'qtpy' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.stdout.split() == ["False", "False"]
