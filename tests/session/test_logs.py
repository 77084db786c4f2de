"""Errors end up in a log file that cannot fill the disk, and an uncaught one leads back Home."""

from __future__ import annotations

import logging
import sys
import threading
from logging.handlers import RotatingFileHandler
from pathlib import Path

import pytest

from kiosk.session.logs import configure_logging, install_exception_hook


@pytest.mark.usefixtures("restore_logging")
def test_log_goes_to_a_rotating_file_in_the_log_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KIOSK_LOG_DIR", str(tmp_path / "logs"))
    log_file = configure_logging(to_stderr=False)
    assert log_file == tmp_path / "logs" / "kiosk.log"
    configure_logging(to_stderr=False)  # a second call does not double every line
    logging.getLogger("kiosk.test").warning("pack refused")
    [handler] = [h for h in logging.getLogger().handlers if isinstance(h, RotatingFileHandler)]
    assert (handler.maxBytes, handler.backupCount) == (1_000_000, 5)
    handler.flush()
    assert log_file.read_text().count("pack refused") == 1


@pytest.mark.usefixtures("restore_logging")
def test_log_rotates_instead_of_growing(tmp_path: Path) -> None:
    log_file = configure_logging(tmp_path, max_bytes=2_000, backup_count=2, to_stderr=False)
    assert log_file is not None
    for number in range(200):
        logging.getLogger("kiosk.test").warning("line %d of a long day", number)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["kiosk.log", "kiosk.log.1", "kiosk.log.2"]
    assert all(p.stat().st_size <= 2_100 for p in tmp_path.iterdir())


@pytest.mark.usefixtures("restore_logging")
def test_an_unwritable_log_folder_is_not_fatal(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert configure_logging(blocker / "logs", to_stderr=False) is None


def test_uncaught_exception_is_logged_and_recovery_runs(caplog: pytest.LogCaptureFixture) -> None:
    recovered: list[str] = []
    restore = install_exception_hook(lambda: recovered.append("home"))
    try:
        try:
            raise RuntimeError("slot blew up")
        except RuntimeError:
            sys.excepthook(*sys.exc_info())  # what PySide6 does with an exception from a slot
    finally:
        restore()
    assert recovered == ["home"]
    [record] = [r for r in caplog.records if r.levelno == logging.CRITICAL]
    assert record.exc_info is not None and str(record.exc_info[1]) == "slot blew up"


def test_a_failing_recovery_is_logged_too(caplog: pytest.LogCaptureFixture) -> None:
    def broken_recovery() -> None:
        raise ValueError("no window")

    restore = install_exception_hook(broken_recovery)
    try:
        sys.excepthook(RuntimeError, RuntimeError("first"), None)
    finally:
        restore()
    assert any("recovery" in r.message for r in caplog.records)


def test_thread_exceptions_are_logged(caplog: pytest.LogCaptureFixture) -> None:
    restore = install_exception_hook()
    try:

        def fail() -> None:
            raise RuntimeError("writer died")

        thread = threading.Thread(target=fail, name="worker")
        thread.start()
        thread.join()
    finally:
        restore()
    assert any("thread worker" in r.message for r in caplog.records)
