"""Reading the user's x values from files, safely and lazily (no Qt): ``read_values``.

* Text (CSV, TSV, plain text): one number per line, or one column chosen by number
  (1 = the first) or by its header's name. The separator is the first line's: a tab, else
  ``;``, else ``,`` (never with decimal commas), else none. A first line that is not all
  numbers is a header. Each cell is a decimal as typed, read exactly as the input boxes
  read it; with decimal commas (``decimal_comma=True``, or by default when ``;`` separates
  the columns, as spreadsheets in decimal-comma locales write them) one ``,`` is the point.
  Empty cells, words, NaN and inf are errors. Cells are parsed a block of lines at a time
  with numpy; only cells outside the plain form go through ``parse_decimal`` one by one.
* ``.npy``: float16, float32, float64 or any integer type, any shape (flattened in C
  order), opened with ``np.load(mmap_mode="r", allow_pickle=False)`` and never copied whole.
  Object arrays, ``.npz``, ``.pt`` and pickles are refused with what to do instead.

Every problem is a ``ValuesFileError`` with one message naming the file and, for text, the
line and column. ``progress(done, total)`` reports bytes read (or values scanned) and
``should_stop()`` is asked between blocks: a stop raises ``ValuesCancelled`` and keeps
nothing. A reader either returns whole ``Values`` or raises; it changes nothing on disk.
"""

from __future__ import annotations

import csv
import io
import os
import sys
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import BinaryIO

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from leaky_gui.calc.numtext import ParameterError, parse_decimal
from leaky_gui.calc.sweep import ExactNumber
from leaky_gui.calc.values import (
    DecimalColumn,
    StoredArray,
    Values,
    ValuesCancelled,
    find_extent,
)

__all__ = ["STDIN", "ValuesCancelled", "ValuesFileError", "read_npy", "read_text", "read_values"]

STDIN = "-"
BLOCK_BYTES = 1 << 23  # text is parsed about 8 MB at a time
_PIECE_BYTES = 1 << 20  # the one-number-a-line fast path parses a block in pieces of about 1 MB
_FAST_WIDTH = 24  # cells longer than this go through parse_decimal
_FAST_DIGITS = 18  # at most this many mantissa digits fit int64 for sure
_INT64_SAFE = 1 << 62
_NPY_MAGIC = b"\x93NUMPY"
_ZIP_MAGIC = b"PK\x03\x04"
_SAVE_HINT = "save the tensor with np.save(path, tensor.numpy()) and open the .npy"

Progress = Callable[[int, int], None]
ShouldStop = Callable[[], bool]


class ValuesFileError(ValueError):
    """A file that gives no values: one message naming the file (and line and column)."""


# ---------------------------------------------------------------------------
# The entry point


def read_values(
    path: str | os.PathLike[str],
    column: str | int | None = None,
    decimal_comma: bool | None = None,
    progress: Progress | None = None,
    should_stop: ShouldStop | None = None,
    *,
    stdin: BinaryIO | None = None,
) -> Values:
    """The x values in a file (``-``: standard input), or ValuesFileError saying why not.

    ``column`` picks a text column by number (1 = the first) or header name; by default the
    only column, or the first whose first value is a number. A ``.npy`` is mapped, not read;
    text is parsed whole into exact decimals (about 10 bytes a value).
    """
    parts = list(iter_values(path, column, decimal_comma, progress, should_stop, stdin=stdin))
    if len(parts) == 1:
        return parts[0]
    blocks = [part.data for part in parts]
    assert all(isinstance(block, DecimalColumn) for block in blocks)
    return _checked(lambda: Values(_joined(blocks), name=parts[0].name))  # type: ignore[arg-type]


