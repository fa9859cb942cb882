"""Streaming, atomic CSV export of a sweep (no Qt).

Rows are made a chunk at a time with numpy, straight from the sweep's exact integer
numerators, so memory stays flat at any count. This module chooses the number each cell
holds and lays the cells out as CSV; the text of every number is the text engine's
(``calc.text``), exactly :func:`leaky_gui.calc.text.format_number` of the exact double
(Python's shortest repr): ``calc.text.shortest`` makes the columns of exact decimals
(``scaled_text``) and of doubles (``python_text``), and ``merged`` puts f's rows into x's.

In a framework precision (float32, float16, bfloat16) the x_i are rounded as PyTorch
rounds them and every number is the shortest text in that precision
(``calc.text.framework_text``).

With ``decimal_comma`` the file is what spreadsheets in decimal-comma locales (de, fr, es,
pt, ...) open as it is: ``;`` between columns and ``,`` as the decimal point, the same
digits otherwise. The rows are made as usual and their '.' bytes mapped to ',' in the
same pass that squeezes out the padding.

A file is written to a temporary file beside the target and renamed into place only
when complete (``atomic_file``), so a failure, a cancel or Ctrl+C never leaves half a file
or clobbers one.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from typing import BinaryIO

import numpy as np

from leaky_gui.calc.atomic_file import atomic_output, check_output_path
from leaky_gui.calc.exact import ExactNumber
from leaky_gui.calc.precision import leaky_in, round_to
from leaky_gui.calc.source import Blocks, XSource
from leaky_gui.calc.text import csv_line, format_label, format_number
from leaky_gui.calc.text.framework_text import precision_text
from leaky_gui.calc.text.nearest import INT64_SAFE
from leaky_gui.calc.text.shortest import constant_text, fixed_text, merged, python_text, scaled_text

__all__ = [
    "CHUNK_ROWS",
    "ExportCancelled",
    "csv_header",
    "csv_line",
    "iter_csv_chunks",
    "table_text",
    "write_csv",
    "write_csv_stream",
]

CHUNK_ROWS = 1 << 16

_NEWLINE, _COMMA, _SEMICOLON, _TAB = (ord(c) for c in "\n,;\t")
_POINT_TO_COMMA = bytes.maketrans(b".", b",")


class ExportCancelled(Exception):
    """The caller asked the export to stop; nothing was written."""


def csv_header(alphas: tuple[Decimal, ...], derivative: bool = False, decimal_comma: bool = False) -> str:
    """``x``, one ``f(alpha=A)`` per alpha, then one ``f'(alpha=A)`` per alpha."""
    names = [format_label(a) for a in alphas]
    columns = ["x"] + [f"f(alpha={n})" for n in names]
    if derivative:
        columns += [f"f'(alpha={n})" for n in names]
    return csv_line(columns, decimal_comma)


# ---------------------------------------------------------------------------
# Chunks of rows


