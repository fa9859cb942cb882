"""The live plot of a sweep: exact curve geometry, pinned alphas, overlays, crosshair.

f is piecewise linear with one kink at 0, so each curve is drawn through at most three
vertices (the ends and the kink) whatever the count: the line is exact and costs the same
at 101 points and at 100,000,000. Items are created once (per pinned alpha) and updated
with setData; PlotItem.clear() is never used, as it would also drop the crosshair.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from decimal import Decimal
from functools import partial

import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsView

from leaky_gui.calc.precision import DEFAULT_PRECISION
from leaky_gui.calc.source import XSource, negative_branch
from leaky_gui.calc.sweep import format_label
from leaky_gui.calc.text.framework_digits import format_in
from leaky_gui.gui import plot_texts as words
from leaky_gui.gui.crosshair import CrosshairReadout, ReadCurve
from leaky_gui.gui.curve_labels import CurveLabels, LabelledCurve
from leaky_gui.gui.language import alpha_name
from leaky_gui.gui.limits import VALUE_MARKER_LIMIT
from leaky_gui.gui.pinned import PinnedAlpha, pinned_style
from leaky_gui.gui.plot_histogram import XHistogram
from leaky_gui.gui.plot_items import Curve, MajorGrid, Overlays, Stroke, clear_item, markers
from leaky_gui.gui.plot_legend import PlotLegend
from leaky_gui.gui.theme import LIGHT, Scheme
from leaky_gui.gui.view_box import FittingViewBox
from leaky_gui.gui.view_math import MIN_VIEW_SPAN, finite, padded

#: Sample markers are drawn when the sweep has at most this many points.
MARKER_LIMIT = 200


__all__ = ["Overlays", "SweepPlot"]


def _reference_stroke(dash: Qt.PenStyle) -> Callable[[Scheme], Stroke]:
    """A reference line's stroke (ReLU, identity) in a scheme."""
    return lambda scheme: Stroke(scheme.reference, 1.5, dash)


def _pinned_colour(slot: int, scheme: Scheme) -> str:
    return pinned_style(slot, scheme)[0]


