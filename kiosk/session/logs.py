"""Logging to a private rotating file and to stderr, and a last-resort handler for uncaught errors.

An unattended kiosk has nobody to read a traceback on screen, so everything goes to a log file
that cannot grow without bound (1 MB x 5 by default) and to standard error, which systemd keeps in
the journal. What is logged at INFO is chosen for privacy: starts, pack changes, staff actions and
errors, never the pages a patient opens (those are DEBUG, for previews and tests). The file is
created 0600 in a 0700 folder, so other users of the machine cannot read it.

Under systemd (`JOURNAL_STREAM` names our stderr) lines carry a `<N>` syslog priority and no
timestamp of their own: the journal adds both, and shows errors as errors.

A log that cannot be written (full disk) must not flood stderr with a traceback per record:
failures are reported in one line, at most once a minute.

The exception hook is Qt-free: PySide6 hands exceptions raised in slots to `sys.excepthook`, and
the UI passes an `on_error` callback that takes the patient back to Home (or lets go of a screen
drawn ahead, or shows the front-desk screen) and says which, for the log line.
"""

from __future__ import annotations

import io
import logging
import os
import stat
import sys
import threading
import time
from collections.abc import Callable, Mapping
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType
from typing import IO

from kiosk.session.paths import LOG_FILE_NAME, log_dir

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
JOURNAL_FORMAT = "%(name)s: %(message)s"
MAX_LOG_BYTES = 1_000_000
LOG_BACKUPS = 5
ERROR_REPORT_SECONDS = 60.0

_log = logging.getLogger(__name__)
_HANDLER_MARK = "_clinic_kiosk_handler"
_SYSLOG_PRIORITY = {logging.CRITICAL: 2, logging.ERROR: 3, logging.WARNING: 4, logging.INFO: 6}


class LoggingErrorReporter:
    """Says that logging fails, in one line on stderr, at most once per `every_seconds`."""

    def __init__(
        self, every_seconds: float = ERROR_REPORT_SECONDS, clock: Callable[[], float] = time.monotonic
    ):
        self.every_seconds = every_seconds
        self.clock = clock
        self._last: float | None = None
        self._missed = 0

    def report(self, where: str) -> None:
        now = self.clock()
        if self._last is not None and now - self._last < self.every_seconds:
            self._missed += 1
            return
        error = sys.exc_info()[1]
        missed = f" ({self._missed} more failures since the last report)" if self._missed else ""
        line = (
            f"kiosk: cannot write the log to {where}: {error}{missed}; "
            f"the next failure is reported in {self.every_seconds:.0f} s at the earliest\n"
        )
        self._last, self._missed = now, 0
        stream = sys.__stderr__
        try:
            if stream is not None:
                stream.write(line)
                stream.flush()
        except (OSError, ValueError):
            pass  # stderr itself is gone: nothing more can be said


REPORTER = LoggingErrorReporter()


class QuietStreamHandler(logging.StreamHandler):  # type: ignore[type-arg]
    def handleError(self, record: logging.LogRecord) -> None:
        REPORTER.report("standard error")


class PrivateRotatingFileHandler(RotatingFileHandler):
    """A rotating log whose files are created 0600, that refuses a pipe or device in its place
    (opening a named pipe for writing would wait for a reader for ever), and whose write errors
    are rate-limited."""

    def _open(self) -> io.TextIOWrapper:
        flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
        fd = os.open(self.baseFilename, flags, 0o600)
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                raise OSError(f"{self.baseFilename} is not a regular file")
            if info.st_mode & 0o077:
                os.fchmod(fd, 0o600)
            os.set_blocking(fd, True)
        except BaseException:
            os.close(fd)
            raise
        return open(fd, "a", encoding=self.encoding or "utf-8", errors=self.errors)

    def handleError(self, record: logging.LogRecord) -> None:
        REPORTER.report(self.baseFilename)

    def flush(self) -> None:
        try:
            super().flush()
        except OSError:
            REPORTER.report(self.baseFilename)

    def close(self) -> None:
        try:
            super().close()
        except OSError:  # the last buffered lines cannot be written either; the file is closed
            REPORTER.report(self.baseFilename)


