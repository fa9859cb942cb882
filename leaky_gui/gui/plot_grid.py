"""The plot's grid: one line at each of the axes' major ticks, drawn straight into the view.

pyqtgraph's ``GridItem`` records three levels of translucent lines into a ``QPicture`` and
replays it on every repaint; Qt plays each recorded line back as a polyline and fills its
outline, so the grid cost more than everything else in the plot and grew with the pixels:
1.2 ms a repaint at device pixel ratio 1 and 2.4 ms at ratio 2 (callgrind, count 1e8,
alternating alpha and start). These lines go to the painter as one ``drawLines`` call with
a cosmetic pen of at most one device pixel, which Qt's raster engine draws on its fast
path, and they sit exactly on the axes' labelled ticks.
"""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import QLineF, QRectF
from PySide6.QtGui import QPainter, QPen


class MajorGrid(pg.GraphicsObject):
    """Vertical and horizontal lines at the bottom and left axes' major ticks, under everything."""

    def __init__(self, plot: pg.PlotItem) -> None:
        super().__init__()
        self._axes = plot.getAxis("bottom"), plot.getAxis("left")
        self._pen = QPen()
        self._pen.setCosmetic(True)

    def setPen(self, pen: QPen) -> None:
        """The lines' pen, kept cosmetic (a width in device pixels, whatever the view's scale)."""
        self._pen = QPen(pen)
        self._pen.setCosmetic(True)
        self.update()

    def pen(self) -> QPen:
        return QPen(self._pen)

    def boundingRect(self) -> QRectF:
        view = self.getViewBox()
        return QRectF() if view is None else view.viewRect()

    def viewRangeChanged(self) -> None:
        self.prepareGeometryChange()
        self.update()

    def ticks(self) -> tuple[list[float], list[float]]:
        """The major tick values (x, y) inside the view, as the axes choose them for their length."""
        rect = self.boundingRect()
        if not rect.isValid():
            return [], []
        bottom, left = self._axes
        spans = (
            (bottom, rect.left(), rect.right(), bottom.geometry().width()),
            (left, rect.top(), rect.bottom(), left.geometry().height()),
        )
        found: list[list[float]] = []
        for axis, low, high, length in spans:
            levels = axis.tickValues(low, high, length) if math.isfinite(high - low) and length > 0 else []
            found.append([v for v in levels[0][1] if low <= v <= high] if levels else [])
        return found[0], found[1]

    def paint(self, painter: QPainter, *args) -> None:
        rect = self.boundingRect()
        xs, ys = self.ticks()
        if not (xs or ys):
            return
        lines = [QLineF(x, rect.top(), x, rect.bottom()) for x in xs]
        lines += [QLineF(rect.left(), y, rect.right(), y) for y in ys]
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setPen(self._pen)
        painter.drawLines(lines)
