"""How the plot paints: a grid line at each labelled tick, and one paint for each change."""

from __future__ import annotations

from decimal import Decimal

import pytest
from on_screen import expose
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QImage

from leaky_gui.calc.sweep import SweepParams
from leaky_gui.gui.plot import Overlays, SweepPlot
from leaky_gui.gui.theme import DARK, LIGHT


def blended(scheme) -> QColor:
    """The grid colour over the scheme's background, as a translucent line paints it."""
    r, g, b, a = scheme.grid
    back = QColor(scheme.background)
    mix = [
        round(c * a / 255 + bc * (255 - a) / 255) for c, bc in zip((r, g, b), back.getRgb()[:3], strict=True)
    ]
    return QColor(*mix)


def near(pixel: int, colour: QColor) -> bool:
    return all(abs(a - b) <= 8 for a, b in zip(QColor(pixel).getRgb()[:3], colour.getRgb()[:3], strict=True))


@pytest.fixture
def plot(qtbot):
    plot = SweepPlot()
    qtbot.addWidget(plot)
    plot.resize(800, 500)
    plot.show_source(SweepParams(), (), Overlays())  # x from -4 to 1, f from -0.04 to 1
    expose(plot)
    return plot


def columns_at(plot: SweepPlot, x: float) -> tuple[int, int]:
    """The image column of x and a row just under the top of the view (where no curve runs)."""
    view = plot.getPlotItem().getViewBox()
    point = plot.mapFromScene(view.mapViewToScene(QPointF(x, view.viewRect().bottom())))
    return point.x(), point.y() + 5


@pytest.mark.parametrize("scheme", [LIGHT, DARK], ids=["light", "dark"])
def test_a_line_at_every_major_tick_and_nothing_between(plot, scheme):
    plot.set_scheme(scheme)
    xs, ys = plot.grid.ticks()
    assert xs == [-4.0, -3.0, -2.0, -1.0, 0.0, 1.0]  # the numbers the x axis labels
    assert [round(y, 12) for y in ys] == [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]
    image: QImage = plot.grab().toImage()
    line, background = blended(scheme), QColor(scheme.background)
    for x in xs:
        column, row = columns_at(plot, x)
        # Within a pixel of where x maps (rounding), the line; half a tick away, the background.
        assert any(near(image.pixel(column + d, row), line) for d in (-1, 0, 1)), x
        middle, _ = columns_at(plot, x + 0.5)
        if x < xs[-1]:
            assert near(image.pixel(middle, row), background), x


def test_the_lines_follow_the_view(plot, qtbot):
    plot.getPlotItem().getViewBox().setXRange(-40, 10, padding=0)
    assert plot.grid.ticks()[0] == [-40.0, -30.0, -20.0, -10.0, 0.0, 10.0]
    plot.getPlotItem().getViewBox().setXRange(0.5, 0.75, padding=0)
    assert plot.grid.ticks()[0][:2] == [0.5, 0.55]


def test_a_change_paints_the_plot_once(plot, qtbot):
    """pyqtgraph moves the items to a new range inside the next paint, which asked for a second."""
    from PySide6.QtCore import QEvent, QObject

    class Paints(QObject):
        count = 0

        def eventFilter(self, obj, event):
            self.count += event.type() == QEvent.Type.Paint
            return False

    qtbot.wait(50)
    paints = Paints()
    plot.viewport().installEventFilter(paints)
    for start in ("-3", "-2.5", "-2"):  # each moves the view: the fit follows the sweep
        before = plot.getPlotItem().getViewBox().viewRange()
        paints.count = 0
        plot.show_source(SweepParams(start=Decimal(start)), (), Overlays())
        qtbot.waitUntil(lambda: paints.count > 0)
        qtbot.wait(50)
        assert plot.getPlotItem().getViewBox().viewRange() != before
        assert paints.count == 1, start


def axis_major(axis) -> list[float]:
    """The values an axis labels at its first level, measured as the axis measures itself."""
    from pyqtgraph import Point

    bounds = axis.mapRectFromParent(axis.geometry())
    if axis.orientation == "bottom":
        span = (bounds.topLeft() + Point(-1, 1), bounds.topRight() + Point(1, 1))
    else:
        span = (bounds.topRight() + Point(-1, -1), bounds.bottomRight() + Point(-1, 1))
    ends = [axis.mapToDevice(end) for end in span]
    levels = axis.tickValues(axis.range[0], axis.range[1], Point(ends[1] - ends[0]).length())
    low, high = sorted(axis.range)
    return [v for v in levels[0][1] if low <= v <= high] if levels else []


def test_the_lines_are_the_labelled_ticks_at_any_size_and_range(plot, qtbot):
    import random

    chance = random.Random(17)
    view = plot.getPlotItem().getViewBox()
    bottom, left = plot.getPlotItem().getAxis("bottom"), plot.getPlotItem().getAxis("left")
    sizes = [(800, 500), (800, 438), (640, 420)]  # at 438 the left axis's spacing is about to change
    for width, height in sizes + [
        (chance.randrange(300, 1400), chance.randrange(250, 900)) for _ in range(6)
    ]:
        plot.resize(width, height)
        qtbot.wait(5)
        randoms = [
            (chance.uniform(-100, 100), 10 ** chance.uniform(-6, 6), chance.uniform(0.3, 3)) for _ in range(3)
        ]
        for start, span, tall in [(-4, 5, 1), (-100, 250, 1), *randoms]:
            view.setRange(xRange=(start, start + span), yRange=(start, start + span * tall), padding=0)
            xs, ys = plot.grid.ticks()
            assert (xs, ys) == (axis_major(bottom), axis_major(left)), (width, height, start, span)
