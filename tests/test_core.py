"""The numeric core: definition, seed facts, exactness against Python's decimal module."""

from __future__ import annotations

import math
from decimal import Decimal, localcontext

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import decimals

from leaky_gui.calc.alphas import PRESETS, kaiming_gain, preset_name
from leaky_gui.calc.sweep import (
    ParameterError,
    SweepParams,
    format_label,
    format_number,
    leaky_relu,
    leaky_relu_derivative,
    parse_count,
    parse_decimal,
)

# --- the seed facts --------------------------------------------------------------


def test_seed_examples_of_the_exercise():
    assert leaky_relu(0) == 0
    assert leaky_relu(1) == 1
    assert leaky_relu(-1) == -0.01
    assert leaky_relu(-2, alpha=0.1) == -0.2


def test_worked_example_of_the_calculator():
    assert leaky_relu(-4) == -0.04
    assert leaky_relu(3) == 3.0


def test_default_sweep_runs_from_minus_4_to_1_and_crosses_zero_at_80():
    sweep = SweepParams()
    assert (sweep.start, sweep.step, sweep.count, sweep.alpha) == (
        Decimal("-4"),
        Decimal("0.05"),
        101,
        Decimal("0.01"),
    )
    assert (sweep.x(0), sweep.f(0)) == (-4.0, -0.04)
    assert (sweep.x(100), sweep.f(100)) == (1.0, 1.0)
    assert sweep.zero_crossing_index() == 80
    assert sweep.x(80) == 0.0 and sweep.f(80) == 0.0
    assert sweep.x(79) < 0 < sweep.x(81)


def test_alpha_zero_is_relu_and_alpha_one_is_identity():
    sweep = SweepParams(alphas=(Decimal(0), Decimal(1)))
    for i in range(sweep.count):
        x = sweep.x(i)
        assert sweep.f(i, Decimal(0)) == max(0.0, x)
        assert sweep.f(i, Decimal(1)) == x


@pytest.mark.parametrize(
    ("x", "alpha", "expected"),
    [(-2, 2, -4.0), (-2, "-0.5", 1.0), (3, 5, 3.0), (3, "-0.5", 3.0), (0, -3, 0.0)],
)
def test_any_real_alpha_including_above_one_and_negative(x, alpha, expected):
    # np.maximum(alpha*x, x) would give -2 for (x=-2, alpha=2): the definition is a branch.
    assert leaky_relu(x, alpha) == expected


def test_derivative_is_one_for_positive_x_and_alpha_elsewhere_including_zero():
    assert leaky_relu_derivative(2) == 1.0
    assert leaky_relu_derivative(-2) == 0.01
    assert leaky_relu_derivative(0) == 0.01  # f'(0) = alpha, as PyTorch and TensorFlow
    assert leaky_relu_derivative(0, "0.3") == 0.3
    sweep = SweepParams()
    assert sweep.df(80) == 0.01 and sweep.df(81) == 1.0


# --- exactness -------------------------------------------------------------------


def test_plain_float_arithmetic_is_not_good_enough_here():
    assert -4 + 79 * 0.05 != -0.05  # what a naive sweep gets
    assert SweepParams().x(79) == -0.05
    assert 0.01 * -3.7 != -0.037
    assert leaky_relu(-3.7) == -0.037
    assert format_number(leaky_relu(-3.7)) == "-0.037"


def test_a_point_that_is_exactly_zero_lands_on_zero_not_on_the_wrong_branch():
    sweep = SweepParams(Decimal("-0.3"), Decimal("0.1"), 10)
    assert -0.3 + 3 * 0.1 > 0  # plain floats put x_3 = 5.55e-17 on the wrong branch
    assert sweep.x(3) == 0.0
    assert sweep.f(3) == 0.0
    assert format_number(sweep.f(3)) == "0.0"
    assert sweep.zero_crossing_index() == 3


def _exact(value: Decimal) -> float:
    return float(value)  # float(Decimal) is correctly rounded


up_to_18_digits = decimals(18, -12, 6)


@settings(max_examples=400, deadline=None)
@given(
    start=up_to_18_digits, step=up_to_18_digits.filter(bool), alpha=up_to_18_digits, i=st.integers(0, 10**9)
)
@pytest.mark.slow
def test_every_point_is_the_double_nearest_the_exact_decimal(start, step, alpha, i):
    sweep = SweepParams(start, step, i + 1, (alpha,))
    with localcontext() as ctx:
        ctx.prec = 200
        x = start + i * step
        fx = x if x > 0 else alpha * x
    assert sweep.x(i) == _exact(x)
    assert sweep.f(i) == _exact(fx)
    assert format_number(sweep.f(i)) == repr(_exact(fx) + 0.0)
    assert sweep.df(i) == (1.0 if x > 0 else _exact(alpha))


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(x=up_to_18_digits, alpha=up_to_18_digits)
def test_leaky_relu_of_typed_text_is_exact(x, alpha):
    with localcontext() as ctx:
        ctx.prec = 200
        expected = x if x > 0 else alpha * x
    assert leaky_relu(str(x), str(alpha)) == _exact(expected)


@settings(max_examples=300)
@given(st.floats(allow_nan=False, allow_infinity=False))
def test_number_text_is_shortest_round_trip_and_never_negative_zero(value):
    text = format_number(value)
    assert float(text) == value
    assert text == repr(value + 0.0)
    assert text != "-0.0"
    assert "," not in text


def test_number_text_of_numpy_scalars_is_plain():
    assert format_number(np.float64(0.1)) == "0.1"
    assert format_number(-0.0) == "0.0"
    assert format_label(Decimal("0")) == "0"
    assert format_label(0.01) == "0.01"
    assert format_label(Decimal("-2")) == "-2"


