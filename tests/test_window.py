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
from PySide6.QtWidgets import QAbstractSpinBox, QLabel, QLineEdit, QSpinBox, QTableView

from leaky_gui.core import MAX_GUI_COUNT, SweepParams
from leaky_gui.plot import SweepPlot
from leaky_gui.selftest import check_window_shows, type_into
from leaky_gui.window import ROW_HEIGHT, MainWindow


def test_widgets_have_their_object_names_and_defaults(window):
    find = window.findChild
    assert find(QAbstractSpinBox, "startX").text() == "-4"
    assert find(QAbstractSpinBox, "stepX").text() == "0.05"  # no trailing-zero noise
    assert find(QSpinBox, "count").value() == 101
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
        "singleX": "Single &x:",
    }
    for spin in (
        window.start_spin,
        window.step_spin,
        window.count_spin,
        window.alpha_spin,
        window.single_edit,
    ):
        assert spin.toolTip()


def test_spin_boxes_take_six_decimals_and_the_full_count_range(window):
    assert window.start_spin.decimals() >= 6 and window.alpha_spin.decimals() >= 6
    assert (window.count_spin.minimum(), window.count_spin.maximum()) == (1, MAX_GUI_COUNT)
    type_into(window.alpha_spin, "0.123456")
    assert window.params.alpha == Decimal("0.123456")
    assert window.alpha_spin.text() == "0.123456"


def test_typing_updates_table_and_plot_live(window, qtbot):
    type_into(window.count_spin, "7")
    type_into(window.alpha_spin, "0.3")
    type_into(window.start_spin, "-1.5")
    type_into(window.step_spin, "0.5")
    expected = SweepParams(Decimal("-1.5"), Decimal("0.5"), 7, (Decimal("0.3"),))
    assert window.params == expected
    check_window_shows(window, expected)
    assert window.model.index(0, 2).data() == "-0.45"
    xs, _ = window.plot.samples.getData()
    assert xs.tolist() == [-1.5, -1.0, -0.5, 0.0, 0.5, 1.0, 1.5]


def test_every_keystroke_counts_without_pressing_enter(window, qtbot):
    window.count_spin.setFocus()
    window.count_spin.selectAll()
    qtbot.keyClicks(window.count_spin, "12")
    assert window.model.rowCount() == 12  # keyboard tracking: live, no Enter needed


def test_step_zero_is_refused_with_a_message_and_the_sweep_kept(window, qtbot):
    window.step_spin.setFocus()
    window.step_spin.selectAll()
    qtbot.keyClicks(window.step_spin, "0")
    assert window.param_message.isVisible()
    assert "must not be 0" in window.param_message.text()
    assert window.params.step == Decimal("0.05")  # the last good sweep stays on show
    qtbot.keyClicks(window.step_spin, ".2")
    assert window.params.step == Decimal("0.2")
    assert not window.param_message.isVisible()


def test_arrows_step_over_zero(window):
    type_into(window.step_spin, "0.01")
    window.step_spin.stepDown()
    assert window.params.step == Decimal("-0.01")
    window.step_spin.stepUp()
    assert window.params.step == Decimal("0.01")


def test_negative_step_sweeps_downwards(window):
    type_into(window.start_spin, "1")
    type_into(window.step_spin, "-0.25")
    type_into(window.count_spin, "9")
    assert [window.model.index(r, 1).data() for r in (0, 4, 8)] == ["1.0", "0.0", "-1.0"]
    assert window.model.crossing_row == 4


@pytest.mark.parametrize(
    ("alpha", "visible"), [("-0.5", True), ("2", True), ("0.5", False), ("1", False), ("0", False)]
)
def test_unusual_alpha_is_accepted_with_a_note(window, alpha, visible):
    type_into(window.alpha_spin, alpha)
    assert window.params.alpha == Decimal(alpha)
    assert window.alpha_note.isVisible() is visible


