"""Problems found in a pack, phrased for the nurse who has to fix them."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from kiosk.content.escape import escape


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with a pack: where it is, what is wrong, and how to fix it.

    `file` is relative to the pack folder (forward slashes), `line` is 1-based, or 0 when the
    problem concerns the whole file.
    """

    file: str
    line: int
    severity: Severity
    message: str
    fix: str = ""

    def format(self) -> str:
        """The `path:line: error: message (how to fix it)` line that `kiosk validate` prints.

        Always one line, safe for a terminal and a log: names and text from the pack are escaped."""
        where = f"{self.file}:{self.line}" if self.line else self.file
        hint = f" ({self.fix})" if self.fix else ""
        return escape(f"{where}: {self.severity.value}: {self.message}{hint}")

    def as_dict(self) -> dict[str, str | int]:
        """The problem for `kiosk validate --json` (JSON escapes every control character itself)."""
        return {
            "file": self.file,
            "line": self.line,
            "severity": self.severity.value,
            "message": self.message,
            "fix": self.fix,
        }

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR
