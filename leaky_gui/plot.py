"""The live plot of a sweep: exact curve geometry, zero-crossing and sample markers.

f is piecewise linear with one kink at 0, so each curve is drawn through at most three
vertices (the ends and the kink) whatever the count: the line is exact and costs the same
at 101 points and at 100,000,000. Items are created once and updated with setData.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt

from leaky_gui.core import SweepParams, format_label, format_number

#: Sample markers are drawn when the sweep has at most this many points.
MARKER_LIMIT = 200

CURVE_COLOUR = "#1f77b4"
SINGLE_COLOUR = "#d62728"
CROSSING_COLOUR = "#ff7f0e"
_AXIS_COLOUR = "#404040"


class SweepPlot(pg.PlotWidget):
    """A PlotWidget showing f over [x_0, x_last] for the current alpha."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent=parent, background="w")
        self.setObjectName("plot")
        item = self.getPlotItem()
        item.setMenuEnabled(True)
        # A GridItem rather than the axes' own grid: those draw three levels of translucent
        # lines on every repaint (21 ms here, against 1 ms), which broke the 16 ms frame.
        grid = pg.GridItem(pen=pg.mkPen(0, 0, 0, 60), textPen=None)
        grid.setZValue(-10)
        item.addItem(grid, ignoreBounds=True)
        for side in ("left", "bottom"):
            axis = item.getAxis(side)
            axis.setPen(pg.mkPen(_AXIS_COLOUR))
            axis.setTextPen(pg.mkPen(_AXIS_COLOUR))
        item.setLabel("bottom", "x")
        item.setLabel("left", "f(x)")
        item.setTitle("Leaky ReLU   f(x) = x if x > 0, else alpha·x", color=_AXIS_COLOUR)
        self.legend = item.addLegend(offset=(10, 10), labelTextColor=_AXIS_COLOUR, brush=(255, 255, 255, 210))

        self.curve = item.plot([], [], pen=pg.mkPen(CURVE_COLOUR, width=2.5), name="f(x)")
        self.samples = item.plot(
            [], [], pen=None, symbol="o", symbolSize=5, symbolPen=None, symbolBrush=CURVE_COLOUR
        )
        self.crossing = item.plot(
            [],
            [],
            pen=None,
            symbol="d",
            symbolSize=12,
            symbolPen=pg.mkPen("#7a3d00", width=1),
            symbolBrush=CROSSING_COLOUR,
        )
        self.single = item.plot(
            [],
            [],
            pen=None,
            symbol="star",
            symbolSize=16,
            symbolPen=pg.mkPen("#5a0000", width=1),
            symbolBrush=SINGLE_COLOUR,
        )
        self.crossing.setZValue(5)
        self.single.setZValue(6)
        self.setToolTip("Drag to pan, wheel to zoom, right-click for more; 'A' resets the view")
        self._params: SweepParams | None = None

    def set_params(self, params: SweepParams) -> None:
        """Redraw for another sweep (a handful of vertices, whatever the count)."""
        if params == self._params:
            return
        self._params = params
        xs, ys = params.curve_points()
        self.curve.setData(xs, ys)
        self._set_legend_name(self.curve, f"f(x), alpha = {format_label(params.alpha)}")
        if params.count <= MARKER_LIMIT:
            self.samples.setData(
                [params.x(i) for i in range(params.count)], [params.f(i) for i in range(params.count)]
            )
        else:
            self.samples.setData([], [])
        crossing = params.zero_crossing_index()
        if crossing is None:
            self.crossing.setData([], [])
            self._set_legend_name(self.crossing, None)
        else:
            self.crossing.setData([params.x(crossing)], [params.f(crossing)])
            self._set_legend_name(self.crossing, f"zero crossing, i = {crossing}")

    def set_single_point(self, x: float | None, fx: float | None) -> None:
        """Mark the single evaluated point, or clear the mark with None."""
        if x is None or fx is None:
            self.single.setData([], [])
            self._set_legend_name(self.single, None)
            return
        self.single.setData([x], [fx])
        self._set_legend_name(self.single, f"f({format_number(x)}) = {format_number(fx)}")

    def _set_legend_name(self, item: pg.PlotDataItem, name: str | None) -> None:
        """List ``item`` in the legend as ``name``, or not at all with None."""
        entry = next((label for sample, label in self.legend.items if sample.item is item), None)
        if name is None:
            if entry is not None:
                self.legend.removeItem(item)
        elif entry is None:
            self.legend.addItem(item, name)
        elif entry.text != name:
            entry.setText(name)

    def curve_data(self) -> tuple[list[float], list[float]]:
        """The vertices drawn for the current curve (for tests and the self-test)."""
        xs, ys = self.curve.getData()
        return ([] if xs is None else xs.tolist()), ([] if ys is None else ys.tolist())

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_A and not event.modifiers():
            self.getPlotItem().enableAutoRange()
            return
        super().keyPressEvent(event)
