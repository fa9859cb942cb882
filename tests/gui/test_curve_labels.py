"""Fit Negative Branch, the curves' alpha labels, the legend toggle and the readout's order."""

from __future__ import annotations

import itertools
from decimal import Decimal

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor

from leaky_gui.calc.sweep import sweep_exact_f
from leaky_gui.calc.values import values_from_decimals
from leaky_gui.gui.curve_labels import leftmost_visible, place_boxes
from leaky_gui.gui.pinned import pinned_style
from leaky_gui.gui.selftest import named, type_into
from leaky_gui.gui.theme import LIGHT
from leaky_gui.gui.view_math import padded
from leaky_gui.gui.window import MainWindow

D = Decimal
EIGHT = ("0.05", "0.1", "0.2", "0.3", "0.5", "0.7", "1", "2")


def view_ranges(window):
    return window.plot.getPlotItem().getViewBox().viewRange()


def test_fit_negative_branch_shows_x_up_to_0_and_the_exact_f_there(window):
    for alpha in ("0.2", "0.3"):
        window.pin_alpha(D(alpha))
    action = named(window, "fitNegativeAction")
    assert action.shortcut().toString() == "Ctrl+Shift+N" and "&Negative" in action.text()
    action.trigger()
    (x0, x1), (y0, y1) = view_ranges(window)
    lowest = float(sweep_exact_f(window.source, 0, D("0.3")))
    assert lowest == -1.2  # exactly 0.3 * -4
    assert [x0, x1] == list(padded([-4.0, 0.0]))
    assert [y0, y1] == list(padded([lowest, 0.0]))
    # It stays fitted while alpha slides: a larger alpha goes lower.
    named(window, "alphaSlider").setValue(window.slider.table.nearest(D("0.5")))
    assert view_ranges(window)[1] == list(padded([-2.0, 0.0]))
    named(window, "autoRangeAction").trigger()  # Ctrl+0 fits everything again
    assert view_ranges(window)[0][1] > 0.9


def test_the_legend_moves_to_the_empty_corner_of_each_fit(window, qtbot):
    for alpha in ("0.2", "0.3"):
        window.pin_alpha(D(alpha))
    view = window.plot.getPlotItem().getViewBox()

    def corner() -> tuple[bool, bool]:
        legend, box = window.plot.legend.sceneBoundingRect(), view.sceneBoundingRect()
        return legend.center().x() > box.center().x(), legend.center().y() > box.center().y()

    assert corner() == (False, False)  # top left: x < 0 < f(x) holds no curve
    named(window, "fitNegativeAction").trigger()
    qtbot.waitUntil(lambda: corner() == (True, True))  # bottom right: below (0, 0), where all curves end
    # No curve passes under it: 100 points along each drawn segment at x <= 0.
    legend = window.plot.legend.sceneBoundingRect()
    for curve in (window.plot.curve, *(c.line for c in window.plot.pinned.values())):
        xs, ys = curve.getData()
        for (xa, ya), (xb, yb) in itertools.pairwise(zip(xs, ys, strict=True)):
            if min(xa, xb) <= 0:
                along = [QPointF(xa + (xb - xa) * k / 99, ya + (yb - ya) * k / 99) for k in range(100)]
                assert not any(legend.contains(view.mapViewToScene(p)) for p in along if p.x() <= 0)
    named(window, "autoRangeAction").trigger()
    qtbot.waitUntil(lambda: corner() == (False, False))


def test_with_a_negative_alpha_the_legend_goes_to_the_top_right(window, qtbot):
    window.pin_alpha(D("0.3"))
    type_into(named(window, "alpha"), "-0.5")  # falls from f(-4) = 2 to (0, 0)
    named(window, "fitNegativeAction").trigger()
    view = window.plot.getPlotItem().getViewBox()
    box = view.sceneBoundingRect()
    qtbot.waitUntil(lambda: window.plot.legend.sceneBoundingRect().right() > box.center().x())
    legend = window.plot.legend.sceneBoundingRect()
    assert legend.center().y() < box.center().y()  # the top: the bottom right holds (0, 0)
    for curve in (window.plot.curve, window.plot.pinned[0].line):
        xs, ys = curve.getData()
        for (xa, ya), (xb, yb) in itertools.pairwise(zip(xs, ys, strict=True)):
            along = [QPointF(xa + (xb - xa) * k / 99, ya + (yb - ya) * k / 99) for k in range(100)]
            assert not any(legend.contains(view.mapViewToScene(p)) for p in along if p.x() <= 0)


def test_fit_negative_branch_of_a_falling_sweep_and_the_overlays(window):
    type_into(named(window, "startX"), "2")
    type_into(named(window, "stepX"), "-0.1")
    type_into(named(window, "count"), "41")  # 2 down to -2
    named(window, "identityAction").trigger()  # alpha = 1 there: f = x
    named(window, "fitNegativeAction").trigger()
    (x0, x1), (y0, y1) = view_ranges(window)
    assert [x0, x1] == list(padded([-2.0, 0.0])) and [y0, y1] == list(padded([-2.0, 0.0]))


def test_fit_negative_branch_of_your_values(window):
    # Any source of x has a negative branch: your values from their lowest x up to 0.
    window.show_values(values_from_decimals([D("-1"), D("3"), D("-3")]))
    window.pin_alpha(D("0.5"))
    named(window, "fitNegativeAction").trigger()
    (x0, x1), (y0, y1) = view_ranges(window)
    assert [x0, x1] == list(padded([-3.0, 0.0])) and [y0, y1] == list(padded([-1.5, 0.0]))


