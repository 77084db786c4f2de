"""Helpers for tests of waiting-room operation: a kiosk window with its operation wired, a fake clock."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from uihelpers import Kiosk, settle

from kiosk.content.pack import Pack
from kiosk.session.pin import hash_pin
from kiosk.session.settings import Settings
from kiosk.session.state import ATTRACT, AppState, Snapshot
from kiosk.ui.main_window import MainWindow
from kiosk.ui.operation import KioskOperation

PIN = "482915"
_PIN_HASH: list[str] = []


def pin_hash() -> str:
    """The hash of PIN, computed once (scrypt is slow on purpose)."""
    if not _PIN_HASH:
        _PIN_HASH.append(hash_pin(PIN))
    return _PIN_HASH[0]


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@dataclass
class Operated:
    kiosk: Kiosk
    op: KioskOperation
    clock: FakeClock

    @property
    def window(self) -> MainWindow:
        return self.kiosk.window

    def dialog(self) -> str:
        current = self.window.overlay.current
        if current is None or not self.window.overlay.isVisible():
            return ""
        return str(current.property("dialog") or "")


def make_operated(
    qtbot: Any,
    pack: Pack,
    tmp_path: Path,
    *,
    size: tuple[int, int] = (1920, 1080),
    with_pin: bool = True,
    setup_mode: bool | None = None,
    entry_closed: bool = False,
    locked: bool = False,
    hold_ms: int = 3000,
    usage: bool = True,
    notifier: Any = None,
    site: Any = None,
    settings: dict[str, Any] | None = None,
) -> Operated:
    state = AppState(Snapshot(route=ATTRACT))
    window = MainWindow(state, pack, site=site)
    qtbot.addWidget(window)
    clock = FakeClock()
    op = KioskOperation(
        window,
        Settings(pin_hash=pin_hash() if with_pin else None, **(settings or {})),
        setup_mode=(not with_pin) if setup_mode is None else setup_mode,
        entry_closed=entry_closed,
        locked=locked,
        usage_db=tmp_path / "usage.sqlite3" if usage else None,
        lockout_file=tmp_path / "pin-lockout.json",
        notifier=notifier,
        hold_ms=hold_ms,
        clock=clock,
        hide_cursor=False,
    )
    op.lock()
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    settle()
    return Operated(Kiosk(window), op, clock)


@pytest.fixture
def operate(qtbot: Any, mini_pack: Pack, tmp_path: Path) -> Iterator[Any]:
    """`operate(**options)` -> an `Operated` kiosk on the mini pack; shut down after the test."""
    made: list[Operated] = []

    def make(pack: Pack | None = None, **options: Any) -> Operated:
        operated = make_operated(qtbot, pack or mini_pack, tmp_path, **options)
        made.append(operated)
        return operated

    yield make
    for operated in made:
        operated.op.shutdown()
        operated.window.overlay.clear()
        operated.window.close()
    settle()
