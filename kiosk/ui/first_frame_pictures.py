"""The pictures of the kiosk's first frame, kept on disk so the next start need not draw them.

SVG pictures are drawn by a helper process (`render_worker`), which takes a moment to start and load
Qt: the first frame used to wait about 50 ms for its first picture. The pictures drawn before the
first paint are noted here and, once the frame is on screen, written to the data folder as raw
premultiplied ARGB32 pixels, named by the sha256 of the SVG bytes that passed the checks and the
size drawn. The next start reads them back (a read of a file, no decoding) and starts the helper
only after its first paint.

Only the first frame's pictures are kept, and the folder holds nothing else: every write replaces
the previous set, so the folder stays a few megabytes and is written once per start, not per page.
A file of the wrong size is ignored (the picture is drawn as usual).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtGui import QImage

log = logging.getLogger(__name__)

FOLDER_NAME = "first-frame-pictures"
"""In the data folder."""
MAX_KEPT_BYTES = 48 * 1024 * 1024
"""Pictures beyond this (a very large screen with many pictures at once) are not kept."""
_FORMAT = QImage.Format.Format_ARGB32_Premultiplied


class FirstFramePictures:
    """Pictures found for, and drawn by, the first frame; inactive once it has been painted."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.active = True
        self.drawn: dict[str, QImage] = {}

    def has_pictures(self) -> bool:
        try:
            return any(self.folder.glob("*.argb"))
        except OSError:
            return False

    def find(self, digest_hex: str, width: int, height: int) -> QImage | None:
        """The picture as drawn at an earlier start, or None."""
        if not self.active:
            return None
        name = _file_name(digest_hex, width, height)
        try:
            with (self.folder / name).open("rb") as stream:
                pixels = stream.read(width * height * 4 + 1)
        except OSError:
            return None
        if len(pixels) != width * height * 4:
            return None
        image = QImage(pixels, width, height, width * 4, _FORMAT).copy()  # own the pixels
        self.drawn[name] = image
        return image

    def note(self, digest_hex: str, image: QImage) -> None:
        """A picture the first frame drew, to keep for the next start."""
        if self.active and image.format() == _FORMAT and image.bytesPerLine() == image.width() * 4:
            self.drawn[_file_name(digest_hex, image.width(), image.height())] = image

    def keep(self) -> None:
        """Write the first frame's pictures (replacing the earlier set) and stop looking."""
        self.active = False
        drawn, self.drawn = self.drawn, {}
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            kept = 0
            for name, image in drawn.items():
                size = image.sizeInBytes()
                if kept + size > MAX_KEPT_BYTES:
                    break
                target = self.folder / name
                if not target.is_file() or target.stat().st_size != size:
                    temporary = target.with_suffix(f".{os.getpid()}.tmp")
                    temporary.write_bytes(bytes(image.constBits()))
                    os.replace(temporary, target)
                kept += size
            for other in self.folder.iterdir():
                if other.name not in drawn or other.suffix != ".argb":
                    other.unlink(missing_ok=True)
        except OSError as error:
            log.warning("could not keep the first frame's pictures in %s: %s", self.folder, error)


def _file_name(digest_hex: str, width: int, height: int) -> str:
    return f"{digest_hex}-{width}x{height}.argb"
