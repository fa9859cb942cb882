"""The crosshair readout: x to the view's resolution at every zoom, exact f, and never an exception."""

from __future__ import annotations

from decimal import Decimal

import pytest
from on_screen import expose
from PySide6.QtCore import QPointF

from leaky_gui.calc.sweep import SweepParams
from leaky_gui.gui.plot import Overlays, SweepPlot

D = Decimal
#: x from -1e306 to 1e306: alpha 100 takes f to -1e308 at the left end, still a double.
HUGE = SweepParams(start=D("-1e306"), step=D("1e304"), count=201, alphas=(D("100"),))


@pytest.fixture
def plot(qtbot) -> SweepPlot:
    widget = SweepPlot()
    qtbot.addWidget(widget)
    widget.resize(800, 500)
    expose(widget)
    return widget


def set_x_range(plot: SweepPlot, lo: float, hi: float) -> None:
    plot.getPlotItem().getViewBox().setRange(xRange=(lo, hi), padding=0)


def pixel_width(plot: SweepPlot) -> float:
    view = plot.getPlotItem().getViewBox()
    (lo, hi), _ = view.viewRange()
    return (hi - lo) / view.rect().width()


def readout_parts(text: str) -> dict[str, str]:
    return dict(part.split(" = ", 1) for part in text.split("    "))


def test_normal_zoom_reads_exact_values(plot):
    plot.show_source(SweepParams(), [], Overlays())
    assert plot.readout_at(-3.7) == "x = -3.7    f(x; 0.01) = -0.037"
    assert plot.readout_at(-3.7000000001) == "x = -3.7    f(x; 0.01) = -0.037"
    assert plot.readout_at(0.5) == "x = 0.5    f(x; 0.01) = 0.5"


def test_huge_zoom_says_where_f_overflows_instead_of_raising(plot):
    plot.show_source(HUGE, [], Overlays())
    set_x_range(plot, -1e307, 1e307)
    beyond = readout_parts(plot.readout_at(-5e306))
    assert beyond == {"x": "-5e+306", "f(x; 100)": "beyond ±1.8e308"}
    within = readout_parts(plot.readout_at(-1e306))
    assert within == {"x": "-1e+306", "f(x; 100)": "-1e+308"}
    positive = readout_parts(plot.readout_at(3.14159e306))
    assert positive["x"] == positive["f(x; 100)"]
    # Rounded to the view's resolution: a few digits, within a pixel of the mouse.
    x = float(positive["x"])
    assert abs(x - 3.14159e306) <= pixel_width(plot) and len(positive["x"]) <= len("3.142e+306")


def test_tiny_zoom_keeps_the_digits_a_pixel_resolves(plot):
    plot.show_source(SweepParams(), [], Overlays())
    set_x_range(plot, 1e-20, 2e-20)
    where = 1.23456789012345e-20
    parts = readout_parts(plot.readout_at(where))
    x = float(parts["x"])
    assert x != 0 and abs(x - where) <= pixel_width(plot)
    assert parts["x"] == parts["f(x; 0.01)"]
    assert parts["x"].endswith("e-20") and len(parts["x"]) <= len("1.2346e-20")
    parts = readout_parts(plot.readout_at(-where))  # f = 0.01 * x, exactly
    assert parts["f(x; 0.01)"] == repr(float(Decimal(parts["x"]) * Decimal("0.01")))


def test_the_mouse_slot_reads_where_the_mouse_is_at_huge_zoom(plot, qtbot):
    plot.show_source(HUGE, [], Overlays())
    set_x_range(plot, -1e307, 1e307)
    said: list[str] = []
    plot.readoutChanged.connect(said.append)
    view = plot.getPlotItem().getViewBox()
    rect = view.sceneBoundingRect()
    plot.scene().sigMouseMoved.emit(QPointF(rect.left() + rect.width() / 4, rect.center().y()))  # the mouse
    parts = readout_parts(said[-1])
    assert abs(float(parts["x"]) - -5e306) <= 2 * pixel_width(plot)
    assert parts["f(x; 100)"] == "beyond ±1.8e308"
    assert plot.crosshair.isVisible()


def test_the_mouse_slot_at_normal_zoom(plot):
    plot.show_source(SweepParams(), [], Overlays())
    said: list[str] = []
    plot.readoutChanged.connect(said.append)
    view = plot.getPlotItem().getViewBox()
    middle = view.mapViewToScene(QPointF(-2.0, 0.0))
    plot.scene().sigMouseMoved.emit(middle)  # as the mouse does
    parts = readout_parts(said[-1])
    assert abs(float(parts["x"]) - -2.0) <= pixel_width(plot)