class JournalFormatter(logging.Formatter):
    """`<3>kiosk.run: message`: the journal reads the priority and adds the time itself."""

    def __init__(self) -> None:
        super().__init__(JOURNAL_FORMAT)

    def format(self, record: logging.LogRecord) -> str:
        priority = next((p for level, p in _SYSLOG_PRIORITY.items() if record.levelno >= level), 7)
        return "\n".join(f"<{priority}>{line}" for line in super().format(record).splitlines() or [""])


def stderr_is_journal(environ: Mapping[str, str] | None = None, stream: IO[str] | None = None) -> bool:
    """True when systemd connected our stderr to the journal (`JOURNAL_STREAM` is its device:inode)."""
    value = (os.environ if environ is None else environ).get("JOURNAL_STREAM", "")
    stream = sys.stderr if stream is None else stream
    try:
        device, inode = (int(part) for part in value.split(":"))
        info = os.fstat(stream.fileno())
    except (ValueError, OSError, AttributeError):
        return False
    return (info.st_dev, info.st_ino) == (device, inode)


def _private_folder(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    if folder.stat().st_mode & 0o077:
        folder.chmod(0o700)


def configure_logging(
    folder: Path | None = None,
    *,
    level: int = logging.INFO,
    max_bytes: int = MAX_LOG_BYTES,
    backup_count: int = LOG_BACKUPS,
    to_stderr: bool = True,
) -> Path | None:
    """Send the `kiosk` loggers to `folder/kiosk.log` (rotating, private) and to stderr.

    Safe to call again (handlers are replaced, not added twice). Returns the log file, or None when
    the folder cannot be written, in which case logging still goes to stderr and nothing fails.
    """
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, _HANDLER_MARK, False)]:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(level)
    handlers: list[logging.Handler] = []
    if to_stderr:
        stream_handler = QuietStreamHandler(sys.stderr)
        journal = stderr_is_journal()
        stream_handler.setFormatter(JournalFormatter() if journal else logging.Formatter(LOG_FORMAT))
        handlers.append(stream_handler)
    log_file: Path | None = (folder or log_dir()) / LOG_FILE_NAME
    problem: OSError | None = None
    try:
        assert log_file is not None
        _private_folder(log_file.parent)
        file_handler = PrivateRotatingFileHandler(
            log_file, maxBytes=max_bytes, backupCount=backup_count, encoding="utf-8"
        )
        file_handler.setFormatter(logging.Formatter(LOG_FORMAT))
        handlers.append(file_handler)
    except OSError as error:
        problem, log_file = error, None
    for handler in handlers:
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


ErrorCallback = Callable[[], str]
"""Called for each unhandled exception; says what the kiosk does about it ("returning to Home")."""


def install_exception_hook(on_error: ErrorCallback | None = None) -> Callable[[], None]:
    """Log every uncaught exception (main and worker threads), with what `on_error` does about it.

    The process keeps running: a kiosk that recovers to Home is better than a restart, and a
    restart (by systemd) is better than a dialog nobody will dismiss. `on_error` only decides and
    schedules the recovery, so it runs before the line is logged, and the line says what it chose
    (a screen drawn ahead that failed is let go, and nobody is taken Home). Returns a function that
    puts the previous hooks back (for tests).
    """
    previous_hook, previous_thread_hook = sys.excepthook, threading.excepthook

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            previous_hook(kind, error, trace)
            return
        outcome = ""
        if on_error is not None:
            try:
                outcome = on_error()
            except Exception:
                _log.exception("recovery after an unhandled exception failed as well")
                outcome = "recovery failed"
        message = f"unhandled exception; {outcome}" if outcome else "unhandled exception"
        _log.critical(message, exc_info=(kind, error, trace))

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
