"""The Layer view in the window: a row per alpha on show, live; its inputs judged and remembered;
copy as TSV, export as the stats CSV; the plot's curves in the curves' colours."""

from __future__ import annotations

from decimal import Decimal

import numpy as np
import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDockWidget

from leaky_gui.calc.layer_stats import LayerParams, depth_log10_ratios, layer_stats, stats_csv_lines
from leaky_gui.cli import main as cli
from leaky_gui.gui.layer_view import LayerView
from leaky_gui.gui.pinned import pinned_style
from leaky_gui.gui.selftest import named, type_into
from leaky_gui.gui.window import MainWindow

D = Decimal


def opened(window) -> LayerView:
    named(window, "layerViewAction").trigger()
    view = named(window, "layerView")
    assert view.isVisible()
    return view


def shown_alphas(view: LayerView) -> list[str]:
    return [view.table.item(r, 0).text() for r in range(view.table.rowCount())]


def problem(view: LayerView) -> str:
    return view.problem.text() if view.problem.isVisible() else ""


def test_it_opens_from_the_view_menu_in_a_dock_under_the_plot(window):
    dock = named(window, "layerDock")
    assert isinstance(dock, QDockWidget) and dock.isHidden()  # the sweep keeps the room until asked
    action = named(window, "layerViewAction")
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    assert action in view_menu.actions() and action.shortcut().toString() == "Ctrl+Shift+L"
    view = opened(window)
    assert view.parent() is dock or dock.widget() is view
    action.trigger()
    assert dock.isHidden()


def test_a_row_per_alpha_current_first_then_the_pinned(window):
    window.pin_alpha(D("0.2"))
    window.pin_alpha(D("0.3"))
    view = opened(window)
    assert shown_alphas(view) == ["0.01", "0.2", "0.3"]
    assert [row.alpha for row in view.rows()] == [D("0.01"), D("0.2"), D("0.3")]
    assert view.rows()[1] == layer_stats(D("0.2"), LayerParams())
    headers = [view.table.horizontalHeaderItem(c).text() for c in range(view.table.columnCount())]
    assert headers[:3] == ["alpha", "std ratio", "grad ratio"]  # the answers first
    assert view.table.item(1, 2).text() == "1"  # he: the gradient's ratio 1 at mean 0
    assert view.table.item(0, 5).text() == "0.5" and view.table.item(0, 6).text() == "0.394953"
    assert view.table.item(0, 6).toolTip() == repr(layer_stats(D("0.01")).mean)  # every digit


def test_it_follows_the_alpha_box_the_slider_and_play_live(window, qtbot):
    view = opened(window)
    type_into(named(window, "alpha"), "0.25")
    assert shown_alphas(view) == ["0.25"]
    slider = named(window, "alphaSlider")
    slider.setValue(slider.value() + 5)
    assert shown_alphas(view) == [str(window.source.alpha)] != ["0.25"]
    named(window, "playAction").trigger()
    start = window.source.alpha
    qtbot.waitUntil(lambda: window.source.alpha != start, timeout=5000)
    named(window, "playAction").trigger()  # stop
    assert shown_alphas(view) == [str(window.source.alpha)]


def test_hidden_it_does_no_work_and_catches_up_when_opened(window):
    assert window.findChild(LayerView) is None  # not even built until first opened
    type_into(named(window, "alpha"), "0.3")
    view = opened(window)
    assert named(window, "layerDock").widget() is view
    assert shown_alphas(view) == ["0.3"]
    named(window, "layerViewAction").trigger()  # closed again
    type_into(named(window, "alpha"), "0.4")
    assert view._stale and shown_alphas(view) == ["0.3"]  # nothing worked out while closed
    assert shown_alphas(opened(window)) == ["0.4"]


@pytest.mark.parametrize(
    ("field", "text", "words"),
    [
        ("layerStd", "0", "std: must be above 0, not 0"),
        ("layerStd", "-1", "std: must be above 0"),
        ("layerMean", "abc", "mean: not a number: 'abc'"),
        ("layerDepth", "0", "depth: must be at least 1, not 0"),
        ("layerDepth", "1001", "depth: must be at most 1,000, not 1,001"),
        ("layerDepth", "", "depth: is empty"),
    ],
)
def test_its_inputs_are_judged_as_typed_and_the_rows_stay_the_last_good(window, field, text, words):
    view = opened(window)
    before = view.rows()
    type_into(named(window, field), text)
    assert problem(view).startswith(words)
    assert view.rows() == before and view.params == LayerParams()


