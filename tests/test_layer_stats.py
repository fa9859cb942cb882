"""The layer statistics (calc, no Qt): Monte Carlo, the rectified Gaussian, 50-digit references, depth."""

from __future__ import annotations

import itertools
import math
import random
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pytest

from leaky_gui.calc.layer_stats import (
    INIT_NAMES,
    LayerParams,
    activation_moments,
    depth_ratios,
    layer_stats,
    parse_init,
)
from leaky_gui.calc.text import ParameterError

mpmath = pytest.importorskip("mpmath")
EPS = 2.0**-53
D = Decimal

# --- against a Monte Carlo of 10**6 seeded samples ----------------------------------------

ALPHAS = (-0.5, -2.0, 0.0, 0.01, 0.2, 0.7, 1.0, 1.5, 4.0)
MOMENTS = ((0.0, 1.0), (0.0, 0.05), (1.3, 2.0), (-0.7, 0.4), (3.0, 1.5), (-2.5, 1.0))


@pytest.mark.parametrize(("mu", "sigma"), MOMENTS)
@pytest.mark.slow
def test_every_single_layer_statistic_within_5_standard_errors_of_a_monte_carlo(mu, sigma):
    n = 10**6
    x = mu + sigma * np.random.default_rng(20240 + MOMENTS.index((mu, sigma))).standard_normal(n)
    leaky = x <= 0
    for alpha in ALPHAS:
        ours = activation_moments(alpha, mu, sigma)
        f = np.where(leaky, alpha * x, x)
        slope = np.where(leaky, alpha, 1.0)
        samples = {
            "leaky_share": leaky.astype(float),
            "mean": f,
            "second_moment": f * f,
            "variance": (f - f.mean()) ** 2 * (n / (n - 1)),
            "mean_slope": slope,
            "mean_slope_sq": slope * slope,
        }
        for name, values in samples.items():
            error = np.std(values) / math.sqrt(n)
            want = getattr(ours, name)
            if error == 0:  # alpha = 1: f' is 1 everywhere
                assert want == pytest.approx(values[0], rel=1e-15), (name, alpha)
                continue
            assert abs(values.mean() - want) < 5 * error, (name, alpha, mu, sigma, values.mean(), want)


# --- at alpha = 0, the rectified Gaussian --------------------------------------------------


def test_alpha_0_at_mean_0_is_the_half_normal_rectified():
    for sigma in (1.0, 0.25, 3.0):
        m = activation_moments(0, 0, sigma)
        assert m.leaky_share == 0.5
        assert m.mean == pytest.approx(sigma / math.sqrt(2 * math.pi), rel=4 * EPS)
        assert m.second_moment == pytest.approx(sigma**2 / 2, rel=2 * EPS)
        assert m.variance == pytest.approx(sigma**2 * (0.5 - 1 / (2 * math.pi)), rel=4 * EPS)
        assert (m.mean_slope, m.mean_slope_sq) == (0.5, 0.5)


@pytest.mark.parametrize(("mu", "sigma"), [(1.0, 1.0), (-1.0, 1.0), (2.5, 0.5), (-3.0, 0.75), (-12.0, 1.0)])
def test_alpha_0_against_the_rectified_gaussian_by_integration(mu, sigma):
    """max(0, X): its moments by numerical integration of the density, not by the closed forms."""
    mpmath.mp.dps = 40
    density = lambda x: mpmath.npdf(x, mu, sigma)  # noqa: E731
    mass = mpmath.quad(density, [0, mu + 40 * sigma] if mu > 0 else [0, 40 * sigma])
    first = mpmath.quad(lambda x: x * density(x), [0, max(mu, 0) + 40 * sigma])
    second = mpmath.quad(lambda x: x * x * density(x), [0, max(mu, 0) + 40 * sigma])
    m = activation_moments(0, mu, sigma)
    assert m.leaky_share == pytest.approx(float(1 - mass), rel=1e-14)
    assert m.mean == pytest.approx(float(first), rel=1e-13)
    assert m.second_moment == pytest.approx(float(second), rel=1e-13)
    assert m.variance == pytest.approx(float(second - first**2), rel=1e-13)
    assert m.mean_slope == m.mean_slope_sq == pytest.approx(float(mass), rel=1e-14)


# --- the stated accuracy, against 50-digit references ---------------------------------------


