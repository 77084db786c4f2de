"""The complete example in docs/pack-format.md must itself be a clean pack, or staff copy a mistake."""

from __future__ import annotations

import re
import shutil
import struct
import zlib
from pathlib import Path

from kiosk.content.validator import validate_pack

REPO = Path(__file__).resolve().parent.parent.parent
DOC = REPO / "docs" / "pack-format.md"


def _tiny_png() -> bytes:
    header = b"IHDR" + struct.pack(">IIBBBBB", 16, 16, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + header + struct.pack(">I", zlib.crc32(header))


def test_documented_example_pack_validates_cleanly(tmp_path: Path) -> None:
    blocks = [body for _, body in re.findall(r"```(yaml|markdown)\n(.*?)```", DOC.read_text(), re.S)]
    manifest, what_is_it, symptoms = blocks[:3]
    root = tmp_path / "back-pain-basics"
    (root / "pages").mkdir(parents=True)
    (root / "images").mkdir()
    (root / "pack.yaml").write_text(manifest)
    (root / "pages" / "what-is-it.en.md").write_text(what_is_it)
    (root / "pages" / "symptoms.en.md").write_text(symptoms)
    shutil.copy(REPO / "tests" / "packs" / "mini" / "images" / "circle.svg", root / "images" / "spine.svg")
    (root / "images" / "leg.png").write_bytes(_tiny_png())
    report = validate_pack(root)
    assert report.lines() == ["0 errors, 0 warnings in 5 files"]
