"""What alpha does to a network (no Qt): Leaky ReLU of a Gaussian, and the signal through depth.

Take a pre-activation X ~ N(mu, sigma**2), t = mu/sigma, and f(x) = x if x > 0 else alpha*x.
In closed form, with Phi and phi the standard normal CDF and density:

* the share on the leaky side P(X <= 0) = Phi(-t);
* E[f] = alpha*mu + (1 - alpha)*(mu*Phi(t) + sigma*phi(t));
* E[f**2] = alpha**2*(mu**2 + sigma**2) + (1 - alpha**2)*((mu**2 + sigma**2)*Phi(t) + mu*sigma*phi(t));
* E[f'] = alpha + (1 - alpha)*Phi(t) and E[f'**2] = alpha**2 + (1 - alpha**2)*Phi(t).

Through depth: h_0 = X and h_{l+1} = W_l f(h_l), square layers without bias, weights of mean 0
and variance c/n (n the fan-in). Then E[h_1**2] = c*E[f(X)**2]; every later h_l is symmetric
about 0 (given the layer before, it is a sum of symmetric terms), so E[f(h_l)**2] =
E[h_l**2]*(1 + alpha**2)/2 exactly and each further layer multiplies the second moment by
k = c*(1 + alpha**2)/2. Backwards, each layer multiplies the gradient's second moment by
c*E[f'(h_l)**2]: c*E[f'(X)**2] at the first, k at every later one (the usual assumption that
the gradient is independent of the forward pass; at width n it is off by O(1/n)). Written
with rho = E[f(X)**2] / (sigma**2*(1 + alpha**2)/2), which is 1 at mu = 0:

    std_ratio(L)      = sqrt(E[h_L**2]) / sigma          = sqrt(rho * k**L)        (L >= 1)
    grad_std_ratio(L) = sqrt(E[(d/dh_0)**2] / E[(d/dh_L)**2]) = sqrt(rho' * k**L)  (L >= 1)

with rho' = E[f'(X)**2] / ((1 + alpha**2)/2), and both ratios 1 at L = 0 (std(h_0) = sigma).
The variance-preserving c = 2/(1 + alpha**2) (He et al. 2015, ``kaiming_normal_(a=alpha)``)
gives k = 1 exactly, and at mu = 0 both ratios are exactly 1 at every depth.

Accuracy, in double precision (checked against 50-digit mpmath in tests/test_layer_stats.py):
every single-layer statistic is within 64 units of 2**-53, relative, of the exact value at the
given doubles, times (1 + t**2) for |t| > 1 (the condition of the Gaussian tail in t, which is
itself mu/sigma rounded once), for |t| up to 37 where the tail is a normal double. E[f] and
E[f'] can be 0 for alpha outside [0, 1]; there their error is relative to their size without
cancellation, sigma*(g(t) + |alpha|*g(-t)) and Phi(t) + |alpha|*Phi(-t). The tails never
cancel: past |t| = 1.5 they come from the continued fraction of the Mills ratio, not from
differences of erfc. The ratios add at most 2**-52 * (16 + 4*|ln ratio|) relative; results
beyond the doubles are 0 or inf, never an error. |alpha|, |mean/std| and a gain above 1e50 are
refused: E[f**2] and k would leave the doubles.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

import numpy as np

from leaky_gui.calc.alphas import kaiming_gain
from leaky_gui.calc.text import (
    ParameterError,
    decimal_label,
    format_label,
    format_number,
    parse_count,
    parse_decimal,
)

__all__ = [
    "DEFAULT_DEPTH",
    "DEFAULT_INIT",
    "DEFAULT_MEAN",
    "DEFAULT_STD",
    "INIT_NAMES",
    "MAX_DEPTH",
    "ActivationMoments",
    "Init",
    "LayerParams",
    "LayerStats",
    "activation_moments",
    "depth_log10_ratios",
    "depth_ratios",
    "layer_stats",
    "parse_init",
    "stats_csv_lines",
]

DEFAULT_MEAN = Decimal("0")
DEFAULT_STD = Decimal("1")
DEFAULT_DEPTH = 50
DEFAULT_INIT = "he"
MAX_DEPTH = 1_000_000
# Beyond these, E[f**2]/sigma**2 (about (t**2 + 1)*alpha**2) and c*(1 + alpha**2) leave the doubles.
_LIMIT = 1e50

_SQRT2 = math.sqrt(2.0)
_INV_SQRT_2PI = 1.0 / math.sqrt(2.0 * math.pi)
_CF_FROM = 1.5  # the tails from the continued fraction from here on (erfc differences below)

AlphaLike = float | int | Decimal


# ---------------------------------------------------------------------------
# The initialisations


@dataclass(frozen=True)
class Init:
    """An initialisation by name: the weights' variance is c/fan_in (square layers, no bias).

    ``scale`` is c exactly, or None for 'he', whose c = 2/(1 + alpha**2) follows alpha.
    """

    name: str
    scale: Fraction | None = None

    def weight_scale(self, alpha: AlphaLike) -> Fraction:
        """c, exactly: the weights' variance times the fan-in."""
        if self.scale is None:
            return 2 / (1 + Fraction(alpha) ** 2)
        return self.scale


