"""The Precision combo in the window: table, single x, tooltips, info, status, export, memory."""

from __future__ import annotations

from decimal import Decimal

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from leaky_gui.calc.sweep import SweepParams
from leaky_gui.cli import main as cli_main
from leaky_gui.gui.selftest import named, type_into
from leaky_gui.gui.window import MainWindow

D = Decimal


def choose(window, precision: str) -> None:
    combo = named(window, "dtype")
    combo.setCurrentIndex(combo.findData(precision))


def test_the_combo_offers_four_precisions_float64_first(window):
    combo = named(window, "dtype")
    assert isinstance(combo, QComboBox)
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "float64 (exact)",
        "float32",
        "float16",
        "bfloat16",
    ]
    assert combo.currentData() == "float64" and window.source.precision == "float64"
    assert "PyTorch" in combo.toolTip()


def test_float16_drives_the_table_and_the_status_bar(window):
    type_into(named(window, "startX"), "-3.55")
    choose(window, "float16")
    assert window.source.precision == "float16"
    # float16 holds -3.55 as -3.55078125; 0.01 times that, in float32, rounds to float16 -0.03552
    assert [window.model.index(0, c).data() for c in range(4)] == ["0", "-3.55", "-0.03552", "0.01"]
    assert window.statusBar().currentMessage().startswith("float16: 101 points")
    choose(window, "float64")
    assert window.model.index(0, 2).data() == "-0.0355"


def test_an_f_cell_tooltip_shows_the_stored_value_and_its_error(window):
    type_into(named(window, "startX"), "-3.7")
    choose(window, "float16")
    tip = window.model.index(0, 2).data(Qt.ItemDataRole.ToolTipRole)
    assert (
        tip
        == "float16 holds f(x) as -0.0369873046875 exactly: +1.2695e-05 from the exact -0.037 (+0.416 ulp of float16)"
    )
    choose(window, "float64")
    assert window.model.index(0, 2).data(Qt.ItemDataRole.ToolTipRole) is None


def test_single_x_shows_why_float16_and_exact_differ_though_both_print_the_same(window):
    choose(window, "float16")
    type_into(named(window, "singleX"), "-3.7")
    text = named(window, "singleResult").text()
    first, second = text.split("\n")
    assert first == "f(-3.7) = -0.037      f'(-3.7) = 0.01"
    assert second == (
        "float16: x is held as -3.69921875; f(x) is -0.0369873046875 exactly: "
        "+1.2695e-05 from the exact -0.037 (+0.416 ulp of float16)"
    )
    xs, ys = window.plot.single.getData()
    assert (xs.tolist(), ys.tolist()) == ([-3.69921875], [-0.0369873046875])
    choose(window, "bfloat16")
    assert "-0.037109375 exactly" in named(window, "singleResult").text()


def test_the_info_panel_and_crossing_follow_x_in_the_precision(window):
    type_into(named(window, "startX"), "-1e-9")
    type_into(named(window, "stepX"), "1e-10")
    type_into(named(window, "count"), "30")
    assert "Zero crossing: i = 10" in named(window, "infoPanel").text()
    choose(window, "float16")  # float16 holds -1e-9 as -0
    assert "Zero crossing: i = 0" in named(window, "infoPanel").text()
    assert window.model.crossing_row == 0


def test_the_plot_markers_sit_at_the_stored_values(window):
    type_into(named(window, "count"), "11")
    type_into(named(window, "startX"), "-3.7")
    choose(window, "bfloat16")
    xs, ys = window.plot.samples.getData()
    params = SweepParams(D("-3.7"), D("0.05"), 11, precision="bfloat16")
    assert xs.tolist() == [params.x(i) for i in range(11)] and xs[0] == -3.703125
    assert ys.tolist() == [params.f(i) for i in range(11)]


def test_the_crosshair_readout_is_in_the_precision(window):
    choose(window, "float16")
    window.plot.getPlotItem().setXRange(-4, 1, padding=0)
    text = window.plot.readout_at(-3.7000000001)
    assert "x = -3.7" in text and "f(x; 0.01) = -0.037" in text


@pytest.mark.slow
def test_export_is_byte_for_byte_the_command_lines_dtype_output(window, qtbot, tmp_path, capsysbinary):
    type_into(named(window, "startX"), "-3.7")
    type_into(named(window, "stepX"), "0.3")
    type_into(named(window, "count"), "40")
    window.pin_alpha(D("0.3"))
    named(window, "csvDerivativeAction").setChecked(True)
    for dtype in ("float32", "float16", "bfloat16"):
        choose(window, dtype)
        target = tmp_path / f"{dtype}.csv"
        window.export_csv(target)
        qtbot.waitUntil(lambda: not window.exports.running(), timeout=20_000)
        args = [
            "sweep",
            "--start",
            "-3.7",
            "--step",
            "0.3",
            "--count",
            "40",
            "--alpha",
            "0.01",
            "--alpha",
            "0.3",
        ]
        assert cli_main([*args, "--derivative", "--dtype", dtype]) == 0
        assert target.read_bytes() == capsysbinary.readouterr().out, dtype


def test_the_precision_is_remembered_and_a_bad_one_falls_back(qtbot, settings):
    first = MainWindow(settings)
    qtbot.addWidget(first)
    choose(first, "bfloat16")
    first.close()
    again = MainWindow(settings)
    qtbot.addWidget(again)
    assert named(again, "dtype").currentData() == "bfloat16" and again.source.precision == "bfloat16"
    settings.setValue("inputs/dtype", "float8")
    fallback = MainWindow(settings)
    qtbot.addWidget(fallback)
    assert named(fallback, "dtype").currentData() == "float64" and fallback.source.precision == "float64"


def test_float16_overflow_shows_inf_and_nothing_breaks(window, qtbot):
    choose(window, "float16")
    type_into(named(window, "startX"), "-65530")  # float16 overflows from 65520 on
    type_into(named(window, "stepX"), "1")
    type_into(named(window, "count"), "30")
    assert [window.model.index(0, c).data() for c in (1, 2)] == ["-inf", "-inf"]
    assert [window.model.index(29, c).data() for c in (1, 2)] == ["-65500.0", "-655.0"]
    xs, ys = window.plot.curve_data()  # only the finite end can be drawn
    assert (xs, ys) == ([-65504.0], [-655.0])
    window.grab()  # paints without an exception
    assert np.isfinite(window.plot.getPlotItem().getViewBox().viewRange()).all()
