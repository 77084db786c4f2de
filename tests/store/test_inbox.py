"""The inbox: packs that a sync engine drops in a folder are installed; refused ones are moved aside
with the reasons beside them; the status file tells IT what each kiosk shows."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from store_helpers import BROKEN_PACKS, fingerprint

from kiosk.cli import main
from kiosk.session.paths import settings_file
from kiosk.store.inbox import process_inbox
from kiosk.store.packstore import PackStore


def test_a_pack_in_the_inbox_is_installed_and_moved_to_installed(
    store: PackStore, pack_at: Callable[..., Path], tmp_path: Path
) -> None:
    inbox = tmp_path / "inbox"
    source = pack_at("1.2.0")
    shutil.copytree(source, inbox / "mini-1.2.0")
    results = process_inbox(store, inbox, settle_seconds=0)
    assert [result.installed.label for result in results if result.installed] == ["mini 1.2.0"]
    active = store.active()
    assert active is not None and fingerprint(active.folder) == fingerprint(source)
    assert (inbox / "installed" / "mini-1.2.0" / "pack.yaml").is_file()
    assert not (inbox / "mini-1.2.0").exists()
    assert process_inbox(store, inbox, settle_seconds=0) == []  # nothing taken twice


def test_a_refused_pack_is_moved_aside_with_its_reasons(
    store: PackStore, pack_at: Callable[..., Path], tmp_path: Path
) -> None:
    inbox = tmp_path / "inbox"
    store.install(pack_at("1.0.0"))
    before = store.pointer()
    shutil.copytree(BROKEN_PACKS / "missing-page-file", inbox / "broken-pack")
    [result] = process_inbox(store, inbox, settle_seconds=0)
    assert result.reasons and result.installed is None
    assert store.pointer() == before
    assert (inbox / "refused" / "broken-pack" / "pack.yaml").is_file()
    note = (inbox / "refused" / "broken-pack.refused.txt").read_text(encoding="utf-8")
    assert "was not installed" in note and ": error: " in note
    refusal = store.last_refusal()
    assert refusal is not None and refusal.source.endswith("broken-pack")


def test_a_pack_still_arriving_is_left_alone(
    store: PackStore, pack_at: Callable[..., Path], tmp_path: Path
) -> None:
    inbox = tmp_path / "inbox"
    shutil.copytree(pack_at(), inbox / "mini")
    assert process_inbox(store, inbox, settle_seconds=60) == []
    assert (inbox / "mini").is_dir() and store.pointer().active is None


def test_temporary_files_of_sync_engines_are_ignored(store: PackStore, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / ".syncthing.mini.zip.tmp").write_bytes(b"half")
    (inbox / ".mini.zip.Xy12Ab").write_bytes(b"half")  # rsync
    (inbox / "~syncthing~mini.zip.tmp").write_bytes(b"half")
    assert process_inbox(store, inbox, settle_seconds=0) == []


def test_the_same_version_again_is_not_a_refusal(
    store: PackStore, pack_at: Callable[..., Path], tmp_path: Path
) -> None:
    inbox = tmp_path / "inbox"
    source = pack_at("1.0.0")
    store.install(source)
    shutil.copytree(source, inbox / "mini")
    [result] = process_inbox(store, inbox, settle_seconds=0)
    assert result.already_showing and not result.reasons
    assert (inbox / "installed" / "mini").is_dir()


def test_kiosk_inbox_installs_a_zip_and_writes_the_status_file(
    pack_at: Callable[..., Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inbox, status = tmp_path / "inbox", tmp_path / "status"
    inbox.mkdir()
    settings_file().parent.mkdir(parents=True, exist_ok=True)
    settings_file().write_text(
        f'inbox = "{inbox}"\nstatus_folder = "{status}"\nkiosk_name = "waiting-room-2"\n', encoding="utf-8"
    )
    source = pack_at("1.5.0")
    shutil.make_archive(str(inbox / "mini-1.5.0"), "zip", source.parent, source.name)
    os.utime(inbox / "mini-1.5.0.zip", (0, 0))  # arrived long ago: settled
    assert main(["inbox"]) == 0
    assert "installed mini 1.5.0" in capsys.readouterr().out
    data = json.loads((status / "waiting-room-2.json").read_text(encoding="utf-8"))
    assert data["kiosk"] == "waiting-room-2"
    assert data["active"]["pack"] == "mini" and data["active"]["version"] == "1.5.0"
    assert data["last_refusal"] is None


def test_an_inbox_file_name_cannot_write_to_the_terminal(store: PackStore, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    (inbox / "evil\x1b[2Jname").mkdir(parents=True)
    [result] = process_inbox(store, inbox, settle_seconds=0)
    assert "\x1b" not in result.line() and "\\x1b" in result.line()
