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

import io
import os
import sys
from collections import deque
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import BinaryIO

import numpy as np

from leaky_gui.calc.exact import ExactNumber
from leaky_gui.calc.text.rows import DoubleRows
from leaky_gui.calc.text_reader import TextColumnReader, checked
from leaky_gui.calc.value_data import (
    DecimalColumn,
    StoredArray,
    ValuesCancelled,
    ValuesFileError,
    find_extent,
)
from leaky_gui.calc.values import Values

__all__ = ["STDIN", "ValuesCancelled", "ValuesFileError", "read_npy", "read_text", "read_values"]

STDIN = "-"
BLOCK_BYTES = 1 << 23  # text is parsed about 8 MB at a time
_NPY_MAGIC = b"\x93NUMPY"
_ZIP_MAGIC = b"PK\x03\x04"
_SAVE_HINT = "save the tensor with np.save(path, tensor.numpy()) and open the .npy"

Progress = Callable[[int, int], None]
ShouldStop = Callable[[], bool]


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
    parts: list[Values] = list(iter_values(path, column, decimal_comma, progress, should_stop, stdin=stdin))  # type: ignore[arg-type]
    if len(parts) == 1:
        return parts[0]
    blocks = [part.data for part in parts]
    assert all(isinstance(block, DecimalColumn) for block in blocks)
    return checked(lambda: Values(_joined(blocks), name=parts[0].name))  # type: ignore[arg-type]


def iter_values(
    path: str | os.PathLike[str],
    column: str | int | None = None,
    decimal_comma: bool | None = None,
    progress: Progress | None = None,
    should_stop: ShouldStop | None = None,
    *,
    stdin: BinaryIO | None = None,
    rows_of: DoubleRows | None = None,
    alphas: tuple[Decimal, ...] | None = None,
) -> Iterator[Values | bytes]:
    """The values of a file as consecutive parts, for streaming with flat memory.

    A ``.npy`` is one part (mapped, and written a chunk at a time); text is one part per
    block of lines, each checked whole before it is yielded. An error may come after some
    parts: a caller that must write nothing on error writes to a temporary file first.

    With ``rows_of``, blocks of decimals the text engine reads (one a line, or the chosen
    column) come out as their CSV rows (bytes), made by ``rows_of`` on worker threads; any
    other block, as ``Values``.
    """
    if str(path) == STDIN:
        stream = stdin if stdin is not None else sys.stdin.buffer
        head = _peek(stream)
        if head.startswith(_NPY_MAGIC):
            yield _npy_from_bytes(stream.read(), "standard input")
            return
        _refuse_binary(head, "standard input")
        yield from _text_parts(
            stream,
            "standard input",
            column,
            decimal_comma,
            progress,
            should_stop,
            rows_of=rows_of,
            alphas=alphas,
        )
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
            yield from _text_parts(
                stream,
                name,
                column,
                decimal_comma,
                progress,
                should_stop,
                size=size,
                rows_of=rows_of,
                alphas=alphas,
            )
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
    return checked(lambda: Values(data, name=name, shape=tuple(array.shape)))


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
        p.data  # type: ignore[union-attr]
        for p in _text_parts(
            stream, name, column, decimal_comma, progress, should_stop, size=size, separator=separator
        )
    ]
    return checked(lambda: Values(_joined(parts), name=name))  # type: ignore[arg-type]


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
    rows_of: DoubleRows | None = None,
    alphas: tuple[Decimal, ...] | None = None,
) -> Iterator[Values | bytes]:
    if rows_of is not None:
        yield from _text_rows(stream, name, column, decimal_comma, rows_of, alphas)
        return
    reader = TextColumnReader(name, column, decimal_comma, separator, alphas)
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
        yield from _drained(reader)
    yield from _drained(reader)
    _check_some(reader, name)


def _drained(reader: TextColumnReader) -> Iterator[Values]:
    """The values the reader holds complete, if any (the rest waits for more lines)."""
    part = reader.drain()
    if part is not None:
        yield part


def _check_some(reader: TextColumnReader, name: str) -> None:
    if not reader.count:
        raise ValuesFileError(
            f"{name}: holds no values" + (" (only a header)" if reader.line else " (empty)")
        )


