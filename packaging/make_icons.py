"""Render resources/leaky_gui.svg to the PNG sizes and the .ico the app and bundle use.

python packaging/make_icons.py      (run after editing the SVG; the outputs are committed)
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def main() -> int:
    app = QGuiApplication(sys.argv)  # noqa: F841 - image plugins need an application
    renderer = QSvgRenderer(str(RESOURCES / "leaky_gui.svg"))
    if not renderer.isValid():
        print("cannot read leaky_gui.svg", file=sys.stderr)
        return 1
    for size in SIZES:
        render(renderer, size).save(str(RESOURCES / f"leaky_gui_{size}.png"))
    # Qt's ICO writer stores one image; 256 px lets Windows scale down cleanly.
    if not render(renderer, 256).save(str(RESOURCES / "leaky_gui.ico"), "ICO"):
        print("cannot write leaky_gui.ico (Qt's ico image plugin missing?)", file=sys.stderr)
        return 1
    print(f"wrote {len(SIZES)} PNGs and leaky_gui.ico to {RESOURCES.name}/")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
