"""Contact sheets: a demo rendered by Qt's own SVG renderer at evenly spaced moments of its loop,
so what is checked by eye is exactly what the kiosk will show."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from kiosk.ui.qt_workarounds import guard_singleton_refcounts

QT_SVG_FPS = 30
"""QSvgRenderer counts frames at 30 per second whatever framesPerSecond says (Qt 6.12)."""


def application() -> QGuiApplication:
    guard_singleton_refcounts()
    app = QGuiApplication.instance()
    return app if isinstance(app, QGuiApplication) else QGuiApplication([])


def render_at(renderer: QSvgRenderer, seconds: float, width: int, height: int) -> QImage:
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    renderer.setCurrentFrame(round(seconds * QT_SVG_FPS))
    painter = QPainter(image)
    renderer.render(painter, QRectF(0, 0, width, height))
    painter.end()
    return image


def contact_sheet(svg: Path, out: Path, columns: int = 4, rows: int = 2, cell: int = 400) -> Path:
    """A grid of frames spread over one loop (first cell = start of the loop)."""
    application()
    renderer = QSvgRenderer(str(svg))
    loop = renderer.animationDuration() / 1000.0
    height = cell * 3 // 4
    sheet = QImage(columns * cell, rows * height, QImage.Format.Format_ARGB32_Premultiplied)
    sheet.fill(QColor("white"))
    painter = QPainter(sheet)
    for index in range(columns * rows):
        frame = render_at(renderer, loop * index / (columns * rows), cell, height)
        painter.drawImage(index % columns * cell, index // columns * height, frame)
    painter.end()
    sheet.save(str(out))
    return out
