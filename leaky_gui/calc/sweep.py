"""The exact sweep: Leaky ReLU and its derivative, SweepParams, and the one judge of inputs.

Pure Python and numpy, no Qt: the command line, the CSV writer and the window all
come here for numbers, so there is exactly one definition of each. (Number text is in
the text engine ``text``, exact scaled integers in ``exact``, the framework precisions in ``precision``,
presets and gains in ``alphas``.)

Exactness. Every input is kept as the decimal the user typed. A value with ``d``
decimals is an integer numerator over ``10**d``, so ``x_i = (S + i*T) / 10**d`` and
``alpha*x_i = (A*(S + i*T)) / 10**(d+e)`` are quotients of integers, and Python's
``int / int`` is correctly rounded: every number is the double nearest the exact
decimal result, never ``-0.037000000000000005`` or a ``5.55e-17`` that should be 0.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import numpy as np

from leaky_gui.calc.exact import (
    ExactNumber,
    exact_decimal,
    exact_leaky,
    leaky_exact,
    nearest_double,
    rounding_note,
)
from leaky_gui.calc.precision import (
    DEFAULT_PRECISION,
    PRECISIONS,
    derivative_in,
    format_in,
    leaky_in,
    round_to,
    tensor_to,
)
from leaky_gui.calc.source import step_through
from leaky_gui.calc.text import (
    ParameterError,
    decimal_label,
    format_label,
    format_number,
    parse_count,
    parse_decimal,
)
from leaky_gui.calc.value_data import StoredArray

if TYPE_CHECKING:  # values.py builds on this module
    from leaky_gui.calc.values import Values

__all__ = [
    "DEFAULT_ALPHA",
    "DEFAULT_COUNT",
    "DEFAULT_START",
    "DEFAULT_STEP",
    "ExactNumber",
    "ParameterError",
    "SweepParams",
    "decimal_label",
    "exact_leaky",
    "format_label",
    "format_number",
    "leaky_point",
    "leaky_relu",
    "leaky_relu_derivative",
    "parse_count",
    "parse_decimal",
    "rounding_note",
    "sweep_exact_f",
    "sweep_problem",
    "whole_sweep_problem",
    "zero_crossing_text",
]

# The one place that knows the defaults (the web calculator's, and PyTorch's alpha).
DEFAULT_START = Decimal("-4")
DEFAULT_STEP = Decimal("0.05")
DEFAULT_COUNT = 101
DEFAULT_ALPHA = Decimal("0.01")

_INT64_SAFE = 1 << 62  # products of numerators below this stay inside int64


Number = float | int | str | Decimal
ArrayLike = Any  # a numpy array, or anything np.asarray takes: lists, tuples, tensors' .numpy()


def leaky_relu(x: Number | ArrayLike, alpha: Number = DEFAULT_ALPHA, dtype: Any = DEFAULT_PRECISION) -> Any:
    """f(x) = x if x > 0 else alpha*x, the double nearest the exact result.

    A number (a Python float, int, str or Decimal) gives a Python float; a float counts as
    the decimal its shortest text shows, so ``leaky_relu(-3.7)`` is -0.037, not
    -0.037000000000000005. An array (or a list, a tuple, anything ``np.asarray`` takes)
    gives an array of its shape: each x is the double it holds (float16, float32 and
    integers exactly too), NaN stays NaN. ``alpha`` is the decimal its text names
    (``"0.01"``, or a float's shortest text). ``dtype`` float32, float16 or bfloat16
    computes as PyTorch does (``torch.nn.functional.leaky_relu`` on a tensor of that
    dtype); arrays come back as float32 or float16 (bfloat16 values in a float32 array).
    """
    precision = _precision(dtype)
    ea = ExactNumber.of(parse_decimal(_scalar(alpha), "alpha"))
    if not _is_number(x):
        xs = _array_of(x)
        if precision == DEFAULT_PRECISION:
            return StoredArray(xs).exact_f_block(0, xs.size, ea).reshape(xs.shape)
        x_d = tensor_to(xs, precision)
        return _as_dtype(leaky_in(x_d, alpha_float(ea), precision), precision)
    x = _scalar(x)
    ex = ExactNumber.of(parse_decimal(x, "x"))
    if precision != DEFAULT_PRECISION:
        x_d = tensor_to(np.array([_nearest(ex, x)]), precision)
        return float(leaky_in(x_d, alpha_float(ea), precision)[0])
    try:
        return leaky_exact(ex, ea)
    except OverflowError:
        shown = decimal_label(x) if isinstance(x, Decimal) else str(x).strip()
        raise ParameterError("x", f"alpha*x runs beyond the largest double for x={shown}") from None


def leaky_relu_derivative(
    x: Number | ArrayLike, alpha: Number = DEFAULT_ALPHA, dtype: Any = DEFAULT_PRECISION
) -> Any:
    """f'(x) = 1 if x > 0 else alpha (so f'(0) = alpha, as in PyTorch and TensorFlow).

    Numbers and arrays as in ``leaky_relu``; ``dtype`` gives alpha in that precision, as
    PyTorch's gradient has it.
    """
    precision = _precision(dtype)
    a = parse_decimal(_scalar(alpha), "alpha")
    if not _is_number(x):
        xs = _array_of(x)
        if precision == DEFAULT_PRECISION:
            return np.where(xs.astype(np.float64) > 0, 1.0, float(a) + 0.0)
        return _as_dtype(derivative_in(tensor_to(xs, precision), float(a), precision), precision)
    x = _scalar(x)
    if precision != DEFAULT_PRECISION:
        x_d = tensor_to(np.array([_nearest(ExactNumber.of(parse_decimal(x, "x")), x)]), precision)
        return float(derivative_in(x_d, float(a), precision)[0])
    if parse_decimal(x, "x") > 0:
        return 1.0
    return float(a) + 0.0


def alpha_float(alpha: ExactNumber) -> float:
    """The double nearest alpha (what a framework is handed as its negative slope)."""
    return alpha.to_float()


def _is_number(x: object) -> bool:
    return isinstance(x, (int, float, str, Decimal, np.generic))


def _scalar(x: Any) -> Number:
    """A numpy scalar as the number it shows: its shortest text in its own type."""
    if isinstance(x, np.floating) and not isinstance(x, float):
        return str(x)
    if isinstance(x, np.floating):
        return float(x)
    if isinstance(x, np.integer):
        return int(x)
    if isinstance(x, np.bool_):
        return bool(x)
    return x


def _array_of(x: object) -> np.ndarray:
    """``x`` as a numpy array of doubles, smaller floats or integers, as it holds them."""
    try:
        xs = np.asarray(x)
    except (TypeError, ValueError) as exc:
        raise ParameterError("x", f"not a number or an array of numbers ({exc})") from None
    if xs.dtype.kind == "b":
        xs = xs.astype(np.uint8)
    if not (xs.dtype.kind in "iu" or (xs.dtype.kind == "f" and xs.dtype.itemsize in (2, 4, 8))):
        raise ParameterError(
            "x", f"an array of {xs.dtype} is not read: give float64, float32, float16 or integer values"
        )
    return xs


def _nearest(ex: ExactNumber, typed: object) -> float:
    try:
        return ex.to_float()
    except OverflowError:
        raise ParameterError("x", f"{typed} is beyond the largest double") from None


def _precision(dtype: Any) -> str:
    """'float64', 'float32', 'float16' or 'bfloat16' from a name, a numpy dtype or a torch dtype."""
    name = getattr(dtype, "name", None) if isinstance(dtype, np.dtype) else None
    if name is None:
        try:
            name = np.dtype(dtype).name
        except TypeError:
            name = str(dtype)
    name = name.removeprefix("torch.")
    if name not in PRECISIONS:
        raise ParameterError("dtype", f"{dtype!r}: use one of {', '.join(PRECISIONS)}")
    return name


def _as_dtype(values: np.ndarray, precision: str) -> np.ndarray:
    return values.astype(np.float16 if precision == "float16" else np.float32)


# ---------------------------------------------------------------------------
# The sweep


@dataclass(frozen=True)
class SweepParams:
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
        object.__setattr__(self, "_alphas_exact", tuple(ExactNumber.of(a) for a in alphas))
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
            f_within_the_doubles(self, i, 0)
        for index in range(1, len(self.alphas)):
            for i in ends:
                f_within_the_doubles(self, i, index)

    @property
    def alpha(self) -> Decimal:
        """The current alpha."""
        return self.alphas[0]

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

    @property
    def exact(self) -> bool:
        """Whether values are the exact mode's (float64) rather than a framework precision's."""
        return self.precision == DEFAULT_PRECISION

    def text(self, value: float) -> str:
        """The one number text for this sweep's values: shortest in its precision."""
        return format_number(value) if self.exact else format_in(value, self.precision)

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

    def exact_alpha(self, alpha: Decimal) -> ExactNumber:
        for a, exact in zip(self.alphas, self._alphas_exact, strict=True):
            if a == alpha:
                return exact
        return ExactNumber.of(alpha)

    def exact_x(self, i: int) -> float:
        """x_i, the double nearest start + i*step."""
        return nearest_double(self.x_numerator(i), self._scale)

    def exact_f(self, i: int, alpha: Decimal | None = None) -> float:
        """f(x_i) for ``alpha`` (the current alpha by default), exactly rounded."""
        a = self._alphas_exact[0] if alpha is None else self.exact_alpha(alpha)
        return leaky_exact(ExactNumber(self.x_numerator(i), self._scale), a)

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

    def leak(self, alpha: Decimal | None = None) -> float:
        """f' for x <= 0: alpha, as this sweep's precision holds it (D(float32(alpha)))."""
        a = float(self.alpha if alpha is None else alpha) + 0.0
        return a if self.exact else float(derivative_in(-1.0, a, self.precision))

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
        passed = lambda i: self.x(i) == 0 or (self.x(i) < 0) != (first < 0)  # noqa: E731 - monotone in i
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

    def decimal_block(self, lo: int, hi: int) -> tuple[np.ndarray | list[int], int]:
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

    def decimals_divided(self, lo: int, hi: int) -> tuple[tuple[np.ndarray | list[int], int], bool]:
        """(decimal_block, divided) of rows [lo, hi): if divided, x_block is this precision of
        ``np.divide(num, 10.0**scale)``, the doubles nearest the decimals (one division each)."""
        num, scale = self.decimal_block(lo, hi)
        # The sweep is monotonic: its ends bound every |numerator| of the block.
        ends = max(abs(self.x_numerator(lo)), abs(self.x_numerator(hi - 1))) if hi > lo else 0
        return (num, scale), isinstance(num, np.ndarray) and scale <= 22 and ends < 2**53

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


