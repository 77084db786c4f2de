"""Drawing SVG pictures in a separate process, so a drawing that takes too long is stopped, not waited for.

Qt's SVG renderer runs in C++ and holds Python's lock while it draws, so a thread cannot keep the
screen responsive, and nothing can interrupt a drawing half way. The static checks of `kiosk validate`
(`kiosk.content.svg_budget`) keep real drawings far from any limit; this is the second line: each
picture is drawn by a small helper process within `DRAW_BUDGET_SECONDS`, and when the time is up the
process is killed (a fresh one starts for the next picture) and the picture stays a calm placeholder.
The helper also runs with a memory limit, so a drawing that asks for gigabytes ends only the helper.

Messages are length-prefixed frames on the helper's stdin and stdout: a small JSON header, then the
SVG bytes (request) or the pixels of a premultiplied ARGB32 image (answer).
"""

from __future__ import annotations

import atexit
import json
import logging
import os
import select
import struct
import subprocess
import sys
import time
from typing import IO, Any

from PySide6.QtGui import QImage

log = logging.getLogger(__name__)

DRAW_BUDGET_SECONDS = 3.0
"""Longest a picture may take to draw; the screen waits at most this long for one picture."""
START_ALLOWANCE_SECONDS = 20.0
"""Extra time for the helper's first answer, while it starts and loads Qt."""
WORKER_MEMORY_BYTES = 3 * 1024**3
"""Address space the helper may use; a drawing asking for more ends the helper, not the kiosk."""
MAX_ANSWER_BYTES = 8192 * 8192 * 4 + 4096
_LENGTH = struct.Struct(">I")


class DrawFailed(Exception):
    """The picture could not be drawn in time or at all; the message says why, for the log."""


def _write_frame(stream: IO[bytes], payload: bytes) -> None:
    view = memoryview(_LENGTH.pack(len(payload)) + payload)
    while view:
        written = stream.write(view)  # an unbuffered pipe may take part of it
        view = view[written if written is not None else 0 :]


def _read_exactly(stream: IO[bytes], count: int) -> bytes | None:
    chunks, left = [], count
    while left:
        chunk = stream.read(left)
        if not chunk:
            return None
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _read_frame(stream: IO[bytes]) -> bytes | None:
    header = _read_exactly(stream, _LENGTH.size)
    if header is None:
        return None
    return _read_exactly(stream, _LENGTH.unpack(header)[0])


