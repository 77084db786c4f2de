"""Rebuilds the broken-pack corpus: one small folder per kind of mistake, each a copy of a tiny
valid pack with exactly one thing wrong. Run it after changing the base pack:

    .venv/bin/python tests/broken_packs/build.py

The expected file and line of each problem are listed in tests/content/test_broken_packs.py.
"""

from __future__ import annotations

import shutil
import struct
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent

PACK_YAML = """\
id: broken
title: Broken pack
version: "1.0.0"
languages: [en]
welcome: Tap a topic to start.
disclaimer: This is for learning only.
review:
  reviewed_by: Test Nurse, RN
  reviewed_on: 2026-01-15
  next_review: 2099-12-31
topics:
  - id: basics
    title: The basics
    picture: images/circle.svg
    pages:
      - what-is-it
"""

PAGE = """\
---
title: What is it?
illustration: images/circle.svg
illustration_alt: A blue circle.
---
A nerve can get pressed in your low back.
"""

SVG = """\
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 600">
  <circle cx="400" cy="300" r="180" fill="#1f6f8b"/>
</svg>
"""

BILLION_LAUGHS = """\
<?xml version="1.0"?>
<!DOCTYPE svg [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 600"><text>&lol3;</text></svg>
"""


def png_header(width: int, height: int) -> bytes:
    """A PNG signature and IHDR chunk claiming the given size (no pixel data follows)."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    chunk = b"IHDR" + ihdr
    return b"\x89PNG\r\n\x1a\n" + struct.pack(">I", len(ihdr)) + chunk + struct.pack(">I", zlib.crc32(chunk))


def _replace(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new)


CASES: dict[str, dict[str, str | bytes]] = {
    "bad-yaml": {
        "pack.yaml": _replace(PACK_YAML, "    title: The basics", "    title: The basics: part one")
    },
    "traversal-path": {
        "pack.yaml": _replace(PACK_YAML, "picture: images/circle.svg", "picture: ../outside.svg")
    },
    "backslash-path": {"pages/what-is-it.en.md": _replace(PAGE, "images/circle.svg", "images\\circle.svg")},
    "absolute-path": {
        "pages/what-is-it.en.md": _replace(PAGE, "images/circle.svg", "C:/pictures/circle.svg")
    },
    "svg-doctype-entities": {"images/circle.svg": BILLION_LAUGHS},
    "svg-external-href": {
        "images/circle.svg": _replace(
            SVG, "  <circle", '  <image href="https://example.org/x.png"/>\n  <circle'
        )
    },
    "svg-script": {"images/circle.svg": _replace(SVG, "  <circle", "  <script>alert(1)</script>\n  <circle")},
    "svg-onload": {"images/circle.svg": _replace(SVG, "<svg ", '<svg onload="alert(1)" ')},
    "svg-foreign-object": {
        "images/circle.svg": _replace(SVG, "</svg>", "  <foreignObject><p>hi</p></foreignObject>\n</svg>")
    },
    "huge-png-dimensions": {
        "pack.yaml": _replace(PACK_YAML, "picture: images/circle.svg", "picture: images/huge.png"),
        "images/huge.png": png_header(100_000, 100_000),
    },
    "fake-png": {
        "pack.yaml": _replace(PACK_YAML, "picture: images/circle.svg", "picture: images/fake.png"),
        "images/fake.png": b"this is a text file pretending to be a picture\n",
    },
    "unsupported-media": {
        "pack.yaml": _replace(PACK_YAML, "picture: images/circle.svg", "picture: images/leaflet.pdf"),
        "images/leaflet.pdf": b"%PDF-1.4\n",
    },
    "missing-page-file": {"pack.yaml": PACK_YAML + "      - symptoms\n"},
    "missing-illustration": {
        "pages/what-is-it.en.md": _replace(PAGE, "illustration: images/circle.svg\n", "")
    },
    "missing-picture-file": {
        "pages/what-is-it.en.md": _replace(PAGE, "images/circle.svg", "images/spine.svg")
    },
    "unused-file": {"images/old-drawing.svg": SVG},
    "unlisted-page": {"pages/symptoms.en.md": PAGE},
    "broken-link": {"pages/what-is-it.en.md": PAGE + "\nRead about the [signs](symptoms).\n"},
    "outside-link": {"pages/what-is-it.en.md": PAGE + "\nSee [our website](https://example.org).\n"},
    "raw-html": {"pages/what-is-it.en.md": PAGE + "\n<script>alert(1)</script>\n"},
    "inline-html": {"pages/what-is-it.en.md": PAGE + "\nThis is <b>bold</b>.\n"},
    "remote-image": {"pages/what-is-it.en.md": PAGE + "\n![A spine](https://example.org/spine.png)\n"},
    "bad-date": {"pack.yaml": _replace(PACK_YAML, "reviewed_on: 2026-01-15", "reviewed_on: 2026-13-45")},
    "review-overdue": {
        "pack.yaml": _replace(PACK_YAML, "next_review: 2099-12-31", "next_review: 2026-02-01")
    },
    "duplicate-topic": {
        "pack.yaml": PACK_YAML
        + "  - id: basics\n    title: More basics\n    picture: images/circle.svg\n"
        + "    pages:\n      - what-is-it\n"
    },
    "duplicate-page-in-topic": {"pack.yaml": PACK_YAML + "      - what-is-it\n"},
    "duplicate-key": {
        "pack.yaml": _replace(PACK_YAML, 'version: "1.0.0"\n', 'version: "1.0.0"\nid: again\n')
    },
    "yaml-alias": {
        "pack.yaml": _replace(PACK_YAML, "welcome: Tap a topic to start.", "welcome: &w Tap.\nnote: *w")
    },
    "unknown-setting": {"pack.yaml": _replace(PACK_YAML, "languages: [en]", "languages: [en]\ncolour: blue")},
    "version-not-text": {"pack.yaml": _replace(PACK_YAML, 'version: "1.0.0"', "version: 1.0")},
    "unknown-page-kind": {
        "pages/what-is-it.en.md": _replace(PAGE, "title: What is it?", "title: What?\nkind: quiz")
    },
    "no-front-matter": {"pages/what-is-it.en.md": "A nerve can get pressed in your low back.\n"},
    "missing-translation": {
        "pack.yaml": _replace(PACK_YAML, "languages: [en]", "languages: [en, es]"),
    },
    "hard-to-read": {
        "pages/what-is-it.en.md": PAGE
        + "\nRadiculopathy characteristically manifests as neurological symptomatology originating "
        "from compression or inflammation affecting spinal nerve roots, frequently necessitating "
        "comprehensive multidisciplinary evaluation and individualized therapeutic interventions.\n"
    },
    "non-utf8": {"pages/what-is-it.en.md": PAGE.encode() + "Caf\u00e9 au lait.\n".encode("latin-1")},
    "empty-pack-yaml": {"pack.yaml": ""},
    "binary-junk": {"pack.yaml": bytes(range(256)) * 4},
    "pack-yaml-is-a-list": {"pack.yaml": "- id: broken\n- title: Broken\n"},
}


def build() -> None:
    for name, changes in CASES.items():
        folder = HERE / name
        if folder.exists():
            shutil.rmtree(folder)
        files: dict[str, str | bytes] = {
            "pack.yaml": PACK_YAML,
            "pages/what-is-it.en.md": PAGE,
            "images/circle.svg": SVG,
        }
        files.update(changes)
        for relative, content in files.items():
            path = folder / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")


if __name__ == "__main__":
    build()
