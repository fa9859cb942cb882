"""The info panel's statistics of your values, and the plot's histogram of them.

At once for a few values, else from the values reader's worker thread; an answer about
data or alphas no longer on show is dropped.
"""

from __future__ import annotations

from collections.abc import Callable

from leaky_gui.calc.source import XSource
from leaky_gui.calc.values import Values, ValuesStatistics
from leaky_gui.gui.info_panel import InfoPanel
from leaky_gui.gui.plot import SweepPlot
from leaky_gui.gui.values_loader import ValuesController

#: Up to this many values the info panel's statistics are worked out at once (a few ms;
#: 0.1 s for decimals of 25 places), above on a worker thread.
INSTANT_STATISTICS = 20_000


class StatisticsFeed:
    """Asks for the statistics of the values on show (``ask``) and shows the answer."""

    def __init__(
        self, info: InfoPanel, plot: SweepPlot, reader: ValuesController, on_show: Callable[[], XSource]
    ) -> None:
        self._info, self._plot, self._reader, self._on_show = info, plot, reader, on_show

    def ask(self, values: Values) -> None:
        if values.count <= INSTANT_STATISTICS:
            try:
                self._info.show_statistics(values.statistics(), values.alphas)
            except Exception as error:  # never out of a refresh: say it where the figures go
                self._info.show_statistics(None, failure=f"{type(error).__name__}: {error}")
            return
        self._info.show_statistics(None, pending=True)
        self._reader.statistics(values, self._done, self._failed)

    def _done(self, values: Values, stats: ValuesStatistics) -> None:
        if values == self._on_show():
            self._plot.show_histogram(values)
            self._info.show_statistics(stats, values.alphas)

    def _failed(self, values: Values, reason: str) -> None:
        if values == self._on_show():
            self._info.show_statistics(None, failure=reason)
