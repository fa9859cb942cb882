"""One column of exact decimals from blocks of text lines (no Qt): the text readers' engine.

The first line decides the layout (separator, header, column); each block of whole lines
is then parsed a block at a time by the text engine's vectorised path (``scan_cells``) and
cell by cell with ``parse_decimal`` where it leaves a cell (longer significands, words,
values beyond the doubles), and every problem names the line and column.
``leaky_gui.calc.readers`` feeds it blocks and turns its column into ``Values``.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from decimal import Decimal
from typing import NamedTuple

import numpy as np

from leaky_gui.calc.decimal_columns import ColumnPieces, joined_columns
from leaky_gui.calc.exact import ExactNumber
from leaky_gui.calc.text import ParameterError, TextError, kernel_decimals, parse_decimal, scan_cells
from leaky_gui.calc.text.parse import exact_columns, pad_block
from leaky_gui.calc.value_data import DecimalColumn, ValuesFileError, find_extent
from leaky_gui.calc.values import Values

__all__ = ["MAX_LINE_BYTES", "TextColumnReader", "checked", "line_too_long", "not_text"]

_PIECE_ROWS = 1 << 13  # cells parsed in pieces: their arrays stay in the caches (and off mmap)
#: No file of numbers has a line this long: such a line ends the read (``/dev/zero`` has one).
MAX_LINE_BYTES = 1 << 20


def not_text(name: str) -> ValuesFileError:
    return ValuesFileError(
        f"{name}: not a text file (it holds NUL or other binary bytes); "
        "open a CSV, TSV or text file of numbers (UTF-8 or UTF-16), or a .npy"
    )


def line_too_long(name: str) -> ValuesFileError:
    return ValuesFileError(
        f"{name}: a line longer than {MAX_LINE_BYTES // (1 << 20)} MB; not a file of numbers as text"
    )


def _bad_bytes(block: bytes | bytearray, name: str) -> tuple[int, ValuesFileError] | None:
    """Where the first line that refuses the file starts (a NUL byte, or longer than
    MAX_LINE_BYTES), and the error; None if no line does (memchr-fast, no copies).

    A line that long holds a whole aligned window of half the bound: only a window with no
    newline needs its line measured.
    """
    found: tuple[int, ValuesFileError] | None = None
    nul = block.find(b"\x00")
    if nul >= 0:
        found = (block.rfind(b"\n", 0, nul) + 1, not_text(name))
    window = MAX_LINE_BYTES // 2
    for lo in range(0, (nul if nul >= 0 else len(block)) - window + 1, window):
        if block.find(b"\n", lo, lo + window) < 0:
            start = block.rfind(b"\n", 0, lo) + 1
            end = block.find(b"\n", lo)
            if (end if end >= 0 else len(block)) - start > MAX_LINE_BYTES:
                return start, line_too_long(name)
    return found


def checked(make: Callable[[], Values]) -> Values:
    """``make()``, with a value the doubles cannot hold said as the file's problem."""
    try:
        return make()
    except ParameterError as exc:  # alpha times the largest x beyond the doubles
        raise ValuesFileError(str(exc)) from None