def iter_values(
    path: str | os.PathLike[str],
    column: str | int | None = None,
    decimal_comma: bool | None = None,
    progress: Progress | None = None,
    should_stop: ShouldStop | None = None,
    *,
    stdin: BinaryIO | None = None,
) -> Iterator[Values]:
    """The values of a file as consecutive parts, for streaming with flat memory.

    A ``.npy`` is one part (mapped, and written a chunk at a time); text is one part per
    block of lines, each checked whole before it is yielded. An error may come after some
    parts: a caller that must write nothing on error writes to a temporary file first.
    """
    if str(path) == STDIN:
        stream = stdin if stdin is not None else sys.stdin.buffer
        head = _peek(stream)
        if head.startswith(_NPY_MAGIC):
            yield _npy_from_bytes(stream.read(), "standard input")
            return
        _refuse_binary(head, "standard input")
        yield from _text_parts(stream, "standard input", column, decimal_comma, progress, should_stop)
        return
    target = Path(path)
    name = target.name or str(path)
    try:
        size = target.stat().st_size
        with open(target, "rb") as stream:
            head = stream.read(8)
            if head.startswith(_NPY_MAGIC) or target.suffix.lower() == ".npy":
                yield read_npy(target, progress, should_stop)
                return
            _refuse_binary(head, name, target.suffix.lower())
            stream.seek(0)
            yield from _text_parts(stream, name, column, decimal_comma, progress, should_stop, size=size)
    except IsADirectoryError:
        raise ValuesFileError(f"{name}: is a folder; give a file") from None
    except FileNotFoundError:
        raise ValuesFileError(f"{name}: no such file") from None
    except PermissionError:
        raise ValuesFileError(f"{name}: not allowed to read it") from None
    except OSError as exc:
        raise ValuesFileError(f"{name}: cannot read it: {exc.strerror or exc}") from None


def _joined(blocks: list[DecimalColumn]) -> DecimalColumn:
    big: dict[int, ExactNumber] = {}
    offset = 0
    for block in blocks:
        big.update((offset + i, e) for i, e in block.big.items())
        offset += block.count
    return DecimalColumn(
        np.concatenate([b.numerators for b in blocks]),
        np.concatenate([b.scales for b in blocks]),
        np.array(sorted(big), dtype=np.int64),
        big,
    )


def _peek(stream: BinaryIO) -> bytes:
    peek = getattr(stream, "peek", None)
    return peek(8)[:8] if peek is not None else b""


def _refuse_binary(head: bytes, name: str, suffix: str = "") -> None:
    if suffix == ".npz" or (head.startswith(_ZIP_MAGIC) and suffix not in {".pt", ".pth"}):
        raise ValuesFileError(
            f"{name}: an .npz archive is not read (it would load into memory and may hold pickles); "
            "save one array with np.save(path, array) and open the .npy"
        )
    if suffix in {".pt", ".pth", ".pkl", ".pickle"} or head.startswith(_ZIP_MAGIC) or head[:1] == b"\x80":
        raise ValuesFileError(
            f"{name}: PyTorch and pickle files are never loaded (they can run code); {_SAVE_HINT}"
        )


# ---------------------------------------------------------------------------
# .npy


def read_npy(
    path: str | os.PathLike[str], progress: Progress | None = None, should_stop: ShouldStop | None = None
) -> Values:
    """A ``.npy`` mapped read-only; its header is checked before numpy maps it."""
    target = Path(path)
    name = target.name
    with open(target, "rb") as stream:
        dtype, shape, offset = _npy_header(stream, name)
    expected = offset + int(np.prod(shape, dtype=np.int64)) * dtype.itemsize
    size = target.stat().st_size
    if size < expected:
        raise ValuesFileError(
            f"{name}: truncated: the header promises {expected - offset:,} bytes of data, the file holds {max(size - offset, 0):,}"
        )
    try:
        array = np.load(target, mmap_mode="r", allow_pickle=False)
    except (ValueError, OSError) as exc:
        raise ValuesFileError(f"{name}: not a readable .npy: {exc}") from None
    return _values_of_array(array, name, progress, should_stop)


def _npy_from_bytes(data: bytes, name: str) -> Values:
    stream = io.BytesIO(data)
    dtype, shape, offset = _npy_header(stream, name)
    expected = offset + int(np.prod(shape, dtype=np.int64)) * dtype.itemsize
    if len(data) < expected:
        raise ValuesFileError(
            f"{name}: truncated .npy: {len(data) - offset:,} of {expected - offset:,} bytes of data"
        )
    stream.seek(0)
    return _values_of_array(np.load(stream, allow_pickle=False), name)