class SweepPlot(pg.PlotWidget):
    """A PlotWidget showing f over [x_0, x_last] for the current and the pinned alphas."""

    #: Text of the crosshair readout ('' when the mouse leaves the plot).
    readoutChanged = Signal(str)

    def __init__(self, parent=None, scheme: Scheme = LIGHT) -> None:
        super().__init__(parent=parent, background=scheme.background, viewBox=FittingViewBox())
        self.setObjectName("plot")
        # The view fills its background with the scheme's colour on every repaint. So no
        # cached copy of that colour (pyqtgraph's CacheBackground: a copy of every pixel
        # costs more than a fill), and no fill of the viewport's own first (twice the pixels:
        # both grow fourfold at device pixel ratio 2).
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheNone)
        self.viewport().setAutoFillBackground(False)
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setAccessibleName(words.tr(words.NAME))
        self.setAccessibleDescription(words.tr(words.HELP))
        item = self.getPlotItem()
        item.setMenuEnabled(True)
        self._scheme = scheme
        self._pen_scale = 1.0
        self._watching_screen = False
        # Not the axes' own grid (three levels of translucent lines, 21 ms a repaint) nor
        # pyqtgraph's GridItem (replayed from a QPicture, the costliest part of a repaint).
        grid = self.grid = MajorGrid(item)
        grid.setZValue(-10)
        item.addItem(grid, ignoreBounds=True)
        #: Every fixed pen: what sets it, and its stroke in a scheme. Redrawn at each new
        #: pen scale and scheme (pyqtgraph never follows the palette by itself).
        self._strokes: list[tuple[Callable[[QPen], object], Callable[[Scheme], Stroke]]] = [
            (grid.setPen, lambda s: Stroke(s.grid, thin=True))
        ]
        for side in ("left", "bottom"):
            axis = item.getAxis(side)
            # A calculator's axes read the real numbers: no 'x (x0.001)' with ticks -300..300.
            axis.enableAutoSIPrefix(False)
            self._strokes.append((axis.setPen, lambda s: Stroke(s.foreground)))
        item.setLabel("bottom", "x")
        item.setLabel("left", "f(x)")
        # The legend first, so every curve added later finds it.
        self.legend_entries = PlotLegend(item)
        self.legend = self.legend_entries.item

        self.current = Curve(item, lambda s: s.current, Qt.PenStyle.SolidLine, 3.0, z=20)
        self.curve = self.current.line  # the current alpha's line
        self.relu = pg.PlotDataItem([], [])
        self.identity = pg.PlotDataItem([], [])
        for reference, dash in ((self.relu, Qt.PenStyle.DashLine), (self.identity, Qt.PenStyle.DotLine)):
            reference.setZValue(1)
            item.addItem(reference)
            self._strokes.append((reference.setPen, _reference_stroke(dash)))
        self.samples = markers(item, "o", 5, None, z=21)
        self.crossing = markers(item, "d", 12, None, z=30)
        self.single = markers(item, "star", 17, None, z=31)
        self._strokes += [
            (self.crossing.setSymbolPen, lambda s: Stroke(s.crossing_edge)),
            (self.single.setSymbolPen, lambda s: Stroke(s.single_edge)),
        ]

        # Your own values, many of them: where they lie, as bars along the bottom.
        self.x_histogram = XHistogram(item, self._set_legend_name)
        self.histogram = self.x_histogram.item

        self.pinned: dict[int, Curve] = {}  # by style slot
        self._source: XSource | None = None
        self._pinned_state: tuple[PinnedAlpha, ...] = ()
        self._overlays = Overlays()
        self.labels = CurveLabels(item, self.legend, self.curve_colour)
        self.readout = CrosshairReadout(item, self.labels.order)
        self.readout.changed.connect(self.readoutChanged)
        self.crosshair = self.readout.line
        self._strokes.append((self.crosshair.setPen, lambda s: Stroke(s.crosshair)))
        self._apply_scheme()
        self._negative_only = False  # the fit shows the x <= 0 branch only (Fit Negative Branch)
        self.setToolTip(words.tr(words.TIP))
        # The view is fitted from the curves' own vertices, not by pyqtgraph's auto-range,
        # which sizes y from the clipped display data (wrong once f spans more than a million
        # view heights) and overflows to inf near the largest doubles.
        view = item.getViewBox()
        view.fit = self.fit
        view.disableAutoRange()
        view.setLimits(minXRange=MIN_VIEW_SPAN, minYRange=MIN_VIEW_SPAN)
        item.hideButtons()
        self._following = True  # fit on every change until the user pans or zooms
        view.sigRangeChangedManually.connect(self._stop_following)
        view.sigRangeChanged.connect(lambda *_: self.labels.place())
        view.sigResized.connect(lambda *_: self.labels.place())  # same range, other pixels

    # -- what is shown ---------------------------------------------------------

    def show_source(self, source: XSource, pinned: Sequence[PinnedAlpha], overlays: Overlays) -> None:
        """Redraw for a sweep (or your values), its pinned alphas and overlays (a few vertices per line)."""
        pinned = tuple(pinned)
        if (source, pinned, overlays) == (self._source, self._pinned_state, self._overlays):
            return
        sweep_changed = source != self._source
        self._source, self._pinned_state, self._overlays = source, pinned, overlays

        self._draw_curve(self.current, source, source.alpha, True, overlays.derivative)
        self._set_legend_name(self.current.line, f"f(x), {alpha_name(source.alpha)}")
        self._set_legend_name(
            self.current.derivative, words.tr(words.DERIVATIVE) if overlays.derivative else None
        )
        self._show_pinned(source, pinned, overlays)
        self._draw_reference(self.relu, source, Decimal(0), overlays.relu, words.tr(words.RELU))
        self._draw_reference(self.identity, source, Decimal(1), overlays.identity, words.tr(words.IDENTITY))
        if sweep_changed:
            self._draw_markers(source)
            self.x_histogram.show_for(source)
        if self._following:
            self._fit_now()
        elif sweep_changed:
            self.x_histogram.place()
        read = [ReadCurve(f"f(x; {format_label(a)})", a, True) for a in self._visible_alphas()]
        if overlays.relu:
            read.append(ReadCurve("ReLU", Decimal(0), False))
        if overlays.identity:
            read.append(ReadCurve(words.tr(words.IDENTITY_SHORT), Decimal(1), False))
        self.readout.read(read, source.precision)
        labelled = [(source.alpha, None), *((p.alpha, p.slot) for p in pinned if p.visible)]
        self.labels.show([LabelledCurve(a, slot, *finite(*source.curve_points(a))) for a, slot in labelled])
        # pyqtgraph applies a new range to the view's transform only when the next paint
        # begins; every item then moves inside that paint and the plot is painted a second
        # time. Applied now, one paint shows it all.
        self.getPlotItem().getViewBox().prepareForPaint()

    def _draw_curve(
        self, curve: Curve, source: XSource, alpha: Decimal, visible: bool, derivative: bool
    ) -> None:
        if visible:
            curve.line.setData(*finite(*source.curve_points(alpha)))
        else:
            clear_item(curve.line)
        if visible and derivative:
            curve.derivative.setData(*finite(*source.derivative_points(alpha)))
        else:
            clear_item(curve.derivative)

    def _show_pinned(self, source: XSource, pinned: tuple[PinnedAlpha, ...], overlays: Overlays) -> None:
        wanted = {p.slot for p in pinned}
        for slot in list(self.pinned):
            if slot not in wanted:
                self.pinned.pop(slot).remove(self.getPlotItem())
        for order, p in enumerate(pinned):
            curve = self.pinned.get(p.slot)
            if curve is None:
                dash = pinned_style(p.slot, self._scheme)[1]
                curve = self.pinned[p.slot] = Curve(
                    self.getPlotItem(),
                    partial(_pinned_colour, p.slot),
                    dash,
                    2.0,
                    z=10 - order * 0.01,
                )
                curve.set_pens(self._scheme, self._pen_scale)
            self._draw_curve(curve, source, p.alpha, p.visible, overlays.derivative)
            self._set_legend_name(curve.line, alpha_name(p.alpha) if p.visible else None)

    def _draw_reference(
        self, item: pg.PlotDataItem, source: XSource, alpha: Decimal, on: bool, name: str
    ) -> None:
        if on:
            item.setData(*finite(*source.curve_points(alpha)))
        else:
            clear_item(item)
        self._set_legend_name(item, name if on else None)

    def _draw_markers(self, source: XSource) -> None:
        # A sweep's points on its line up to 200; your values (lying anywhere) up to 2,000.
        limit = MARKER_LIMIT if source.evenly_spaced else VALUE_MARKER_LIMIT
        if source.count <= limit:
            xs = source.x_block(0, source.count)
            self.samples.setData(*finite(xs.tolist(), source.f_block(0, source.count, source.alpha).tolist()))
        else:
            self.samples.setData([], [])
        crossing = source.zero_crossing_index()
        if crossing is None:
            self.crossing.setData([], [])
            self._set_legend_name(self.crossing, None)
        else:
            self.crossing.setData(*finite([source.x(crossing)], [source.f(crossing)]))
            self._set_legend_name(self.crossing, words.tr(words.CROSSING).format(i=crossing))

    # -- the view --------------------------------------------------------------

    def fit(self) -> None:
        """Show every curve and marker (A, Ctrl+0), and keep doing so until the user pans or zooms."""
        self._following, self._negative_only = True, False
        self._fit_now()

    def fit_negative_branch(self) -> bool:
        """Show x from the sweep's lowest x up to 0 and every visible curve's f there; False if no x <= 0.

        Kept so while inputs change (sliding alpha), until the user pans or zooms or fits all.
        """
        if self._negative_extent() is None:
            return False
        self._following, self._negative_only = True, True
        self._fit_now()
        return True

    def _visible_alphas(self) -> list[Decimal]:
        """The alphas of the curves on show: the current one, then the visible pinned ones."""
        current = [] if self._source is None else [self._source.alpha]
        return current + [p.alpha for p in self._pinned_state if p.visible]

    def _negative_curves(self) -> tuple[list[Decimal], list[Decimal]]:
        """The alphas of the visible curves (references too), and of the derivatives on show."""
        overlays = self._overlays
        alphas = self._visible_alphas()
        leaks = alphas if overlays.derivative else []
        return alphas + [Decimal(0)] * overlays.relu + [Decimal(1)] * overlays.identity, leaks

    def _negative_extent(self) -> tuple[tuple[float, float], tuple[float, float]] | None:
        """The x <= 0 part of every visible curve, from the sweep's exact vertices (calc)."""
        if self._source is None:
            return None
        return negative_branch(self._source, *self._negative_curves())

    def _stop_following(self, *_: object) -> None:
        self._following = False

    def _fit_now(self) -> None:
        extent = self._negative_extent() if self._negative_only else None
        falling = extent is not None and any(alpha < 0 for alpha in self._negative_curves()[0])
        self.legend_entries.place(extent is not None, falling)
        if extent is not None:
            x_range, y_range = extent
            self.getPlotItem().getViewBox().setRange(
                xRange=padded(list(x_range)), yRange=padded(list(y_range)), padding=0
            )
            self.x_histogram.place()
            return
        xs: list[float] = []
        ys: list[float] = []
        for item in self.getPlotItem().listDataItems():
            if item is self.histogram:
                continue  # drawn under the curves, fitted to them
            # The data as set: getData() gives what is drawn, which pyqtgraph clips in y to
            # 1e6 view heights (dynamicRangeLimit), so it cannot tell what the view must hold.
            x, y = item.xData, item.yData
            if x is not None and len(x):
                xs += (float(x.min()), float(x.max()))
                ys += (float(y.min()), float(y.max()))
        if xs:
            self.getPlotItem().getViewBox().setRange(xRange=padded(xs), yRange=padded(ys), padding=0)
        self.x_histogram.place()

    def show_histogram(self, source: XSource) -> None:
        """The histogram of x, now worked out (on a worker thread), if ``source`` is on show."""
        if source == self._source:
            self.x_histogram.show_worked_out(source)

    def set_single_point(self, x: float | None, fx: float | None) -> None:
        """Mark the single evaluated point, or clear the mark with None."""
        if x is None or fx is None:
            self.single.setData([], [])
            self._set_legend_name(self.single, None)
            return
        self.single.setData(*finite([x], [fx]))
        precision = DEFAULT_PRECISION if self._source is None else self._source.precision
        self._set_legend_name(self.single, f"f({format_in(x, precision)}) = {format_in(fx, precision)}")
        if self._following:
            self._fit_now()

    def _set_legend_name(self, item: pg.GraphicsObject, name: str | None) -> None:
        """List ``item`` in the legend as ``name``, or not at all with None."""
        self.legend_entries.set_name(item, name)

    def show_legend(self, on: bool) -> None:
        """Show or hide the legend (View > Show Legend); the curve labels move into its room."""
        self.legend.setVisible(on)
        self.labels.place()

    def legend_names(self) -> list[str]:
        """The legend's entries, top to bottom."""
        return self.legend_entries.names()

    def curve_data(self) -> tuple[list[float], list[float]]:
        """The vertices drawn for the current curve (for tests and the self-test)."""
        xs, ys = self.curve.getData()
        return ([] if xs is None else xs.tolist()), ([] if ys is None else ys.tolist())

    # -- colours: light or dark ---------------------------------------------------

    @property
    def scheme(self) -> Scheme:
        """The colours the plot is drawn in."""
        return self._scheme

    def set_scheme(self, scheme: Scheme) -> None:
        """Draw everything in ``scheme``: background, axes, grid, legend, curves, markers."""
        if scheme != self._scheme:
            self._scheme = scheme
            self._apply_scheme()

    @contextmanager
    def drawn_in(self, scheme: Scheme, scale: float) -> Iterator[None]:
        """Colours of ``scheme`` and pens for ``scale`` device pixels per logical pixel for a while
        (an exported image: light by default, at 2x its size)."""
        before = self._scheme, self._pen_scale
        self._scheme, self._pen_scale = scheme, scale
        self._apply_scheme()
        self._cache_text(False)  # text as text (an SVG's), at the image's own resolution
        try:
            yield
        finally:
            self._cache_text(True)
            self._scheme, self._pen_scale = before
            self._apply_scheme()

    def _cache_text(self, on: bool) -> None:
        """Keep the legend's and the labels' text as pixmaps of the screen's pixels (on) or not.

        On screen the pixmaps are copied, not drawn again: text costs four times as much to
        draw at a device pixel ratio of 2. Images must not get them: an SVG would hold
        pictures of text, and a PNG at twice the size would hold them blurred.
        """
        mode = QGraphicsItem.CacheMode.DeviceCoordinateCache if on else QGraphicsItem.CacheMode.NoCache
        self.legend_entries.set_cache_mode(mode)
        self.labels.set_cache_mode(mode)

    def curve_colour(self, slot: int | None) -> str:
        """The colour of the current curve (slot None) or of a pinned one, in the scheme on show."""
        return self._scheme.current if slot is None else pinned_style(slot, self._scheme)[0]

    def _apply_scheme(self) -> None:
        scheme = self._scheme
        self.setBackground(scheme.background)
        item = self.getPlotItem()
        for side in ("left", "bottom"):
            item.getAxis(side).setTextPen(pg.mkPen(scheme.foreground))  # tick text and axis label
        item.setTitle(words.tr(words.TITLE), color=scheme.foreground)
        self.legend_entries.restyle(scheme)
        self.samples.setSymbolBrush(scheme.current)
        self.x_histogram.restyle(scheme)
        self.crossing.setSymbolBrush(scheme.crossing_fill)
        self.single.setSymbolBrush(scheme.single_fill)
        self.labels.restyle()
        self._apply_pen_scale()

    # -- sharp at any device pixel ratio ----------------------------------------

    @property
    def pen_scale(self) -> float:
        """Device pixels per logical pixel that the pens are drawn for."""
        return self._pen_scale

    def set_pen_scale(self, scale: float) -> None:
        """Draw every pen ``scale`` times as wide in device pixels (the screen's ratio, or an image's)."""
        if scale > 0 and scale != self._pen_scale:
            self._pen_scale = scale
            self._apply_pen_scale()

    def _apply_pen_scale(self) -> None:
        for setter, stroke in self._strokes:
            setter(stroke(self._scheme).pen(self._pen_scale))
        for curve in (self.current, *self.pinned.values()):
            curve.set_pens(self._scheme, self._pen_scale)

    def _follow_screen(self, *_: object) -> None:
        self.set_pen_scale(self.devicePixelRatioF())

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.DevicePixelRatioChange:
            self._follow_screen()
        return super().event(event)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        handle = self.window().windowHandle()
        if handle is not None and not self._watching_screen:
            handle.screenChanged.connect(self._follow_screen)  # moved to a screen of another ratio
            self._watching_screen = True
        self._follow_screen()

    # -- crosshair -------------------------------------------------------------

    def readout_at(self, x: float) -> str:
        """x rounded to the view's resolution, and each visible curve's exact f there."""
        return self.readout.readout_at(x)

    def leaveEvent(self, event) -> None:
        self.readout.hide()
        super().leaveEvent(event)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_A and not event.modifiers():
            self.fit()
            return
        super().keyPressEvent(event)