_NAMED: dict[str, Init] = {
    # kaiming_normal_(w, a=alpha): std = sqrt(2/(1 + alpha**2)) / sqrt(fan_in).
    "he": Init("he"),
    # kaiming_normal_(w) left at a = 0: the ReLU gain sqrt(2).
    "kaiming-default": Init("kaiming-default", Fraction(2)),
    # nn.Linear / nn.Conv*: kaiming_uniform_(a=sqrt(5)), bound 1/sqrt(fan_in), variance 1/(3 fan_in).
    "torch-default": Init("torch-default", Fraction(1, 3)),
    # xavier_normal_ / xavier_uniform_ with gain 1: 2/(fan_in + fan_out) = 1/n for square layers.
    "xavier": Init("xavier", Fraction(1)),
    # LeCun normal: variance 1/fan_in.
    "lecun": Init("lecun", Fraction(1)),
}
INIT_NAMES: tuple[str, ...] = (*_NAMED, "gain=G")


def parse_init(text: str | Init) -> Init:
    """An initialisation from its name ('he', 'torch-default', 'gain=1.5'), or ParameterError."""
    if isinstance(text, Init):
        return text
    shown = str(text).strip()
    name = shown.lower()
    if name in _NAMED:
        return _NAMED[name]
    if name.startswith("gain="):
        gain = parse_decimal(shown[5:], "init")
        if not gain > 0:
            raise ParameterError("init", f"the gain must be above 0, not {decimal_label(gain)}")
        if gain > _LIMIT:
            raise ParameterError("init", f"the gain must be at most 1e50, not {decimal_label(gain)}")
        return Init(f"gain={decimal_label(gain)}", Fraction(gain) ** 2)
    raise ParameterError(
        "init",
        f"unknown initialisation {shown!r}; use he, kaiming-default, torch-default, xavier, lecun or gain=G",
    )


# ---------------------------------------------------------------------------
# One layer: f(X) for X ~ N(mu, sigma**2)


@dataclass(frozen=True)
class ActivationMoments:
    """Leaky ReLU of X ~ N(mean, std**2): the statistics of f(X) and f'(X)."""

    leaky_share: float  # P(X <= 0)
    mean: float  # E[f(X)]
    second_moment: float  # E[f(X)**2]
    variance: float  # Var[f(X)]
    mean_slope: float  # E[f'(X)]
    mean_slope_sq: float  # E[f'(X)**2]
    signal_excess: float  # rho = E[f**2] / (std**2 (1 + alpha**2)/2): 1 at mean 0
    slope_excess: float  # rho' = E[f'**2] / ((1 + alpha**2)/2): 1 at mean 0


