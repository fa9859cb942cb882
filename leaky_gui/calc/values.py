"""The user's own x values as a source of x beside the sweep (no Qt): ``Values``.

Two kinds of data, one behaviour (the ``XSource`` interface the sweep has too):

* ``DecimalColumn``: x typed as decimal text. Each x is kept exactly, as an integer over
  a power of ten (``numerators[i] / 10**scales[i]``; the rare x beyond int64 as Python
  ints), so x, f and f' are exactly what ``leaky-relu eval`` gives for the same text;
* ``StoredArray``: a stored numeric array (a mapped ``.npy``), read lazily a block at a
  time and flattened in C order without a copy. In float64 each x is the exact value
  held; in float32, float16 and bfloat16 it is what ``torch.from_numpy(array).to(dtype)``
  holds, and f, f' are what ``F.leaky_relu`` and autograd give (the ``precision`` rules).
  NaN and ±inf are carried through as torch carries them, and counted.

The extent (where the smallest and largest finite x are, how many are NaN or infinite) is
found once per data, when it is read; statistics per precision and alphas are computed on
request, a block at a time, and remembered.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal, localcontext

import numpy as np

from leaky_gui.calc.numtext import ParameterError, format_number, parse_decimal
from leaky_gui.calc.precision import (
    DEFAULT_PRECISION,
    PRECISIONS,
    derivative_in,
    format_in,
    leaky_in,
    tensor_to,
)
from leaky_gui.calc.source import curve_through, step_through
from leaky_gui.calc.sweep import (
    DEFAULT_ALPHA,
    ExactNumber,
    _leaky_exact,
    _nearest_double,
    every_f_within_the_doubles,
)

__all__ = [
    "BLOCK_ROWS",
    "DecimalColumn",
    "Extent",
    "StoredArray",
    "Values",
    "ValuesCancelled",
    "ValuesFileError",
    "ValuesStatistics",
]

BLOCK_ROWS = 1 << 20  # rows per block when a pass goes over all values
_INT64_SAFE = 1 << 62
_EXACT_POWERS = 22  # 10.0**k is exact for k <= 22
_POWERS_OF_TEN = 10.0 ** np.arange(_EXACT_POWERS + 1)  # looked up: a power a value costs more


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

    Values whose integer form is beyond int64 are kept as ``ExactNumber`` in ``big``
    (their numerator slot holds 0 and their row is in ``big_rows``, sorted).
    """

    numerators: np.ndarray  # int64
    scales: np.ndarray  # int16, >= 0
    big_rows: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    big: dict[int, ExactNumber] = field(default_factory=dict)
    kind: str = "decimal"
    _extent: Extent | None = field(default=None, repr=False)
    _statistics: dict = field(default_factory=dict, repr=False)
    #: The text as typed, when the reader kept it: (rows, width) bytes right-aligned (NUL
    #: before them), and which rows' text is exactly the shortest text of their double.
    typed: tuple[np.ndarray, np.ndarray] | None = field(default=None, repr=False)

    @property
    def count(self) -> int:
        return int(self.numerators.size)

    def exact(self, i: int) -> ExactNumber:
        if i in self.big:
            return self.big[i]
        return ExactNumber(int(self.numerators[i]), int(self.scales[i]))

    def exact_x(self, i: int) -> float:
        e = self.exact(i)
        return _nearest_double(e.numerator, e.scale)

    def _bigs_in(self, lo: int, hi: int) -> np.ndarray:
        a, b = np.searchsorted(self.big_rows, [lo, hi])
        return self.big_rows[a:b]

    def doubles(self, lo: int, hi: int) -> np.ndarray:
        """The double nearest each x in rows [lo, hi): int64 / 10**s, one rounding, where exact."""
        num = self.numerators[lo:hi]
        scales = self.scales[lo:hi]
        fast = (np.abs(num) < 2**53) & (scales <= _EXACT_POWERS)
        out = num.astype(np.float64) / _POWERS_OF_TEN[np.minimum(scales, _EXACT_POWERS)]
        for r in np.flatnonzero(~fast).tolist():
            out[r] = _nearest_double(int(num[r]), int(scales[r]))
        for i in self._bigs_in(lo, hi).tolist():
            out[i - lo] = self.exact_x(i)
        return out

    def decimal_block(self, lo: int, hi: int) -> tuple[np.ndarray | list[int], int]:
        """Rows [lo, hi) at one scale: int64 when every numerator fits there, else Python ints."""
        num = self.numerators[lo:hi]
        scales = self.scales[lo:hi].astype(np.int64)
        bigs = self._bigs_in(lo, hi)
        scale = int(scales.max(initial=0))
        if bigs.size:
            scale = max(scale, *(self.big[i].scale for i in bigs.tolist()))
        shift = scale - scales
        if not bigs.size and int(shift.max(initial=0)) <= 18:
            limit = _INT64_SAFE // 10**shift
            if bool(np.all(np.abs(num) < limit)):
                return num * 10**shift, scale
        exact = [self.exact(i) for i in range(lo, hi)]
        return [e.numerator * 10 ** (scale - e.scale) for e in exact], scale

    def typed_block(self, lo: int, hi: int) -> tuple[np.ndarray, np.ndarray] | None:
        """(text as typed, verbatim) of rows [lo, hi), if the reader kept it."""
        if self.typed is None:
            return None
        return self.typed[0][lo:hi], self.typed[1][lo:hi]

    def exact_f_block(self, lo: int, hi: int, alpha: ExactNumber) -> np.ndarray:
        """f exactly rounded for rows [lo, hi)."""
        num, scale = self.decimal_block(lo, hi)
        return _decimal_products(num, scale, alpha)


