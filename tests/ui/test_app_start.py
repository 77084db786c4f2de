"""Starting the kiosk: a refused pack falls back to the bundled one; the screen is never blank."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest

from kiosk.content import bundled
from kiosk.ui import app as kiosk_app
from kiosk.ui.out_of_order import OutOfOrderScreen


def test_a_broken_pack_is_refused_with_its_problems_and_the_fallback_is_tried(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    mini = Path(__file__).resolve().parents[1] / "packs" / "mini"
    monkeypatch.setattr(bundled, "bundled_pack_dir", lambda: mini)
    (tmp_path / "pack.yaml").write_text("id: Not A Slug\n")
    with caplog.at_level(logging.ERROR):
        pack = kiosk_app.load_pack_or_fallback(tmp_path)
    assert pack is not None and pack.id == "mini"
    assert any("pack.yaml" in r.getMessage() for r in caplog.records)
    assert any("refused" in r.getMessage() for r in caplog.records)


def test_when_no_pack_loads_a_calm_message_shows(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bundled, "bundled_pack_dir", lambda: tmp_path / "missing")
    assert kiosk_app.load_pack_or_fallback(tmp_path / "also-missing") is None
    from kiosk.session.state import AppState

    window = kiosk_app.create_window(None, AppState(), 1280, 800)
    qtbot.addWidget(window)
    assert isinstance(window, OutOfOrderScreen)
    assert "front desk" in window.message.text()


def test_the_overlay_layer_covers_the_window_and_clears(make_kiosk: Any) -> None:
    from PySide6.QtWidgets import QLabel

    kiosk = make_kiosk()
    overlay = kiosk.window.overlay
    overlay.show_widget(QLabel("Still there?"))
    assert overlay.isVisible() and overlay.geometry() == kiosk.window.rect()
    overlay.clear()
    assert not overlay.isVisible()


def test_every_pack_kind_has_a_view() -> None:
    from kiosk.content.models import FRONT_MATTER_BY_KIND
    from kiosk.ui.pages import registered_kinds, view_class_for

    assert {"article", "red-flag", "references"} <= set(registered_kinds())
    for kind in FRONT_MATTER_BY_KIND:
        assert view_class_for(kind) is not None


def test_text_size_buttons_reflow_the_page(make_kiosk: Any) -> None:
    from PySide6.QtWidgets import QLabel

    kiosk = make_kiosk(size=(1280, 800))
    kiosk.window.navigator.open_page("basics", "what-is-it")
    screen = kiosk.window.current_screen
    text_before = screen.findChild(QLabel, "PageText").font().pixelSize()
    title_before = screen.findChild(QLabel, "PageTitle").font().pixelSize()
    kiosk.tap("bigger-text")
    kiosk.tap("bigger-text")
    screen = kiosk.window.current_screen
    assert screen.findChild(QLabel, "PageText").font().pixelSize() >= text_before * 1.4
    # the title, already large, grows half as much (`Theme.control_px`)
    assert screen.findChild(QLabel, "PageTitle").font().pixelSize() >= title_before * 1.2
    assert kiosk.route == "page/basics/what-is-it"


def test_staff_preview_keys_use_the_same_commands(make_kiosk: Any, qtbot: Any) -> None:
    from PySide6.QtCore import Qt

    kiosk = make_kiosk()
    kiosk.window.navigator.open_page("basics", "what-is-it")
    qtbot.keyClick(kiosk.window, Qt.Key.Key_Right)
    assert kiosk.route == "page/basics/symptoms"
    qtbot.keyClick(kiosk.window, Qt.Key.Key_Backspace)
    assert kiosk.route == "home"


def test_a_pack_broken_after_it_was_indexed_is_checked_again_and_refused(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    mini = Path(__file__).resolve().parents[1] / "packs" / "mini"
    monkeypatch.setattr(bundled, "bundled_pack_dir", lambda: mini)
    pack_dir = Path(shutil.copytree(mini, tmp_path / "pack"))
    index = tmp_path / "index"
    first = kiosk_app.load_pack_or_fallback(pack_dir, index)
    assert first is not None and first.root == pack_dir.resolve()
    assert list(index.iterdir()), "a pack that passed is indexed for the next start"
    assert kiosk_app.load_pack_or_fallback(pack_dir, index) == first  # from the index
    (pack_dir / "pack.yaml").write_text("id: Not A Slug\n")
    with caplog.at_level(logging.ERROR):
        again = kiosk_app.load_pack_or_fallback(pack_dir, index)
    assert again is not None and again.root == mini.resolve()  # refused; the fallback shows
    assert any("refused" in r.getMessage() for r in caplog.records)
