"""The user's own x values as a source of x beside the sweep (no Qt): ``Values``.

Two kinds of data (``value_data``: decimals as typed, ``DecimalColumn``, and a stored
array, ``StoredArray``), one behaviour: the ``XSource`` interface the sweep has too. In
float64 each x is the exact value given; in float32, float16 and bfloat16 it is what
``torch.from_numpy(array).to(dtype)`` holds, and f, f' are what ``F.leaky_relu`` and
autograd give (the ``precision`` rules). NaN and ±inf in a stored array are carried
through as torch carries them, and counted.

The extent (where the smallest and largest finite x are, how many are NaN or infinite) is
found once per data, when it is read; statistics per precision and alphas are computed on
request, a block at a time, and remembered.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, localcontext

import numpy as np

from leaky_gui.calc.exact import ExactNumber, RowNumbers, leaky_exact
from leaky_gui.calc.precision import DEFAULT_PRECISION, PRECISIONS, leaky_in, tensor_to
from leaky_gui.calc.source import (
    ENGLISH,
    AlphasInPrecision,
    Blocks,
    ValuesStatistics,
    Wording,
    curve_through,
    step_through,
)
from leaky_gui.calc.sweep_params import DEFAULT_ALPHA
from leaky_gui.calc.text import ParameterError, parse_decimal
from leaky_gui.calc.value_data import (
    BLOCK_ROWS,
    DecimalColumn,
    Extent,
    Progress,
    ShouldStop,
    StoredArray,
    ValuesCancelled,
    find_extent,
)

__all__ = ["Values", "ValuesStatistics", "values_from_decimals"]

_INT64_SAFE = 1 << 62
#: Rows the histogram works on at a time (a divisor of BLOCK_ROWS): in the caches.
_HISTOGRAM_PIECE = 1 << 16


# ---------------------------------------------------------------------------
# The source


@dataclass(frozen=True, eq=False)
class Values(AlphasInPrecision):
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
        object.__setattr__(self, "_alphas_exact", self._exact_alphas())
        extent = find_extent(self.data)
        if isinstance(self.data, StoredArray):
            return  # stored values carry inf (and alpha*x beyond the doubles rounds to it), as torch does
        if all(abs(a.numerator) <= 10**a.scale for a in self._alphas_exact):
            return  # |alpha * x| <= |x|, whose nearest double is finite: so is f's
        for i in (extent.i_min, extent.i_max):
            if i is not None:
                for row in self._rows_at_double_of(i):
                    self._check_f_within_the_doubles(row)

    def _rows_at_double_of(self, i: int) -> list[int]:
        """Row i, and where alpha * x may pass the doubles there, every row whose x rounds to
        the same double (a longer decimal may lie beyond it: -1.00000000000000000001e300)."""
        x = abs(self.data.exact_x(i))
        if x * max(abs(float(a)) for a in self.alphas) < 2.0**1022:  # no tie can pass 2**1024
            return [i]
        rows = []
        for lo in range(0, self.data.count, 1 << 16):
            hi = min(lo + (1 << 16), self.data.count)
            rows.extend((lo + np.flatnonzero(np.abs(self.data.doubles(lo, hi)) == x)).tolist())
        return rows

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
    def extent(self) -> Extent:
        return find_extent(self.data)

    def with_alphas(self, alphas: Iterable[Decimal]) -> Values:
        return Values(self.data, tuple(alphas), self.precision, self.name, self.shape)

    def with_precision(self, precision: str) -> Values:
        return Values(self.data, self.alphas, precision, self.name, self.shape)

    def same_source(self, other: object) -> bool:
        return isinstance(other, Values) and other.data is self.data

    def same_x(self, other: object) -> bool:
        return isinstance(other, Values) and other.data is self.data and other.precision == self.precision

    def exact_x(self, i: int) -> float:
        """x_i itself: the double nearest the typed decimal, or the stored value."""
        return self.data.exact_x(self._index(i))

    def exact_f(self, i: int, alpha: Decimal | None = None) -> float:
        """f(x_i), the double nearest the exact result (raises OverflowError beyond the doubles)."""
        i = self._index(i)
        a = self.exact_alpha(alpha)
        if isinstance(self.data, DecimalColumn):
            return leaky_exact(self.data.exact(i), a)
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

    def x_block(self, lo: int, hi: int) -> np.ndarray:
        if isinstance(self.data, StoredArray):
            return tensor_to(self.data.raw(lo, hi), self.precision)
        return tensor_to(self.data.doubles(lo, hi), self.precision)

    def decimal_block(self, lo: int, hi: int) -> Blocks | None:
        if isinstance(self.data, DecimalColumn):
            return self.data.decimal_block(lo, hi)
        return None

    def decimals_divided(self, lo: int, hi: int) -> tuple[Blocks | None, bool]:
        """(decimal_block, False): x_block rounds each value itself, never through one division."""
        return self.decimal_block(lo, hi), False

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
        # np.histogram's way, a third of its time: the bar of each x, then a count a bar; a
        # piece at a time, in place, so the temporaries stay in the caches.
        some_not_finite = bool(extent.nan_count or extent.inf_count)
        at, bar = np.empty(_HISTOGRAM_PIECE), np.empty(_HISTOGRAM_PIECE, dtype=np.intp)
        for start in range(0, self.count, _HISTOGRAM_PIECE):
            if start % BLOCK_ROWS == 0 and should_stop is not None and should_stop():
                raise ValuesCancelled
            end = min(start + _HISTOGRAM_PIECE, self.count)
            x = self.data.doubles(start, end)
            if some_not_finite:
                x = x[np.isfinite(x)]
            t, b = at[: x.size], bar[: x.size]
            np.divide(x, 2, out=t)
            np.subtract(t, half_lo, out=t)
            np.multiply(t, per_unit, out=t)
            np.copyto(b, t, casting="unsafe")  # toward zero, as astype
            np.clip(b, 0, bins - 1, out=b)  # the largest x belongs to the last bar
            counts += np.bincount(b, minlength=bins)
            if progress is not None and (end % BLOCK_ROWS == 0 or end == self.count):
                progress(end, self.count)
        result = (counts, lo, hi)
        self.data._statistics[key] = result
        return result

    def known_histogram(self, bins: int = 80) -> tuple[np.ndarray, float, float] | None:
        """The histogram if it has been worked out already (it never is here), else None."""
        return self.data._statistics.get(("histogram", bins))

    def description(self, words: Wording = ENGLISH) -> str:
        """'values.npy: 1,000,000 float32 values (shape (1000, 1000), flattened in C order)'."""
        decimal = isinstance(self.data, DecimalColumn)
        if decimal:
            template = words.decimal_values if self.count != 1 else words.decimal_value
        else:
            template = words.typed_values if self.count != 1 else words.typed_value
        text = template.format(name=self.name, count=f"{self.count:,}", kind=self.data.kind)
        if self.shape is not None and len(self.shape) != 1:
            text += words.shape.format(shape=self.shape)
        extent = self.extent
        if extent.nan_count or extent.inf_count:
            text += words.special.format(nan=f"{extent.nan_count:,}", inf=f"{extent.inf_count:,}")
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
        RowNumbers(big),
    )
    return Values(data, name=name, **kwargs)  # type: ignore[arg-type]
