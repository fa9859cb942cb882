"""The data behind the user's own x values (no Qt): what was read, kept as it was given.

Two kinds, one set of methods (``count``, ``doubles``, ``exact_x``, ``exact_f_block``):

* ``DecimalColumn``: x typed as decimal text. Each x is kept exactly, as an integer over
  a power of ten (``numerators[i] / 10**scales[i]``; the rare x beyond int64 apart, in
  ``exact.RowNumbers``), so x, f and f' are exactly what ``leaky-relu eval`` gives for the same text;
* ``StoredArray``: a stored numeric array (a mapped ``.npy``), read lazily a block at a
  time and flattened in C order without a copy.

``find_extent`` makes the one pass that each data needs once: where the smallest and largest
finite x are, and how many are NaN or infinite. ``values.Values`` puts a precision and
alphas on top.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from leaky_gui.calc.exact import ExactNumber, RowNumbers, leaky_of_decimals, nearest_double
from leaky_gui.calc.precision import two_product_error
from leaky_gui.calc.text import nearest_doubles
from leaky_gui.calc.text.nearest import EXACT_POWERS, POW10_FLOAT

__all__ = [
    "BLOCK_ROWS",
    "DecimalColumn",
    "Extent",
    "Progress",
    "ShouldStop",
    "StoredArray",
    "ValuesCancelled",
    "ValuesFileError",
    "find_extent",
    "leaky_of_doubles",
]

BLOCK_ROWS = 1 << 20  # rows per block when a pass goes over all values
#: Rows a numpy pass over decimals works on at a time: its temporaries stay in the caches,
#: and below the size that the C library maps afresh (and the kernel zeroes) for each.
PIECE_ROWS = 1 << 13
_FEW_ROWS = 4  # rows worked out one by one in integers (a table's cells)
_INT64_SAFE = 1 << 62


class ValuesFileError(ValueError):
    """A file that gives no values: one message naming the file (and line and column)."""


class ValuesCancelled(Exception):
    """The caller asked a pass over the values to stop; nothing was kept."""


Progress = Callable[[int, int], None]  # (done, total)
ShouldStop = Callable[[], bool]


@dataclass(frozen=True)
class Extent:
    """Where the smallest and largest finite x are, and how many x are not finite."""

    i_min: int | None  # None: no finite x at all
    i_max: int | None
    nan_count: int = 0
    inf_count: int = 0


# ---------------------------------------------------------------------------
# The data


@dataclass(eq=False)
class DecimalColumn:
    """x typed as decimals: x_i = numerators[i] / 10**scales[i], exactly.

    Values whose integer form is beyond int64 are kept in ``big`` (``RowNumbers``: those of
    64 bits as arrays, any other as ``ExactNumber``); their numerator slot holds 0 and their
    row is in ``big_rows``, sorted.
    """

    numerators: np.ndarray  # int64
    scales: np.ndarray  # int16, >= 0
    big_rows: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    big: RowNumbers = field(default_factory=RowNumbers)
    kind: str = "decimal"
    _extent: Extent | None = field(default=None, repr=False)
    _statistics: dict[tuple[object, ...], Any] = field(default_factory=dict, repr=False)
    #: The doubles of every row, while a reader holds them (``keep_doubles``, ``forget_doubles``).
    _doubles: np.ndarray | None = field(default=None, repr=False)

    @property
    def count(self) -> int:
        return int(self.numerators.size)

    def keep_doubles(self, doubles: np.ndarray | None = None) -> None:
        """Work out every row's double once and keep it (a read's extent, then its histogram);
        ``doubles``: worked out already, as the compiled reader does."""
        if doubles is not None:
            self._doubles = doubles
        elif self._doubles is None:
            self._doubles = self.doubles(0, self.count)

    def forget_doubles(self) -> None:
        """Let the kept doubles go: the column is back to its 10 bytes a value."""
        self._doubles = None

    def exact(self, i: int) -> ExactNumber:
        found = self.big.get(i) if self.big else None
        return found if found is not None else ExactNumber(int(self.numerators[i]), int(self.scales[i]))

    def exact_x(self, i: int) -> float:
        e = self.exact(i)
        return nearest_double(e.numerator, e.scale)

    def _bigs_in(self, lo: int, hi: int) -> np.ndarray:
        a, b = np.searchsorted(self.big_rows, [lo, hi])
        return self.big_rows[a:b]

    def doubles(self, lo: int, hi: int) -> np.ndarray:
        """The double nearest each x in rows [lo, hi): int64 / 10**s, one rounding, where exact."""
        if self._doubles is not None:
            kept: np.ndarray = self._doubles[lo:hi].copy()
            return kept
        if hi - lo <= _FEW_ROWS:  # a table's cell: integers cost less than numpy's set-up
            return np.array([self.exact_x(i) for i in range(lo, hi)], dtype=np.float64)
        out: np.ndarray
        if hi - lo > PIECE_ROWS:  # in pieces: the temporaries stay small (in the caches, off mmap)
            out = np.empty(hi - lo, dtype=np.float64)
            for start in range(lo, hi, PIECE_ROWS):
                end = min(start + PIECE_ROWS, hi)
                out[start - lo : end - lo] = self.doubles(start, end)
            return out
        num = self.numerators[lo:hi]
        scales = self.scales[lo:hi]
        fast = (np.abs(num) < 2**53) & (scales <= EXACT_POWERS)
        if not fast.any() and num.size > 16:  # 17-digit decimals, all of them
            out = nearest_doubles(np.abs(num).view(np.uint64), np.negative(scales, dtype=np.int64), num < 0)
            self._big_doubles(lo, hi, out)
            return out
        out = num.astype(np.float64) / POW10_FLOAT[np.minimum(scales, EXACT_POWERS)]
        slow = np.flatnonzero(~fast)
        if slow.size > 16:  # 17-digit decimals: the text engine's vectorised nearest double
            n = num[slow]
            out[slow] = nearest_doubles(np.abs(n).astype(np.uint64), -scales[slow].astype(np.int64), n < 0)
        else:  # a few (a table's row): one at a time costs less than the vectorised set-up
            for r in slow.tolist():
                out[r] = nearest_double(int(num[r]), int(scales[r]))
        self._big_doubles(lo, hi, out)
        return out

    def _big_doubles(self, lo: int, hi: int, out: np.ndarray) -> None:
        """The doubles of the rows in ``big`` among [lo, hi), into ``out``: vectorised for the
        19-digit ones (%.18e writes 2% of its values beyond int64), one by one beyond."""
        rows = self._bigs_in(lo, hi)
        wide, n, scales, negative = self.big.arrays_in(lo, hi)
        if wide.size > 16:
            out[wide - lo] = nearest_doubles(n, -scales, negative)
            rows = np.setdiff1d(rows, wide, assume_unique=True)
        for i in rows.tolist():
            out[i - lo] = self.exact_x(i)

    def decimal_block(self, lo: int, hi: int) -> tuple[np.ndarray | list[int], int]:
        """Rows [lo, hi) at one scale: int64 when every numerator fits there, else Python ints."""
        num = self.numerators[lo:hi]
        scales = self.scales[lo:hi].astype(np.int64)
        big = {i: self.big[i] for i in self._bigs_in(lo, hi).tolist()}
        scale = max([int(scales.max(initial=0)), *(e.scale for e in big.values())])
        shift = scale - scales
        if not big and int(shift.max(initial=0)) <= 18:
            limit = _INT64_SAFE // 10**shift
            if bool(np.all(np.abs(num) < limit)):
                return num * 10**shift, scale
        numerators = [n * 10**d for n, d in zip(num.tolist(), shift.tolist(), strict=True)]
        for i, e in big.items():  # their slots hold 0
            numerators[i - lo] = e.numerator * 10 ** (scale - e.scale)
        return numerators, scale

    def exact_f_block(self, lo: int, hi: int, alpha: ExactNumber) -> np.ndarray:
        """f exactly rounded for rows [lo, hi)."""
        if hi - lo <= _FEW_ROWS:  # a table's cell: as _decimal_products makes it, in integers
            exact = [self.exact(i) for i in range(lo, hi)]
            return np.array(
                [
                    nearest_double(e.numerator, e.scale)
                    if e.numerator > 0
                    else nearest_double(alpha.numerator * e.numerator, e.scale + alpha.scale)
                    for e in exact
                ],
                dtype=np.float64,
            )
        num = self.numerators[lo:hi]
        if int(np.abs(num).max(initial=0)) >= 2**53 and abs(alpha.numerator) < 2**64:  # 17-digit decimals
            f = leaky_of_decimals(num, self.scales[lo:hi], x := self.doubles(lo, hi), alpha)
            for i in self._bigs_in(lo, hi).tolist():  # their slots hold 0
                e = self.big[i]
                f[i - lo] = (
                    x[i - lo]
                    if e.numerator > 0
                    else nearest_double(alpha.numerator * e.numerator, e.scale + alpha.scale)
                )
            return f
        block, scale = self.decimal_block(lo, hi)
        return _decimal_products(block, scale, alpha)


@dataclass(eq=False)
class StoredArray:
    """A stored numeric array (often a read-only memory map), read lazily in C order.

    A C-contiguous array is flattened as a view; any other (Fortran order, strided) is read
    a block at a time through its C-order indices, so nothing is copied whole.
    """

    array: np.ndarray
    _extent: Extent | None = field(default=None, repr=False)
    _statistics: dict[tuple[object, ...], Any] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._flat = self.array.reshape(-1) if self.array.flags.c_contiguous else None

    def forget_doubles(self) -> None:
        """Nothing kept: a stored array's doubles are a cast away."""

    @property
    def kind(self) -> str:
        return str(self.array.dtype.name)

    @property
    def count(self) -> int:
        return int(self.array.size)

    @property
    def integer(self) -> bool:
        return self.array.dtype.kind in "iu"

    def raw(self, lo: int, hi: int) -> np.ndarray:
        """Rows [lo, hi) as stored, in native byte order."""
        if self._flat is not None:
            block = self._flat[lo:hi]
        else:
            block = self.array[np.unravel_index(np.arange(lo, hi), self.array.shape)]
        native = block.dtype.newbyteorder("=")
        return block if block.dtype == native else block.astype(native)

    def doubles(self, lo: int, hi: int) -> np.ndarray:
        return self.raw(lo, hi).astype(np.float64)

    def exact_x(self, i: int) -> float:
        return float(self.doubles(i, i + 1)[0])

    def exact_f_block(self, lo: int, hi: int, alpha: ExactNumber) -> np.ndarray:
        """f of the exact values held, the double nearest alpha*x (x > 0: x itself)."""
        raw = self.raw(lo, hi)
        if self.integer and raw.size and max(-int(raw.min()), int(raw.max())) >= 2**53:
            return self._exact_f_of_integers(raw, alpha)  # not all of them doubles
        return leaky_of_doubles(np.asarray(raw, dtype=np.float64), alpha)

    def _exact_f_of_integers(self, raw: np.ndarray, alpha: ExactNumber) -> np.ndarray:
        x = raw.astype(np.float64)
        out: np.ndarray = x.copy()
        rows = np.flatnonzero(~(x > 0))
        if rows.size:
            out[rows] = _binary_products(x[rows], raw[rows], True, alpha)
        return out


