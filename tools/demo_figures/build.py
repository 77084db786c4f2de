"""Write every exercise demo of the bundled pack, or check that the committed files are current.

python -m tools.demo_figures                 # regenerate animations/*.svg
python -m tools.demo_figures --check         # exit 1 if a committed file differs
python -m tools.demo_figures --sheets DIR    # also save contact sheets (needs PySide6)
"""

from __future__ import annotations

import argparse
from pathlib import Path

from tools.generated_files import write_or_check

from .demos import ALL_DEMOS
from .writer import render_demo

REPO_ROOT = Path(__file__).resolve().parents[2]
ANIMATIONS_DIR = REPO_ROOT / "resources" / "packs" / "lower-back-pinched-nerve" / "animations"


def render_all() -> dict[str, str]:
    """File name -> SVG text for every demo."""
    out = {}
    for build in ALL_DEMOS:
        demo = build()
        out[f"{demo.name}.svg"] = render_demo(demo)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--check", action="store_true", help="only compare with the files on disk")
    parser.add_argument("--out", type=Path, default=ANIMATIONS_DIR, help="folder to write into")
    parser.add_argument("--sheets", type=Path, help="folder for contact-sheet PNGs of every demo")
    args = parser.parse_args(argv)
    rendered = render_all()
    status = write_or_check(rendered, args.out, check=args.check, what="demos")
    if args.check or status:
        return status
    if args.sheets:
        from .preview import contact_sheet

        args.sheets.mkdir(parents=True, exist_ok=True)
        for name in rendered:
            sheet = contact_sheet(args.out / name, args.sheets / name.replace(".svg", ".png"))
            print(f"contact sheet: {sheet}")
    return 0
