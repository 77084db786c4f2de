"""Which pack the kiosk starts on, and that it always says why: never a silent fallback."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from kiosk.store.packstore import PackStore
from kiosk.store.startup import choose_pack

BUNDLED = Path(__file__).resolve().parents[2] / "resources" / "packs" / "lower-back-pinched-nerve"


def test_an_empty_store_shows_the_bundled_pack_and_says_nothing_is_installed(store: PackStore) -> None:
    choice = choose_pack(store, bundled=BUNDLED)
    assert choice.origin == "bundled" and choice.pack is not None
    assert "No pack is installed yet" in choice.summary()


def test_the_active_pack_shows(store: PackStore, pack_at: Callable[..., Path]) -> None:
    store.install(pack_at("1.1.0"))
    choice = choose_pack(store, bundled=BUNDLED)
    assert choice.origin == "active" and choice.pack is not None
    assert choice.pack.manifest.version == "1.1.0"
    assert "Showing mini 1.1.0" in choice.summary()


def test_restart_with_a_damaged_active_pack_shows_the_last_good_one_and_says_why(
    store: PackStore, pack_at: Callable[..., Path]
) -> None:
    store.install(pack_at("1.0.0"))
    store.install(pack_at("1.1.0"))
    active = store.active()
    assert active is not None
    (active.folder / "pages" / "symptoms.en.md").unlink()  # the disk lost a file since install

    choice = choose_pack(store, bundled=BUNDLED)
    assert choice.origin == "last-good"
    assert choice.pack is not None and choice.pack.manifest.version == "1.0.0"
    assert "mini 1.1.0 was refused at" in choice.summary()
    assert "symptoms" in choice.summary()
    assert "Showing the last good pack, mini 1.0.0" in choice.summary()
    refusal = store.last_refusal()
    assert refusal is not None and refusal.what == "mini 1.1.0"


def test_with_both_installed_packs_damaged_the_bundled_pack_shows_with_both_reasons(
    store: PackStore, pack_at: Callable[..., Path]
) -> None:
    store.install(pack_at("1.0.0"))
    store.install(pack_at("1.1.0"))
    for slot in store.slots():
        (slot.folder / "pack.yaml").write_text("id: [broken", encoding="utf-8")
    choice = choose_pack(store, bundled=BUNDLED)
    assert choice.origin == "bundled"
    assert "mini 1.1.0 was refused" in choice.summary() and len(choice.refusals) == 2


def test_a_preview_pack_comes_first(store: PackStore, pack_at: Callable[..., Path]) -> None:
    store.install(pack_at("1.1.0"))
    preview = pack_at("2.0.0")
    choice = choose_pack(None, bundled=BUNDLED, preview=preview)
    assert choice.origin == "preview" and choice.pack is not None and choice.pack.manifest.version == "2.0.0"
