"""Your own x values in the window: open, drop, paste, back to the sweep, restore.

Every view reads the values through the same interface as the sweep; these tests check
what a person sees (table, plot, info panel, title, status bar) against independent
references (Decimal for typed text, the stored numbers for arrays, the command line for
the CSV), and that a bad or cancelled read leaves the data on show as they were.
"""

from __future__ import annotations

import io
import time
from decimal import Decimal
from pathlib import Path

import numpy as np
import pytest
from on_screen import press
from PySide6.QtCore import QEvent, QMimeData, QObject, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from leaky_gui.calc.sweep import SweepParams, format_number
from leaky_gui.calc.text.framework_digits import format_in
from leaky_gui.cli import main as cli_main
from leaky_gui.gui.limits import VALUE_MARKER_LIMIT
from leaky_gui.gui.selftest import named, type_into
from leaky_gui.gui.window import MainWindow

D = Decimal
TYPED = ["-3.7", "2", "0.1", "-0.001", "1e-3", "-250"]


@pytest.fixture
def few_csv(tmp_path) -> Path:
    path = tmp_path / "few.csv"
    path.write_text("name,x\n" + "".join(f"p{i},{x}\n" for i, x in enumerate(TYPED)))
    return path


@pytest.fixture
def boxes(monkeypatch) -> list[tuple[str, str]]:
    """Message boxes shown (title, text), instead of waiting for a click."""
    shown: list[tuple[str, str]] = []

    def box(parent, title, text, *args):
        shown.append((title, text))

    for kind in ("warning", "critical", "information"):
        monkeypatch.setattr(f"PySide6.QtWidgets.QMessageBox.{kind}", box)
    return shown


def open_file(window, qtbot, path: Path, monkeypatch) -> None:
    """File > Open x Values… with the dialog answering ``path``; wait for the read."""
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getOpenFileName", lambda *_: (str(path), ""))
    named(window, "openValuesAction").trigger()
    qtbot.waitUntil(lambda: not window.values_reader.running(), timeout=30_000)


def cells(window, column: int) -> list[str]:
    return [window.model.index(row, column).data() for row in range(window.model.rowCount())]


def test_open_a_csv_column_shows_exactly_those_values(window, qtbot, few_csv, monkeypatch, boxes):
    open_file(window, qtbot, few_csv, monkeypatch)
    assert window.values is not None and boxes == []
    # The table: x as typed, f exactly alpha*x (a Decimal oracle), f' as the branch says.
    assert cells(window, 1) == [format_number(float(D(x))) for x in TYPED]
    assert cells(window, 2) == [format_number(float(D(x) if D(x) > 0 else D(x) * D("0.01"))) for x in TYPED]
    assert cells(window, 3) == ["1.0" if D(x) > 0 else "0.01" for x in TYPED]
    assert cells(window, 2)[0] == "-0.037"  # not -0.037000000000000005
    # Named in the title and the status bar; the sweep's boxes visibly out of use.
    assert window.windowTitle().startswith("few.csv")
    assert window.statusBar().currentMessage().startswith("float64 (exact): few.csv: 6 decimal values")
    assert all(named(window, n).property("outOfUse") for n in ("startX", "stepX", "count"))
    assert named(window, "sourceNote").isVisible() and named(window, "backToSweepAction").isEnabled()
    # The plot: the curve over [min x, max x] through the kink, exactly; a marker per value.
    assert window.plot.curve_data() == ([-250.0, 0.0, 2.0], [-2.5, 0.0, 2.0])
    assert sorted(window.plot.samples.getData()[0].tolist()) == sorted(float(D(x)) for x in TYPED)
    # The info panel: count, share at or below 0, mean of f per alpha (float64 sums).
    stats = named(window, "valuesStatistics").text()
    assert "6 values, 50.00% at or below 0" in stats
    mean = sum(float(D(x) if D(x) > 0 else D(x) * D("0.01")) for x in TYPED) / 6
    assert f"0.01: {mean:.6g}" in stats


