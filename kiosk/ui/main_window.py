"""The kiosk window: the top bar, the screen for the current route, and the overlay layer.

The window subscribes to the `AppState`. When the route changes it shows the screen for the new
route: one kept from an earlier visit (`screen_cache`, reset to how it looked when built) or a new
one. When the text size, contrast or language changes, the pack changes, the window changes size
or an idle reset starts afresh, every kept screen is dropped and the screen is built again, so a
kept screen can never show stale content. While a page is read, the pages either side of it are
built in the quiet after its first paint, so Next and the end of a page slide show a built screen.
While the start screen shows, Home and the topics it opens are built the same way, and one page
of each kind once (`prepare_ahead`), so a visit's first taps are as quick as later ones.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import QCloseEvent, QImage, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QVBoxLayout, QWidget

from kiosk.content.pack import Pack
from kiosk.content.placeholders import fill_pack
from kiosk.session.navigation import Navigator
from kiosk.session.site import SiteDetails
from kiosk.session.state import HOME, AppState, Route, Snapshot
from kiosk.ui.focus import KeyboardAccess
from kiosk.ui.language_switch import add_language_switch
from kiosk.ui.overlay import OverlayLayer
from kiosk.ui.read_aloud import ReadAloud
from kiosk.ui.screen_cache import ScreenCache, reset_screen
from kiosk.ui.screens import build_screen
from kiosk.ui.screens.base import ScreenContext
from kiosk.ui.speech import Speaker, speaker_from_setting
from kiosk.ui.theme import HIGH_CONTRAST, Palette, Theme, with_overrides
from kiosk.ui.top_bar import TopBar
from kiosk.ui.touch import GestureArbiter, alive

log = logging.getLogger(__name__)

EXERCISE_KIND = "exercise"


class MainWindow(QWidget):
    exit_requested = Signal()
    """Staff chose Exit on the staff panel (after the PIN, or the corner hold in setup mode)."""
    screen_changed = Signal(str)
    """A new screen is showing; carries the route name."""
    prepared = Signal()
    """`prepare_ahead` has built every screen it builds (or stopped: a patient started a visit)."""

    def __init__(
        self,
        state: AppState,
        pack: Pack,
        parent: QWidget | None = None,
        size: tuple[int, int] | None = None,
        speaker: Speaker | None = None,
        site: SiteDetails | None = None,
    ) -> None:
        """`size`, when known, is set before the first build, so start-up builds the screens once.
        `speaker` reads pages aloud; by default the one the `KIOSK_SPEECH` setting names.
        `site` is this clinic's details, written into the pack's `{clinic.phone}`-style placeholders."""
        super().__init__(parent)
        if size is not None:
            self.resize(*size)
        self.setObjectName("KioskRoot")
        self.setWindowTitle("Clinic Kiosk")
        self.state = state
        self.site = site or SiteDetails()
        pack = self.with_site(pack)
        self.navigator = Navigator(state, pack)
        self.read_aloud = ReadAloud(state, lambda: self.navigator.pack, speaker or speaker_from_setting())
        status = self.read_aloud.speaker.status
        if status is not None:  # queued: the engine's news arrives on a thread of its own
            status.changed.connect(self._on_speech_changed, Qt.ConnectionType.QueuedConnection)
        self.palette_tokens = with_overrides(
            Palette(), pack.manifest.theme.accent, pack.manifest.theme.background
        )
        self.theme = Theme.for_screen(1920, 1080, state.current.text_size.value, self.palette_tokens)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(0)
        self.top_bar: TopBar | None = None
        self.screen_host = QWidget()
        self.screen_host.setObjectName("ScreenStack")
        self._host_layout = QVBoxLayout(self.screen_host)
        self._host_layout.setContentsMargins(0, 0, 0, 0)
        self.current_screen: QWidget | None = None
        self.current_route: Route | None = None
        self.screens = ScreenCache()
        self._keep_current = True
        self._first_paint = _FirstPaint(self._prepare_neighbours)
        self._ahead: list[tuple[Route, bool]] | None = None
        self.drawing_ahead = False
        self.failures_ahead = 0
        self.overlay = OverlayLayer(self)
        self.arbiter = GestureArbiter(self.screen_host, slop=self.theme.px(24))
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.arbiter)
            # Quiet the moment the kiosk quits (staff exit, SIGTERM), not only when the window closes:
            # speech-dispatcher would otherwise finish the sentence after the kiosk is gone.
            app.aboutToQuit.connect(self._quiet_at_quit)
        self._unsubscribe = state.subscribe(self._on_state_change)
        self._built_for: tuple[int, int, int, str] | None = None
        self._top_bar_hooks: list[Callable[[TopBar], None]] = []
        self.keyboard = KeyboardAccess(self, self._key_scope, lambda: self.current_screen, lambda: self.theme)
        self.screen_changed.connect(lambda _route: self.keyboard.screen_changed())
        self.rebuild()

    @property
    def pack(self) -> Pack:
        return self.navigator.pack

    def with_site(self, pack: Pack) -> Pack:
        """The pack as this clinic shows it: its placeholders filled with the site's details."""
        return fill_pack(pack, self.site.words_by_language(pack.languages))

    # --- building ----------------------------------------------------------------------------

    def rebuild(self) -> None:
        """Rebuild the bar and the current screen for the window size and the current state."""
        snapshot = self.state.current
        size = (max(1, self.width()), max(1, self.height()))
        palette = HIGH_CONTRAST if snapshot.high_contrast else self.palette_tokens
        self.theme = Theme.for_screen(*size, snapshot.text_size.value, palette)
        self.arbiter.slop = self.theme.px(24)
        self._built_for = (*size, snapshot.text_size.value, snapshot.language)
        self.forget_screens()  # built for the old size, text size, contrast, language or pack
        self.setStyleSheet(self.theme.stylesheet())
        bar = TopBar(
            self.theme,
            self.navigator,
            snapshot.language,
            can_read_aloud=self.read_aloud.available(snapshot.language),
        )
        if self.top_bar is None:
            self._layout.addWidget(bar)
            self._layout.addWidget(self.screen_host, 1)
        else:
            self._layout.replaceWidget(self.top_bar, bar)
            self.top_bar.hide()  # gone at once, not when the deferred delete runs
            self.top_bar.deleteLater()
        self.top_bar = bar
        add_language_switch(bar, self.navigator)
        for hook in self._top_bar_hooks:
            hook(bar)
        self.top_bar.show_state(snapshot)
        self._show_screen(snapshot)

    def add_top_bar_hook(self, hook: Callable[[TopBar], None]) -> None:
        """Call `hook(bar)` now and on every new top bar (it is rebuilt with the text size), e.g. to
        put the staff entry in it with `TopBar.set_staff_widget`."""
        self._top_bar_hooks.append(hook)
        if self.top_bar is not None:
            hook(self.top_bar)

    def set_pack(self, pack: Pack) -> None:
        """A new pack goes live (staff reload): its colours, Home, and every part rebuilt."""
        self.forget_screens()  # the old pack's screens, before the new pack's Home shows
        self.palette_tokens = with_overrides(
            Palette(), pack.manifest.theme.accent, pack.manifest.theme.background
        )
        self.navigator.set_pack(self.with_site(pack))
        _masks_for(pack)
        self.rebuild()

    def _show_screen(self, snapshot: Snapshot) -> None:
        route = snapshot.route
        screen = self.screens.take(route)
        if screen is not None:
            reset_screen(screen)
        else:
            try:
                screen = self._build_screen(snapshot, route)
            except KeyError as error:  # a route the pack does not have: start again from Home
                log.warning("cannot show %s (%s); going Home", route.name, error)
                self.navigator.go_home()
                return
        self.arbiter.forget()  # a touch that began on the old screen must not steer its widgets
        old, old_route = self.current_screen, self.current_route
        self.current_screen, self.current_route = screen, route
        if self.top_bar is not None:  # the start screen is the whole screen; one touch opens Home
            self.top_bar.setVisible(route.kind != "attract")
        focused = QApplication.focusWidget()
        if focused is not None and old is not None and old.isAncestorOf(focused):
            # As when the old screen was deleted: no focus is carried over (keyboard mode puts
            # it on the new screen's first control itself, `KeyboardAccess.screen_changed`).
            focused.clearFocus()
        if old is not None and old is not screen:
            # Only the screen showing is in the layout: kept screens wait hidden beside it, so
            # laying out the window never measures them.
            self._host_layout.removeWidget(old)
            old.hide()
        self._host_layout.addWidget(screen)
        screen.show()
        if old is not None and old is not screen and old_route is not None:
            self._drop(self.screens.put(old_route, old) if self._keep_current else [old])
        self._keep_current = True
        self.overlay.raise_()
        self.screen_changed.emit(route.name)
        if route.kind == "page":
            self._first_paint.watch(screen)

    def _build_screen(self, snapshot: Snapshot, route: Route) -> QWidget:
        """A new screen for `route`, a hidden child of the screen area until it is shown."""
        context = ScreenContext(
            self.pack,
            self.navigator,
            self.theme,
            snapshot.language,
            route,
            can_speak=self.read_aloud.available,
            site=self.site,
        )
        screen = build_screen(context)
        screen.hide()
        screen.setParent(self.screen_host)
        self._connect_spoken_cues(screen, snapshot.language)
        return screen

    def _drop(self, screens: list[QWidget]) -> None:
        for screen in screens:
            self._host_layout.removeWidget(screen)
            screen.hide()  # gone at once, not when the deferred delete runs
            screen.deleteLater()

    def forget_screens(self) -> None:
        """Drop every kept screen, and the one showing as soon as another replaces it: what screens
        show has changed (text size, contrast, language, pack, size), the next patient starts
        (idle reset), or a screen failed (the crash guard)."""
        self._drop(self.screens.clear())
        self._keep_current = False
        self._ahead = None  # what `prepare_ahead` had left to build is worked out afresh

    def _prepare_neighbours(self, screen: QWidget) -> None:
        """After a page's first paint, build the next page's screen, then the previous one's, one
        per pass of the event loop, so a tap in between is not kept waiting for both."""
        if screen is not self.current_screen or self.current_route is None:
            return
        snapshot = self.state.current
        for step in (+1, -1):
            route = self.navigator.neighbour(step, self.current_route)
            if route is None or route in self.screens:
                continue
            try:
                built = self._build_screen(snapshot, route)
            except KeyError:
                return
            built.ensurePolished()  # styled now, not in the frame that shows it
            self._drop(self.screens.put(route, built))
            QTimer.singleShot(0, self, lambda: self._prepare_neighbours(screen))
            return

    def prepare_ahead(self) -> None:
        """While the start screen shows, build Home and the screens of the topics on it (as many as
        the cache keeps), and draw each unseen, each a pass of the event loop of its own, so a
        touch in between is not kept waiting. Then draw one page of each kind (an article, a
        summary ...) unseen and let it go: the first of each kind a patient opens is no slower than
        the next, its code, its pictures, its fonts and Qt's first use of its widgets behind it.

        Called after the first paint and after each idle reset: the first taps of every visit then
        show built screens, and the kiosk's memory reaches its working size before a patient comes,
        not during the first visit. Nothing is built once a visit has started (its own neighbours
        are built as it goes); `prepared` is emitted when this is over. A screen that fails to build
        here is left to be built when a patient opens it, where the crash guard takes over: work
        done ahead never takes the start screen away."""
        if self.current_route is None or self.current_route.kind != "attract":
            self._ahead = None
            self.prepared.emit()
            return
        if self._ahead is None:
            self._ahead = self._screens_to_prepare()
        while self._ahead:
            route, keep = self._ahead.pop(0)
            if keep and route in self.screens:
                continue
            try:
                built = self._build_screen(self.state.current, route)
                built.ensurePolished()  # styled now, not in the frame that shows it
            except Exception:  # work done ahead never sets off the crash guard
                log.warning("%s not built ahead (it failed): built when opened", route.name, exc_info=True)
                continue
            if keep:
                self._drop(self.screens.put(route, built))
            QTimer.singleShot(0, self, partial(self._paint_ahead, built, keep))
            return
        self._ahead = None
        self.prepared.emit()

    def _paint_ahead(self, screen: QWidget, keep: bool) -> None:
        """Draw a screen built ahead unseen (unless a tap has shown it meanwhile), let go of it if
        it is not kept or its drawing failed, and go on with `prepare_ahead`."""
        still = self.current_route is not None and self.current_route.kind == "attract"
        if still and alive(screen) and not screen.isVisible():  # not once a visit has begun
            self.drawing_ahead, self.failures_ahead = True, 0
            try:
                _paint_unseen(screen, self.screen_host.size())
            except Exception:  # one PySide6 held until `render` returned (not from a paintEvent)
                self.failures_ahead += 1
                log.warning("a screen drawn ahead failed: built when opened", exc_info=True)
            finally:
                self.drawing_ahead = False
            if self.failures_ahead and keep:  # a patient who opens it gets it built afresh
                self.screens.forget(screen)
                keep = False
        if not keep and alive(screen):
            self._drop([screen])
        self.prepare_ahead()

    def failed_ahead(self) -> bool:
        """For the crash guard, on an unhandled error: True (and noted) when it came from a screen
        being drawn ahead, unseen, which is then let go instead of taking anyone Home."""
        if self.drawing_ahead:
            self.failures_ahead += 1
        return self.drawing_ahead

    def _screens_to_prepare(self) -> list[tuple[Route, bool]]:
        """(route, kept): Home and the first topics, kept; then the first page of each kind but the
        exercise demo, whose counters' font sizes would take Qt's font cache past the 4 MB above
        which it keeps a maintenance timer waking the kiosk."""
        topics = self.pack.manifest.topics
        kept = [HOME, *(Route("topic", topic=topic.id) for topic in topics[: self.screens.limit])]
        language = self.state.current.language
        first_of_kind: dict[str, Route] = {}
        for topic in topics:
            for page in topic.pages:
                kind = self.pack.page(page, language).kind
                if kind != EXERCISE_KIND:
                    first_of_kind.setdefault(kind, Route("page", topic=topic.id, page=page))
        return [(route, True) for route in kept] + [(route, False) for route in first_of_kind.values()]

    def _on_state_change(self, old: Snapshot, new: Snapshot) -> None:
        if (old.text_size, old.language, old.high_contrast) != (
            new.text_size,
            new.language,
            new.high_contrast,
        ):
            self.rebuild()
        elif old.route != new.route:
            if self.top_bar is not None:
                self.top_bar.show_state(new)
                # The system speech engine answers in the background after start-up.
                self.top_bar.read_aloud.setVisible(self.read_aloud.available(new.language))
            self._show_screen(new)
        elif self.top_bar is not None:
            self.top_bar.show_state(new)

    def _quiet_at_quit(self) -> None:
        self.read_aloud.close()

    def _connect_spoken_cues(self, screen: QWidget, language: str) -> None:
        """Widgets with a `spoken_cue` signal (the exercise player's steps) speak through read aloud."""
        for widget in screen.findChildren(QWidget):
            cue = getattr(widget, "spoken_cue", None)
            if isinstance(cue, SignalInstance):
                cue.connect(lambda text, language=language: self.read_aloud.say_now(text, language))

    def _on_speech_changed(self) -> None:
        """The speech engine became ready or was given up on: show or hide Read aloud now."""
        snapshot = self.state.current
        available = self.read_aloud.available(snapshot.language)
        if self.top_bar is not None:
            self.top_bar.read_aloud.setVisible(available)
        if not available and snapshot.read_aloud:
            self.state.update(read_aloud=False)
        elif snapshot.route.kind == "attract":  # it offers read aloud in each language
            self._show_screen(snapshot)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.overlay.setGeometry(self.rect())
        size = event.size()
        snapshot = self.state.current
        wanted = (size.width(), size.height(), snapshot.text_size.value, snapshot.language)
        if wanted != self._built_for:
            self.rebuild()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Keys for staff previewing on a desktop; they call the same commands as taps and swipes."""
        command = {
            Qt.Key.Key_Right: self.navigator.next_page,
            Qt.Key.Key_Left: self.navigator.previous_page,
            Qt.Key.Key_Backspace: self.navigator.back,
            Qt.Key.Key_Home: self.navigator.go_home,
            Qt.Key.Key_Plus: self.navigator.bigger_text,
            Qt.Key.Key_Minus: self.navigator.smaller_text,
        }.get(Qt.Key(event.key()))
        if command is None:
            super().keyPressEvent(event)
            return
        command()

    def _key_scope(self) -> QWidget:
        """Keys reach the dialog on the overlay while one shows, else the whole window."""
        current = self.overlay.current
        return current if current is not None and self.overlay.isVisible() else self

    def closeEvent(self, event: QCloseEvent) -> None:
        self.keyboard.close()
        self._unsubscribe()
        self.read_aloud.close()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.arbiter)
        super().closeEvent(event)

    # --- for tests, previews and the end-to-end log -------------------------------------------

    def tappables(self) -> list[tuple[str, QRect]]:
        """Every visible tappable as (name, rectangle on the screen), in reading order."""
        found: list[tuple[str, QRect]] = []
        for widget in self.findChildren(QAbstractButton):
            if widget.isVisible() and widget.isEnabled() and widget.property("tappable"):
                top_left = widget.mapToGlobal(widget.rect().topLeft())
                found.append(
                    (
                        widget.accessibleName() if widget.objectName() == "Card" else widget.objectName(),
                        QRect(top_left, widget.size()),
                    )
                )
                if widget.objectName() == "Card":
                    found[-1] = (str(widget.property("route") or widget.accessibleName()), found[-1][1])
        return found


def _paint_unseen(screen: QWidget, size: QSize) -> None:
    """Draw a hidden screen once into an image no one sees, at the size it will show at: its
    pictures are drawn and kept (`resources`), and Qt's glyph and style caches filled, now rather
    than in the frame of the tap that shows it. Safe because every `paintEvent` of the kiosk
    reports its errors at once (`paint_errors`) instead of leaving them pending in `render`."""
    screen.resize(size)
    layout = screen.layout()
    if layout is not None:
        layout.activate()
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    screen.render(image)


class _FirstPaint(QObject):
    """Calls `then(screen)` once, soon after `screen` has painted for the first time since it was
    shown: work that can wait (building the neighbouring pages) never delays the frame of a tap."""

    def __init__(self, then: Callable[[QWidget], None]) -> None:
        super().__init__()
        self.then = then
        self.screen: QWidget | None = None

    def watch(self, screen: QWidget) -> None:
        if alive(self.screen):  # a screen replaced before it ever painted may be deleted by now
            self.screen.removeEventFilter(self)  # type: ignore[union-attr]
        self.screen = screen
        screen.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.screen and event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            self.screen = None
            screen = watched
            QTimer.singleShot(0, self, lambda: self.then(screen))
        return False


PACK_ICON_WAIT_SECONDS = 5.0
"""How long a pack switch (at an idle moment, or by staff) waits for its new icons' masks; past
that, qtawesome draws them in this process (`icon_cache`)."""


def _masks_for(pack: Pack) -> None:
    """Have the new pack's topic icons drawn into the icon cache before its Home is built. A pack
    goes live at an idle reset or by staff, never under a patient's finger, so the interface may
    wait for the helper (about half a second; at most `PACK_ICON_WAIT_SECONDS`)."""
    from kiosk.ui.icon_cache import fill_and_wait

    fill_and_wait((topic.icon for topic in pack.manifest.topics), PACK_ICON_WAIT_SECONDS)
