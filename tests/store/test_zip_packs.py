"""Zipped packs are unpacked safely wherever a folder is accepted: hostile zips are refused by
`kiosk install` with a reason, and nothing lands outside the temporary folder."""

from __future__ import annotations

import stat
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.store.packstore import InstallRefused, PackStore


def zip_of(pack: Path, archive: Path, extra: Callable[[zipfile.ZipFile], None]) -> Path:
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zipped:
        for path in sorted(pack.rglob("*")):
            if path.is_file():
                zipped.write(path, path.relative_to(pack).as_posix())
        extra(zipped)
    return archive


def refused_reason(store: PackStore, archive: Path) -> str:
    with pytest.raises(InstallRefused) as refused:
        store.install(archive)
    assert store.pointer().active is None and store.slots() == []
    return " ".join(refused.value.reasons)


def test_zip_slip_is_refused(store: PackStore, pack_at: Callable[..., Path], tmp_path: Path) -> None:
    archive = zip_of(pack_at(), tmp_path / "slip.zip", lambda z: z.writestr("../../escaped.txt", "boo"))
    assert "unsafe name" in refused_reason(store, archive)
    assert not (tmp_path / "escaped.txt").exists() and not (tmp_path.parent / "escaped.txt").exists()


def test_an_absolute_name_is_refused(store: PackStore, pack_at: Callable[..., Path], tmp_path: Path) -> None:
    archive = zip_of(
        pack_at(), tmp_path / "absolute.zip", lambda z: z.writestr("/tmp/kiosk-owned.txt", "boo")
    )
    assert "unsafe name" in refused_reason(store, archive)


def test_a_link_in_a_zip_is_refused(store: PackStore, pack_at: Callable[..., Path], tmp_path: Path) -> None:
    def add_link(zipped: zipfile.ZipFile) -> None:
        info = zipfile.ZipInfo("images/passwords.svg")
        info.external_attr = (stat.S_IFLNK | 0o777) << 16
        zipped.writestr(info, "/etc/passwd")

    archive = zip_of(pack_at(), tmp_path / "link.zip", add_link)
    assert "contains a link" in refused_reason(store, archive)


def test_a_zip_bomb_is_refused(store: PackStore, pack_at: Callable[..., Path], tmp_path: Path) -> None:
    archive = zip_of(
        pack_at(), tmp_path / "bomb.zip", lambda z: z.writestr("images/huge.svg", b"\0" * 50_000_000)
    )
    assert archive.stat().st_size < 1_000_000
    assert "suspiciously compressed" in refused_reason(store, archive)


def test_a_damaged_zip_is_refused(store: PackStore, tmp_path: Path) -> None:
    archive = tmp_path / "damaged.zip"
    archive.write_bytes(b"PK\x03\x04 this is not really a zip file")
    assert "cannot be opened" in refused_reason(store, archive)
