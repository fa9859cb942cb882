"""A thin, lazy table model of a sweep: each row is computed from its index when shown.

Nothing per row is stored, so 101 rows and 100,000,000 rows cost the same memory and
the same time to change (in place for the same rows, else a reset).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from leaky_gui.calc.source import XSource
from leaky_gui.calc.sweep import SweepParams, format_label, rounding_note
from leaky_gui.calc.text import csv_line
from leaky_gui.gui.language import translate
from leaky_gui.gui.theme import LIGHT

Index = QModelIndex | QPersistentModelIndex

COLUMN_I, COLUMN_X, COLUMN_F, COLUMN_DF = range(4)
BASE_HEADERS: tuple[str, ...] = ("i", "x", "f(x)", "f'(x)")
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
#: What marks the zero-crossing row's cells.
_HIGHLIGHT_ROLES = [Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.FontRole, Qt.ItemDataRole.ToolTipRole]


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


class SweepTableModel(QAbstractTableModel):
    """Columns i, x, f(x), f'(x) for the current alpha, then f(x; alpha=A) per pinned alpha."""

    def __init__(self, source: XSource | None = None, parent=None) -> None:
        super().__init__(parent)
        self._source = source or SweepParams()
        self._crossing = self._source.zero_crossing_index()
        self._bold = _bold()
        self._crossing_brush = QBrush(QColor(LIGHT.table_crossing))

    # -- our API ---------------------------------------------------------------

    @property
    def source(self) -> XSource:
        return self._source

    @property
    def crossing_row(self) -> int | None:
        """The row where the sweep reaches or passes x = 0, highlighted."""
        return self._crossing

    def set_crossing_colour(self, colour: str) -> None:
        """The background of the zero-crossing row (light amber, or dark amber on a dark scheme)."""
        self._crossing_brush = QBrush(QColor(colour))
        if self._crossing is not None:
            self.dataChanged.emit(
                self.index(self._crossing, 0),
                self.index(self._crossing, self.columnCount() - 1),
                [Qt.ItemDataRole.BackgroundRole],
            )

    def set_source(self, source: XSource) -> None:
        """Show another sweep: cheap either way, as rows are computed on demand.

        With the same rows and columns (a new alpha, start or precision of the same source)
        the cells change in place: the view keeps its selection and current cell, and
        repaints only the columns that change (from f(x) on when only the alphas moved,
        from x on otherwise, and the i cells of the rows where the zero crossing was and
        is). Another source, or another count or number of columns, resets the model.
        """
        if source == self._source:
            return
        before = self._source
        if (
            source.count != before.count
            or len(source.alphas) != len(before.alphas)
            or not source.same_source(before)
        ):
            self.beginResetModel()
            self._source = source
            self._crossing = source.zero_crossing_index()
            self.endResetModel()
            return
        headers, crossing = self.headers(), self._crossing
        first = COLUMN_F if source.same_x(before) else COLUMN_X  # i is the row number
        self._source = source
        self._crossing = source.zero_crossing_index()
        if source.count:
            self.dataChanged.emit(self.index(0, first), self.index(source.count - 1, self.columnCount() - 1))
        if self._crossing != crossing:  # the highlight moves in column i too
            for row in {r for r in (crossing, self._crossing) if r is not None}:
                self.dataChanged.emit(self.index(row, COLUMN_I), self.index(row, COLUMN_I), _HIGHLIGHT_ROLES)
        if self.headers() != headers:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)

    def headers(self) -> list[str]:
        pinned = [f"f(x; alpha={format_label(a)})" for a in self._source.alphas[1:]]
        return [*BASE_HEADERS, *pinned]

    def rows_as_text(self, rows: Iterable[int], decimal_comma: bool = False) -> str:
        """The given rows with the header line as tab-separated text, as spreadsheets paste cells.

        With ``decimal_comma`` the numbers use ',' as the decimal point (the header too).
        """
        return self.runs_as_text(_runs(rows), decimal_comma)

    def runs_as_text(self, runs: Iterable[tuple[int, int]], decimal_comma: bool = False) -> str:
        """As ``rows_as_text``, for runs of rows [lo, hi): a selection's ranges, never a row list."""
        from leaky_gui.calc.csv_export import table_text  # numpy text tables: loaded on the first copy

        return csv_line(self.headers(), decimal_comma, "\t") + table_text(self._source, runs, decimal_comma)

    # -- Qt's API --------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else self._source.count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(BASE_HEADERS) + len(self._source.alphas) - 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell_text(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT
        if role == Qt.ItemDataRole.ToolTipRole and not self._source.exact:
            tip = self._rounding_tip(row, index.column())
            if tip is not None:
                return tip
        if row == self._crossing:
            if role == Qt.ItemDataRole.BackgroundRole:
                return self._crossing_brush
            if role == Qt.ItemDataRole.FontRole:
                return self._bold
            if role == Qt.ItemDataRole.ToolTipRole:
                return translate("SweepTableModel", "The sweep reaches x = 0 here: the kink of f")
        return None

    def _cell_text(self, row: int, column: int) -> str:
        p = self._source
        if column == COLUMN_I:
            return str(row)
        if column == COLUMN_X:
            return p.text(p.x(row))
        if column == COLUMN_F:
            return p.text(p.f(row))
        if column == COLUMN_DF:
            return p.text(p.df(row))
        return p.text(p.f(row, self._alpha_of(column)))

    def _alpha_of(self, column: int) -> Decimal:
        """The alpha of an f column."""
        return (
            self._source.alpha if column == COLUMN_F else self._source.alphas[column - len(BASE_HEADERS) + 1]
        )

    def _rounding_tip(self, row: int, column: int) -> str | None:
        """In a framework precision, how far an f cell is from the exact decimal result."""
        p = self._source
        if p.exact or column in (COLUMN_I, COLUMN_X, COLUMN_DF):
            return None
        alpha = self._alpha_of(column)
        exact = p.exact_f_decimal(row, alpha)
        if not exact.is_finite():  # NaN and ±inf in stored values are what they are
            return None
        return translate("SweepTableModel", "{precision} holds f(x) as {note}").format(
            precision=p.precision, note=rounding_note(p.f(row, alpha), exact, p.precision)
        )

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            headers = self.headers()
            return headers[section] if 0 <= section < len(headers) else None
        return str(section)


def _runs(rows: Iterable[int]) -> Iterator[tuple[int, int]]:
    """Consecutive rows as half-open runs [lo, hi), in the order given."""
    lo = hi = -1
    for row in rows:
        if row != hi:
            if hi >= 0:
                yield lo, hi
            lo = row
        hi = row + 1
    if hi >= 0:
        yield lo, hi
