"""Rendering the waiting-room states to images: the attract screen, the idle question, and (for
staff) the PIN pad, its messages, the staff panel and the setup-mode banner.

Used by `kiosk screenshots` next to the pages of the pack. Nothing here touches the kiosk's own
settings, PIN lockout or usage files: a throwaway PIN and a temporary folder stand in for them.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Callable
from pathlib import Path

from kiosk.content.pack import Pack
from kiosk.session.pin import hash_pin
from kiosk.session.settings import Settings
from kiosk.session.site import SiteDetails
from kiosk.session.state import ATTRACT, AppState, Snapshot, TextSize
from kiosk.ui.attract import AttractScreen
from kiosk.ui.main_window import MainWindow
from kiosk.ui.operation import KioskOperation
from kiosk.ui.render import settle
from kiosk.ui.staff.pin_pad import PinPad

log = logging.getLogger(__name__)

SAMPLE_PIN = "480159"


class _Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def _window(
    pack: Pack, size: tuple[int, int], text_percent: int, language: str, site: SiteDetails | None
) -> MainWindow:
    snapshot = Snapshot(route=ATTRACT, text_size=TextSize(text_percent), language=language)
    window = MainWindow(AppState(snapshot), pack, site=site)
    window.resize(*size)
    window.show()
    settle()
    return window


def render_waiting_room(
    pack: Pack,
    out: Path,
    size: tuple[int, int],
    text_percent: int,
    *,
    staff: bool = False,
    language: str | None = None,
    site: SiteDetails | None = None,
) -> list[str]:
    """Write attract.png and idle-warning.png (and with `staff`, the staff screens) into `out`,
    in `language` (default: the pack's first)."""
    language = language or pack.default_language
    failures: list[str] = []
    shots: list[tuple[str, Callable[[MainWindow, KioskOperation, _Clock], None]]] = [
        ("attract", _attract),
        ("idle-warning", _idle_warning),
    ]
    if staff:
        shots += [
            ("pin-pad", lambda w, op, c: op.staff.open_pad()),
            ("pin-wrong", lambda w, op, c: _wrong_pins(w, op, 1)),
            ("pin-locked", lambda w, op, c: _wrong_pins(w, op, 5)),
            ("staff-panel", _staff_panel),
        ]
    pin_log = logging.getLogger("kiosk.session.pin")
    quiet = pin_log.disabled
    pin_log.disabled = True  # the sample wrong tries are not worth a warning
    try:
        with tempfile.TemporaryDirectory(prefix="kiosk-shots-") as temp:
            folder = Path(temp)
            pin_hash = hash_pin(SAMPLE_PIN) if staff else None
            for name, prepare in shots:
                failures += _shoot(
                    pack, out, size, text_percent, language, name, prepare, folder, pin_hash, site
                )
            if staff:
                failures += _shoot(
                    pack, out, size, text_percent, language, "setup-mode", _staff_panel, folder, None, site
                )
    finally:
        pin_log.disabled = quiet
    return failures


def _shoot(
    pack: Pack,
    out: Path,
    size: tuple[int, int],
    text_percent: int,
    language: str,
    name: str,
    prepare: Callable[[MainWindow, KioskOperation, _Clock], None],
    folder: Path,
    pin_hash: str | None,
    site: SiteDetails | None,
) -> list[str]:
    window = _window(pack, size, text_percent, language, site)
    clock = _Clock()
    operation = KioskOperation(
        window,
        Settings(pin_hash=pin_hash),
        setup_mode=pin_hash is None,
        locked=False,
        usage_db=None,
        lockout_file=folder / f"{name}-lockout.json",
        clock=clock,
    )
    try:
        prepare(window, operation, clock)
        settle()
        target = out / f"{name}.png"
        image = window.grab()
        if image.isNull() or not image.save(str(target)):
            return [f"{name}: could not write {target}"]
        log.info("wrote %s", target)
        return []
    finally:
        operation.shutdown()
        window.overlay.clear()
        window.close()
        window.deleteLater()
        settle()


def _attract(window: MainWindow, operation: KioskOperation, clock: _Clock) -> None:
    screen = window.current_screen
    if isinstance(screen, AttractScreen):
        screen.timer.stop()


def _idle_warning(window: MainWindow, operation: KioskOperation, clock: _Clock) -> None:
    window.navigator.go_home()
    operation.idle.activity()
    clock.now += operation.policy.idle_seconds + 5
    operation.idle.check()
    operation.idle.timer.stop()


def _wrong_pins(window: MainWindow, operation: KioskOperation, tries: int) -> None:
    window.navigator.go_home()
    operation.staff.open_pad()
    settle()
    pad = window.overlay.current
    if isinstance(pad, PinPad):
        for _ in range(tries):
            pad.digits = "1111"
            pad.enter()


def _staff_panel(window: MainWindow, operation: KioskOperation, clock: _Clock) -> None:
    window.navigator.go_home()
    operation.staff.open_panel()
    settle()
    run_checks = getattr(window.overlay.current, "run_checks", None)
    if run_checks is not None:
        run_checks()
        getattr(window.overlay.current, "wait_for_checks", lambda: True)()
