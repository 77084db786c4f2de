"""`kiosk run --pack DIR --windowed --watch`: the preview follows the pack folder as staff edit it.

Every folder and file of the pack is watched; a save (many editors save by writing a new file and
renaming it, so the watch list is rebuilt after each change) reloads the pack after a short quiet
moment. A pack with errors is not shown: its problems are logged with file and line, and the
preview keeps the last version that loaded. The patient's place (route and history) is kept when
the new version still has that page.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from kiosk.store.text import printable
from kiosk.ui.main_window import MainWindow

log = logging.getLogger(__name__)

QUIET_MS = 300
MAX_WATCHED = 2_000


class PreviewReloader(QObject):
    reloaded = Signal(bool)
    """After each reload attempt: True when the new version is showing, False when it was refused."""

    def __init__(self, window: MainWindow, folder: Path, quiet_ms: int = QUIET_MS) -> None:
        super().__init__(window)
        self.window = window
        self.folder = folder
        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(self._changed)
        self.watcher.fileChanged.connect(self._changed)
        self.quiet = QTimer(self)
        self.quiet.setSingleShot(True)
        self.quiet.setInterval(quiet_ms)
        self.quiet.timeout.connect(self.reload)
        self._watch_all()
        log.info("watching %s: the preview reloads on every save", printable(folder))

    def _watch_all(self) -> None:
        paths: list[str] = []
        for current, subfolders, names in os.walk(self.folder, followlinks=False):
            subfolders[:] = [name for name in subfolders if not name.startswith(".")]
            paths.append(current)
            paths.extend(str(Path(current) / name) for name in names if not name.startswith("."))
            if len(paths) > MAX_WATCHED:
                break
        old = self.watcher.files() + self.watcher.directories()
        if old:
            self.watcher.removePaths(old)
        self.watcher.addPaths(paths[:MAX_WATCHED])

    def _changed(self, _path: str) -> None:
        self.quiet.start()

    def reload(self) -> None:
        self._watch_all()
        from kiosk.content.loader import load_pack  # the checks: only once the folder changes

        result = load_pack(self.folder)
        for problem in result.problems:
            (log.error if problem.is_error else log.warning)("%s", printable(problem.format()))
        if result.pack is None:
            log.error(
                "preview: the pack has %d error(s); still showing the last version that loaded",
                len(result.errors),
            )
            self.reloaded.emit(False)
            return
        snapshot = self.window.state.current
        self.window.set_pack(result.pack)
        self.window.state.update(route=snapshot.route, history=snapshot.history)
        log.info("preview: reloaded %s %s", result.pack.id, result.pack.manifest.version)
        self.reloaded.emit(True)

    def stop(self) -> None:
        self.quiet.stop()
        old = self.watcher.files() + self.watcher.directories()
        if old:
            self.watcher.removePaths(old)
