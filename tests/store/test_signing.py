"""Signed packs: with a trusted key set, only packs signed by its private key are installed."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.store.packstore import InstallRefused, PackStore
from kiosk.store.signing import parse_public_key


@pytest.fixture
def keys(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, str]:
    """A key pair made with `kiosk keygen`: (private key file, public key line)."""
    private = tmp_path / "keys" / "clinic.key"
    assert main(["keygen", str(private)]) == 0
    out = capsys.readouterr().out
    public = (tmp_path / "keys" / "clinic.key.pub").read_text(encoding="ascii").strip()
    assert f'trusted_key = "{public}"' in out
    assert private.stat().st_mode & 0o077 == 0  # only its owner can read the private key
    return private, public


def trusting(tmp_path: Path, public: str) -> PackStore:
    return PackStore(tmp_path / "store", trusted_key=parse_public_key(public))


def test_a_signed_pack_installs(keys: tuple[Path, str], pack_at: Callable[..., Path], tmp_path: Path) -> None:
    source = pack_at()
    assert main(["sign", str(source), "--key", str(keys[0])]) == 0
    installed = trusting(tmp_path, keys[1]).install(source)
    assert installed.slot.signed


def test_an_unsigned_pack_is_refused(
    keys: tuple[Path, str], pack_at: Callable[..., Path], tmp_path: Path
) -> None:
    store = trusting(tmp_path, keys[1])
    with pytest.raises(InstallRefused) as refused:
        store.install(pack_at())
    assert "not signed" in refused.value.reasons[0]
    assert store.pointer().active is None


def test_a_pack_changed_after_signing_is_refused(
    keys: tuple[Path, str], pack_at: Callable[..., Path], tmp_path: Path
) -> None:
    source = pack_at()
    main(["sign", str(source), "--key", str(keys[0])])
    page = source / "pages" / "what-is-it.en.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nTake twice the dose.\n", encoding="utf-8")
    store = trusting(tmp_path, keys[1])
    with pytest.raises(InstallRefused) as refused:
        store.install(source)
    assert "changed after it was signed" in refused.value.reasons[0]


def test_a_file_added_after_signing_is_refused(
    keys: tuple[Path, str], pack_at: Callable[..., Path], tmp_path: Path
) -> None:
    source = pack_at()
    main(["sign", str(source), "--key", str(keys[0])])
    shutil.copy(source / "images" / "circle.svg", source / "images" / "extra.svg")
    with pytest.raises(InstallRefused):
        trusting(tmp_path, keys[1]).install(source)


def test_a_pack_signed_with_another_key_is_refused(
    keys: tuple[Path, str], pack_at: Callable[..., Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other.key"
    main(["keygen", str(other)])
    source = pack_at()
    main(["sign", str(source), "--key", str(other)])
    with pytest.raises(InstallRefused) as refused:
        trusting(tmp_path, keys[1]).install(source)
    assert "does not trust" in refused.value.reasons[0]


def test_a_signed_zip_installs_and_the_signature_is_not_an_unused_file(
    keys: tuple[Path, str], pack_at: Callable[..., Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = pack_at("1.4.0")
    archive = Path(shutil.make_archive(str(tmp_path / "mini"), "zip", source.parent, source.name))
    assert main(["sign", str(archive), "--key", str(keys[0])]) == 0
    installed = trusting(tmp_path, keys[1]).install(archive)
    assert (installed.slot.folder / "pack.sig").is_file()
    assert not installed.warnings
    capsys.readouterr()
    assert main(["validate", str(archive)]) == 0
    assert "0 errors, 0 warnings" in capsys.readouterr().out


def test_keygen_never_overwrites_a_key(keys: tuple[Path, str], capsys: pytest.CaptureFixture[str]) -> None:
    before = keys[0].read_bytes()
    assert main(["keygen", str(keys[0])]) == 1
    assert "already exists" in capsys.readouterr().err
    assert keys[0].read_bytes() == before


def test_a_broken_trusted_key_setting_stops_installs(
    pack_at: Callable[..., Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from kiosk.session.paths import settings_file

    settings_file().parent.mkdir(parents=True, exist_ok=True)
    settings_file().write_text('trusted_key = "not a key"\n', encoding="utf-8")
    assert main(["install", str(pack_at())]) == 2
    assert "trusted_key setting" in capsys.readouterr().err


def test_once_a_key_is_set_rollback_and_start_up_never_bring_back_an_unsigned_pack(
    keys: tuple[Path, str], pack_at: Callable[..., Path], tmp_path: Path
) -> None:
    """Packs installed before the kiosk trusted a key stay in the store, but may not show again."""
    from kiosk.content.bundled import bundled_pack_dir
    from kiosk.store.packstore import StoreError
    from kiosk.store.startup import choose_pack

    before_key = PackStore(tmp_path / "store")
    before_key.install(pack_at("1.0.0"))  # unsigned, fine while no key is set
    signed = pack_at("1.1.0", words="Signed words.")
    main(["sign", str(signed), "--key", str(keys[0])])
    store = trusting(tmp_path, keys[1])
    store.install(signed)
    assert store.last_good() is not None and store.last_good().version == "1.0.0"  # type: ignore[union-attr]

    with pytest.raises(StoreError, match="not signed"):
        store.rollback()
    assert store.active() is not None and store.active().version == "1.1.0"  # type: ignore[union-attr]

    # Start-up with the signed active pack damaged: the unsigned last good one is refused too.
    active = store.active()
    assert active is not None
    (active.folder / "pack.yaml").write_text("not: [a pack", encoding="utf-8")
    choice = choose_pack(store, bundled=bundled_pack_dir())
    assert choice.origin == "bundled"
    assert any("not signed" in reason for refusal in choice.refusals for reason in refusal.reasons)