CHUNK = 1 << 14  # leaky_of_doubles works this many rows at a time: its temporaries stay in cache


def leaky_of_doubles(x: np.ndarray, alpha: ExactNumber) -> np.ndarray:
    """f(x) for doubles x: x where x > 0, else the double nearest the exact alpha*x (0 is +0.0).

    NaN stays NaN and -inf becomes alpha*-inf as float arithmetic says (NaN for alpha 0, as
    in PyTorch). With alpha = p/q in lowest terms (q = 2**i * 5**j): if |p| is a power of
    two (0.01, 0.1, 0.2, 0.25, 0.5...) or 0, x*p is exact and one IEEE division rounds
    correctly; otherwise x*p is made exact as two doubles (Dekker), divided by q with one
    Newton step, and the result proved to be the nearest double; the few rows it cannot prove
    (a result within 2**-40 of a tie, beyond +-2**900, or beyond the doubles) are worked out
    in integers. Returned as a new float64 array of x's shape.
    """
    x = np.asarray(x, dtype=np.float64)
    flat = x.reshape(-1)
    out = np.empty(flat.shape, dtype=np.float64)
    p, q = alpha.numerator, 10**alpha.scale
    g = math.gcd(p, q)
    p, q = p // g, q // g
    if abs(p) >= 2**53 or q >= 2**53:
        out[:] = flat
        rows = np.flatnonzero(~(flat > 0))
        out[rows] = _binary_products(flat[rows], flat[rows], False, alpha)
        return out.reshape(x.shape)
    exact_times = p == 0 or (abs(p) & (abs(p) - 1)) == 0
    p_f, q_f = float(p), float(q)
    above = np.empty(min(flat.size, CHUNK), dtype=bool)
    for lo in range(0, flat.size, CHUNK):
        hi = min(lo + CHUNK, flat.size)
        xc, o, mask = flat[lo:hi], out[lo:hi], above[: hi - lo]
        with np.errstate(over="ignore", under="ignore", invalid="ignore"):
            if exact_times:
                if p == 1:
                    np.divide(xc, q_f, out=o)
                else:
                    np.multiply(xc, p_f, out=o)
                    np.divide(o, q_f, out=o)
                np.add(o, 0.0, out=o)
                unsure = np.flatnonzero(np.isinf(o) & np.isfinite(xc)) if abs(p) > 1 else None
            else:
                unsure = _leaky_general(xc, p_f, q_f, o)
        np.greater(xc, 0.0, out=mask)
        np.copyto(o, xc, where=mask)
        if unsure is not None and unsure.size:
            unsure = unsure[~mask[unsure]]
            for r in unsure.tolist():
                o[r] = _exact_product(float(xc[r]), p, q)
    return out.reshape(x.shape)


