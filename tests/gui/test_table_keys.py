"""Table keys at the largest count: no key may make Qt ask the lazy model about every row.

Timings live in tests/benchmarks/bench_table_keys.py; here we count the model's calls while a
key is handled and the table repaints. Walking 100,000,000 rows would be 100,000,000 calls
(and minutes); a key that only repaints what is on screen makes a few hundred.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from leaky_gui.gui.limits import COPY_LIMIT, MAX_GUI_COUNT
from leaky_gui.gui.selftest import named, type_into

#: Far above one repaint of the visible rows, far below one call per row.
CALL_BUDGET = 10_000
CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
NO_MODIFIER = Qt.KeyboardModifier.NoModifier


@contextmanager
def counted_model_calls(model) -> Iterator[Counter]:
    """Count the calls Qt makes into the model's Python overrides inside the block.

    The counters go on the instance: shiboken looks a Python override up on the object at
    each call from C++ (a patch on the class is not seen once the method has been called).
    """
    calls: Counter = Counter()
    names = ("rowCount", "columnCount", "data", "headerData", "flags")
    for name in names:
        original = getattr(model, name)

        def counted(*args, _original=original, _name=name):
            calls[_name] += 1
            return _original(*args)

        setattr(model, name, counted)
    try:
        yield calls
    finally:
        for name in names:
            delattr(model, name)


def press(widget, key: Qt.Key, modifiers=NO_MODIFIER) -> None:
    """A key press and release, then the repaints it asked for (where a header would walk rows)."""
    from PySide6.QtTest import QTest

    QTest.keyClick(widget, key, modifiers)
    QApplication.processEvents()


def click_table(window, qtbot, count: int) -> None:
    """Type ``count`` into the count box, then click the table (focus and a current row)."""
    type_into(named(window, "count"), str(count))
    assert window.model.rowCount() == count
    qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(20, 10))
    window.table.setFocus()  # offscreen: the click gives focus only to an active window
    QApplication.processEvents()
    assert window.table.currentIndex().row() == 0


@pytest.fixture
def big_table(window, qtbot):
    """The window at 100,000,000 rows with the table clicked.

    First Ctrl+A at a small count: a view that asks about every row makes a few calls per
    row, over the budget already at 20,000 rows, and fails here in a second instead of
    hanging the run for hours at 100,000,000 rows.
    """
    click_table(window, qtbot, 20_000)
    with counted_model_calls(window.model) as calls:
        press(window.table, Qt.Key.Key_A, CTRL)
    if sum(calls.values()) >= CALL_BUDGET:
        pytest.fail(f"Ctrl+A at 20,000 rows asked the model {calls}: about every row")
    click_table(window, qtbot, MAX_GUI_COUNT)
    return window


def test_ctrl_a_selects_all_rows_without_asking_about_each(big_table):
    table = big_table.table
    with counted_model_calls(big_table.model) as calls:
        press(table, Qt.Key.Key_A, CTRL)
    assert table.selected_count() == MAX_GUI_COUNT  # one range: counted without a walk
    assert calls["data"] > 0, calls  # the table did repaint (and the counters count)
    assert sum(calls.values()) < CALL_BUDGET, calls


def test_moving_with_every_row_selected_asks_about_visible_rows_only(big_table):
    table, model = big_table.table, big_table.model
    keys = [
        ("Ctrl+End", Qt.Key.Key_End, CTRL),
        ("Ctrl+Home", Qt.Key.Key_Home, CTRL),
        ("PageDown", Qt.Key.Key_PageDown, NO_MODIFIER),
        ("PageUp", Qt.Key.Key_PageUp, NO_MODIFIER),
        ("Shift+Ctrl+End", Qt.Key.Key_End, CTRL | SHIFT),
    ]
    for name, key, modifiers in keys:
        table.setCurrentIndex(model.index(MAX_GUI_COUNT // 2, 0))  # room to move both ways
        press(table, Qt.Key.Key_A, CTRL)
        before = table.currentIndex().row()
        with counted_model_calls(model) as calls:
            press(table, key, modifiers)
        assert table.currentIndex().row() != before, f"{name} did not move"
        # Ctrl+movement keeps the selection (Qt's ExtendedSelection); a plain page key selects
        # the new current row alone, deselecting all 100,000,000 rows at once
        after = MAX_GUI_COUNT if modifiers & CTRL else 1
        assert table.selected_count() == after, name
        assert 0 < sum(calls.values()) < CALL_BUDGET, (name, calls)


def test_ctrl_c_of_every_row_copies_nothing_and_names_the_limit(big_table, monkeypatch):
    table = big_table.table
    press(table, Qt.Key.Key_A, CTRL)
    QGuiApplication.clipboard().setText("before")

    def no_partial_copy(*args, **kwargs):
        raise AssertionError("rows were formatted for the clipboard")

    monkeypatch.setattr(big_table.model, "runs_as_text", no_partial_copy)
    with counted_model_calls(big_table.model) as calls:
        press(table, Qt.Key.Key_C, CTRL)
    assert QGuiApplication.clipboard().text() == "before"
    message = big_table.statusBar().currentMessage()
    assert f"{MAX_GUI_COUNT:,} rows" in message
    assert f"{COPY_LIMIT:,}" in message
    assert "Export CSV" in message
    assert sum(calls.values()) < CALL_BUDGET, calls
