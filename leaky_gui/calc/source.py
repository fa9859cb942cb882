"""What every source of x offers: the sweep (``SweepParams``) and the user's own values (``Values``).

The CSV writer, ``leaky-relu eval`` and the window read x, f and f' through this one
interface (``XSource``) and never ask which source they have. A source is immutable: a
new alpha or precision is a new source (``with_alphas``, ``with_precision``) sharing the
same data. What the two share beyond the interface (alphas in a precision: the exact
alphas, f' below 0, the number text) is written once, in ``AlphasInPrecision``.

Single rows (``x``, ``f``, ``df``) serve the table, the single-x panel and tests; blocks
of rows (``x_block``, ``decimal_block``, ``f_block``) serve the CSV writer, a chunk at a
time. ``curve_points`` is the whole curve over the x range as at most three vertices
(ends and kink): f is linear on each side of 0, so a line through them is exact.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol, runtime_checkable

import numpy as np

from leaky_gui.calc.exact import ExactNumber
from leaky_gui.calc.precision import DEFAULT_PRECISION, derivative_in
from leaky_gui.calc.text import ParameterError, decimal_label
from leaky_gui.calc.text.framework_digits import format_in

__all__ = [
    "ENGLISH",
    "AlphasInPrecision",
    "Blocks",
    "ValuesStatistics",
    "Wording",
    "XSource",
    "curve_through",
    "negative_branch",
    "step_through",
]


@dataclass(frozen=True)
class Wording:
    """The words of ``XSource.description``: English by default (the command line's); the
    window passes its language's. Numbers go in as the calculation writes them."""

    points: str = "{count} points, x from {low} to {high}, zero crossing: {crossing}"
    decimal_values: str = "{name}: {count} decimal values"
    decimal_value: str = "{name}: {count} decimal value"
    typed_values: str = "{name}: {count} {kind} values"
    typed_value: str = "{name}: {count} {kind} value"
    shape: str = " (shape {shape}, flattened in C order)"
    special: str = "; {nan} NaN, {inf} infinite"


#: The command line's words, and the calculation's everywhere the window does not pass its own.
ENGLISH = Wording()


#: (numerators, scale) with x_i = numerators[i] / 10**scale exactly: int64, or Python ints
#: where they run beyond int64.
Blocks = tuple[np.ndarray | list[int], int]


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


@runtime_checkable
class XSource(Protocol):
    """A sequence of x with alphas and a precision: f(x_i) and f'(x_i) per alpha."""

    @property
    def count(self) -> int: ...
    @property
    def name(self) -> str:
        """What to call the source in titles and file names ('sweep', or the file's name)."""
        ...

    @property
    def alphas(self) -> tuple[Decimal, ...]: ...
    @property
    def precision(self) -> str: ...
    @property
    def alpha(self) -> Decimal: ...
    @property
    def exact(self) -> bool: ...

    #: Whether x rises or falls by one step a row (a sweep) rather than lying anywhere.
    evenly_spaced: bool

    def with_alphas(self, alphas: Iterable[Decimal]) -> XSource: ...
    def with_precision(self, precision: str) -> XSource: ...
    def same_source(self, other: object) -> bool:
        """Whether ``other`` shows the same kind of rows: a sweep and a sweep, or the same values."""
        ...

    def same_x(self, other: object) -> bool:
        """Whether ``other`` has this x in every row (it may differ in its alphas)."""
        ...

    def zero_crossing_index(self) -> int | None:
        """The row where x reaches or passes 0 (a sweep's kink), or None."""
        ...

    def exact_f_decimal(self, i: int, alpha: Decimal | None = None) -> Decimal:
        """f(x_i) as an exact decimal, what a framework precision's f is compared with."""
        ...

    def description(self, words: Wording = ENGLISH) -> str:
        """One line for the status bar: how many x, where, and what is special about them."""
        ...

    def text(self, value: float) -> str: ...
    def exact_alpha(self, alpha: Decimal | None = None) -> ExactNumber: ...
    def x(self, i: int) -> float: ...
    def f(self, i: int, alpha: Decimal | None = None) -> float: ...
    def df(self, i: int, alpha: Decimal | None = None) -> float: ...
    def leak(self, alpha: Decimal | None = None) -> float: ...
    def curve_points(self, alpha: Decimal | None = None) -> tuple[list[float], list[float]]: ...
    def derivative_points(self, alpha: Decimal | None = None) -> tuple[list[float], list[float]]: ...
    def f_range(self, alpha: Decimal | None = None) -> tuple[float, float]: ...

    def x_block(self, lo: int, hi: int) -> np.ndarray:
        """x of rows [lo, hi) in the source's precision, as float64."""
        ...

    def decimal_block(self, lo: int, hi: int) -> Blocks | None:
        """(numerators, scale) with x_i = numerators[i] / 10**scale exactly, or None for binary x."""
        ...

    def decimals_divided(self, lo: int, hi: int) -> tuple[Blocks | None, bool]:
        """(decimal_block, divided) of rows [lo, hi): if divided, x_block is this precision of
        ``np.divide(num, 10.0**scale)``, the doubles nearest the decimals (one division each)."""
        ...

    def f_block(self, lo: int, hi: int, alpha: Decimal) -> np.ndarray:
        """f of rows [lo, hi) for ``alpha`` in the source's precision, as float64."""
        ...

    def histogram(
        self,
        bins: int = 80,
        progress: Callable[[int, int], None] | None = None,
        should_stop: Callable[[], bool] | None = None,
    ) -> tuple[np.ndarray, float, float] | None:
        """How many finite x lie in each of ``bins`` equal parts of [min x, max x], or None
        (always None for evenly spaced x, which need none)."""
        ...

    def known_histogram(self, bins: int = 80) -> tuple[np.ndarray, float, float] | None:
        """The histogram if it has been worked out already, else None."""
        ...

    def statistics(
        self,
        progress: Callable[[int, int], None] | None = None,
        should_stop: Callable[[], bool] | None = None,
    ) -> ValuesStatistics | None:
        """The count, share at or below 0, and mean and std of f per alpha, a pass over every
        x; or None, at once, for evenly spaced x (their range and count say it all)."""
        ...


class AlphasInPrecision:
    """What a sweep and your values share: alphas (the first the current one) in a precision.

    A base of the frozen dataclasses ``SweepParams`` and ``Values``, which hold the fields;
    ``_exact_alphas()`` derives what they keep of the alphas once.
    """

    alphas: tuple[Decimal, ...]
    precision: str
    _alphas_exact: tuple[ExactNumber, ...]

    def _exact_alphas(self) -> tuple[ExactNumber, ...]:
        """The alphas as exact scaled integers (kept once, in ``_alphas_exact``)."""
        return tuple(ExactNumber.of(a) for a in self.alphas)

    @property
    def alpha(self) -> Decimal:
        """The current alpha."""
        return self.alphas[0]

    @property
    def exact(self) -> bool:
        """Whether values are the exact mode's (float64) rather than a framework precision's."""
        return self.precision == DEFAULT_PRECISION

    def text(self, value: float) -> str:
        """The one number text for this source's values: shortest in its precision."""
        return format_in(value, self.precision)

    def exact_alpha(self, alpha: Decimal | None = None) -> ExactNumber:
        """``alpha`` (the current one by default) as an exact scaled integer."""
        if alpha is None:
            return self._alphas_exact[0]
        for a, exact in zip(self.alphas, self._alphas_exact, strict=True):
            if a == alpha:
                return exact
        return ExactNumber.of(alpha)

    def leak(self, alpha: Decimal | None = None) -> float:
        """f' for x <= 0: alpha, as this precision holds it (D(float32(alpha)))."""
        a = float(self.alpha if alpha is None else alpha) + 0.0
        return a if self.exact else float(derivative_in(np.array(-1.0), a, self.precision))

    def exact_f(self, i: int, alpha: Decimal | None = None) -> float:
        """f(x_i) for ``alpha``, exactly rounded (raises OverflowError beyond the doubles)."""
        raise NotImplementedError

    def _check_f_within_the_doubles(self, i: int, index: int | None = None) -> None:
        """Raise ParameterError (with ``row`` and ``alpha_index``) naming the first alpha, or
        alpha number ``index``, whose f(x_i) runs beyond the doubles."""
        for k in range(len(self.alphas)) if index is None else (index,):
            alpha = self.alphas[k]
            try:
                self.exact_f(i, alpha)
            except OverflowError:
                error = ParameterError(
                    "alpha", f"alpha={decimal_label(alpha)} times x runs beyond the largest double (1.8e308)"
                )
                error.row, error.alpha_index = i, k
                raise error from None


def negative_branch(
    source: XSource, alphas: Iterable[Decimal], leaks: Iterable[Decimal] = ()
) -> tuple[tuple[float, float], tuple[float, float]] | None:
    """The x and y ranges that hold every curve's x <= 0 part, or None when no x_i is <= 0.

    x runs from the source's lowest finite x (as its precision holds it) up to 0; y spans 0
    and f there for each of ``alphas``, as the curves draw them (f is linear on that side,
    so its extremes are at the ends), and each of ``leaks``: f' = alpha there (derivatives).
    """
    xs, _ = source.curve_points()
    if not xs or xs[0] > 0:
        return None
    ys = [0.0, *(source.curve_points(alpha)[1][0] for alpha in alphas), *(source.leak(a) for a in leaks)]
    return (xs[0], 0.0), (min(ys), max(ys))


def curve_through(
    lo: tuple[float, float] | None, hi: tuple[float, float] | None
) -> tuple[list[float], list[float]]:
    """The curve between the ends (x, f) as at most three vertices: the ends and the kink at 0."""
    if lo is None or hi is None:
        return [], []
    xs, ys = [lo[0]], [lo[1]]
    if lo[0] < 0 < hi[0]:
        xs.append(0.0)
        ys.append(0.0)
    if hi[0] != lo[0]:
        xs.append(hi[0])
        ys.append(hi[1])
    return xs, ys


def step_through(x_lo: float, x_hi: float, leak: float) -> tuple[list[float], list[float]]:
    """f' over [x_lo, x_hi] as a step: ``leak`` (alpha) up to and including 0, then 1."""
    if x_hi <= 0:
        return [x_lo, x_hi], [leak, leak]
    if x_lo > 0:
        return [x_lo, x_hi], [1.0, 1.0]
    return [x_lo, 0.0, 0.0, x_hi], [leak, leak, 1.0, 1.0]