def _leaky_general(x: np.ndarray, p: float, q: float, out: np.ndarray) -> np.ndarray:
    """x*p/q rounded to the nearest double into ``out``; the rows not proved right.

    h + l = x*p exactly (Dekker); y = h/q, then y += ((h - y*q) + l)/q, where h - y*q is
    exact (Sterbenz) and y*q exact as two doubles. y is the nearest double when the exact
    remainder x*p - y*q lies inside +-q*u/2 (u: the smaller spacing of doubles at y), which
    is checked with a margin far above the few roundings left in computing it.
    """
    h = x * p
    l_ = two_product_error(x, p, h)
    y = h / q
    g = y * q
    y += ((h - g) + (l_ - two_product_error(y, q, g))) / q
    g = y * q
    remainder = (h - g) + (l_ - two_product_error(y, q, g))
    size = np.abs(y)
    half_gap = (size - np.nextafter(size, 0.0)) * (q * 0.5 * (1.0 - 2.0**-40))
    magnitude = np.abs(x)
    proved = (np.abs(remainder) < half_gap) & (magnitude < 2.0**900) & (magnitude > 2.0**-900)
    np.add(y, 0.0, out=out)
    zero = x == 0
    out[zero] = 0.0
    other = ~np.isfinite(x)
    out[other] = x[other] * p  # NaN stays NaN, -inf is -inf times the sign of p (p is not 0 here)
    return np.flatnonzero(~(proved | zero | other))


