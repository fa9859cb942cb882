"""The fast float32 shortest digits (``float32_shortest``) against numpy's Dragon4 and the interval search.

Every finite float32 is checked on demand by tests/exhaustive/check_float32_digits.py; here a
random sample and the edge cases: subnormals, powers of two, the ends of the range and of the
fast path's binades, values that need 9 digits, halves and trailing zeros.
"""

from __future__ import annotations

from decimal import Decimal

import numpy as np
import pytest

from leaky_gui.calc.text.framework_digits import (
    _shortest_search,
    float32_shortest,
    format_in,
    shortest_digits,
)
from leaky_gui.calc.text.framework_text import digits_text_column

FLOAT32_MAX = float(np.finfo(np.float32).max)


def numpy_digits(value: float) -> Decimal:
    """numpy's Dragon4, unique mode: the shortest digits that read back in float32 (nearest, ties even)."""
    return Decimal(np.format_float_scientific(np.float32(value), unique=True))


def as_float32(bits: np.ndarray) -> np.ndarray:
    single = np.asarray(bits, dtype=np.uint32).view(np.float32)
    return single[np.isfinite(single)].astype(np.float64)


def random_float32(count: int, seed: int) -> np.ndarray:
    return as_float32(
        np.random.default_rng(seed).integers(0, 2**32, count, dtype=np.uint64).astype(np.uint32)
    )


def check_against_numpy(values: np.ndarray) -> np.ndarray:
    """Settled rows against numpy one by one; returns the settled mask."""
    m, k, settled = float32_shortest(values)
    for value, digits, exponent, ok in zip(
        values.tolist(), m.tolist(), k.tolist(), settled.tolist(), strict=True
    ):
        if ok:
            assert Decimal(digits).scaleb(exponent) == numpy_digits(value), value
            assert digits % 10 != 0 or digits == 0, value  # no trailing zero
    return settled


def check_against_search(values: np.ndarray) -> np.ndarray:
    m, k, settled = float32_shortest(values)
    m_ref, k_ref = _shortest_search(values[settled], "float32")
    wrong = np.flatnonzero((m[settled] != m_ref) | (k[settled] != k_ref))
    assert wrong.size == 0, values[settled][wrong[:5]]
    return settled


def test_a_random_sample_of_bit_patterns_agrees_with_numpy():
    values = random_float32(20_000, seed=1)
    settled = check_against_numpy(values)
    assert settled.mean() > 0.5  # the binades between about 1e-15 and 1e28


def test_a_larger_random_sample_agrees_with_the_search():
    settled = check_against_search(random_float32(400_000, seed=2))
    assert settled.mean() > 0.5


def test_values_of_ordinary_size_agree_and_are_settled():
    rng = np.random.default_rng(3)
    values = (rng.standard_normal(20_000) * 10.0 ** rng.integers(-12, 26, 20_000)).astype(np.float32)
    values = values.astype(np.float64)
    settled = check_against_numpy(values)
    assert settled[np.abs(values) > 1e-14].mean() > 0.999


def test_the_benchmark_sweeps_f_agrees_with_the_search():
    x = ((-400_000 + np.arange(400_001, dtype=np.int64)) / 1e5).astype(np.float32)
    for alpha in (0.01, 0.2, 0.013, 1.0, -0.5, 0.0, 3.0):
        settled = check_against_search((x * np.float32(alpha)).astype(np.float64))
        assert settled.mean() > 0.9999


def test_every_binade_end_and_middle():
    exponents = np.arange(1, 255, dtype=np.uint32) << np.uint32(23)
    fractions = np.array([1, 2, 3, 0x400000, 0x555555, 0x7FFFFE, 0x7FFFFF], dtype=np.uint32)
    bits = (exponents[:, None] | fractions[None, :]).ravel()
    values = np.concatenate([as_float32(bits), -as_float32(bits)])
    check_against_numpy(values)
    check_against_search(values)


def test_subnormals_powers_of_two_and_the_ends_are_left_to_the_search():
    subnormal = as_float32(np.array([1, 2, 3, 0x7FFFFF, 0x400000], dtype=np.uint32))
    powers = np.ldexp(1.0, np.arange(-149, 128))
    ends = np.array([FLOAT32_MAX, 2.0**-126, 1e-30, 1e30, 1e-40])
    values = np.concatenate([subnormal, powers, -powers, ends]).astype(np.float32).astype(np.float64)
    _, _, settled = float32_shortest(values)
    assert not settled[: subnormal.size + 2 * powers.size].any()
    m, k = shortest_digits(values, "float32")  # the whole answer, search included
    for value, digits, exponent in zip(values.tolist(), m.tolist(), k.tolist(), strict=True):
        assert Decimal(digits).scaleb(exponent) == numpy_digits(value), value
    assert format_in(1e-45, "float32") == "1e-45"
    assert format_in(FLOAT32_MAX, "float32") == "3.4028235e+38"


def test_values_that_need_nine_digits():
    values = random_float32(200_000, seed=4)
    values = values[(np.abs(values) > 1e-10) & (np.abs(values) < 1e20)]
    m, _, settled = float32_shortest(values)
    nine = values[settled & (np.abs(m) >= 10**8)]
    assert nine.size > 1000
    check_against_numpy(nine[:3000])
    assert all(len(numpy_digits(v).as_tuple().digits) == 9 for v in nine[:200].tolist())


@pytest.mark.parametrize(
    "value",
    [
        1e10,  # 10000000000: every coarser power of ten still reads back
        1e20,
        123456790.0,  # float32's 123456789
        16777216.0,
        16777217.0,  # rounds to 2**24
        33554436.0,
        0.1,
        0.3,
        1 / 3,
        3.00390625,  # 769/256: v / 10**w is exactly a half
        8388607.5,
        65504.0,
        0.0,
        -0.0,
        7.0e-16,  # the fast path's lowest binades
        1.5e-15,
        9.9e27,  # and its highest
        1.1e28,
    ],
)
def test_edge_values(value):
    values = np.array([value, -value], dtype=np.float32).astype(np.float64)
    m, k = shortest_digits(values, "float32")
    for v, digits, exponent in zip(values.tolist(), m.tolist(), k.tolist(), strict=True):
        assert Decimal(digits).scaleb(exponent) == numpy_digits(v), v
    check_against_search(values)


def test_the_column_text_is_numpys_repr_style_digits():
    # The writer's bytes for the fast digits: parsed back, each is the float32 value, and
    # its digits are numpy's shortest.
    values = np.concatenate([random_float32(5_000, seed=5), np.array([0.0, 1e-5, 1e16, 65500.0])])
    values = values[np.abs(values) < 1e30]
    chars = digits_text_column(values, "float32")
    texts = [bytes(row).replace(b"\0", b"").decode("ascii") for row in chars]
    for value, text in zip(values.tolist(), texts, strict=True):
        assert np.float32(float(text)) == np.float32(value), (value, text)
        assert Decimal(text) == numpy_digits(value), (value, text)
