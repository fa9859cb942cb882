"""Wide integers in numpy uint64 words, and the constants of decimal text (defined here once).

numpy has no 128-bit integer: a 64 x 64 -> 128-bit product is made from four 32 x 32-bit
products, exactly. The tables of powers are made once, at import, in Python integers.
"""

from __future__ import annotations

import numpy as np

__all__ = [
    "DIGITS_FIT",
    "INT64_SAFE",
    "MAX_DIGITS",
    "POW10_U64",
    "bit_length",
    "mul64",
]

MAX_DIGITS = 19  # a significand of up to 19 digits fits uint64: the vectorised path
DIGITS_FIT = 10**MAX_DIGITS  # the first significand the vectorised path does not take
INT64_SAFE = 1 << 62  # products of numerators below this stay inside int64
POW10_U64 = 10 ** np.arange(MAX_DIGITS + 1, dtype=np.uint64)  # 10**0 .. 10**19

_LOW32 = np.uint64(0xFFFFFFFF)
_U32 = np.uint64(32)


def mul64(a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(high, low) words of the exact 128-bit products a * b of uint64 arrays."""
    a0, a1 = a & _LOW32, a >> _U32
    b0, b1 = b & _LOW32, b >> _U32
    p00 = a0 * b0
    p01 = a0 * b1
    p10 = a1 * b0
    middle = (p00 >> _U32) + (p01 & _LOW32) + (p10 & _LOW32)  # below 3 * 2**32: no carry out
    low = (middle << _U32) | (p00 & _LOW32)
    high = a1 * b1 + (p01 >> _U32) + (p10 >> _U32) + (middle >> _U32)
    return high, low


def bit_length(words: np.ndarray) -> np.ndarray:
    """Bits of each uint64 (0 for 0), as int64: exact, from the exponent of two float conversions."""
    high = (words >> _U32).astype(np.float64)
    low = (words & _LOW32).astype(np.float64)
    from_high = np.frexp(high)[1]
    from_low = np.frexp(low)[1]
    return np.where(words >> _U32 != 0, from_high + 32, from_low).astype(np.int64)


def eight_digits(words: np.ndarray) -> np.ndarray:
    """The value of eight digits 0..9 a byte (first byte most significant) in each uint64, SWAR."""
    words = (words * np.uint64(10) + (words >> np.uint64(8))) & np.uint64(0x00FF00FF00FF00FF)
    words = (words * np.uint64(100) + (words >> np.uint64(16))) & np.uint64(0x0000FFFF0000FFFF)
    return (words * np.uint64(10_000) + (words >> np.uint64(32))) & np.uint64(0xFFFFFFFF)


def eight_digit_text(values: np.ndarray) -> np.ndarray:
    """The eight ASCII digits (leading zeros included, first digit in the lowest byte) of each
    value below 10**8, as one uint64 each, SWAR: halves, quarters, then bytes, each a multiply
    and a shift that stays inside its lane."""
    high = values // np.uint64(10_000)
    v = high | ((values - high * np.uint64(10_000)) << _U32)
    q = ((v * np.uint64(5243)) >> np.uint64(19)) & np.uint64(0x0000007F0000007F)  # // 100 a lane
    v = q | ((v - q * np.uint64(100)) << np.uint64(16))
    q = ((v * np.uint64(103)) >> np.uint64(10)) & np.uint64(0x000F000F000F000F)  # // 10 a lane
    v = q | ((v - q * np.uint64(10)) << np.uint64(8))
    return v + np.uint64(0x3030303030303030)
