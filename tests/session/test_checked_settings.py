"""A settings file checked once is not checked again while its bytes stay the same: the kiosk's
start then needs no pydantic. Any change, or a damaged record of the check, means a full check."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.session.paths import data_dir
from kiosk.session.pin import hash_pin
from kiosk.session.settings import CHECKED_SETTINGS_NAME, load_settings

PIN_HASH = hash_pin("2580")
FILE = (
    "idle_seconds = 120\n"
    'pack = "packs/current"\n'
    "screen = 1\n"
    "warning_seconds = 5\n"
    f'pin_hash = "{PIN_HASH}"\n'
    '[clinic]\nname = "Riverside Family Clinic"\nphone = "555-0100"\n'
    '[clinic.es]\nhours = "de lunes a viernes"\n'
    '[emergency]\nnumber = "112"\n'
)


@pytest.fixture
def config(tmp_path: Path) -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_text(FILE, encoding="utf-8")
    return path


def _load_in_a_new_process(config: Path) -> dict[str, object]:
    script = (
        "import json, sys\nfrom pathlib import Path\nfrom kiosk.session.settings import load_settings\n"
        f"loaded = load_settings(Path({str(config)!r}))\n"
        "s = loaded.settings\n"
        "print(json.dumps({'pydantic': 'pydantic' in sys.modules, 'idle': s.idle_seconds,"
        " 'warning': s.warning_seconds, 'screen': s.screen, 'pack': str(s.pack), 'pin': s.pin_hash,"
        " 'phone_es': s.site.detail('clinic.phone', 'es'), 'hours_es': s.site.detail('clinic.hours', 'es'),"
        " 'emergency': s.site.detail('emergency.number', 'en'),"
        " 'problems': [str(p) for p in loaded.problems]}))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    result: dict[str, object] = json.loads(done.stdout)
    return result


def test_a_second_start_with_the_same_file_reads_the_same_settings_without_pydantic(config: Path) -> None:
    first = _load_in_a_new_process(config)
    second = _load_in_a_new_process(config)
    assert first["pydantic"] is True  # the first start checked the file
    assert second["pydantic"] is False
    assert {**first, "pydantic": None} == {**second, "pydantic": None}
    assert second["idle"] == 120 and second["screen"] == 1 and second["pin"] == PIN_HASH
    assert second["pack"] == str((config.parent / "packs" / "current").resolve())
    assert (second["phone_es"], second["hours_es"], second["emergency"]) == (
        "555-0100",
        "de lunes a viernes",
        "112",
    )
    # the out-of-range value is reported at every start, not only at the one that checked it
    assert second["warning"] == 20
    assert second["problems"] == first["problems"] and f"{config}:4: warning_seconds" in str(
        second["problems"]
    )


def test_a_changed_file_is_checked_again(config: Path) -> None:
    assert load_settings(config).settings.idle_seconds == 120
    config.write_text(FILE.replace("idle_seconds = 120", "idle_seconds = 5"), encoding="utf-8")
    loaded = load_settings(config)
    assert loaded.settings.idle_seconds == 90
    assert any("idle_seconds" in str(problem) for problem in loaded.problems)


def test_the_check_of_another_file_with_the_same_words_is_not_taken(config: Path, tmp_path: Path) -> None:
    assert load_settings(config).settings.pack == (config.parent / "packs" / "current").resolve()
    elsewhere = tmp_path / "other" / "kiosk.toml"
    elsewhere.parent.mkdir()
    elsewhere.write_text(FILE, encoding="utf-8")
    assert load_settings(elsewhere).settings.pack == (elsewhere.parent / "packs" / "current").resolve()


@pytest.mark.parametrize(
    "damage",
    [
        lambda document: document["settings"].update(idle_seconds="120"),
        lambda document: document["settings"].update(pin_hash=["not", "text"]),
        lambda document: document["settings"]["clinic"].update(by_language={"es": "hours"}),
        lambda document: document["settings"].pop("screen"),
        lambda document: document.update(problems=[["four", "message"]]),
        lambda document: document.update(pin_unreadable="no"),
    ],
)
def test_a_damaged_record_of_the_check_means_the_file_is_checked_again(
    config: Path, damage: object, caplog: pytest.LogCaptureFixture
) -> None:
    expected = load_settings(config)
    record = data_dir() / CHECKED_SETTINGS_NAME
    document = json.loads(record.read_text(encoding="utf-8"))
    damage(document)  # type: ignore[operator]
    record.write_text(json.dumps(document), encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        again = load_settings(config)
    assert again == expected
    assert "checking the settings file again" in caplog.text


def test_a_record_that_is_not_json_means_the_file_is_checked_again(config: Path) -> None:
    expected = load_settings(config)
    (data_dir() / CHECKED_SETTINGS_NAME).write_bytes(b"\xff{not json")
    assert load_settings(config) == expected


def test_a_file_of_thousands_of_problems_is_checked_at_each_start_without_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text("".join(f"unknown_{index} = 1\n" for index in range(3000)), encoding="utf-8")
    first = load_settings(config)
    assert len(first.problems) == 3000
    with caplog.at_level(logging.WARNING):
        assert load_settings(config) == first
    assert "checking the settings file again" not in caplog.text


def test_a_pack_link_switched_to_a_new_version_is_followed_with_the_file_unchanged(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text('pack = "current"\n', encoding="utf-8")
    (tmp_path / "v1").mkdir()
    (tmp_path / "v2").mkdir()
    (tmp_path / "current").symlink_to(tmp_path / "v1")
    assert load_settings(config).settings.pack == (tmp_path / "v1").resolve()
    (tmp_path / "current").unlink()
    (tmp_path / "current").symlink_to(tmp_path / "v2")  # staff install a new version, as a link
    assert load_settings(config).settings.pack == (tmp_path / "v2").resolve()
