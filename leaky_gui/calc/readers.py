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
"""

from __future__ import annotations

import bz2
import codecs
import gzip
import io
import lzma
import os
import sys
import zlib
from collections import deque
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import BinaryIO

import numpy as np

from leaky_gui.calc.exact import ExactNumber
from leaky_gui.calc.text.rows import WIDTH, DoubleRows
from leaky_gui.calc.text_reader import MAX_LINE_BYTES, TextColumnReader, checked, line_too_long, not_text
from leaky_gui.calc.value_data import (
    DecimalColumn,
    Extent,
    StoredArray,
    ValuesCancelled,
    ValuesFileError,
    find_extent,
)
from leaky_gui.calc.values import Values

__all__ = ["STDIN", "ValuesCancelled", "ValuesFileError", "read_npy", "read_text", "read_values"]

STDIN = "-"
BLOCK_BYTES = 1 << 23  # text is parsed about 8 MB at a time
#: A read that can be stopped (the window's) parses 1 MB at a time: Cancel is answered soon.
STOPPABLE_BLOCK_BYTES = 1 << 20
_NPY_MAGIC = b"\x93NUMPY"
_ZIP_MAGIC = b"PK\x03\x04"
HEAD_BYTES = 1 << 16  # what decides the kind of a file: compression, encoding, binary bytes
#: Compressed text, known by its first bytes: (magic, what to call it, the opener). The
#: decompressing stream lives as long as the read; closing the file under it ends it.
_COMPRESSED = (
    (b"\x1f\x8b", ".gz", lambda f: gzip.GzipFile(fileobj=f, mode="rb")),
    (b"BZh", ".bz2", lambda f: bz2.BZ2File(f, mode="rb")),
    (b"\xfd7zXZ\x00", ".xz", lambda f: lzma.LZMAFile(f, mode="rb")),  # noqa: SIM115
)
_DECOMPRESS_ERRORS = (OSError, EOFError, lzma.LZMAError, zlib.error, ValueError)
#: Bytes no text file holds (tab, line ends, form feed and vertical tab are text).
_CONTROL = bytes([*range(0, 9), *range(14, 26), *range(27, 32), 127])  # not ^Z, an old end of file
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
        head = stream.read(HEAD_BYTES)
        if head.startswith(_NPY_MAGIC):
            yield _npy_from_bytes(head + stream.read(), "standard input")
            return
        _refuse_binary(head, "standard input")
        text, where = _as_text(stream, head, "standard input", pushed_back=True)
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
        )
        return
    target = Path(path)
    name = target.name or str(path)
    try:
        size = target.stat().st_size
        with open(target, "rb") as stream:
            head = stream.read(HEAD_BYTES)
            if head.startswith(_NPY_MAGIC) or target.suffix.lower() == ".npy":
                yield read_npy(target, progress, should_stop)
                return
            _refuse_binary(head, name, target.suffix.lower())
            text, where = _as_text(stream, head, name, pushed_back=not stream.seekable())
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
            )
    except IsADirectoryError:
        raise ValuesFileError(f"{name}: is a folder; give a file") from None
    except FileNotFoundError:
        raise ValuesFileError(f"{name}: no such file") from None
    except PermissionError:
        raise ValuesFileError(f"{name}: not allowed to read it") from None
    except OSError as exc:
        raise ValuesFileError(f"{name}: cannot read it: {exc.strerror or exc}") from None


def _as_text(
    stream: BinaryIO, head: bytes, name: str, *, pushed_back: bool
) -> tuple[BinaryIO, Callable[[], int] | None]:
    """``stream`` (whose first bytes ``head`` are read already) as UTF-8 text, and where the
    read stands in the file when that is not the text's count of bytes (compressed files).

    ``pushed_back``: the stream cannot seek, so ``head`` is put back in front of it.
    """
    where = None
    for magic, kind, opener in _COMPRESSED:
        if head.startswith(magic):
            if not pushed_back:
                stream.seek(0)
                raw: BinaryIO = stream
            else:
                raw = _Text(stream, head, name)  # type: ignore[assignment]
            where = raw.tell if not pushed_back else None
            try:
                decompressed = opener(raw)
                inner = decompressed.read(HEAD_BYTES)
            except _DECOMPRESS_ERRORS as exc:
                raise ValuesFileError(f"{name}: not a readable {kind} file ({exc})") from None
            _refuse_binary(inner, name)
            return _Text(decompressed, inner, name, kind=kind, encoding=_encoding(inner)), where
    encoding = _encoding(head)
    if encoding is None and not pushed_back:
        stream.seek(0)
        return stream, None
    return _Text(stream, head, name, encoding=encoding), None  # type: ignore[return-value]


def _encoding(head: bytes) -> str | None:
    """UTF-16 (by its byte-order mark, or ASCII text with every other byte NUL), else None: UTF-8."""
    if head.startswith(codecs.BOM_UTF16_LE):
        return "utf-16-le"
    if head.startswith(codecs.BOM_UTF16_BE):
        return "utf-16-be"
    sample = head[:64]
    if len(sample) >= 4 and len(sample) % 2 == 0:  # no mark: NUL bytes in every other place
        if not sample[1::2].strip(b"\x00") and b"\x00" not in sample[0::2]:
            return "utf-16-le"
        if not sample[0::2].strip(b"\x00") and b"\x00" not in sample[1::2]:
            return "utf-16-be"
    return None


class _Text(io.RawIOBase):
    """The bytes of ``source`` after ``head`` (read from it already), as UTF-8.

    With ``encoding``, UTF-16 is decoded a block at a time (its byte-order mark dropped);
    with ``kind`` (a compressed file), a broken or truncated stream is said as the file's problem.
    """

    def __init__(
        self, source: BinaryIO, head: bytes, name: str, *, kind: str = "", encoding: str | None = None
    ) -> None:
        super().__init__()
        self._source = source
        self._name = name
        self._kind = kind
        self._decoder = codecs.getincrementaldecoder(encoding)("replace") if encoding else None
        self._pending = memoryview(b"")
        self._at = 0
        self._done = False
        self._put(head, skip_mark=True)

    def readable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._at

    def _put(self, data: bytes, *, skip_mark: bool = False, final: bool = False) -> None:
        if self._decoder is not None:
            text = self._decoder.decode(data, final)
            if skip_mark and text.startswith("\ufeff"):
                text = text[1:]
            data = text.encode("utf-8")
        self._pending = memoryview(data)

    def readinto(self, buffer) -> int:  # type: ignore[override]
        out = memoryview(buffer).cast("B")
        filled = 0
        while filled < len(out):
            if not self._pending:
                if self._done:
                    break
                try:
                    chunk = self._source.read(max(len(out) - filled, 1 << 16))
                except _DECOMPRESS_ERRORS as exc:
                    if not self._kind:
                        raise
                    raise ValuesFileError(f"{self._name}: not a readable {self._kind} file ({exc})") from None
                self._done = not chunk
                self._put(chunk, final=self._done)
                continue
            n = min(len(out) - filled, len(self._pending))
            out[filled : filled + n] = self._pending[:n]
            self._pending = self._pending[n:]
            filled += n
        self._at += filled
        return filled


def _joined(blocks: list[DecimalColumn]) -> DecimalColumn:
    """One column of consecutive blocks, with the extent the blocks found (no pass again)."""
    big: dict[int, ExactNumber] = {}
    offset = 0
    for block in blocks:
        big.update((offset + i, e) for i, e in block.big.items())
        offset += block.count
    joined = DecimalColumn(
        np.concatenate([b.numerators for b in blocks]),
        np.concatenate([b.scales for b in blocks]),
        np.array(sorted(big), dtype=np.int64),
        big,
    )
    if all(b._extent is not None for b in blocks):
        joined._extent = _joined_extent(blocks)
    return joined


def _joined_extent(blocks: list[DecimalColumn]) -> Extent:
    """The extent of blocks laid end to end: the first smallest and first largest x win ties."""
    best_min = best_max = None
    i_min = i_max = None
    nans = infs = offset = 0
    for block in blocks:
        extent = block._extent
        assert extent is not None
        nans += extent.nan_count
        infs += extent.inf_count
        if extent.i_min is not None and extent.i_max is not None:
            low, high = block.exact_x(extent.i_min), block.exact_x(extent.i_max)
            if best_min is None or low < best_min:
                best_min, i_min = low, offset + extent.i_min
            if best_max is None or high > best_max:
                best_max, i_max = high, offset + extent.i_max
        offset += block.count
    return Extent(i_min, i_max, nans, infs)


def _refuse_binary(head: bytes, name: str, suffix: str = "") -> None:
    """Say what to do with archives, pickles and other binary files, from their first bytes."""
    if suffix == ".npz" or (head.startswith(_ZIP_MAGIC) and suffix not in {".pt", ".pth"}):
        raise ValuesFileError(
            f"{name}: an .npz archive is not read (it would load into memory and may hold pickles); "
            "save one array with np.save(path, array) and open the .npy"
        )
    if suffix in {".pt", ".pth", ".pkl", ".pickle"} or head.startswith(_ZIP_MAGIC) or head[:1] == b"\x80":
        raise ValuesFileError(
            f"{name}: PyTorch and pickle files are never loaded (they can run code); {_SAVE_HINT}"
        )
    if any(head.startswith(magic) for magic, _, _ in _COMPRESSED) or _encoding(head):
        return
    if head.translate(None, _CONTROL) != head:
        raise not_text(name)


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
    where: Callable[[], int] | None = None,
) -> Iterator[Values | bytes]:
    """``where()``: how far the read is in a file of ``size`` bytes, when not the bytes read (compressed)."""
    if rows_of is not None:
        yield from _text_rows(stream, name, column, decimal_comma, rows_of, alphas)
        return
    reader = TextColumnReader(name, column, decimal_comma, separator, alphas)
    done = 0
    tail = b""
    block_bytes = BLOCK_BYTES if should_stop is None else STOPPABLE_BLOCK_BYTES
    while True:
        if should_stop is not None and should_stop():
            raise ValuesCancelled
        data = stream.read(block_bytes)
        if not done and data[:HEAD_BYTES].translate(None, _CONTROL) != data[:HEAD_BYTES]:
            raise not_text(name)
        if b"\x00" in data:
            raise not_text(name)
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
        if len(tail) > MAX_LINE_BYTES:
            raise line_too_long(name)
        if progress is not None:
            at = where() if where is not None else done
            progress(at, max(size, at))
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
            got = stream.readinto(memoryview(buf)[start:])  # type: ignore[attr-defined]
            if not got:
                yield from fast.finish()
                if tail:
                    reader.feed(tail, final=True)
                break
            end = start + got
            cut = _after_last_newline(buf, end)
            if end - cut > MAX_LINE_BYTES:
                raise line_too_long(name)
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
            self.pending.append((self.pool.submit(self.maker.rows, padded[WIDTH:], padded), padded))
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
