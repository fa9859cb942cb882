"""The lazy table model, without any view."""

from __future__ import annotations

import tracemalloc
from decimal import Decimal
from unittest import mock

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from on_screen import expose
from PySide6.QtCore import QModelIndex, Qt
from strategies import decimals

from leaky_gui.calc import csv_export
from leaky_gui.calc.precision import PRECISIONS
from leaky_gui.calc.sweep import SweepParams
from leaky_gui.calc.text import ParameterError, csv_line
from leaky_gui.gui.limits import MAX_GUI_COUNT
from leaky_gui.gui.table_model import SweepTableModel


def test_passes_qt_model_tester(qtmodeltester):
    model = SweepTableModel(SweepParams(count=57))
    qtmodeltester.check(model)
    model.set_source(
        SweepParams(start=Decimal("2"), step=Decimal("-0.5"), count=9, alphas=(Decimal("0.3"), Decimal("0")))
    )
    qtmodeltester.check(model)


def test_headers_columns_and_exact_text():
    model = SweepTableModel(SweepParams())
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)] == ["i", "x", "f(x)", "f'(x)"]
    assert model.rowCount() == 101 and model.columnCount() == 4
    assert model.rowCount(model.index(0, 0)) == 0  # a table: no children
    assert [model.index(79, c).data() for c in range(4)] == ["79", "-0.05", "-0.0005", "0.01"]
    assert [model.index(100, c).data() for c in range(4)] == ["100", "1.0", "1.0", "1.0"]


def test_values_are_plain_python_and_right_aligned():
    model = SweepTableModel(SweepParams())
    value = model.data(model.index(3, 2), Qt.ItemDataRole.DisplayRole)
    assert type(value) is str
    alignment = model.data(model.index(3, 2), Qt.ItemDataRole.TextAlignmentRole)
    assert alignment & int(Qt.AlignmentFlag.AlignRight)
    assert model.data(QModelIndex()) is None


def test_zero_crossing_row_is_highlighted_and_no_other():
    model = SweepTableModel(SweepParams())
    assert model.crossing_row == 80
    assert model.data(model.index(80, 1), Qt.ItemDataRole.BackgroundRole) is not None
    assert model.data(model.index(79, 1), Qt.ItemDataRole.BackgroundRole) is None
    model.set_source(SweepParams(start=Decimal("1")))
    assert model.crossing_row is None


def test_pinned_alphas_add_columns():
    model = SweepTableModel(SweepParams(alphas=(Decimal("0.01"), Decimal("0.3"))))
    assert model.columnCount() == 5
    assert model.headerData(4, Qt.Orientation.Horizontal) == "f(x; alpha=0.3)"
    assert model.index(0, 4).data() == "-1.2"


def test_hundred_million_rows_cost_no_memory_and_the_last_is_reachable():
    model = SweepTableModel(SweepParams())
    tracemalloc.start()
    model.set_source(SweepParams(count=MAX_GUI_COUNT))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 100_000  # bytes: nothing per row
    last = MAX_GUI_COUNT - 1
    assert model.rowCount() == MAX_GUI_COUNT
    assert model.index(last, 1).data() == "4999995.95"  # -4 + 99,999,999 * 0.05, exactly


def test_reset_signals_wrap_a_change(qtbot):
    model = SweepTableModel(SweepParams())
    with qtbot.waitSignals([model.modelAboutToBeReset, model.modelReset]):
        model.set_source(SweepParams(count=5))
    assert model.rowCount() == 5