def test_without_x_at_or_below_0_it_says_so_and_leaves_the_view(window):
    type_into(named(window, "startX"), "0.5")
    before = view_ranges(window)
    named(window, "fitNegativeAction").trigger()
    assert view_ranges(window) == before
    assert "no x <= 0" in window.statusBar().currentMessage()


def label_rects(window) -> list[QRectF]:
    return [item.sceneBoundingRect() for item in window.plot.labels.items()]


def overlapping(window) -> list[tuple[QRectF, QRectF]]:
    rects = [*label_rects(window), window.plot.legend.sceneBoundingRect()]
    return [(a, b) for a, b in itertools.combinations(rects, 2) if a.intersects(b)]


def test_eight_pinned_alphas_get_labels_that_overlap_nothing(window, qtbot):
    for alpha in EIGHT:
        assert window.pin_alpha(D(alpha))
    for fit in ("fitNegativeAction", "autoRangeAction"):
        named(window, fit).trigger()
        # The labels take their places as the view's new transform reaches them (events).
        view = window.plot.getPlotItem().getViewBox().sceneBoundingRect()
        qtbot.waitUntil(
            lambda view=view: not overlapping(window) and all(view.contains(r) for r in label_rects(window)),
            timeout=2000,
        )
        rects = label_rects(window)
        assert len(rects) == 9  # the current alpha and the eight pinned
        legend = window.plot.legend.sceneBoundingRect()
        assert legend.height() > 100
        for a, b in itertools.combinations(rects, 2):
            assert not a.intersects(b), (a, b)
        assert not any(r.intersects(legend) for r in rects)
        assert all(view.contains(r) for r in rects)


def test_labels_are_written_in_their_curves_colours(window):
    for alpha in ("0.2", "0.3"):
        window.pin_alpha(D(alpha))
    labels = {item.textItem.toPlainText(): item.color for item in window.plot.labels.items()}
    assert set(labels) == {"α = 0.01", "α = 0.2", "α = 0.3"}  # noqa: RUF001
    slots = {p.alpha: p.slot for p in window.comparison.pinned()}
    assert labels["α = 0.2"] == QColor(pinned_style(slots[D("0.2")], LIGHT)[0])  # noqa: RUF001
    assert labels["α = 0.01"] == QColor(LIGHT.current)  # noqa: RUF001


def test_labels_take_new_colours_from_the_one_colour_function(window):
    window.pin_alpha(D("0.2"))
    labels = window.plot.labels
    labels._colour_of = lambda slot: "#123456" if slot is None else "#abcdef"
    labels.restyle()
    colours = {item.textItem.toPlainText(): item.color.name() for item in labels.items()}
    assert colours == {"α = 0.01": "#123456", "α = 0.2": "#abcdef"}  # noqa: RUF001


def test_a_hidden_pinned_curve_has_no_label(window):
    window.pin_alpha(D("0.3"))
    window.comparison.row_widgets()[0].check.click()
    assert [i.textItem.toPlainText() for i in window.plot.labels.items()] == ["α = 0.01"]  # noqa: RUF001


def test_the_readout_lists_the_curves_in_the_labels_order(window):
    for alpha in ("0.3", "0.05", "0.2"):
        window.pin_alpha(D(alpha))
    named(window, "reluAction").trigger()
    named(window, "fitNegativeAction").trigger()
    order = window.plot.labels.order()
    assert order == [D("0.01"), D("0.05"), D("0.2"), D("0.3")]  # top to bottom at x = -4
    tops = sorted(window.plot.labels.items(), key=lambda item: item.sceneBoundingRect().top())
    assert [item.textItem.toPlainText() for item in tops] == [f"α = {a}" for a in order]  # noqa: RUF001
    text = window.plot.readout_at(-2.0)
    names = [part.split(" = ")[0] for part in text.split("    ")[1:]]
    assert names == ["f(x; 0.01)", "f(x; 0.05)", "f(x; 0.2)", "f(x; 0.3)", "ReLU"]


def test_show_legend_hides_it_and_is_remembered(qtbot, settings):
    first = MainWindow(settings)
    qtbot.addWidget(first)
    action = named(first, "legendAction")
    assert action.isChecked() and first.plot.legend.isVisible()
    action.trigger()
    assert not first.plot.legend.isVisible()
    first.close()
    again = MainWindow(settings)
    qtbot.addWidget(again)
    assert not named(again, "legendAction").isChecked() and not again.plot.legend.isVisible()


def test_place_boxes_finds_free_spots():
    bounds = (0.0, 0.0, 200.0, 100.0)
    legend = (0.0, 0.0, 120.0, 60.0)
    wanted = [[(10.0, 10.0, 40.0, 15.0)]] * 4  # all want the legend's corner
    boxes = place_boxes(wanted, [legend], bounds)
    for a, b in itertools.combinations([*boxes, legend], 2):
        assert not (a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3])
    assert all(x >= 0 and x + w <= 200 and y >= 0 and y + h <= 100 for x, y, w, h in boxes)
    # The first free wanted spot wins.
    assert place_boxes([[(10.0, 10.0, 5.0, 5.0), (150.0, 80.0, 5.0, 5.0)]], [legend], bounds) == [
        (150.0, 80.0, 5.0, 5.0)
    ]


def test_leftmost_visible_point_of_a_curve():
    xs, ys = [-4.0, 0.0, 1.0], [-1.2, 0.0, 1.0]
    assert leftmost_visible(xs, ys, (-5.0, 2.0), (-2.0, 2.0)) == (-4.0, -1.2)
    x, y = leftmost_visible(xs, ys, (-5.0, 2.0), (-0.6, 2.0))  # enters through the bottom
    assert abs(x + 2.0) < 1e-12 and abs(y + 0.6) < 1e-12
    assert leftmost_visible(xs, ys, (2.0, 3.0), (-1.0, 1.0)) is None