def _mp(value: float | Decimal):
    """A double as itself, a Decimal digit for digit (mpmath 1.3 takes no Decimal)."""
    return mpmath.mpf(str(value)) if isinstance(value, Decimal) else mpmath.mpf(value)


def _reference(alpha: float, mu: float, sigma: float) -> tuple[dict, dict]:
    a, mu, s = _mp(alpha), mpmath.mpf(mu), mpmath.mpf(sigma)
    t = mu / s
    lower, upper, density = mpmath.ncdf(t), mpmath.ncdf(-t), mpmath.npdf(t)
    square = mu * mu + s * s
    mean = a * mu + (1 - a) * (mu * lower + s * density)
    second = a * a * square + (1 - a * a) * (square * lower + mu * s * density)
    g = lambda u: u * mpmath.ncdf(u) + mpmath.npdf(u)  # noqa: E731
    exact = {
        "leaky_share": upper,
        "mean": mean,
        "second_moment": second,
        "variance": second - mean * mean,
        "mean_slope": a + (1 - a) * lower,
        "mean_slope_sq": a * a + (1 - a * a) * lower,
    }
    # E[f] and E[f'] can be 0 outside [0, 1]: their size without cancellation.
    sizes = {"mean": s * (g(t) + abs(a) * g(-t)), "mean_slope": lower + abs(a) * upper}
    return exact, sizes


@pytest.mark.slow
def test_single_layer_statistics_as_accurate_as_the_docstring_says():
    """Within 64 * (1 + t**2 past |t| = 1) units of 2**-53 (measured: 17)."""
    mpmath.mp.dps = 50
    rng = random.Random(7)
    worst = 0.0
    for _ in range(600):
        t = rng.choice(
            [0.0, rng.uniform(-1.6, 1.6), rng.uniform(-5, 5), rng.uniform(-37, 37), -1.5, 1.5, 2.0]
        )
        sigma = 10 ** rng.uniform(-3, 3)
        alpha = rng.choice([rng.uniform(-3, 0), rng.uniform(0, 1), rng.uniform(1, 10), 0.0, 0.01, 1.0])
        got = activation_moments(alpha, t * sigma, sigma)
        exact, sizes = _reference(alpha, t * sigma, sigma)
        t = (t * sigma) / sigma
        condition = 1 + (t * t if abs(t) > 1 else 0)
        for name, want in exact.items():
            size = sizes.get(name, abs(want))
            units = float(abs(mpmath.mpf(getattr(got, name)) - want) / size) / EPS / condition
            worst = max(worst, units)
            assert units <= 64, (name, alpha, t, sigma)
    assert worst > 1  # the check has teeth: it sees rounding


def test_far_tails_keep_their_digits():
    """At mean/std = -30, ReLU's E[f**2] is 2*phi(30)/30**3 (to 1%): no erfc difference loses it."""
    mpmath.mp.dps = 50
    for t in (-30.0, -8.0, 8.0, 30.0):
        exact, _ = _reference(0.0, t, 1.0)
        got = activation_moments(0.0, t, 1.0)
        for name in ("leaky_share", "mean", "second_moment", "variance"):
            assert float(abs(mpmath.mpf(getattr(got, name)) - exact[name]) / exact[name]) < 64 * EPS * (
                1 + t * t
            )


@pytest.mark.slow
def test_the_depth_ratios_as_accurate_as_the_docstring_says():
    mpmath.mp.dps = 50
    rng = random.Random(11)
    for _ in range(300):
        alpha = rng.choice([D("0.01"), D("0.2"), D("0.3"), D(str(round(rng.uniform(-3, 3), 4)))])
        init = rng.choice(
            ["he", "kaiming-default", "torch-default", "xavier", "lecun", "gain=1.1", "gain=0.9"]
        )
        depth = rng.choice([1, 2, 10, 50, 333, 1000])
        t = rng.choice([0.0, rng.uniform(-5, 5)])
        sigma = 10 ** rng.uniform(-2, 2)
        mu = t * sigma
        params = LayerParams.from_text(D(repr(mu)), D(repr(sigma)), depth, init)
        row = layer_stats(alpha, params)
        c = parse_init(init).weight_scale(alpha)
        a, c = _mp(alpha), mpmath.mpf(c.numerator) / c.denominator
        exact, _ = _reference(alpha, mu, sigma)
        k = c * (1 + a * a) / 2
        signal = mpmath.sqrt(c * exact["second_moment"] * k ** (depth - 1)) / sigma
        gradient = mpmath.sqrt(c * exact["mean_slope_sq"] * k ** (depth - 1))
        t = mu / sigma
        condition = 1 + (t * t if abs(t) > 1 else 0)
        for got, want in ((row.std_ratio, signal), (row.grad_std_ratio, gradient)):
            if float(want) == math.inf:
                assert got == math.inf
                continue
            if float(want) < 2.3e-308:  # subnormal: only absolute accuracy
                assert abs(got - want) < 1e-323
                continue
            bound = 64 * condition * EPS + (16 + 4 * abs(float(mpmath.log(want)))) * 2 * EPS
            assert float(abs(mpmath.mpf(got) - want) / want) <= bound, (alpha, init, depth, mu, sigma)


