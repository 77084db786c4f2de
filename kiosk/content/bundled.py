"""Where the data shipped with the kiosk is: its packs and its font, in the package `kiosk.bundled`.

In the checkout they live in the top-level `resources/` folder; setup.py installs that folder as
the package `kiosk.bundled` (an editable install maps it to the checkout), so the same code finds
them after `pip install`, `pipx install` or in the checkout, from any working folder.

The kiosk reads that data as files, so the package must be a folder on disk (an install into a
zip is refused with a clear error). The folder is the one holding the package's own `__init__.py`:
for such a package that is what `importlib.resources.files` returns too, without importing its
half-dozen modules before the start screen's first frame (8 million instructions, almost 1% of that
start).
"""

from __future__ import annotations

from pathlib import Path

import kiosk.bundled

BUNDLED_PACK_ID = "lower-back-pinched-nerve"
"""The pack shown when no other is given, and the fallback when another pack is refused."""


class BundledDataMissing(RuntimeError):
    """The installed kiosk has no readable bundled data (a broken or zipped install)."""


def bundled_root() -> Path:
    """The folder of data shipped with the kiosk (`resources/` in the checkout)."""
    init_file = getattr(kiosk.bundled, "__file__", None)
    root = Path(init_file).parent if init_file else None
    if root is None or not root.is_dir():
        raise BundledDataMissing(
            f"the kiosk's bundled data is not a folder on disk ({root or 'no package file'}); "
            "reinstall the kiosk unzipped"
        )
    return root


def bundled_pack_dir(pack_id: str = BUNDLED_PACK_ID) -> Path:
    """The folder of a bundled pack (the default one unless `pack_id` names another)."""
    return bundled_root() / "packs" / pack_id


def bundled_pack_ids() -> list[str]:
    """The ids of every pack shipped with the kiosk, sorted."""
    packs = bundled_root() / "packs"
    return sorted(entry.name for entry in packs.iterdir() if (entry / "pack.yaml").is_file())
