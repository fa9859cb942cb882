"""Export from the window: CSV on a worker thread, cancel, failures, plot images, clipboard."""

from __future__ import annotations

import csv
import errno
import io
import os
import xml.etree.ElementTree as ET
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QThread
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QProgressDialog, QPushButton

from leaky_gui.calc.sweep import SweepParams, format_number
from leaky_gui.cli import main as cli_main
from leaky_gui.gui.export_controller import DEFAULT_CSV_NAME
from leaky_gui.gui.selftest import named, type_into
from leaky_gui.gui.window import MainWindow

D = Decimal


class Dialogs:
    """Stands in for QFileDialog.getSaveFileName and the QMessageBox static functions."""

    def __init__(self, monkeypatch, answer: str = "", chosen_filter: str = "") -> None:
        self.answer, self.chosen_filter = answer, chosen_filter
        self.asked: list[tuple[str, str]] = []
        self.boxes: list[tuple[str, str, str]] = []
        monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName", self._save)
        for kind in ("critical", "warning", "information"):
            monkeypatch.setattr(f"PySide6.QtWidgets.QMessageBox.{kind}", self._box(kind))

    def _save(self, parent, caption, directory, filters):
        self.asked.append((caption, directory))
        return self.answer, self.chosen_filter

    def _box(self, kind):
        def show(parent, title, text, *args):
            self.boxes.append((kind, title, text))

        return show


def export_progress(window) -> QProgressDialog:
    """The running export's progress dialog, found by its object name."""
    progress = window.findChild(QProgressDialog, "exportProgress")
    assert isinstance(progress, QProgressDialog), "no export is running"
    return progress


def click_cancel(progress) -> None:
    """Press the progress dialog's Cancel button, as a user would."""
    (button,) = progress.findChildren(QPushButton)
    assert button.text() == "Cancel"
    button.click()


def wait_for_rows(progress, qtbot) -> None:
    """Wait until the GUI thread has shown rows written.

    Not qtbot.waitSignal on the job's signals: they are emitted on the worker thread, and
    a plain callback connected to them would run there, outside the GUI thread.
    """
    qtbot.waitUntil(lambda: progress.value() > 0, timeout=20_000)


def wait_for_export(window, qtbot, timeout=60_000) -> None:
    qtbot.waitUntil(lambda: not window.exports.running(), timeout=timeout)


def cli_bytes(capsysbinary, *args: str) -> bytes:
    assert cli_main(["sweep", *args]) == 0
    return capsysbinary.readouterr().out


@pytest.mark.slow
def test_export_is_byte_for_byte_the_command_line_output(window, qtbot, tmp_path, monkeypatch, capsysbinary):
    type_into(named(window, "startX"), "-3.7")
    type_into(named(window, "stepX"), "0.3")
    type_into(named(window, "count"), "50")
    window.pin_alpha(D("0.3"))
    window.pin_alpha(D("0.01"))  # the current alpha: not written twice
    window.pin_alpha(D("0"))
    window.comparison.set_visible(D("0"), False)  # hidden on the plot, still pinned
    named(window, "csvDerivativeAction").setChecked(True)
    dialogs = Dialogs(monkeypatch, str(tmp_path / "out.csv"))
    named(window, "exportCsvAction").trigger()
    wait_for_export(window, qtbot)
    written = (tmp_path / "out.csv").read_bytes()
    expected = cli_bytes(
        capsysbinary, "--start", "-3.7", "--step", "0.3", "--count", "50",
        "--alpha", "0.01", "--alpha", "0.3", "--alpha", "0", "--derivative",
    )  # fmt: skip
    assert written == expected
    assert dialogs.boxes == []
    assert window.statusBar().currentMessage() == f"Exported 50 rows to {tmp_path / 'out.csv'}"


def test_exported_file_reads_back_to_the_core_values(window, qtbot, tmp_path, monkeypatch):
    Dialogs(monkeypatch, str(tmp_path / "sweep"))  # no suffix: .csv is added
    named(window, "csvPinnedAction").setChecked(False)
    window.pin_alpha(D("0.2"))
    named(window, "exportCsvAction").trigger()
    wait_for_export(window, qtbot)
    rows = list(csv.reader(io.StringIO((tmp_path / "sweep.csv").read_text())))
    assert rows[0] == ["x", "f(alpha=0.01)"]
    params = SweepParams()
    assert rows[1:] == [[format_number(params.x(i)), format_number(params.f(i))] for i in range(101)]


def test_dialog_offers_the_default_name_and_cancel_writes_nothing(window, qtbot, tmp_path, monkeypatch):
    dialogs = Dialogs(monkeypatch, "")
    named(window, "exportCsvAction").trigger()
    assert dialogs.asked[0][1].endswith(DEFAULT_CSV_NAME)
    assert not window.exports.running() and dialogs.boxes == []
    assert named(window, "exportCsvAction").shortcut().toString() == "Ctrl+E"


