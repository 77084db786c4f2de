"""The bundled pack's illustrations are safe, text-free SVGs that match their generator.

Pictures are shown to patients and translated pages reuse them, so they must carry no words,
load nothing from outside the pack, stay small enough for the SVG checks, and be exactly what
`python -m tools.illustrations` produces (a hand edit would be lost on the next regeneration).
"""

from __future__ import annotations

import importlib
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest
from defusedxml import ElementTree

REPO_ROOT = Path(__file__).resolve().parents[2]
IMAGES = REPO_ROOT / "resources" / "packs" / "lower-back-pinched-nerve" / "images"
SVG_NS = "{http://www.w3.org/2000/svg}"
MAX_BYTES = 40_000
MAX_ELEMENTS = 400
FORBIDDEN_TAGS = {
    "text",
    "tspan",
    "textPath",
    "foreignObject",
    "script",
    "image",
    "use",
    "filter",
    "mask",
    "style",
    "a",
    "iframe",
}
SVG_FILES = sorted(IMAGES.glob("*.svg"))


@pytest.fixture(scope="module")
def generator() -> ModuleType:
    if str(REPO_ROOT) not in sys.path:
        sys.path.insert(0, str(REPO_ROOT))
    return importlib.import_module("tools.illustrations.build")


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def test_pack_has_the_planned_pictures() -> None:
    names = {path.stem for path in SVG_FILES}
    assert {"spine-nerve-root", "pain-path-leg", "disc-bulge", "emergency-signs", "references"} <= names
    assert len(names) >= 27


@pytest.mark.parametrize("svg_path", SVG_FILES, ids=lambda path: path.name)
def test_picture_is_a_safe_text_free_800x600_svg(svg_path: Path) -> None:
    raw = svg_path.read_bytes()
    assert len(raw) < MAX_BYTES, f"{svg_path.name} is {len(raw)} bytes"
    assert b"<!DOCTYPE" not in raw and b"<!ENTITY" not in raw
    root = ElementTree.fromstring(raw, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    assert root.tag == f"{SVG_NS}svg"
    assert root.get("viewBox") == "0 0 800 600"
    elements = list(root.iter())
    assert len(elements) < MAX_ELEMENTS, f"{svg_path.name} has {len(elements)} elements"
    for element in elements:
        tag = _local(element.tag)
        assert tag not in FORBIDDEN_TAGS, f"{svg_path.name}: <{tag}> is not allowed"
        for name, value in element.attrib.items():
            if _local(name) == "href":
                assert value.startswith("#"), f"{svg_path.name}: external link {value!r}"
            for target in re.findall(r"url\(([^)]*)\)", value):
                assert target.startswith("#"), f"{svg_path.name}: external reference {target!r}"
            assert not _local(name).startswith("on"), f"{svg_path.name}: event handler {name}"


def test_committed_pictures_match_the_generator_byte_for_byte(generator: ModuleType) -> None:
    rendered: dict[str, str] = generator.render_all()
    on_disk = {path.name for path in SVG_FILES}
    assert on_disk == set(rendered), "every picture in images/ must come from tools/illustrations"
    stale = [name for name, text in rendered.items() if (IMAGES / name).read_bytes() != text.encode("utf-8")]
    assert not stale, f"regenerate with `python -m tools.illustrations`: {stale}"


def test_generator_check_mode_reports_a_hand_edited_file(generator: ModuleType, tmp_path: Path) -> None:
    assert generator.main(["--out", str(tmp_path)]) == 0
    assert generator.main(["--out", str(tmp_path), "--check"]) == 0
    edited = tmp_path / "disc-bulge.svg"
    edited.write_text(edited.read_text(encoding="utf-8").replace("#F2C230", "#000000"), encoding="utf-8")
    assert generator.main(["--out", str(tmp_path), "--check"]) == 1