def test_alpha_pins_and_precision_work_on_values(window, qtbot, few_csv, monkeypatch):
    open_file(window, qtbot, few_csv, monkeypatch)
    type_into(named(window, "alpha"), "0.2")
    window.pin_alpha(D("0.3"))
    assert window.values is not None  # alpha is not a sweep box: the values stay
    assert cells(window, 2)[0] == "-0.74" and cells(window, 4)[0] == "-1.11"  # 0.2 and 0.3 times -3.7
    assert window.model.headers()[-1] == "f(x; alpha=0.3)"
    named(window, "dtype").setCurrentIndex(named(window, "dtype").findData("float16"))
    assert window.source.precision == "float16" and window.values is not None
    assert cells(window, 1)[0] == format_in(float(np.float16(-3.7)), "float16")


def test_a_float32_array_in_float32_is_the_array_itself(window, qtbot, tmp_path, monkeypatch):
    data = np.random.default_rng(7).normal(size=(30, 40)).astype(np.float32)
    data[0, 0] = np.nan
    np.save(tmp_path / "acts.npy", data)
    open_file(window, qtbot, tmp_path / "acts.npy", monkeypatch)
    named(window, "dtype").setCurrentIndex(named(window, "dtype").findData("float32"))
    flat = data.reshape(-1)
    assert window.source.count == 1200
    assert (
        window.statusBar()
        .currentMessage()
        .startswith("float32: acts.npy: 1,200 float32 values (shape (30, 40), flattened in C order); 1 NaN")
    )
    expected_f = np.where(flat > 0, flat, flat * np.float32(0.01))  # float32 arithmetic, as torch
    for row in (0, 1, 2, 517, 1199):
        assert window.model.index(row, 1).data() == format_in(float(flat[row]), "float32")
        assert window.model.index(row, 2).data() == format_in(float(expected_f[row]), "float32")
    assert len(window.plot.samples.getData()[0]) == 1199  # every finite value marked; NaN is not drawn


def test_many_values_get_a_histogram_not_markers(window, qtbot, tmp_path, monkeypatch):
    np.save(tmp_path / "many.npy", np.linspace(-3, 1, VALUE_MARKER_LIMIT + 1))
    open_file(window, qtbot, tmp_path / "many.npy", monkeypatch)
    assert window.plot.samples.getData()[0] is None  # no markers
    xs, heights = window.plot.histogram.getData()
    assert xs[0] == -3.0 and xs[-1] == 1.0  # the bars span [min x, max x]
    (_, _), (y0, y1) = window.plot.getPlotItem().getViewBox().viewRange()
    assert y0 < heights.max() <= y0 + 0.15 * (y1 - y0) + 1e-12  # along the bottom of the view
    assert "where the x lie (histogram)" in window.plot.legend_names()
    window.back_to_sweep()
    assert window.plot.histogram.getData()[0] is None or len(window.plot.histogram.getData()[0]) == 0
    assert "where the x lie (histogram)" not in window.plot.legend_names()


def test_a_bad_file_says_where_and_keeps_what_is_on_show(
    window, qtbot, tmp_path, few_csv, monkeypatch, boxes
):
    open_file(window, qtbot, few_csv, monkeypatch)
    bad = tmp_path / "bad.csv"
    bad.write_text("x,y\n1,2\nabc,3\n")
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getOpenFileName", lambda *_: (str(bad), ""))
    named(window, "openValuesAction").trigger()
    qtbot.waitUntil(lambda: not window.values_reader.running(), timeout=10_000)
    assert window.values.name == "few.csv" and cells(window, 1)[0] == "-3.7"  # still on show
    assert len(boxes) == 1
    assert "bad.csv line 3, column 1: 'abc' is not a number" in boxes[0][1]
    for bad_name, content in (("pickled.npy", None), ("empty.csv", b"")):
        path = tmp_path / bad_name
        if content is None:
            np.save(path, np.array([{"a": 1}], dtype=object), allow_pickle=True)
        else:
            path.write_bytes(content)
        window.values_reader.open(path)
        qtbot.waitUntil(lambda: not window.values_reader.running(), timeout=10_000)
        assert window.values.name == "few.csv"
        assert bad_name in boxes[-1][1]


