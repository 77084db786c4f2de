"""Picture headers are read without decoding, and oversized pictures are refused."""

from __future__ import annotations

import struct

import pytest

from kiosk.content.images import BadImage, ImageSize, read_image_size, size_problem


def png(width: int, height: int) -> bytes:
    return (
        b"\x89PNG\r\n\x1a\n"
        + struct.pack(">I", 13)
        + b"IHDR"
        + struct.pack(">II", width, height)
        + b"\x08\x06\0\0\0"
    )


def gif(width: int, height: int) -> bytes:
    return b"GIF89a" + struct.pack("<HH", width, height) + b"\0\0\0"


def jpeg(width: int, height: int) -> bytes:
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\0" + b"\0" * 9
    sof = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    return b"\xff\xd8" + app0 + sof + b"\xff\xd9"


def webp_lossless(width: int, height: int) -> bytes:
    bits = (width - 1) | ((height - 1) << 14)
    data = b"\x2f" + bits.to_bytes(4, "little")
    return (
        b"RIFF"
        + struct.pack("<I", 4 + 8 + len(data))
        + b"WEBP"
        + b"VP8L"
        + struct.pack("<I", len(data))
        + data
    )


def webp_lossy(width: int, height: int) -> bytes:
    frame = b"\x00\x00\x00" + b"\x9d\x01\x2a" + struct.pack("<HH", width, height)
    return (
        b"RIFF"
        + struct.pack("<I", 4 + 8 + len(frame))
        + b"WEBP"
        + b"VP8 "
        + struct.pack("<I", len(frame))
        + frame
    )


def webp_extended(width: int, height: int) -> bytes:
    data = b"\x10\0\0\0" + (width - 1).to_bytes(3, "little") + (height - 1).to_bytes(3, "little")
    return (
        b"RIFF"
        + struct.pack("<I", 4 + 8 + len(data))
        + b"WEBP"
        + b"VP8X"
        + struct.pack("<I", len(data))
        + data
    )


@pytest.mark.parametrize(
    ("data", "extension", "kind"),
    [
        (png(640, 480), ".png", "png"),
        (gif(640, 480), ".gif", "gif"),
        (jpeg(640, 480), ".jpg", "jpeg"),
        (jpeg(640, 480), ".jpeg", "jpeg"),
        (webp_lossless(640, 480), ".webp", "webp"),
        (webp_lossy(640, 480), ".webp", "webp"),
        (webp_extended(640, 480), ".webp", "webp"),
    ],
)
def test_sizes_are_read_from_headers(data: bytes, extension: str, kind: str) -> None:
    assert read_image_size(data, extension) == ImageSize(kind, 640, 480)


def test_huge_dimensions_are_refused_before_decoding() -> None:
    reason = size_problem(read_image_size(png(100_000, 100_000), ".png"))
    assert reason is not None and "100000 x 100000" in reason
    assert size_problem(read_image_size(gif(5000, 5000), ".gif")) is not None  # 25 million pixels
    assert size_problem(read_image_size(jpeg(1920, 1080), ".jpg")) is None
    assert size_problem(ImageSize("png", 0, 10)) is not None


@pytest.mark.parametrize(
    ("data", "extension"),
    [
        (b"", ".png"),
        (png(1, 1)[:18], ".png"),
        (b"GIF", ".gif"),
        (b"\xff\xd8\xff", ".jpg"),
        (gif(1, 1), ".png"),
        (b"RIFF\0\0\0\0WEBPVP8Z", ".webp"),
        (b"hello", ".bmp"),
        (b"\xff\xd8" + b"\x00" * 10, ".jpg"),
    ],
)
def test_damaged_or_mislabelled_pictures_are_refused(data: bytes, extension: str) -> None:
    with pytest.raises(BadImage):
        read_image_size(data, extension)