def _normal_density(x: float) -> float:
    """phi(x), with x*x exact (Dekker's split): no error of x**2/2 ulps in the exponent."""
    square = x * x
    if square > 1500.0:  # exp underflows to 0 anyway
        return 0.0
    split = 134217729.0 * x
    hi = split - (split - x)
    lo = x - hi
    error = ((hi * hi - square) + 2.0 * hi * lo) + lo * lo  # x*x = square + error, exactly
    return math.exp(-0.5 * square) * (1.0 - 0.5 * error) * _INV_SQRT_2PI


def _upper_tail(x: float) -> tuple[float, float, float]:
    """For Z ~ N(0, 1) and x >= 0: P(Z > x), E[(Z - x)+] and E[((Z - x)+)**2], none by cancellation.

    Past 1.5, from phi(x) and the continued fraction of the Mills ratio, C_k = x + (k+1)/C_{k+1}:
    P = phi/C_0, E[(Z-x)+] = P/C_1, E[((Z-x)+)**2] = 2 E[(Z-x)+]/C_2 (integration by parts of
    the integrals of u**k exp(-x u - u**2/2)). Below 1.5 the erfc differences lose under 3 bits.
    """
    if x < _CF_FROM:
        tail = 0.5 * math.erfc(x / _SQRT2)
        density = _normal_density(x)
        first = density - x * tail
        return tail, first, (x * x + 1.0) * tail - x * density
    terms = int(40 + 700 / (x * x))  # to 2**-53 at 1.5, fewer further out
    c = 0.5 * (x + math.sqrt(x * x + 4.0 * (terms + 1)))  # the tail's own fixed point
    for k in range(terms, 2, -1):
        c = x + k / c
    c2 = c
    c1 = x + 2.0 / c2
    c0 = x + 1.0 / c1
    tail = _normal_density(x) / c0
    first = tail / c1
    return tail, first, 2.0 * first / c2


def activation_moments(
    alpha: AlphaLike, mean: float | Decimal = 0.0, std: float | Decimal = 1.0
) -> ActivationMoments:
    """The statistics of f(X), X ~ N(mean, std**2), f the Leaky ReLU of slope ``alpha``.

    Accurate as the module says; ValueError if std <= 0 or |mean/std| or |alpha| above 1e50.
    """
    a, mu, sigma = float(alpha), float(mean), float(std)
    if not sigma > 0 or not math.isfinite(sigma):
        raise ValueError(f"std must be a positive double, not {std}")
    t = mu / sigma
    if not abs(t) <= _LIMIT or not abs(a) <= _LIMIT:
        raise ValueError("|mean/std| and |alpha| must be at most 1e50")
    x = abs(t)
    tail, first, second = _upper_tail(x)  # of the side away from the mean
    d = 1.0 - a
    a2 = a * a
    head_second = (x * x + 1.0) - second  # E[((Z + x)+)**2] (at least 0.5: no cancellation)
    spread = second - first * first  # Var[(Z - x)+]
    if t >= 0:
        # f(X)/sigma = (Z + t) + (1 - alpha)(-Z - t)+: the leaky side is the tail.
        share, body = tail, 1.0 - tail
        mean_u = t + d * first
        second_u = head_second + a2 * second
        variance_u = 1.0 - 2.0 * d * tail + d * d * spread
        slope = body + a * tail
        slope_sq = body + a2 * tail
    else:
        # f(X)/sigma = alpha (Z + t) + (1 - alpha)(Z + t)+: the bright side is the tail.
        share, body = 1.0 - tail, tail
        mean_u = a * t + d * first
        second_u = second + a2 * head_second
        variance_u = a2 + 2.0 * a * d * tail + d * d * spread
        slope = body + a * share
        slope_sq = body + a2 * share
    half = 0.5 * (1.0 + a2)
    return ActivationMoments(
        leaky_share=share,
        mean=mean_u * sigma,
        second_moment=(second_u * sigma) * sigma,
        variance=(variance_u * sigma) * sigma,
        mean_slope=slope,
        mean_slope_sq=slope_sq,
        signal_excess=second_u / half,
        slope_excess=slope_sq / half,
    )


