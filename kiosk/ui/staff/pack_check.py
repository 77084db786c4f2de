"""Running `kiosk validate`'s checks in the background, so the staff panel stays responsive.

A large or hostile pack can take seconds to check. The check runs in a Python thread (it is plain
Python, which gives the GUI thread its turn many times a second); progress and the result come back
to the GUI thread as queued Qt signals. Closing the panel cancels the check at the next page.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    pass

log = logging.getLogger(__name__)


class _Cancelled(Exception):
    pass


class BackgroundCheck(QObject):
    """One check of a pack folder; connect to the signals, then `start()`."""

    progress = Signal(int, int)
    """(pages checked, pages in all)."""
    finished = Signal(object)
    """The `ValidationReport`."""
    failed = Signal(str)
    """The check itself broke; the reason is logged."""

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder
        self._cancel = threading.Event()
        self._done = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="pack-check", daemon=True)
        self._thread.start()

    def cancel(self) -> None:
        self._cancel.set()

    def is_done(self) -> bool:
        return self._done.is_set()

    def _run(self) -> None:
        from kiosk.content.validator import validate_pack  # the checks: not needed for the first frame

        try:
            report = validate_pack(self.folder, progress=self._report_progress)
        except _Cancelled:
            self._done.set()
            return
        except Exception as error:  # the panel must say something whatever the folder holds
            log.error("checking the pack failed: %s", error.__class__.__name__)
            self.failed.emit(error.__class__.__name__)
            self._done.set()
            return
        self.finished.emit(report)  # queued to the GUI thread before `is_done` says so
        self._done.set()

    def _report_progress(self, done: int, total: int) -> None:
        if self._cancel.is_set():
            raise _Cancelled
        self.progress.emit(done, total)


__all__ = ["BackgroundCheck"]
