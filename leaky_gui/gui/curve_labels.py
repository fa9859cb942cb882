"""Small 'alpha = 0.2' labels (written with the Greek letter) beside the curves, placed so they overlap neither each other nor the legend.

Each label sits just right of its curve's leftmost visible point, in the curve's colour. The
placing is pure arithmetic on pixel rectangles (``place_boxes``): a label that would cover
the legend or a label above it moves to the free spot nearest where it wanted to be, so
they stay readable with all eight pinned alphas. The order of the labels, top to bottom, is
the order the crosshair readout lists the curves in.

The labels live in the view box's own pixels, not in its data coordinates: they are placed
from the view's range and size, so pyqtgraph never inverts the view's transform for them.
That transform is singular before the view has a size, and its determinant (x scale times
y scale) underflows to 0 once both axes span ~1e300; pyqtgraph's pseudo-inverse fallback
then sets ``arr.shape``, which numpy 2.5 deprecates.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal

import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGraphicsItem

from leaky_gui.calc.sweep import format_label

#: (left, top, width, height) in scene pixels.
Box = tuple[float, float, float, float]

ALPHA = "\N{GREEK SMALL LETTER ALPHA}"
#: Pixels between a curve's point and its label, and between boxes.
GAP = 4.0


@dataclass(frozen=True)
class LabelledCurve:
    """A curve to label: its alpha, its style slot (None: the current alpha) and drawn vertices."""

    alpha: Decimal
    slot: int | None
    xs: Sequence[float]
    ys: Sequence[float]


#: Pixels kept clear around each box: a label lands a fraction of a pixel from where it was placed.
MARGIN = 1.5


def _overlaps(a: Box, b: Box) -> bool:
    m = MARGIN
    return (
        a[0] < b[0] + b[2] + m
        and b[0] < a[0] + a[2] + m
        and a[1] < b[1] + b[3] + m
        and b[1] < a[1] + a[3] + m
    )


def place_boxes(wanted: Sequence[Iterable[Box]], obstacles: Sequence[Box], bounds: Box) -> list[Box]:
    """One box per label, in the order given: its first free wanted spot, else the free spot nearest the first.

    Each label lists the spots it would like, best first (beside its curve, walking right
    along it; read lazily, so usually only the first is made). Free: inside ``bounds`` and overlapping no obstacle and no box placed before
    it. Failing all, the search tries the spots just beside each obstacle or placed box
    (below, above, right of), so a free spot is found whenever one of those is free.
    """
    placed: list[Box] = []
    left_bound, top_bound, width_bound, height_bound = bounds
    right_bound, bottom_bound = left_bound + width_bound, top_bound + height_bound

    def clamped(box: Box) -> Box:
        x, y, w, h = box
        x = min(max(x, left_bound), max(left_bound, right_bound - w))
        y = min(max(y, top_bound), max(top_bound, bottom_bound - h))
        return x, y, w, h

    for spots in wanted:
        taken = [*obstacles, *placed]
        first: Box | None = None
        for spot in map(clamped, spots):
            first = first or spot
            if not any(_overlaps(spot, o) for o in taken):
                placed.append(spot)
                break
        else:
            if first is None:
                raise ValueError("a label needs at least one wanted spot")
            placed.append(_nearest_free(first, taken, bounds))
    return placed


def _nearest_free(wanted: Box, taken: list[Box], bounds: Box) -> Box:
    """The free spot nearest ``wanted`` among those beside what is taken (or ``wanted`` if none is free)."""
    left_bound, top_bound, width_bound, height_bound = bounds
    right_bound, bottom_bound = left_bound + width_bound, top_bound + height_bound
    x, y, w, h = wanted
    xs = {x, left_bound} | {o[0] + o[2] + max(GAP, 2 * MARGIN) for o in taken}
    ys = {y} | {o[1] + o[3] + 2 * MARGIN for o in taken} | {o[1] - h - 2 * MARGIN for o in taken}
    spots = [
        (cx, cy)
        for cx in xs
        for cy in ys
        if left_bound <= cx <= right_bound - w and top_bound <= cy <= bottom_bound - h
    ]
    free = [s for s in spots if not any(_overlaps((*s, w, h), o) for o in taken)]
    if free:
        x, y = min(free, key=lambda s: (math.hypot((s[0] - x) * 2, s[1] - y), s[1], s[0]))
    return x, y, w, h


def leftmost_visible(
    xs: Sequence[float], ys: Sequence[float], x_range: tuple[float, float], y_range: tuple[float, float]
) -> tuple[float, float] | None:
    """The leftmost point of the polyline through (xs, ys) inside the view's ranges, or None."""
    (x_lo, x_hi), (y_lo, y_hi) = x_range, y_range
    best: tuple[float, float] | None = None
    points = list(zip(xs, ys, strict=True))
    segments = list(itertools.pairwise(points)) if len(points) > 1 else [(p, p) for p in points]
    for (ax, ay), (bx, by) in segments:
        t0, t1 = 0.0, 1.0
        dx, dy = bx - ax, by - ay
        inside = True
        for p, q in ((-dx, ax - x_lo), (dx, x_hi - ax), (-dy, ay - y_lo), (dy, y_hi - ay)):
            if p == 0:
                if q < 0:
                    inside = False
                    break
            else:
                t = q / p
                if p < 0:
                    t0 = max(t0, t)
                else:
                    t1 = min(t1, t)
        if not inside or t0 > t1:
            continue
        candidates = [(ax + t0 * dx, ay + t0 * dy), (ax + t1 * dx, ay + t1 * dy)]
        point = min(candidates)
        if best is None or point[0] < best[0]:
            best = point
    return best