def _text_rows(
    stream: BinaryIO,
    name: str,
    column: str | int | None,
    decimal_comma: bool | None,
    rows_of: DoubleRows,
    alphas: tuple[Decimal, ...] | None = None,
) -> Iterator[Values | bytes]:
    """``_text_parts`` for the command line: blocks of plain lines come out as CSV rows.

    Each block is read straight into its own array, after WIDTH bytes for the rows' gather
    to reach back into and the previous block's unfinished line, and handed to a worker as it is.
    """
    reader = TextColumnReader(name, column, decimal_comma, alphas=alphas)
    fast = _FastBlocks(reader, rows_of)
    tail = b""
    try:
        while True:
            buf = np.empty(WIDTH + len(tail) + FAST_BLOCK_BYTES, dtype=np.uint8)
            buf[:WIDTH] = 0
            start = WIDTH + len(tail)
            buf[WIDTH:start] = np.frombuffer(tail, dtype=np.uint8)
            got = stream.readinto(buf.data[start:])  # type: ignore[attr-defined]
            if not got:
                yield from fast.finish()
                if tail:
                    reader.feed(tail, final=True)
                break
            end = start + got
            cut = _after_last_newline(buf, end)
            tail = buf[cut:end].tobytes()
            if cut == WIDTH:
                continue  # no whole line yet
            padded = buf[:cut]
            if not reader.started:  # the first line decides the layout
                first = int(np.flatnonzero(buf[WIDTH:cut] == 10)[0]) + 1
                reader.feed(buf[WIDTH : WIDTH + first].tobytes())
                yield from _drained(reader)  # a first line of data, before the rest
                padded = buf[first:cut]
            if fast.takes():
                yield from fast.submit(padded)
                continue
            yield from fast.finish()
            reader.feed(padded[WIDTH:].tobytes())
            yield from _drained(reader)
        yield from _drained(reader)
    finally:
        fast.close()
    _check_some(reader, name)


def _after_last_newline(buf: np.ndarray, end: int) -> int:
    """The index after the last newline in buf[WIDTH:end], or WIDTH if there is none."""
    look = 256
    while True:
        lo = max(WIDTH, end - look)
        found = np.flatnonzero(buf[lo:end] == 10)
        if found.size:
            return lo + int(found[-1]) + 1
        if lo == WIDTH:
            return WIDTH
        look *= 16


FAST_BLOCK_BYTES = 1 << 19  # a task for a worker: about 50,000 lines
WIDTH = 16  # bytes kept free before each block read (a whole line is never among them)


class _FastBlocks:
    """Blocks of lines made into CSV rows on worker threads (one a core, 2 to 4), handed back in order.

    A block that is not all plain lines comes back as None and is then read by the full
    reader, in its turn, so that its values or its error (with the right line number)
    come out where they belong.
    """

    def __init__(self, reader: TextColumnReader, rows_of: DoubleRows) -> None:
        from concurrent.futures import ThreadPoolExecutor

        self.reader = reader
        self.rows_of = rows_of
        self.maker: DoubleRows | None = None
        self.workers = max(2, min(4, os.cpu_count() or 2))
        self.pool = ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="leaky-relu-rows")
        self.pending: deque = deque()

    def takes(self) -> bool:
        reader = self.reader
        if not reader.started or reader.column < 0:
            return False
        if self.maker is None:  # the first line has decided the layout
            self.maker = self.rows_of.laid_out(
                point=ord(",") if reader.decimal_comma else ord("."),
                separator=reader.separator[0] if reader.separator is not None else None,
                column=reader.column,
                n_columns=reader.n_columns,
            )
        return True

    def submit(self, padded: np.ndarray) -> Iterator[Values | bytes]:
        """Hand the lines in ``padded[WIDTH:]`` to a worker (the WIDTH bytes before: anything)."""
        if padded.size > WIDTH:
            assert self.maker is not None
            self.pending.append((self.pool.submit(self.maker.rows, padded[WIDTH:]), padded))
        while len(self.pending) > self.workers + 1:  # each worker busy, one more waiting
            yield from self._next()

    def finish(self) -> Iterator[Values | bytes]:
        while self.pending:
            yield from self._next()

    def _next(self) -> Iterator[Values | bytes]:
        future, padded = self.pending.popleft()
        made = future.result()
        reader = self.reader
        if made is not None:
            data, rows = made
            reader.line += rows
            reader.count += rows
            yield data
            return
        reader.feed(padded[WIDTH:].tobytes())
        yield from _drained(reader)

    def close(self) -> None:
        for future, _ in self.pending:
            future.cancel()
        self.pending.clear()
        self.pool.shutdown(wait=True)
