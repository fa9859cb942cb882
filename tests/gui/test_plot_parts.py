"""The plot's legend and crosshair readout as objects of their own, on a bare pyqtgraph plot."""

from __future__ import annotations

from decimal import Decimal

import pyqtgraph as pg
from PySide6.QtWidgets import QGraphicsItem

from leaky_gui.gui.crosshair import CrosshairReadout, ReadCurve
from leaky_gui.gui.plot_legend import BOTTOM_RIGHT, TOP_LEFT, TOP_RIGHT, PlotLegend
from leaky_gui.gui.theme import DARK

D = Decimal


def bare_plot(qtbot) -> pg.PlotWidget:
    widget = pg.PlotWidget()
    qtbot.addWidget(widget)
    return widget


def test_the_legend_lists_renames_and_drops_entries_in_order(qtbot):
    widget = bare_plot(qtbot)
    item = widget.getPlotItem()
    legend = PlotLegend(item)
    a, b, c = (item.plot([0, 1], [0, 1]) for _ in range(3))
    legend.set_name(a, "a")
    legend.set_name(b, "b")
    legend.set_name(c, "c")
    legend.set_name(b, None)
    legend.set_name(a, "a again")
    legend.set_name(b, "b")  # back at the end, as pyqtgraph adds it
    assert legend.names() == ["a again", "c", "b"]
    assert [legend.item.getLabel(x).text for x in (a, c, b)] == legend.names()
    legend.set_cache_mode(QGraphicsItem.CacheMode.NoCache)
    assert legend.item.getLabel(c).item.cacheMode() == QGraphicsItem.CacheMode.NoCache
    legend.restyle(DARK)
    assert legend.item.labelTextColor().name() == DARK.foreground


def test_the_legend_goes_where_no_curve_is(qtbot):
    widget = bare_plot(qtbot)
    legend = PlotLegend(widget.getPlotItem())
    assert legend.corner == TOP_LEFT
    legend.place(negative_branch=True)
    assert legend.corner == BOTTOM_RIGHT
    legend.place(negative_branch=True, falling=True)
    assert legend.corner == TOP_RIGHT
    legend.place(negative_branch=False)
    assert legend.corner == TOP_LEFT
    legend.place(negative_branch=True)
    widget.resize(400, 300)
    widget.getPlotItem().getViewBox().setRange(xRange=(0, 1), yRange=(0, 1), padding=0)
    view, box = widget.getPlotItem().getViewBox().sceneBoundingRect(), legend.item.sceneBoundingRect()
    assert box.center().x() > view.center().x() and box.center().y() > view.center().y()  # bottom right


def test_the_readout_reads_its_curves_in_the_labels_order(qtbot):
    widget = bare_plot(qtbot)
    item = widget.getPlotItem()
    item.getViewBox().setRange(xRange=(-4, 4), padding=0)
    readout = CrosshairReadout(item, lambda: [D("0.2"), D("0.01")])
    readout.read(
        [
            ReadCurve("f(x; 0.01)", D("0.01"), True),
            ReadCurve("ReLU", D(0), False),
            ReadCurve("f(x; 0.2)", D("0.2"), True),
        ],
        "float16",
    )
    assert readout.readout_at(-2.0) == "x = -2.0    f(x; 0.2) = -0.4    f(x; 0.01) = -0.02    ReLU = 0.0"
    said: list[str] = []
    readout.changed.connect(said.append)
    readout.hide()
    assert said == [""] and not readout.line.isVisible()