def test_cancel_midway_leaves_the_old_file_and_no_temporary(window, qtbot, tmp_path, monkeypatch):
    target = tmp_path / "big.csv"
    target.write_text("precious\n")
    type_into(named(window, "count"), "50000000")
    Dialogs(monkeypatch, str(target))
    named(window, "exportCsvAction").trigger()
    progress = export_progress(window)
    assert window.exports.running()
    wait_for_rows(progress, qtbot)
    click_cancel(progress)
    wait_for_export(window, qtbot)
    assert target.read_text() == "precious\n"
    assert os.listdir(tmp_path) == ["big.csv"]
    assert "cancelled" in window.statusBar().currentMessage()


def test_long_export_shows_progress_and_the_window_stays_usable(window, qtbot, tmp_path, monkeypatch):
    type_into(named(window, "count"), "20000000")
    Dialogs(monkeypatch, str(tmp_path / "long.csv"))
    named(window, "exportCsvAction").trigger()
    progress = export_progress(window)
    qtbot.waitUntil(lambda: progress.isVisible(), timeout=10_000)
    assert progress.maximum() == 20_000_000 and progress.labelText().startswith("Writing 20,000,000 rows")
    type_into(named(window, "singleX"), "-2")  # the GUI thread is free meanwhile
    assert named(window, "singleResult").text().startswith("f(-2.0) = -0.02")
    click_cancel(progress)
    wait_for_export(window, qtbot)
    assert os.listdir(tmp_path) == []


def test_read_only_folder_gives_a_message_box_and_no_file(
    window, qtbot, monkeypatch, read_only_folder, as_ordinary_user
):
    dialogs = Dialogs(monkeypatch, str(read_only_folder / "keep.csv"))
    with as_ordinary_user():
        named(window, "exportCsvAction").trigger()
    assert [kind for kind, _, _ in dialogs.boxes] == ["warning"]
    assert "not writable" in dialogs.boxes[0][2]
    assert (read_only_folder / "keep.csv").read_text() == "precious\n"
    assert sorted(p.name for p in read_only_folder.iterdir()) == ["keep.csv"]


def test_a_folder_as_target_gives_a_message_box(window, monkeypatch, tmp_path):
    (tmp_path / "dir.csv").mkdir()
    dialogs = Dialogs(monkeypatch, str(tmp_path / "dir.csv"))
    named(window, "exportCsvAction").trigger()
    assert dialogs.boxes and dialogs.boxes[0][0] == "warning" and "is a folder" in dialogs.boxes[0][2]


def test_disk_full_midway_reports_and_keeps_the_old_file(window, qtbot, monkeypatch, tmp_path):
    target = tmp_path / "keep.csv"
    target.write_text("precious\n")

    def disk_full(stream, *args, **kwargs):
        stream.write(b"x,f\n")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("leaky_gui.calc.csv_export.write_csv_stream", disk_full)
    dialogs = Dialogs(monkeypatch, str(target))
    named(window, "exportCsvAction").trigger()
    wait_for_export(window, qtbot)
    assert [kind for kind, _, _ in dialogs.boxes] == ["critical"]
    assert "No space left on device" in dialogs.boxes[0][2]
    assert target.read_text() == "precious\n"
    assert os.listdir(tmp_path) == ["keep.csv"]


def test_csv_options_are_remembered(qtbot, settings):
    first = MainWindow(settings)
    qtbot.addWidget(first)
    assert not named(first, "csvDerivativeAction").isChecked() and named(first, "csvPinnedAction").isChecked()
    named(first, "csvDerivativeAction").setChecked(True)
    named(first, "csvPinnedAction").setChecked(False)
    first.close()
    again = MainWindow(settings)
    qtbot.addWidget(again)
    assert named(again, "csvDerivativeAction").isChecked() and not named(again, "csvPinnedAction").isChecked()


def test_closing_the_window_cancels_a_running_export(qtbot, tmp_path, monkeypatch, settings):
    win = MainWindow(settings)
    qtbot.addWidget(win)
    type_into(named(win, "count"), "50000000")
    Dialogs(monkeypatch, str(tmp_path / "x.csv"))
    named(win, "exportCsvAction").trigger()
    job = win.findChild(QThread, "csvExport")
    wait_for_rows(export_progress(win), qtbot)
    win.close()
    assert job.isFinished()
    assert os.listdir(tmp_path) == []


def test_plot_png_is_twice_the_screen_size_with_legend(window, tmp_path, monkeypatch):
    Dialogs(monkeypatch, str(tmp_path / "plot"), "PNG image (*.png)")
    named(window, "exportPlotAction").trigger()
    data = (tmp_path / "plot.png").read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    image = QImage(str(tmp_path / "plot.png"))
    assert image.width() >= 2 * window.plot.getPlotItem().sceneBoundingRect().width() - 1
    assert named(window, "exportPlotAction").shortcut().toString() == "Ctrl+Shift+E"
    assert os.listdir(tmp_path) == ["plot.png"]