def _npy_header(stream: BinaryIO, name: str) -> tuple[np.dtype, tuple[int, ...], int]:
    """(dtype, shape, data offset), refusing what is not a plain float or integer array."""
    fmt = np.lib.format
    try:
        version = fmt.read_magic(stream)
        if version == (1, 0):
            shape, _fortran, dtype = fmt.read_array_header_1_0(stream)
        else:
            shape, _fortran, dtype = fmt.read_array_header_2_0(stream)
    except (ValueError, OSError, SyntaxError) as exc:
        raise ValuesFileError(f"{name}: not a readable .npy ({exc})") from None
    if dtype.hasobject:
        raise ValuesFileError(
            f"{name}: holds Python objects, which would need a pickle to load and are never loaded; "
            f"{_SAVE_HINT}, or np.save(path, np.asarray(values, dtype=np.float32))"
        )
    if dtype.fields is not None or dtype.subdtype is not None:
        raise ValuesFileError(f"{name}: a structured array; save the one column of x as its own .npy")
    if not (dtype.kind in "iu" or (dtype.kind == "f" and dtype.itemsize in (2, 4, 8))):
        raise ValuesFileError(
            f"{name}: holds {dtype.name} values; only float16, float32, float64 and integer arrays are read"
        )
    return dtype, shape, stream.tell()


def _values_of_array(
    array: np.ndarray, name: str, progress: Progress | None = None, should_stop: ShouldStop | None = None
) -> Values:
    if array.size == 0:
        raise ValuesFileError(f"{name}: holds no values (shape {array.shape})")
    data = StoredArray(array)
    find_extent(data, progress, should_stop)
    return _checked(lambda: Values(data, name=name, shape=tuple(array.shape)))


def _checked(make: Callable[[], Values]) -> Values:
    try:
        return make()
    except ParameterError as exc:  # alpha times the largest x beyond the doubles
        raise ValuesFileError(str(exc)) from None


# ---------------------------------------------------------------------------
# Text


def read_text(
    stream: BinaryIO,
    name: str,
    column: str | int | None = None,
    decimal_comma: bool | None = None,
    progress: Progress | None = None,
    should_stop: ShouldStop | None = None,
    *,
    size: int = 0,
    separator: str | None = None,
) -> Values:
    """Values from CSV, TSV or plain text in ``stream``, parsed a block of lines at a time.

    ``separator`` fixes the cells' separator (a spreadsheet's clipboard: a tab, so that
    ``1,5`` is one cell); by default the first line's decides.
    """
    parts = [
        p.data
        for p in _text_parts(
            stream, name, column, decimal_comma, progress, should_stop, size=size, separator=separator
        )
    ]
    return _checked(lambda: Values(_joined(parts), name=name))  # type: ignore[arg-type]


def _text_parts(
    stream: BinaryIO,
    name: str,
    column: str | int | None,
    decimal_comma: bool | None,
    progress: Progress | None,
    should_stop: ShouldStop | None,
    *,
    size: int = 0,
    separator: str | None = None,
) -> Iterator[Values]:
    reader = _TextColumnReader(name, column, decimal_comma, separator)
    done = 0
    tail = b""
    while True:
        if should_stop is not None and should_stop():
            raise ValuesCancelled
        data = stream.read(BLOCK_BYTES)
        done += len(data)
        if not data:
            if tail:
                reader.feed(tail, final=True)
            break
        data = tail + data
        cut = data.rfind(b"\n") + 1
        if cut:
            reader.feed(data[:cut])
            tail = data[cut:]
        else:
            tail = data
        if progress is not None:
            progress(done, max(size, done))
        part = reader.drain()
        if part is not None:
            yield part
    part = reader.drain()
    if part is not None:
        yield part
    if not reader.count:
        raise ValuesFileError(
            f"{name}: holds no values" + (" (only a header)" if reader.line else " (empty)")
        )