# ---------------------------------------------------------------------------
# Through depth


def _factor_logs(k: Fraction) -> tuple[float, float]:
    """k as the nearest double, and ln k to an ulp or two (log1p near 1, from k's exact value)."""
    try:
        near = float(k)
    except OverflowError:
        return math.inf, math.inf
    if k == 1:
        return 1.0, 0.0
    if Fraction(1, 2) < k < 2:
        return near, math.log1p(float(k - 1))
    return near, math.log(near) if near > 0 else -math.inf


def _ratio(excess: float, k: float, log_k: float, depth: int) -> float:
    """sqrt(excess * k**depth), 1 at depth 0; 0 or inf past the doubles."""
    if depth == 0:
        return 1.0
    if excess == 0.0:
        return 0.0
    half = 0.5 * depth
    log_ratio = 0.5 * math.log(excess) + half * log_k
    if log_ratio > 709.8:
        return math.inf
    if log_ratio < -745.2:
        return 0.0
    scaled = half * log_k
    if abs(log_k) < 0.25 and abs(scaled) < 700:  # exp of a small exponent: better than pow's
        product = math.sqrt(excess) * math.exp(scaled)
    else:
        try:
            product = math.sqrt(excess) * k**half
        except OverflowError:
            product = math.inf
    if 0.0 < product < math.inf:
        return product
    return math.exp(log_ratio)  # a factor left the doubles on the way; the product did not


@dataclass(frozen=True)
class LayerParams:
    """Validated inputs of the layer statistics (the alphas come apart): mean, std, depth, init."""

    mean: Decimal = DEFAULT_MEAN
    std: Decimal = DEFAULT_STD
    depth: int = DEFAULT_DEPTH
    init: Init = _NAMED[DEFAULT_INIT]

    @classmethod
    def from_text(
        cls,
        mean: str | Decimal = DEFAULT_MEAN,
        std: str | Decimal = DEFAULT_STD,
        depth: str | int = DEFAULT_DEPTH,
        init: str | Init = DEFAULT_INIT,
        max_depth: int = MAX_DEPTH,
    ) -> LayerParams:
        """Judge typed text: ParameterError naming 'mean', 'std', 'depth' or 'init'."""
        mu = parse_decimal(mean, "mean")
        sigma = parse_decimal(std, "std")
        if not sigma > 0:
            raise ParameterError("std", f"must be above 0, not {decimal_label(sigma)}")
        if float(sigma) == 0.0:
            raise ParameterError("std", f"{decimal_label(sigma)} is too small for a double")
        if isinstance(depth, str) and not depth.strip():
            raise ParameterError("depth", "is empty; type a whole number of layers such as 50")
        layers = parse_count(depth, "depth", maximum=max_depth)
        if not abs(float(mu) / float(sigma)) <= _LIMIT:
            raise ParameterError("mean", "|mean/std| must be at most 1e50")
        return cls(mu, sigma, layers, parse_init(init))

    def check_alpha(self, alpha: AlphaLike) -> None:
        """ParameterError if the statistics cannot be had for ``alpha`` (|alpha| above 1e50)."""
        if not abs(float(alpha)) <= _LIMIT:
            raise ParameterError(
                "alpha", f"must be at most 1e50 in size for the layer statistics, not {format_label(alpha)}"
            )


@dataclass(frozen=True)
class LayerStats:
    """One alpha's row: the single-layer statistics and the ratios at ``depth``."""

    alpha: Decimal | float
    leaky_share: float
    mean: float
    variance: float
    mean_slope: float
    mean_slope_sq: float
    kaiming_gain: float
    layer_factor: float
    std_ratio: float
    grad_std_ratio: float

    FIELDS = (
        "leaky_share",
        "mean",
        "variance",
        "mean_slope",
        "mean_slope_sq",
        "kaiming_gain",
        "layer_factor",
        "std_ratio",
        "grad_std_ratio",
    )

    def values(self) -> tuple[float, ...]:
        """The numbers in the order of FIELDS."""
        return tuple(getattr(self, name) for name in self.FIELDS)