def test_single_x_is_evaluated_exactly_and_marked(window):
    type_into(window.single_edit, "-3.7")
    assert window.single_result.text() == "f(-3.7) = -0.037      f'(-3.7) = 0.01"
    xs, ys = window.plot.single.getData()
    assert (xs.tolist(), ys.tolist()) == ([-3.7], [-0.037])
    type_into(window.single_edit, "1e-3")
    assert window.single_result.text().startswith("f(0.001) = 0.001")
    type_into(window.alpha_spin, "0.2")  # follows the current alpha
    type_into(window.single_edit, "-2")
    assert window.single_result.text() == "f(-2.0) = -0.4      f'(-2.0) = 0.2"


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
    type_into(window.single_edit, "-2")
    window.single_edit.setText(text)
    assert fragment in window.single_result.text()
    assert window.plot.single.getData() == (None, None)


def test_ctrl_c_copies_selected_rows_as_csv(window, qtbot):
    window.table.setFocus()
    window.table.selectRow(79)
    window.table.selectionModel().select(
        window.model.index(80, 0),
        window.table.selectionModel().SelectionFlag.Select | window.table.selectionModel().SelectionFlag.Rows,
    )
    QGuiApplication.clipboard().clear()
    qtbot.keyClick(window.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "i,x,f(x),f'(x)\n79,-0.05,-0.0005,0.01\n80,0.0,0.0,0.01\n"


def test_copying_too_many_rows_says_so_instead(window, qtbot):
    type_into(window.count_spin, "1000000")
    window.table.setFocus()
    window.table.selectAll()
    QGuiApplication.clipboard().setText("before")
    qtbot.keyClick(window.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "before"
    assert "1,000,000 rows" in window.statusBar().currentMessage()


def test_hundred_million_rows_are_all_reachable(window, qtbot):
    type_into(window.count_spin, "100000000")
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
    type_into(first.start_spin, "-2")
    type_into(first.alpha_spin, "0.3")
    type_into(first.single_edit, "-1")
    first.close()
    again = MainWindow(settings)
    qtbot.addWidget(again)
    assert (again.params.start, again.params.alpha) == (Decimal("-2"), Decimal("0.3"))
    assert again.single_edit.text() == "-1"
    fresh = MainWindow(settings, fresh=True)
    qtbot.addWidget(fresh)
    assert fresh.params == SweepParams()


def test_corrupt_settings_fall_back_to_defaults(qtbot, settings):
    settings.setValue("inputs/start", "banana")
    settings.setValue("inputs/step", "0")
    settings.setValue("inputs/count", "-7")
    settings.setValue("window/geometry", "not a geometry")
    win = MainWindow(settings)
    qtbot.addWidget(win)
    assert win.params == SweepParams()


def test_default_settings_are_not_the_users(qapp, isolated_settings_dir):
    assert Path(QSettings().fileName()).is_relative_to(isolated_settings_dir)


def test_about_box_states_the_conventions(window, monkeypatch):
    shown = {}
    monkeypatch.setattr(
        "leaky_gui.window.QMessageBox.about", lambda parent, title, text: shown.update(text=text)
    )
    window.about_action.trigger()
    assert "f'(0) = alpha" in shown["text"]
    assert window.about_action.shortcut().toString() == "F1"
    assert window.quit_action.shortcut().toString() == "Ctrl+Q"


def _gui_command() -> list[str]:
    return [str(Path(sys.executable).with_name("leaky-gui"))]


def test_self_test_command_passes_and_prints_one_line(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path), HOME=str(tmp_path))
    done = subprocess.run(
        [*_gui_command(), "--self-test"], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("\n") == 1 and done.stdout.startswith("leaky-gui self-test: OK")
    assert done.stderr == ""
    assert not any(tmp_path.rglob("*.conf")) and not any(tmp_path.rglob("*.ini"))  # settings untouched


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
    from leaky_gui.selftest import run_self_test

    win = MainWindow(remember=False)
    qtbot.addWidget(win)
    monkeypatch.setattr("leaky_gui.table_model.format_number", lambda v: "0")
    ok, line = run_self_test(win)
    assert not ok and "FAILED" in line and "table row" in line


def test_window_icon_comes_from_resources(qapp):
    from leaky_gui.app import app_icon, resource_dir

    assert (resource_dir() / "leaky_gui.svg").is_file()
    icon = app_icon()
    assert not icon.isNull()
    assert 256 in [s.width() for s in icon.availableSizes()]
