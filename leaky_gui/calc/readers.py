"""Reading the user's x values from files, safely and lazily (no Qt): ``read_values``.

* Text (CSV, TSV, plain text): one number per line, or one column chosen by number
  (1 = the first) or by its header's name. The separator is the first line's: a tab, else
  ``;``, else ``,`` (never with decimal commas), else none. A first line that is not all
  numbers is a header. Each cell is a decimal as typed, read exactly as the input boxes
  read it; with decimal commas (``decimal_comma=True``, or by default when ``;`` separates
  the columns, as spreadsheets in decimal-comma locales write them) one ``,`` is the point.
  Empty cells, words, NaN and inf are errors. Cells are parsed a block of lines at a time
  with numpy; only cells outside the plain form go through ``parse_decimal`` one by one.
* Text as other tools write it: UTF-8 (a byte-order mark or none) or UTF-16 with a
  byte-order mark (Excel's "Unicode Text", tab-separated), and ``.gz``, ``.bz2`` or ``.xz``
  files of it (known by their first bytes, decompressed as they are read, with the standard
  library). A file with NUL or other control bytes is "not a text file"; a line longer than
  ``MAX_LINE_BYTES`` ends the read (so ``/dev/zero`` stops at once, memory flat).
* ``.npy``: float16, float32, float64 or any integer type, any shape (flattened in C
  order), opened with ``np.load(mmap_mode="r", allow_pickle=False)`` and never copied whole.
  Object arrays, ``.npz``, ``.pt`` and pickles are refused with what to do instead.

Every problem is a ``ValuesFileError`` with one message naming the file and, for text, the
line and column. ``progress(done, total)`` reports bytes read (or values scanned) and
``should_stop()`` is asked between blocks: a stop raises ``ValuesCancelled`` and keeps
nothing. A reader either returns whole ``Values`` or raises; it changes nothing on disk.

Rooms: ``file_kinds.py`` opens and decodes (compression, encodings, binary files refused),
``npy.py`` reads ``.npy``; this module reads text (the column and rows readers) and joins them.
"""

from __future__ import annotations

import os
import sys
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from decimal import Decimal
from pathlib import Path
from typing import BinaryIO

import numpy as np

from leaky_gui.calc.decimal_columns import joined_columns
from leaky_gui.calc.file_kinds import CONTROL, HEAD_BYTES, NPY_MAGIC, as_text, next_block, refuse_binary
from leaky_gui.calc.npy import npy_from_bytes, read_npy
from leaky_gui.calc.text.rows import DoubleRows
from leaky_gui.calc.text_reader import (
    MAX_LINE_BYTES,
    Part,
    TextColumnReader,
    checked,
    line_too_long,
    not_text,
)
from leaky_gui.calc.value_data import ValuesCancelled, ValuesFileError
from leaky_gui.calc.values import Values

__all__ = ["STDIN", "ValuesCancelled", "ValuesFileError", "read_npy", "read_text", "read_values"]