def test_same_shape_changes_cells_in_place_and_a_view_keeps_its_selection(qtbot):
    from PySide6.QtCore import QItemSelectionModel
    from PySide6.QtWidgets import QTableView

    model = SweepTableModel(SweepParams(alphas=(Decimal("0.01"), Decimal("0.3"))))
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.setCurrentIndex(model.index(7, 2))
    view.selectionModel().select(model.index(5, 0), QItemSelectionModel.SelectionFlag.Select)
    resets, changed, headers = [], [], []
    model.modelReset.connect(lambda: resets.append(1))
    model.dataChanged.connect(
        lambda a, b, _roles: changed.append(((a.row(), a.column()), (b.row(), b.column())))
    )
    model.headerDataChanged.connect(lambda *args: headers.append(args[1:]))

    model.set_source(SweepParams(start=Decimal("-3"), alphas=(Decimal("0.2"), Decimal("0.5"))))
    # From x on (x moved), and the i cells where the crossing was (80) and is (60).
    assert not resets and headers == [(0, 4)]
    assert changed[0] == ((0, 1), (100, 4)) and sorted(changed[1:]) == [
        ((60, 0), (60, 0)),
        ((80, 0), (80, 0)),
    ]
    assert (
        model.index(0, 2).data() == "-0.6"
        and model.headerData(4, Qt.Orientation.Horizontal) == "f(x; alpha=0.5)"
    )
    assert model.crossing_row == 60  # -3 + 60 * 0.05 = 0
    assert view.currentIndex() == model.index(7, 2) and view.selectionModel().isSelected(model.index(5, 0))

    model.set_source(SweepParams(start=Decimal("-3"), alphas=(Decimal("0.2"), Decimal("0.7"))))
    assert headers[-1] == (0, 4)  # a pinned alpha's header changes with it
    changed.clear()
    model.set_source(SweepParams(start=Decimal("-3"), alphas=(Decimal("0.25"), Decimal("0.7"))))
    assert changed == [((0, 2), (100, 4))] and len(headers) == 2  # x stays; the header 'f(x)' too

    # Values of the same count are other rows: a reset, and the selection goes.
    from leaky_gui.calc.values import values_from_decimals

    values = values_from_decimals([Decimal(v) for v in range(101)], alphas=(Decimal("0.25"), Decimal("0.7")))
    model.set_source(values)
    assert resets == [1] and not view.selectionModel().hasSelection()
    view.selectionModel().select(model.index(5, 0), QItemSelectionModel.SelectionFlag.Select)
    model.set_source(values.with_precision("float32"))  # the same values: in place, kept
    assert resets == [1] and view.selectionModel().isSelected(model.index(5, 0))
    resets.clear()

    model.set_source(SweepParams(count=7))  # fewer rows and columns: a reset, the selection goes
    assert resets == [1] and not view.selectionModel().hasSelection()


def test_rows_as_tab_separated_text():
    model = SweepTableModel(SweepParams())
    assert model.rows_as_text([0, 80]) == "i\tx\tf(x)\tf'(x)\n0\t-4.0\t-0.04\t0.01\n80\t0.0\t0.0\t0.01\n"
    assert model.rows_as_text([0], decimal_comma=True) == "i\tx\tf(x)\tf'(x)\n0\t-4,0\t-0,04\t0,01\n"


up_to_17_digits = decimals(17, -12, 4)


@settings(max_examples=150, deadline=None)
@given(
    start=up_to_17_digits,
    step=up_to_17_digits.filter(bool),
    count=st.integers(1, 30),
    alphas=st.lists(up_to_17_digits, min_size=1, max_size=3, unique=True),
    precision=st.sampled_from(PRECISIONS),
    decimal_comma=st.booleans(),
)
@pytest.mark.slow
def test_copied_rows_are_the_cells_as_shown(start, step, count, alphas, precision, decimal_comma):
    """Copy makes its text a chunk at a time, as the CSV writer does: it must be the cells' own text."""
    try:
        params = SweepParams(start, step, count, tuple(alphas), precision)
    except ParameterError:
        return
    model = SweepTableModel(params)
    rows = [r for r in range(count) if r % 3 != 1]  # runs with gaps
    expected = "".join(
        csv_line([model.index(r, c).data() for c in range(model.columnCount())], decimal_comma, "\t")
        for r in rows
    )
    header = csv_line(model.headers(), decimal_comma, "\t")
    with mock.patch.object(csv_export, "CHUNK_ROWS", 7):  # runs that cross chunk boundaries
        assert model.rows_as_text(rows, decimal_comma) == header + expected


