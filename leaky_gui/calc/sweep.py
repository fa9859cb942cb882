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
from typing import Any

import numpy as np

from leaky_gui.calc.exact import ExactNumber, exact_leaky, leaky_exact, rounding_note
from leaky_gui.calc.precision import (
    DEFAULT_PRECISION,
    PRECISIONS,
    derivative_in,
    leaky_in,
    round_to,
    tensor_to,
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
from leaky_gui.calc.value_data import StoredArray

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
    number: Number = x
    return number


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