class SvgDrawer:
    """The kiosk's side: one helper process, started when first needed and again after a kill."""

    def __init__(self, budget: float = DRAW_BUDGET_SECONDS) -> None:
        self.budget = budget
        self._process: subprocess.Popen[bytes] | None = None
        self._started_answering = False
        atexit.register(self.stop)

    def draw(self, data: bytes, width: int, height: int) -> QImage:
        """`data` drawn into a transparent `width` x `height` image, keeping its proportions.

        Raises `DrawFailed` when the helper takes longer than the budget or dies drawing it."""
        process = self._running()
        assert process.stdin is not None and process.stdout is not None
        request = json.dumps({"width": width, "height": height}).encode()
        try:
            _write_frame(process.stdin, request)
            _write_frame(process.stdin, data)
            process.stdin.flush()
        except OSError as error:
            self.stop()
            raise DrawFailed(f"the drawing helper stopped ({error.__class__.__name__})") from None
        allowance = self.budget + (0 if self._started_answering else START_ALLOWANCE_SECONDS)
        deadline = time.monotonic() + allowance
        header = self._answer(process, deadline)
        answer = json.loads(header)
        if not answer.get("ok"):
            raise DrawFailed(str(answer.get("reason", "the drawing could not be read"))[:200])
        pixels = self._answer(process, deadline, int(answer["height"]) * int(answer["stride"]))
        image = QImage(
            pixels,
            int(answer["width"]),
            int(answer["height"]),
            int(answer["stride"]),
            QImage.Format.Format_ARGB32_Premultiplied,
        )
        return image.copy()  # own the pixels: the bytes object goes away

    def _answer(self, process: subprocess.Popen[bytes], deadline: float, expected: int = -1) -> bytes:
        assert process.stdout is not None
        if not self._wait_readable(process, deadline):
            self.stop()
            raise DrawFailed(f"drawing took longer than {self.budget:g} s, so it was stopped")
        frame = _read_frame(process.stdout)
        if frame is None or (expected >= 0 and len(frame) != expected) or len(frame) > MAX_ANSWER_BYTES:
            self.stop()
            raise DrawFailed("the drawing helper stopped while drawing (too much memory?)")
        self._started_answering = True
        return frame

    def _wait_readable(self, process: subprocess.Popen[bytes], deadline: float) -> bool:
        assert process.stdout is not None
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            try:
                ready, _, _ = select.select([process.stdout], [], [], left)
            except InterruptedError:
                continue
            if ready:
                return True

    def start(self) -> None:
        """Start the helper ahead of the first picture (it takes a moment to load Qt)."""
        self._running()

    def _running(self) -> subprocess.Popen[bytes]:
        if self._process is not None and self._process.poll() is None:
            return self._process
        self._started_answering = False
        environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        self._process = subprocess.Popen(
            [sys.executable, "-m", "kiosk.ui.render_worker"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            bufsize=0,  # unbuffered: `select` then sees every byte not yet read
            env=environment,
        )
        return self._process

    def stop(self) -> None:
        """End the helper (at exit, and when it overran its budget)."""
        process, self._process = self._process, None
        if process is None:
            return
        process.kill()
        for stream in (process.stdin, process.stdout):
            if stream is not None:
                stream.close()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:  # pragma: no cover - a killed process always ends
            log.warning("the drawing helper %d did not end", process.pid)


def _limit_memory() -> None:
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (WORKER_MEMORY_BYTES, WORKER_MEMORY_BYTES))
    except (ImportError, ValueError, OSError):  # not on this system: the time budget still holds
        pass


def _quiet(kind: Any, context: Any, message: str) -> None:
    """Qt's warnings about a drawing quote its content; they are escaped before reaching the log."""
    from kiosk.content.escape import escape

    sys.stderr.write(f"drawing helper: {escape(message)[:300]}\n")


def serve(inbox: IO[bytes] | None = None, outbox: IO[bytes] | None = None) -> None:
    """The helper's side: draw each request and answer, until the kiosk closes the pipe (or
    `inbox` ends: tests pass streams of their own)."""
    from PySide6.QtCore import QCoreApplication, qInstallMessageHandler
    from PySide6.QtGui import QGuiApplication

    from kiosk.session.memory import return_free_memory

    app: QCoreApplication | None = QGuiApplication.instance()
    if inbox is None or outbox is None:
        _limit_memory()
        app = QGuiApplication(sys.argv[:1])
        qInstallMessageHandler(_quiet)
        inbox, outbox = sys.stdin.buffer, sys.stdout.buffer
    while True:
        header, data = _read_frame(inbox), _read_frame(inbox)
        if header is None or data is None:
            break
        _draw_and_answer(outbox, json.loads(header), data)
        del header, data
        # The drawing's pixels, freed, would stay in this process's heap while it waits, often for
        # hours: about 8 MB after a dozen pictures. Handing them back takes half a millisecond.
        return_free_memory()
    del app


def _draw_and_answer(outbox: IO[bytes], request: dict[str, Any], data: bytes) -> None:
    from PySide6.QtCore import QByteArray, QRectF, Qt
    from PySide6.QtGui import QPainter
    from PySide6.QtSvg import QSvgRenderer

    width = max(1, min(int(request["width"]), 8192))
    height = max(1, min(int(request["height"]), 8192))
    renderer = QSvgRenderer(QByteArray(data))
    if not renderer.isValid():
        _write_frame(outbox, json.dumps({"ok": False, "reason": "the drawing cannot be read"}).encode())
        outbox.flush()
        return
    renderer.setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    renderer.render(painter, QRectF(0, 0, width, height))
    painter.end()
    answer = {"ok": True, "width": width, "height": height, "stride": image.bytesPerLine()}
    _write_frame(outbox, json.dumps(answer).encode())
    _write_frame(outbox, bytes(image.constBits()))
    outbox.flush()


if __name__ == "__main__":
    serve()
