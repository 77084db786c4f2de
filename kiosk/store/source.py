"""A pack as staff hand it over: a folder, or a .zip of one. Every command that takes a pack uses
`pack_folder`, so a zip works everywhere a folder does (`run`, `screenshots`, `install`, the inbox).

A zip is unpacked into a fresh temporary folder by `content.archive`, which refuses absolute names,
`..`, links, and archives that would unpack to too many files or bytes (zip bombs).
"""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import Iterator
from pathlib import Path

from kiosk.store.text import printable


class SourceError(ValueError):
    """The path given is not a usable pack folder or zip; `fix` says what to do."""

    def __init__(self, message: str, fix: str = "") -> None:
        super().__init__(message)
        self.fix = fix

    def line(self) -> str:
        return f"{self}" + (f" ({self.fix})" if self.fix else "")


def is_zip(path: Path) -> bool:
    return path.suffix.lower() == ".zip"


@contextlib.contextmanager
def pack_folder(path: Path) -> Iterator[Path]:
    """The folder holding pack.yaml: `path` itself, or a temporary unpacked copy of a zip that is
    deleted when the block ends."""
    shown = printable(path)
    try:
        is_folder, exists = path.is_dir(), path.exists()
    except OSError as error:
        raise SourceError(f"{shown} cannot be opened ({error.strerror})") from None
    if is_folder:
        yield path
        return
    if not exists:
        raise SourceError(f"there is no file or folder called {shown}")
    if not is_zip(path):
        raise SourceError(
            f"{shown} is a file", "give the pack folder (the one holding pack.yaml) or a .zip of it"
        )
    from kiosk.content.archive import ArchiveError, extract_pack_archive  # zip reading, when needed

    with tempfile.TemporaryDirectory(prefix="kiosk-pack-") as temporary:
        try:
            root = extract_pack_archive(path, Path(temporary))
        except ArchiveError as error:
            raise SourceError(f"{path.name}: {error}", error.fix) from None
        yield root


class KeptOpen:
    """A pack folder that must stay on disk for a whole run (`kiosk run --pack x.zip`)."""

    def __init__(self, path: Path) -> None:
        self._stack = contextlib.ExitStack()
        self.folder = self._stack.enter_context(pack_folder(path))

    def close(self) -> None:
        self._stack.close()