class CurveLabels:
    """One pg.TextItem per labelled curve, added to ``plot`` and placed around its ``legend``."""

    def __init__(
        self, plot: pg.PlotItem, legend: pg.LegendItem, colour_of: Callable[[int | None], str]
    ) -> None:
        self._plot = plot
        self._legend = legend
        self._colour_of = colour_of
        self._items: dict[tuple[Decimal, int | None], pg.TextItem] = {}
        self._order: list[Decimal] = []
        self._curves: list[LabelledCurve] = []
        self._colours: dict[tuple[Decimal, int | None], str] = {}
        self._placed_for: tuple | None = None  # what the labels were last placed for
        self.font = QFont()
        self._cache_mode = QGraphicsItem.CacheMode.DeviceCoordinateCache
        legend.geometryChanged.connect(self.place)  # it grows as entries come, after a refresh

    @staticmethod
    def text(alpha: Decimal) -> str:
        return f"{ALPHA} = {format_label(alpha)}"

    def show(self, curves: Sequence[LabelledCurve]) -> None:
        """Label these curves (one label per alpha, the first curve's colour wins)."""
        first = {c.alpha: c for c in reversed(curves)}  # each alpha's first curve
        self._curves = [c for c in curves if first[c.alpha] is c]
        wanted = {(c.alpha, c.slot) for c in self._curves}
        for key in list(self._items):
            if key not in wanted:
                gone = self._items.pop(key)
                gone.setParentItem(None)
                if gone.scene() is not None:
                    gone.scene().removeItem(gone)
                self._colours.pop(key, None)
        for curve in self._curves:
            key = (curve.alpha, curve.slot)
            item = self._items.get(key)
            if item is None:
                item = self._items[key] = pg.TextItem(self.text(curve.alpha), anchor=(0, 0))
                item.setFont(self.font)
                item.setZValue(45)
                item.textItem.setCacheMode(self._cache_mode)  # see SweepPlot._cache_text
                item.setParentItem(self._plot.getViewBox())  # in pixels: see the module's docstring
            colour = self._colour_of(curve.slot)
            if self._colours.get(key) != colour:
                item.setColor(colour)
                self._colours[key] = colour
        self.place()

    def set_cache_mode(self, mode: QGraphicsItem.CacheMode) -> None:
        """Keep the labels' text as a pixmap of the screen's pixels, or draw it each time."""
        self._cache_mode = mode
        for item in self._items.values():
            item.textItem.setCacheMode(mode)

    def restyle(self) -> None:
        """Write every label in its curve's colour again (after the colours changed, e.g. a theme)."""
        for curve in self._curves:
            key = (curve.alpha, curve.slot)
            self._colours[key] = colour = self._colour_of(curve.slot)
            self._items[key].setColor(colour)

    def place(self) -> None:
        """Put every label beside its curve's leftmost visible point, none overlapping (after any view change)."""
        view = self._plot.getViewBox()
        (x0, x1), (y0, y1) = view.viewRange()
        area = view.sceneBoundingRect()
        if area.width() <= 0 or area.height() <= 0 or x1 <= x0 or y1 <= y0:
            return
        legend = self._legend.sceneBoundingRect() if self._legend.isVisible() else QRectF()
        placing = (
            x0,
            x1,
            y0,
            y1,
            _box(area),
            _box(legend),
            [(c.alpha, c.slot, c.xs, c.ys) for c in self._curves],
        )
        if placing == self._placed_for:
            return  # nothing moved (a range signal after a refresh that placed them already)
        self._placed_for = placing
        shown: list[tuple[LabelledCurve, pg.TextItem, float, float]] = []
        for curve in self._curves:
            item = self._items[(curve.alpha, curve.slot)]
            point = leftmost_visible(curve.xs, curve.ys, (x0, x1), (y0, y1))
            item.setVisible(point is not None)
            if point is not None:
                sx = area.left() + (point[0] - x0) / (x1 - x0) * area.width()
                sy = area.top() + (y1 - point[1]) / (y1 - y0) * area.height()
                shown.append((curve, item, sx, sy))
        # Top to bottom by where each wants to be; equal heights (x > 0) by alpha.
        shown.sort(key=lambda s: (s[3], s[0].alpha))
        wanted: list[Iterator[Box]] = []
        for curve, item, sx, _ in shown:
            size = item.textItem.boundingRect()
            first_x = x0 + (sx - area.left()) / area.width() * (x1 - x0)
            spots = _spots_along(curve, first_x, (size.width(), size.height()), (x0, x1, y0, y1), _box(area))
            wanted.append(itertools.chain(spots, [(sx + GAP, area.top(), size.width(), size.height())]))
        obstacles = [_box(legend)] if legend.width() > 0 and legend.height() > 0 else []
        boxes = place_boxes(wanted, obstacles, _box(area))
        for (_, item, _, _), (bx, by, _, _) in zip(shown, boxes, strict=True):
            item.setPos(bx - area.left(), by - area.top())  # the view box's own pixels
        self._order = [
            s[0].alpha
            for s, _ in sorted(zip(shown, boxes, strict=True), key=lambda p: (p[1][1], p[0][0].alpha))
        ]

    def order(self) -> list[Decimal]:
        """The labelled alphas, top to bottom as placed."""
        return list(self._order)

    def items(self) -> list[pg.TextItem]:
        """The visible labels (for tests and screenshots)."""
        return [item for item in self._items.values() if item.isVisible()]