# --- through depth: the closed forms ------------------------------------------------------


def test_the_done_when_example_kaiming_default_at_alpha_02():
    row = layer_stats(D("0.2"), LayerParams.from_text(depth=50, init="kaiming-default"))
    assert row.layer_factor == 1.04
    assert row.std_ratio == float(mpmath.mpf("1.04") ** 25)  # 2.66583633148742, correctly rounded
    assert row.grad_std_ratio == row.std_ratio  # at mean 0 both are k**(L/2)


@pytest.mark.parametrize(
    ("init", "c"),
    [
        ("he", None),
        ("kaiming-default", Fraction(2)),
        ("torch-default", Fraction(1, 3)),
        ("xavier", Fraction(1)),
        ("lecun", Fraction(1)),
        ("gain=1.5", Fraction(9, 4)),
        ("GAIN=0.5", Fraction(1, 4)),
    ],
)
def test_each_initialisation_and_its_layer_factor(init, c):
    for alpha in (D("0"), D("0.01"), D("0.2"), D("-0.5"), D("3")):
        scale = parse_init(init).weight_scale(alpha)
        assert scale == (2 / (1 + Fraction(alpha) ** 2) if c is None else c)
        k = scale * (1 + Fraction(alpha) ** 2) / 2
        params = LayerParams.from_text(depth=7, init=init)
        row = layer_stats(alpha, params)
        assert row.layer_factor == float(k)
        signal, gradient = depth_ratios(alpha, params)
        assert signal[0] == gradient[0] == 1.0
        for depth in range(1, 8):  # at mean 0: k**(L/2) for both
            want = math.sqrt(float(k)) ** depth
            assert signal[depth] == pytest.approx(want, rel=1e-14)
            assert gradient[depth] == pytest.approx(want, rel=1e-14)
        assert (signal[-1], gradient[-1]) == (row.std_ratio, row.grad_std_ratio)


def test_he_preserves_the_signal_exactly_at_mean_0():
    for alpha in (D("0"), D("0.01"), D("0.2"), D("0.3"), D("-0.7"), D("0.1")):
        signal, gradient = depth_ratios(alpha, LayerParams.from_text(depth=1000))
        assert set(signal) == set(gradient) == {1.0}


def test_off_centre_the_first_layer_differs_and_later_ones_multiply_by_k():
    """E[h_1**2] = c E[f(X)**2]; then each layer multiplies by k = c(1 + alpha**2)/2."""
    alpha, mu, sigma = D("0.1"), D("1.5"), D("0.5")
    params = LayerParams.from_text(mu, sigma, 20, "xavier")
    m = activation_moments(alpha, mu, sigma)
    signal, gradient = depth_ratios(alpha, params)
    k = 1.01 / 2
    assert signal[1] == pytest.approx(math.sqrt(m.second_moment) / 0.5, rel=1e-15)
    assert gradient[1] == pytest.approx(math.sqrt(m.mean_slope_sq), rel=1e-15)
    for depth in range(1, 20):
        assert signal[depth + 1] / signal[depth] == pytest.approx(math.sqrt(k), rel=1e-14)
        assert gradient[depth + 1] / gradient[depth] == pytest.approx(math.sqrt(k), rel=1e-14)


