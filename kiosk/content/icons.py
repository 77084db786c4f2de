"""Which icon names exist, read from qtawesome's own name lists without importing qtawesome.

`content/` must stay free of Qt, and importing qtawesome loads Qt. Its fonts folder ships one JSON
"charmap" per icon set (name -> code point); reading those files is enough to tell a typo
(`fa5s.walkin`) from a real icon before the kiosk quietly shows a book icon instead.
"""

from __future__ import annotations

import functools
import importlib.util
import json
from pathlib import Path

CHARMAP_STEMS = {
    "fa5s": "fontawesome5-solid-webfont",
    "fa5r": "fontawesome5-regular-webfont",
    "fa5b": "fontawesome5-brands-webfont",
    "fa6s": "fontawesome6-solid-webfont",
    "fa6r": "fontawesome6-regular-webfont",
    "fa6b": "fontawesome6-brands-webfont",
    "mdi": "materialdesignicons5-webfont",
    "mdi6": "materialdesignicons6-webfont",
    "ph": "phosphor",
    "ri": "remixicon",
    "msc": "codicon",
}
"""Icon name prefix (as in pack.yaml) -> the start of its charmap file name in qtawesome/fonts."""


def _fonts_folder() -> Path | None:
    spec = importlib.util.find_spec("qtawesome")  # finds the package without running it
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "fonts"
    return folder if folder.is_dir() else None


@functools.cache
def known_names(prefix: str) -> frozenset[str] | None:
    """Icon names of one set, or None when the set's list cannot be found (then nothing is judged)."""
    folder, stem = _fonts_folder(), CHARMAP_STEMS.get(prefix)
    if folder is None or stem is None:
        return None
    for charmap in sorted(folder.glob(f"{stem}-charmap-*.json")):
        try:
            data = json.loads(charmap.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if isinstance(data, dict):
            return frozenset(str(name) for name in data)
    return None


def is_unknown_icon(name: str) -> bool:
    """True only when the icon's set is known and does not hold the name."""
    prefix, _, icon = name.partition(".")
    names = known_names(prefix)
    return names is not None and icon not in names
