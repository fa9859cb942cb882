"""The sweep as a source of x: ``SweepParams``, x_i = start + i*step, with f and f' per alpha.

Exactness. Every input is kept as the decimal the user typed. A value with ``d``
decimals is an integer numerator over ``10**d``, so ``x_i = (S + i*T) / 10**d`` and
``alpha*x_i = (A*(S + i*T)) / 10**(d+e)`` are quotients of integers, and Python's
``int / int`` is correctly rounded: every number is the double nearest the exact
decimal result, never ``-0.037000000000000005`` or a ``5.55e-17`` that should be 0.

Here too the one place that knows the defaults. ``leaky_gui.calc.sweep`` holds f and f'
of single numbers and the one judge of inputs, and names all of this for its users.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import ClassVar

import numpy as np

from leaky_gui.calc.exact import ExactNumber, exact_decimal, exact_leaky, leaky_exact, nearest_double
from leaky_gui.calc.precision import DEFAULT_PRECISION, PRECISIONS, leaky_in, round_to
from leaky_gui.calc.source import ENGLISH, AlphasInPrecision, Blocks, Wording, step_through
from leaky_gui.calc.text import ParameterError, parse_count, parse_decimal
from leaky_gui.calc.text.nearest import EXACT_POWERS

__all__ = [
    "DEFAULT_ALPHA",
    "DEFAULT_COUNT",
    "DEFAULT_START",
    "DEFAULT_STEP",
    "SweepParams",
    "sweep_exact_f",
    "zero_crossing_text",
]

# The one place that knows the defaults (the web calculator's, and PyTorch's alpha).
DEFAULT_START = Decimal("-4")
DEFAULT_STEP = Decimal("0.05")
DEFAULT_COUNT = 101
DEFAULT_ALPHA = Decimal("0.01")

_INT64_SAFE = 1 << 62  # products of numerators below this stay inside int64


@dataclass(frozen=True)
class SweepParams(AlphasInPrecision):
    """Validated sweep inputs: x_i = start + i*step for i in 0..count-1, and the alphas.

    ``alphas[0]`` is the current alpha; further ones are compared against it.
    ``precision`` is float64 (exact: every value the double nearest the exact decimal) or
    a framework precision, float32, float16 or bfloat16, in which x_i, f and f' are what
    PyTorch computes for ``torch.tensor(x_i, dtype=precision)`` (leaky_gui.calc.precision).
    """

    start: Decimal = DEFAULT_START
    step: Decimal = DEFAULT_STEP
    count: int = DEFAULT_COUNT
    alphas: tuple[Decimal, ...] = (DEFAULT_ALPHA,)
    precision: str = DEFAULT_PRECISION
    # Derived once: the integer form of the inputs (not part of equality).
    _start_num: int = field(init=False, repr=False, compare=False)
    _step_num: int = field(init=False, repr=False, compare=False)
    _scale: int = field(init=False, repr=False, compare=False)
    _alphas_exact: tuple[ExactNumber, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        start = parse_decimal(self.start, "start")
        step = parse_decimal(self.step, "step")
        count = parse_count(self.count)
        if not self.alphas:
            raise ParameterError("alpha", "at least one alpha is needed")
        alphas = tuple(parse_decimal(a, "alpha") for a in self.alphas)
        if step == 0:
            raise ParameterError("step", "must not be 0 (every point would be the same)")
        if self.precision not in PRECISIONS:
            raise ParameterError("dtype", f"must be one of {', '.join(PRECISIONS)}, not {self.precision!r}")
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "step", step)
        object.__setattr__(self, "count", count)
        object.__setattr__(self, "alphas", alphas)
        es, et = ExactNumber.of(start), ExactNumber.of(step)
        scale = max(es.scale, et.scale)
        object.__setattr__(self, "_start_num", es.numerator * 10 ** (scale - es.scale))
        object.__setattr__(self, "_step_num", et.numerator * 10 ** (scale - et.scale))
        object.__setattr__(self, "_scale", scale)
        object.__setattr__(self, "_alphas_exact", self._exact_alphas())
        self._check_range()

    @classmethod
    def from_text(
        cls,
        start: str | Decimal = DEFAULT_START,
        step: str | Decimal = DEFAULT_STEP,
        count: str | int = DEFAULT_COUNT,
        alphas: Iterable[str | Decimal] = (DEFAULT_ALPHA,),
        max_count: int | None = None,
        precision: str = DEFAULT_PRECISION,
    ) -> SweepParams:
        """Parse typed values, naming the field of the first one that is wrong."""
        return cls(
            parse_decimal(start, "start"),
            parse_decimal(step, "step"),
            parse_count(count, maximum=max_count),
            tuple(parse_decimal(a, "alpha") for a in alphas),
            precision,
        )

    def _check_range(self) -> None:
        # f is piecewise linear, so the extremes of x and every f are at the two ends. The
        # current alpha is checked before the others, so that an error names it first.
        ends = (0, self.count - 1)
        for i in ends:
            try:
                self.exact_x(i)
            except OverflowError:
                raise ParameterError("count", "the sweep runs beyond the largest double (1.8e308)") from None
            self._check_f_within_the_doubles(i, 0)
        for index in range(1, len(self.alphas)):
            for i in ends:
                self._check_f_within_the_doubles(i, index)

    #: What titles and file names call a sweep.
    name: ClassVar[str] = "sweep"

    def with_alphas(self, alphas: Iterable[Decimal]) -> SweepParams:
        return SweepParams(self.start, self.step, self.count, tuple(alphas), self.precision)

    def with_precision(self, precision: str) -> SweepParams:
        return SweepParams(self.start, self.step, self.count, self.alphas, precision)

    def same_source(self, other: object) -> bool:
        return isinstance(other, SweepParams)

    def same_x(self, other: object) -> bool:
        return isinstance(other, SweepParams) and (other.start, other.step, other.count, other.precision) == (
            self.start,
            self.step,
            self.count,
            self.precision,
        )

    def description(self, words: Wording = ENGLISH) -> str:
        """'101 points, x from -4 to 1, zero crossing: i = 80'."""
        return words.points.format(
            count=f"{self.count:,}",
            low=self.text(self.x_first),
            high=self.text(self.x_last),
            crossing=zero_crossing_text(self.zero_crossing_index()),
        )

    # -- single points -------------------------------------------------------

    def x_numerator(self, i: int) -> int:
        """x_i * 10**scale, exactly."""
        return self._start_num + i * self._step_num

    @property
    def step_numerator(self) -> int:
        """step * 10**scale, exactly."""
        return self._step_num

    @property
    def scale(self) -> int:
        """Decimals shared by start and step."""
        return self._scale

    def exact_x(self, i: int) -> float:
        """x_i, the double nearest start + i*step."""
        return nearest_double(self.x_numerator(i), self._scale)

    def exact_f(self, i: int, alpha: Decimal | None = None) -> float:
        """f(x_i) for ``alpha`` (the current alpha by default), exactly rounded."""
        return leaky_exact(ExactNumber(self.x_numerator(i), self._scale), self.exact_alpha(alpha))

    def x(self, i: int) -> float:
        """x_i in this sweep's precision (exact: the double nearest start + i*step)."""
        if self.exact:
            return self.exact_x(i)
        return float(round_to(self.exact_x(i), self.precision))

    def f(self, i: int, alpha: Decimal | None = None) -> float:
        """f(x_i) for ``alpha`` (the current alpha by default) in this sweep's precision."""
        if self.exact:
            return self.exact_f(i, alpha)
        return float(leaky_in(self.x(i), float(self.alpha if alpha is None else alpha), self.precision))

    def df(self, i: int, alpha: Decimal | None = None) -> float:
        """f'(x_i): 1 where x_i > 0, else alpha (in this sweep's precision)."""
        positive = self.x_numerator(i) > 0 if self.exact else self.x(i) > 0
        return 1.0 if positive else self.leak(alpha)

    @property
    def x_first(self) -> float:
        return self.x(0)

    @property
    def x_last(self) -> float:
        return self.x(self.count - 1)

    #: x rises (or falls) by one step a row: a sweep's points are evenly spaced, so views
    #: need no histogram of where they lie.
    evenly_spaced = True

    def exact_f_decimal(self, i: int, alpha: Decimal | None = None) -> Decimal:
        """f(x_i) as an exact decimal (what a framework precision's value is compared with)."""
        return sweep_exact_f(self, i, alpha)

    def zero_crossing_index(self) -> int | None:
        """First i at which the sweep reaches or passes x = 0 (the kink), or None.

        The defaults give 80: x_80 = -4 + 80*0.05 = 0 exactly.
        """
        s, t = self._start_num, self._step_num
        if s == 0:
            return 0
        if not self.exact:
            return self._precision_crossing()
        if (s < 0) == (t < 0):
            return None  # moving away from zero
        # Smallest i with s + i*t on the far side of (or at) zero: ceil(|s| / |t|).
        i = -(-abs(s) // abs(t))
        return i if i < self.count else None

    def _precision_crossing(self) -> int | None:
        """In a framework precision x_i near 0 may round to 0 (float16 below 3e-8): sooner."""
        first = self.x(0)
        if first == 0:
            return 0
        if (self._start_num < 0) == (self._step_num < 0):
            return None

        def passed(i: int) -> bool:  # monotone in i
            return self.x(i) == 0 or (self.x(i) < 0) != (first < 0)

        if not passed(self.count - 1):
            return None
        lo, hi = 0, self.count - 1  # passed(hi), not passed(lo)
        while hi - lo > 1:
            mid = (lo + hi) // 2
            lo, hi = (lo, mid) if passed(mid) else (mid, hi)
        return hi

    def derivative_points(self, alpha: Decimal | None = None) -> tuple[list[float], list[float]]:
        """f' over [x_0, x_last] as a step: alpha up to and including 0, then 1.

        The vertical segment sits at x = 0, where f' jumps; f'(0) = alpha.
        """
        ends = sorted((0, self.count - 1), key=self.x_numerator)
        return step_through(self.x(ends[0]), self.x(ends[1]), self.leak(alpha))

    def f_range(self, alpha: Decimal | None = None) -> tuple[float, float]:
        """Smallest and largest f over the sweep (at the ends or the kink)."""
        _, ys = self.curve_points(alpha)
        return min(ys), max(ys)

    # -- blocks of rows (the XSource interface the CSV writer reads) ----------

    def decimal_block(self, lo: int, hi: int) -> Blocks:
        """(numerators, scale) of rows [lo, hi): x_i = numerators[i] / 10**scale, exactly.

        int64 when every intermediate product fits (x_i is monotonic, so the ends and the
        step bound them all), Python ints otherwise.
        """
        extremes = (self.x_numerator(0), self.x_numerator(self.count - 1), self._step_num)
        if max(map(abs, extremes)) < _INT64_SAFE:
            # One pass: numpy's integer arange is first + i * step in int64, exactly.
            first, stop = self.x_numerator(lo), self.x_numerator(hi)
            if abs(stop) < _INT64_SAFE:
                block = np.arange(first, stop, self._step_num, dtype=np.int64)
                if block.size == hi - lo:
                    return block, self._scale
            return self._start_num + np.arange(lo, hi, dtype=np.int64) * self._step_num, self._scale
        return [self.x_numerator(i) for i in range(lo, hi)], self._scale

    def x_block(self, lo: int, hi: int) -> np.ndarray:
        """x of rows [lo, hi) in this sweep's precision (int64 / 10**d: one rounding, if exact)."""
        (num, scale), divided = self.decimals_divided(lo, hi)
        if divided:
            doubles = np.divide(num, 10.0**scale)  # each an exact int64 to double, then one rounding
        else:
            doubles = np.array([int(n) / 10**scale for n in num], dtype=np.float64)
        return round_to(doubles, self.precision)

    def decimals_divided(self, lo: int, hi: int) -> tuple[Blocks, bool]:
        """(decimal_block, divided) of rows [lo, hi): if divided, x_block is this precision of
        ``np.divide(num, 10.0**scale)``, the doubles nearest the decimals (one division each)."""
        num, scale = self.decimal_block(lo, hi)
        # The sweep is monotonic: its ends bound every |numerator| of the block.
        ends = max(abs(self.x_numerator(lo)), abs(self.x_numerator(hi - 1))) if hi > lo else 0
        return (num, scale), isinstance(num, np.ndarray) and scale <= EXACT_POWERS and ends < 2**53

    def histogram(self, bins: int = 80, progress: object = None, should_stop: object = None) -> None:
        """None: a sweep's x are evenly spaced, so where they lie needs no histogram."""
        return None

    def known_histogram(self, bins: int = 80) -> None:
        return None

    def statistics(self, progress: object = None, should_stop: object = None) -> None:
        """None: a sweep's range and count (the info panel's) say all its statistics would."""
        return None

    def f_block(self, lo: int, hi: int, alpha: Decimal) -> np.ndarray:
        """f of rows [lo, hi) for ``alpha`` in this sweep's precision."""
        if self.exact:
            return np.array([self.exact_f(i, alpha) for i in range(lo, hi)], dtype=np.float64)
        return leaky_in(self.x_block(lo, hi), float(alpha), self.precision)

    def curve_points(self, alpha: Decimal | None = None) -> tuple[list[float], list[float]]:
        """The whole curve over [x_0, x_last] as at most three vertices: ends and the kink.

        f is linear on each side of 0, so a line through these points is exact at any count.
        """
        a = self.alpha if alpha is None else alpha
        ends = sorted((0, self.count - 1), key=self.x_numerator)
        lo, hi = self.x(ends[0]), self.x(ends[1])
        xs = [self.x(ends[0])]
        ys = [self.f(ends[0], a)]
        if lo < 0 < hi:
            xs.append(0.0)
            ys.append(0.0)
        if hi != lo:
            xs.append(self.x(ends[1]))
            ys.append(self.f(ends[1], a))
        return xs, ys


def sweep_exact_f(params: SweepParams, i: int, alpha: Decimal | None = None) -> Decimal:
    """f(x_i) of a sweep as an exact decimal (the reference its precision is compared with)."""
    x = exact_decimal(params.x_numerator(i), params.scale)
    return exact_leaky(x, params.alpha if alpha is None else alpha)


def zero_crossing_text(index: int | None) -> str:
    """How every surface words where a sweep reaches x = 0: 'i = 80', or that it does not."""
    return "none (the sweep stays on one side of 0)" if index is None else f"i = {index:,}"
