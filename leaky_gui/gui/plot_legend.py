"""The plot's legend: which items it lists under which names, its colours, and the corner it sits in.

An object of its own beside the plot. It keeps its own list of entries and reaches
pyqtgraph's ``LegendItem`` only through its public methods (``addItem``, ``removeItem``,
``getLabel``, ``setOffset``), never its ``items`` list or ``opts`` (and it remembers its
corner itself: ``LegendItem.offset`` reads the offset it was made with, not the last set).
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtWidgets import QGraphicsItem

from leaky_gui.gui.theme import Scheme

#: The legend's offset from the view's corners (pyqtgraph: negative counts from right and bottom).
TOP_LEFT = (10, 10)
TOP_RIGHT = (-10, 10)
BOTTOM_RIGHT = (-10, -10)


class PlotLegend:
    """The legend of a plot item: entries by item, top to bottom, and where no curve is."""

    def __init__(self, plot_item: pg.PlotItem) -> None:
        # Made before the curves, so that every curve added later finds it.
        self.item: pg.LegendItem = plot_item.addLegend(offset=TOP_LEFT)
        self._names: dict[pg.GraphicsObject, str] = {}  # in the legend's order
        self._corner = TOP_LEFT
        self._cache_mode = QGraphicsItem.CacheMode.DeviceCoordinateCache

    def set_name(self, item: pg.GraphicsObject, name: str | None) -> None:
        """List ``item`` as ``name``, or not at all with None."""
        before = self._names.get(item)
        if name == before:
            return
        if name is None:
            del self._names[item]
            self.item.removeItem(item)
        elif before is None:
            self._names[item] = name
            self.item.addItem(item, name)
            self._label(item).item.setCacheMode(self._cache_mode)  # its text a pixmap on screen
        else:
            self._names[item] = name
            self._label(item).setText(name)

    def names(self) -> list[str]:
        """The entries, top to bottom."""
        return list(self._names.values())

    @property
    def corner(self) -> tuple[int, int]:
        """The offset from the corner the legend sits in (TOP_LEFT, TOP_RIGHT or BOTTOM_RIGHT)."""
        return self._corner

    def place(self, negative_branch: bool, falling: bool = False) -> None:
        """Put the legend where no curve is.

        The whole source: top left (x < 0 < f(x) holds no curve for alpha >= 0). The
        negative branch alone: every curve ends at (0, 0) on the right edge, so the right
        corner away from 0 is empty: the bottom one, or the top one when a negative
        alpha's curve (``falling``) comes down to 0 from above.
        """
        corner = TOP_LEFT if not negative_branch else TOP_RIGHT if falling else BOTTOM_RIGHT
        if corner != self._corner:
            self._corner = corner
            self.item.setOffset(corner)

    def restyle(self, scheme: Scheme) -> None:
        """Background and text in ``scheme``'s colours."""
        self.item.setBrush(scheme.legend_brush)
        self.item.setLabelTextColor(scheme.foreground)
        for item, name in self._names.items():
            self._label(item).setText(name)  # pyqtgraph applies a label's colour only when its text is set

    def set_cache_mode(self, mode: QGraphicsItem.CacheMode) -> None:
        """Keep the entries' text as pixmaps of the screen's pixels, or draw it each time."""
        self._cache_mode = mode
        for item in self._names:
            self._label(item).item.setCacheMode(mode)

    def _label(self, item: pg.GraphicsObject) -> pg.LabelItem:
        label = self.item.getLabel(item)
        assert label is not None, "an item listed here is in the legend"
        return label
