"""The staff guide, followed step by step on the example pack it prints: check, install, update,
roll back, sign, and send through the inbox, using only the commands the guide names."""

from __future__ import annotations

import json
import re
import shutil
import struct
import zlib
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.session.paths import settings_file

REPO = Path(__file__).resolve().parents[2]
GUIDE = REPO / "docs" / "pack-format.md"


def tiny_png() -> bytes:
    header = b"IHDR" + struct.pack(">IIBBBBB", 16, 16, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + header + struct.pack(">I", zlib.crc32(header))


def guide_example(folder: Path) -> Path:
    """The 'complete small example' of the guide, written out as a reader would."""
    blocks = [body for _, body in re.findall(r"```(yaml|markdown)\n(.*?)```", GUIDE.read_text(), re.S)]
    manifest = next(block for block in blocks if block.startswith("id: back-pain-basics"))
    pages = [block for block in blocks if block.startswith("---\ntitle:")]
    (folder / "pages").mkdir(parents=True)
    (folder / "images").mkdir()
    (folder / "pack.yaml").write_text(manifest)
    (folder / "pages" / "what-is-it.en.md").write_text(pages[0])
    (folder / "pages" / "symptoms.en.md").write_text(pages[1])
    shutil.copy(REPO / "tests" / "packs" / "mini" / "images" / "circle.svg", folder / "images" / "spine.svg")
    (folder / "images" / "leg.png").write_bytes(tiny_png())
    return folder


def set_version(folder: Path, version: str) -> None:
    manifest = folder / "pack.yaml"
    manifest.write_text(re.sub(r'version: "[0-9.]+"', f'version: "{version}"', manifest.read_text()))


def packs_json(capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    capsys.readouterr()
    assert main(["packs", "--json"]) == 0
    data: dict[str, object] = json.loads(capsys.readouterr().out)
    return data


def active_version(capsys: pytest.CaptureFixture[str]) -> str:
    rows = packs_json(capsys)["packs"]
    assert isinstance(rows, list)
    return str(next(row["version"] for row in rows if row["active"]))


def test_the_guide_from_first_check_to_many_kiosks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = guide_example(tmp_path / "back-pain-basics")
    assert main(["validate", str(pack)]) == 0

    assert main(["install", str(pack)]) == 0  # step 5
    assert active_version(capsys) == "1.0.0"

    set_version(pack, "1.1.0")  # step 6
    assert main(["install", str(pack)]) == 0
    assert active_version(capsys) == "1.1.0"

    assert main(["rollback"]) == 0  # step 7
    assert active_version(capsys) == "1.0.0"

    key = tmp_path / "keys" / "packs.key"  # step 8, with the keys of fleet.md
    assert main(["keygen", str(key)]) == 0
    trusted = re.search(r'trusted_key = "([^"]+)"', capsys.readouterr().out)
    assert trusted is not None
    inbox, status = tmp_path / "packs-in", tmp_path / "kiosk-status"
    inbox.mkdir()
    settings_file().parent.mkdir(parents=True, exist_ok=True)
    settings_file().write_text(
        f'kiosk_name = "north-waiting-room"\ninbox = "{inbox}"\nstatus_folder = "{status}"\n'
        f'trusted_key = "{trusted.group(1)}"\n',
        encoding="utf-8",
    )
    set_version(pack, "1.2.0")  # step 9: zip, sign, send
    archive = Path(
        shutil.make_archive(str(tmp_path / "back-pain-basics-1.2.0"), "zip", pack.parent, pack.name)
    )
    assert main(["sign", str(archive), "--key", str(key)]) == 0
    shutil.copy(archive, inbox)
    assert main(["inbox", "--now"]) == 0
    assert active_version(capsys) == "1.2.0"
    report = json.loads((status / "north-waiting-room.json").read_text())
    assert report["active"] == {**report["active"], "pack": "back-pain-basics", "version": "1.2.0"}

    set_version(pack, "1.3.0")  # sent without signing: refused, and said so everywhere
    shutil.make_archive(str(inbox / "back-pain-basics-1.3.0"), "zip", pack.parent, pack.name)
    assert main(["inbox", "--now"]) == 1
    assert active_version(capsys) == "1.2.0"
    note = (inbox / "refused" / "back-pain-basics-1.3.0.zip.refused.txt").read_text()
    assert "not signed" in note
    report = json.loads((status / "north-waiting-room.json").read_text())
    assert report["last_refusal"]["pack"] == "back-pain-basics 1.3.0"