@pytest.mark.slow
def test_a_cancelled_read_leaves_the_sweep_and_nothing_else(window, qtbot, tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "w") as f:
        for chunk in range(20):
            f.write("\n".join(str(chunk * 100_000 + k) for k in range(100_000)) + "\n")
    before = window.source
    files = set(tmp_path.iterdir())
    assert window.values_reader.open(big)
    window.values_reader.cancel()
    qtbot.waitUntil(lambda: not window.values_reader.running(), timeout=30_000)
    assert window.values is None and window.source == before
    assert "cancelled" in window.statusBar().currentMessage()
    assert set(tmp_path.iterdir()) == files


def test_a_long_read_shows_its_progress_and_cancel_in_the_status_bar(window, qtbot, tmp_path, monkeypatch):
    """Progress and Cancel sit in the status bar, shown once a read has taken a while: a dialog
    (a window of its own) would take the focus, and table and plot would paint again."""
    import leaky_gui.calc.readers as readers

    monkeypatch.setattr(readers, "STOPPABLE_BLOCK_BYTES", 1 << 12)  # many blocks: a slow read
    slow_read = readers._Workers.read

    def read(self, block, final=False):
        time.sleep(0.02)
        return slow_read(self, block, final)

    monkeypatch.setattr(readers._Workers, "read", read)
    big = tmp_path / "x.csv"
    big.write_text("x\n" + "".join(f"{v!r}\n" for v in np.linspace(-3, 3, 200_000).tolist()))
    progress = window.findChild(QWidget, "valuesProgress")
    assert progress is not None and not progress.isVisible() and progress.parent() is window.statusBar()
    height = window.statusBar().height()
    painted: list[str] = []
    window.table.viewport().installEventFilter(paint_spy := PaintSpy(painted))
    qtbot.wait(300)  # the window's first paints
    painted.clear()
    assert window.values_reader.open(big)
    qtbot.waitUntil(progress.isVisible, timeout=10_000)
    assert window.statusBar().height() == height and not painted  # shown without a new layout
    assert QApplication.activeModalWidget() is None
    (cancel,) = [b for b in progress.findChildren(QPushButton) if b.text() in ("Cancel", "&Cancel")]
    cancel.click()
    qtbot.waitUntil(lambda: not window.values_reader.running(), timeout=30_000)
    assert window.values is None and not progress.isVisible()
    assert "cancelled" in window.statusBar().currentMessage()
    window.table.viewport().removeEventFilter(paint_spy)


class PaintSpy(QObject):
    def __init__(self, painted: list[str]) -> None:
        super().__init__()
        self.painted = painted

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.painted.append("paint")
        return False


def drag_and_drop(window, mime: QMimeData) -> tuple[bool, bool]:
    """A drag entering the window, then the drop, as Qt delivers them; whether each was accepted."""
    buttons, keys = Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPoint(50, 50), Qt.DropAction.CopyAction, mime, buttons, keys)
    QApplication.sendEvent(window, enter)
    if not enter.isAccepted():
        return False, False
    drop = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, buttons, keys)
    QApplication.sendEvent(window, drop)
    return True, drop.isAccepted()


def test_drop_a_file_on_the_window(window, qtbot, few_csv):
    text = QMimeData()
    text.setText("not a file")
    assert drag_and_drop(window, text) == (False, False)  # nothing to take: the drag is refused
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(few_csv))])
    assert drag_and_drop(window, mime) == (True, True)
    qtbot.waitUntil(lambda: window.values is not None, timeout=10_000)
    assert window.values.name == "few.csv" and window.source.count == len(TYPED)


def test_paste_a_spreadsheet_column(window, qtbot):
    # As a spreadsheet copies two columns of cells: tab-separated, a header row.
    QGuiApplication.clipboard().setText("x\tlabel\n-1,5\ta\n2.25\tb\n-0.5\tc\n".replace("-1,5", "-1.5"))
    named(window, "pasteValuesAction").trigger()
    qtbot.waitUntil(lambda: window.values is not None, timeout=10_000)
    assert cells(window, 1) == ["-1.5", "2.25", "-0.5"]
    assert cells(window, 2) == ["-0.015", "2.25", "-0.005"]
    assert window.windowTitle().startswith("pasted values")


