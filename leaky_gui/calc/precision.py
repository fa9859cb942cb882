"""Framework precisions: Leaky ReLU in float32, float16 and bfloat16 as PyTorch computes it (no Qt).

The rule, measured against PyTorch 2.13 on CPU (``F.leaky_relu`` and autograd on
``torch.tensor(x, dtype=D)``), bit for bit:

* x_D is the Python float x converted to D. PyTorch converts a Python float to float16
  and bfloat16 *through float32* (two roundings; in rare halfway cases that differs from
  rounding the double directly), and so does this module;
* alpha is ``float32(alpha)``;
* f = x_D where x_D > 0, else ``D(float32(x_D) * float32(alpha))``: the product in
  float32, then rounded to D;
* f' = 1 where x_D > 0, else ``D(float32(alpha))``.

float64 is the app's exact mode (every value the double nearest the exact decimal); it
differs from torch's float64 by at most 1 ulp, and f' not at all. Their number text is
``calc.text.framework_digits``'s.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

__all__ = [
    "DEFAULT_PRECISION",
    "PRECISIONS",
    "PRECISION_LABELS",
    "derivative_in",
    "leaky_in",
    "round_to",
    "tensor_to",
    "ulp_in",
]

PRECISIONS = ("float64", "float32", "float16", "bfloat16")
DEFAULT_PRECISION = "float64"
PRECISION_LABELS = {
    "float64": "float64 (exact)",
    "float32": "float32",
    "float16": "float16",
    "bfloat16": "bfloat16",
}


@dataclass(frozen=True)
class _Format:
    significand: int  # bits, the implicit one included
    min_exponent: int  # of the smallest normal number, 2**min_exponent
    max_exponent: int  # of the largest binade


_FORMATS = {
    "float32": _Format(24, -126, 127),
    "float16": _Format(11, -14, 15),
    "bfloat16": _Format(8, -126, 127),
}


# -- the values ----------------------------------------------------------------------


def _from_float32(values: np.ndarray, precision: str) -> np.ndarray:
    """float32 values rounded to ``precision`` (to nearest, ties to even), as float64."""
    with np.errstate(over="ignore"):
        if precision == "float32":
            return values.astype(np.float64)
        if precision == "float16":
            return values.astype(np.float16).astype(np.float64)
    # bfloat16 is the top half of a float32: round the low 16 bits away, ties to even.
    bits = np.asarray(values, dtype=np.float32).view(np.uint32).astype(np.uint64)
    rounded: np.ndarray = (bits + 0x7FFF + ((bits >> 16) & 1)) & 0xFFFF0000
    return rounded.astype(np.uint32).view(np.float32).astype(np.float64)


def round_to(values: np.ndarray | float, precision: str) -> np.ndarray:
    """Doubles as a tensor of dtype ``precision`` holds them (through float32, as PyTorch does)."""
    values = np.asarray(values, dtype=np.float64)
    if precision == "float64":
        return values
    with np.errstate(over="ignore"):
        return _from_float32(values.astype(np.float32), precision)


def tensor_to(values: np.ndarray, precision: str) -> np.ndarray:
    """A stored array (any float or integer dtype) as ``torch.from_numpy(values).to(precision)`` holds it.

    PyTorch converts to float16 and bfloat16 through float32 (c10's Half and BFloat16 are
    made from a float), from doubles and integers alike; integers go to float32 in one
    rounding, never through float64. float64 is the exact mode: the doubles themselves
    (integers beyond 2**53 become the nearest double). Returned as float64.
    """
    if precision == "float64":
        return np.asarray(values, dtype=np.float64)
    with np.errstate(over="ignore"):
        return _from_float32(np.asarray(values).astype(np.float32), precision)


def leaky_in(x_d: np.ndarray | float, alpha: float, precision: str) -> np.ndarray:
    """f of values already in ``precision``: x where x > 0, else D(float32(x) * float32(alpha))."""
    x_d = np.asarray(x_d, dtype=np.float64)
    with np.errstate(over="ignore", under="ignore", invalid="ignore"):  # inf * 0 is nan, as in torch
        product = x_d.astype(np.float32) * np.float32(alpha)
    return np.where(x_d > 0, x_d, _from_float32(product, precision))


def derivative_in(x_d: np.ndarray, alpha: float, precision: str) -> np.ndarray:
    """f' of values in ``precision``: 1 where x > 0, else D(float32(alpha))."""
    leak = float(_from_float32(np.array([alpha], dtype=np.float32), precision)[0])
    return np.where(np.asarray(x_d) > 0, 1.0, leak)


def ulp_in(value: float, precision: str) -> float:
    """The spacing of ``precision`` at ``value``: the unit in the last place."""
    if precision == "float64":
        return math.ulp(value)
    spec = _FORMATS[precision]
    exponent = max(math.frexp(abs(value))[1] - 1, spec.min_exponent) if value else spec.min_exponent
    return math.ldexp(1.0, exponent - spec.significand + 1)


# -- exact products ------------------------------------------------------------------


def two_product_error(a: np.ndarray, b: np.ndarray | float, product: np.ndarray) -> np.ndarray:
    """a*b - product exactly (Dekker's product), so 0 where ``product`` needed no rounding."""
    a_high, a_low = _halves(a)
    b_high, b_low = _halves(b)
    return ((a_high * b_high - product) + a_high * b_low + a_low * b_high) + a_low * b_low


def _halves(x: np.ndarray | float) -> tuple[np.ndarray | float, np.ndarray | float]:
    """Veltkamp's split of doubles into two 26-bit halves that add up to them exactly."""
    t = 134217729.0 * x  # 2**27 + 1
    high = t - (t - x)
    return high, x - high