def test_past_the_doubles_the_ratios_are_0_or_inf():
    signal, _ = depth_ratios(D("0.01"), LayerParams.from_text(depth=1000, init="torch-default"))
    assert signal[50] == pytest.approx(math.sqrt(1.0001 / 6) ** 50, rel=1e-13)
    assert signal[-1] == 0.0 and all(a >= b for a, b in itertools.pairwise(signal))
    row = layer_stats(D("0.01"), LayerParams.from_text(depth=1000, init="gain=10"))
    assert row.std_ratio == row.grad_std_ratio == math.inf
    # A nearly dead first layer (E[f**2] ~ 1e-300) and a growth past 1e300 on the way: the
    # product is a double all the same.
    params = LayerParams.from_text("-37", "1", "6000", "gain=1.6")
    moments = activation_moments(0, -37, 1)
    want = math.exp(0.5 * math.log(moments.signal_excess) + 3000 * math.log(1.28))
    assert layer_stats(D("0"), params).std_ratio == pytest.approx(want, rel=1e-12)


@pytest.mark.slow
def test_deep_random_mlps_in_numpy_match_the_ratios():
    """Real networks, width 32, depth 6: second moments averaged over 400 networks, within 5 SE."""
    rng = np.random.default_rng(5)
    width, depth, nets, batch = 32, 6, 400, 32
    for alpha, mu, sigma, init in (
        (0.2, 0.0, 1.0, "kaiming-default"),
        (-0.5, -1.0, 2.0, "xavier"),
        (0.01, 1.0, 0.5, "he"),
    ):
        params = LayerParams.from_text(D(repr(mu)), D(repr(sigma)), depth, init)
        c = float(params.init.weight_scale(alpha))
        signal, gradient = depth_ratios(alpha, params)
        forward = np.empty((nets, depth + 1))
        backward = np.empty((nets, depth + 1))
        for net in range(nets):
            h = mu + sigma * rng.standard_normal((batch, width))
            hs, ws = [h], []
            for _ in range(depth):
                w = rng.standard_normal((width, width)) * math.sqrt(c / width)
                ws.append(w)
                h = np.where(h > 0, h, alpha * h) @ w.T
                hs.append(h)
            forward[net] = [np.mean(h * h) for h in hs]
            backward[net, 0] = 1.0
            for top in range(1, depth + 1):
                g = rng.standard_normal((batch, width))
                start = np.mean(g * g)
                for layer in range(top - 1, -1, -1):
                    g = (g @ ws[layer]) * np.where(hs[layer] > 0, 1.0, alpha)
                backward[net, top] = np.mean(g * g) / start
        for measured, ours in ((forward / sigma**2, signal), (backward, gradient)):
            mean = measured.mean(axis=0)[1:]
            error = measured.std(axis=0)[1:] / math.sqrt(nets)
            want = np.square(ours[1:])
            assert np.all(np.abs(mean - want) < 5 * error), (alpha, init, mean / want)


# --- inputs ---------------------------------------------------------------------------


def test_the_initialisations_are_named():
    assert INIT_NAMES == ("he", "kaiming-default", "torch-default", "xavier", "lecun", "gain=G")
    assert parse_init(" Torch-Default ").name == "torch-default"
    assert parse_init("gain=1.50").name == "gain=1.5"


@pytest.mark.parametrize(
    ("fields", "field", "words"),
    [
        ({"std": "0"}, "std", "above 0"),
        ({"std": "-1"}, "std", "above 0"),
        ({"std": "nan"}, "std", "finite"),
        ({"std": "1e-400"}, "std", "too small"),
        ({"mean": "abc"}, "mean", "not a number"),
        ({"mean": "inf"}, "mean", "finite"),
        ({"mean": "1e60"}, "mean", "1e50"),
        ({"depth": "0"}, "depth", "at least 1"),
        ({"depth": "2.5"}, "depth", "whole number"),
        ({"depth": ""}, "depth", "empty"),
        ({"depth": "1000001"}, "depth", "at most"),
        ({"init": "kaiming"}, "init", "unknown initialisation 'kaiming'"),
        ({"init": "gain=0"}, "init", "above 0"),
        ({"init": "gain=-1"}, "init", "above 0"),
        ({"init": "gain=x"}, "init", "not a number"),
    ],
)
def test_bad_inputs_are_refused_with_the_field_named(fields, field, words):
    with pytest.raises(ParameterError) as refused:
        LayerParams.from_text(**fields)
    assert refused.value.field == field and words in refused.value.message


def test_an_alpha_beyond_1e50_is_refused():
    with pytest.raises(ParameterError, match="alpha"):
        layer_stats(D("1e51"))
    assert math.isfinite(layer_stats(D("-1e50"), LayerParams.from_text(init="xavier")).variance)
