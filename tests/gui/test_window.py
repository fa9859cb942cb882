"""The main window through its real widgets: typing, the live table and plot, messages."""

from __future__ import annotations

import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractSpinBox, QLabel, QLineEdit, QTableView

from leaky_gui.calc.sweep import SweepParams
from leaky_gui.gui.limits import MAX_GUI_COUNT, ROW_HEIGHT
from leaky_gui.gui.plot import SweepPlot
from leaky_gui.gui.selftest import check_window_shows, named, type_into
from leaky_gui.gui.window import MainWindow


def test_widgets_have_their_object_names_and_defaults(window):
    find = window.findChild
    assert find(QAbstractSpinBox, "startX").text() == "-4"
    assert find(QAbstractSpinBox, "stepX").text() == "0.05"  # no trailing-zero noise
    assert find(QAbstractSpinBox, "count").value() == 101
    assert find(QAbstractSpinBox, "alpha").text() == "0.01"
    assert isinstance(find(QLineEdit, "singleX"), QLineEdit)
    assert isinstance(find(QLabel, "singleResult"), QLabel)
    assert isinstance(find(QTableView, "table"), QTableView)
    assert isinstance(find(SweepPlot, "plot"), SweepPlot)
    check_window_shows(window, SweepParams())


def test_inputs_have_labels_with_mnemonics_and_tooltips(window):
    labels = {
        label.buddy().objectName(): label.text() for label in window.findChildren(QLabel) if label.buddy()
    }
    assert labels == {
        "startX": "&Start x:",
        "stepX": "S&tep x:",
        "count": "&Count:",
        "alpha": "&Alpha:",
        "dtype": "Precisio&n:",
        "singleX": "Single &x:",
        "alphaSlider": "Alpha sli&der:",
    }
    for spin in (
        named(window, "alphaSlider"),
        named(window, "startX"),
        named(window, "stepX"),
        named(window, "count"),
        named(window, "alpha"),
        named(window, "singleX"),
    ):
        assert spin.toolTip()


def test_spin_boxes_keep_every_digit_and_take_the_full_count_range(window):
    type_into(named(window, "count"), str(MAX_GUI_COUNT))
    assert window.source.count == MAX_GUI_COUNT
    type_into(named(window, "count"), str(MAX_GUI_COUNT + 1))
    assert (
        window.source.count == MAX_GUI_COUNT
        and "from 1 to 100,000,000" in named(window, "paramMessage").text()
    )
    type_into(named(window, "alpha"), "0.123456")
    assert window.source.alpha == Decimal("0.123456")
    assert named(window, "alpha").text() == "0.123456"


def test_typing_updates_table_and_plot_live(window, qtbot):
    type_into(named(window, "count"), "7")
    type_into(named(window, "alpha"), "0.3")
    type_into(named(window, "startX"), "-1.5")
    type_into(named(window, "stepX"), "0.5")
    expected = SweepParams(Decimal("-1.5"), Decimal("0.5"), 7, (Decimal("0.3"),))
    assert window.source == expected
    check_window_shows(window, expected)
    assert window.model.index(0, 2).data() == "-0.45"
    xs, _ = window.plot.samples.getData()
    assert xs.tolist() == [-1.5, -1.0, -0.5, 0.0, 0.5, 1.0, 1.5]


def test_every_keystroke_counts_without_pressing_enter(window, qtbot):
    named(window, "count").setFocus()
    named(window, "count").selectAll()
    qtbot.keyClicks(named(window, "count"), "12")
    assert window.model.rowCount() == 12  # keyboard tracking: live, no Enter needed


def test_step_zero_is_refused_with_a_message_and_the_sweep_kept(window, qtbot):
    named(window, "stepX").setFocus()
    named(window, "stepX").selectAll()
    qtbot.keyClicks(named(window, "stepX"), "0")
    assert named(window, "paramMessage").isVisible()
    assert "must not be 0" in named(window, "paramMessage").text()
    assert window.source.step == Decimal("0.05")  # the last good sweep stays on show
    qtbot.keyClicks(named(window, "stepX"), ".2")
    assert window.source.step == Decimal("0.2")
    assert not named(window, "paramMessage").isVisible()