def negative_branch(
    params: SweepParams, alphas: Iterable[Decimal], leaks: Iterable[Decimal] = ()
) -> tuple[tuple[float, float], tuple[float, float]] | None:
    """The x and y ranges that hold every curve's x <= 0 part, or None when no x_i is <= 0.

    x runs from the sweep's lowest x (its first, or its last when step < 0) up to 0; y spans
    0 and f there for each of ``alphas``, as the curves draw them (f is linear on that side,
    so its extremes are at the ends), and each of ``leaks``: f' = alpha there (derivatives).
    """
    lowest = min((0, params.count - 1), key=params.x_numerator)
    if params.x_numerator(lowest) > 0:
        return None
    ys = [0.0, *(params.f(lowest, alpha) for alpha in alphas), *(params.leak(a) for a in leaks)]
    return (params.x(lowest), 0.0), (min(ys), max(ys))


def every_f_within_the_doubles(source: SweepParams | Values, i: int) -> None:
    """Raise ParameterError naming the first alpha whose f(x_i) runs beyond the doubles."""
    for index in range(len(source.alphas)):
        f_within_the_doubles(source, i, index)


def f_within_the_doubles(source: SweepParams | Values, i: int, index: int) -> None:
    """Raise ParameterError (with ``row`` and ``alpha_index``) if f(x_i) for alpha number
    ``index`` runs beyond the doubles."""
    alpha = source.alphas[index]
    try:
        source.exact_f(i, alpha)
    except OverflowError:
        error = ParameterError(
            "alpha", f"alpha={decimal_label(alpha)} times x runs beyond the largest double (1.8e308)"
        )
        error.row, error.alpha_index = i, index
        raise error from None