class TextColumnReader:
    """Turns blocks of whole lines into one column of exact decimals."""

    def __init__(
        self,
        name: str,
        column: str | int | None,
        decimal_comma: bool | None,
        separator: str | None = None,
        alphas: tuple[Decimal, ...] | None = None,
    ) -> None:
        self.alphas = alphas  # the values' alphas (None: the default), checked as each part is made
        self.separator_wanted = separator
        self.name = name
        self.column_wanted = column
        self.decimal_comma_wanted = decimal_comma
        self.decimal_comma = bool(decimal_comma)
        self.separator: bytes | None = None
        self.n_columns = 0
        self.column = 0  # 0-based
        self.line = 0  # lines before the current block
        self.started = False
        self.parts: list[Part] = []  # read, not yet drained
        self.count = 0  # values in the blocks prepared

    # -- errors ---------------------------------------------------------------

    def _error(self, line: int, message: str, column: int | None = None) -> ValuesFileError:
        where = f"{self.name} line {line:,}" + (f", column {column + 1}" if column is not None else "")
        return ValuesFileError(f"{where}: {message}")

    def _cell_error(self, line: int, cell: str, problem: ParameterError | None) -> ValuesFileError:
        column = self.column if self.separator is not None else None
        text = cell.strip()
        if not text:
            return self._error(
                line, "the cell is empty" if column is not None else "the line is empty", column
            )
        code = problem.code if problem is not None else TextError.NOT_A_NUMBER
        if code == TextError.NOT_FINITE:
            return self._error(
                line, f"{text!r} is not a finite number (NaN and inf are only read from .npy)", column
            )
        if code == TextError.DECIMAL_COMMA:
            return self._error(
                line, f"{text!r} has a decimal comma; read the file with decimal commas", column
            )
        if code in (TextError.TOO_SMALL, TextError.TOO_LARGE) and problem is not None:
            return self._error(line, problem.message, column)
        if code == TextError.COMMA_LAYOUT and problem is not None:
            return self._error(line, f"{text!r}: {problem.message}", column)
        return self._error(line, f"{text!r} is not a number", column)

    # -- the first line decides the layout --------------------------------------

    def _start(self, first: str) -> bool:
        """Decide separator, header and column from the first line; True if it is a header."""
        self.started = True
        if not first.strip():
            raise self._error(1, "the line is empty")
        if self.separator_wanted is not None:
            self.separator = self.separator_wanted.encode() if self.separator_wanted in first else None
        elif "\t" in first:
            self.separator = b"\t"
        elif ";" in first:
            self.separator = b";"
        elif "," in first and not self.decimal_comma_wanted:
            self.separator = b","
        if self.decimal_comma_wanted is None:
            self.decimal_comma = self.separator == b";"
        cells = self._split(first)
        self.n_columns = len(cells)
        # Empty cells say nothing: a copied range with a blank column is no header.
        header = not all(self._looks_numeric(c) for c in cells if c.strip())
        names = [c.strip().strip('"').strip() for c in cells]
        wanted = self.column_wanted
        if isinstance(wanted, str) and wanted.strip().isdigit():
            wanted = int(wanted.strip())
        if isinstance(wanted, int):
            if not 1 <= wanted <= self.n_columns:
                raise self._error(
                    1, f"there is no column {wanted}; the lines have {self.n_columns} column(s)"
                )
            self.column = wanted - 1
        elif isinstance(wanted, str):
            if not header:
                raise ValuesFileError(
                    f"{self.name}: no header row to find column {wanted!r} in (give its number)"
                )
            if wanted.strip() not in names:
                raise ValuesFileError(
                    f"{self.name}: no column named {wanted.strip()!r}; the header has {', '.join(map(repr, names))}"
                )
            self.column = names.index(wanted.strip())
        elif self.n_columns == 1:
            self.column = 0
        else:
            self.column = -1  # the first numeric column of the first data line
        self.header_names = names if header else None
        return header

    def _split(self, line: str) -> list[str]:
        if self.separator is None:
            return [line]
        if '"' in line:
            try:
                return next(csv.reader([line], delimiter=self.separator.decode()))
            except csv.Error as exc:  # stray bytes that no CSV has
                raise ValuesFileError(f"{self.name}: not a file of numbers as text ({exc})") from None
        return line.split(self.separator.decode())

    def _looks_numeric(self, cell: str) -> bool:
        """A number, or one out of range (1e999, nan): not a header's name, an error to report."""
        try:
            parse_decimal(cell.strip().strip('"'), decimal_comma=self.decimal_comma)
        except ParameterError as exc:
            return exc.code in (TextError.NOT_FINITE, TextError.TOO_LARGE, TextError.TOO_SMALL)
        return True

    def _is_number(self, cell: str) -> bool:
        try:
            parse_decimal(cell.strip().strip('"'), decimal_comma=self.decimal_comma)
        except ParameterError:
            return False
        return True

    # -- blocks -------------------------------------------------------------------

    def feed(self, block: bytes | bytearray, final: bool = False) -> None:
        """Read a block of whole lines (``final``: the last line may lack its newline)."""
        self.take(self.prepare(block, final)())

    def prepare(self, block: bytes | bytearray, final: bool = False) -> Callable[[], Part | None]:
        """The layout from the first line, here and in order; then the work of reading the
        block's lines, which any thread may do (it changes nothing here) and ``take`` keeps,
        in the order the blocks were prepared."""
        if not block:
            return _nothing
        bad = _bad_bytes(block, self.name)
        if bad is not None:  # the lines before it first, in their turn, then the error
            read = self.prepare(block[: bad[0]]) if bad[0] else _nothing
            return _then_raise(read, bad[1])
        if not self.started:
            if block.startswith(b"\xef\xbb\xbf"):  # a UTF-8 byte-order mark, as spreadsheets write
                block = block[3:]
            end = block.find(b"\n")
            first = block[: end if end >= 0 else len(block)].decode("utf-8", "replace").rstrip("\r")
            if self._start(first):
                self.line += 1
                block = block[end + 1 :] if end >= 0 else b""
                if not block:
                    return _nothing
        if self.column < 0:
            end = block.find(b"\n")
            self._choose_column(block[: end if end >= 0 else len(block)].rstrip(b"\r"))
        newlines = int(
            np.count_nonzero(np.frombuffer(block, dtype=np.uint8) == 10)
        )  # bytes.count: 10x slower
        lines = newlines + (0 if block.endswith(b"\n") or not final else 1)
        line = self.line
        self.line += lines
        self.count += lines
        return lambda: Part(self._read_lines(block, final, line), line)

    def take(self, part: Part | None) -> None:
        """Keep a block's values (what ``prepare``'s work made), in the order they were prepared."""
        if part is not None:
            self.parts.append(part)

    def _read_lines(self, block: bytes | bytearray, final: bool, line: int) -> DecimalColumn:
        """The block's values (its lines after ``line``), their extent found too."""
        by_kernel = self._kernel_decimals(block, final)
        if by_kernel is not None:
            return by_kernel
        buf = np.frombuffer(block, dtype=np.uint8)
        if not final or block.endswith(b"\n"):
            ends = np.flatnonzero(buf == 10)
        else:
            ends = np.append(np.flatnonzero(buf == 10), buf.size)
        if not ends.size:
            return ColumnPieces().made()
        starts = np.empty_like(ends)
        starts[0] = 0
        np.add(ends[:-1], 1, out=starts[1:])
        if b"\r" in block:
            ends -= (ends > starts) & (buf[np.maximum(ends - 1, 0)] == 13)
        column = ColumnPieces()
        if not ends.size:
            return column.made()
        cells = None if b'"' in block else self._cells(buf, starts, ends, line)
        if cells is None:
            self._parse_slowly(block, starts, ends, line, column)
        else:
            self._parse(buf, block, cells[0], cells[1], line, column)
        data = column.made()
        data.keep_doubles()  # for its extent now, and the histogram once the read is whole
        find_extent(data)
        return data

    def _kernel_decimals(self, block: bytes | bytearray, final: bool) -> DecimalColumn | None:
        """The block's values by the compiled kernel, where it was built and takes every line."""
        if self.separator is None:  # one value a line
            separator, column, n_columns = None, 0, 1
        elif 0 <= self.column < self.n_columns:
            separator, column, n_columns = self.separator[0], self.column, self.n_columns
        else:
            return None
        made = kernel_decimals(
            block, final, ord(",") if self.decimal_comma else ord("."), separator, column, n_columns
        )
        if made is None:
            return None
        numerators, scales, doubles, wide = made
        pieces = ColumnPieces()
        rows = np.flatnonzero(wide)
        if rows.size:  # as _parse keeps them: exact_of's numbers
            w, q = numerators[rows].view(np.uint64), scales[rows]
            pieces.keep_wide(numerators, scales, rows, w, q, wide[rows] == 2)
        pieces.append(numerators, scales)
        data = pieces.made()
        data.keep_doubles(doubles)
        find_extent(data)
        return data

    def _choose_column(self, first_line: bytes | bytearray) -> None:
        cells = self._split(first_line.decode("utf-8", "replace"))
        for k, cell in enumerate(cells):
            if self._is_number(cell):
                self.column = k
                return
        raise self._error(self.line + 1, "no column holds a number")

    def _cells(
        self, buf: np.ndarray, starts: np.ndarray, ends: np.ndarray, line: int
    ) -> tuple[np.ndarray, np.ndarray]:
        """The chosen cell's [start, end) on each line; a ragged line is an error."""
        if self.separator is None:
            return starts, ends
        seps = np.flatnonzero(buf == self.separator[0])
        first = np.searchsorted(seps, starts)
        n_seps = np.searchsorted(seps, ends) - first
        ragged = np.flatnonzero(n_seps != self.n_columns - 1)
        if ragged.size:
            r = int(ragged[0])
            if starts[r] == ends[r]:
                raise self._error(line + r + 1, "the line is empty")
            raise self._error(
                line + r + 1, f"{int(n_seps[r]) + 1} cells where the first line has {self.n_columns}"
            )
        k = self.column
        cell_starts = starts if k == 0 else seps[first + k - 1] + 1
        cell_ends = ends if k == self.n_columns - 1 else seps[first + k]
        return cell_starts, cell_ends

    def _parse_slowly(
        self, block: bytes | bytearray, starts: np.ndarray, ends: np.ndarray, line: int, column: ColumnPieces
    ) -> None:
        """Lines with quotes: the csv module splits them, parse_decimal reads each cell."""
        num = np.zeros(starts.size, dtype=np.int64)
        scales = np.zeros(starts.size, dtype=np.int16)
        for r, (a, b) in enumerate(zip(starts.tolist(), ends.tolist(), strict=True)):
            text = block[a:b].decode("utf-8", "replace")
            cells = self._split(text)
            if len(cells) != self.n_columns:
                if not text:
                    raise self._error(line + r + 1, "the line is empty")
                raise self._error(
                    line + r + 1, f"{len(cells)} cells where the first line has {self.n_columns}"
                )
            column.keep_one(num, scales, r, ExactNumber.of(self._decimal(cells[self.column], line + r + 1)))
        column.append(num, scales)

    def _decimal(self, cell: str, line: int) -> Decimal:
        text = cell.strip()
        if len(text) >= 2 and text[0] == text[-1] == '"':
            text = text[1:-1]
        try:
            return parse_decimal(text, decimal_comma=self.decimal_comma)
        except ParameterError as exc:
            raise self._cell_error(line, cell, exc) from None

    def _parse(
        self,
        buf: np.ndarray,
        block: bytes | bytearray,
        cell_starts: np.ndarray,
        cell_ends: np.ndarray,
        line: int,
        column: ColumnPieces,
    ) -> None:
        """Cells the text engine reads in numpy, a piece at a time; the others one by one."""
        point = ord(",") if self.decimal_comma else ord(".")
        padded = pad_block(buf)
        for lo in range(0, cell_starts.size, _PIECE_ROWS):
            starts, ends = cell_starts[lo : lo + _PIECE_ROWS], cell_ends[lo : lo + _PIECE_ROWS]
            scanned = scan_cells(buf, starts, ends, point, padded=padded)
            num, scales, slow = exact_columns(scanned)
            if not slow.any():
                column.append(num, scales)
                continue
            # Scanned, but beyond int64 (19 digits from 9.22e18, as %.18e writes): no second look.
            q = scanned.q
            wide = scanned.fast & slow & (q >= -290) & (q <= 260)
            rows = np.flatnonzero(wide)
            if rows.size:
                column.keep_wide(num, scales, rows, scanned.w[rows], q[rows], scanned.negative[rows])
            for r in np.flatnonzero(slow & ~wide).tolist():
                cell = block[starts[r] : ends[r]].decode("utf-8", "replace")
                column.keep_one(num, scales, r, ExactNumber.of(self._decimal(cell, line + lo + r + 1)))
            column.append(num, scales)

    def drain(self) -> Values | None:
        """The values read since the last drain, as a part of their own (None if none)."""
        if not self.parts:
            return None
        parts, self.parts = self.parts, []
        data = joined_columns([p.data for p in parts])
        try:
            return (
                Values(data, name=self.name)
                if self.alphas is None
                else Values(data, self.alphas, name=self.name)
            )
        except ParameterError as exc:  # alpha times an x beyond the doubles
            if exc.row is None:
                raise ValuesFileError(str(exc)) from None
            column = self.column if self.separator is not None else None
            line = parts[0].line + exc.row + 1
            raise self._error(line, exc.message, column) from None


class Part(NamedTuple):
    """A block's values, and the line before its first."""

    data: DecimalColumn
    line: int


def _nothing() -> None:
    return None


def _then_raise(read: Callable[[], Part | None], error: ValuesFileError) -> Callable[[], Part | None]:
    """The work of a block with a line that refuses the file: the lines before it are read
    first (their errors come first, in file order), then ``error``."""

    def work() -> Part | None:
        read()
        raise error

    return work