def test_an_unknown_initialisation_is_refused_and_a_gain_is_taken(window):
    view = opened(window)
    view.init_box.lineEdit().clear()
    type_into(view.init_box.lineEdit(), "glorot")
    assert problem(view).startswith("init: unknown initialisation 'glorot'")
    view.init_box.lineEdit().clear()
    type_into(view.init_box.lineEdit(), "gain=1.5")
    assert problem(view) == ""
    assert view.rows()[0].layer_factor == float(D("2.25") * (1 + D("0.01") ** 2) / 2)


def test_good_inputs_change_every_row(window):
    window.pin_alpha(D("0.2"))
    view = opened(window)
    type_into(named(window, "layerMean"), "-1")
    type_into(named(window, "layerStd"), "2")
    type_into(named(window, "layerDepth"), "10")
    view.init_box.setCurrentText("torch-default")
    view.init_box.activated.emit(0)
    params = LayerParams.from_text("-1", "2", "10", "torch-default")
    assert view.params == params
    assert view.rows() == [layer_stats(D("0.01"), params), layer_stats(D("0.2"), params)]


def test_rows_copy_as_tab_separated_text_and_export_as_the_stats_csv(window, tmp_path, capsys):
    window.pin_alpha(D("0.2"))
    window.pin_alpha(D("0.3"))
    view = opened(window)
    type_into(named(window, "layerDepth"), "20")
    view.init_box.setCurrentText("kaiming-default")
    view.init_box.activated.emit(0)
    assert cli(["stats", "--alpha", "0.01", "0.2", "0.3", "--depth", "20", "--init", "kaiming-default"]) == 0
    expected = capsys.readouterr().out
    target = tmp_path / "layer.csv"
    assert view.export_csv(str(target))
    assert target.read_text() == expected
    view.copy_rows()  # nothing selected: every row
    assert QGuiApplication.clipboard().text() == expected.replace(",", "\t")
    view.table.selectRow(1)
    named(window, "layerCopy").click()
    assert QGuiApplication.clipboard().text().splitlines() == [
        line.replace(",", "\t") for line in expected.splitlines()[:1] + expected.splitlines()[2:3]
    ]
    assert not view.export_csv(str(tmp_path / "no" / "such.csv"))
    assert "does not exist" in window.statusBar().currentMessage()


def test_copied_rows_honour_the_decimal_comma_option_as_the_main_tables_copy_does(window):
    window.pin_alpha(D("0.2"))
    comma = named(window, "csvDecimalCommaAction")
    comma.setChecked(True)
    view = opened(window)  # built with the option on
    lines = stats_csv_lines([D("0.01"), D("0.2")], view.params)
    with_points = "".join(line.replace(",", "\t") for line in lines)
    view.copy_rows()
    copied = QGuiApplication.clipboard().text()
    assert copied == with_points.replace(".", ",")
    assert copied.splitlines()[2].startswith("0,2\t")
    window.table.selectAll()
    window.table.copy_selected_rows()
    assert "0,01" in QGuiApplication.clipboard().text()  # the main table's copy, alike
    comma.setChecked(False)  # and off again while the view is open
    view.copy_rows()
    assert QGuiApplication.clipboard().text() == with_points


def test_the_plot_draws_each_alpha_in_its_curves_colour_with_the_gradient_dashed(window):
    window.pin_alpha(D("0.2"))
    view = opened(window)
    type_into(named(window, "layerMean"), "0.5")
    signal, gradient = view.plot.curves[1]
    want_signal, want_gradient = depth_log10_ratios(D("0.2"), view.params)
    assert list(signal.xData) == list(gradient.xData) == [0, 1, 50]  # a straight line after the first layer
    assert np.array_equal(signal.yData, want_signal[[0, 1, 50]])
    assert np.array_equal(gradient.yData, want_gradient[[0, 1, 50]])
    assert np.allclose(np.diff(want_signal[1:]), want_signal[2] - want_signal[1], rtol=1e-9)
    slot = window.comparison.pinned()[0].slot
    colour = pinned_style(slot, window.theme.scheme)[0]
    assert signal.opts["pen"].color().name() == gradient.opts["pen"].color().name() == colour.lower()
    assert view.plot.curves[0][0].opts["pen"].color().name() == window.theme.scheme.current.lower()
    named(window, "layerGradient").click()  # off
    assert len(gradient.yData or []) == 0
    named(window, "layerGradient").click()
    assert len(gradient.yData) == 3


