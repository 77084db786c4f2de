"""Lockdown inside the app: what the kiosk window itself does so a patient cannot leave it.

The real lock is the kiosk shell (cage, GNOME Kiosk, Windows Shell Launcher; see
docs/deployment.md): an application cannot stop every key combination a desktop owns. Inside the
app, once locked:

- the window is frameless, fullscreen, on top, and sized to its screen (see `app.show`);
- Alt+F4, Ctrl+W, Ctrl+Q, Escape and F11 do nothing; context menus and drag and drop never start;
- a request to close the window is refused unless staff authorised the exit (`allow_exit`);
- the mouse cursor is hidden when a touchscreen is present (or when asked to).

A request to quit the whole application (`QApplication.quit()`, a session logout or a system
shutdown) is honoured: only code in the kiosk and the operating system can make one, never a
patient, and a kiosk that blocked a shutdown would be killed anyway.

`--windowed` previews never lock, so staff keep their preview keys and window controls.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

log = logging.getLogger(__name__)

_MODIFIERS = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier
_MODIFIERS |= Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier

_BLOCKED_KEYS: set[tuple[Qt.Key, Qt.KeyboardModifier]] = {
    (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
    (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_F11, Qt.KeyboardModifier.NoModifier),
}
"""(key, modifiers) combinations that close, leave or unfullscreen a window on common desktops."""

_ALWAYS_BLOCKED_KEYS = {Qt.Key.Key_Escape, Qt.Key.Key_F11, Qt.Key.Key_Close, Qt.Key.Key_Exit}

_REFUSED_EVENTS = {
    QEvent.Type.ContextMenu,
    QEvent.Type.DragEnter,
    QEvent.Type.DragMove,
    QEvent.Type.Drop,
}

KIOSK_WINDOW_FLAGS = Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint


def is_blocked_key(event: QKeyEvent) -> bool:
    """True for a key press that would close, leave or unfullscreen the window."""
    key = Qt.Key(event.key())
    if key in _ALWAYS_BLOCKED_KEYS:
        return True
    modifiers = event.modifiers() & _MODIFIERS
    return (key, Qt.KeyboardModifier(modifiers)) in _BLOCKED_KEYS


def touchscreen_present() -> bool:
    from PySide6.QtGui import QInputDevice  # asked when the window locks, after the first frame

    return any(device.type() == QInputDevice.DeviceType.TouchScreen for device in QInputDevice.devices())


class Lockdown(QObject):
    """Locks `window` (call `lock()` before showing it); `allow_exit()` lets one staff exit through."""

    def __init__(self, window: QWidget, *, hide_cursor: bool | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.hide_cursor = hide_cursor
        """True: always hide the cursor; False: never; None: hide it when a touchscreen is present."""
        self.locked = False
        self.exit_allowed = False
        self._quitting = False
        self._cursor_hidden = False
        self.refused_closes = 0
        self.swallowed_keys = 0

    def lock(self) -> None:
        """Frameless and on top, refuse closes and escape keys, hide the cursor on a touchscreen."""
        if self.locked:
            return
        self.locked = True
        self.window.setWindowFlags(self.window.windowFlags() | KIOSK_WINDOW_FLAGS)
        self.window.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.window.setAcceptDrops(False)
        self.window.installEventFilter(self)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        hide = touchscreen_present() if self.hide_cursor is None else self.hide_cursor
        if hide and not self._cursor_hidden:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.BlankCursor)
            self._cursor_hidden = True
        log.info("kiosk window locked (cursor %s)", "hidden" if hide else "shown")

    def unlock(self) -> None:
        if not self.locked:
            return
        self.locked = False
        self.window.removeEventFilter(self)
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        if self._cursor_hidden:
            QGuiApplication.restoreOverrideCursor()
            self._cursor_hidden = False

    def allow_exit(self) -> None:
        """Staff passed the PIN (or the kiosk is in setup mode) and chose to exit."""
        log.info("staff exit authorised")
        self.exit_allowed = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Quit and watched is QApplication.instance():
            self._note_quit()
            return False
        if kind == QEvent.Type.Close and watched is self.window:
            if self.exit_allowed or self._quitting:
                return False
            self.refused_closes += 1
            log.warning("a request to close the kiosk window was refused (staff exit not authorised)")
            event.ignore()
            return True
        if kind in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride, QEvent.Type.KeyRelease):
            if isinstance(event, QKeyEvent) and is_blocked_key(event):
                if kind == QEvent.Type.KeyPress:
                    self.swallowed_keys += 1
                event.accept()
                return True
            return False
        if kind in _REFUSED_EVENTS:
            event.ignore()
            return True
        return False

    def _note_quit(self) -> None:
        """An application quit (kiosk code, logout, shutdown) may close the window; for this round only."""
        self._quitting = True
        QTimer.singleShot(0, self, self._end_quit)

    def _end_quit(self) -> None:
        self._quitting = False