def _exact_product(x: float, p: int, q: int) -> float:
    """The double nearest x*p/q for a finite double x, in integers (±inf beyond the doubles)."""
    n, d = x.as_integer_ratio()
    try:
        return (p * n) / (q * d) + 0.0  # int / int: correctly rounded
    except OverflowError:
        return math.inf if p * n > 0 else -math.inf


def _decimal_products(num: np.ndarray | list[int], scale: int, alpha: ExactNumber) -> np.ndarray:
    """The double nearest alpha*x for x <= 0 (x itself above 0), x = num / 10**scale exactly."""
    f_scale = scale + alpha.scale
    if isinstance(num, np.ndarray):
        product = num * alpha.numerator if abs(alpha.numerator) < 2**31 else None
        largest = int(np.abs(num).max(initial=0))
        # One rounding each: x's and alpha*x's numerators exact in a double (alpha 0 says
        # nothing about x's), and the powers of ten exact too.
        if (
            product is not None
            and f_scale <= EXACT_POWERS
            and largest < 2**53
            and largest * abs(alpha.numerator) < 2**53
        ):
            x = num.astype(np.float64) / 10.0**scale
            f = product.astype(np.float64) / 10.0**f_scale + 0.0
            return np.where(num > 0, x, f)
    return np.array(
        [
            nearest_double(int(n), scale) if n > 0 else nearest_double(alpha.numerator * int(n), f_scale)
            for n in num
        ],
        dtype=np.float64,
    )


