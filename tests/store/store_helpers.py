"""Helpers for pack store tests: writable copies of the mini pack at a chosen version, and a
fingerprint of a pack folder to tell two versions apart."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

MINI_PACK = Path(__file__).resolve().parents[1] / "packs" / "mini"
BROKEN_PACKS = Path(__file__).resolve().parents[1] / "broken_packs"


def make_pack(folder: Path, version: str = "1.0.0", *, words: str = "", pack_id: str = "mini") -> Path:
    """A copy of the mini pack in `folder` with `version`; `words` is added to one page, so two copies
    with different words differ in content, not only in version."""
    shutil.copytree(MINI_PACK, folder)
    manifest = folder / "pack.yaml"
    text = manifest.read_text(encoding="utf-8").replace('version: "1.0.0"', f'version: "{version}"')
    manifest.write_text(text.replace("id: mini", f"id: {pack_id}"), encoding="utf-8")
    if words:
        page = folder / "pages" / "what-is-it.en.md"
        page.write_text(page.read_text(encoding="utf-8") + f"\n{words}\n", encoding="utf-8")
    return folder


def fingerprint(folder: Path) -> str:
    """SHA-256 over every visible file's path and content."""
    digest = hashlib.sha256()
    for current, subfolders, names in os.walk(folder):
        subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
        for name in sorted(names):
            if name.startswith("."):
                continue
            path = Path(current) / name
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()
