"""The start screen at once, drawn from a record of the last start before the rest of the kiosk loads.

Most of a start is spent loading the kiosk's own code and the Qt types it uses: the window, the
pack, the staff panel, the operation layer. The start screen needs none of that. Each start that
shows the start screen writes down what it says (the pack's title, its first highlights, its
welcome in each language), the colours and the screen, in `first-screen.json` in the data folder.
The next start reads that record, builds the very same start screen (`AttractScreen`, the same
code, the same theme) in a window of its own and paints it, and only then loads the rest. The real
window opens over it once it has painted, and this one closes: a patient sees the start screen as
soon as Qt can draw it, and the kiosk takes its first tap a moment later.

The record is used only when nothing it depends on has changed since it was written: the kiosk's
version, the options of `kiosk run`, the settings file and the pack store's pointer (compared by
size and modification time). Only a fullscreen start is recorded: never a `--pack` preview (staff
may be editing it), a `--windowed` one (a second window would flash on a desktop), a pack from the
settings' pack folder or the "being set up" screen. Until the real window is up this window takes
no taps; it only shows. A record that does not fit (`first_screen_record`) is ignored and the kiosk
starts as before.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QEventLoop, QObject, QRect, QTimer
from PySide6.QtGui import QCloseEvent, QPaintEvent, QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk import __version__
from kiosk.ui.first_screen_record import FirstScreenRecord, read_record, regular_file, stamp
from kiosk.ui.paint_errors import reports_errors

if TYPE_CHECKING:
    from PySide6.QtGui import QScreen

    from kiosk.ui.main_window import MainWindow
    from kiosk.ui.theme import Theme

RECORDED_ORIGINS = ("active", "last-good", "bundled")
"""Where a recorded pack may come from: store slots and the bundled pack never change in place."""
PAINT_WAIT_MS = 2000
"""At most this long for the first screen's first paint before the rest of the kiosk loads."""
_INPUT = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TouchEnd,
        QEvent.Type.Wheel,
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.ContextMenu,
    }
)
"""Refused by the first screen: it only shows."""


def show_first_screen(
    record_path: Path, options: dict[str, Any], *, windowed: bool, size: tuple[int, int] | None
) -> FirstScreenWindow | None:
    """The recorded start screen, shown and painted; None (nothing shown) unless the record fits.

    The caller closes it once the real window has painted over it."""
    record = read_record(record_path)
    if record is None or not record.still_fits(options):
        return None
    from kiosk.ui.icon_cache import cache_folder

    masks = cache_folder()
    if masks is None or not masks.is_dir():  # gone, or a new qtawesome: the usual start draws them
        return None  # (`kiosk run` has its helper draw them; here qtawesome would, in this process)
    if not all(regular_file(Path(picture)) for picture, _title, _teaser in record.slides):
        return None  # a picture gone, or not a file (a pipe would wait for ever): start as usual
    from PySide6.QtGui import QGuiApplication

    from kiosk.content.checked_media import remember_digest
    from kiosk.ui import app as kiosk_app
    from kiosk.ui import resources
    from kiosk.ui.attract import AttractContext, AttractScreen, AttractWords, Slide
    from kiosk.ui.first_frame_pictures import FOLDER_NAME
    from kiosk.ui.input_settings import showing_only
    from kiosk.ui.theme import Palette, Theme, with_overrides

    kiosk_app.application(drawing_helper=False, headings=False)
    screens = [each for each in QGuiApplication.screens() if each.name() == record.screen]
    geometry = screens[0].geometry() if screens else None
    if geometry is None or _rectangle(geometry) != record.geometry:
        return None  # another monitor, or another size: the kiosk starts as usual
    resources.keep_first_frame_pictures(record_path.parent / FOLDER_NAME)
    for digest_hex, aspect in zip(record.digests, record.aspects, strict=True):  # as last checked
        checked_digest = bytes.fromhex(digest_hex)
        remember_digest(checked_digest)
        resources.remember_aspect(checked_digest, aspect)
        # The record's digest is the first slide's (`record_of`): drawn from its kept pixels.
        resources.remember_recorded_picture(Path(record.slides[0][0]), checked_digest)
    width, height = record.size
    palette = with_overrides(Palette(), record.accent, record.background)
    theme = Theme.for_screen(width, height, record.text_size, palette)
    words = AttractWords(
        record.pack_title,
        tuple(Slide(Path(picture), title, teaser) for picture, title, teaser in record.slides),
        tuple((language, welcome) for language, welcome in record.welcomes),
    )
    speaks = frozenset(record.speaks)
    with showing_only():  # it takes no taps: no input settings, so no `Qt` namespace yet
        screen = AttractScreen(AttractContext(theme, record.language, words, speaks.__contains__))
    window = FirstScreenWindow(theme, screen)
    window.resize(width, height)
    try:
        kiosk_app.show(window, screens[0], windowed, size)
        window.wait_for_first_paint(PAINT_WAIT_MS)
    except BaseException:
        window.finish()  # never a window left on screen that nothing will close
        raise
    return window