def test_paste_with_nothing_on_the_clipboard_says_so(window):
    QGuiApplication.clipboard().setText("")
    named(window, "pasteValuesAction").trigger()
    assert window.values is None and "no text" in window.statusBar().currentMessage()


def test_typing_in_a_sweep_box_or_back_to_sweep_returns_to_the_sweep(window, qtbot, few_csv, monkeypatch):
    open_file(window, qtbot, few_csv, monkeypatch)
    type_into(named(window, "count"), "11")
    assert window.values is None and window.source == SweepParams(count=11)
    assert not named(window, "startX").property("outOfUse") and not named(window, "sourceNote").isVisible()
    assert window.windowTitle() == "Leaky ReLU calculator"
    open_file(window, qtbot, few_csv, monkeypatch)
    named(window, "backToSweepAction").trigger()
    assert window.values is None and window.source.count == 11 and window.plot.curve_data()[0][0] == -4.0
    assert not named(window, "backToSweepAction").isEnabled()


def test_the_judge_weighs_alpha_against_the_values_too(window, qtbot, tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    path.write_text("-1e306\n1\n")
    open_file(window, qtbot, path, monkeypatch)
    type_into(named(window, "alpha"), "1000")  # 1000 * -1e306 is beyond the doubles
    assert window.source.alpha == D("0.01") and window.values is not None
    assert "huge.txt" in named(window, "paramMessage").text()
    assert not window.pin_alpha(D("1000"))


def test_export_csv_of_values_is_the_command_line_s_output(window, qtbot, few_csv, monkeypatch, capsysbinary):
    open_file(window, qtbot, few_csv, monkeypatch)
    window.pin_alpha(D("0.3"))
    target = few_csv.parent / "out.csv"
    asked = []
    monkeypatch.setattr(
        "PySide6.QtWidgets.QFileDialog.getSaveFileName",
        lambda parent, caption, path, filters: (asked.append((caption, Path(path).name)), (str(target), ""))[
            1
        ],
    )
    named(window, "exportCsvAction").trigger()
    qtbot.waitUntil(lambda: not window.exports.running(), timeout=30_000)
    assert cli_main(["eval", "--input", str(few_csv), "--alpha", "0.01", "--alpha", "0.3"]) == 0
    assert target.read_bytes() == capsysbinary.readouterr().out
    assert asked == [("Export Values as CSV", "few_leaky_relu.csv")]


def test_the_last_file_is_reopened_and_a_moved_one_falls_back(qtbot, settings, few_csv, monkeypatch):
    first = MainWindow(settings)
    qtbot.addWidget(first)
    open_file(first, qtbot, few_csv, monkeypatch)
    first.close()
    assert settings.value("source/valuesFile") == str(few_csv)
    again = MainWindow(settings)
    qtbot.addWidget(again)
    qtbot.waitUntil(lambda: again.values is not None, timeout=10_000)
    assert again.values.name == "few.csv"
    again.close()
    few_csv.rename(few_csv.with_name("elsewhere.csv"))
    third = MainWindow(settings)
    qtbot.addWidget(third)
    assert third.values is None and not third.values_reader.running()
    assert "few.csv (your x values last time) has moved or gone" in named(third, "sourceNote").text()
    # The open dialog still starts where that file was found, after the sweep went back too.
    third.close()
    fourth = MainWindow(settings)
    qtbot.addWidget(fourth)
    started_in = []
    monkeypatch.setattr(
        "PySide6.QtWidgets.QFileDialog.getOpenFileName",
        lambda _parent, _title, folder, *_: (started_in.append(folder), ("", ""))[1],
    )
    named(fourth, "openValuesAction").trigger()
    assert started_in == [str(few_csv.parent)]


def test_statistics_of_many_values_come_from_a_worker(window, qtbot, tmp_path, monkeypatch):
    np.save(tmp_path / "many.npy", np.arange(-100_000, 200_001, dtype=np.int32))
    open_file(window, qtbot, tmp_path / "many.npy", monkeypatch)
    label = named(window, "valuesStatistics")
    qtbot.waitUntil(lambda: "float64 sums" in label.text(), timeout=10_000)
    assert "300,001 values, 33.33% at or below 0" in label.text()
    type_into(named(window, "alpha"), "0.5")  # a new alpha: new figures for it
    qtbot.waitUntil(lambda: "  0.5: " in label.text(), timeout=10_000)


@pytest.mark.xcb
def test_open_and_paste_keys_reach_the_window_from_a_field(window, qtbot, few_csv, monkeypatch):
    asked = []
    monkeypatch.setattr(
        "PySide6.QtWidgets.QFileDialog.getOpenFileName", lambda *_: (asked.append(1), (str(few_csv), ""))[1]
    )
    field = named(window, "alpha")
    field.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    press(qtbot, window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert asked == [1]
    qtbot.waitUntil(lambda: window.values is not None, timeout=10_000)
    QGuiApplication.clipboard().setText("7\n-8\n")
    named(window, "singleX").setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is named(window, "singleX"))
    QTest.keyClick(
        named(window, "singleX"),
        Qt.Key.Key_V,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: window.values is not None and window.values.count == 2, timeout=10_000)
    assert named(window, "singleX").text() == ""  # the field did not paste the text itself


def test_reading_text_from_a_stream_is_what_the_paste_uses():
    from leaky_gui.calc.readers import read_text

    values = read_text(io.BytesIO(b"a\tb\n1\tx\n-2\ty\n"), "pasted values")
    assert [values.x(i) for i in range(values.count)] == [1.0, -2.0]


def test_a_blank_column_in_a_pasted_range_loses_no_value(window, qtbot):
    # A copied range with an empty column beside the numbers: no header, every value kept.
    for text, expected in (("1\t\n2\t\n3\t\n", ["1.0", "2.0", "3.0"]), ("\t\t1\n\t\t2\n", ["1.0", "2.0"])):
        QGuiApplication.clipboard().setText(text)
        named(window, "pasteValuesAction").trigger()
        qtbot.waitUntil(lambda: not window.values_reader.running(), timeout=10_000)
        assert cells(window, 1) == expected, text


def test_a_pasted_decimal_comma_is_never_split_into_cells(window, qtbot, boxes):
    QGuiApplication.clipboard().setText("1,5\n2,5\n")  # the C locale: a comma is no decimal point
    named(window, "pasteValuesAction").trigger()
    qtbot.waitUntil(lambda: not window.values_reader.running(), timeout=10_000)
    assert window.values is None and "'2,5' has a decimal comma" in boxes[-1][1]  # '1,5': a header


def test_a_theme_switch_while_values_show_keeps_the_boxes_greyed(window, qtbot, few_csv, monkeypatch):
    from PySide6.QtGui import QPalette

    open_file(window, qtbot, few_csv, monkeypatch)
    named(window, "themeDarkAction").trigger()
    box = named(window, "startX")
    grey = box.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
    assert box.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Text) == grey
    assert window.values is not None and named(window, "sourceNote").isVisible()
    named(window, "themeFollowAction").trigger()


