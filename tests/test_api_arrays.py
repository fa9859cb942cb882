"""The Python API on arrays: ``leaky_gui.leaky_relu(np.array(...))`` as the seed note's
script uses it, each result the double nearest the exact alpha*x, checked against exact
rationals rounded by integer code of this file (not by the float conversions under test)."""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import decimals

import leaky_gui
from leaky_gui.calc.text import ParameterError
from leaky_gui.calc.value_data import StoredArray
from leaky_gui.calc.values import Values

MAX = Fraction(2) ** 1024 - Fraction(2) ** 970  # from the midpoint up, a double rounds to inf


def nearest(v: Fraction) -> float:
    """The double nearest v, ties to even, in integers: the oracle."""
    if v == 0:
        return 0.0
    size = abs(v)
    e = size.numerator.bit_length() - size.denominator.bit_length()
    if size < Fraction(2) ** e:
        e -= 1  # now 2**e <= size < 2**(e+1)
    quantum_exp = max(e, -1022) - 52
    scaled = size / Fraction(2) ** quantum_exp
    m, rest = divmod(scaled.numerator, scaled.denominator)
    if 2 * rest > scaled.denominator or (2 * rest == scaled.denominator and m % 2):
        m += 1
    if size >= MAX:
        return math.inf if v > 0 else -math.inf
    return math.copysign(math.ldexp(m, quantum_exp), v)


def oracle(x: float, alpha: str) -> float:
    if math.isnan(x) or x > 0:
        return x
    if math.isinf(x):
        return x * float(alpha)
    return nearest(Fraction(x) * Fraction(Decimal(alpha))) + 0.0


def same(got: np.ndarray, want: list[float]) -> bool:
    want_a = np.array(want, dtype=np.float64)
    equal = (got == want_a) & (np.signbit(got) == np.signbit(want_a))
    return bool(np.all(equal | (np.isnan(got) & np.isnan(want_a))))


def test_the_oracle_is_the_double_nearest():
    assert nearest(Fraction(1, 10)) == 0.1 and nearest(Fraction(-37, 1000)) == -0.037
    assert nearest(Fraction(2) ** -1075) == 0.0 and nearest(Fraction(3, 2**1076)) == 5e-324
    assert nearest(MAX - 1) == 1.7976931348623157e308 and nearest(MAX) == math.inf
    assert nearest(Fraction(2**53 + 1)) == 2.0**53 and nearest(Fraction(2**53 + 3)) == 2.0**53 + 4


def test_the_seed_note_s_script_plots_an_array():
    x = np.linspace(-5, 5, 100)
    y = leaky_gui.leaky_relu(x)
    assert isinstance(y, np.ndarray) and y.shape == (100,) and y.dtype == np.float64
    assert same(y, [oracle(float(v), "0.01") for v in x])
    assert leaky_gui.leaky_relu(np.array([-1.0, 2.0])).tolist() == [-0.01, 2.0]  # was "x: not a number"
    d = leaky_gui.leaky_relu_derivative(x, alpha="0.2")
    assert d.tolist() == [1.0 if v > 0 else 0.2 for v in x]


def test_array_likes_shapes_and_kinds():
    assert leaky_gui.leaky_relu([-3.7, 1, 0]).tolist() == [nearest(Fraction(-3.7) / 100), 1.0, 0.0]
    assert leaky_gui.leaky_relu(((-2, 2), (-4, 4))).tolist() == [[-0.02, 2.0], [-0.04, 4.0]]
    assert leaky_gui.leaky_relu(np.array(-2.0)).shape == ()
    # float32 and float16 arrays hold their values exactly; integers too, even beyond 2**53.
    f32 = np.array([-0.1, 3], dtype=np.float32)
    assert leaky_gui.leaky_relu(f32).tolist() == [oracle(float(f32[0]), "0.01"), 3.0]
    big = np.array([-(2**62) - 1], dtype=np.int64)
    assert leaky_gui.leaky_relu(big, alpha=3).tolist() == [nearest(Fraction(3 * (-(2**62) - 1)))]
    strided = np.arange(-10.0, 10.0).reshape(4, 5).T  # not C-contiguous
    assert leaky_gui.leaky_relu(strided).tolist() == [
        [oracle(v, "0.01") for v in row] for row in strided.tolist()
    ]
    for bad in (["a", "b"], [1 + 2j], np.array([1], dtype=np.longdouble)):
        with pytest.raises(ParameterError, match=r"^x: "):
            leaky_gui.leaky_relu(bad)


def test_scalars_stay_python_floats_and_decimal():
    for x in (-3.7, "-3.7", Decimal("-3.7"), np.float64(-3.7), np.float32(-3.7)):
        got = leaky_gui.leaky_relu(x)
        assert type(got) is float and got == -0.037  # floats count as their shortest text
    assert type(leaky_gui.leaky_relu_derivative(np.float64(-1))) is float
    assert leaky_gui.leaky_relu(-3, alpha=np.float32(0.1)) == -0.3  # float32 0.1 names 0.1


