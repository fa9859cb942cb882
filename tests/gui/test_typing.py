"""What is typed is what is shown is what is computed: spin boxes, separators, limits, Escape.

These run on both platforms; under QT_QPA_PLATFORM=xcb they go through X11's key scheme.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from on_screen import message
from PySide6.QtCore import QLocale, Qt

from leaky_gui.calc.sweep import format_label, format_number
from leaky_gui.gui.selftest import named, type_into
from leaky_gui.gui.window import MainWindow

D = Decimal
BOXES = {"startX": "start", "stepX": "step", "alpha": "alpha"}


@pytest.fixture
def german():
    """A decimal-comma locale, as a German, French or Brazilian desktop has."""
    QLocale.setDefault(QLocale("de_DE"))
    yield
    QLocale.setDefault(QLocale.c())


@pytest.mark.parametrize("name", list(BOXES))
@pytest.mark.parametrize("text", ["1e-11", "-1e-300", "1.23456789012345", "0.123456789012", "2.5e-7"])
def test_every_digit_typed_is_shown_and_computed(window, name, text):
    type_into(named(window, name), text)
    box = named(window, name)
    shown = format_label(float(text))  # the core's shortest form: '2.5e-07', as in the table
    assert shown == text or text == "2.5e-7"
    assert box.text() == shown  # after Enter, and after leaving the field:
    named(window, "singleX").setFocus()
    box.clearFocus()
    assert box.text() == shown
    assert getattr(window.source, BOXES[name]) == D(text)
    assert message(window) == ""


def test_the_table_shows_the_same_number_as_the_box(window):
    type_into(named(window, "startX"), "1e-11")
    assert window.model.index(0, 1).data() == format_number(1e-11) == "1e-11"
    type_into(named(window, "alpha"), "1e-300")
    type_into(named(window, "startX"), "-1e-5")
    assert window.model.index(0, 2).data() == "-1e-305"


def test_long_decimals_keep_every_digit_the_sweep_uses(window):
    type_into(named(window, "startX"), "0.1234567890123456789")
    assert named(window, "startX").text() == "0.1234567890123456789"
    assert window.source.start == D("0.1234567890123456789")


def test_more_digits_than_decimals_default_context_are_kept(window):
    digits = "0.1234567890123456789012345678901234"  # 34 digits: Decimal's context rounds at 28
    type_into(named(window, "startX"), digits)
    assert named(window, "startX").text() == digits and window.source.start == D(digits)


def test_arrows_step_exactly_in_decimals(window):
    type_into(named(window, "alpha"), "0.05")
    named(window, "alpha").stepBy(1)
    assert named(window, "alpha").text() == "0.06" and window.source.alpha == D("0.06")
    type_into(named(window, "startX"), "1e-11")
    named(window, "startX").stepBy(1)
    assert named(window, "startX").text() == "0.50000000001" and window.source.start == D("0.50000000001")


def test_restored_and_preset_values_show_every_digit(qtbot, settings):
    first = MainWindow(settings)
    qtbot.addWidget(first)
    type_into(named(first, "startX"), "-1e-300")
    type_into(named(first, "stepX"), "1.23456789012345")
    first.close()
    again = MainWindow(settings)
    qtbot.addWidget(again)
    assert named(again, "startX").text() == "-1e-300" and named(again, "stepX").text() == "1.23456789012345"
    named(again, "presetSet_4").trigger()
    assert named(again, "alpha").text() == "0.3" and again.source.alpha == D("0.3")


def test_out_of_range_text_stays_with_its_message_and_never_settles_on_a_prefix(window, qtbot):
    count = named(window, "count")
    type_into(count, "1000000000")  # its prefix 100000000 was fine, one keystroke earlier
    assert count.text() == "1000000000"
    assert message(window) == "count: must be from 1 to 100,000,000"
    assert window.source.count == 101  # the value from before the edit, not the prefix
    named(window, "singleX").setFocus()  # leaving the field changes nothing
    assert count.text() == "1000000000" and window.source.count == 101 and message(window)
    count.setFocus()
    qtbot.keyClick(count, Qt.Key.Key_Escape)
    assert count.text() == "101" and message(window) == ""


def test_a_number_beyond_the_doubles_is_refused_and_escape_restores(window, qtbot):
    start = named(window, "startX")
    type_into(start, "1e999")
    assert start.text() == "1e999" and "too large for a double" in message(window)
    assert window.source.start == D("-4")
    qtbot.keyClick(start, Qt.Key.Key_Escape)
    assert start.text() == "-4" and message(window) == ""


def test_huge_and_tiny_starts_are_taken_as_typed(window):
    type_into(named(window, "startX"), "1e300")
    assert window.source.start == D("1e300") and named(window, "startX").text() == "1e+300"
    type_into(named(window, "startX"), "-1.7e308")
    assert window.source.start == D("-1.7e308") and message(window) == ""


def test_a_sweep_beyond_the_doubles_is_explained_and_no_prefix_kept(window):
    type_into(named(window, "startX"), "1e308")
    type_into(named(window, "stepX"), "1e308")  # 1e3, 1e30 on the way were fine
    assert named(window, "stepX").text() == "1e308"
    assert message(window) == "step x: the sweep runs beyond the largest double (1.8e308)"
    assert window.source.step == D("0.05")


def test_step_zero_keeps_its_text_and_message_after_enter(window):
    type_into(named(window, "stepX"), "0")
    assert named(window, "stepX").text() == "0"
    assert message(window) == "step x: must not be 0" and window.source.step == D("0.05")


def test_a_comma_is_refused_with_a_hint_where_the_locale_writes_points(window):
    type_into(named(window, "alpha"), "0,05")
    assert named(window, "alpha").text() == "0,05"  # kept as typed, not turned into 5
    assert "use '.' as the decimal point" in message(window)
    assert window.source.alpha == D("0.01")
    type_into(named(window, "singleX"), "-2,5")
    assert "use '.' as the decimal point" in named(window, "singleResult").text()


@pytest.mark.parametrize("name", list(BOXES))
def test_a_decimal_comma_is_the_decimal_point_in_a_decimal_comma_locale(qtbot, settings, german, name):
    win = MainWindow(settings, fresh=True)
    qtbot.addWidget(win)
    type_into(named(win, name), "0,05")
    assert getattr(win.source, BOXES[name]) == D("0.05")
    assert named(win, name).text() == "0.05"  # shown in the app's one number format
    type_into(named(win, name), "-2.5")  # '.' is accepted everywhere
    assert getattr(win.source, BOXES[name]) == D("-2.5")


def test_single_x_takes_a_decimal_comma_in_a_decimal_comma_locale(qtbot, settings, german):
    win = MainWindow(settings, fresh=True)
    qtbot.addWidget(win)
    type_into(named(win, "singleX"), "-2,5")
    assert named(win, "singleResult").text() == "f(-2.5) = -0.025      f'(-2.5) = 0.01"


def test_grouping_is_never_read_as_a_decimal_point(qtbot, settings, german):
    win = MainWindow(settings, fresh=True)
    qtbot.addWidget(win)
    type_into(named(win, "startX"), "1.000,5")
    assert "no thousands separators" in named(win, "paramMessage").text()
    assert win.source.start == D("-4")


@pytest.mark.parametrize("text", ["1,000", "1.000", "1e3", "-5"])
def test_count_takes_digits_only(window, text):
    type_into(named(window, "count"), text)
    assert named(window, "count").text() == text
    assert "digits 0-9 only" in message(window)
    assert window.source.count == 101


def test_digits_of_other_scripts_are_not_read_as_numbers(window):
    for name in ("count", "startX"):
        edit = named(window, name).lineEdit()  # pasted: QTest cannot type Arabic-Indic digits
        edit.selectAll()
        edit.insert("١٢")
        assert edit.text() == "١٢" and message(window).startswith(("count: digits", "start x: not a number"))
    assert (window.source.count, window.source.start) == (101, D("-4"))


def test_letters_are_kept_and_explained_not_dropped(window):
    type_into(named(window, "startX"), "abc")
    assert named(window, "startX").text() == "abc" and "not a number" in message(window)


def test_each_box_states_what_it_takes(window):
    assert "±1.8e308" in named(window, "startX").toolTip()
    assert "except 0" in named(window, "stepX").toolTip()
    assert "1 to 100,000,000" in named(window, "count").toolTip()
    assert "Escape" in named(window, "alpha").toolTip()


def test_the_plot_axes_read_the_real_numbers(window):
    type_into(named(window, "startX"), "-0.3")
    type_into(named(window, "stepX"), "0.006")
    axis = window.plot.getPlotItem().getAxis("bottom")
    assert axis.labelString().find("x0.001") == -1 and axis.autoSIPrefixScale == 1.0


def test_view_all_in_the_plots_menu_fits_the_exact_curves(window):
    type_into(named(window, "startX"), "-1e30")
    type_into(named(window, "stepX"), "2e28")  # f spans more than 1e24: pyqtgraph's own fit fails
    view = window.plot.getPlotItem().getViewBox()
    view.setRange(xRange=(0, 1), yRange=(0, 1), padding=0)
    view.menu.viewAll.trigger()
    (x_lo, x_hi), (y_lo, y_hi) = view.viewRange()
    assert x_lo <= -1e30 and x_hi >= 1e30 and y_lo <= -1e28 and y_hi >= 1e30