STDIN = "-"
BLOCK_BYTES = 1 << 23  # text is parsed about 8 MB at a time
#: A read that can be stopped (the window's) parses 1 MB at a time: Cancel is answered soon.
STOPPABLE_BLOCK_BYTES = 1 << 20
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
    (values,) = iter_values(path, column, decimal_comma, progress, should_stop, stdin=stdin, whole=True)
    assert isinstance(values, Values)
    return values


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
    whole: bool = False,
) -> Iterator[Values | bytes | bytearray]:
    """The values of a file as consecutive parts, for streaming with flat memory.

    A ``.npy`` is one part (mapped, and written a chunk at a time); text is one part per
    block of lines, each checked whole before it is yielded. An error may come after some
    parts: a caller that must write nothing on error writes to a temporary file first.

    With ``rows_of``, blocks of decimals the text engine reads (one a line, or the chosen
    column) come out as their CSV rows (bytes), made by ``rows_of`` on worker threads; any
    other block, as ``Values``. With ``whole``, text is one part (``read_values``: its
    blocks joined once, not made ``Values`` each on the way).
    """
    if str(path) == STDIN:
        stream = stdin if stdin is not None else sys.stdin.buffer
        head = stream.read(HEAD_BYTES)
        if head.startswith(NPY_MAGIC):
            yield npy_from_bytes(head + stream.read(), "standard input")
            return
        refuse_binary(head, "standard input")
        text, where = as_text(stream, head, "standard input", pushed_back=True)
        yield from _text_parts(
            text,
            "standard input",
            column,
            decimal_comma,
            progress,
            should_stop,
            rows_of=rows_of,
            alphas=alphas,
            where=where,
            whole=whole,
        )
        return
    target = Path(path)
    name = target.name or str(path)
    try:
        size = target.stat().st_size
        with open(target, "rb") as stream:
            head = stream.read(HEAD_BYTES)
            if head.startswith(NPY_MAGIC) or target.suffix.lower() == ".npy":
                yield read_npy(target, progress, should_stop)
                return
            refuse_binary(head, name, target.suffix.lower())
            text, where = as_text(stream, head, name, pushed_back=not stream.seekable())
            yield from _text_parts(
                text,
                name,
                column,
                decimal_comma,
                progress,
                should_stop,
                size=size,
                rows_of=rows_of,
                alphas=alphas,
                where=where,
                whole=whole,
            )
    except IsADirectoryError:
        raise ValuesFileError(f"{name}: is a folder; give a file") from None
    except FileNotFoundError:
        raise ValuesFileError(f"{name}: no such file") from None
    except PermissionError:
        raise ValuesFileError(f"{name}: not allowed to read it") from None
    except OSError as exc:
        raise ValuesFileError(f"{name}: cannot read it: {exc.strerror or exc}") from None


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
    return checked(lambda: Values(joined_columns(parts), name=name))  # type: ignore[arg-type]


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
    where: Callable[[], int] | None = None,
    whole: bool = False,
) -> Iterator[Values | bytes | bytearray]:
    """``where()``: how far the read is in a file of ``size`` bytes, when not the bytes read (compressed)."""
    if rows_of is not None:
        yield from _text_rows(stream, name, column, decimal_comma, rows_of, alphas)
        return
    reader = TextColumnReader(name, column, decimal_comma, separator, alphas)
    done = 0
    tail = b""
    block_bytes = BLOCK_BYTES if should_stop is None else STOPPABLE_BLOCK_BYTES
    with _Workers(reader, drain=not whole) as workers:
        while True:
            if should_stop is not None and should_stop():
                raise ValuesCancelled
            data, got = next_block(stream, tail, block_bytes)
            if not done and data[:HEAD_BYTES].translate(None, CONTROL) != data[:HEAD_BYTES]:
                raise not_text(name)
            if b"\x00" in data:  # its lines before the NUL first, in their turn: then the error
                workers.read(data)
                yield from workers.ready(every=True)
                raise not_text(name)
            done += got
            if not got:
                if tail:
                    workers.read(tail, final=True)
                break
            cut = data.rfind(b"\n") + 1
            if cut:
                tail = bytes(data[cut:])
                del data[cut:]  # the block's whole lines, not copied
                workers.read(data)
            else:
                tail = bytes(data)
            if len(tail) > MAX_LINE_BYTES:
                yield from workers.ready(every=True)  # the lines before it first
                raise line_too_long(name)
            if progress is not None:
                at = where() if where is not None else done
                progress(at, max(size, at))
            yield from workers.ready()
        yield from workers.ready(every=True)
    yield from _drained(reader)
    _check_some(reader, name)


