"""A refusal is the kiosk's current trouble only until a pack goes live after it: then `kiosk packs`,
its JSON, the status file and the staff panel show it as settled (with its time), never as news."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from store_helpers import BROKEN_PACKS

from kiosk.cli import main
from kiosk.session.paths import settings_file
from kiosk.session.settings import Settings
from kiosk.store.config import store_root
from kiosk.store.packstore import PackStore
from kiosk.store.startup import choose_pack
from kiosk.store.status import update_status

BUNDLED = Path(__file__).resolve().parents[2] / "resources" / "packs" / "lower-back-pinched-nerve"


def packs_output(capsys: pytest.CaptureFixture[str], *options: str) -> str:
    capsys.readouterr()
    assert main(["packs", *options]) == 0
    return capsys.readouterr().out


def refuse_broken(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / f"broken-{len(list(tmp_path.glob('broken-*')))}"
    shutil.copytree(BROKEN_PACKS / "missing-page-file", broken)
    assert main(["install", str(broken)]) == 1
    capsys.readouterr()


def test_a_refusal_shows_as_the_last_event_until_a_later_install_settles_it(
    pack_at: Callable[..., Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["install", str(pack_at("1.0.0"))]) == 0
    refuse_broken(tmp_path, capsys)
    table = packs_output(capsys)
    assert "Last refused: broken 1.0.0 was refused at" in table
    assert json.loads(packs_output(capsys, "--json"))["last_refusal"]["newest"] is True

    assert main(["install", str(pack_at("1.1.0"))]) == 0  # within the same second, often
    table = packs_output(capsys)
    assert "Last refused" not in table
    settled = "Earlier refusal, settled since (mini 1.1.0 went live after it): broken 1.0.0 was refused at"
    assert settled in table
    refusal = json.loads(packs_output(capsys, "--json"))["last_refusal"]
    assert refusal["newest"] is False and refusal["pack"] == "broken 1.0.0" and refusal["at"]


def test_a_rollback_after_a_refusal_settles_it_too(
    pack_at: Callable[..., Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["install", str(pack_at("1.0.0"))])
    main(["install", str(pack_at("1.1.0"))])
    refuse_broken(tmp_path, capsys)
    assert main(["rollback"]) == 0
    table = packs_output(capsys)
    assert "Last refused" not in table and "Earlier refusal, settled since (mini 1.0.0" in table


def test_a_rollback_to_the_pack_active_at_the_refusal_still_settles_it(
    pack_at: Callable[..., Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["install", str(pack_at("1.0.0"))])
    refuse_broken(tmp_path, capsys)
    main(["install", str(pack_at("1.1.0"))])
    assert main(["rollback"]) == 0  # mini 1.0.0 is active again, as when the refusal happened
    assert json.loads(packs_output(capsys, "--json"))["last_refusal"]["newest"] is False
    assert "Earlier refusal, settled since (mini 1.0.0 went live after it)" in packs_output(capsys)


def test_a_refusal_at_start_stays_the_newest_event(store: PackStore, pack_at: Callable[..., Path]) -> None:
    store.install(pack_at("1.0.0"))
    store.install(pack_at("1.1.0"))
    active = store.active()
    assert active is not None
    (active.folder / "pack.yaml").write_text("id: [broken", encoding="utf-8")
    choice = choose_pack(store, bundled=BUNDLED)
    assert choice.origin == "last-good"
    status = update_status(store.root / "status", "k1", store)
    refusal = json.loads(status.read_text(encoding="utf-8"))["last_refusal"]
    assert refusal["pack"] == "mini 1.1.0" and refusal["newest"] is True


def test_the_status_file_marks_a_settled_refusal(
    pack_at: Callable[..., Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = tmp_path / "status"
    settings_file().parent.mkdir(parents=True, exist_ok=True)
    settings_file().write_text(f'status_folder = "{status}"\nkiosk_name = "k1"\n', encoding="utf-8")
    main(["install", str(pack_at("1.0.0"))])
    refuse_broken(tmp_path, capsys)
    main(["install", str(pack_at("1.1.0"))])
    store = PackStore(store_root(Settings()))
    update_status(status, "k1", store)
    data = json.loads((status / "k1.json").read_text(encoding="utf-8"))
    assert data["last_refusal"]["pack"] == "broken 1.0.0" and data["last_refusal"]["newest"] is False


def test_a_refusal_recorded_before_the_store_kept_its_moment_is_judged_by_its_time(
    pack_at: Callable[..., Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["install", str(pack_at("1.0.0"))])
    refuse_broken(tmp_path, capsys)
    main(["install", str(pack_at("1.1.0"))])
    store = PackStore(store_root(Settings()))
    record = json.loads(store.refusal_file.read_text(encoding="utf-8"))
    del record["pointer_changed_at"]
    record["at"] = "2020-01-01T00:00:00+00:00"
    store.refusal_file.write_text(json.dumps(record), encoding="utf-8")
    assert "Earlier refusal, settled since" in packs_output(capsys)
    record["at"] = "2999-01-01T00:00:00+00:00"
    store.refusal_file.write_text(json.dumps(record), encoding="utf-8")
    assert "Last refused: broken 1.0.0" in packs_output(capsys)