def _binary_products(x: np.ndarray, raw: np.ndarray, integer: bool, alpha: ExactNumber) -> np.ndarray:
    """The double nearest alpha*x for finite x <= 0 held exactly in ``x`` (or, integers, ``raw``).

    Fast where x * A is exact in doubles (Dekker's product has no error) and 10**a is exact:
    then one division rounds once. The rest in exact integer arithmetic.
    """
    a_num, a_scale = alpha.numerator, alpha.scale
    out = np.empty(x.shape, dtype=np.float64)
    fast = np.zeros(x.shape, dtype=bool)
    if abs(a_num) < 2**53 and a_scale <= EXACT_POWERS:
        with np.errstate(over="ignore", invalid="ignore"):
            product = x * a_num
            fast = (np.abs(x) < 2.0**900) & ((np.abs(product) > 2.0**-900) | (x == 0))
            if integer:
                fast &= np.abs(raw.astype(np.float64)) < 2**53
            fast &= two_product_error(x, float(a_num), product) == 0
            out[fast] = product[fast] / 10.0**a_scale + 0.0
    for r in np.flatnonzero(~fast).tolist():
        if integer:
            n, d = int(raw[r]), 1
        else:
            n, d = float(x[r]).as_integer_ratio()
        try:
            out[r] = (a_num * n) / (10**a_scale * d) + 0.0  # int / int: correctly rounded
        except OverflowError:  # beyond the doubles: inf, as float arithmetic rounds it
            out[r] = math.inf if a_num * n > 0 else -math.inf
    return out


def find_extent(
    data: DecimalColumn | StoredArray,
    progress: Progress | None = None,
    should_stop: ShouldStop | None = None,
) -> Extent:
    """One pass: the smallest and largest finite x (the doubles' order is the exact order) and the non-finite."""
    if data._extent is not None:
        return data._extent
    best_min = best_max = None
    i_min = i_max = None
    nans = infs = 0
    for lo in range(0, data.count, BLOCK_ROWS):
        if should_stop is not None and should_stop():
            raise ValuesCancelled
        hi = min(lo + BLOCK_ROWS, data.count)
        x = data.doubles(lo, hi)
        finite = np.isfinite(x)
        every = bool(finite.all())
        if not every:
            nan = np.isnan(x)
            nans += int(nan.sum())
            infs += int((~finite & ~nan).sum())
            x = np.where(finite, x, np.nan)
        if every or finite.any():  # the first of equal doubles wins
            lo_at, hi_at = (
                (int(x.argmin()), int(x.argmax())) if every else (int(np.nanargmin(x)), int(np.nanargmax(x)))
            )
            if best_min is None or x[lo_at] < best_min:
                best_min, i_min = x[lo_at], lo + lo_at
            if best_max is None or x[hi_at] > best_max:
                best_max, i_max = x[hi_at], lo + hi_at
        if progress is not None:
            progress(hi, data.count)
    data._extent = Extent(i_min, i_max, nans, infs)
    return data._extent
