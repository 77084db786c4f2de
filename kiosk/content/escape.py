"""Pack text made safe to print: nothing a pack holds can move the cursor, recolour or hide a line.

Terminals act on control characters (ESC starts a sequence that can clear the screen or paint a fake
"0 errors" in green), and bidi overrides and zero-width characters make a line read differently from
what it holds. Every string that came from a pack (file and zip entry names, YAML keys, paths, text)
goes through `escape` before it reaches a terminal or a log; the characters are shown as Python writes
them (`\\x1b`, `\\u202e`), so staff still see that something odd is there, and where.
"""

from __future__ import annotations

import re

_BIDI_AND_INVISIBLE = "\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
_UNSAFE = re.compile(f"[\\x00-\\x1f\\x7f-\\x9f{_BIDI_AND_INVISIBLE}]")
"""C0 and C1 controls, DEL, bidi marks and overrides, zero-width and other invisible format characters,
line and paragraph separators."""


def _shown(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def escape(text: str) -> str:
    """`text` with every control, bidi and invisible character written out, e.g. ESC as `\\x1b`."""
    return _UNSAFE.sub(_shown, text)


def has_unsafe_characters(text: str) -> bool:
    return _UNSAFE.search(text) is not None
