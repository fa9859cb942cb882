"""Comparing alphas: pinned curves, presets, crosshair, overlays, info, remembered state, keys."""

from __future__ import annotations

import math
import re
from decimal import Decimal

import pytest
from on_screen import focus_widget, press
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QListWidget, QPushButton

from leaky_gui.calc.alphas import kaiming_gain
from leaky_gui.calc.sweep import SweepParams, format_number, leaky_relu
from leaky_gui.gui.limits import MAX_PINNED
from leaky_gui.gui.pinned import pinned_style
from leaky_gui.gui.selftest import named, type_into
from leaky_gui.gui.theme import LIGHT
from leaky_gui.gui.window import MainWindow

D = Decimal


def pin(window, alpha: str) -> None:
    type_into(named(window, "alpha"), alpha)
    window.findChild(QPushButton, "compareAdd").click()


def test_pin_button_adds_a_curve_a_list_row_and_a_table_column(window):
    pin(window, "0.3")
    type_into(named(window, "alpha"), "0.01")
    assert window.findChild(QListWidget, "comparison").count() == 1
    assert window.model.headerData(4, Qt.Orientation.Horizontal) == "f(x; alpha=0.3)"
    assert window.model.index(0, 4).data() == "-1.2"
    line = window.plot.pinned[0].line
    assert [a.tolist() for a in line.getData()] == list(SweepParams().curve_points(D("0.3")))
    assert "alpha = 0.3 (Keras LeakyReLU layer)" in window.plot.legend_names()


def test_duplicates_are_refused_with_a_note(window):
    pin(window, "0.2")
    pin(window, "0.20")
    assert window.comparison.alphas() == (D("0.2"),)
    assert window.comparison.note.isVisible()
    assert "pinned already" in window.comparison.note.text()


@pytest.mark.slow
def test_many_curves_stay_distinguishable_and_the_current_one_on_top(window):
    alphas = [f"0.{k}" for k in range(1, 10)] + ["1.5", "2"]
    for alpha in alphas:
        pin(window, alpha)
    type_into(named(window, "alpha"), "0.01")
    styles = [pinned_style(p.slot, LIGHT) for p in window.comparison.pinned()]
    assert len(styles) == len(alphas) == len(set(styles))
    assert {style[1] for style in styles[len(LIGHT.pinned) :]} == {Qt.PenStyle.DashLine}
    pens = [window.plot.pinned[p.slot].line.opts["pen"] for p in window.comparison.pinned()]
    assert len({(pen.color().name(), pen.style()) for pen in pens}) == len(alphas)
    names = window.plot.legend_names()
    for alpha in alphas:
        assert any(n.startswith(f"alpha = {alpha}") for n in names), alpha
    top = window.plot.curve.zValue()
    assert all(top > window.plot.pinned[p.slot].line.zValue() for p in window.comparison.pinned())


def test_visibility_box_hides_and_remove_button_removes(window):
    pin(window, "0.3")
    pin(window, "0.2")
    row = window.comparison.row_widgets()[0]
    row.check.click()
    assert window.plot.pinned[0].line.getData() == (None, None)
    assert not any(n.startswith("alpha = 0.3") for n in window.plot.legend_names())
    row = window.comparison.row_widgets()[0]
    assert not row.check.isChecked()
    row.remove.click()
    assert window.comparison.alphas() == (D("0.2"),)
    assert window.model.columnCount() == 5


@pytest.mark.slow
def test_pinning_is_capped(window):
    for k in range(MAX_PINNED):
        window.pin_alpha(D(k) / 100)
    assert not window.pin_alpha(D("0.999"))
    assert "At most" in window.comparison.note.text()


def test_presets_set_and_pin_with_their_names(window):
    window.findChild(QAction, "presetSet_3").trigger()
    assert window.source.alpha == D("0.2")
    assert "f(x), alpha = 0.2 (TensorFlow)" in window.plot.legend_names()
    window.findChild(QAction, "presetPin_4").trigger()
    window.findChild(QAction, "presetPin_1").trigger()
    assert window.comparison.alphas() == (D("0.3"), D("0"))
    assert "alpha = 0 (ReLU)" in window.plot.legend_names()
    assert window.findChild(QAction, "presetSet_5").shortcut().toString() == "Ctrl+5"


def test_crosshair_follows_the_mouse_with_exact_values(window, qtbot):
    pin(window, "0.3")
    type_into(named(window, "alpha"), "0.01")
    named(window, "reluAction").setChecked(True)
    view = window.plot.getPlotItem().getViewBox()
    target = view.mapViewToScene(pg_point(-2.5, 0))
    pos = window.plot.mapFromScene(target)
    qtbot.mouseMove(window.plot.viewport(), pos)
    qtbot.waitUntil(lambda: window.plot.crosshair.isVisible())
    text = named(window, "crosshairReadout").text()
    x_text = re.match(r"x = (\S+)", text).group(1)
    x = D(x_text)
    assert abs(float(x) - (-2.5)) < 0.05
    assert abs(window.plot.crosshair.value() - (-2.5)) < 0.05
    assert f"f(x; 0.01) = {format_number(leaky_relu(x, '0.01'))}" in text
    assert f"f(x; 0.3) = {format_number(leaky_relu(x, '0.3'))}" in text
    assert f"ReLU = {format_number(leaky_relu(x, 0))}" in text
    pixel = view.viewPixelSize()[0]  # x is rounded to the view's resolution, no finer
    assert -x.as_tuple().exponent <= math.ceil(-math.log10(pixel))


