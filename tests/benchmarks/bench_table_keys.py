"""Table key latency: every table key must return to the event loop within 50 ms.

Run on demand:  QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_table_keys.py
                [--counts 1000000,100000000] [--repeat 5]

For each count the window is shown, the count is typed into the count box and the table is
clicked (focus and a current row). Then each key is timed: QTest.keyClick (or a mouse click on
the table's corner button) plus a processEvents() that lets the table and its headers repaint.
Before each press an untimed set-up puts the current row at the top, middle or bottom and
selects one row, three, COPY_LIMIT or all of them, set directly (keys cannot: Ctrl+Home on the
current row changes nothing, and Ctrl+movement never changes the selection). "[all selected]"
repeats the movement keys with every row selected, where a header that asks about each row
would walk them all. After its last press each key's effect is checked (Ctrl+A selected all,
Ctrl+C copied or refused), so that a key that did nothing cannot pass as fast.

The corner button is clicked even while hidden (it is hidden with the vertical header):
QTest delivers the click all the same; the line above the table says whether it is visible.

Prints median and worst per key and count; exits 1 if any exceeds the budget or did the
wrong thing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

BUDGET_MS = 50.0
COUNTS = (1_000_000, 100_000_000)
REPEAT = 5


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--counts", default=",".join(map(str, COUNTS)), help="comma-separated row counts")
    parser.add_argument("--repeat", type=int, default=REPEAT, help="timed presses per key and count")
    args = parser.parse_args()
    counts = [int(c) for c in args.counts.split(",")]

    from PySide6.QtCore import QItemSelection, QItemSelectionModel, QPoint, Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QAbstractButton

    from leaky_gui.app import create_application
    from leaky_gui.gui.limits import COPY_LIMIT
    from leaky_gui.gui.selftest import named, type_into
    from leaky_gui.gui.window import MainWindow

    app = create_application(sys.argv)
    window = MainWindow(remember=False)
    window.show()
    app.processEvents()
    table = window.table
    ctrl, shift = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
    none = Qt.KeyboardModifier.NoModifier
    corner = next((b for b in table.findChildren(QAbstractButton) if b.parent() is table), None)

    def key(k: Qt.Key, mods=none) -> Callable[[], None]:
        return lambda: QTest.keyClick(table, k, mods)

    def click_corner() -> None:
        QTest.mouseClick(corner, Qt.MouseButton.LeftButton, none, QPoint(2, 2))

    def state(where: str, selection: str) -> Callable[[], None]:
        """An untimed set-up: the current row at the top, middle or bottom, and one row, three
        rows or every row selected (set directly: Ctrl+Home on the current row selects nothing)."""

        def setup() -> None:
            rows = window.model.rowCount()
            row = {"top": 0, "middle": rows // 2, "bottom": rows - 1}[where]
            flags = QItemSelectionModel.SelectionFlag
            selection_model = table.selectionModel()
            selection_model.setCurrentIndex(window.model.index(row, 0), flags.ClearAndSelect | flags.Rows)
            if selection in ("three", "limit"):
                size = 3 if selection == "three" else COPY_LIMIT
                top = min(row, rows - size)
                selection_model.select(
                    QItemSelection(window.model.index(top, 0), window.model.index(top + size - 1, 0)),
                    flags.ClearAndSelect | flags.Rows,
                )
            elif selection == "all":
                table.selectAll()
            table.scrollTo(window.model.index(row, 0))

        return setup

    home, end, page_up, page_down = Qt.Key.Key_Home, Qt.Key.Key_End, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown
    # name, set-up (untimed), action (timed)
    cases: list[tuple[str, Callable[[], None], Callable[[], None]]] = [
        ("Ctrl+A", state("middle", "one"), key(Qt.Key.Key_A, ctrl)),
        ("Ctrl+C (3 rows)", state("middle", "three"), key(Qt.Key.Key_C, ctrl)),
        ("Ctrl+C (COPY_LIMIT rows)", state("middle", "limit"), key(Qt.Key.Key_C, ctrl)),
        ("Ctrl+C (all rows: refused)", state("middle", "all"), key(Qt.Key.Key_C, ctrl)),
    ]
    for selection in ("one", "all"):
        tail = "" if selection == "one" else " [all selected]"
        cases += [
            (f"Ctrl+Home{tail}", state("bottom", selection), key(home, ctrl)),
            (f"Ctrl+End{tail}", state("top", selection), key(end, ctrl)),
            (f"Shift+Ctrl+End{tail}", state("top", selection), key(end, ctrl | shift)),
            (f"PageUp{tail}", state("middle", selection), key(page_up)),
            (f"PageDown{tail}", state("middle", selection), key(page_down)),
        ]
    if corner is not None:
        cases.append(("corner button click", state("middle", "one"), click_corner))

    def all_selected(count: int) -> None:
        assert table.selected_count() == count, table.selected_count()

    def refused(count: int) -> None:
        assert QGuiApplication.clipboard().text() == "untouched", "a refused copy changed the clipboard"
        message = window.statusBar().currentMessage()
        assert f"{COPY_LIMIT:,}" in message and "Export CSV" in message, message

    def copied(rows: int) -> Callable[[int], None]:
        def check(count: int) -> None:
            lines = QGuiApplication.clipboard().text().count("\n")
            assert lines == rows + 1, f"{lines} lines on the clipboard, expected {rows} rows and the header"
            QGuiApplication.clipboard().setText("untouched")

        return check

    # what each key must have done (checked after its last press): a fast key that did nothing
    # would be no result
    checks = {
        "Ctrl+A": all_selected,
        "Ctrl+C (3 rows)": copied(3),
        "Ctrl+C (COPY_LIMIT rows)": copied(COPY_LIMIT),
        "Ctrl+C (all rows: refused)": refused,
    }
    if corner is not None:
        checks["corner button click"] = all_selected
    QGuiApplication.clipboard().setText("untouched")

    print(
        f"table keys: keyClick (or mouseClick) + processEvents(), {args.repeat} presses per key; "
        f"budget {BUDGET_MS:.0f} ms"
    )
    if corner is None:
        print("  no corner button found")
    else:
        table_shown = corner.isVisibleTo(table)
        print(
            f"  corner button: {'visible' if table_shown else 'HIDDEN'} "
            f"(vertical header {'shown' if table.verticalHeader().isVisibleTo(table) else 'hidden'}), "
            f"geometry {corner.geometry().getRect()}"
        )
    results: dict[tuple[str, int], list[float]] = {}
    wrong: list[str] = []
    for count in counts:
        type_into(named(window, "count"), str(count))
        assert window.model.rowCount() == count, window.model.rowCount()
        QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, none, QPoint(20, 10))
        app.processEvents()
        if not table.hasFocus():
            table.setFocus()
        for name, setup, action in cases:
            times = []
            for _ in range(args.repeat):
                setup()
                app.processEvents()
                start = time.perf_counter()
                action()
                app.processEvents()
                times.append((time.perf_counter() - start) * 1e3)
            results[(name, count)] = times
            check = checks.get(name)
            if check is not None:
                try:
                    check(count)
                except AssertionError as error:
                    wrong.append(f"{name} at {count:,} rows: {error}")
            print(
                f"  {count:>11,} {name:<28} median {statistics.median(times):8.1f} ms  "
                f"worst {max(times):8.1f} ms",
                flush=True,
            )

    names = list(dict.fromkeys(name for name, _ in results))
    width = max(map(len, names))
    print()
    header = f"{'key':<{width}}" + "".join(f" | {c:>11,} median / worst" for c in counts)
    print(header)
    print("-" * len(header))
    over = []
    for name in names:
        line = f"{name:<{width}}"
        for count in counts:
            times = results[(name, count)]
            worst = max(times)
            line += f" | {statistics.median(times):13.1f} / {worst:6.1f} ms"
            if worst > BUDGET_MS:
                over.append((name, count, worst))
        print(line)
    window.close()
    if over or wrong:
        print()
        for name, count, worst in over:
            print(f"OVER BUDGET: {name} at {count:,} rows took {worst:.1f} ms (> {BUDGET_MS:.0f} ms)")
        for line in wrong:
            print(f"WRONG RESULT: {line}")
        return 1
    print(f"\nall keys within {BUDGET_MS:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
