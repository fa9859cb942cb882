"""The sweep table's view: fixed-height rows (all 100,000,000 reachable) and copying rows."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from leaky_gui.gui.limits import COPY_LIMIT, ROW_HEIGHT
from leaky_gui.gui.table_model import SweepTableModel


class SweepTableView(QTableView):
    """Shows a SweepTableModel; ``copy_selected_rows`` puts the selection on the clipboard."""

    #: A line for the status bar and how long to show it, in ms.
    message = Signal(str, int)

    def __init__(self, model: SweepTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("table")
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setAlternatingRowColors(True)
        self.setToolTip(
            "Ctrl+C copies the selected rows as tab-separated text, ready to paste into a spreadsheet"
        )
        #: Copy numbers with ',' as the decimal point (for decimal-comma spreadsheets).
        self.decimal_comma = False
        vertical = self.verticalHeader()
        vertical.hide()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setMinimumSectionSize(1)
        vertical.setDefaultSectionSize(ROW_HEIGHT)
        horizontal = self.horizontalHeader()
        horizontal.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        horizontal.setStretchLastSection(True)
        horizontal.setDefaultAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for column, width in enumerate((80, 120, 120)):
            self.setColumnWidth(column, width)

    def selected_rows(self) -> list[int] | int:
        """The selected rows in order, or their number when above COPY_LIMIT."""
        spans = sorted((r.top(), r.bottom()) for r in self.selectionModel().selection())
        merged: list[list[int]] = []
        for top, bottom in spans:
            if merged and top <= merged[-1][1] + 1:
                merged[-1][1] = max(merged[-1][1], bottom)
            else:
                merged.append([top, bottom])
        total = sum(b - t + 1 for t, b in merged)
        if total > COPY_LIMIT:
            return total
        return [row for top, bottom in merged for row in range(top, bottom + 1)]

    def copy_selected_rows(self) -> None:
        """The selected rows with the header, tab-separated, on the clipboard."""
        rows = self.selected_rows()
        if isinstance(rows, int):
            self.message.emit(
                f"{rows:,} rows are selected; the clipboard takes at most {COPY_LIMIT:,}. "
                "Export a CSV file for more.",
                8000,
            )
            return
        if not rows:
            self.message.emit("Select rows in the table to copy them.", 4000)
            return
        QGuiApplication.clipboard().setText(self.model().rows_as_text(rows, self.decimal_comma))
        self.message.emit(f"Copied {len(rows):,} rows (tab-separated, with the header).", 4000)
