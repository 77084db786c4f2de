"""Fixtures for widget tests: the mini pack, a kiosk window, a finger, and a check for timers left running."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from operation_helpers import operate  # noqa: F401  (fixtures for waiting-room tests)
from PySide6.QtCore import QTimer, QVariantAnimation
from uihelpers import Kiosk, load, settle

from kiosk.content.pack import Pack
from kiosk.session.state import AppState, Snapshot, TextSize
from kiosk.ui.app import application
from kiosk.ui.main_window import MainWindow

MINI = Path(__file__).resolve().parents[1] / "packs" / "mini"


@pytest.fixture(scope="session")
def mini_pack() -> Pack:
    application()
    return load(MINI)


@pytest.fixture(autouse=True)
def no_dangling_timers(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Fail a test that leaves a QTimer or an animation running (napari does the same).

    A static screen must cost no CPU, so anything that ticks must be stopped by its owner.
    """
    started: list[Any] = []
    original_timer_start = QTimer.start
    original_animation_start = QVariantAnimation.start

    def timer_start(self: QTimer, *args: Any) -> None:
        started.append(self)
        original_timer_start(self, *args)

    def animation_start(self: QVariantAnimation, *args: Any) -> None:
        started.append(self)
        original_animation_start(self, *args)

    monkeypatch.setattr(QTimer, "start", timer_start)
    monkeypatch.setattr(QVariantAnimation, "start", animation_start)
    yield
    running = []
    for item in started:
        try:
            active = (
                item.isActive()
                if isinstance(item, QTimer)
                else item.state() == QVariantAnimation.State.Running
            )
        except RuntimeError:  # deleted with its owner: stopped
            continue
        if active:
            running.append(item)
    for item in running:
        item.stop()
    assert not running, f"test left timers or animations running: {running}"


@pytest.fixture(scope="session")
def big_pack(tmp_path_factory: pytest.TempPathFactory) -> Pack:
    """Six topics of ten pages: taller than the screen at large text sizes."""
    from kiosk.content.generate import write_generated_pack

    application()
    return load(write_generated_pack(tmp_path_factory.mktemp("generated"), 60))


@pytest.fixture
def make_kiosk(qtbot: Any, mini_pack: Pack) -> Any:
    def make(
        size: tuple[int, int] = (1920, 1080),
        pack: Pack | None = None,
        text_size: TextSize = TextSize.NORMAL,
        site: Any = None,
    ) -> Kiosk:
        window = MainWindow(AppState(Snapshot(text_size=text_size)), pack or mini_pack, site=site)
        qtbot.addWidget(window)
        window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        settle()
        return Kiosk(window)

    return make
