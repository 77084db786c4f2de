"""Errors end up in a log file that cannot fill the disk, and an uncaught one leads back Home."""

from __future__ import annotations

import logging
import os
import stat
import sys
import threading
import time
from logging.handlers import RotatingFileHandler
from pathlib import Path

import pytest

from kiosk.session import logs
from kiosk.session.logs import configure_logging, install_exception_hook, printable


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

    def recover() -> str:
        recovered.append("home")
        return "returning to Home"

    restore = install_exception_hook(recover)
    try:
        try:
            raise RuntimeError("slot blew up")
        except RuntimeError:
            sys.excepthook(*sys.exc_info())  # what PySide6 does with an exception from a slot
    finally:
        restore()
    assert recovered == ["home"]
    [record] = [r for r in caplog.records if r.levelno == logging.CRITICAL]
    assert record.getMessage() == "unhandled exception; returning to Home"  # what was done about it
    assert record.exc_info is not None and str(record.exc_info[1]) == "slot blew up"


def test_a_failing_recovery_is_logged_too(caplog: pytest.LogCaptureFixture) -> None:
    def broken_recovery() -> str:
        raise ValueError("no window")

    restore = install_exception_hook(broken_recovery)
    try:
        sys.excepthook(RuntimeError, RuntimeError("first"), None)
    finally:
        restore()
    assert any("recovery after an unhandled exception failed" in r.message for r in caplog.records)
    [record] = [r for r in caplog.records if r.levelno == logging.CRITICAL]
    assert record.getMessage() == "unhandled exception; recovery failed"
    assert record.exc_info is not None and str(record.exc_info[1]) == "first"  # the error itself


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


@pytest.mark.usefixtures("restore_logging")
def test_the_log_is_private_to_the_kiosk_user(tmp_path: Path) -> None:
    folder = tmp_path / "state" / "log"
    log_file = configure_logging(folder, max_bytes=500, backup_count=2, to_stderr=False)
    assert log_file is not None
    for number in range(50):
        logging.getLogger("kiosk.test").warning("line %d", number)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    files = sorted(folder.iterdir())
    assert [p.name for p in files] == ["kiosk.log", "kiosk.log.1", "kiosk.log.2"]  # rotated ones too
    assert {stat.S_IMODE(p.stat().st_mode) for p in files} == {0o600}


@pytest.mark.usefixtures("restore_logging")
def test_an_existing_readable_log_is_made_private(tmp_path: Path) -> None:
    tmp_path.chmod(0o755)
    (tmp_path / "kiosk.log").write_text("old line\n")
    (tmp_path / "kiosk.log").chmod(0o644)
    configure_logging(tmp_path, to_stderr=False)
    assert stat.S_IMODE((tmp_path / "kiosk.log").stat().st_mode) == 0o600
    assert stat.S_IMODE(tmp_path.stat().st_mode) == 0o700


@pytest.mark.usefixtures("restore_logging")
def test_a_pipe_in_place_of_the_log_file_never_blocks(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "kiosk.log")
    assert configure_logging(tmp_path, to_stderr=False) is None  # refused at once, stderr only


@pytest.mark.usefixtures("restore_logging")
def test_a_full_log_disk_is_reported_in_one_line_a_minute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """/dev/full fails every write with ENOSPC, exactly like a full disk."""
    stderr = tmp_path / "stderr.txt"
    clock = [0.0]
    monkeypatch.setattr(logs, "REPORTER", logs.LoggingErrorReporter(clock=lambda: clock[0]))
    configure_logging(tmp_path, to_stderr=False)
    [handler] = [h for h in logging.getLogger().handlers if isinstance(h, logs.PrivateRotatingFileHandler)]
    handler.stream.close()
    handler.stream = open("/dev/full", "a", encoding="utf-8")  # noqa: SIM115
    with stderr.open("w") as captured:
        monkeypatch.setattr(sys, "__stderr__", captured)
        for number in range(100):
            logging.getLogger("kiosk.test").warning("line %d", number)
        clock[0] = 61.0
        logging.getLogger("kiosk.test").warning("a minute later")
    lines = stderr.read_text().splitlines()
    assert len(lines) == 2, lines
    assert "No space left on device" in lines[0] and "kiosk.log" in lines[0]
    assert "99 more failures" in lines[1]


def journal_lines(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, journal: bool) -> list[str]:
    stream_path = tmp_path / "stderr.txt"
    with stream_path.open("w") as stream:
        info = os.fstat(stream.fileno())
        inode = info.st_ino if journal else info.st_ino + 1  # +1: stderr was redirected elsewhere
        monkeypatch.setenv("JOURNAL_STREAM", f"{info.st_dev}:{inode}")
        monkeypatch.setattr(sys, "stderr", stream)
        configure_logging(tmp_path / "logs")
        log = logging.getLogger("kiosk.test")
        log.info("kiosk ready")
        log.error("pack refused")
        try:
            raise ValueError("boom")
        except ValueError:
            log.exception("recovered")
        stream.flush()
    return stream_path.read_text().splitlines()


@pytest.mark.usefixtures("restore_logging")
def test_under_systemd_lines_carry_a_priority_and_no_timestamp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = journal_lines(tmp_path, monkeypatch, journal=True)
    assert lines[:3] == [
        "<6>kiosk.test: kiosk ready",
        "<3>kiosk.test: pack refused",
        "<3>kiosk.test: recovered",
    ]
    assert all(line.startswith("<3>") for line in lines[3:]) and "ValueError: boom" in lines[-1]
    # The file keeps its own timestamps: it is read without the journal.
    assert (tmp_path / "logs" / "kiosk.log").read_text().startswith(time.strftime("%Y-"))


@pytest.mark.usefixtures("restore_logging")
def test_a_journal_stream_that_is_not_our_stderr_is_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = journal_lines(tmp_path, monkeypatch, journal=False)
    assert lines[0].startswith(time.strftime("%Y-")) and lines[0].endswith("INFO kiosk.test: kiosk ready")


def test_printable_escapes_what_could_forge_a_line_or_drive_a_terminal() -> None:
    assert printable("Dolor de espalda ñ") == "Dolor de espalda ñ"
    assert printable("x\nERROR fake line\x1b[2J\u2028") == "x\\nERROR fake line\\x1b[2J\\u2028"
