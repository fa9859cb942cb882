"""The info panel's statistics of the x on show (your values'; a sweep has none), and the
plot's histogram of them.

At once for a few values (and for evenly spaced x, which answer None at once), else from
the values reader's worker thread; an answer about data or alphas no longer on show is dropped.
"""

from __future__ import annotations

from collections.abc import Callable

from leaky_gui.calc.source import XSource
from leaky_gui.calc.values import ValuesStatistics
from leaky_gui.gui.info_panel import InfoPanel
from leaky_gui.gui.plot import SweepPlot
from leaky_gui.gui.values_loader import ValuesController

#: Up to this many values the info panel's statistics are worked out at once (a few ms;
#: 0.1 s for decimals of 25 places), above on a worker thread.
INSTANT_STATISTICS = 20_000


class StatisticsFeed:
    """Asks for the statistics of the source on show (``ask``) and shows the answer."""

    def __init__(
        self, info: InfoPanel, plot: SweepPlot, reader: ValuesController, on_show: Callable[[], XSource]
    ) -> None:
        self._info, self._plot, self._reader, self._on_show = info, plot, reader, on_show

    def ask(self, source: XSource) -> None:
        """Show the statistics of ``source``, now on show, when they are known (a sweep: none)."""
        if source.count <= INSTANT_STATISTICS or source.evenly_spaced:
            try:
                self._info.show_statistics(source.statistics(), source.alphas)
            except Exception as error:  # never out of a refresh: say it where the figures go
                self._info.show_statistics(None, failure=f"{type(error).__name__}: {error}")
            return
        self._info.show_statistics(None, pending=True)
        self._reader.statistics(source, self._done, self._failed)

    def _done(self, source: XSource, stats: ValuesStatistics | None) -> None:
        if source == self._on_show():
            self._plot.show_histogram(source)
            self._info.show_statistics(stats, source.alphas)

    def _failed(self, source: XSource, reason: str) -> None:
        if source == self._on_show():
            self._info.show_statistics(None, failure=reason)