@dataclass(eq=False)
class StoredArray:
    """A stored numeric array (often a read-only memory map), read lazily in C order.

    A C-contiguous array is flattened as a view; any other (Fortran order, strided) is read
    a block at a time through its C-order indices, so nothing is copied whole.
    """

    array: np.ndarray
    _extent: Extent | None = field(default=None, repr=False)
    _statistics: dict = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._flat = self.array.reshape(-1) if self.array.flags.c_contiguous else None

    @property
    def kind(self) -> str:
        return self.array.dtype.name

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
        x = raw.astype(np.float64)
        out = x.copy()
        rows = np.flatnonzero(~(x > 0))
        if rows.size == 0:
            return out
        a_float = float(Decimal(alpha.numerator).scaleb(-alpha.scale))
        finite = np.isfinite(x[rows])
        with np.errstate(invalid="ignore", over="ignore"):
            out[rows[~finite]] = x[rows[~finite]] * a_float  # nan stays nan; -inf*0 is nan, as in torch
        rows = rows[finite]
        products = _binary_products(x[rows], raw[rows], self.integer, alpha)
        out[rows] = products
        return out


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
            and f_scale <= _EXACT_POWERS
            and largest < 2**53
            and largest * abs(alpha.numerator) < 2**53
        ):
            x = num.astype(np.float64) / 10.0**scale
            f = product.astype(np.float64) / 10.0**f_scale + 0.0
            return np.where(num > 0, x, f)
    return np.array(
        [
            _nearest_double(int(n), scale) if n > 0 else _nearest_double(alpha.numerator * int(n), f_scale)
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
    if abs(a_num) < 2**53 and a_scale <= _EXACT_POWERS:
        with np.errstate(over="ignore", invalid="ignore"):
            product = x * a_num
            fast = (np.abs(x) < 2.0**900) & ((np.abs(product) > 2.0**-900) | (x == 0))
            if integer:
                fast &= np.abs(raw.astype(np.float64)) < 2**53
            fast &= _two_product_error(x, float(a_num), product) == 0
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


def _two_product_error(a: np.ndarray, b: float, product: np.ndarray) -> np.ndarray:
    """a*b - product exactly (Dekker), so 0 where the product needed no rounding."""
    a_high, a_low = _halves(a)
    b_high, b_low = _halves(np.float64(b))
    return ((a_high * b_high - product) + a_high * b_low + a_low * b_high) + a_low * b_low


def _halves(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    t = 134217729.0 * x  # Veltkamp's split: 2**27 + 1
    high = t - (t - x)
    return high, x - high


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
        if not finite.all():
            nan = np.isnan(x)
            nans += int(nan.sum())
            infs += int((~finite & ~nan).sum())
            x = np.where(finite, x, np.nan)
        if finite.any():
            lo_at, hi_at = int(np.nanargmin(x)), int(np.nanargmax(x))
            if best_min is None or x[lo_at] < best_min:
                best_min, i_min = x[lo_at], lo + lo_at
            if best_max is None or x[hi_at] > best_max:
                best_max, i_max = x[hi_at], lo + hi_at
        if progress is not None:
            progress(hi, data.count)
    data._extent = Extent(i_min, i_max, nans, infs)
    return data._extent


@dataclass(frozen=True)
class ValuesStatistics:
    """What the info panel shows about a source of values, in one precision.

    ``share_at_or_below_zero`` is of all values (NaN counts as neither); the mean and
    standard deviation of f are over the finite f, accumulated in float64.
    """

    count: int
    nan_count: int
    inf_count: int
    share_at_or_below_zero: float
    x_min: float | None
    x_max: float | None
    f_mean: tuple[float, ...]  # per alpha, in the source's order
    f_std: tuple[float, ...]


# ---------------------------------------------------------------------------
# The source


@dataclass(frozen=True, eq=False)
class Values:
    """The user's values as a source of x: x(i), f(i), f'(i) per alpha and precision.

    ``name`` names the source for messages and titles (a file name); ``shape`` is the
    stored array's shape (flattened in C order), or None for text.
    """

    data: DecimalColumn | StoredArray
    alphas: tuple[Decimal, ...] = (DEFAULT_ALPHA,)
    precision: str = DEFAULT_PRECISION
    name: str = "values"
    shape: tuple[int, ...] | None = None
    _alphas_exact: tuple[ExactNumber, ...] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        if not self.alphas:
            raise ParameterError("alpha", "at least one alpha is needed")
        if self.precision not in PRECISIONS:
            raise ParameterError("dtype", f"must be one of {', '.join(PRECISIONS)}, not {self.precision!r}")
        alphas = tuple(parse_decimal(a, "alpha") for a in self.alphas)
        object.__setattr__(self, "alphas", alphas)
        object.__setattr__(self, "_alphas_exact", tuple(ExactNumber.of(a) for a in alphas))
        extent = find_extent(self.data)
        if isinstance(self.data, StoredArray):
            return  # stored values carry inf (and alpha*x beyond the doubles rounds to it), as torch does
        for i in (extent.i_min, extent.i_max):
            if i is not None:
                every_f_within_the_doubles(self, i)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Values):
            return NotImplemented
        return (self.data, self.alphas, self.precision) == (other.data, other.alphas, other.precision)

    def __hash__(self) -> int:
        return hash((id(self.data), self.alphas, self.precision))

    # -- the XSource interface ------------------------------------------------

    @property
    def count(self) -> int:
        return self.data.count

    @property
    def alpha(self) -> Decimal:
        """The current alpha."""
        return self.alphas[0]

    @property
    def exact(self) -> bool:
        return self.precision == DEFAULT_PRECISION

    @property
    def extent(self) -> Extent:
        return find_extent(self.data)

    def with_alphas(self, alphas: Iterable[Decimal]) -> Values:
        return Values(self.data, tuple(alphas), self.precision, self.name, self.shape)

    def with_precision(self, precision: str) -> Values:
        return Values(self.data, self.alphas, precision, self.name, self.shape)

    def same_source(self, other: object) -> bool:
        return isinstance(other, Values) and other.data is self.data

    def same_x(self, other: object) -> bool:
        return self.same_source(other) and other.precision == self.precision

    def text(self, value: float) -> str:
        """The one number text for these values: shortest in their precision."""
        return format_number(value) if self.exact else format_in(value, self.precision)

    def exact_alpha(self, alpha: Decimal | None) -> ExactNumber:
        if alpha is None:
            return self._alphas_exact[0]
        for a, exact in zip(self.alphas, self._alphas_exact, strict=True):
            if a == alpha:
                return exact
        return ExactNumber.of(alpha)

    def exact_x(self, i: int) -> float:
        """x_i itself: the double nearest the typed decimal, or the stored value."""
        return self.data.exact_x(self._index(i))

    def exact_f(self, i: int, alpha: Decimal | None = None) -> float:
        """f(x_i), the double nearest the exact result (raises OverflowError beyond the doubles)."""
        i = self._index(i)
        a = self.exact_alpha(alpha)
        if isinstance(self.data, DecimalColumn):
            return _leaky_exact(self.data.exact(i), a)
        return float(self.data.exact_f_block(i, i + 1, a)[0])

    def x(self, i: int) -> float:
        """x_i in this source's precision."""
        return float(self.x_block(i, i + 1)[0])

    def f(self, i: int, alpha: Decimal | None = None) -> float:
        """f(x_i) for ``alpha`` (the current alpha by default) in this source's precision."""
        return float(self.f_block(i, i + 1, self.alpha if alpha is None else alpha)[0])

    def df(self, i: int, alpha: Decimal | None = None) -> float:
        """f'(x_i): 1 where x_i > 0, else alpha (NaN too, as autograd gives)."""
        return 1.0 if self.x(i) > 0 else self.leak(alpha)

    def leak(self, alpha: Decimal | None = None) -> float:
        """f' for x <= 0: alpha, as this precision holds it."""
        a = float(self.alpha if alpha is None else alpha) + 0.0
        return a if self.exact else float(derivative_in(-1.0, a, self.precision))

    def x_block(self, lo: int, hi: int) -> np.ndarray:
        if isinstance(self.data, StoredArray):
            return tensor_to(self.data.raw(lo, hi), self.precision)
        return tensor_to(self.data.doubles(lo, hi), self.precision)

    def decimal_block(self, lo: int, hi: int) -> tuple[np.ndarray | list[int], int] | None:
        if isinstance(self.data, DecimalColumn):
            return self.data.decimal_block(lo, hi)
        return None

    def typed_block(self, lo: int, hi: int) -> tuple[np.ndarray, np.ndarray] | None:
        """Rows [lo, hi) as typed, where each row's text is its own shortest text: see DecimalColumn."""
        if isinstance(self.data, DecimalColumn):
            return self.data.typed_block(lo, hi)
        return None

    def f_block(self, lo: int, hi: int, alpha: Decimal) -> np.ndarray:
        if self.exact:
            return self.data.exact_f_block(lo, hi, self.exact_alpha(alpha))
        return leaky_in(self.x_block(lo, hi), float(alpha), self.precision)

    # -- the plot's geometry --------------------------------------------------

    @property
    def x_min(self) -> float | None:
        """The smallest finite x in this precision (rounding keeps the order), or None."""
        i = self.extent.i_min
        return None if i is None else self.x(i)

    @property
    def x_max(self) -> float | None:
        i = self.extent.i_max
        return None if i is None else self.x(i)

    def curve_points(self, alpha: Decimal | None = None) -> tuple[list[float], list[float]]:
        """The curve over [min x, max x] (finite x only) as at most three vertices: ends and kink."""
        extent = self.extent
        if extent.i_min is None or extent.i_max is None:
            return [], []
        a = self.alpha if alpha is None else alpha
        return curve_through(
            (self.x(extent.i_min), self.f(extent.i_min, a)), (self.x(extent.i_max), self.f(extent.i_max, a))
        )

    def derivative_points(self, alpha: Decimal | None = None) -> tuple[list[float], list[float]]:
        """f' over [min x, max x] as a step: alpha up to and including 0, then 1."""
        lo, hi = self.x_min, self.x_max
        if lo is None or hi is None:
            return [], []
        return step_through(lo, hi, self.leak(alpha))

    def f_range(self, alpha: Decimal | None = None) -> tuple[float, float]:
        """Smallest and largest finite f (at the ends or the kink); (nan, nan) with no finite x."""
        _, ys = self.curve_points(alpha)
        return (min(ys), max(ys)) if ys else (math.nan, math.nan)

    # -- what the info panel shows ----------------------------------------------

    def statistics(
        self, progress: Progress | None = None, should_stop: ShouldStop | None = None
    ) -> ValuesStatistics:
        """Count, share at or below 0, min and max x, mean and std of f per alpha (float64 sums).

        One pass a block at a time (Chan's pairwise update keeps the variance accurate) over
        what is not known yet: the share is remembered per precision and each alpha's figures
        per precision and alpha, as the data never change, so a new current alpha beside
        pinned ones costs a pass for that alpha alone.
        """
        cache = self.data._statistics
        share_key = ("share", self.precision)
        alphas = [a for a in dict.fromkeys(self.alphas) if ("f", self.precision, a) not in cache]
        if alphas or share_key not in cache:
            self._accumulate(alphas, share_key not in cache, progress, should_stop)
        figures = [cache[("f", self.precision, a)] for a in self.alphas]
        return ValuesStatistics(
            count=self.count,
            nan_count=self.extent.nan_count,
            inf_count=self.extent.inf_count,
            share_at_or_below_zero=cache[share_key],
            x_min=self.x_min,
            x_max=self.x_max,
            f_mean=tuple(mean for mean, _ in figures),
            f_std=tuple(std for _, std in figures),
        )

    def _accumulate(
        self, alphas: list[Decimal], share: bool, progress: Progress | None, should_stop: ShouldStop | None
    ) -> None:
        """One pass: the share at or below 0 (if asked) and each alpha's mean and std of f."""
        n = len(alphas)
        counts = np.zeros(n)
        means = np.zeros(n)
        m2 = np.zeros(n)
        # Sums in units of a power of two at least the largest |f| so far: squares of f near
        # 1e304 would overflow, and a unit that is a power of two rescales exactly.
        units = np.ones(n)
        at_or_below = 0
        for lo in range(0, self.count, BLOCK_ROWS):
            if should_stop is not None and should_stop():
                raise ValuesCancelled
            hi = min(lo + BLOCK_ROWS, self.count)
            if share:
                at_or_below += int(np.count_nonzero(self.x_block(lo, hi) <= 0))
            for k, alpha in enumerate(alphas):
                f = self.f_block(lo, hi, alpha)
                f = f[np.isfinite(f)]
                if f.size == 0:
                    continue
                unit = math.ldexp(1.0, math.frexp(float(np.max(np.abs(f))))[1] - 1)  # > max|f| / 2
                if unit > units[k]:
                    means[k] *= units[k] / unit
                    m2[k] *= (units[k] / unit) ** 2
                    units[k] = unit
                f = f / units[k]
                block_mean = float(f.mean())
                block_m2 = float(np.square(f - block_mean).sum())
                total = counts[k] + f.size
                delta = block_mean - means[k]
                means[k] += delta * f.size / total
                m2[k] += block_m2 + delta * delta * counts[k] * f.size / total
                counts[k] = total
            if progress is not None:
                progress(hi, self.count)
        with np.errstate(invalid="ignore", divide="ignore"):
            std = np.where(counts > 0, np.sqrt(m2 / np.maximum(counts, 1)) * units, np.nan)
        for k, alpha in enumerate(alphas):
            mean = float(means[k] * units[k]) if counts[k] else math.nan
            self.data._statistics[("f", self.precision, alpha)] = (mean, float(std[k]))
        if share:
            self.data._statistics[("share", self.precision)] = at_or_below / self.count if self.count else 0.0

    #: Your values lie anywhere, in any order: views show where (a histogram of x).
    evenly_spaced = False

    def zero_crossing_index(self) -> int | None:
        """None: values in any order have no row where they cross 0 (the sweep's has)."""
        return None

    def exact_f_decimal(self, i: int, alpha: Decimal | None = None) -> Decimal:
        """f(x_i) as an exact decimal: of the decimal typed, or of the value stored (NaN/inf too)."""
        i = self._index(i)
        a = self.alpha if alpha is None else alpha
        if isinstance(self.data, DecimalColumn):
            e = self.data.exact(i)
            x = Decimal(e.numerator).scaleb(-e.scale)
        else:
            x = Decimal(float(self.data.doubles(i, i + 1)[0]))
        if x.is_nan() or x > 0:
            return x
        if x.is_infinite():  # -inf times alpha, as torch has it (times 0: NaN)
            return x if a > 0 else -x if a < 0 else Decimal("NaN")
        with localcontext() as context:
            context.prec = len(x.as_tuple().digits) + len(a.as_tuple().digits) + 2
            return x * a

    def histogram(
        self, bins: int = 80, progress: Progress | None = None, should_stop: ShouldStop | None = None
    ) -> tuple[np.ndarray, float, float] | None:
        """How many finite x lie in each of ``bins`` equal parts of [min x, max x], or None
        without two distinct finite x. A pass a block at a time; remembered, as the data never change.
        """
        key = ("histogram", bins)
        known = self.data._statistics.get(key)
        if known is not None or key in self.data._statistics:
            return known
        extent = self.extent  # the values as stored (or typed), whatever the precision
        if extent.i_min is None or extent.i_max is None:
            self.data._statistics[key] = None
            return None
        lo, hi = self.data.exact_x(extent.i_min), self.data.exact_x(extent.i_max)
        if not lo < hi:
            self.data._statistics[key] = None
            return None
        counts = np.zeros(bins, dtype=np.int64)
        # In halves: hi - lo itself overflows for x across the whole range of the doubles.
        half_lo = lo / 2
        per_unit = bins / (hi / 2 - half_lo)
        if not math.isfinite(per_unit):  # a span too small to divide by: subnormal x
            self.data._statistics[key] = None
            return None
        for start in range(0, self.count, BLOCK_ROWS):
            if should_stop is not None and should_stop():
                raise ValuesCancelled
            end = min(start + BLOCK_ROWS, self.count)
            x = self.data.doubles(start, end)
            x = x[np.isfinite(x)]
            # np.histogram's way, a third of its time: the bar of each x, then a count a bar.
            bar = ((x / 2 - half_lo) * per_unit).astype(np.intp)
            np.clip(bar, 0, bins - 1, out=bar)  # the largest x belongs to the last bar
            counts += np.bincount(bar, minlength=bins)
            if progress is not None:
                progress(end, self.count)
        result = (counts, lo, hi)
        self.data._statistics[key] = result
        return result

    def known_histogram(self, bins: int = 80) -> tuple[np.ndarray, float, float] | None:
        """The histogram if it has been worked out already (it never is here), else None."""
        return self.data._statistics.get(("histogram", bins))

    def description(self) -> str:
        """'values.npy: 1,000,000 float32 values (shape (1000, 1000), flattened in C order)'."""
        kind = "decimal" if isinstance(self.data, DecimalColumn) else self.data.kind
        text = f"{self.name}: {self.count:,} {kind} value{'s' if self.count != 1 else ''}"
        if self.shape is not None and len(self.shape) != 1:
            text += f" (shape {self.shape}, flattened in C order)"
        extent = self.extent
        if extent.nan_count or extent.inf_count:
            text += f"; {extent.nan_count:,} NaN, {extent.inf_count:,} infinite"
        return text

    def _index(self, i: int) -> int:
        if not -self.count <= i < self.count:
            raise IndexError(f"row {i} of {self.count}")
        return i % self.count


def values_from_decimals(xs: Iterable[Decimal], name: str = "values", **kwargs: object) -> Values:
    """Values from decimals already parsed (tests, the paste of a few cells)."""
    numerators, scales, big = [], [], {}
    for i, x in enumerate(xs):
        e = ExactNumber.of(x)
        if abs(e.numerator) < _INT64_SAFE and e.scale < 2**15:
            numerators.append(e.numerator)
            scales.append(e.scale)
        else:
            numerators.append(0)
            scales.append(0)
            big[i] = e
    data = DecimalColumn(
        np.array(numerators, dtype=np.int64),
        np.array(scales, dtype=np.int16),
        np.array(sorted(big), dtype=np.int64),
        big,
    )
    return Values(data, name=name, **kwargs)  # type: ignore[arg-type]