def test_plot_svg_is_valid_xml_with_the_legend(window, tmp_path, monkeypatch):
    Dialogs(monkeypatch, str(tmp_path / "plot.svg"), "SVG image (*.svg)")
    window.pin_alpha(D("0.3"))
    named(window, "exportPlotAction").trigger()
    root = ET.parse(tmp_path / "plot.svg").getroot()
    assert root.tag.endswith("svg")
    text = "".join(root.itertext())
    assert "alpha = 0.01" in text and "alpha = 0.3" in text


def test_svg_markers_are_vector_shapes_after_a_png_too(window, tmp_path):
    """Qt's SVG generator cannot cut one marker out of pyqtgraph's shared symbol pixmap."""
    from leaky_gui.gui.export import write_plot_image

    write_plot_image(window.plot, tmp_path / "first.png")  # markers drawn at another size: more pixmap
    write_plot_image(window.plot, tmp_path / "plot.svg")
    svg = (tmp_path / "plot.svg").read_text()
    assert "<image" not in svg
    # The zero-crossing diamond (legend and plot) and the 101 sample dots, each a shape.
    assert svg.count('d="M0,-0.5 L-0.4,0 L0,0.5 L0.4,0 L0,-0.5 Z "') >= 2
    assert svg.count("<path") >= 101
    write_plot_image(window.plot, tmp_path / "again.png")  # and the screen's drawing is back
    assert not QImage(str(tmp_path / "again.png")).isNull()
    assert all(
        item._exportOpts is False for item in window.plot.scene().items() if hasattr(item, "_exportOpts")
    )


def test_plot_export_failure_keeps_the_old_file(window, monkeypatch, tmp_path):
    target = tmp_path / "plot.png"
    target.write_bytes(b"old")
    monkeypatch.setattr(
        "pyqtgraph.exporters.ImageExporter.export", lambda self, name: Path(name).write_bytes(b"")
    )
    dialogs = Dialogs(monkeypatch, str(target))
    named(window, "exportPlotAction").trigger()
    assert dialogs.boxes and dialogs.boxes[0][0] == "critical"
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["plot.png"]


def test_copy_plot_image_to_clipboard(window):
    QGuiApplication.clipboard().clear()
    named(window, "copyPlotAction").trigger()
    image = QGuiApplication.clipboard().image()
    assert not image.isNull() and image.width() >= window.plot.width()


@pytest.mark.parametrize(
    "name", ["exportCsvAction", "exportPlotAction", "copyPlotAction", "csvDerivativeAction"]
)
def test_export_actions_are_in_the_menus(window, name):
    from PySide6.QtGui import QAction

    action = window.findChild(QAction, name)
    menus = [a.menu() for a in window.menuBar().actions()]
    assert any(action in m.actions() for m in menus)


def test_decimal_comma_export_is_the_command_lines_decimal_comma_output(
    window, qtbot, tmp_path, monkeypatch, capsysbinary
):
    type_into(named(window, "count"), "50")
    window.pin_alpha(D("0.3"))
    named(window, "csvDecimalCommaAction").setChecked(True)
    Dialogs(monkeypatch, str(tmp_path / "de.csv"))
    named(window, "exportCsvAction").trigger()
    wait_for_export(window, qtbot)
    expected = cli_bytes(
        capsysbinary, "--count", "50", "--alpha", "0.01", "--alpha", "0.3", "--decimal-comma"
    )
    assert (tmp_path / "de.csv").read_bytes() == expected
    assert expected.startswith(b"x;f(alpha=0,01);f(alpha=0,3)\n-4,0;-0,04;-1,2\n")


def test_decimal_comma_follows_the_locale_until_changed_and_is_remembered(qtbot, settings):
    from PySide6.QtCore import QLocale

    QLocale.setDefault(QLocale("fr_FR"))
    try:
        french = MainWindow(settings)
        qtbot.addWidget(french)
        assert named(french, "csvDecimalCommaAction").isChecked()
        named(french, "csvDecimalCommaAction").setChecked(False)
        french.close()
        again = MainWindow(settings)
        qtbot.addWidget(again)
        assert not named(again, "csvDecimalCommaAction").isChecked()
    finally:
        QLocale.setDefault(QLocale.c())
    plain = MainWindow(remember=False)
    qtbot.addWidget(plain)
    assert not named(plain, "csvDecimalCommaAction").isChecked()


def test_copied_rows_use_the_decimal_comma_too(window, qtbot):
    named(window, "csvDecimalCommaAction").setChecked(True)
    window.table.setFocus()
    window.table.selectRow(79)
    QGuiApplication.clipboard().clear()
    window.table.copy_selected_rows()
    assert QGuiApplication.clipboard().text() == "i\tx\tf(x)\tf'(x)\n79\t-0,05\t-0,0005\t0,01\n"