def _y_at(x: float, xs: Sequence[float], ys: Sequence[float]) -> float:
    """The polyline's y at ``x`` (xs rising; the ends beyond them)."""
    if x <= xs[0]:
        return ys[0]
    for (ax, ay), (bx, by) in itertools.pairwise(zip(xs, ys, strict=True)):
        if x <= bx:
            return ay + (by - ay) * ((x - ax) / (bx - ax)) if bx > ax else by
    return ys[-1]


def _spots_along(
    curve: LabelledCurve, first_x: float, size: tuple[float, float], ranges: tuple, area: Box
) -> Iterator[Box]:
    """Spots for a label beside its curve, from ``first_x`` rightwards every 16 pixels, made as asked."""
    x0, x1, y0, y1 = ranges
    left, top, width, height = area
    w, h = size
    step = 16 * (x1 - x0) / width
    for k in range(60):
        x = first_x + k * step
        if x > x1 or x > curve.xs[-1]:
            return
        y = _y_at(x, curve.xs, curve.ys)
        if y0 <= y <= y1:
            px = left + (x - x0) / (x1 - x0) * width
            py = top + (y1 - y) / (y1 - y0) * height
            below, above = (px + GAP, py + 1, w, h), (px + GAP, py - h - 1, w, h)
            # Clear of the line: under a rising one, over a falling one.
            rising = _y_at(x + step, curve.xs, curve.ys) >= y
            yield from (below, above) if rising else (above, below)


def _box(rect: QRectF) -> Box:
    return rect.left(), rect.top(), rect.width(), rect.height()
