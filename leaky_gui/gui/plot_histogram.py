"""Where your values lie, drawn as bars along the bottom of the plot: ``XHistogram``.

Many values (more than the plot marks one by one) lying anywhere get a histogram of x
instead of markers; a sweep's evenly spaced x need none. Worked out at once for a few
values, else on a worker thread (the window hands it over when it is done).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor

from leaky_gui.calc.source import XSource
from leaky_gui.gui.language import QT_TRANSLATE_NOOP, translate
from leaky_gui.gui.limits import HISTOGRAM_BINS, VALUE_MARKER_LIMIT
from leaky_gui.gui.plot_items import clear_item
from leaky_gui.gui.theme import Scheme

#: Up to this many values the histogram of x is worked out at once (a few ms).
INSTANT_HISTOGRAM = 200_000
LEGEND_NAME = QT_TRANSLATE_NOOP("XHistogram", "where the x lie (histogram)")


class XHistogram:
    """The bars of a histogram of x, under the curves, its tallest bar 15% of the view's height."""

    def __init__(
        self, plot_item: pg.PlotItem, set_legend_name: Callable[[pg.PlotDataItem, str | None], None]
    ):
        self._view: pg.ViewBox = plot_item.getViewBox()
        self._set_legend_name = set_legend_name
        self.item = pg.PlotDataItem([], [], stepMode="center", pen=None, fillLevel=0)
        self.item.setZValue(-5)
        plot_item.addItem(self.item, ignoreBounds=True)
        self._data: tuple[np.ndarray, float, float] | None = None

    @staticmethod
    def wanted(source: XSource) -> bool:
        """Whether ``source`` gets a histogram: many values lying anywhere."""
        return not source.evenly_spaced and source.count > VALUE_MARKER_LIMIT

    def show_for(self, source: XSource) -> None:
        """A new source on show: its histogram if known or quick to work out, else none yet."""
        self._data = None
        if self.wanted(source):
            self._data = source.known_histogram(HISTOGRAM_BINS)
            if self._data is None and source.count <= INSTANT_HISTOGRAM:
                self._data = source.histogram(HISTOGRAM_BINS)
        self._name()

    def show_worked_out(self, source: XSource) -> None:
        """``source``'s histogram has been worked out (on a worker thread): show it."""
        if self.wanted(source):
            self._data = source.known_histogram(HISTOGRAM_BINS)
            self._name()
            self.place()

    def place(self) -> None:
        """Draw the bars for the view's range as it stands (after every fit)."""
        data = self._data
        if data is None or not data[0].any():
            clear_item(self.item)
            return
        counts, lo, hi = data
        (_, _), (y0, y1) = self._view.viewRange()
        heights = y0 + counts / counts.max() * (0.15 * (y1 - y0))
        edges = np.linspace(lo / 2, hi / 2, len(counts) + 1) * 2  # halves: hi - lo may overflow
        self.item.setData(edges, heights, fillLevel=y0)

    def restyle(self, scheme: Scheme) -> None:
        colour = QColor(scheme.foreground)
        colour.setAlpha(55)
        self.item.setBrush(colour)

    def _name(self) -> None:
        self._set_legend_name(
            self.item, translate("XHistogram", LEGEND_NAME) if self._data is not None else None
        )
