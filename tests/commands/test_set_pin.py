"""`kiosk set-pin` saves a salted hash of the PIN, never the PIN, where the kiosk will read it."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.session.pin import verify_pin
from kiosk.session.settings import load_settings


@pytest.fixture
def dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("KIOSK_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path / "data"))
    return tmp_path


def set_pin_from_stdin(monkeypatch: pytest.MonkeyPatch, text: str) -> int:
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))
    return main(["set-pin", "--stdin"])


def run_kiosk(
    folder: Path, *arguments: str, stdin: str | None = None, timeout: int = 120
) -> subprocess.CompletedProcess[str]:
    """`kiosk ARGUMENTS` in a process of its own, with its settings and data in `folder`."""
    env = {**os.environ, "KIOSK_CONFIG_DIR": str(folder), "KIOSK_DATA_DIR": str(folder)}
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *arguments],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
        check=False,
    )


def test_end_to_end_in_a_real_process(tmp_path: Path) -> None:
    done = run_kiosk(tmp_path, "set-pin", "--stdin", stdin="2580\n")
    assert done.returncode == 0, done.stderr
    config = tmp_path / "kiosk.toml"
    assert str(config) in done.stdout
    text = config.read_text()
    assert "2580" not in text
    loaded = load_settings(config)
    assert loaded.problems == ()
    assert not loaded.setup_mode
    assert loaded.settings.pin_hash is not None and verify_pin("2580", loaded.settings.pin_hash)


def test_existing_settings_and_comments_are_kept(dirs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = dirs / "config" / "kiosk.toml"
    config.parent.mkdir()
    config.write_text("# Room 4\nidle_seconds = 120\n")
    assert set_pin_from_stdin(monkeypatch, "739146\n") == 0
    assert config.read_text().startswith("# Room 4\n")
    assert tomllib.loads(config.read_text())["idle_seconds"] == 120


def test_a_new_pin_replaces_the_old_one(dirs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert set_pin_from_stdin(monkeypatch, "2580\n") == 0
    assert set_pin_from_stdin(monkeypatch, "739146\n") == 0
    pin_hash = load_settings().settings.pin_hash
    assert pin_hash is not None
    assert verify_pin("739146", pin_hash) and not verify_pin("2580", pin_hash)


def test_setting_a_pin_lifts_a_lockout(dirs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lockout = dirs / "data" / "pin-lockout.json"
    lockout.parent.mkdir()
    lockout.write_text('{"failures": 5, "locked_until": 9999999999}')
    assert set_pin_from_stdin(monkeypatch, "2580\n") == 0
    assert not lockout.exists()


@pytest.mark.parametrize(
    ("typed", "says"), [("12\n", "4 to 8 digits"), ("1234\n", "too easy"), ("\n", "digits")]
)
def test_an_unusable_pin_is_refused_and_nothing_saved(
    dirs: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], typed: str, says: str
) -> None:
    assert set_pin_from_stdin(monkeypatch, typed) == 1
    assert says in capsys.readouterr().err
    assert not (dirs / "config" / "kiosk.toml").exists()


def test_a_broken_settings_file_is_left_alone(
    dirs: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    config = dirs / "config" / "kiosk.toml"
    config.parent.mkdir()
    config.write_text("idle_seconds = 90\nscreen = \n")
    assert set_pin_from_stdin(monkeypatch, "2580\n") == 1
    assert f"{config}:2" in capsys.readouterr().err
    assert config.read_text() == "idle_seconds = 90\nscreen = \n"


def test_at_a_terminal_the_pin_is_asked_twice(
    dirs: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = iter(["2580", "2580"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    assert main(["set-pin"]) == 0
    assert "saved" in capsys.readouterr().out


def test_two_different_answers_set_nothing(
    dirs: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = iter(["2580", "2589"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    assert main(["set-pin"]) == 1
    assert "differ" in capsys.readouterr().err
    assert load_settings().setup_mode


def test_a_named_pipe_at_the_settings_path_is_refused_at_once(tmp_path: Path) -> None:
    """Opening a FIFO to read it waits for a writer for ever; set-pin must say why it cannot save."""
    os.mkfifo(tmp_path / "kiosk.toml")
    done = run_kiosk(tmp_path, "set-pin", "--stdin", stdin="2580\n", timeout=60)  # a regression blocks here
    assert done.returncode == 1
    assert "kiosk.toml is a named pipe (FIFO), not a regular file" in done.stderr
    assert "Could not save the PIN" in done.stderr and "nothing was changed" in done.stderr
    assert (tmp_path / "kiosk.toml").is_fifo()  # left as it was, not replaced


def test_other_commands_read_past_a_named_pipe_with_a_warning(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "kiosk.toml")
    done = run_kiosk(tmp_path, "packs", timeout=60)
    assert done.returncode == 0, done.stderr
    assert "warning: settings:" in done.stderr and "is a named pipe (FIFO), not a regular file" in done.stderr
