"""Columns of exact decimals, gathered and joined (no Qt): the text reader's parts.

``ColumnPieces`` gathers a block's pieces (the numerators and scales that
``calc.text.parse.exact_columns`` made, and the rows beyond int64) into one
``DecimalColumn``; ``joined_columns`` lays blocks end to end with the extent they found.
"""

from __future__ import annotations

import numpy as np

from leaky_gui.calc.exact import ExactNumber, RowNumbers
from leaky_gui.calc.text.parse import STORED_LIMIT
from leaky_gui.calc.value_data import DecimalColumn, Extent

__all__ = ["ColumnPieces", "exact_of", "joined_columns"]


class ColumnPieces:
    """A block's values as they are read, in pieces; ``made()`` joins them."""

    def __init__(self) -> None:
        self.numerators: list[np.ndarray] = []
        self.scales: list[np.ndarray] = []
        self.big: dict[int, ExactNumber] = {}
        #: (rows, magnitudes, scales, negative) of the pieces' 64-bit numerators beyond int64.
        self.wide: list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]] = []
        self.count = 0

    def keep_one(self, num: np.ndarray, scales: np.ndarray, r: int, exact: ExactNumber) -> None:
        if abs(exact.numerator) < STORED_LIMIT and exact.scale < 2**15:
            num[r], scales[r] = exact.numerator, exact.scale
        else:
            self.big[self.count + r] = exact

    def keep_wide(
        self,
        num: np.ndarray,
        scales: np.ndarray,
        rows: np.ndarray,
        w: np.ndarray,
        q: np.ndarray,
        negative: np.ndarray,
    ) -> None:
        """``keep_one`` of ``exact_of(negative, w, q)`` for many rows at once (w uint64, q int64)."""
        num[rows] = 0
        scales[rows] = 0
        w, q = w.copy(), q.astype(np.int64)
        up = np.flatnonzero(q >= 0)  # n = w * 10**q: Python integers (rare in text)
        for i in up.tolist():
            self.keep_one(num, scales, int(rows[i]), exact_of(bool(negative[i]), int(w[i]), int(q[i])))
        down = np.flatnonzero(q < 0)
        rows, w, q, negative = rows[down], w[down], q[down], negative[down]
        zeros = np.flatnonzero((w % np.uint64(10) == 0) & (w != 0) & (q < 0))
        while zeros.size:  # exact_of's trailing zeros, moved into the scale
            w[zeros] //= np.uint64(10)
            q[zeros] += 1
            zeros = zeros[(w[zeros] % np.uint64(10) == 0) & (q[zeros] < 0)]
        fits = (w < np.uint64(STORED_LIMIT)) & ((-q < 2**15) | (w == 0))
        at = rows[fits]
        magnitude = w[fits].astype(np.int64)
        num[at] = np.where(negative[fits], -magnitude, magnitude)
        scales[at] = np.where(w[fits] == 0, 0, -q[fits])
        wide = ~fits  # w < 2**64, so never 0
        if wide.any():
            self.wide.append((self.count + rows[wide], w[wide], -q[wide], negative[wide]))

    def append(self, num: np.ndarray, scales: np.ndarray) -> None:
        self.numerators.append(num)
        self.scales.append(scales)
        self.count += num.size

    def made(self) -> DecimalColumn:
        numbers = RowNumbers(self.big, *(np.concatenate(a) for a in zip(*self.wide, strict=True)))
        return DecimalColumn(
            np.concatenate(self.numerators) if len(self.numerators) != 1 else self.numerators[0],
            np.concatenate(self.scales) if len(self.scales) != 1 else self.scales[0],
            np.array(list(numbers), dtype=np.int64),
            numbers,
        )


def exact_of(negative: bool, n: int, q: int) -> ExactNumber:
    """(-1)**negative * n * 10**q as ExactNumber.of makes it (no trailing zeros in the numerator)."""
    if q >= 0:
        n, q = n * 10**q, 0
    while q < 0 and n and n % 10 == 0:
        n //= 10
        q += 1
    return ExactNumber(-n if negative else n, -q if n else 0)


def joined_columns(blocks: list[DecimalColumn]) -> DecimalColumn:
    """One column of consecutive blocks, with the extent the blocks found (no pass again)."""
    if len(blocks) == 1:
        return blocks[0]
    offsets = np.cumsum([0] + [b.count for b in blocks[:-1]])
    joined = DecimalColumn(
        np.concatenate([b.numerators for b in blocks]),
        np.concatenate([b.scales for b in blocks]),
        np.concatenate([b.big_rows + offset for b, offset in zip(blocks, offsets, strict=True)]),
        RowNumbers.joined([(b.big, int(offset)) for b, offset in zip(blocks, offsets, strict=True)]),
    )
    if all(b._extent is not None for b in blocks):
        joined._extent = _joined_extent(blocks)
    kept = [b._doubles for b in blocks]
    if all(d is not None for d in kept):
        joined._doubles = np.concatenate(kept)  # type: ignore[arg-type]
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
