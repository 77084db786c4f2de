"""Picture headers read by hand, so a hostile file is refused before any decoder allocates memory.

Only the first few kilobytes of a file are read. A PNG claiming 100000 x 100000 pixels would make
a decoder ask for 40 GB; here it is just two numbers compared with a limit.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

HEADER_BYTES = 64 * 1024
MAX_SIDE = 8192
MAX_PIXELS = 4096 * 4096
"""About 64 MB once decoded to 32-bit colour; a 1920x1080 screen never needs more."""


@dataclass(frozen=True)
class ImageSize:
    format: str
    width: int
    height: int


class BadImage(ValueError):
    """The file is not a readable picture of the type its name says."""


def read_image_size(header: bytes, extension: str) -> ImageSize:
    """Width and height from the first bytes of a PNG, JPEG, GIF or WebP file."""
    readers = {".png": _png, ".jpg": _jpeg, ".jpeg": _jpeg, ".gif": _gif, ".webp": _webp, ".bmp": _bmp}
    reader = readers.get(extension)
    if reader is None:
        raise BadImage(f"'{extension}' pictures are not supported")
    try:
        return reader(header)
    except (struct.error, IndexError) as error:
        raise BadImage("the file ends too early to be a picture") from error


def size_problem(size: ImageSize) -> str | None:
    """Why a picture of this size is refused, or None if it is fine."""
    if size.width <= 0 or size.height <= 0:
        return f"the picture says it is {size.width} x {size.height} pixels, which is not possible"
    if size.width > MAX_SIDE or size.height > MAX_SIDE or size.width * size.height > MAX_PIXELS:
        return (
            f"the picture is {size.width} x {size.height} pixels, too big for the kiosk "
            f"(at most {MAX_SIDE} pixels on a side and {MAX_PIXELS // 1_000_000} million pixels in all)"
        )
    return None


def _png(data: bytes) -> ImageSize:
    if not data.startswith(b"\x89PNG\r\n\x1a\n") or data[12:16] != b"IHDR":
        raise BadImage("the file is not a real PNG picture")
    width, height = struct.unpack(">II", data[16:24])
    return ImageSize("png", width, height)


def _gif(data: bytes) -> ImageSize:
    if data[:6] not in (b"GIF87a", b"GIF89a"):
        raise BadImage("the file is not a real GIF picture")
    width, height = struct.unpack("<HH", data[6:10])
    return ImageSize("gif", width, height)


_SOF_MARKERS = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


def _jpeg(data: bytes) -> ImageSize:
    if not data.startswith(b"\xff\xd8"):
        raise BadImage("the file is not a real JPEG picture")
    position = 2
    while position + 4 <= len(data):
        if data[position] != 0xFF:
            raise BadImage("the JPEG picture is damaged")
        marker = data[position + 1]
        if marker == 0xFF:  # fill byte
            position += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            position += 2
            continue
        (length,) = struct.unpack(">H", data[position + 2 : position + 4])
        if length < 2:
            raise BadImage("the JPEG picture is damaged")
        if marker in _SOF_MARKERS:
            height, width = struct.unpack(">HH", data[position + 5 : position + 9])
            return ImageSize("jpeg", width, height)
        position += 2 + length
    raise BadImage("the JPEG picture has no size information near its start")


def _bmp(data: bytes) -> ImageSize:
    """Only inside SVG drawings (a pack's own picture files are PNG, JPEG, GIF or WebP)."""
    if data[:2] != b"BM":
        raise BadImage("the file is not a real BMP picture")
    width, height = struct.unpack("<ii", data[18:26])
    return ImageSize("bmp", width, abs(height))


def _webp(data: bytes) -> ImageSize:
    if data[:4] != b"RIFF" or data[8:12] != b"WEBP":
        raise BadImage("the file is not a real WebP picture")
    chunk = data[12:16]
    if chunk == b"VP8X":
        width = 1 + int.from_bytes(data[24:27], "little")
        height = 1 + int.from_bytes(data[27:30], "little")
    elif chunk == b"VP8 ":
        if data[23:26] != b"\x9d\x01\x2a":
            raise BadImage("the WebP picture is damaged")
        width, height = (value & 0x3FFF for value in struct.unpack("<HH", data[26:30]))
    elif chunk == b"VP8L":
        if data[20] != 0x2F:
            raise BadImage("the WebP picture is damaged")
        bits = int.from_bytes(data[21:25], "little")
        width, height = (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    else:
        raise BadImage("the WebP picture uses a kind of data the kiosk does not know")
    return ImageSize("webp", width, height)


def looks_like_mp4(header: bytes) -> bool:
    """MP4 files start with a box whose type is 'ftyp'."""
    return len(header) >= 12 and header[4:8] == b"ftyp"
