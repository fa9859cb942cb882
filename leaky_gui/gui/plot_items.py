"""The plot's drawn pieces: pens for any pixel ratio, curves, markers, the grid, and the overlay toggles.

The grid is one line at each of the axes' major ticks, drawn straight into the view.
pyqtgraph's ``GridItem`` records three levels of translucent lines into a ``QPicture`` and
replays it on every repaint; Qt plays each recorded line back as a polyline and fills its
outline, so the grid was a fifth of the plot's paint at device pixel ratio 1 and nearly a
third at ratio 2 (callgrind, count 1e8, alpha and start changing in turn: 3.3 and 6.0
million instructions a repaint). These lines go to the painter as one ``drawLines`` call
with a cosmetic pen of at most one device pixel, which Qt's raster engine draws on its
fast path, and they sit exactly on the axes' labelled ticks.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QPainter, QPen

from leaky_gui.gui.theme import Scheme


@dataclass(frozen=True)
class Overlays:
    """Extra lines, each a toggle."""

    derivative: bool = False
    relu: bool = False
    identity: bool = False


def clear_item(item: pg.PlotDataItem) -> None:
    """Empty an item, skipping the work when it is empty already (most overlays, most of the time)."""
    if item.getData()[0] is not None:
        item.setData([], [])


def markers(plot: pg.PlotItem, symbol: str, size: int, pen, z: float) -> pg.PlotDataItem:
    """An empty item of unconnected symbols (sample points, the zero crossing, the single x)."""
    item = plot.plot([], [], pen=None, symbol=symbol, symbolSize=size, symbolPen=pen)
    item.setZValue(z)
    return item


@dataclass(frozen=True)
class Stroke:
    """A pen as designed, its width in logical pixels; drawn ``scale`` times as wide in device pixels.

    pyqtgraph's pens are cosmetic, and Qt strokes cosmetic pens in device pixels: at a
    device pixel ratio of 2 a 3 px curve would look 1.5 px thin without the scale.
    """

    colour: str | tuple[int, int, int, int]
    width: float = 1.0
    style: Qt.PenStyle = Qt.PenStyle.SolidLine
    #: Stays one device pixel wide and gets darker instead (for the many translucent grid
    #: lines: 2 px wide, Qt's stroker cost 10 ms a frame at ratio 2; 1 px lines stay fast).
    thin: bool = False

    def pen(self, scale: float) -> QPen:
        if self.thin:
            assert isinstance(self.colour, tuple), "a thin stroke darkens an (r, g, b, a) colour"
            r, g, b, a = self.colour
            return pg.mkPen(r, g, b, min(255, round(a * scale)), width=1)
        return pg.mkPen(self.colour, width=self.width * scale, style=self.style)


class Curve:
    """A curve and its (optional) dashed derivative, both created once.

    ``colour`` picks the curve's colour from a scheme, so a change of scheme redraws it.
    """

    def __init__(
        self,
        plot: pg.PlotItem,
        colour: Callable[[Scheme], str],
        dash: Qt.PenStyle,
        width: float,
        z: float,
    ) -> None:
        self.colour = colour
        self.dash = dash
        self.width = width
        self.line = pg.PlotDataItem([], [])
        self.derivative = pg.PlotDataItem([], [])
        self.line.setZValue(z)
        self.derivative.setZValue(z - 0.5)
        plot.addItem(self.line)
        plot.addItem(self.derivative)

    def set_pens(self, scheme: Scheme, scale: float) -> None:
        colour = self.colour(scheme)
        self.line.setPen(Stroke(colour, self.width, self.dash).pen(scale))
        self.derivative.setPen(Stroke(colour, max(1.5, self.width - 1), Qt.PenStyle.DashLine).pen(scale))

    def remove(self, plot: pg.PlotItem) -> None:
        plot.removeItem(self.line)
        plot.removeItem(self.derivative)


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
        # Each axis measures itself one pixel past either end (AxisItem.generateDrawSpecs):
        # the same length gives the same spacing, even where it is about to change.
        spans = (
            (bottom, rect.left(), rect.right(), bottom.geometry().width() + 2),
            (left, rect.top(), rect.bottom(), left.geometry().height() + 2),
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