def test_the_view_repaints_only_the_columns_that_change(qtbot, monkeypatch):
    from PySide6.QtCore import QEvent, QObject

    from leaky_gui.gui import table_view
    from leaky_gui.gui.table_view import SweepTableView

    told = []  # what a screen reader hears: Qt's own dataChanged tells it, and so must ours

    class ScreenReaderOn:
        isActive = staticmethod(lambda: True)
        updateAccessibility = staticmethod(
            lambda e: told.append(
                (e.modelChangeType().name, e.firstRow(), e.firstColumn(), e.lastRow(), e.lastColumn())
            )
        )

    monkeypatch.setattr(table_view, "QAccessible", ScreenReaderOn)

    model = SweepTableModel(SweepParams(alphas=(Decimal("0.01"), Decimal("0.3"))))
    view = SweepTableView(model)
    qtbot.addWidget(view)
    view.resize(700, 300)
    expose(view)

    class Painted(QObject):
        rects: list  # of QRect, set before each change

        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint:
                self.rects.append(event.rect())
            return False

    qtbot.wait(50)  # the first paints after showing are whole
    painted = Painted()
    view.viewport().installEventFilter(painted)

    def repainted_after(params):
        painted.rects = []
        model.set_source(params)
        qtbot.waitUntil(lambda: bool(painted.rects))
        return painted.rects[0]

    f_column = view.columnViewportPosition(2)
    alphas_moved = repainted_after(SweepParams(alphas=(Decimal("0.2"), Decimal("0.3"))))
    assert (
        alphas_moved.left() == f_column - 1 and alphas_moved.right() == view.viewport().width() - 1
    )  # and the grid line
    assert told == [("DataChanged", 0, 2, 100, 4)]
    start_moved = repainted_after(SweepParams(start=Decimal("-3"), alphas=(Decimal("0.2"), Decimal("0.3"))))
    assert start_moved.left() == view.columnViewportPosition(1) - 1  # x changes; i does not
    assert model.index(0, 1).data() == "-3.0"


def pixels(image) -> np.ndarray:
    """An image's RGB as an array (height, width): each pixel with its alpha set, as pixel() gives it."""
    image = image.convertToFormat(image.Format.Format_RGB32)
    data = np.frombuffer(image.constBits(), np.uint32, image.sizeInBytes() // 4).copy()  # while image lives
    return data.reshape(image.height(), image.bytesPerLine() // 4)[:, : image.width()] | np.uint32(0xFF000000)


@pytest.mark.parametrize("direction", ["LeftToRight", "RightToLeft"])
def test_what_is_on_screen_after_each_change_is_a_fresh_paint(qtbot, direction):
    """Nothing stale: not the crossing's highlight in column i, not a column right to left."""
    from leaky_gui.gui.table_view import SweepTableView

    model = SweepTableModel(SweepParams(start=Decimal("-0.5"), alphas=(Decimal("0.01"), Decimal("0.3"))))
    view = SweepTableView(model)
    qtbot.addWidget(view)
    view.setLayoutDirection(getattr(Qt.LayoutDirection, direction))
    view.resize(700, 500)
    expose(view)
    qtbot.wait(50)
    assert model.crossing_row == 10
    changes = [
        SweepParams(start=Decimal("-0.25"), alphas=(Decimal("0.01"), Decimal("0.3"))),  # crossing at 5
        SweepParams(start=Decimal("-0.25"), alphas=(Decimal("0.2"), Decimal("0.3"))),
        SweepParams(start=Decimal("-0.25"), alphas=(Decimal("0.2"), Decimal("0.5"))),
        SweepParams(start=Decimal("-0.25"), alphas=(Decimal("0.2"), Decimal("0.5")), precision="float16"),
        SweepParams(start=Decimal("-0.6"), alphas=(Decimal("0.2"), Decimal("0.5"))),  # crossing at 12
    ]
    for params in changes:
        model.set_source(params)
        qtbot.wait(50)
        # The cells only (the scroll bar's handle is drawn with another state in a grab).
        cells = view.viewport().geometry()
        shown = pixels(view.screen().grabWindow(view.winId()).toImage().copy(cells))  # what the window holds
        fresh = pixels(view.grab(cells).toImage())  # everything painted anew
        assert shown.shape == fresh.shape and (shown != fresh).sum() == 0, (
            params,
            np.argwhere(shown != fresh)[[0, -1]] if (shown != fresh).any() else None,
            direction,
        )