def test_closing_during_a_statistics_pass_stops_it(qtbot, settings, tmp_path, monkeypatch):
    np.save(tmp_path / "many.npy", np.arange(-1_000_000, 2_000_000, dtype=np.float64))
    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.show()
    open_file(win, qtbot, tmp_path / "many.npy", monkeypatch)
    label = named(win, "valuesStatistics")
    qtbot.waitUntil(  # the pass has begun (or, on a fast machine, ended)
        lambda: win.values_reader._stats is not None or "float64 sums" in label.text(), timeout=10_000
    )
    job = win.values_reader._stats
    win.close()  # cancels and waits: no thread outlives the window
    assert job is None or job.isFinished()


def test_a_remembered_file_that_no_longer_reads_says_so(qtbot, settings, few_csv, monkeypatch):
    first = MainWindow(settings)
    qtbot.addWidget(first)
    open_file(first, qtbot, few_csv, monkeypatch)
    first.close()
    few_csv.write_text("x\n1\nabc\n")
    again = MainWindow(settings)
    qtbot.addWidget(again)
    qtbot.waitUntil(lambda: named(again, "sourceNote").text() != "", timeout=10_000)
    assert again.values is None
    assert "could not be read again (few.csv line 3" in named(again, "sourceNote").text()


def test_excel_unicode_text_and_compressed_files_open_drop_and_come_back(
    qtbot, settings, tmp_path, monkeypatch, boxes
):
    """Open, drop and the remembered file all read what other tools write."""
    import codecs
    import gzip

    unicode_text = tmp_path / "book.txt"  # Excel's "Unicode Text"
    unicode_text.write_bytes(
        codecs.BOM_UTF16_LE
        + "".join(f"p{i}\t{x}\r\n" for i, x in enumerate(["x", *TYPED])).encode("utf-16-le")
    )
    packed = tmp_path / "few.csv.gz"
    packed.write_bytes(gzip.compress(("x\n" + "\n".join(TYPED) + "\n").encode()))
    shown = [format_number(float(D(x))) for x in TYPED]
    zeros = tmp_path / "zeros.csv"
    zeros.write_bytes(b"\x00" * 100_000)
    first = MainWindow(settings)
    qtbot.addWidget(first)
    open_file(first, qtbot, unicode_text, monkeypatch)
    assert cells(first, 1) == shown
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(packed))])
    assert drag_and_drop(first, mime) == (True, True)
    qtbot.waitUntil(lambda: first.values is not None and first.values.name == "few.csv.gz", timeout=10_000)
    assert cells(first, 1) == shown
    first.values_reader.open(zeros)
    qtbot.waitUntil(lambda: not first.values_reader.running(), timeout=10_000)
    assert boxes[-1][1].startswith("zeros.csv: not a text file")
    assert first.values.name == "few.csv.gz"
    first.close()
    again = MainWindow(settings)
    qtbot.addWidget(again)
    qtbot.waitUntil(lambda: again.values is not None, timeout=10_000)
    assert again.values.name == "few.csv.gz" and cells(again, 1) == shown


