"""The alpha slider's positions (calc, no Qt): exact, short, rising, presets on the log scale."""

from __future__ import annotations

import itertools
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from leaky_gui.calc.alpha_scale import (
    PLAY_MAX_INTERVAL_MS,
    PLAY_PASS_SECONDS,
    RANGES,
    SCALES,
    alpha_scale,
    log_mantissas,
    play_plan,
)
from leaky_gui.calc.sweep import SweepParams, negative_branch, sweep_exact_f

D = Decimal
ALL = [(scale, top) for scale in SCALES for top in RANGES]


def significant_digits(value: Decimal) -> int:
    digits = value.normalize().as_tuple().digits
    return len("".join(map(str, digits)).strip("0")) if value else 0


@pytest.mark.parametrize(("scale", "top"), ALL)
def test_every_position_is_a_short_exact_decimal_rising_strictly(scale, top):
    positions = alpha_scale(scale, top).positions
    assert len(positions) >= 151  # about 5 s a pass at 30 positions a second
    for value in positions:
        assert isinstance(value, Decimal) and value.is_finite()
        assert significant_digits(value) <= 3, value
        assert D(str(value)) == value and "E" not in str(value)  # typed as shown: '0.0132', '2'
    assert all(a < b for a, b in itertools.pairwise(positions))
    assert positions[-1] == D(top)
    assert positions[0] == (D(top) / 10_000 if scale == "log" else 0)  # 0.0001 .. 1 by default


def test_the_presets_are_positions_on_the_log_scale():
    positions = alpha_scale("log", "1").positions
    for preset in ("0.01", "0.2", "0.25", "0.3", "1"):
        assert D(preset) in positions
    assert {100, 200, 300, 500} <= set(log_mantissas())
    assert len(log_mantissas()) == 50 and log_mantissas()[0] == 100 and log_mantissas()[-1] == 955
    # Near-even in log: each step a factor between 1.03 and 1.07 (10**(1/50) = 1.047).
    ratios = [b / a for a, b in itertools.pairwise(positions)]
    assert all(D("1.03") < r < D("1.07") for r in ratios), (min(ratios), max(ratios))
    # Every decade has the same mantissas.
    assert positions[100] == D("0.01") and positions[150] == D("0.1") and positions[106] == D("0.0132")
    assert (positions[0], len(positions)) == (D("0.0001"), 201)


def test_the_linear_scale_steps_evenly_from_zero():
    positions = alpha_scale("linear", "1").positions
    assert positions[:3] == (D("0"), D("0.005"), D("0.01")) and len(positions) == 201
    assert {positions[i + 1] - positions[i] for i in range(200)} == {D("0.005")}
    assert {D("0.01"), D("0.2"), D("0.3")} <= set(positions)


def test_nearest_position_goes_to_the_ends_beyond_the_range():
    log = alpha_scale("log", "1")
    assert log.nearest(D("-5")) == 0 and log.nearest(D("0")) == 0 and log.nearest(D("1e-300")) == 0
    assert log.nearest(D("1e308")) == len(log) - 1 and log.nearest(D("1.5")) == len(log) - 1
    linear = alpha_scale("linear", "1")
    assert linear.nearest(D("-0.3")) == 0 and linear.nearest(D("7")) == 200


def test_nearest_position_of_a_position_is_itself():
    for scale, top in ALL:
        table = alpha_scale(scale, top)
        assert [table.nearest(v) for v in table.positions] == list(range(len(table)))


def test_nearest_is_by_ratio_on_the_log_scale_and_by_difference_on_the_linear():
    log = alpha_scale("log", "1")
    i = log.positions.index(D("0.2"))
    assert log.positions[i + 1] == D("0.209")
    # 0.20446 is nearer 0.2 in difference (the midpoint is 0.2045) but nearer 0.209 in ratio:
    # 0.20446**2 > 0.2*0.209 = 0.0418 (the geometric midpoint is 0.204450...).
    assert log.nearest(D("0.20446")) == i + 1
    assert log.nearest(D("0.20444")) == i
    linear = alpha_scale("linear", "1")
    assert linear.value(linear.nearest(D("0.0124"))) == D("0.01")
    assert linear.value(linear.nearest(D("0.0126"))) == D("0.015")


@given(st.decimals(allow_nan=False, allow_infinity=False), st.sampled_from(ALL))
def test_nearest_position_is_never_beaten(value, which):
    table = alpha_scale(*which)
    index = table.nearest(value)
    positions = table.positions
    assert 0 <= index < len(positions)
    if positions[0] < value < positions[-1]:

        def distance(p: Decimal) -> Decimal:
            if table.scale == "linear":
                return abs(value - p)
            return max(value / p, p / value)

        assert all(distance(positions[index]) <= distance(p) for p in positions)


def test_unknown_scales_and_ranges_are_refused():
    with pytest.raises(ValueError, match="scale"):
        alpha_scale("cubic", "1")
    with pytest.raises(ValueError, match="range"):
        alpha_scale("log", "2")


@pytest.mark.parametrize("positions", [2, 101, 151, 201, 301, 1001])
def test_play_moves_at_least_30_times_a_second_and_a_pass_takes_about_5_s(positions):
    interval, stride = play_plan(positions)
    assert 1 <= interval <= PLAY_MAX_INTERVAL_MS  # at least 30 ticks a second
    ticks = -(-(positions - 1) // stride)
    if positions >= 151:
        assert abs(ticks * interval / 1000 - PLAY_PASS_SECONDS) < 0.5
    assert stride >= 1


def test_the_slider_tables_give_5_s_passes():
    for scale, top in ALL:
        interval, stride = play_plan(len(alpha_scale(scale, top)))
        assert stride == 1 and 4.5 <= (len(alpha_scale(scale, top)) - 1) * interval / 1000 <= 5.5


def test_the_negative_branch_spans_the_exact_f_of_each_curve():
    params = SweepParams(D("-4"), D("0.05"), 101, (D("0.01"), D("0.2"), D("0.3")))
    (x0, x1), (y0, y1) = negative_branch(params, params.alphas)
    assert (x0, x1) == (-4.0, 0.0)
    assert (y0, y1) == (float(sweep_exact_f(params, 0, D("0.3"))), 0.0) == (-1.2, 0.0)
    # A falling sweep starts at its lowest x, its last; a negative alpha rises above 0.
    falling = SweepParams(D("3"), D("-0.1"), 61, (D("-0.5"), D("0.2")))
    (x0, x1), (y0, y1) = negative_branch(falling, falling.alphas, leaks=(D("0.2"),))
    assert (x0, x1) == (-3.0, 0.0) and (y0, y1) == (-0.6, 1.5)
    assert negative_branch(SweepParams(D("0.1"), D("0.1"), 5), (D("0.01"),)) is None
    # A framework precision: f as the curve draws it (float16 rounds 0.3 * -4).
    half = SweepParams(D("-4"), D("0.05"), 101, (D("0.3"),), "float16")
    assert negative_branch(half, half.alphas)[1][0] == half.f(0) != -1.2