def test_non_finite_and_zero():
    got = leaky_gui.leaky_relu(np.array([np.nan, -np.inf, np.inf, -0.0, 0.0]))
    assert same(got, [math.nan, -math.inf, math.inf, 0.0, 0.0])
    assert np.isnan(leaky_gui.leaky_relu(np.array([-np.inf]), alpha=0)[0])  # 0 * -inf, as in PyTorch
    assert leaky_gui.leaky_relu(np.array([-1e308]), alpha=3).tolist() == [-math.inf]


ALPHAS = [
    "0.01",
    "0.1",
    "0.2",
    "0.25",
    "0.3",
    "0.37",
    "3",
    "1.5",
    "-0.2",
    "0",
    "1e-5",
    "0.123456789",
    "123456789.5",
]
finite = st.floats(allow_nan=False, allow_infinity=False, width=64)


@settings(max_examples=150, deadline=None)
@given(
    xs=st.lists(finite, min_size=1, max_size=40),
    alpha=st.sampled_from(ALPHAS) | decimals(17, -25, 3).map(str),
)
def test_each_result_is_the_double_nearest_the_exact_product(xs, alpha):
    got = leaky_gui.leaky_relu(np.array(xs), alpha=alpha)
    assert same(got, [oracle(x, alpha) for x in xs])


def near_ties(alpha: str, count: int, seed: int) -> np.ndarray:
    """Doubles x whose alpha*x falls on or within a few ulps of x of a midpoint between doubles."""
    rng = np.random.default_rng(seed)
    a = Fraction(Decimal(alpha))
    out = []
    for e in rng.integers(-1070, 1000, count).tolist():
        y = -math.ldexp(float(rng.integers(2**52, 2**53)), e - 52)
        if not math.isfinite(y):
            continue
        mid = Fraction(y) - Fraction(math.ulp(y)) / 2  # a midpoint below y
        guess = float(mid / a) if a else y
        for step in range(-2, 3):
            candidate = guess
            for _ in range(abs(step)):
                candidate = math.nextafter(candidate, math.copysign(math.inf, step))
            if math.isfinite(candidate):
                out.append(candidate)
    return np.array(out)


@pytest.mark.parametrize("alpha", ["0.01", "0.1", "0.3", "0.37", "3", "1.5", "0.5", "0.123456789"])
def test_near_ties_and_ties(alpha):
    xs = near_ties(alpha, 400, seed=len(alpha))
    # Exact ties too: 3 * (2**52 + odd) needs 54 bits; 0.5 * the smallest subnormals.
    xs = np.concatenate([xs, -(2.0**52 + np.arange(1, 40, 2)), -np.arange(1, 9) * 5e-324])
    got = leaky_gui.leaky_relu(xs, alpha=alpha)
    assert same(got, [oracle(float(x), alpha) for x in xs])


def test_a_block_of_values_matches_the_oracle_across_the_whole_range():
    rng = np.random.default_rng(22)
    bits = rng.integers(0, 2**63, 20_000, dtype=np.uint64) | np.uint64(1 << 63)  # negative doubles
    xs = bits.view(np.float64)
    xs = xs[np.isfinite(xs)]
    for alpha in ("0.01", "0.37"):
        assert same(leaky_gui.leaky_relu(xs, alpha=alpha), [oracle(float(x), alpha) for x in xs])


@pytest.mark.parametrize(
    "dtype", ["float32", "float16", "bfloat16", np.float32, np.dtype("float16"), "torch.bfloat16"]
)
def test_framework_precisions_compute_as_the_values_do(dtype):
    """float32/float16/bfloat16 as PyTorch computes them: the window's values in that precision."""
    xs = np.concatenate([np.linspace(-5, 5, 101), [-1e-40, -70000.0, 1e-8, -3.7]])
    got = leaky_gui.leaky_relu(xs, alpha="0.01", dtype=dtype)
    name = dtype if isinstance(dtype, str) else np.dtype(dtype).name
    name = name.removeprefix("torch.")
    values = Values(StoredArray(xs), name="xs").with_alphas([Decimal("0.01")]).with_precision(name)
    assert got.dtype == (np.float16 if name == "float16" else np.float32)
    assert got.astype(np.float64).tolist() == values.f_block(0, xs.size, Decimal("0.01")).tolist()
    derivative = leaky_gui.leaky_relu_derivative(xs, dtype=dtype)
    assert derivative.astype(np.float64).tolist() == [values.df(i) for i in range(xs.size)]
    if name == "float32":  # PyTorch's rule, independently: the product in float32
        x32 = xs.astype(np.float32)
        want = np.where(x32 > 0, x32, x32 * np.float32(0.01))
        assert got.tolist() == want.tolist()
    assert leaky_gui.leaky_relu(-3.7, dtype=dtype) == float(got[-1])


def test_an_unknown_dtype_is_one_message():
    with pytest.raises(
        ParameterError, match=r"^dtype: 'int8': use one of float64, float32, float16, bfloat16"
    ):
        leaky_gui.leaky_relu([1.0], dtype="int8")
