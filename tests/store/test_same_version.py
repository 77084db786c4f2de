"""The same pack version offered again: `kiosk install` and the inbox answer alike (the same files:
nothing to do, no refusal; other files: refused with the reason), and a version is listed once."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from store_helpers import fingerprint

from kiosk.cli import main
from kiosk.session.settings import Settings
from kiosk.store.config import store_root
from kiosk.store.inbox import process_inbox
from kiosk.store.packstore import PackStore


def cli_store() -> PackStore:
    return PackStore(store_root(Settings()))


def versions_listed(capsys: pytest.CaptureFixture[str]) -> list[str]:
    capsys.readouterr()
    assert main(["packs", "--json"]) == 0
    return [row["version"] for row in json.loads(capsys.readouterr().out)["packs"]]


def test_installing_the_active_pack_again_is_nothing_to_do(
    pack_at: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    source = pack_at("1.0.0")
    assert main(["install", str(source)]) == 0
    before = cli_store().pointer()
    capsys.readouterr()
    assert main(["install", str(source)]) == 0
    out = capsys.readouterr().out
    assert "mini 1.0.0 is already installed and active, with the same files; nothing to do" in out
    store = cli_store()
    assert store.pointer() == before and len(store.slots()) == 1
    assert store.last_refusal() is None
    assert main(["install", str(source), "--force"]) == 0  # forcing changes nothing either
    assert "nothing to do" in capsys.readouterr().out and cli_store().pointer() == before


def test_the_active_version_with_other_files_is_refused_with_the_reason(
    pack_at: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    main(["install", str(pack_at("1.0.0"))])
    changed = pack_at("1.0.0", words="A sentence added without raising the version.")
    capsys.readouterr()
    assert main(["install", str(changed)]) == 1
    out = capsys.readouterr().out
    assert "mini 1.0.0 is already active, but this copy's files differ from it; raise version" in out
    refusal = cli_store().last_refusal()
    assert refusal is not None and "files differ" in refusal.reasons[0]

    assert main(["install", str(changed), "--force"]) == 0
    active = cli_store().active()
    assert active is not None and fingerprint(active.folder) == fingerprint(changed)
    assert versions_listed(capsys) == ["1.0.0"]  # replaced, not listed twice


def test_the_inbox_answers_as_install_does(
    store: PackStore, pack_at: Callable[..., Path], tmp_path: Path
) -> None:
    inbox = tmp_path / "inbox"
    source = pack_at("1.0.0")
    store.install(source)
    shutil.copytree(source, inbox / "same")
    shutil.copytree(pack_at("1.0.0", words="Changed, same version."), inbox / "changed")
    results = {result.name: result for result in process_inbox(store, inbox, settle_seconds=0)}

    same = results["same"]
    assert same.already_active is not None and not same.reasons
    assert "is already installed and active, with the same files; nothing to do" in same.line()
    assert (inbox / "installed" / "same").is_dir()

    changed = results["changed"]
    assert changed.installed is None and "files differ" in changed.reasons[0]
    note = (inbox / "refused" / "changed.refused.txt").read_text(encoding="utf-8")
    assert "this copy's files differ from it; raise version" in note
    assert len(store.slots()) == 1


def test_the_same_pack_again_leaves_no_refusal_behind(
    store: PackStore, pack_at: Callable[..., Path], tmp_path: Path
) -> None:
    inbox = tmp_path / "inbox"
    source = pack_at("1.0.0")
    store.install(source)
    shutil.copytree(source, inbox / "again")
    process_inbox(store, inbox, settle_seconds=0)
    assert store.last_refusal() is None


def test_a_version_installed_again_after_a_rollback_is_listed_once(
    pack_at: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    main(["install", str(pack_at("1.0.0"))])
    main(["install", str(pack_at("1.1.0"))])
    assert main(["rollback"]) == 0
    fixed = pack_at("1.1.0", words="Fixed after the rollback.")
    assert main(["install", str(fixed)]) == 0
    assert versions_listed(capsys) == ["1.1.0", "1.0.0"]
    active = cli_store().active()
    assert active is not None and fingerprint(active.folder) == fingerprint(fixed)
    assert cli_store().last_good().version == "1.0.0"  # type: ignore[union-attr]
    capsys.readouterr()
    assert main(["packs"]) == 0
    assert capsys.readouterr().out.count("1.1.0") == 1


def test_the_same_version_sent_again_repairs_an_installed_copy_damaged_on_disk(
    store: PackStore, pack_at: Callable[..., Path], tmp_path: Path
) -> None:
    inbox = tmp_path / "inbox"
    source = pack_at("1.0.0")
    store.install(source)
    damaged = store.active()
    assert damaged is not None
    (damaged.folder / "pages" / "symptoms.en.md").unlink()
    shutil.copytree(source, inbox / "mini-again")
    [result] = process_inbox(store, inbox, settle_seconds=0)
    assert result.installed is not None and not result.reasons
    active = store.active()
    assert active is not None and fingerprint(active.folder) == fingerprint(source)
    assert [slot.label for slot in store.slots()] == ["mini 1.0.0"]  # the damaged copy is gone
