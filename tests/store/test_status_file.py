"""The status file IT reads from every kiosk: each field is documented in docs/fleet.md, and each one
that has nothing to say is null, never missing and never an empty string."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kiosk.cli import main
from kiosk.session.paths import settings_file
from kiosk.store.packstore import PackStore
from kiosk.store.status import update_status

FLEET_GUIDE = Path(__file__).resolve().parents[2] / "docs" / "fleet.md"


def documented_fields() -> set[str]:
    """The field names in the first column of the status file table of docs/fleet.md."""
    text = FLEET_GUIDE.read_text(encoding="utf-8")
    section = text[text.index("## The status file") :]
    section = section[: section.index("\n## ")]
    return set(re.findall(r"^\| `([a-z_.]+)` \|", section, flags=re.MULTILINE))


def run_inbox(status: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    main(["inbox"])
    capsys.readouterr()
    return dict(json.loads((status / "k1.json").read_text(encoding="utf-8")))


@pytest.fixture
def status(tmp_path: Path) -> Path:
    folder, inbox = tmp_path / "status", tmp_path / "inbox"
    inbox.mkdir()
    settings_file().parent.mkdir(parents=True, exist_ok=True)
    settings_file().write_text(
        f'inbox = "{inbox}"\nstatus_folder = "{folder}"\nkiosk_name = "k1"\n', encoding="utf-8"
    )
    return folder


def test_every_field_of_a_full_status_file_is_documented(
    store: PackStore, pack_at: Callable[..., Path], tmp_path: Path
) -> None:
    store.install(pack_at("1.0.0"))
    store.install(pack_at("1.1.0"))
    store.record_refusal("mini 1.2.0", "/inbox/mini-1.2.0.zip", ["pages/x.en.md:4: error: ..."])
    showing = {"pack": "mini", "version": "1.1.0", "origin": "active", "why": "Showing mini 1.1.0."}
    path = update_status(
        tmp_path / "status", "k1", store, showing=showing, started_at="2026-12-04T06:00:03+00:00"
    )
    data = json.loads(path.read_text(encoding="utf-8"))
    assert None not in data.values()
    documented = documented_fields()
    assert set(data) == {field for field in documented if "." not in field}
    for table in ("showing", "last_refusal"):  # fields with a table row of their own
        assert {field.split(".")[1] for field in documented if field.startswith(f"{table}.")} <= set(
            data[table]
        )


def test_before_any_kiosk_ran_and_any_pack_was_installed_every_field_is_null(
    status: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = run_inbox(status, capsys)
    assert data["kiosk"] == "k1" and data["updated_at"]
    for field in ("showing", "active", "last_good", "last_refusal", "last_start"):
        assert data[field] is None, field


def test_after_one_install_only_the_last_good_pack_is_still_null(
    status: Path, pack_at: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    main(["install", str(pack_at("1.0.0"))])
    data = run_inbox(status, capsys)
    assert data["active"]["version"] == "1.0.0" and data["last_good"] is None


def test_what_a_running_kiosk_wrote_is_kept_and_a_damaged_old_file_gives_null(
    status: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status.mkdir()
    written_by_kiosk = {
        "showing": {"pack": "mini", "origin": "bundled"},
        "last_start": "2026-12-04T06:00:03+00:00",
    }
    (status / "k1.json").write_text(json.dumps(written_by_kiosk), encoding="utf-8")
    data = run_inbox(status, capsys)
    assert (
        data["showing"] == written_by_kiosk["showing"] and data["last_start"] == "2026-12-04T06:00:03+00:00"
    )

    (status / "k1.json").write_text(json.dumps({"showing": "garbage", "last_start": 17}), encoding="utf-8")
    data = run_inbox(status, capsys)
    assert data["showing"] is None and data["last_start"] is None