class _ChunkWriter:
    """Makes the CSV bytes of rows [lo, hi) of one source of x (a sweep or the user's values)."""

    def __init__(self, source: XSource, derivative: bool, decimal_comma: bool = False) -> None:
        self.source = source
        self.derivative = derivative
        self.decimal_comma = decimal_comma
        self.alphas = [ExactNumber.of(a) for a in source.alphas]
        self.derivative_texts = [format_number(float(a)) for a in source.alphas]

    def chunk(self, lo: int, hi: int) -> bytes:
        x, fs, dfs = self.columns(lo, hi, self.derivative)
        return _join_rows([x, *fs, *dfs], self.decimal_comma)

    def table_chunk(self, lo: int, hi: int) -> bytes:
        """Rows [lo, hi) as the window's table shows them: i, x, f, f', then f per further alpha."""
        x, fs, dfs = self.columns(lo, hi, True)
        return _join_rows([_index_text(lo, hi), x, fs[0], dfs[0], *fs[1:]], self.decimal_comma, _TAB)

    def columns(
        self, lo: int, hi: int, derivatives: bool
    ) -> tuple[np.ndarray, list[np.ndarray], list[np.ndarray]]:
        """Text columns of rows [lo, hi): x, f per alpha, and (if asked) f' per alpha."""
        if not self.source.exact:
            return self._precision_columns(lo, hi, derivatives)
        block = self.source.decimal_block(lo, hi)
        if block is None:
            return self._binary_columns(lo, hi, derivatives)
        num, scale = block
        x_text = self._x_column(num, scale)
        positive = np.asarray([n > 0 for n in num], dtype=bool) if isinstance(num, list) else num > 0
        fs = [self._f_column(num, scale, x_text, positive, alpha) for alpha in self.alphas]
        choice = positive.astype(np.intp)
        dfs = [constant_text([text, "1.0"], choice) for text in self.derivative_texts] if derivatives else []
        return x_text, fs, dfs

    def _binary_columns(
        self, lo: int, hi: int, derivatives: bool
    ) -> tuple[np.ndarray, list[np.ndarray], list[np.ndarray]]:
        """Exact mode for binary x (a stored array): each value's own shortest double text."""
        x = self.source.x_block(lo, hi)
        x_text = python_text(x.tolist())
        positive = x > 0
        others = np.flatnonzero(~positive)
        fs = []
        for alpha in self.source.alphas:
            if others.size == 0:
                fs.append(x_text)
                continue
            f = self.source.f_block(lo, hi, alpha)
            fs.append(merged(x_text, python_text(f[others].tolist()), others))
        choice = positive.astype(np.intp)
        dfs = [constant_text([text, "1.0"], choice) for text in self.derivative_texts] if derivatives else []
        return x_text, fs, dfs

    def _precision_columns(
        self, lo: int, hi: int, derivatives: bool
    ) -> tuple[np.ndarray, list[np.ndarray], list[np.ndarray]]:
        precision = self.source.precision
        x: np.ndarray | None = None
        block: Blocks | None = None
        decimals: tuple[np.ndarray, int] | None = None
        divided = False
        if precision != "float32":
            x = self.source.x_block(lo, hi)
        else:  # divided: x is float32 of num / 10**scale, made when needed
            block, divided = self.source.decimals_divided(lo, hi)
            if not divided:
                x = self.source.x_block(lo, hi)
        if block is not None and isinstance(block[0], np.ndarray):
            decimals = block[0], block[1]  # short decimals are their own float32 text
        x_text = precision_text(x, precision, decimals, divided)
        if x is None:  # divided: made of int64 decimals
            assert decimals is not None
            num, scale = decimals
            # A sweep's decimal of one division is 0 or at least 1e-22: x has its sign.
            positive = num > 0
            others = np.flatnonzero(~positive)  # f = x elsewhere: only these need alpha*x
            x_others = round_to(np.divide(num[others], 10.0**scale), precision)
        else:
            positive = x > 0
            others = np.flatnonzero(~positive)
            x_others = x[others]
        fs = []
        for alpha, exact_alpha in zip(self.source.alphas, self.alphas, strict=True):
            if others.size == 0:
                fs.append(x_text)
                continue
            f = leaky_in(x_others, float(alpha), precision)
            part = precision_text(f, precision, _product_decimals(decimals, others, exact_alpha))
            fs.append(merged(x_text, part, others))
        dfs = []
        if derivatives:
            choice = positive.astype(np.intp)
            for alpha in self.source.alphas:
                dfs.append(constant_text([self.source.text(self.source.leak(alpha)), "1.0"], choice))
        return x_text, fs, dfs

    @staticmethod
    def _x_column(num: np.ndarray | list[int], scale: int) -> np.ndarray:
        if isinstance(num, list):
            return python_text([n / 10**scale for n in num])
        return scaled_text(num, scale)

    @staticmethod
    def _f_column(
        num: np.ndarray | list[int],
        scale: int,
        x_text: np.ndarray,
        positive: np.ndarray,
        alpha: ExactNumber,
    ) -> np.ndarray:
        """f is x where x > 0; only the other rows need alpha*x (for a sweep, a contiguous run)."""
        others = np.flatnonzero(~positive)
        if others.size == 0:
            return x_text
        lo, hi = int(others[0]), int(others[-1]) + 1
        if hi - lo != others.size:  # scattered (the user's values): just those rows
            part = [num[i] for i in others.tolist()] if isinstance(num, list) else num[others]
        else:
            part = num[lo:hi]
        f_scale = scale + alpha.scale
        largest = 0 if isinstance(part, list) else int(np.abs(part).max())
        if isinstance(part, list) or max(largest, 1) * abs(alpha.numerator) >= INT64_SAFE:
            values = [alpha.numerator * int(n) / 10**f_scale + 0.0 for n in part]
            part_chars = python_text(values)
        else:
            part_chars = scaled_text(part * alpha.numerator, f_scale)
        return merged(x_text, part_chars, others)