@settings(max_examples=200, deadline=None)
@given(start=up_to_18_digits, step=up_to_18_digits.filter(bool), count=st.integers(1, 60))
def test_zero_crossing_is_the_first_point_at_or_past_zero(start, step, count):
    sweep = SweepParams(start, step, count)
    with localcontext() as ctx:
        ctx.prec = 200
        xs = [start + i * step for i in range(count)]
    first_sign = xs[0] > 0
    expected = next((i for i, x in enumerate(xs) if x == 0 or (x > 0) != first_sign), None)
    assert sweep.zero_crossing_index() == expected


def test_curve_points_are_the_ends_and_the_kink():
    assert SweepParams().curve_points() == ([-4.0, 0.0, 1.0], [-0.04, 0.0, 1.0])
    descending = SweepParams(Decimal("2"), Decimal("-1"), 5, (Decimal("0.5"),))
    assert descending.curve_points() == ([-2.0, 0.0, 2.0], [-1.0, 0.0, 2.0])
    one_sided = SweepParams(Decimal("1"), Decimal("1"), 3)
    assert one_sided.curve_points() == ([1.0, 3.0], [1.0, 3.0])
    single = SweepParams(Decimal("-2"), Decimal("1"), 1)
    assert single.curve_points() == ([-2.0], [-0.02])


# --- presets and gain ------------------------------------------------------------


def test_presets_are_the_framework_defaults():
    assert [(p.name, p.alpha) for p in PRESETS] == [
        ("ReLU", Decimal("0")),
        ("PyTorch / JAX / ONNX", Decimal("0.01")),
        ("TensorFlow", Decimal("0.2")),
        ("Keras LeakyReLU layer", Decimal("0.3")),
        ("identity", Decimal("1")),
        ("PyTorch PReLU initial", Decimal("0.25")),
        ("PyTorch RReLU eval mode", Decimal("0.22916666666666666")),
    ]
    assert preset_name(Decimal("0.30")) == "Keras LeakyReLU layer"
    assert preset_name(Decimal("0.5")) is None


def test_the_rrelu_preset_is_the_double_pytorch_computes_in_eval_mode():
    # torch.nn.RReLU's defaults lower=1/8, upper=1/3; F.rrelu(training=False) uses (lower + upper) / 2.
    (rrelu,) = [p.alpha for p in PRESETS if p.name == "PyTorch RReLU eval mode"]
    assert float(rrelu) == (1.0 / 8 + 1.0 / 3) / 2
    assert str(rrelu) == repr((1.0 / 8 + 1.0 / 3) / 2)


@pytest.mark.parametrize("alpha", [0, 0.01, 0.2, 0.3, 1, -0.5, 3])
def test_kaiming_gain_matches_pytorch_formula(alpha):
    assert kaiming_gain(alpha) == pytest.approx(math.sqrt(2.0 / (1 + alpha**2)), rel=1e-15)


def test_kaiming_gain_known_values():
    assert kaiming_gain(0) == pytest.approx(math.sqrt(2))  # ReLU: He initialisation
    assert kaiming_gain(1) == 1.0  # identity: no correction


# --- validation ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("abc", "not a number"),
        ("", "is empty"),
        ("nan", "finite"),
        ("-inf", "finite"),
        ("Infinity", "finite"),
        ("1e999", "too large"),
        ("1e-999", "too small"),
        ("1,5", "use '.' as the decimal point"),
    ],
)
def test_bad_numbers_are_refused_with_the_field_named(text, fragment):
    with pytest.raises(ParameterError) as info:
        parse_decimal(text, "start")
    assert info.value.field == "start"
    assert fragment in str(info.value)
    assert str(info.value).startswith("start: ")


@pytest.mark.parametrize("text", ["-4", "1e-3", "-2.5e2", "+.5", " 7 ", "0.050"])
def test_numbers_as_typed_are_accepted(text):
    assert parse_decimal(text) == Decimal(text.strip())


@pytest.mark.parametrize(("text", "fragment"), [("0", "at least 1"), ("2.5", "whole"), ("x", "whole")])
def test_bad_counts(text, fragment):
    with pytest.raises(ParameterError, match=fragment):
        parse_count(text)


def test_count_maximum_and_step_zero_and_overflow_are_refused():
    with pytest.raises(ParameterError, match="at most"):
        SweepParams.from_text(count="100000001", max_count=100_000_000)
    with pytest.raises(ParameterError) as info:
        SweepParams.from_text(step="0")
    assert info.value.field == "step"
    with pytest.raises(ParameterError) as info:
        SweepParams.from_text(start="1e308", step="1e308", count="3")
    assert info.value.field == "count"
    with pytest.raises(ParameterError) as info:
        SweepParams.from_text(start="-1e308", step="1", count="3", alphas=["10"])
    assert info.value.field == "alpha"


def test_derivative_points_are_a_step_at_zero():
    assert SweepParams().derivative_points() == ([-4.0, 0.0, 0.0, 1.0], [0.01, 0.01, 1.0, 1.0])
    assert SweepParams(Decimal("-3"), Decimal("1"), 4).derivative_points(Decimal("0.2")) == (
        [-3.0, 0.0],
        [0.2, 0.2],
    )
    assert SweepParams(Decimal("1"), Decimal("1"), 3).derivative_points() == ([1.0, 3.0], [1.0, 1.0])


def test_f_range_covers_ends_and_kink():
    assert SweepParams().f_range() == (-0.04, 1.0)
    assert SweepParams(alphas=(Decimal("-0.5"),)).f_range() == (
        0.0,
        2.0,
    )  # negative alpha: minimum at the kink
