"""The SVG drawing helper's own loop: each picture answered, and its memory handed back after."""

from __future__ import annotations

import io
import json
import struct
from typing import Any

import pytest

from kiosk.session import memory
from kiosk.ui import render_worker

SQUARE = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b'<rect width="10" height="10" fill="#f00"/></svg>'
)


def requests(*pictures: tuple[bytes, int, int]) -> io.BytesIO:
    stream = io.BytesIO()
    for data, width, height in pictures:
        render_worker._write_frame(stream, json.dumps({"width": width, "height": height}).encode())
        render_worker._write_frame(stream, data)
    stream.seek(0)
    return stream


def answers(stream: io.BytesIO) -> list[dict[str, Any]]:
    stream.seek(0)
    found = []
    while (header := render_worker._read_frame(stream)) is not None:
        answer = json.loads(header)
        if answer["ok"]:
            pixels = render_worker._read_frame(stream)
            assert pixels is not None and len(pixels) == answer["height"] * answer["stride"]
            answer["first_pixel"] = struct.unpack("<I", pixels[:4])[0]
        found.append(answer)
    return found


def test_every_picture_is_answered_and_its_memory_handed_back_before_the_wait(
    qapp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The helper waits for hours between pictures; the heap a drawing freed must not wait with it."""
    trimmed_after: list[int] = []
    outbox = io.BytesIO()
    monkeypatch.setattr(memory, "return_free_memory", lambda: trimmed_after.append(outbox.tell()) or True)
    inbox = requests((SQUARE, 400, 400), (b"<svg", 100, 100), (SQUARE, 1200, 900))
    render_worker.serve(inbox, outbox)
    found = answers(outbox)
    assert [answer["ok"] for answer in found] == [True, False, True]
    assert found[0]["first_pixel"] == 0xFFFF0000  # opaque red, drawn
    assert (found[2]["width"], found[2]["height"]) == (1200, 900)
    assert found[1]["reason"] == "the drawing cannot be read"
    assert len(trimmed_after) == 3, "memory is handed back after every answer"
    assert trimmed_after[-1] == len(outbox.getvalue()), "and only once the answer is sent"
