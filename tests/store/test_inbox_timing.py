"""The inbox's timings come from the settings: how long a pack must stay unchanged before it is
taken (`inbox_settle_seconds`), for `kiosk inbox` as for the running kiosk."""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.session.paths import settings_file
from kiosk.session.settings import load_settings


def inbox_with_a_pack_changed_ago(
    pack_at: Callable[..., Path], tmp_path: Path, seconds: float, settings: str
) -> Path:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    source = pack_at("1.5.0")
    shutil.make_archive(str(inbox / "mini-1.5.0"), "zip", source.parent, source.name)
    moment = time.time() - seconds
    os.utime(inbox / "mini-1.5.0.zip", (moment, moment))
    settings_file().parent.mkdir(parents=True, exist_ok=True)
    settings_file().write_text(f'inbox = "{inbox}"\n{settings}', encoding="utf-8")
    return inbox


def test_the_settings_give_the_inbox_timings() -> None:
    settings_file().parent.mkdir(parents=True, exist_ok=True)
    settings_file().write_text("inbox_check_seconds = 120\ninbox_settle_seconds = 45\n", encoding="utf-8")
    loaded = load_settings()
    assert loaded.problems == ()
    assert (loaded.settings.inbox_check_seconds, loaded.settings.inbox_settle_seconds) == (120, 45)


def test_a_longer_settle_time_leaves_a_recent_pack_for_later_and_says_so(
    pack_at: Callable[..., Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inbox = inbox_with_a_pack_changed_ago(pack_at, tmp_path, 30, "inbox_settle_seconds = 120\n")
    assert main(["inbox"]) == 0
    out = capsys.readouterr().out
    assert "inbox: mini-1.5.0.zip: still arriving (changed in the last 120 s); left for later" in out
    assert "nothing waiting" not in out
    assert (inbox / "mini-1.5.0.zip").is_file()

    assert main(["inbox", "--now"]) == 0
    assert "installed mini 1.5.0" in capsys.readouterr().out


def test_a_shorter_settle_time_takes_a_pack_sooner(
    pack_at: Callable[..., Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inbox = inbox_with_a_pack_changed_ago(pack_at, tmp_path, 5, "inbox_settle_seconds = 2\n")
    assert main(["inbox"]) == 0
    assert "installed mini 1.5.0" in capsys.readouterr().out
    assert (inbox / "installed" / "mini-1.5.0.zip").is_file()


def test_a_bad_timing_is_reported_with_its_line_and_the_default_is_used(
    pack_at: Callable[..., Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inbox_with_a_pack_changed_ago(pack_at, tmp_path, 5, "inbox_settle_seconds = 100000\n")
    assert main(["inbox"]) == 0
    captured = capsys.readouterr()
    assert f"kiosk inbox: warning: settings: {settings_file()}:2: inbox_settle_seconds" in captured.err
    assert "using the default 10" in captured.err
    assert "still arriving (changed in the last 10 s)" in captured.out