def test_arrows_step_over_zero(window):
    type_into(named(window, "stepX"), "0.01")
    named(window, "stepX").stepDown()
    assert window.source.step == Decimal("-0.01")
    named(window, "stepX").stepUp()
    assert window.source.step == Decimal("0.01")


def test_negative_step_sweeps_downwards(window):
    type_into(named(window, "startX"), "1")
    type_into(named(window, "stepX"), "-0.25")
    type_into(named(window, "count"), "9")
    assert [window.model.index(r, 1).data() for r in (0, 4, 8)] == ["1.0", "0.0", "-1.0"]
    assert window.model.crossing_row == 4


@pytest.mark.parametrize(
    ("alpha", "visible"), [("-0.5", True), ("2", True), ("0.5", False), ("1", False), ("0", False)]
)
def test_unusual_alpha_is_accepted_with_a_note(window, alpha, visible):
    type_into(named(window, "alpha"), alpha)
    assert window.source.alpha == Decimal(alpha)
    assert named(window, "alphaNote").isVisible() is visible


def test_single_x_is_evaluated_exactly_and_marked(window):
    type_into(named(window, "singleX"), "-3.7")
    assert named(window, "singleResult").text() == "f(-3.7) = -0.037      f'(-3.7) = 0.01"
    xs, ys = window.plot.single.getData()
    assert (xs.tolist(), ys.tolist()) == ([-3.7], [-0.037])
    type_into(named(window, "singleX"), "1e-3")
    assert named(window, "singleResult").text().startswith("f(0.001) = 0.001")
    type_into(named(window, "alpha"), "0.2")  # follows the current alpha
    type_into(named(window, "singleX"), "-2")
    assert named(window, "singleResult").text() == "f(-2.0) = -0.4      f'(-2.0) = 0.2"


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("abc", "not a number"),
        ("nan", "finite"),
        ("inf", "finite"),
        ("1e999", "too large"),
        ("", "Type an x"),
    ],
)
def test_bad_single_x_gets_an_inline_message(window, text, fragment):
    type_into(named(window, "singleX"), "-2")
    named(window, "singleX").setText(text)
    assert fragment in named(window, "singleResult").text()
    assert window.plot.single.getData() == (None, None)


