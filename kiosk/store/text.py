"""Text from packs and file names, made safe to print on a terminal or write to a log.

A file name that arrives in the inbox, or a line from a pack, may hold control characters
(escape sequences that recolour or clear a terminal). They are shown as visible escapes instead.
"""

from __future__ import annotations

MAX_SHOWN = 300


def printable(text: object, limit: int = MAX_SHOWN) -> str:
    """`text` with every control or invisible character escaped (\\x1b, \\n ...), cut to `limit`."""
    shown = "".join(
        char if char.isprintable() else char.encode("unicode_escape").decode("ascii") for char in str(text)
    )
    return shown if len(shown) <= limit else shown[: limit - 1] + "\u2026"
