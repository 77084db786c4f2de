"""Write every illustration of the bundled pack, or check the committed files are current.

python -m tools.illustrations            # regenerate images/*.svg
python -m tools.illustrations --check    # exit 1 if a committed file differs
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: tools/illustrations/build.py
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    __package__ = "tools.illustrations"

from tools.generated_files import write_or_check

from . import pictures_anatomy, pictures_care, pictures_exercise, pictures_help  # noqa: F401
from .registry import PICTURES

REPO_ROOT = Path(__file__).resolve().parents[2]
IMAGES_DIR = REPO_ROOT / "resources" / "packs" / "lower-back-pinched-nerve" / "images"


def render_all() -> dict[str, str]:
    """File name -> SVG text for every registered picture."""
    return {f"{name}.svg": func().render(title) for name, (title, func) in sorted(PICTURES.items())}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--check", action="store_true", help="only compare with the files on disk")
    parser.add_argument("--out", type=Path, default=IMAGES_DIR, help="folder to write into")
    args = parser.parse_args(argv)
    return write_or_check(render_all(), args.out, check=args.check, what="pictures")


if __name__ == "__main__":
    raise SystemExit(main())