def test_the_plot_reads_underflowing_ratios_on_its_log_axis(window):
    view = opened(window)
    type_into(named(window, "layerDepth"), "1000")
    view.init_box.setCurrentText("torch-default")
    view.init_box.activated.emit(0)
    signal, _ = view.plot.curves[0]
    assert view.rows()[0].std_ratio == 0.0  # 0.17**500: beyond the doubles
    assert signal.yData[-1] == pytest.approx(-389.05, abs=0.01)  # its log10 still drawn
    low, _ = view.plot.widget.getPlotItem().getViewBox().viewRange()[1]
    assert low < -389


def test_its_inputs_and_whether_it_is_open_are_remembered(qtbot, settings):
    first = MainWindow(settings)
    qtbot.addWidget(first)
    first.show()
    opened(first)
    type_into(named(first, "layerMean"), "0.5")
    type_into(named(first, "layerDepth"), "7")
    named(first, "layerGradient").click()
    first.close()
    second = MainWindow(settings)
    qtbot.addWidget(second)
    view = named(second, "layerView")
    assert (view.mean_edit.text(), view.depth_edit.text(), view.gradient_check.isChecked()) == (
        "0.5",
        "7",
        False,
    )
    assert view.params == LayerParams.from_text("0.5", "1", "7")
    assert not named(second, "layerDock").isHidden() and named(second, "layerDock").widget() is view
    second.show()
    assert view.isVisible() and view.rows()[0].alpha == second.source.alpha
    fresh = MainWindow(settings, fresh=True)
    qtbot.addWidget(fresh)
    assert named(fresh, "layerDock").isHidden() and fresh.findChild(LayerView) is None
    fresh.show()
    assert opened(fresh).depth_edit.text() == "50"


def test_remembered_inputs_that_do_not_judge_give_way_to_the_defaults(qtbot, settings):
    settings.setValue("layerView/std", "-3")
    settings.setValue("layerView/depth", "40")
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    view = opened(window)
    assert (view.std_edit.text(), view.depth_edit.text()) == ("1", "50") and problem(view) == ""


def test_dark_scheme_recolours_the_plot(window):
    window.pin_alpha(D("0.3"))
    view = opened(window)
    named(window, "themeDarkAction").trigger()
    scheme = window.theme.scheme
    assert scheme.dark
    assert view.plot.widget.backgroundBrush().color().name() == scheme.background.lower()
    assert view.plot.curves[1][0].opts["pen"].color().name() == pinned_style(0, scheme)[0].lower()


def test_open_it_keeps_every_control_named_and_every_mnemonic_unique(window):
    from test_desktop import duplicates, focusable_controls

    opened(window)
    controls = focusable_controls(window)
    mine = [w for w in controls if named(window, "layerView").isAncestorOf(w)]
    assert len(mine) >= 8  # mean, std, depth, init, table, plot, toggle, two buttons
    unnamed = [
        w.objectName() or type(w).__name__
        for w in controls
        if not (w.accessibleName() or getattr(w, "text", lambda: "")())
    ]
    assert unnamed == []
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    assert duplicates([action.text() for action in view_menu.actions()]) == {}


def test_pens_follow_the_device_pixel_ratio(window, monkeypatch):
    monkeypatch.setattr(LayerView, "devicePixelRatioF", lambda self: 2.0)
    view = opened(window)
    assert view.plot.curves[0][0].opts["pen"].widthF() == 6.0  # the current curve: 3 logical px


def test_an_alpha_too_large_for_the_statistics_gets_a_note_not_a_row(window):
    window.pin_alpha(D("1e60"))
    view = opened(window)
    assert shown_alphas(view) == ["0.01"]
    assert view.note.isVisible() and view.note.text().startswith("No row for alpha = 1e+60")
    window.comparison.set_pinned(())
    window.refresh()
    assert not view.note.isVisible()
