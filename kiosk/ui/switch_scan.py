"""Single-switch scanning: one button (Space or Enter; a switch interface sends one of them) drives
the kiosk.

With `switch_scan = true` in kiosk.toml, the first press of the switch shows the focus ring on the
screen's first control, and a timer moves it on through every control in reading order, one step
every `switch_scan_seconds`. The next press chooses the ringed control (the same `click()` a tap
makes); on the new screen scanning starts again from its first control. Scanning stops after
`SCAN_ROUNDS` rounds without a press, at a tap, at an idle reset and when the window hides, so an
unattended kiosk ticks no timer. Tab, Shift+Tab and the arrow keys keep working meanwhile.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer

from kiosk.ui.focus import KeyboardAccess

SCAN_ROUNDS = 3
"""Full rounds of the controls without a press before scanning rests (until the next press)."""


class SwitchScan(QObject):
    """The scanning timer, owned by the kiosk window through its `KeyboardAccess`."""

    def __init__(self, access: KeyboardAccess, seconds: float) -> None:
        super().__init__(access.window)
        self.access = access
        self.timer = QTimer(self)
        self.timer.setObjectName("SwitchScanTimer")
        self.timer.setInterval(max(100, round(seconds * 1000)))
        self.timer.timeout.connect(self._advance)
        self.steps = 0
        access.switch = self
        access.window.installEventFilter(self)

    @property
    def scanning(self) -> bool:
        return self.timer.isActive()

    def switch_pressed(self) -> None:
        """Start scanning, or choose the control the ring is on."""
        if not self.scanning or self.access.focused() is None:
            if self.access.step() is not None:
                self._restart()
            return
        self._restart()
        self.access.press()

    def _restart(self) -> None:
        self.steps = 0
        self.timer.start()

    def _advance(self) -> None:
        self.steps += 1
        if self.steps >= SCAN_ROUNDS * max(1, len(self.access.controls())):
            self.stop()
            self.access.stop()
            return
        self.access.step()

    def stop(self) -> None:
        self.timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.access.window and event.type() in (QEvent.Type.Hide, QEvent.Type.Close):
            self.stop()
        return False
