"""No singular view transform reaches pyqtgraph: built, shown, tiny, zoomed, at any range.

pyqtgraph inverts a view's transform through its determinant (``invertQTransform``). The
determinant is 0 when the view has no size yet, and it underflows to 0 once both axes span
around 1e300 (x scale times y scale). pyqtgraph then falls back to a pseudo-inverse that sets
``arr.shape``, deprecated in numpy 2.5 (an error in a paint override, which kills the process
under ``filterwarnings = error``), and its answers there are wrong anyway.
"""

from __future__ import annotations

import traceback
from decimal import Decimal

import pyqtgraph as pg
import pytest
from on_screen import expose
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from leaky_gui.calc.sweep import SweepParams
from leaky_gui.gui.plot import Overlays, SweepPlot
from leaky_gui.gui.selftest import named, type_into
from leaky_gui.gui.view_math import VIEW_LIMIT
from leaky_gui.gui.window import MainWindow

D = Decimal
#: x over nearly all the doubles: both axes span ~1e306 or more, their scales' product underflows.
HUGE = SweepParams(start=D("-1e306"), step=D("1e304"), count=201, alphas=(D("100"),))
TINY_SIZES = ((1, 1), (0, 0), (30, 1), (1, 30), (5, 400), (400, 5), (120, 80))


@pytest.fixture
def singular():
    """Where ``invertQTransform`` met a singular transform (a stack each), watched from now on."""
    met: list[str] = []
    real = pg.functions.invertQTransform

    def checked(tr):
        if tr.determinant() == 0:
            met.append("".join(traceback.format_stack(limit=9)[:-1]))
        return real(tr)

    pg.functions.invertQTransform = checked
    try:
        yield met
    finally:
        pg.functions.invertQTransform = real


def none_met(met: list[str]) -> bool:
    places = sorted(set(met))
    assert not met, f"{len(met)} singular transform(s) reached pyqtgraph, from:\n" + "\n".join(places)
    return True


def wheel(widget, steps: int) -> None:
    """Turn the mouse wheel ``steps`` notches (positive: in) over the middle of ``widget``."""
    centre = QPointF(widget.rect().center())
    for _ in range(abs(steps)):
        event = QWheelEvent(
            centre,
            QPointF(widget.mapToGlobal(centre.toPoint())),
            QPoint(0, 0),
            QPoint(0, 120 if steps > 0 else -120),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(widget, event)
    QApplication.processEvents()


def drag(widget, button: Qt.MouseButton, by: QPoint) -> None:
    """Press ``button`` in the middle of ``widget``, move by ``by`` in steps, release."""
    centre = widget.rect().center()
    QTest.mousePress(widget, button, pos=centre)
    for k in range(1, 5):
        QTest.mouseMove(widget, centre + by * k / 4)
    QTest.mouseRelease(widget, button, pos=centre + by)
    QApplication.processEvents()


def hover(widget) -> None:
    """Move the mouse across ``widget`` (the crosshair and its readout follow)."""
    for k in (0.25, 0.5, 0.75):
        QTest.mouseMove(widget, QPoint(int(widget.width() * k), int(widget.height() * k)))
    QApplication.processEvents()


def zoom_every_way(plot: SweepPlot) -> None:
    """Hover, wheel in and far out (to the view's limit), pan by dragging, fit again."""
    viewport = plot.viewport()
    hover(viewport)
    wheel(viewport, 3)
    wheel(viewport, -20)
    if viewport.width() > 60 and viewport.height() > 60:
        drag(viewport, Qt.MouseButton.LeftButton, QPoint(40, 20))  # pan
    plot.fit()
    QApplication.processEvents()


def test_a_window_built_shown_resized_tiny_and_zoomed(qtbot, settings, singular):
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.pin_alpha(D("0.5"))
    window.pin_alpha(D("0.25"))  # labels of three curves, before the window was ever on screen
    assert none_met(singular)
    expose(window)
    assert none_met(singular)
    for size in TINY_SIZES:
        window.resize(*size)
        QApplication.processEvents()
    window.resize(1180, 760)
    QApplication.processEvents()
    assert none_met(singular)
    zoom_every_way(window.plot)
    assert none_met(singular)
    # A sweep over nearly all the doubles: both axes' scales multiply to 0.
    type_into(named(window, "startX"), "-1.7e308")
    assert window.source.x_first == -1.7e308
    zoom_every_way(window.plot)
    for size in TINY_SIZES:
        window.resize(*size)
        QApplication.processEvents()
    window.resize(900, 600)
    QApplication.processEvents()
    assert none_met(singular)


@pytest.mark.qt_log_ignore('Mouse event "Mouse(Press|Release)" not accepted')  # a top-level GraphicsView
@pytest.mark.parametrize("params", [SweepParams(), HUGE], ids=["default", "huge"])
def test_a_plot_alone_labelled_before_it_has_a_size_then_tiny_and_zoomed(qtbot, singular, params):
    plot = SweepPlot()
    qtbot.addWidget(plot)
    plot.show_source(params, [], Overlays(derivative=True, relu=True, identity=True))
    assert none_met(singular)
    for size in TINY_SIZES:
        plot.resize(*size)
        expose(plot)
        zoom_every_way(plot)
    assert none_met(singular)
    plot.resize(800, 500)
    QApplication.processEvents()
    zoom_every_way(plot)
    assert plot.labels.items() and none_met(singular)


def test_wheel_and_drags_zoom_and_pan_as_pyqtgraph_does_and_stop_at_the_view_limit(window):
    plot = window.plot
    view = plot.getPlotItem().getViewBox()
    viewport = plot.viewport()
    (x0, x1), (y0, y1) = view.viewRange()
    middle = view.view_point(view.mapFromScene(plot.mapToScene(viewport.rect().center())))
    wheel(viewport, 1)  # in, about the point under the mouse
    (a0, a1), (b0, b1) = view.viewRange()
    assert a1 - a0 < x1 - x0 and b1 - b0 < y1 - y0
    assert abs((middle[0] - a0) / (a1 - a0) - (middle[0] - x0) / (x1 - x0)) < 1e-6
    assert not plot._following  # the user zoomed: no more fitting on each change
    pixel = (a1 - a0) / view.rect().width()
    drag(viewport, Qt.MouseButton.LeftButton, QPoint(40, 0))  # the view follows the mouse: x falls
    (c0, c1), (d0, d1) = view.viewRange()
    assert c0 == pytest.approx(a0 - 40 * pixel, rel=1e-6) and (d0, d1) == pytest.approx((b0, b1))
    drag(viewport, Qt.MouseButton.RightButton, QPoint(30, 0))  # right: zoom in x (pyqtgraph's way)
    (e0, e1), _ = view.viewRange()
    assert e1 - e0 < c1 - c0
    type_into(named(window, "startX"), "-1e306")
    named(window, "autoRangeAction").trigger()
    wheel(viewport, -15)  # far out: stops at what the view can show
    (f0, f1), (g0, g1) = view.viewRange()
    assert -VIEW_LIMIT <= f0 < f1 <= VIEW_LIMIT and -VIEW_LIMIT <= g0 < g1 <= VIEW_LIMIT
    assert f1 - f0 > 1e307
