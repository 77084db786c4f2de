"""`kiosk install`, `kiosk rollback` and `kiosk packs`, as staff type them."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from store_helpers import BROKEN_PACKS, fingerprint

from kiosk.cli import main
from kiosk.content.loader import load_pack
from kiosk.session.settings import Settings
from kiosk.store.config import store_root
from kiosk.store.packstore import InstallRefused, PackStore


def cli_store() -> PackStore:
    return PackStore(store_root(Settings()))


def test_install_makes_the_pack_active_and_lists_it(
    pack_at: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    source = pack_at("1.0.0")
    assert main(["install", str(source)]) == 0
    assert "Installed mini 1.0.0" in capsys.readouterr().out
    active = cli_store().active()
    assert active is not None and active.label == "mini 1.0.0"
    assert fingerprint(active.folder) == fingerprint(source)
    assert load_pack(active.folder).pack is not None

    assert main(["packs"]) == 0
    table = capsys.readouterr().out
    assert "active" in table and "mini" in table and "1.0.0" in table and "2099-12-31" in table


def test_update_keeps_the_previous_pack_as_last_good_and_rollback_returns_to_it(
    pack_at: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = pack_at("1.0.0"), pack_at("1.1.0", words="Now with more words.")
    assert main(["install", str(first)]) == 0
    assert main(["install", str(second)]) == 0
    store = cli_store()
    assert store.active() is not None and store.active().version == "1.1.0"  # type: ignore[union-attr]
    assert store.last_good() is not None and store.last_good().version == "1.0.0"  # type: ignore[union-attr]
    capsys.readouterr()

    assert main(["rollback"]) == 0
    assert "mini 1.0.0 is active again instead of mini 1.1.0" in capsys.readouterr().out
    active = store.active()
    assert active is not None and fingerprint(active.folder) == fingerprint(first)

    assert main(["rollback"]) == 1  # nothing earlier than the first pack
    assert "no earlier pack" in capsys.readouterr().err
    assert store.active() == active


def test_packs_json_gives_every_field_and_the_active_folder(
    pack_at: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    main(["install", str(pack_at("1.0.0"))])
    main(["install", str(pack_at("1.2.0"))])
    capsys.readouterr()
    assert main(["packs", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    active = cli_store().active()
    assert active is not None
    assert data["active_folder"] == str(active.folder)
    assert (Path(data["active_folder"]) / "pack.yaml").is_file()
    rows = {row["version"]: row for row in data["packs"]}
    assert rows["1.2.0"]["active"] and not rows["1.2.0"]["last_good"]
    assert rows["1.0.0"]["last_good"] and not rows["1.0.0"]["active"]
    for row in rows.values():
        assert row["pack_id"] == "mini"
        assert row["installed_at"]
        assert (row["reviewed_on"], row["next_review"]) == ("2026-01-15", "2099-12-31")


def test_a_pack_with_errors_changes_nothing_and_prints_the_validator_lines(
    pack_at: Callable[..., Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["install", str(pack_at("1.0.0"))])
    before = cli_store().pointer()
    broken = Path(shutil.copytree(BROKEN_PACKS / "missing-page-file", tmp_path / "broken"))
    capsys.readouterr()

    assert main(["install", str(broken)]) == 1
    out = capsys.readouterr().out
    assert ": error: " in out and "was not installed" in out
    store = cli_store()
    assert store.pointer() == before
    assert len(store.slots()) == 1
    assert not [entry for entry in store.slots_dir.iterdir() if entry.name.startswith(".")]
    refusal = store.last_refusal()
    assert refusal is not None and ": error: " in refusal.reasons[0]
    assert refusal.what == "broken 1.0.0"  # named as staff know it, not by its folder


def test_a_version_that_is_not_newer_is_refused_unless_forced(
    pack_at: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    main(["install", str(pack_at("1.10.0"))])
    older = pack_at("1.9.0")
    capsys.readouterr()
    assert main(["install", str(older)]) == 1
    assert "not newer than the active mini 1.10.0" in capsys.readouterr().out
    assert cli_store().active().version == "1.10.0"  # type: ignore[union-attr]

    assert main(["install", str(older), "--force"]) == 0
    assert cli_store().active().version == "1.9.0"  # type: ignore[union-attr]


def test_another_pack_id_installs_whatever_its_version(pack_at: Callable[..., Path]) -> None:
    assert main(["install", str(pack_at("2.0.0"))]) == 0
    assert main(["install", str(pack_at("1.0.0", pack_id="heel-pain"))]) == 0
    assert cli_store().active().pack_id == "heel-pain"  # type: ignore[union-attr]


def test_old_slots_are_bounded_by_the_setting(store: PackStore, pack_at: Callable[..., Path]) -> None:
    store.keep_old = 2
    for minor in range(6):
        store.install(pack_at(f"1.{minor}.0"))
    versions = [slot.version for slot in store.slots()]
    assert versions == ["1.3.0", "1.4.0", "1.5.0"]  # the active one and two earlier ones
    assert store.last_good().version == "1.4.0"  # type: ignore[union-attr]


def test_a_link_inside_the_pack_is_refused_and_never_followed(
    store: PackStore, pack_at: Callable[..., Path], tmp_path: Path
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("not for patients", encoding="utf-8")
    source = pack_at("1.0.0")
    os.symlink(secret, source / "images" / "notes.txt")
    with pytest.raises(InstallRefused) as refused:
        store.install(source)
    assert "images/notes.txt is a link" in refused.value.reasons[0]
    assert store.slots() == []
    assert store.pointer().active is None


def test_a_zip_installs_like_a_folder(store: PackStore, pack_at: Callable[..., Path], tmp_path: Path) -> None:
    source = pack_at("1.3.0")
    archive = Path(shutil.make_archive(str(tmp_path / "mini-1.3.0"), "zip", source.parent, source.name))
    installed = store.install(archive)
    assert installed.slot.label == "mini 1.3.0"
    assert fingerprint(installed.slot.folder) == fingerprint(source)


def test_install_of_something_that_is_not_a_pack_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    note = tmp_path / "notes.txt"
    note.write_text("hello", encoding="utf-8")
    assert main(["install", str(note)]) == 1
    assert "is a file" in capsys.readouterr().out
    assert main(["install", str(tmp_path / "nowhere")]) == 1
    assert "there is no file or folder" in capsys.readouterr().out


def test_install_writes_the_checked_pack_index_so_the_next_start_checks_nothing(
    pack_at: Callable[..., Path],
) -> None:
    from kiosk.content.checked_index import load_indexed
    from kiosk.session.paths import checked_index_dir

    assert main(["install", str(pack_at("1.0.0"))]) == 0
    active = cli_store().active()
    assert active is not None
    indexed = load_indexed(active.folder, checked_index_dir())
    assert indexed is not None and indexed.pack is not None
    assert indexed.pack.root == active.folder.resolve()
    assert indexed.pack == load_pack(active.folder).pack
