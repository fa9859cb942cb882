"""What every source of x offers: the sweep (``SweepParams``) and the user's own values (``Values``).

The CSV writer, ``leaky-relu eval`` and the window read x, f and f' through this one
interface and never ask which source they have. A source is immutable: a new alpha or
precision is a new source (``with_alphas``, ``with_precision``) sharing the same data.

Single rows (``x``, ``f``, ``df``) serve the table, the single-x panel and tests; blocks
of rows (``x_block``, ``decimal_block``, ``f_block``) serve the CSV writer, a chunk at a
time. ``curve_points`` is the whole curve over the x range as at most three vertices
(ends and kink): f is linear on each side of 0, so a line through them is exact.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Protocol, runtime_checkable

import numpy as np

__all__ = ["XSource", "curve_through", "step_through"]


@runtime_checkable
class XSource(Protocol):
    """A sequence of x with alphas and a precision: f(x_i) and f'(x_i) per alpha."""

    @property
    def count(self) -> int: ...
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

    def text(self, value: float) -> str: ...
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

    def decimal_block(self, lo: int, hi: int) -> tuple[np.ndarray | list[int], int] | None:
        """(numerators, scale) with x_i = numerators[i] / 10**scale exactly, or None for binary x."""
        ...

    def f_block(self, lo: int, hi: int, alpha: Decimal) -> np.ndarray:
        """f of rows [lo, hi) for ``alpha`` in the source's precision, as float64."""
        ...


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
