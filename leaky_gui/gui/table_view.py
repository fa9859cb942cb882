"""The sweep table's view: fixed-height rows (all 100,000,000 reachable) and copying rows.

Every key must stay fast at 100,000,000 rows, so nothing here may ask about each row:
selections stay ranges (counted by range, never row by row), and the headers never see
the table's selection (see ``_keep_headers_off_the_selection``).
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPersistentModelIndex, QRect, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleTableModelChangeEvent,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QKeySequence,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTableView, QWidget

from leaky_gui.gui.language import translate
from leaky_gui.gui.limits import COPY_LIMIT, ROW_HEIGHT
from leaky_gui.gui.table_model import SweepTableModel

#: The narrowest the index column and the number columns get, so that short numbers breathe.
_NARROWEST = (48, 110)
_NO_COLUMN = 1 << 30
FIT_LATER_MS = 150


class SweepTableView(QTableView):
    """Shows a SweepTableModel; ``copy_selected_rows`` puts the selection on the clipboard."""

    #: A line for the status bar and how long to show it, in ms.
    message = Signal(str, int)

    def __init__(self, model: SweepTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("table")
        self.setAccessibleName(translate("SweepTableView", "Sweep table"))
        self.setAccessibleDescription(
            translate(
                "SweepTableView",
                "Columns i, x, f(x) and f'(x) for the current alpha, then f(x) per pinned alpha; "
                "arrows move between cells, Ctrl+C copies the selected rows",
            )
        )
        self.setTabKeyNavigation(False)  # Tab moves on to the next control; the arrows move in the table
        #: The headers' own selection models, which stay empty (one per header).
        self._header_selections: list[QItemSelectionModel] = []
        self.setModel(model)
        self._model = model
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setAlternatingRowColors(True)
        self.setToolTip(
            translate(
                "SweepTableView",
                "Ctrl+C copies the selected rows as tab-separated text, ready to paste into a spreadsheet",
            )
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
        # The stretched last column never gets narrower than its size before stretching:
        # keep that small, so that the columns fitted to their text leave it what is left.
        horizontal.setDefaultSectionSize(48)
        horizontal.setStretchLastSection(True)
        horizontal.setDefaultAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for column, width in enumerate((80, 120, 120)):
            self.setColumnWidth(column, width)
        for header in (vertical, horizontal):
            header.setHighlightSections(False)
        # Columns fit the longest text on show (17-digit numbers whole), measured over the
        # visible rows only, once per turn of the event loop however many changes come.
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.timeout.connect(self.fit_columns)
        self._fit_exactly = True
        self._fit_from = 0
        self._metrics: tuple | None = None  # (font, its metrics, bold metrics, cell margin)
        model.modelReset.connect(lambda: self._schedule_fit(exactly=True))
        model.dataChanged.connect(lambda top_left, *_: self._schedule_fit(first=top_left.column()))
        self.verticalScrollBar().valueChanged.connect(lambda _: self._schedule_fit())

    def _schedule_fit(self, *, exactly: bool = False, first: int = 0) -> None:
        """Fit at once for a new source; after scrolling or a new alpha, within FIT_LATER_MS
        of the first change (so the slider's 30 moves a second cost a few fits, not 30)."""
        self._fit_exactly = self._fit_exactly or exactly
        self._fit_from = 0 if exactly else min(self._fit_from, first)
        if exactly:
            self._fit_timer.start(0)
        elif not self._fit_timer.isActive():
            self._fit_timer.start(FIT_LATER_MS)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._schedule_fit(exactly=True)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._schedule_fit()

    def visible_rows(self) -> range:
        """The rows on show (some, before the table is first laid out)."""
        count = self.model().rowCount()
        first = max(self.rowAt(0), 0)
        last = self.rowAt(max(self.viewport().height() - 1, 0))
        if last < 0:
            last = min(count, first + 64) - 1
        return range(first, min(last + 1, count))

    def fit_columns(self) -> None:
        """Each column but the last (which stretches) as wide as its longest text on show.

        After a new source the columns fit exactly (narrower too); while scrolling or as
        alpha moves they only grow, so that columns do not jitter. Only visible rows are
        asked (Qt's own ``resizeColumnsToContents`` would ask every row while hidden), and
        only the longest texts measured.
        """
        exactly, self._fit_exactly = self._fit_exactly, False
        first, self._fit_from = self._fit_from, _NO_COLUMN
        model = self.model()
        rows = self.visible_rows()
        crossing = getattr(model, "crossing_row", None)
        if self._metrics is None or self._metrics[0] != self.font():
            bold = QFont(self.font())
            bold.setBold(True)
            margin = (
                2 * (self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self) + 1) + 2
            )
            self._metrics = (QFont(self.font()), self.fontMetrics(), QFontMetrics(bold), margin)
        _, plain, bold_metrics, margin = self._metrics
        header = self.horizontalHeader()
        for column in range(min(first, model.columnCount()), model.columnCount() - 1):
            texts = [(str(model.index(row, column).data() or ""), row) for row in rows]
            longest = max((len(t) for t, _ in texts), default=0)
            need = max(header.sectionSizeFromContents(column).width(), _NARROWEST[min(column, 1)])
            for text, row in texts:
                if len(text) >= longest - 2 or row == crossing:  # digits are about as wide as each other
                    metrics = bold_metrics if row == crossing else plain
                    need = max(need, metrics.horizontalAdvance(text) + margin)
            if exactly or need > self.columnWidth(column):
                self.setColumnWidth(column, need)

    def setSelectionModel(self, selection_model: QItemSelectionModel) -> None:
        super().setSelectionModel(selection_model)  # also hands it to both headers
        self._keep_headers_off_the_selection()

    def _keep_headers_off_the_selection(self) -> None:
        """Give each header a selection model of its own that stays empty.

        To paint a section, QHeaderView asks its selection model whether that whole column
        (row) is selected, with or without ``highlightSections``: Qt 6 answers
        ``isColumnSelected`` by visiting every row of the column, here up to 100,000,000
        calls into Python after Ctrl+A, and again on each repaint of the header. With an
        empty selection of their own the headers get "no" at once. Selecting by clicking a
        section still works: QTableView selects through its own selection model.
        """
        for stale in self._header_selections:
            stale.deleteLater()
        self._header_selections = []
        for header in (self.horizontalHeader(), self.verticalHeader()):
            own = QItemSelectionModel(self.model(), header)
            header.setSelectionModel(own)
            self._header_selections.append(own)

    def dataChanged(
        self,
        top_left: QModelIndex | QPersistentModelIndex,
        bottom_right: QModelIndex | QPersistentModelIndex,
        roles=(),
    ) -> None:
        """Repaint only the visible part of the changed cells.

        For any range of more than one cell Qt repaints the whole viewport; the model's
        changes are whole columns (from f(x) on when alpha moves), and the columns before
        them keep their text, so their glyphs need not be drawn again. The area reaches
        one pixel past the cells on either side (the grid line; right to left, Qt's own
        cell rectangle misses the outermost pixel). The rest of what Qt does for a change
        is said here too: screen readers are told. There are no editors to refresh (the
        table is read-only).
        """
        if not (top_left.isValid() and bottom_right.isValid()):
            super().dataChanged(top_left, bottom_right, roles)
            return
        first, last = top_left.column(), bottom_right.column()
        viewport = self.viewport()
        # Right to left, the last column lies left of the first: take both edges of both.
        edges = [self.columnViewportPosition(c) + d for c in (first, last) for d in (0, self.columnWidth(c))]
        row = top_left.row()
        top, height = (
            (self.rowViewportPosition(row), self.rowHeight(row))
            if row == bottom_right.row()
            else (0, viewport.height())  # many rows: positions could pass 2**31 pixels
        )
        viewport.update(QRect(min(edges) - 1, top, max(edges) - min(edges) + 2, height))
        if QAccessible.isActive():
            event = QAccessibleTableModelChangeEvent(
                self, QAccessibleTableModelChangeEvent.ModelChangeType.DataChanged
            )
            event.setFirstRow(top_left.row())
            event.setFirstColumn(first)
            event.setLastRow(bottom_right.row())
            event.setLastColumn(last)
            QAccessible.updateAccessibility(event)

    def selected_runs(self) -> list[tuple[int, int]]:
        """The selected rows as sorted, merged runs [lo, hi): from the selection's ranges, never row by row."""
        runs: list[list[int]] = []
        ranges = self.selectionModel().selection()
        for top, bottom in sorted((ranges.at(k).top(), ranges.at(k).bottom()) for k in range(ranges.size())):
            if runs and top <= runs[-1][1]:
                runs[-1][1] = max(runs[-1][1], bottom + 1)
            else:
                runs.append([top, bottom + 1])
        return [(lo, hi) for lo, hi in runs]

    def selected_count(self) -> int:
        """How many rows are selected, from the selection's ranges."""
        return sum(hi - lo for lo, hi in self.selected_runs())

    def copy_selected_rows(self) -> None:
        """The selected rows with the header, tab-separated, on the clipboard."""
        runs = self.selected_runs()
        total = sum(hi - lo for lo, hi in runs)
        if total > COPY_LIMIT:  # nothing is copied, not even the first COPY_LIMIT rows
            export_keys = QKeySequence("Ctrl+E").toString(QKeySequence.SequenceFormat.NativeText)
            self.message.emit(
                translate(
                    "SweepTableView",
                    "Nothing copied: {total} rows are selected and the clipboard takes at most "
                    "{limit} rows. Use File > Export CSV… ({keys}) for all of them.",
                ).format(total=f"{total:,}", limit=f"{COPY_LIMIT:,}", keys=export_keys),
                10000,
            )
            return
        if not total:
            self.message.emit(translate("SweepTableView", "Select rows in the table to copy them."), 4000)
            return
        QGuiApplication.clipboard().setText(self._model.runs_as_text(runs, self.decimal_comma))
        self.message.emit(
            translate("SweepTableView", "Copied {count} rows (tab-separated, with the header).").format(
                count=f"{total:,}"
            ),
            4000,
        )
