"""Settings come from kiosk.toml; a bad file is reported by file and line and never stops the kiosk."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from kiosk.session.pin import hash_pin
from kiosk.session.settings import Settings, SettingsError, load_settings, save_setting

REPO_ROOT = Path(__file__).resolve().parents[2]
PIN_HASH = hash_pin("2580")


@pytest.fixture
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("KIOSK_CONFIG_DIR", str(tmp_path))
    return tmp_path / "kiosk.toml"


def test_no_file_means_defaults_and_setup_mode(config: Path) -> None:
    loaded = load_settings()
    assert loaded.path == config
    assert loaded.problems == ()
    assert loaded.settings == Settings()
    assert (loaded.settings.idle_seconds, loaded.settings.warning_seconds) == (90, 20)
    assert loaded.setup_mode


def test_a_complete_file_is_read(config: Path) -> None:
    config.write_text(
        "# front desk kiosk\n"
        "idle_seconds = 120\n"
        "warning_seconds = 30\n"
        'pack = "packs/current"\n'
        'default_language = "es"\n'
        'screen = "HDMI-1"\n'
        f'pin_hash = "{PIN_HASH}"\n',
        encoding="utf-8",
    )
    loaded = load_settings()
    assert loaded.problems == ()
    settings = loaded.settings
    assert (settings.idle_seconds, settings.warning_seconds) == (120, 30)
    assert settings.pack == (config.parent / "packs" / "current").resolve()
    assert (settings.default_language, settings.screen, settings.pin_hash) == ("es", "HDMI-1", PIN_HASH)
    assert not loaded.setup_mode


def test_the_shipped_example_file_is_valid() -> None:
    loaded = load_settings(REPO_ROOT / "deploy" / "kiosk.toml.example")
    assert loaded.problems == ()
    assert loaded.settings.idle_seconds == 90


def test_broken_toml_names_file_and_line_and_falls_back_to_defaults(config: Path) -> None:
    config.write_text(f'idle_seconds = 120\npin_hash = "{PIN_HASH}"\nwarning_seconds = = 30\n')
    loaded = load_settings()
    assert loaded.settings == Settings()
    [problem] = loaded.problems
    assert str(problem).startswith(f"{config}:3: not valid TOML")
    # The PIN could not be read: staff entry stays closed rather than opening in setup mode.
    assert not loaded.setup_mode


def test_a_wrong_type_loses_only_that_setting(config: Path) -> None:
    config.write_text(f'warning_seconds = 30\nidle_seconds = "soon"\npin_hash = "{PIN_HASH}"\n')
    loaded = load_settings()
    assert loaded.settings.idle_seconds == 90
    assert loaded.settings.warning_seconds == 30
    assert loaded.settings.pin_hash == PIN_HASH
    [problem] = loaded.problems
    assert problem.line == 2
    assert "idle_seconds" in problem.message and "'soon'" in problem.message
    assert "using the default 90" in problem.message


@pytest.mark.parametrize(
    ("line", "key", "default"),
    [
        ("idle_seconds = 5", "idle_seconds", 90),
        ("idle_seconds = 100000", "idle_seconds", 90),
        ("warning_seconds = 10", "warning_seconds", 20),  # WCAG 2.2.1 wants at least 20 s
        ('default_language = "English"', "default_language", "en"),
    ],
)
def test_out_of_range_values_are_reported_and_replaced(
    config: Path, line: str, key: str, default: object
) -> None:
    config.write_text(f"# settings\n{line}\n")
    loaded = load_settings()
    assert getattr(loaded.settings, key) == default
    [problem] = loaded.problems
    assert (problem.line, key in problem.message) == (2, True)


def test_unknown_keys_are_reported_so_typos_are_found(config: Path) -> None:
    config.write_text("idle_second = 60\n")
    loaded = load_settings()
    [problem] = loaded.problems
    assert problem.line == 1
    assert "unknown setting 'idle_second'" in problem.message
    assert "idle_seconds" in problem.message  # the list of known names shows the right spelling


def test_a_damaged_pin_hash_closes_staff_entry(config: Path) -> None:
    config.write_text('pin_hash = "scrypt$16384$8"\n')
    loaded = load_settings()
    assert loaded.settings.pin_hash is None
    assert not loaded.setup_mode
    assert "kiosk set-pin" in loaded.problems[0].message


def test_a_file_that_is_not_text_is_reported(config: Path) -> None:
    config.write_bytes(b"\xff\xfe\x00garbage")
    loaded = load_settings()
    assert loaded.settings == Settings()
    assert "cannot read the settings file" in str(loaded.problems[0])


def test_command_line_flags_override_the_file() -> None:
    settings = Settings(idle_seconds=120, default_language="es")
    changed = settings.with_overrides(idle_seconds=60, default_language=None, screen=1)
    assert (changed.idle_seconds, changed.default_language, changed.screen) == (60, "es", 1)
    assert settings.idle_seconds == 120


def test_bad_flags_are_refused_naming_the_flag() -> None:
    with pytest.raises(SettingsError, match="idle_seconds"):
        Settings().with_overrides(idle_seconds=1)
    with pytest.raises(SettingsError, match="unknown setting"):
        Settings().with_overrides(idle=60)


def test_saving_one_setting_keeps_comments_and_other_settings(config: Path) -> None:
    config.write_text("# Waiting room 2, by the window\nidle_seconds = 120 # long pages\n")
    save_setting("pin_hash", PIN_HASH)
    text = config.read_text()
    assert text.startswith("# Waiting room 2, by the window\n")
    assert "idle_seconds = 120 # long pages" in text
    assert tomllib.loads(text) == {"idle_seconds": 120, "pin_hash": PIN_HASH}
    save_setting("pin_hash", None)
    assert tomllib.loads(config.read_text()) == {"idle_seconds": 120}
    assert [p.name for p in config.parent.iterdir()] == ["kiosk.toml"]  # no temporary file left


def test_saving_into_a_table_section_still_gives_a_correct_file(config: Path) -> None:
    config.write_text('[extra]\npin_hash = "x"\n')
    save_setting("pin_hash", PIN_HASH)
    assert tomllib.loads(config.read_text()) == {"extra": {"pin_hash": "x"}, "pin_hash": PIN_HASH}


def test_saving_refuses_to_overwrite_a_broken_file(config: Path) -> None:
    config.write_text("idle_seconds = [\n")
    with pytest.raises(SettingsError, match=r"kiosk\.toml:1"):
        save_setting("pin_hash", PIN_HASH)
    assert config.read_text() == "idle_seconds = [\n"


@pytest.mark.parametrize(
    ("content", "says"),
    [
        ("idle_seconds = " + "[" * 5_000 + "]" * 5_000 + "\n", "nested more than"),
        ("idle_seconds = 90\n" + "# padding\n" * 10_000, "larger than 64 KB"),
        ('pin_hash = "scrypt$1048576$32$16$c2FsdHNhbHRzYWx0$' + "A" * 44 + '"\n', "too much memory"),
        ("idle_seconds = 1e999\n", "idle_seconds"),
    ],
)
def test_hostile_settings_files_close_staff_entry_without_an_exception(
    config: Path, content: str, says: str
) -> None:
    config.write_text(content)
    loaded = load_settings()
    assert says in " ".join(str(problem) for problem in loaded.problems)
    assert loaded.settings.idle_seconds == Settings().idle_seconds
    if "idle_seconds" not in says:
        assert not loaded.setup_mode  # the PIN could not be read: entry stays closed


def test_odd_characters_in_keys_are_escaped_in_problems(config: Path) -> None:
    config.write_text('"\\u001b[2Jclear\\u202e" = 1\n')
    problems = [str(problem) for problem in load_settings().problems]
    assert len(problems) == 1 and "\\x1b[2Jclear\\u202e" in problems[0]
    assert "\x1b" not in problems[0] and "\u202e" not in problems[0]
