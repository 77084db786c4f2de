"""Logging to a rotating file, and a last-resort handler for exceptions nobody caught.

An unattended kiosk has nobody to read a traceback on screen, so everything goes to a log file
that cannot grow without bound (1 MB x 5 by default) and to standard error, which systemd keeps in
the journal. The exception hook is Qt-free: PySide6 hands exceptions raised in slots to
`sys.excepthook`, and the UI passes an `on_error` callback that takes the patient back to Home.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from kiosk.session.paths import LOG_FILE_NAME, log_dir

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
MAX_LOG_BYTES = 1_000_000
LOG_BACKUPS = 5

_log = logging.getLogger(__name__)
_HANDLER_MARK = "_clinic_kiosk_handler"


def configure_logging(
    folder: Path | None = None,
    *,
    level: int = logging.INFO,
    max_bytes: int = MAX_LOG_BYTES,
    backup_count: int = LOG_BACKUPS,
    to_stderr: bool = True,
) -> Path | None:
    """Send the `kiosk` loggers to `folder/kiosk.log` (rotating) and to stderr.

    Safe to call again (handlers are replaced, not added twice). Returns the log file, or None when
    the folder cannot be written, in which case logging still goes to stderr and nothing fails.
    """
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, _HANDLER_MARK, False)]:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(level)
    formatter = logging.Formatter(LOG_FORMAT)
    handlers: list[logging.Handler] = []
    if to_stderr:
        handlers.append(logging.StreamHandler(sys.stderr))
    log_file: Path | None = (folder or log_dir()) / LOG_FILE_NAME
    problem: OSError | None = None
    try:
        assert log_file is not None
        log_file.parent.mkdir(parents=True, exist_ok=True)
        handlers.append(
            RotatingFileHandler(log_file, maxBytes=max_bytes, backupCount=backup_count, encoding="utf-8")
        )
    except OSError as error:
        problem, log_file = error, None
    for handler in handlers:
        handler.setFormatter(formatter)
        setattr(handler, _HANDLER_MARK, True)
        root.addHandler(handler)
    if problem is not None:
        _log.warning("cannot write the log file, logging to stderr only: %s", problem)
    return log_file


def printable(text: str) -> str:
    """`text` with every control or invisible character written as an escape (`\\x1b`, `\\n`).

    Pack ids, page names and file names come from files staff (or anyone) wrote; printed as they
    are, a newline could forge a log line and an escape sequence could drive the terminal.
    Accented letters and other printable characters stay as they are.
    """
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() else repr(char)[1:-1] for char in text)


ErrorCallback = Callable[[], None]


def install_exception_hook(on_error: ErrorCallback | None = None) -> Callable[[], None]:
    """Log every uncaught exception (main and worker threads), then call `on_error`.

    The process keeps running: a kiosk that recovers to Home is better than a restart, and a
    restart (by systemd) is better than a dialog nobody will dismiss. Returns a function that puts
    the previous hooks back (for tests).
    """
    previous_hook, previous_thread_hook = sys.excepthook, threading.excepthook

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            previous_hook(kind, error, trace)
            return
        _log.critical("unhandled exception; returning to Home", exc_info=(kind, error, trace))
        if on_error is not None:
            try:
                on_error()
            except Exception:
                _log.exception("recovery after an unhandled exception failed as well")

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        _log.error(
            "unhandled exception in thread %s",
            args.thread.name if args.thread else "?",
            exc_info=(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback),
        )

    sys.excepthook = hook
    threading.excepthook = thread_hook

    def restore() -> None:
        sys.excepthook, threading.excepthook = previous_hook, previous_thread_hook

    return restore