def test_seventeen_digit_numbers_show_whole_at_the_default_size(window, qtbot, tmp_path, monkeypatch):
    """x and f(x) as numpy and polars write them, never cut to '4.67633347235…'; the info
    table's curve, f range and gain whole too."""
    from PySide6.QtCore import QRect

    xs = [float(v) for v in np.random.default_rng(17).standard_normal(500) * 3]
    path = tmp_path / "x17.csv"
    path.write_text("x\n" + "".join(f"{v!r}\n" for v in xs))
    open_file(window, qtbot, path, monkeypatch)
    table = window.table
    qtbot.wait(50)  # the columns fit once the rows are on show
    metrics = table.fontMetrics()
    rows = range(table.rowAt(0), table.rowAt(table.viewport().height() - 1))
    assert len(rows) > 10
    for column in range(table.model().columnCount()):
        for row in rows:
            text = table.model().index(row, column).data()
            assert metrics.horizontalAdvance(text) + 4 <= table.columnWidth(column), (row, column, text)
    assert sum(table.columnWidth(c) for c in range(4)) <= table.viewport().width()  # no scrolling sideways
    assert max(len(table.model().index(r, 1).data()) for r in rows) >= 19  # 17 digits, a sign and a point
    info = window.info.table
    for column in range(3):
        text = info.item(0, column).text()
        width = info.columnWidth(column) - 4
        wrapped = info.fontMetrics().boundingRect(QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, text)
        assert wrapped.width() <= width and wrapped.height() <= info.rowHeight(0), (column, text)
        if column:  # numbers stay on one line
            assert info.fontMetrics().horizontalAdvance(text) <= width, text
    bar = info.horizontalScrollBar()
    assert not bar.isVisible() or bar.maximum() == 0
