"""Writing generated files into the pack, or checking that the committed copies are current.

Shared by the illustration and demo generators, so `--check` means the same for both: a committed
file that is missing or differs from what the generator makes now is reported, and nothing is
written.
"""

from __future__ import annotations

import sys
from pathlib import Path


def write_or_check(rendered: dict[str, str], out: Path, *, check: bool, what: str) -> int:
    """Write every `name -> text` of `rendered` into `out`, or with `check` only compare; exit code."""
    if check:
        stale = [
            name
            for name, text in rendered.items()
            if not (out / name).exists() or (out / name).read_text(encoding="utf-8") != text
        ]
        for name in stale:
            print(f"out of date: {out / name}", file=sys.stderr)
        return 1 if stale else 0
    out.mkdir(parents=True, exist_ok=True)
    for name, text in rendered.items():
        (out / name).write_text(text, encoding="utf-8", newline="\n")
    print(f"wrote {len(rendered)} {what} to {out}")
    return 0
