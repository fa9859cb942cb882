"""The plot's ViewBox: its 'View All' is the sweep's exact fit; zoom and pan work from its range.

pyqtgraph's own wheel zoom and mouse drags find view coordinates by inverting the view's
transform through its determinant, x scale times y scale. That is 0 before the view has a
size and underflows to 0 once both axes span ~1e300; pyqtgraph then falls back to a
pseudo-inverse that sets ``arr.shape`` (deprecated in numpy 2.5) and answers nonsense. Here
the view's range and size give the same answers in plain arithmetic, within ±VIEW_LIMIT.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt

from leaky_gui.gui.view_math import VIEW_LIMIT


def _scaled(lo: float, hi: float, centre: float, factor: float) -> tuple[float, float] | None:
    """[lo, hi] scaled by ``factor`` about ``centre``, kept within ±VIEW_LIMIT; None if nothing is left."""
    new_lo = max(centre + (lo - centre) * factor, -VIEW_LIMIT)
    new_hi = min(centre + (hi - centre) * factor, VIEW_LIMIT)
    return (new_lo, new_hi) if math.isfinite(new_hi - new_lo) and new_hi > new_lo else None


def _shifted(lo: float, hi: float, by: float) -> tuple[float, float]:
    """[lo, hi] moved by ``by``, stopping at ±VIEW_LIMIT."""
    by = min(max(by, -VIEW_LIMIT - lo), VIEW_LIMIT - hi) if hi - lo < 2 * VIEW_LIMIT else 0.0
    return lo + by, hi + by


class FittingViewBox(pg.ViewBox):
    """A ViewBox whose own 'View All' (context menu, double-click) is the sweep's exact fit."""

    def __init__(self) -> None:
        super().__init__()
        self.fit: Callable[[], None] | None = None

    def autoRange(self, padding=None, items=None, item=None) -> None:
        if self.fit is None:
            super().autoRange(padding, items, item)
        else:
            self.fit()

    def view_point(self, pos: QPointF) -> tuple[float, float]:
        """The view coordinates of a point in the box's own pixels, from its range and size."""
        (x0, x1), (y0, y1) = self.viewRange()
        rect = self.rect()
        across = (pos.x() - rect.left()) / rect.width() if rect.width() > 0 else 0.5
        down = (pos.y() - rect.top()) / rect.height() if rect.height() > 0 else 0.5
        if self.xInverted():
            across = 1.0 - across
        if not self.yInverted():  # y grows upwards on screen
            down = 1.0 - down
        return x0 * (1.0 - across) + x1 * across, y0 * (1.0 - down) + y1 * down

    def _zoom(self, factors: tuple[float | None, float | None], pos: QPointF) -> None:
        """Scale each axis with a factor (None: leave it) about the view point under ``pos``."""
        centre = self.view_point(pos)
        ranges = {}
        for axis, (factor, (lo, hi), middle) in enumerate(
            zip(factors, self.viewRange(), centre, strict=True)
        ):
            if factor is not None and (new := _scaled(lo, hi, middle, factor)) is not None:
                ranges["xRange" if axis == 0 else "yRange"] = new
        if ranges:
            self.setRange(**ranges, padding=0)

    def wheelEvent(self, ev, axis=None) -> None:
        enabled = self.state["mouseEnabled"]
        mask = [enabled[0] and axis in (None, 0), enabled[1] and axis in (None, 1)]
        if not any(mask):
            ev.ignore()
            return
        factor = 1.02 ** (ev.delta() * self.state["wheelScaleFactor"])
        self._zoom((factor if mask[0] else None, factor if mask[1] else None), ev.pos())
        ev.accept()
        self.sigRangeChangedManually.emit(mask)

    def mouseDragEvent(self, ev, axis=None) -> None:
        left_or_middle = ev.button() in (Qt.MouseButton.LeftButton, Qt.MouseButton.MiddleButton)
        if self.state["mouseMode"] == pg.ViewBox.RectMode and left_or_middle and axis is None:
            super().mouseDragEvent(ev, axis)  # a rectangle to zoom into: no inversion
            return
        ev.accept()
        enabled = self.state["mouseEnabled"]
        mask = [enabled[0] and axis in (None, 0), enabled[1] and axis in (None, 1)]
        (x0, x1), (y0, y1) = self.viewRange()
        rect = self.rect()
        if rect.width() <= 0 or rect.height() <= 0:
            return
        if left_or_middle:  # pan: the view follows the mouse
            moved = ev.pos() - ev.lastPos()
            dx = -moved.x() * ((x1 - x0) / rect.width()) * (-1 if self.xInverted() else 1)
            dy = moved.y() * ((y1 - y0) / rect.height()) * (-1 if self.yInverted() else 1)
            ranges = {}
            if mask[0]:
                ranges["xRange"] = _shifted(x0, x1, dx)
            if mask[1]:
                ranges["yRange"] = _shifted(y0, y1, dy)
            if ranges:
                self.setRange(**ranges, padding=0)
        elif ev.button() & Qt.MouseButton.RightButton:  # zoom: right and up zoom out
            moved = ev.screenPos() - ev.lastScreenPos()
            factors = (1.02 ** -moved.x() if mask[0] else None, 1.02 ** moved.y() if mask[1] else None)
            self._zoom(factors, ev.buttonDownPos(Qt.MouseButton.RightButton))
        self.sigRangeChangedManually.emit(self.state["mouseEnabled"])