class _Workers:
    """Blocks of lines read on worker threads (one a core, 2 to 4; numpy lets go of the GIL),
    a few ahead, and their values handed back in order, each block's errors in its turn."""

    def __init__(self, reader: TextColumnReader, drain: bool = True) -> None:
        from concurrent.futures import ThreadPoolExecutor

        self.reader = reader
        self.drain = drain  # False: the blocks' values wait in the reader, to be drained whole
        self.count = max(2, min(4, os.cpu_count() or 2))
        self.pool = ThreadPoolExecutor(max_workers=self.count, thread_name_prefix="leaky-values")
        self.pending: deque[Future[Part | None]] = deque()

    def __enter__(self) -> _Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        for future in self.pending:
            future.cancel()
        self.pending.clear()
        self.pool.shutdown(wait=True)

    def read(self, block: bytes | bytearray, final: bool = False) -> None:
        self.pending.append(self.pool.submit(self.reader.prepare(block, final)))

    def ready(self, every: bool = False) -> Iterator[Values]:
        """The values of the blocks done, in order, while more than a block a worker waits (``every``: all)."""
        while self.pending and (every or len(self.pending) > self.count):
            self.reader.take(self.pending.popleft().result())
            if self.drain:
                yield from _drained(self.reader)


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
) -> Iterator[Values | bytes | bytearray]:
    """``_text_parts`` for the command line: blocks of plain lines come out as CSV rows.

    Each block is read straight into its own array, after the previous block's unfinished
    line, and handed to a worker as it is.
    """
    reader = TextColumnReader(name, column, decimal_comma, alphas=alphas)
    fast = _FastBlocks(reader, rows_of)
    tail = b""
    try:
        while True:
            buf = np.empty(len(tail) + FAST_BLOCK_BYTES, dtype=np.uint8)
            start = len(tail)
            buf[:start] = np.frombuffer(tail, dtype=np.uint8)
            got = stream.readinto(buf.data[start:])  # type: ignore[attr-defined]
            if not got:
                yield from fast.finish()
                if tail:
                    reader.feed(tail, final=True)
                break
            end = start + got
            cut = _after_last_newline(buf, end)
            if end - cut > MAX_LINE_BYTES:
                yield from fast.finish()  # the lines before it first, in their turn
                if cut:
                    reader.feed(buf[:cut].tobytes())
                    yield from _drained(reader)
                raise line_too_long(name)
            tail = buf[cut:end].tobytes()
            if cut == 0:
                continue  # no whole line yet
            lines = buf[:cut]
            if not reader.started:  # the first line decides the layout
                first = int(np.flatnonzero(lines == 10)[0]) + 1
                reader.feed(lines[:first].tobytes())
                yield from _drained(reader)  # a first line of data, before the rest
                lines = lines[first:]
            if fast.takes():
                yield from fast.submit(lines)
                continue
            yield from fast.finish()
            reader.feed(lines.tobytes())
            yield from _drained(reader)
        yield from _drained(reader)
    finally:
        fast.close()
    _check_some(reader, name)


def _after_last_newline(buf: np.ndarray, end: int) -> int:
    """The index after the last newline in buf[:end], or 0 if there is none."""
    look = 256
    while True:
        lo = max(0, end - look)
        found = np.flatnonzero(buf[lo:end] == 10)
        if found.size:
            return lo + int(found[-1]) + 1
        if lo == 0:
            return 0
        look *= 16


FAST_BLOCK_BYTES = 1 << 19  # a task for a worker: about 50,000 lines


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
        self.pending: deque[tuple[Future[tuple[bytes | bytearray, int] | None], np.ndarray]] = deque()

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

    def submit(self, lines: np.ndarray) -> Iterator[Values | bytes | bytearray]:
        """Hand the whole lines ``lines`` to a worker."""
        if lines.size:
            assert self.maker is not None
            self.pending.append((self.pool.submit(self.maker.rows, lines), lines))
        while len(self.pending) > self.workers + 1:  # each worker busy, one more waiting
            yield from self._next()

    def finish(self) -> Iterator[Values | bytes | bytearray]:
        while self.pending:
            yield from self._next()

    def _next(self) -> Iterator[Values | bytes | bytearray]:
        future, lines = self.pending.popleft()
        made = future.result()
        reader = self.reader
        if made is not None:
            data, rows = made
            reader.line += rows
            reader.count += rows
            yield data
            return
        reader.feed(lines.tobytes())
        yield from _drained(reader)

    def close(self) -> None:
        for future, _ in self.pending:
            future.cancel()
        self.pending.clear()
        self.pool.shutdown(wait=True)