class _TextColumnReader:
    """Turns blocks of whole lines into one column of exact decimals."""

    def __init__(
        self, name: str, column: str | int | None, decimal_comma: bool | None, separator: str | None = None
    ) -> None:
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
        self.numerators: list[np.ndarray] = []
        self.scales: list[np.ndarray] = []
        self.typed: list[tuple[np.ndarray, np.ndarray] | None] = []
        self.big: dict[int, ExactNumber] = {}
        self.count = 0

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
        message = problem.message if problem is not None else ""
        if message.startswith("not a number") or not message:
            return self._error(line, f"{text!r} is not a number", column)
        if "finite" in message:
            return self._error(
                line, f"{text!r} is not a finite number (NaN and inf are only read from .npy)", column
            )
        if message.startswith("use '.'"):
            return self._error(
                line,
                f"{text!r} has a decimal comma; read the file with decimal commas",
                column,
            )
        return self._error(line, f"{text!r}: {message}", column)

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
            return not (exc.message.startswith(("not a number", "is empty", "use '.'", "write one")))
        return True

    def _is_number(self, cell: str) -> bool:
        try:
            parse_decimal(cell.strip().strip('"'), decimal_comma=self.decimal_comma)
        except ParameterError:
            return False
        return True

    # -- blocks -------------------------------------------------------------------

    def feed(self, block: bytes, final: bool = False) -> None:
        if not block:
            return
        if not self.started:
            if block.startswith(b"\xef\xbb\xbf"):  # a UTF-8 byte-order mark, as spreadsheets write
                block = block[3:]
            end = block.find(b"\n")
            first = block[: end if end >= 0 else len(block)].decode("utf-8", "replace").rstrip("\r")
            if self._start(first):
                self.line += 1
                block = block[end + 1 :] if end >= 0 else b""
                if not block:
                    return
        buf = np.frombuffer(block, dtype=np.uint8)
        if self.separator is None and b"\r" not in block and b'"' not in block:
            run = buf if block.endswith(b"\n") else np.append(buf, np.uint8(_NEWLINE))
            if self._parse_lines(run):
                return
            fast = parse_fixed_point_run(run, self.decimal_comma)  # one number a line: the block is the run
            if fast is not None:
                self._append(*fast)
                self.line += fast[0].size
                return
        if not final or block.endswith(b"\n"):
            ends = np.flatnonzero(buf == 10)
        else:
            ends = np.append(np.flatnonzero(buf == 10), buf.size)
        starts = np.concatenate(([0], ends[:-1] + 1))
        crlf = (ends > starts) & (buf[np.maximum(ends - 1, 0)] == 13)
        ends = ends - crlf
        if self.column < 0:
            self._choose_column(block, starts, ends)
        if b'"' in block:
            cell_starts, cell_ends = None, None
        else:
            cell_starts, cell_ends = self._cells(buf, starts, ends)
        if cell_starts is None:
            self._parse_slowly(block, starts, ends)
        else:
            self._parse(buf, block, cell_starts, cell_ends)
        self.line += starts.size

    def _parse_lines(self, run: np.ndarray) -> bool:
        """One number a line, each with a point: parsed a piece of about 1 MB at a time (the
        temporaries stay in the caches), or False (nothing kept) if a piece is not all such lines."""
        parts = []
        lo = 0
        while lo < run.size:
            hi = run.size
            if hi - lo > _PIECE_BYTES:  # cut after the last newline of the piece's last 64 bytes
                near = np.flatnonzero(run[lo + _PIECE_BYTES - 64 : lo + _PIECE_BYTES] == _NEWLINE)
                if not near.size:
                    return False  # a line longer than the fast path's
                hi = lo + _PIECE_BYTES - 64 + int(near[-1]) + 1
            lines = parse_fixed_point_lines(run[lo:hi], self.decimal_comma)
            if lines is None:
                return False
            parts.append(lines)
            lo = hi
        for num, scales, typed, verbatim in parts:
            self._append(num, scales, (typed, verbatim))
            self.line += num.size
        return True

    def _choose_column(self, block: bytes, starts: np.ndarray, ends: np.ndarray) -> None:
        cells = self._split(block[starts[0] : ends[0]].decode("utf-8", "replace"))
        for k, cell in enumerate(cells):
            if self._is_number(cell):
                self.column = k
                return
        raise self._error(self.line + 1, "no column holds a number")

    def _cells(self, buf: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
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
                raise self._error(self.line + r + 1, "the line is empty")
            raise self._error(
                self.line + r + 1, f"{int(n_seps[r]) + 1} cells where the first line has {self.n_columns}"
            )
        k = self.column
        cell_starts = starts if k == 0 else seps[first + k - 1] + 1
        cell_ends = ends if k == self.n_columns - 1 else seps[first + k]
        return cell_starts, cell_ends

    def _parse_slowly(self, block: bytes, starts: np.ndarray, ends: np.ndarray) -> None:
        """Lines with quotes: the csv module splits them, parse_decimal reads each cell."""
        values = []
        for r, (a, b) in enumerate(zip(starts.tolist(), ends.tolist(), strict=True)):
            line = block[a:b].decode("utf-8", "replace")
            cells = self._split(line)
            if len(cells) != self.n_columns:
                if not line:
                    raise self._error(self.line + r + 1, "the line is empty")
                raise self._error(
                    self.line + r + 1, f"{len(cells)} cells where the first line has {self.n_columns}"
                )
            values.append(self._decimal(cells[self.column], self.line + r + 1))
        self._keep_exact(values)

    def _decimal(self, cell: str, line: int) -> Decimal:
        text = cell.strip()
        if len(text) >= 2 and text[0] == text[-1] == '"':
            text = text[1:-1]
        try:
            return parse_decimal(text, decimal_comma=self.decimal_comma)
        except ParameterError as exc:
            raise self._cell_error(line, cell, exc) from None

    def _keep_exact(self, values: list[Decimal]) -> None:
        num = np.zeros(len(values), dtype=np.int64)
        scales = np.zeros(len(values), dtype=np.int16)
        for r, value in enumerate(values):
            self._keep_one(num, scales, r, ExactNumber.of(value))
        self._append(num, scales)

    def _keep_one(self, num: np.ndarray, scales: np.ndarray, r: int, exact: ExactNumber) -> None:
        if abs(exact.numerator) < _INT64_SAFE and exact.scale < 2**15:
            num[r], scales[r] = exact.numerator, exact.scale
        else:
            self.big[self.count + r] = exact

    def _append(
        self, num: np.ndarray, scales: np.ndarray, typed: tuple[np.ndarray, np.ndarray] | None = None
    ) -> None:
        self.numerators.append(num)
        self.scales.append(scales)
        self.typed.append(typed)
        self.count += num.size

    def _parse(self, buf: np.ndarray, block: bytes, cell_starts: np.ndarray, cell_ends: np.ndarray) -> None:
        """Plain cells ([+-]digits[.digits][e[+-]digits]) in numpy; the others one by one."""
        fast = parse_fixed_point_cells(buf, cell_starts, cell_ends, self.decimal_comma)
        if fast is not None:
            self._append(*fast)
            return
        num, scales, slow = parse_plain_cells(buf, cell_starts, cell_ends, self.decimal_comma)
        for r in np.flatnonzero(slow).tolist():
            cell = block[cell_starts[r] : cell_ends[r]].decode("utf-8", "replace")
            self._keep_one(num, scales, r, ExactNumber.of(self._decimal(cell, self.line + r + 1)))
        self._append(num, scales)

    def drain(self) -> Values | None:
        """The values parsed since the last drain, as a part of their own (None if none)."""
        if not self.numerators:
            return None
        offset = self.count - sum(n.size for n in self.numerators)
        big = {i - offset: e for i, e in self.big.items()}
        typed = _joined_typed(self.typed)
        data = DecimalColumn(
            np.concatenate(self.numerators) if len(self.numerators) > 1 else self.numerators[0],
            np.concatenate(self.scales) if len(self.scales) > 1 else self.scales[0],
            np.array(sorted(big), dtype=np.int64),
            big,
            typed=typed,
        )
        self.numerators, self.scales, self.typed, self.big = [], [], [], {}
        return _checked(lambda: Values(data, name=self.name))


def _joined_typed(parts: list[tuple[np.ndarray, np.ndarray] | None]) -> tuple[np.ndarray, np.ndarray] | None:
    """The typed text of consecutive parts as one, right-aligned to the widest (None unless all have it)."""
    if len(parts) == 1 or any(p is None for p in parts):
        return parts[0] if len(parts) == 1 else None
    width = max(p[0].shape[1] for p in parts)  # type: ignore[index]
    rows = sum(p[0].shape[0] for p in parts)  # type: ignore[index]
    typed = np.zeros((rows, width), dtype=np.uint8)
    at = 0
    for text, _ in parts:  # type: ignore[misc]
        typed[at : at + text.shape[0], width - text.shape[1] :] = text
        at += text.shape[0]
    return typed, np.concatenate([p[1] for p in parts])  # type: ignore[index]


# ---------------------------------------------------------------------------
# Plain decimal cells, vectorised

_ZERO, _NINE, _POINT, _COMMA, _PLUS, _MINUS = (ord(c) for c in "09.,+-")
_NEWLINE = ord("\n")
_POWERS = 10 ** np.arange(19, dtype=np.int64)
# Byte classes of the fixed-point fast path: 1 digit, 2 point, 3 sign, 4 newline, 0 anything else.
_FIXED_CLASSES = np.zeros(256, dtype=np.uint8)
_FIXED_CLASSES[_ZERO : _NINE + 1] = 1
_FIXED_CLASSES[_POINT] = 2
_FIXED_CLASSES[[_PLUS, _MINUS]] = 3
_FIXED_CLASSES[_NEWLINE] = 4


def parse_fixed_point_cells(
    buf: np.ndarray, starts: np.ndarray, ends: np.ndarray, decimal_comma: bool = False
) -> tuple[np.ndarray, np.ndarray] | None:
    """(numerators, scales) when every cell is a plain fixed-point decimal of 1 to 18 digits, else None.

    The common case at scale (``-3.700125``): the cells are gathered one a line, checked
    byte by byte (digits, one point, a sign only first), the points dropped, and the
    digits read as integers by numpy's C parser; the scale is the digits after the point.
    Anything else (exponents, spaces, words, empty cells) returns None for the full parser.
    """
    rows = starts.size
    if rows == 0:
        return None
    # The chosen cells, each followed by a newline, as one run of bytes.
    whole_lines = (
        starts[0] == 0
        and ends[-1] >= buf.size - 1
        and np.array_equal(starts[1:], ends[:-1] + 1)
        and bool((buf[ends[:-1]] == _NEWLINE).all())
    )
    if whole_lines:  # one column, no carriage returns: the block itself
        cells = buf if ends[-1] == buf.size - 1 else np.append(buf, np.uint8(_NEWLINE))
    else:
        work = np.append(buf, np.uint8(_NEWLINE))
        work[ends] = _NEWLINE
        lengths = ends - starts + 1  # each cell with its terminator
        offsets = np.cumsum(lengths) - lengths
        cells = work[np.arange(int(lengths.sum())) + np.repeat(starts - offsets, lengths)]
    found = parse_fixed_point_run(cells, decimal_comma)
    if found is None or found[0].size != rows:
        return None
    return found


# The lines of the one-column fast path: at most this many bytes a line, two uint64 words.
_LINE_WIDTH = 16
_LINE_POWERS = 10 ** np.arange(_LINE_WIDTH + 1, dtype=np.uint64)
# Per line length, the masks (as the two words) that keep the last ``length`` bytes of 16.
_LINE_KEEP = (
    np.where(np.arange(_LINE_WIDTH) >= _LINE_WIDTH - np.arange(_LINE_WIDTH + 1)[:, None], 0xFF, 0)
    .astype(np.uint8)
    .view(np.uint64)
)
_LINE_KEEP_LOW, _LINE_KEEP_HIGH = _LINE_KEEP[:, 0].copy(), _LINE_KEEP[:, 1].copy()
_VERBATIM_DIGITS = 15  # the typed text is the double's shortest text up to this many digits


def _eight_digits(words: np.ndarray) -> np.ndarray:
    """The value of eight digits 0..15 a byte (first byte most significant) in each uint64, SWAR."""
    words = (words * np.uint64(10) + (words >> np.uint64(8))) & np.uint64(0x00FF00FF00FF00FF)
    words = (words * np.uint64(100) + (words >> np.uint64(16))) & np.uint64(0x0000FFFF0000FFFF)
    return (words * np.uint64(10_000) + (words >> np.uint64(32))) & np.uint64(0xFFFFFFFF)


def parse_fixed_point_lines(
    cells: np.ndarray, decimal_comma: bool = False
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray] | None:
    """(numerators, scales, typed, verbatim) of lines ``[+-]digits.digits``, or None unless all are.

    The common file at scale: one number a line, each with a point, at most 16 bytes. Every
    pass is a numpy loop (no text reader, so the GIL is free for the writer). ``typed`` is
    each line's bytes right-aligned in 16 (NUL before them), and ``verbatim`` marks the lines
    whose typed text is exactly the shortest text of their double (no '+', no leading or
    trailing zero, at most 15 digits, not below 1e-4), which the CSV writer copies as it is.
    Anything else returns None for ``parse_fixed_point_run`` and the full parser.
    """
    if cells.size == 0 or cells[-1] != _NEWLINE or int(cells.max()) > _NINE:
        return None
    ends = np.flatnonzero(cells == _NEWLINE)
    point = _COMMA if decimal_comma else _POINT
    points = np.flatnonzero(cells == point)
    rows = ends.size
    if points.size != rows:
        return None
    starts = np.empty_like(ends)
    starts[0] = 0
    starts[1:] = ends[:-1]
    starts[1:] += 1
    if not (bool((points >= starts).all()) and bool((points < ends).all())):
        return None  # a line without its one point
    first = cells[starts]
    minus = first == _MINUS
    has_sign = minus | (first == _PLUS)
    n_sign = int(np.count_nonzero(has_sign))
    if int(np.count_nonzero(cells < _ZERO)) != 2 * rows + n_sign:
        return None  # a byte below '0' that is no newline, point or leading sign
    if n_sign and int(np.count_nonzero(cells == _MINUS)) + int(np.count_nonzero(cells == _PLUS)) != n_sign:
        return None  # a sign inside a number
    lengths = ends - starts
    digits = lengths - 1 - has_sign
    if int(lengths.max()) > _LINE_WIDTH or int(digits.min()) < 1:
        return None
    padded = np.zeros(cells.size + _LINE_WIDTH, dtype=np.uint8)
    padded[_LINE_WIDTH:] = cells
    typed = sliding_window_view(padded, _LINE_WIDTH)[ends]  # the 16 bytes before each newline
    words = typed.view(np.uint64)
    words[:, 0] &= _LINE_KEEP_LOW[lengths]
    words[:, 1] &= _LINE_KEEP_HIGH[lengths]
    halves = _eight_digits((typed & np.uint8(0x0F)).view(np.uint64))
    value = halves[:, 0] * np.uint64(10**8) + halves[:, 1]  # the low four bits of each byte as a digit
    scales = ends - points - 1
    power = _LINE_POWERS[scales]
    value -= power * np.uint64(point & 0x0F)  # the point as a digit 0
    if n_sign:  # the sign as a digit 0
        value -= ((first & np.uint8(0x0F)) * has_sign).astype(np.uint64) * _LINE_POWERS[lengths - 1]
    magnitude = ((value // (power * np.uint64(10))) * power + value % power).astype(np.int64)
    numerators = np.where(minus, -magnitude, magnitude)
    if decimal_comma:
        typed[typed == _COMMA] = _POINT
    n_int = points - starts - has_sign
    last = cells[ends - 1]
    verbatim = (
        (first != _PLUS)
        & (last > _ZERO)
        & ((n_int == 1) | ((n_int > 1) & (cells[starts + has_sign] != _ZERO)))
        & (digits <= _VERBATIM_DIGITS)
        & (magnitude >= _LINE_POWERS[np.maximum(scales - 4, 0)].astype(np.int64))
    )
    width = int(lengths.max())
    return numerators, scales.astype(np.int16), typed[:, _LINE_WIDTH - width :], verbatim


def parse_fixed_point_run(
    cells: np.ndarray, decimal_comma: bool = False
) -> tuple[np.ndarray, np.ndarray] | None:
    """(numerators, scales) of a run of cells each ended by a newline, or None unless all are plain fixed-point."""
    if cells.size == 0 or cells[-1] != _NEWLINE:
        return None
    if int(cells.max()) > _NINE:
        return None  # letters and the like
    marks = np.flatnonzero(cells < _ZERO)  # everything but digits: newlines, points, signs
    kinds = cells[marks]
    if decimal_comma and bool((kinds == _COMMA).any()):
        cells = cells.copy()
        cells[marks[kinds == _COMMA]] = _POINT
        kinds = cells[marks]
    classes = _FIXED_CLASSES[kinds]
    if not classes.all():
        return None  # spaces, commas, quotes
    cell_ends = marks[classes == 4]
    rows = cell_ends.size
    cell_starts = np.empty_like(cell_ends)
    cell_starts[0] = 0
    cell_starts[1:] = cell_ends[:-1] + 1
    signs = marks[classes == 3]
    if signs.size and not bool(((signs == 0) | (cells[signs - 1] == _NEWLINE)).all()):
        return None  # a sign that is not the first byte of its cell
    is_end = classes == 4
    cell_of_mark = np.cumsum(is_end) - is_end  # the cell each mark is in (marks are in order)
    is_point = classes == 2
    points = marks[is_point]
    point_cells = cell_of_mark[is_point]
    if points.size > 1 and not bool((np.diff(point_cells) > 0).all()):
        return None  # two points in one cell
    has_point = np.zeros(rows, dtype=np.int64)
    has_point[point_cells] = 1
    has_sign = _FIXED_CLASSES[cells[cell_starts]] == 3
    digits = cell_ends - cell_starts - has_point - has_sign
    if digits.min() < 1 or digits.max() > _FAST_DIGITS:
        return None
    numerators = np.fromstring(cells.tobytes().translate(None, b"."), dtype=np.int64, sep="\n")
    if numerators.size != rows:  # pragma: no cover - every cell was checked above
        return None
    scales = np.zeros(rows, dtype=np.int16)
    scales[point_cells] = cell_ends[point_cells] - points - 1
    return numerators, scales


def parse_plain_cells(
    buf: np.ndarray, starts: np.ndarray, ends: np.ndarray, decimal_comma: bool = False
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(numerators, scales, slow) of the cells buf[starts:ends]: x = numerator / 10**scale exactly.

    Cells that are not plain decimals of at most 18 digits (spaces, words, empties, long
    or tiny numbers) are marked ``slow`` for ``parse_decimal`` to read or refuse.
    """
    rows = starts.size
    lengths = ends - starts
    width = int(min(lengths.max(initial=0), _FAST_WIDTH))
    slow = (lengths == 0) | (lengths > _FAST_WIDTH)
    num = np.zeros(rows, dtype=np.int64)
    scales = np.zeros(rows, dtype=np.int16)
    if width == 0:
        return num, scales, slow
    j = np.arange(width)
    inside = j < lengths[:, None]
    index = np.minimum(starts[:, None] + j, buf.size - 1)
    chars = np.where(inside, buf[index], 0)

    digit = (chars >= _ZERO) & (chars <= _NINE)
    point = chars == _POINT
    if decimal_comma:
        point |= chars == _COMMA
    exp = (chars | 0x20) == ord("e")
    sign = (chars == _PLUS) | (chars == _MINUS)
    slow |= ((inside & ~(digit | point | exp | sign)).any(axis=1)) | (exp.sum(axis=1) > 1)
    e_at = np.where(exp.any(axis=1), exp.argmax(axis=1), lengths)
    mantissa = j < e_at[:, None]
    exponent = inside & (j > e_at[:, None])
    slow |= (point & ~mantissa).any(axis=1) | (point.sum(axis=1) > 1)
    slow |= (sign & mantissa & (j > 0)).any(axis=1)
    slow |= (sign & exponent & (j != e_at[:, None] + 1)).any(axis=1)
    m_digit = digit & mantissa
    e_digit = digit & exponent
    n_mantissa = m_digit.sum(axis=1)
    n_exponent = e_digit.sum(axis=1)
    has_exp = e_at < lengths
    slow |= (n_mantissa == 0) | (n_mantissa > _FAST_DIGITS) | (has_exp & (n_exponent == 0)) | (n_exponent > 4)

    values = np.where(m_digit, chars - _ZERO, 0).astype(np.int64)
    rank = np.cumsum(m_digit[:, ::-1], axis=1)[:, ::-1] - 1  # digits to the right of each
    num = (values * _POWERS[np.clip(rank, 0, 18)]).sum(axis=1)
    point_at = np.where(point.any(axis=1), point.argmax(axis=1), e_at)
    fraction = (m_digit & (j > point_at[:, None])).sum(axis=1)
    e_values = np.where(e_digit, chars - _ZERO, 0).astype(np.int64)
    e_rank = np.cumsum(e_digit[:, ::-1], axis=1)[:, ::-1] - 1
    e_num = (e_values * _POWERS[np.clip(e_rank, 0, 18)]).sum(axis=1)
    e_negative = (exponent & (chars == _MINUS)).any(axis=1)
    scale = fraction - np.where(e_negative, -e_num, e_num)
    # A whole number times 10**k: fold the power in while it fits.
    up = np.maximum(-scale, 0)
    fits = (up <= 18) & (np.abs(num) < _INT64_SAFE // _POWERS[np.minimum(up, 18)])
    slow |= (scale < 0) & ~fits
    num = np.where(scale < 0, num * _POWERS[np.minimum(up, 18)], num)
    scale = np.maximum(scale, 0)
    slow |= scale > 300  # near the doubles' smallest: parse_decimal judges
    num = np.where(chars[:, 0] == _MINUS, -num, num)
    num[slow] = 0
    scales = np.where(slow, 0, scale).astype(np.int16)
    return num, scales, slow
