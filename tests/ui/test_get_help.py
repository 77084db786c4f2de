"""Help is one tap away: "Get help now" on every screen opens what to do now, with this clinic's numbers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QLabel, QWidget
from uihelpers import Kiosk, load, settle

from kiosk.content.pack import Pack
from kiosk.session.settings_checks import check_site
from kiosk.session.state import ATTRACT, AppState, Snapshot, TextSize
from kiosk.ui.main_window import MainWindow
from kiosk.ui.screens.base import ScrollColumn

SIZES = [(1920, 1080), (1080, 1920), (1280, 800)]
MINI = Path(__file__).resolve().parents[1] / "packs" / "mini"
SITE = check_site(
    {
        "clinic": {
            "name": "Riverside",
            "phone": "555-0100",
            "front_desk": "Tell the front desk now: they will get a nurse.",
            "es": {"front_desk": "Avise ahora en la recepción: llamarán a una enfermera."},
        },
        "emergency": {"number": "112"},
    }
)


@pytest.fixture
def kiosk_on(qtbot: Any) -> Any:
    def make(pack: Pack, size: tuple[int, int] = (1920, 1080), **snapshot: Any) -> Kiosk:
        window = MainWindow(AppState(Snapshot(**snapshot)), pack, site=SITE)
        qtbot.addWidget(window)
        window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        settle()
        return Kiosk(window)

    return make


def visible_in_viewport(widget: QWidget, column: ScrollColumn) -> bool:
    """The whole widget shows in the column without scrolling, above the "more below" fade."""
    viewport = column.viewport()
    top = widget.mapTo(viewport, QPoint(0, 0)).y()
    bottom = top + widget.height()
    fade = column.fade_height if column.fade.isVisible() else 0
    return column.verticalScrollBar().value() == 0 and top >= 0 and bottom <= viewport.height() - fade


def test_get_help_is_on_every_screen_but_the_start_screen_and_back_returns(
    kiosk_on: Any, bundled_pack_dir: Path
) -> None:
    kiosk = kiosk_on(load(bundled_pack_dir), route=ATTRACT)
    assert "get-help" not in [name for name, _ in kiosk.window.tappables()]
    kiosk.tap("AttractScreen")
    for where in ("topic/treatment", "page/treatment/treatment-steps"):
        kiosk.tap(where)
        assert "get-help" in [name for name, _ in kiosk.window.tappables()], kiosk.route

    kiosk.tap("get-help")

    assert kiosk.route == "page/get-help/emergency-signs"
    kiosk.tap("back")
    assert kiosk.route == "page/treatment/treatment-steps"


def test_a_pack_can_name_its_help_page_and_a_pack_without_one_shows_no_button(
    kiosk_on: Any, tmp_path: Path
) -> None:
    import shutil

    copy = Path(shutil.copytree(MINI, tmp_path / "pack"))
    manifest = copy / "pack.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8") + "help_page: when-to-call\n")
    kiosk = kiosk_on(load(copy))
    kiosk.tap("get-help")
    assert kiosk.route.endswith("/when-to-call")

    text = (copy / "pages" / "emergency.en.md").read_text(encoding="utf-8")
    (copy / "pages" / "emergency.en.md").write_text(text.replace("kind: red-flag", "kind: article"))
    manifest.write_text(manifest.read_text(encoding="utf-8").replace("help_page: when-to-call\n", ""))
    plain = kiosk_on(load(copy))
    assert "get-help" not in [name for name, _ in plain.window.tappables()]


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("text_size", [TextSize.NORMAL, TextSize.LARGEST], ids=["100", "175"])
@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_what_to_do_now_shows_without_scrolling_with_the_clinic_numbers(
    kiosk_on: Any, bundled_pack_dir: Path, size: tuple[int, int], text_size: TextSize, language: str
) -> None:
    kiosk = kiosk_on(load(bundled_pack_dir), size, text_size=text_size, language=language)
    kiosk.tap("get-help")
    settle()
    view = kiosk.window.current_screen.findChild(QWidget, "Pager").current  # type: ignore[union-attr]
    first = view.findChild(QLabel, "WhatToDoNow")
    assert first is not None and first.isVisible()
    words = first.text()
    assert "112" in words
    assert "555-0100" in words  # the clinic's own phone, for worries that are not an emergency
    assert ("front desk now" in words) if language == "en" else ("Avise ahora en la recepción" in words)
    assert visible_in_viewport(first, view.text_column), first.mapTo(view.text_column, QPoint(0, 0))