def _product_decimals(
    decimals: tuple[np.ndarray, int] | None, rows: np.ndarray, alpha: ExactNumber
) -> tuple[np.ndarray, int] | None:
    """The exact decimals alpha * x of ``rows``, when x's are known and the products fit int64.

    In float32, f = float32(float32(x) * float32(alpha)) is most often float32 of that
    decimal, which then is its own shortest text (``precision_text`` checks each row).
    """
    if decimals is None:
        return None
    num, scale = decimals
    part = num[rows]
    largest = max(int(part.max()), -int(part.min()), 1)
    if largest * abs(alpha.numerator) >= INT64_SAFE:
        return None
    return part * alpha.numerator, scale + alpha.scale


def _index_text(lo: int, hi: int) -> np.ndarray:
    """The row numbers lo .. hi-1 as a text column: x's digits for integers, without their '.0'."""
    return fixed_text(np.arange(lo, hi, dtype=np.int64), 0)[:, :-2]


def _join_rows(columns: list[np.ndarray], decimal_comma: bool = False, separator: int | None = None) -> bytes:
    rows = columns[0].shape[0]
    width = sum(c.shape[1] for c in columns) + len(columns)
    chars = np.empty((rows, width), dtype=np.uint8)
    between = separator if separator is not None else (_SEMICOLON if decimal_comma else _COMMA)
    at = 0
    for n, column in enumerate(columns):
        w = column.shape[1]
        chars[:, at : at + w] = column
        chars[:, at + w] = _NEWLINE if n == len(columns) - 1 else between
        at += w + 1
    return chars.tobytes().translate(_POINT_TO_COMMA if decimal_comma else None, b"\0")


def iter_csv_chunks(
    source: XSource,
    derivative: bool = False,
    chunk_rows: int = CHUNK_ROWS,
    *,
    decimal_comma: bool = False,
) -> Iterator[tuple[bytes, int]]:
    """Yield (bytes, rows so far): the header first (0 rows), then the rows a chunk at a time."""
    yield csv_header(source.alphas, derivative, decimal_comma).encode("ascii"), 0
    writer = _ChunkWriter(source, derivative, decimal_comma)
    for lo in range(0, source.count, chunk_rows):
        hi = min(lo + chunk_rows, source.count)
        yield writer.chunk(lo, hi), hi


def table_text(source: XSource, runs: Iterable[tuple[int, int]], decimal_comma: bool = False) -> str:
    """Runs of rows [lo, hi) as the window's table shows them, tab-separated, a line each (no header).

    Columns i, x, f(x), f'(x) for the current alpha, then f per further alpha; the text of
    each number is the table's own (``SweepParams.text``), made a chunk at a time like the
    CSV, so 50,000 rows take about 20 ms. With ``decimal_comma`` the point is ','.
    """
    writer = _ChunkWriter(source, False, decimal_comma)
    parts = [
        writer.table_chunk(start, min(start + CHUNK_ROWS, hi))
        for lo, hi in runs
        for start in range(lo, hi, CHUNK_ROWS)
    ]
    return b"".join(parts).decode("ascii")


# ---------------------------------------------------------------------------
# Writing


def write_csv_stream(
    stream: BinaryIO,
    source: XSource,
    derivative: bool = False,
    progress: Callable[[int], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
    *,
    decimal_comma: bool = False,
) -> int:
    """Write the sweep's CSV to an open binary stream; returns the rows written."""
    rows = 0
    for data, rows in iter_csv_chunks(source, derivative, decimal_comma=decimal_comma):
        if should_stop is not None and should_stop():
            raise ExportCancelled
        stream.write(data)
        if progress is not None:
            progress(rows)
    return rows


def write_csv(
    path: str | os.PathLike[str],
    source: XSource,
    derivative: bool = False,
    progress: Callable[[int], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
    *,
    decimal_comma: bool = False,
) -> int:
    """Write the sweep's CSV to ``path`` atomically; returns the rows written.

    The rows go to a temporary file in the same folder, which replaces ``path`` only
    once it is complete and on disk. On any error, ExportCancelled or Ctrl+C the
    temporary file is removed and an existing ``path`` is left as it was.
    """
    target = check_output_path(path)
    with atomic_output(target) as temp_name, open(temp_name, "wb") as stream:
        rows = write_csv_stream(
            stream, source, derivative, progress, should_stop, decimal_comma=decimal_comma
        )
        stream.flush()
        os.fsync(stream.fileno())
    return rows
