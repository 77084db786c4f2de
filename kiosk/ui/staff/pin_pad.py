"""The staff PIN pad: big digit buttons, dots for the digits typed, and plain messages.

The PIN is checked by `kiosk.session.pin.PinGuard` (salted scrypt hash; five wrong tries lock
staff entry for five minutes, and the lockout survives a restart). The pad never shows the
digits, and says how many tries are left or how long the lockout lasts, in the screen's language.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QPushButton

from kiosk.session.pin import PIN_MAX_DIGITS, PIN_MIN_DIGITS, PinCheck, PinGuard
from kiosk.ui.dialog import DialogCard
from kiosk.ui.strings import tr
from kiosk.ui.theme import Theme
from kiosk.ui.widgets import TextLabel, push_button

DOT = "\u25cf"


def locked_message(seconds: float, language: str = "en") -> str:
    minutes = max(1, math.ceil(seconds / 60))
    if minutes == 1:
        return tr("pin_locked_one", language)
    return tr("pin_locked", language, minutes=minutes)


def wrong_message(tries_left: int, language: str = "en") -> str:
    if tries_left == 1:
        return tr("pin_wrong_one", language)
    return tr("pin_wrong", language, tries=tries_left)


class PinPad(DialogCard):
    def __init__(
        self,
        theme: Theme,
        window_width: int,
        guard: PinGuard,
        on_accepted: Callable[[], None],
        on_cancel: Callable[[], None],
        language: str = "en",
    ) -> None:
        super().__init__(theme, "pin-pad", window_width, max_width=720)
        pad = theme.px(36)
        self.column.setContentsMargins(pad, pad, pad, pad)
        self.column.setSpacing(theme.px(16))
        self.guard = guard
        self.on_accepted = on_accepted
        self.digits = ""
        self.language = language
        title = TextLabel(tr("staff_pin", language), "title")
        title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.dots = TextLabel("", "title")
        self.dots.setObjectName("PinDots")
        self.dots.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.dots.setStyleSheet(f"font-size: {theme.px(56)}px; letter-spacing: {theme.px(12)}px;")
        self.dots.setMinimumHeight(theme.px(60))
        self.message = TextLabel("", "body")
        self.message.setObjectName("PinMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.column.addWidget(title)
        self.column.addWidget(self.dots)
        self.column.addWidget(self.message)
        grid = QGridLayout()
        grid.setSpacing(theme.px(14))
        self.digit_buttons: list[QPushButton] = []
        key_style = f"font-size: {theme.px(44)}px; min-height: {theme.px(96)}px;"
        for number in range(10):
            button = push_button(str(number), partial(self.press, str(number)), name=f"pin-{number}")
            button.setStyleSheet(key_style)
            self.digit_buttons.append(button)
            row, col = (3, 1) if number == 0 else divmod(number - 1, 3)
            grid.addWidget(button, row, col)
        self.clear_button = push_button(tr("pin_clear", language), self.clear, name="pin-clear", role="quiet")
        self.enter_button = push_button(tr("pin_enter", language), self.enter, name="pin-enter")
        for button in (self.clear_button, self.enter_button):
            button.setStyleSheet(f"font-size: {theme.px(34)}px; min-height: {theme.px(96)}px;")
        grid.addWidget(self.clear_button, 3, 0)
        grid.addWidget(self.enter_button, 3, 2)
        self.column.addLayout(grid)
        self.cancel_button = push_button(tr("cancel", language), on_cancel, name="pin-cancel", role="quiet")
        self.column.addWidget(self.cancel_button)
        self._show_digits()
        if guard.seconds_locked() > 0:
            self._lock(guard.seconds_locked())
        else:
            self._say(tr("pin_prompt", language, low=PIN_MIN_DIGITS, high=PIN_MAX_DIGITS))

    def press(self, digit: str) -> None:
        if len(self.digits) < PIN_MAX_DIGITS:
            self.digits += digit
            self._show_digits()

    def clear(self) -> None:
        self.digits = ""
        self._show_digits()

    def enter(self) -> None:
        if len(self.digits) < PIN_MIN_DIGITS:
            self._say(tr("pin_length", self.language, low=PIN_MIN_DIGITS, high=PIN_MAX_DIGITS), error=True)
            return
        result = self.guard.check(self.digits)
        self.clear()
        if result in (PinCheck.ACCEPTED, PinCheck.NO_PIN_SET):
            self.on_accepted()
        elif result is PinCheck.LOCKED_OUT:
            self._lock(self.guard.seconds_locked())
        else:
            self._say(wrong_message(self.guard.tries_left, self.language), error=True)

    def _lock(self, seconds: float) -> None:
        self._say(locked_message(seconds, self.language), error=True)
        for button in [*self.digit_buttons, self.clear_button, self.enter_button]:
            button.setEnabled(False)

    def _show_digits(self) -> None:
        self.dots.setText(DOT * len(self.digits) if self.digits else "\u2013 \u2013 \u2013 \u2013")

    def _say(self, text: str, error: bool = False) -> None:
        colour = self.theme.palette.urgent_text if error else self.theme.palette.text_muted
        self.message.setStyleSheet(f"color: {colour};")
        self.message.setText(text)