def _parts(alpha: AlphaLike, params: LayerParams) -> tuple[ActivationMoments, float, float]:
    params.check_alpha(alpha)
    moments = activation_moments(alpha, params.mean, params.std)
    k = params.init.weight_scale(alpha) * (1 + Fraction(alpha) ** 2) / 2
    near, log_k = _factor_logs(k)
    return moments, near, log_k


def layer_stats(alpha: AlphaLike, params: LayerParams | None = None) -> LayerStats:
    """The statistics of one alpha (Decimal as typed, or float) with ``params``."""
    params = params or LayerParams()
    moments, k, log_k = _parts(alpha, params)
    return LayerStats(
        alpha=alpha,
        leaky_share=moments.leaky_share,
        mean=moments.mean,
        variance=moments.variance,
        mean_slope=moments.mean_slope,
        mean_slope_sq=moments.mean_slope_sq,
        kaiming_gain=kaiming_gain(alpha),
        layer_factor=k,
        std_ratio=_ratio(moments.signal_excess, k, log_k, params.depth),
        grad_std_ratio=_ratio(moments.slope_excess, k, log_k, params.depth),
    )


def depth_ratios(alpha: AlphaLike, params: LayerParams | None = None) -> tuple[list[float], list[float]]:
    """std_ratio and grad_std_ratio after 0, 1, ..., depth layers (each as ``layer_stats`` has it)."""
    params = params or LayerParams()
    moments, k, log_k = _parts(alpha, params)
    layers = range(params.depth + 1)
    return (
        [_ratio(moments.signal_excess, k, log_k, n) for n in layers],
        [_ratio(moments.slope_excess, k, log_k, n) for n in layers],
    )


def depth_log10_ratios(alpha: AlphaLike, params: LayerParams | None = None) -> tuple[np.ndarray, np.ndarray]:
    """log10 of std_ratio and grad_std_ratio at depths 0..L, for a log-scale plot.

    Straight lines in the depth (after the first layer): finite where the ratios themselves
    leave the doubles (0.17**500 is 1e-385), NaN only where a ratio is 0 exactly in the
    closed form's doubles (a dead first layer: E[f**2] below 1e-308).
    """
    params = params or LayerParams()
    moments, _, log_k = _parts(alpha, params)
    depths = np.arange(params.depth + 1, dtype=float)
    lines = []
    for excess in (moments.signal_excess, moments.slope_excess):
        start = 0.5 * math.log(excess) if excess > 0 else math.nan
        line = (start + 0.5 * log_k * depths) / math.log(10)
        line[0] = 0.0
        lines.append(line)
    return lines[0], lines[1]


STATS_HEADER = "alpha," + ",".join(LayerStats.FIELDS)
PER_LAYER_HEADER = "alpha,depth,std_ratio,grad_std_ratio"


def stats_csv_lines(alphas: Iterable[Decimal], params: LayerParams, per_layer: bool = False) -> list[str]:
    """The CSV text of the statistics, a line each (header first): ``leaky-relu stats`` and the Layer view.

    One row per alpha, or with ``per_layer`` one per alpha and depth 0..L; the alpha as typed,
    every number as the shortest text that reads back to its double.
    """
    lines = [(PER_LAYER_HEADER if per_layer else STATS_HEADER) + "\n"]
    for alpha in alphas:
        name = format_label(alpha)
        if per_layer:
            signal, gradient = depth_ratios(alpha, params)
            lines += [
                f"{name},{depth},{format_number(s)},{format_number(g)}\n"
                for depth, (s, g) in enumerate(zip(signal, gradient, strict=True))
            ]
        else:
            row = layer_stats(alpha, params)
            lines.append(",".join([name, *map(format_number, row.values())]) + "\n")
    return lines
