"""The record of what the start screen showed, kept for the next start (`first_screen`).

It holds the pack's own words (title, highlights, welcomes), the colours, the screen and what the
screen depended on, and nothing of any visit. It is read with a size limit, never through a link
or from anything but a regular file, and checked field by field: a record that does not parse or
has any value of the wrong type or range reads as no record.

No `from __future__ import annotations` here: the record is a named tuple built before the first
frame, which would compile each field's annotation given as a string (see `theme`).
"""

import json
import logging
import math
import os
import stat
from pathlib import Path
from typing import Any, NamedTuple

from kiosk import __version__

log = logging.getLogger(__name__)

RECORD_NAME = "first-screen.json"
"""In the data folder."""
MAX_RECORD_BYTES = 256 * 1024


def stamp(path: Path) -> list[int] | None:
    """(size, modification time in ns) of `path`, or None when it does not exist or cannot be read."""
    try:
        status = os.stat(path)
    except OSError:
        return None
    return [status.st_size, status.st_mtime_ns]


class FirstScreenRecord(NamedTuple):
    """What the last start's start screen showed, and what it depended on."""

    version: str
    options: dict[str, Any]
    """The `kiosk run` options that choose the screen and the voice, and the settings file it reads
    (`run_options`)."""
    stamps: dict[str, list[int] | None]
    """Path -> `stamp` of each file the screen depended on (the settings, the store's pointer)."""
    screen: str
    geometry: list[int]
    """The screen's x, y, width and height."""
    size: list[int]
    """The window's width and height."""
    language: str
    text_size: int
    accent: str | None
    background: str | None
    pack_title: str
    slides: list[list[str]]
    """[picture path, title, teaser] of each highlight."""
    welcomes: list[list[str]]
    """[language, welcome] for each pack language."""
    speaks: list[str]
    """The languages read aloud offered on the start screen."""
    digests: list[str]
    """sha256 (hex) of the checked bytes of the first highlight's picture."""
    aspects: list[float]
    """Height / width of each picture in `digests`, as drawn (`resources.measured_aspect`)."""

    def to_json(self) -> str:
        return json.dumps(self._asdict(), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> "FirstScreenRecord | None":
        """The record in `text`, or None unless every field has the type it must have."""
        try:
            raw = json.loads(text)
            record = cls(**raw)
        except (ValueError, TypeError):
            return None
        return record if record.well_formed() else None

    def well_formed(self) -> bool:
        def texts(value: object, length: int) -> bool:
            return isinstance(value, list) and all(
                isinstance(row, list) and len(row) == length and all(isinstance(part, str) for part in row)
                for row in value
            )

        def numbers(value: object, length: int) -> bool:
            return (
                isinstance(value, list)
                and len(value) == length
                and all(isinstance(n, int) and not isinstance(n, bool) and abs(n) < 1 << 20 for n in value)
            )

        return (
            all(isinstance(v, str) for v in (self.version, self.screen, self.language, self.pack_title))
            and isinstance(self.options, dict)
            and isinstance(self.stamps, dict)
            and numbers(self.geometry, 4)
            and numbers(self.size, 2)
            and self.size[0] > 0
            and self.size[1] > 0
            and isinstance(self.text_size, int)
            and 50 <= self.text_size <= 400
            and all(v is None or isinstance(v, str) for v in (self.accent, self.background))
            and texts(self.slides, 3)
            and len(self.slides) > 0
            and texts(self.welcomes, 2)
            and len(self.welcomes) > 0
            and isinstance(self.speaks, list)
            and all(isinstance(language, str) for language in self.speaks)
            and isinstance(self.digests, list)
            and all(isinstance(d, str) and len(d) == 64 for d in self.digests)
            and isinstance(self.aspects, list)
            and len(self.aspects) == len(self.digests)
            and all(_proportion(aspect) for aspect in self.aspects)
        )

    def still_fits(self, options: dict[str, Any]) -> bool:
        """True when this kiosk, started with `options`, would show the screen recorded."""
        return (
            self.version == __version__
            and self.options == options
            and all(stamp(Path(path)) == recorded for path, recorded in self.stamps.items())
        )


def _proportion(value: object) -> bool:
    return isinstance(value, float) and math.isfinite(value) and 0 < value < 1000


def run_options(screen: str | None, speech: str, settings: Path) -> dict[str, Any]:
    """What a fullscreen start is asked for: the record of a start asked for anything else is not
    used (another settings folder, `KIOSK_CONFIG_DIR`, means other settings even if the old file is
    unchanged)."""
    return {"screen": screen, "speech": speech, "settings": str(settings)}


def read_record(path: Path) -> FirstScreenRecord | None:
    """The record at `path`, or None (absent, not a regular file, too large, or not a record)."""
    try:
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
        descriptor = os.open(path, flags)
    except OSError:
        return None
    with os.fdopen(descriptor, "rb") as stream:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):  # a pipe would wait for ever
            return None
        data = stream.read(MAX_RECORD_BYTES + 1)
    if len(data) > MAX_RECORD_BYTES:
        return None
    try:
        return FirstScreenRecord.from_json(data.decode("utf-8"))
    except UnicodeDecodeError:
        return None


def write_record(path: Path, record: FirstScreenRecord) -> None:
    """Keep `record` for the next start; nothing is written when it is the one kept already."""
    from kiosk.session.paths import write_atomically

    text = record.to_json()
    if read_record(path) == record:
        return
    try:
        write_atomically(path, text.encode("utf-8"))
    except OSError as error:
        log.warning("could not keep the start screen's record in %s: %s", path, error.strerror)


def regular_file(path: Path) -> bool:
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False