def test_ctrl_c_copies_selected_rows_as_tab_separated_text(window, qtbot):
    window.table.setFocus()
    window.table.selectRow(79)
    window.table.selectionModel().select(
        window.model.index(80, 0),
        window.table.selectionModel().SelectionFlag.Select | window.table.selectionModel().SelectionFlag.Rows,
    )
    QGuiApplication.clipboard().clear()
    qtbot.keyClick(window.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert (
        QGuiApplication.clipboard().text()
        == "i\tx\tf(x)\tf'(x)\n79\t-0.05\t-0.0005\t0.01\n80\t0.0\t0.0\t0.01\n"
    )


def test_copying_too_many_rows_says_so_instead(window, qtbot):
    type_into(named(window, "count"), "1000000")
    window.table.setFocus()
    window.table.selectAll()
    QGuiApplication.clipboard().setText("before")
    qtbot.keyClick(window.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "before"
    assert "1,000,000 rows" in window.statusBar().currentMessage()


def test_hundred_million_rows_are_all_reachable(window, qtbot):
    type_into(named(window, "count"), "100000000")
    assert window.model.rowCount() == MAX_GUI_COUNT
    assert ROW_HEIGHT * MAX_GUI_COUNT < 2**31
    assert window.table.verticalHeader().defaultSectionSize() == ROW_HEIGHT
    window.table.scrollToBottom()
    bottom = window.table.viewport().height() - 2
    assert window.table.rowAt(bottom) == MAX_GUI_COUNT - 1
    assert window.table.indexAt(window.table.viewport().rect().bottomLeft()).isValid()
    assert window.plot.curve_data() == ([-4.0, 0.0, 4999995.95], [-0.04, 0.0, 4999995.95])
    assert window.plot.samples.getData() == (None, None)  # too many points for markers


def test_settings_come_back_and_fresh_ignores_them(qtbot, settings):
    first = MainWindow(settings)
    qtbot.addWidget(first)
    type_into(named(first, "startX"), "-2")
    type_into(named(first, "alpha"), "0.3")
    type_into(named(first, "singleX"), "-1")
    first.close()
    again = MainWindow(settings)
    qtbot.addWidget(again)
    assert (again.source.start, again.source.alpha) == (Decimal("-2"), Decimal("0.3"))
    assert named(again, "singleX").text() == "-1"
    fresh = MainWindow(settings, fresh=True)
    qtbot.addWidget(fresh)
    assert fresh.source == SweepParams()


def test_corrupt_settings_fall_back_to_defaults(qtbot, settings):
    settings.setValue("inputs/start", "banana")
    settings.setValue("inputs/step", "0")
    settings.setValue("inputs/count", "-7")
    settings.setValue("window/geometry", "not a geometry")
    win = MainWindow(settings)
    qtbot.addWidget(win)
    assert win.source == SweepParams()


def test_default_settings_are_not_the_users(qapp, isolated_settings_dir):
    assert Path(QSettings().fileName()).is_relative_to(isolated_settings_dir)


def test_about_box_states_the_conventions(window, monkeypatch):
    shown = {}
    monkeypatch.setattr(
        "PySide6.QtWidgets.QMessageBox.about", lambda parent, title, text: shown.update(text=text)
    )
    named(window, "aboutAction").trigger()
    assert "f'(0) = alpha" in shown["text"]
    assert named(window, "userGuideAction").shortcut().toString() == "F1"  # About has no key
    assert named(window, "quitAction").shortcut().toString() == "Ctrl+Q"


def _gui_command() -> list[str]:
    return [str(Path(sys.executable).with_name("leaky-gui"))]


@pytest.mark.slow
def test_self_test_command_passes_and_prints_one_line(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path), HOME=str(tmp_path))
    done = subprocess.run(
        [*_gui_command(), "--self-test"], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("\n") == 1 and done.stdout.startswith("leaky-gui self-test: OK")
    assert done.stderr == ""
    assert not any(tmp_path.rglob("*.conf")) and not any(tmp_path.rglob("*.ini"))  # settings untouched


@pytest.mark.slow
def test_python_dash_m_runs_the_app(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path), HOME=str(tmp_path))
    done = subprocess.run(
        [sys.executable, "-m", "leaky_gui", "--self-test"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0 and "OK" in done.stdout


def test_self_test_fails_when_a_view_disagrees(qtbot, monkeypatch):
    from leaky_gui.gui.selftest import run_self_test

    win = MainWindow(remember=False)
    qtbot.addWidget(win)
    monkeypatch.setattr("leaky_gui.gui.table_model.SweepTableModel._cell_text", lambda self, row, column: "0")
    ok, line = run_self_test(win)
    assert not ok and "FAILED" in line and "table row" in line


def test_window_icon_comes_from_resources(qapp):
    from leaky_gui.app import app_icon, resource_dir

    assert (resource_dir() / "leaky_gui.svg").is_file()
    icon = app_icon()
    assert not icon.isNull()
    assert 256 in [s.width() for s in icon.availableSizes()]


@pytest.mark.parametrize("alpha", ["-0.5", "-1e-9", "0", "0.01", "1", "1.000001", "2", "100"])
def test_window_and_command_line_warn_about_the_same_alphas(window, capsys, alpha):
    from leaky_gui.cli import main as cli_main

    type_into(named(window, "alpha"), alpha)
    assert cli_main(["eval", "-1", "--alpha", alpha]) == 0
    warned = "warning" in capsys.readouterr().err
    assert named(window, "alphaNote").isVisible() is warned
    assert warned is (Decimal(alpha) < 0 or Decimal(alpha) > 1)
