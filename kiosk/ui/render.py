"""Rendering every screen of a pack to images: for `kiosk screenshots` and for layout tests."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from kiosk.content.escape import escape
from kiosk.content.pack import Pack
from kiosk.session.site import SiteDetails
from kiosk.session.state import HOME, AppState, Route, Snapshot, TextSize
from kiosk.ui.app import application
from kiosk.ui.main_window import MainWindow
from kiosk.ui.speech import Speaker
from kiosk.ui.widgets import Picture

log = logging.getLogger(__name__)


def all_routes(pack: Pack) -> Iterator[Route]:
    """Home, then each topic followed by its pages, in display order."""
    yield HOME
    for topic in pack.manifest.topics:
        yield Route("topic", topic=topic.id)
        for page_id in topic.pages:
            yield Route("page", topic=topic.id, page=page_id)


def settle() -> None:
    """Let layouts and deferred deletions run, so the window shows what it will show."""
    for _ in range(3):
        QApplication.processEvents()
        QApplication.sendPostedEvents()


def _quiet_offscreen_notes(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """The offscreen platform notes that it cannot size windows to hints; that is expected here."""
    if "propagateSizeHints" not in message:
        sys.stderr.write(message + "\n")


def review_window(
    pack: Pack,
    size: tuple[int, int],
    text_percent: int,
    language: str | None,
    site: SiteDetails | None = None,
    speaker: Speaker | None = None,
) -> tuple[AppState, MainWindow]:
    """A shown kiosk window at `size` for rendering screens, with its own fresh state; `site` is
    the clinic whose details fill the pages (default: none set, so the general phrases show).
    It returns once the voice engine is ready or given up on, so every render shows Read aloud
    as the kiosk would."""
    application()
    state = AppState(Snapshot(text_size=TextSize(text_percent), language=language or pack.default_language))
    window = MainWindow(state, pack, site=site, speaker=speaker)
    window.resize(*size)
    window.show()
    _wait_for_speech(window)
    return state, window


SPEECH_WAIT_SECONDS = 10.0
"""How long a review render waits for the voice engine, so Read aloud shows (or not) as it would on
the kiosk a moment after start, not depending on how quickly the engine answered."""


def _wait_for_speech(window: MainWindow) -> None:
    wait = getattr(window.read_aloud.speaker, "wait_until_started", None)
    if callable(wait):
        wait(SPEECH_WAIT_SECONDS)
        settle()  # the window hears that the engine is ready and shows Read aloud


def render_all_screens(
    pack: Pack,
    out: Path,
    size: tuple[int, int],
    text_percent: int,
    name_for: Callable[[str], str],
    language: str | None = None,
    site: SiteDetails | None = None,
) -> list[str]:
    """Save one PNG per route into `out`, in `language` (default: the pack's first); returns a
    description of every screen that failed."""
    qInstallMessageHandler(_quiet_offscreen_notes)
    out.mkdir(parents=True, exist_ok=True)
    state, window = review_window(pack, size, text_percent, language, site)
    failures: list[str] = []
    try:
        for route in all_routes(pack):
            state.update(route=route)
            settle()
            if window.state.current.route != route:
                failures.append(f"{route.name}: the screen could not be shown")
                continue
            image = window.grab()
            broken = [escape(p.path.name) for p in window.findChildren(Picture) if p.isVisible() and p.failed]
            target = out / name_for(route.name)
            if image.isNull() or not image.save(str(target)):
                failures.append(f"{route.name}: could not write {target}")
            elif broken:
                failures.append(f"{route.name}: pictures not drawn: {', '.join(broken)}")
            else:
                log.info("wrote %s", target)
    finally:
        window.close()
        window.deleteLater()
        settle()
        qInstallMessageHandler(None)
    return failures