def leaky_point(x: Decimal, alpha: Decimal, precision: str = DEFAULT_PRECISION) -> tuple[float, float, float]:
    """x, f(x) and f'(x) for one typed x as ``precision`` holds them (float64: exact)."""
    if precision == DEFAULT_PRECISION:
        return float(x) + 0.0, leaky_relu(x, alpha), leaky_relu_derivative(x, alpha)
    x_d = round_to(float(x), precision)
    a = float(alpha)
    return float(x_d), float(leaky_in(x_d, a, precision)), float(derivative_in(x_d, a, precision))


def sweep_exact_f(params: SweepParams, i: int, alpha: Decimal | None = None) -> Decimal:
    """f(x_i) of a sweep as an exact decimal (the reference its precision is compared with)."""
    x = exact_decimal(params.x_numerator(i), params.scale)
    return exact_leaky(x, params.alpha if alpha is None else alpha)


def zero_crossing_text(index: int | None) -> str:
    """How every surface words where a sweep reaches x = 0: 'i = 80', or that it does not."""
    return "none (the sweep stays on one side of 0)" if index is None else f"i = {index:,}"


def sweep_problem(
    start: Decimal,
    step: Decimal,
    count: int,
    alpha: Decimal,
    pinned: Iterable[Decimal] = (),
    precision: str = DEFAULT_PRECISION,
) -> str:
    """The one judge of a sweep's inputs: why they make no sweep, or '' when they make one.

    It judges the whole: start, step and count, the current alpha, every pinned alpha and
    the precision, by building the sweep once. The inputs model (leaky_gui.calc.inputs)
    judges the same way, keeping the sweep it built when the inputs are taken.
    """
    try:
        SweepParams(start, step, count, (alpha, *pinned), precision)
    except ParameterError as error:
        return whole_sweep_problem(error)
    return ""


def whole_sweep_problem(error: ParameterError) -> str:
    """What a sweep with the current alpha first, then the pinned ones, says when refused.

    The sweep checks the current alpha before the pinned ones, each at both ends, so the
    first error names what a sweep with each alpha alone, in turn, would refuse first.
    """
    if error.alpha_index:
        return f"pinned {error.message}; unpin it first"
    return error.message
