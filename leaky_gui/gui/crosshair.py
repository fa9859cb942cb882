"""The plot's crosshair and its readout: x under the mouse, and each visible curve's exact f there.

An object of its own beside the plot (which only tells it what is drawn): it owns the
vertical line, follows the mouse over the view and emits the readout's text.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

import pyqtgraph as pg
from PySide6.QtCore import QObject, QPointF, Signal

from leaky_gui.calc.sweep import ParameterError, leaky_point
from leaky_gui.calc.text.framework_digits import format_in
from leaky_gui.gui.language import translate
from leaky_gui.gui.view_math import held, rounded_to


@dataclass(frozen=True)
class ReadCurve:
    """A curve the readout lists: its name there, its alpha, and whether it has a label on the plot."""

    name: str
    alpha: Decimal
    labelled: bool


class CrosshairReadout(QObject):
    """A vertical line at the mouse's x and the text of every read curve's f(x) there."""

    #: The readout's text ('' when the mouse leaves the view).
    changed = Signal(str)

    def __init__(self, plot_item: pg.PlotItem, label_order: Callable[[], list[Decimal]]) -> None:
        super().__init__()
        self._view: pg.ViewBox = plot_item.getViewBox()
        self._label_order = label_order
        self._curves: tuple[ReadCurve, ...] = ()
        self._precision: str | None = None  # None: nothing on show yet, nothing to read
        self.line = pg.InfiniteLine(angle=90, movable=False)
        self.line.setZValue(40)
        self.line.hide()
        plot_item.addItem(self.line, ignoreBounds=True)
        plot_item.scene().sigMouseMoved.connect(self._on_mouse_moved)

    def read(self, curves: Sequence[ReadCurve], precision: str) -> None:
        """Read these curves from now on, in ``precision``."""
        self._curves, self._precision = tuple(curves), precision

    def readout_at(self, x: float) -> str:
        """x rounded to the view's resolution, and each read curve's exact f there.

        Labelled curves come in their labels' order, top to bottom, then the references.
        Never raises: where alpha*x runs beyond the doubles, that curve's f says so.
        """
        precision = self._precision or "float64"
        x_value = rounded_to(x, pixel_width(self._view))
        parts = [f"x = {format_in(held(x_value, precision), precision)}"]
        order = {alpha: at for at, alpha in enumerate(self._label_order())}
        last = len(order)
        curves = sorted(self._curves, key=lambda c: order.get(c.alpha, last) if c.labelled else last + 1)
        for curve in curves:
            try:
                fx = leaky_point(x_value, curve.alpha, precision)[1]
            except ParameterError:  # float64 only: alpha*x beyond the largest double
                parts.append(
                    translate("CrosshairReadout", "{curve} = beyond ±1.8e308").format(curve=curve.name)
                )
            else:
                parts.append(f"{curve.name} = {format_in(fx, precision)}")
        return "    ".join(parts)

    def hide(self) -> None:
        """The mouse has left: no line, no readout."""
        self.line.hide()
        self.changed.emit("")

    def _on_mouse_moved(self, scene_pos: QPointF) -> None:
        if self._precision is None or not self._view.sceneBoundingRect().contains(scene_pos):
            if self.line.isVisible():
                self.hide()
            return
        x = view_x(self._view, scene_pos)
        self.line.setPos(x)
        self.line.show()
        self.changed.emit(self.readout_at(x))


def pixel_width(view: pg.ViewBox) -> float:
    """The width of a screen pixel in x, from the view's range and size.

    Not ViewBox.viewPixelSize(): pyqtgraph inverts the view's transform through its
    determinant, x scale times y scale, which underflows to 0 once both axes span
    around 1e300 or more, and then answers nonsense (1.6e-319 at ±1e307).
    """
    (lo, hi), _ = view.viewRange()
    width = view.rect().width()
    return float((hi - lo) / width) if width > 0 else math.nan


def view_x(view: pg.ViewBox, scene_pos: QPointF) -> float:
    """The x under a scene point, from the view's range and size.

    Not ViewBox.mapSceneToView: with both axes huge (see pixel_width) the transform has
    no inverse, pyqtgraph falls back to a pseudo-inverse, and every point maps to x = 0.
    """
    (lo, hi), _ = view.viewRange()
    rect = view.rect()
    share = (view.mapFromScene(scene_pos).x() - rect.left()) / rect.width() if rect.width() > 0 else 0.5
    if view.xInverted():
        share = 1.0 - share
    return float(lo * (1.0 - share) + hi * share)  # no overflow, even for a span beyond the doubles
