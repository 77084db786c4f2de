"""Render every generated SVG with Qt, exactly as the kiosk does, plus a contact sheet.

Usage: QT_QPA_PLATFORM=offscreen .venv/bin/python -m tools.illustrations.preview [OUT_DIR]
Writes one PNG per picture and contact-sheet-1.png / contact-sheet-2.png into OUT_DIR
(default /tmp/kiosk-illustrations) so a person can look at them all at once.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from .build import IMAGES_DIR


def render(svg_path: Path, width: int = 800, height: int = 600) -> QImage:
    renderer = QSvgRenderer(str(svg_path))
    if not renderer.isValid():
        raise SystemExit(f"Qt could not read {svg_path}")
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, width, height))
    painter.end()
    return image


def contact_sheet(images: list[QImage], columns: int = 4, cell: tuple[int, int] = (400, 300)) -> QImage:
    rows = (len(images) + columns - 1) // columns
    gap = 12
    sheet = QImage(columns * (cell[0] + gap) + gap, rows * (cell[1] + gap) + gap, QImage.Format.Format_ARGB32)
    sheet.fill(QColor("#d8d8d8"))
    painter = QPainter(sheet)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    for index, image in enumerate(images):
        x = gap + (index % columns) * (cell[0] + gap)
        y = gap + (index // columns) * (cell[1] + gap)
        scaled = image.scaled(
            cell[0], cell[1], Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
        painter.drawImage(x, y, scaled)
    painter.end()
    return sheet


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    out_dir = Path(args[0]) if args else Path("/tmp/kiosk-illustrations")
    only = set(args[1:])
    out_dir.mkdir(parents=True, exist_ok=True)
    _app = QGuiApplication.instance() or QGuiApplication([])
    svgs = sorted(IMAGES_DIR.glob("*.svg"))
    if only:
        svgs = [s for s in svgs if s.stem in only]
    images = []
    for svg in svgs:
        image = render(svg)
        image.save(str(out_dir / f"{svg.stem}.png"))
        images.append(image)
    half = (len(images) + 1) // 2
    for number, chunk in enumerate((images[:half], images[half:]), start=1):
        if chunk:
            contact_sheet(chunk).save(str(out_dir / f"contact-sheet-{number}.png"))
    print(f"rendered {len(images)} pictures into {out_dir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