def pg_point(x: float, y: float):
    from PySide6.QtCore import QPointF

    return QPointF(x, y)


def test_readout_is_exact_where_floats_are_not(window):
    window.plot.getPlotItem().setXRange(-4, 1, padding=0)
    text = window.plot.readout_at(-3.7000000001)
    assert "x = -3.7" in text and "f(x; 0.01) = -0.037" in text


def test_overlays_toggle_derivative_relu_and_identity(window, qtbot):
    named(window, "derivativeAction").trigger()
    expected = SweepParams().derivative_points()
    assert [a.tolist() for a in window.plot.current.derivative.getData()] == list(expected)
    assert window.plot.current.derivative.opts["pen"].style() == Qt.PenStyle.DashLine
    named(window, "reluAction").trigger()
    named(window, "identityAction").trigger()
    assert [a.tolist() for a in window.plot.relu.getData()] == [[-4.0, 0.0, 1.0], [0.0, 0.0, 1.0]]
    assert [a.tolist() for a in window.plot.identity.getData()] == [[-4.0, 0.0, 1.0], [-4.0, 0.0, 1.0]]
    names = window.plot.legend_names()
    assert "ReLU reference (alpha = 0)" in names and "identity y = x" in names
    named(window, "identityAction").trigger()
    assert window.plot.identity.getData() == (None, None)
    assert "identity y = x" not in window.plot.legend_names()


def test_info_panel_shows_range_crossing_f_ranges_and_gain(window):
    pin(window, "0.3")
    type_into(named(window, "alpha"), "0.01")
    assert named(window, "infoPanel").text() == "x range: -4.0 to 1.0 (101 points)\nZero crossing: i = 80"
    assert named(window, "sweepInfo").rows() == [
        ["alpha = 0.01 (PyTorch / JAX / ONNX) (current)", "[-0.04, 1.0]", f"{kaiming_gain(0.01):.6g}"],
        ["alpha = 0.3 (Keras LeakyReLU layer) (pinned)", "[-1.2, 1.0]", f"{kaiming_gain(0.3):.6g}"],
    ]
    assert named(window, "sweepInfo").rows()[0][2] == "1.41414"
    type_into(named(window, "startX"), "1")
    assert "Zero crossing: none" in named(window, "infoPanel").text()


def test_comparison_and_toggles_are_remembered(qtbot, settings):
    first = MainWindow(settings)
    qtbot.addWidget(first)
    for alpha in ("0.3", "0.2"):
        first.pin_alpha(D(alpha))
    first.comparison.row_widgets()[1].check.click()
    named(first, "derivativeAction").setChecked(True)
    named(first, "identityAction").setChecked(True)
    first.close()
    again = MainWindow(settings)
    qtbot.addWidget(again)
    assert [(p.alpha, p.visible) for p in again.comparison.pinned()] == [(D("0.3"), True), (D("0.2"), False)]
    assert named(again, "derivativeAction").isChecked() and named(again, "identityAction").isChecked()
    assert not named(again, "reluAction").isChecked()
    assert again.model.columnCount() == 6
    fresh = MainWindow(settings, fresh=True)
    qtbot.addWidget(fresh)
    assert fresh.comparison.pinned() == () and not named(fresh, "derivativeAction").isChecked()


def test_corrupt_comparison_settings_are_skipped(qtbot, settings):
    settings.setValue("compare/alphas", ["0.3", "banana", "", "0.3", "1e999", "0.5"])
    settings.setValue("compare/visible", "x")
    settings.setValue("view/derivative", "perhaps")
    win = MainWindow(settings)
    qtbot.addWidget(win)
    assert win.comparison.alphas() == (D("0.3"), D("0.5"))
    settings.setValue("compare/alphas", "banana")
    again = MainWindow(settings)
    qtbot.addWidget(again)
    assert again.comparison.alphas() == ()


def test_ctrl_q_quits(window, qtbot):
    assert named(window, "quitAction").shortcut().toString() == "Ctrl+Q"
    named(window, "quitAction").trigger()
    qtbot.waitUntil(lambda: not window.isVisible())


def test_tab_order_runs_through_the_inputs(window, qtbot):
    named(window, "startX").setFocus()
    order = []
    for _ in range(8):
        order.append(focus_widget(qtbot, window))
        press(qtbot, window, Qt.Key.Key_Tab)
    names = [w.objectName() or w.parent().objectName() for w in order]
    assert names == ["startX", "stepX", "count", "alpha", "dtype", "alphaSlider", "alphaPlay", "singleX"]


def test_every_action_is_in_a_menu(window):
    in_menus = set()

    def walk(menu):
        for action in menu.actions():
            in_menus.add(action)
            if action.menu():
                walk(action.menu())

    for top in window.menuBar().actions():
        walk(top.menu())
    mine = [
        a for a in window.findChildren(QAction) if a.objectName() and not a.objectName().startswith("_q_")
    ]
    missing = [a.objectName() for a in mine if a not in in_menus]
    assert len(mine) >= 15 and missing == []


def test_a_point_move_outside_the_view_hides_the_crosshair(window, qtbot):
    qtbot.mouseMove(window.plot.viewport(), QPoint(2, 2))
    assert not window.plot.crosshair.isVisible()
    assert "Move the mouse" in named(window, "crosshairReadout").text()
