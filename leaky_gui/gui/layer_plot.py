"""The Layer view's plot: the signal's std ratio over depth on a log axis, the gradient's dashed.

``LayerPlot`` owns the plot widget (made by ``layer_plot()``) and each alpha's lines in it,
and makes the table's swatch of each line; ``LayerView`` holds one and tells it what to draw.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import Decimal

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap

from leaky_gui.calc.layer_stats import LayerParams, depth_log10_ratios
from leaky_gui.calc.text import format_label
from leaky_gui.gui.comparison import swatch
from leaky_gui.gui.language import translate
from leaky_gui.gui.pinned import pinned_style
from leaky_gui.gui.plot_items import Stroke
from leaky_gui.gui.theme import LIGHT, Scheme

__all__ = ["LayerPlot", "layer_plot"]


class _Log10Axis(pg.AxisItem):
    """An axis over log10 values that reads them as powers of ten (the curves are drawn as log10).

    Not pyqtgraph's log mode: that takes log10 of the data itself, and ratios of 1e-385 are
    0 in doubles, while their log10 is an ordinary number.
    """

    def __init__(self) -> None:
        super().__init__("left")
        self.logMode = True  # ticks at 1, 2, ..., 9 times powers of ten; the view is not told

    def tickStrings(self, values, scale, spacing) -> list[str]:
        """Powers of ten only ('0.1', '1', '100', '1e-20'): the ticks between stay unlabelled."""
        texts = []
        for value in values:
            power = round(value)
            if abs(value - power) > 1e-6:
                texts.append("")
            elif -4 <= power <= 6:
                texts.append(format_label(10.0**power))
            else:
                texts.append(f"1e{power}")
        return texts


def layer_plot() -> pg.PlotWidget:
    """The plot of the std ratio over depth, its left axis reading log10 values as powers of ten."""
    plot = pg.PlotWidget(axisItems={"left": _Log10Axis()})
    plot.setObjectName("layerPlot")
    plot.setAccessibleName(translate("LayerPlot", "Plot of the std ratio over depth"))
    plot.setAccessibleDescription(
        translate(
            "LayerPlot",
            "For each alpha, the signal's std ratio after 0 to L layers on a log axis, and the gradient's dashed",
        )
    )
    item = plot.getPlotItem()
    item.setMenuEnabled(False)
    item.hideButtons()
    item.setLabel("bottom", translate("LayerPlot", "depth (layers)"))
    item.setLabel("left", translate("LayerPlot", "std ratio"))
    for side in ("left", "bottom"):
        item.getAxis(side).enableAutoSIPrefix(False)
    item.showGrid(x=True, y=True, alpha=0.25)
    return plot


class LayerPlot:
    """The Layer view's plot: owns its widget (``widget``) and each alpha's curves, drawn by their vertices."""

    def __init__(self) -> None:
        self.widget = layer_plot()
        #: Each alpha's (signal, gradient) curves, in the order of the alphas drawn.
        self.curves: list[tuple[pg.PlotDataItem, pg.PlotDataItem]] = []
        self._pens: list[tuple[object, object]] = []  # what each curve's pens were made from
        self._drawn: list[object] = []  # what each curve's points were made from
        self._view: tuple[int, int, int, int] | None = None
        self._scheme: Scheme = LIGHT
        self._pen_scale = 1.0

    def set_scheme(self, scheme: Scheme, pen_scale: float) -> None:
        """The background and axes in ``scheme``'s colours, pens ``pen_scale`` device px a logical
        px; the curves take them when next drawn."""
        self._scheme, self._pen_scale = scheme, pen_scale
        self.widget.setBackground(scheme.background)
        item = self.widget.getPlotItem()
        for side in ("left", "bottom"):
            axis = item.getAxis(side)
            axis.setPen(Stroke(scheme.foreground).pen(pen_scale))
            axis.setTextPen(pg.mkPen(scheme.foreground))

    def swatch(self, slot: int | None) -> QIcon:
        """A short line in the curve's colour and dash, as the plot draws it."""
        if slot is not None:
            return swatch(slot, self._scheme, QSize(22, 12))
        pixmap = QPixmap(QSize(22, 12))
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setPen(QPen(QColor(self._scheme.current), 4))
        painter.drawLine(1, 6, 21, 6)
        painter.end()
        return QIcon(pixmap)

    def draw(self, shown: Sequence[tuple[Decimal, int | None]], params: LayerParams, gradient: bool) -> None:
        """Each alpha's lines (with its style slot; None: the current alpha) by their vertices:
        depth 0, 1 and L (after the first layer a ratio's log is a straight line in the
        depth); the gradient's dashed if ``gradient``; pens set only when they change."""
        item = self.widget.getPlotItem()
        while len(self.curves) < len(shown):
            signal_curve, gradient_curve = pg.PlotDataItem([], []), pg.PlotDataItem([], [])
            item.addItem(signal_curve)
            item.addItem(gradient_curve)
            self.curves.append((signal_curve, gradient_curve))
            self._pens.append((None, None))
            self._drawn.append(None)
        depth = params.depth
        ends = [0, 1, depth] if depth > 1 else [0, 1]
        low, high = -1.0, 1.0  # at least 0.1 .. 10
        for index, (signal, dashed) in enumerate(self.curves):
            if index >= len(shown):
                if self._drawn[index] is not None:
                    self._drawn[index] = None
                    signal.setData([], [])
                    dashed.setData([], [])
                continue
            alpha, slot = shown[index]
            colour = self._scheme.current if slot is None else pinned_style(slot, self._scheme)[0]
            width = 3.0 if slot is None else 2.0
            log_signal, log_gradient = (line[ends] for line in depth_log10_ratios(alpha, params))
            pens = (
                (colour, width, self._pen_scale),
                (colour, max(1.5, width - 1), self._pen_scale),
            )
            if self._pens[index] != pens:  # a new pen costs pyqtgraph a redraw of the item
                self._pens[index] = pens
                signal.setPen(Stroke(colour, width).pen(self._pen_scale))
                dashed.setPen(Stroke(colour, pens[1][1], Qt.PenStyle.DashLine).pen(self._pen_scale))
                signal.setZValue(20 if slot is None else 10)
            key = (alpha, params, gradient)
            if self._drawn[index] != key:  # a pinned alpha's lines stay as they are while alpha slides
                self._drawn[index] = key
                signal.setData(ends, log_signal, connect="finite")
                if gradient:
                    dashed.setData(ends, log_gradient, connect="finite")
                else:
                    dashed.setData([], [])
            for line in (log_signal, log_gradient):
                finite = line[np.isfinite(line)]
                if finite.size:
                    low, high = min(low, float(finite.min())), max(high, float(finite.max()))
        # Whole decades: the view (and its axis, costly to repaint) stays put while alpha
        # slides within them.
        view = (0, depth, math.floor(low - 0.02), math.ceil(high + 0.02))
        if view != self._view:
            self._view = view
            item.getViewBox().setRange(xRange=view[:2], yRange=view[2:], padding=0)
