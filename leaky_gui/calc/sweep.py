"""Leaky ReLU and its derivative, the sweep (``SweepParams``), and the one judge of inputs.

Pure Python and numpy, no Qt: the command line, the CSV writer and the window all
come here for numbers, so there is exactly one definition of each. (The sweep itself and
the defaults are in ``sweep_params``, number text in ``text``, exact scaled integers in
``exact``, the framework precisions in ``precision``, presets and gains in ``alphas``.)
Every result is the double nearest the exact decimal result of the inputs as typed.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from leaky_gui.calc.exact import (
    ExactNumber,
    exact_leaky,
    leaky_exact,
    rounding_note,
)
from leaky_gui.calc.precision import (
    DEFAULT_PRECISION,
    derivative_in,
    leaky_in,
    round_to,
)
from leaky_gui.calc.sweep_params import (
    DEFAULT_ALPHA,
    DEFAULT_COUNT,
    DEFAULT_START,
    DEFAULT_STEP,
    SweepParams,
    sweep_exact_f,
    zero_crossing_text,
)
from leaky_gui.calc.text import (
    ParameterError,
    decimal_label,
    format_label,
    format_number,
    parse_count,
    parse_decimal,
)

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
    "zero_crossing_text",
]


def leaky_relu(x: float | int | str | Decimal, alpha: float | int | str | Decimal = DEFAULT_ALPHA) -> float:
    """f(x) = x if x > 0 else alpha*x, the double nearest the exact decimal result.

    Floats count as the decimal their shortest text shows, so
    ``leaky_relu(-3.7)`` is -0.037, not -0.037000000000000005.
    """
    ex = ExactNumber.of(parse_decimal(x, "x"))
    ea = ExactNumber.of(parse_decimal(alpha, "alpha"))
    try:
        return leaky_exact(ex, ea)
    except OverflowError:
        shown = decimal_label(x) if isinstance(x, Decimal) else str(x).strip()
        raise ParameterError("x", f"alpha*x runs beyond the largest double for x={shown}") from None


def leaky_relu_derivative(
    x: float | int | str | Decimal, alpha: float | int | str | Decimal = DEFAULT_ALPHA
) -> float:
    """f'(x) = 1 if x > 0 else alpha (so f'(0) = alpha, as in PyTorch and TensorFlow)."""
    if parse_decimal(x, "x") > 0:
        return 1.0
    return float(parse_decimal(alpha, "alpha")) + 0.0


def leaky_point(x: Decimal, alpha: Decimal, precision: str = DEFAULT_PRECISION) -> tuple[float, float, float]:
    """x, f(x) and f'(x) for one typed x as ``precision`` holds them (float64: exact)."""
    if precision == DEFAULT_PRECISION:
        return float(x) + 0.0, leaky_relu(x, alpha), leaky_relu_derivative(x, alpha)
    x_d = round_to(float(x), precision)
    a = float(alpha)
    return float(x_d), float(leaky_in(x_d, a, precision)), float(derivative_in(x_d, a, precision))


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
    the precision. The window asks it before any value becomes a box's value, before an
    alpha is pinned and before the precision changes, so that what the boxes show is
    always a sweep the views can show.
    """
    pinned = tuple(pinned)
    try:
        SweepParams(start, step, count, (alpha, *pinned), precision)
    except ParameterError as whole:
        try:
            SweepParams(start, step, count, (alpha,), precision)
        except ParameterError as error:
            return error.message
        for other in pinned:  # the sweep is fine alone: a pinned alpha refuses it
            try:
                SweepParams(start, step, count, (other,), precision)
            except ParameterError as error:
                return f"pinned {error.message}; unpin it first"
        return whole.message  # pragma: no cover - each alpha alone passes, so together they do
    return ""