class FirstScreenWindow(QWidget):
    """A window laid out as the kiosk window is on its start screen, holding only that screen.

    It takes no input: every tap and key is refused until the real window is up. It is shown
    fullscreen but without the kiosk window's frameless and on-top hints (`lockdown`): setting
    window flags names the `Qt` namespace, a tenth of the first frame (`input_settings`), and the
    hints change nothing for the moment it is up. Wayland compositors and X11 window managers
    draw no frame round a fullscreen window, and the kiosk window that covers it carries both."""

    def __init__(self, theme: Theme, screen: QWidget) -> None:
        super().__init__()
        self.setObjectName("KioskRoot")  # the kiosk window's style sheet selects it by this name
        self.setProperty("first_screen", True)
        self.setWindowTitle("Clinic Kiosk")
        self.setStyleSheet(theme.stylesheet())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        host = QWidget()
        host.setObjectName("ScreenStack")
        host_layout = QVBoxLayout(host)
        host_layout.setContentsMargins(0, 0, 0, 0)
        host_layout.addWidget(screen)
        layout.addWidget(host)
        self.painted = False
        self._finished = False
        self._refusing = False

    def showEvent(self, event: QShowEvent) -> None:
        """From here on, every widget refuses input. Input reaches a widget only through the event
        loop, and this window's own Show event comes after its widgets were polished, laid out and
        shown but before the loop runs again: filtering them only now spares the filter the hundred
        and more events of that polish and layout (two thirds of all it would see), and misses no
        tap or key."""
        super().showEvent(event)
        if not self._refusing:
            self._refusing = True
            self._refuse_input_to(self)

    def _refuse_input_to(self, widget: QWidget) -> None:
        """Filter `widget` and every widget inside it, not the whole application: an application-wide
        filter in Python is called for every event to every object (the style, timers, threads),
        which made the first paint some 10 ms slower."""
        for each in (widget, *widget.findChildren(QWidget)):
            each.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        # A widget the screen adds later refuses input too, from its polish on (before it shows).
        # Not on ChildAdded: that comes for every object, and handing Python an object Qt made
        # (such as the window's own QWindow) makes PySide load every widget class to name it.
        if kind == QEvent.Type.ChildPolished:
            child = event.child()  # type: ignore[attr-defined]
            if isinstance(child, QWidget):
                self._refuse_input_to(child)
        return kind in _INPUT

    def wait_for_first_paint(self, limit_ms: int) -> None:
        """Run the event loop until this window has painted (at most `limit_ms`)."""
        loop = QEventLoop()
        limit = QTimer(loop)
        limit.setSingleShot(True)
        limit.timeout.connect(loop.quit)
        self._end_wait = loop.quit
        limit.start(limit_ms)
        if not self.painted:
            loop.exec()
        limit.stop()
        self._end_wait = None

    _end_wait: Callable[[], None] | None = None

    def finish(self) -> None:
        """Close for good and go: the real window is on screen over it."""
        self._finished = True
        self.close()
        self.deleteLater()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._finished:  # a window manager's close request is refused, as by the kiosk window
            event.accept()
        else:
            event.ignore()

    @reports_errors
    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self.painted:
            self.painted = True
            if self._end_wait is not None:  # after this pass: the frame is flushed by then
                QTimer.singleShot(0, self._end_wait)


def record_of(
    window: MainWindow, screen: QScreen, options: dict[str, Any], stamped: list[Path]
) -> FirstScreenRecord | None:
    """What `window` shows now on `screen`, as the next start can show it; None unless it is the start
    screen. `stamped` are the files it depends on besides the pack (the settings, the store's pointer)."""
    from kiosk.content.checked_media import digest
    from kiosk.ui import resources
    from kiosk.ui.attract import AttractScreen

    shown = window.current_screen
    if not isinstance(shown, AttractScreen) or not shown.slides or window.state.current.high_contrast:
        return None
    context = shown.context
    words = context.words
    checked = resources.checked_bytes(words.slides[0].picture)
    geometry = screen.geometry()
    colours = window.pack.manifest.theme
    return FirstScreenRecord(
        version=__version__,
        options=options,
        stamps={str(path): stamp(path) for path in stamped},
        screen=screen.name(),
        geometry=_rectangle(geometry),
        size=[window.width(), window.height()],
        language=context.language,
        text_size=window.state.current.text_size.value,
        accent=colours.accent,
        background=colours.background,
        pack_title=words.pack_title,
        slides=[[str(slide.picture), slide.title, slide.teaser] for slide in words.slides],
        welcomes=[[language, welcome] for language, welcome in words.welcomes],
        speaks=[language for language in words.languages if context.can_speak(language)],
        digests=[digest(checked).hex()] if checked is not None else [],
        aspects=[resources.measured_aspect(words.slides[0].picture)] if checked is not None else [],
    )


def _rectangle(geometry: QRect) -> list[int]:
    return [geometry.x(), geometry.y(), geometry.width(), geometry.height()]
