"""The plot's view in plain arithmetic (no Qt): fitting ranges, placeable points, readout rounding.

Kept apart from plot.py, which draws; these decide what the view can hold and how finely
the crosshair reads x.
"""

from __future__ import annotations

import math
from decimal import Decimal, localcontext

from leaky_gui.calc.precision import round_to

#: pyqtgraph's view stays within ±1e307; narrower than this its pixel scale overflows.
VIEW_LIMIT = 1e307
MIN_VIEW_SPAN = 1e-290
FIT_PADDING = 0.05


def padded(values: list[float]) -> tuple[float, float]:
    """The range of ``values`` with 5% room on each side, kept within what the view can show."""
    lo = max(min(values), -VIEW_LIMIT)
    hi = min(max(values), VIEW_LIMIT)
    span = hi - lo
    if span < MIN_VIEW_SPAN:  # one point, a flat line, or subnormal sizes: room around the middle
        middle = lo / 2 + hi / 2
        half = abs(middle) * 0.5 or 1.0 if span == 0 else MIN_VIEW_SPAN
        return max(middle - half, -VIEW_LIMIT), min(middle + half, VIEW_LIMIT)
    pad = span * FIT_PADDING
    return max(lo - pad, -VIEW_LIMIT), min(hi + pad, VIEW_LIMIT)


def rounded_to(x: float, pixel: float) -> Decimal:
    """``x`` as a decimal rounded to 10**floor(log10(pixel)): every digit a pixel resolves.

    Works at every scale (a view of 1e-20..2e-20 keeps its digits, ±1e307 rounds to 1e304);
    with no usable pixel width, x's shortest text.
    """
    if not math.isfinite(x):
        return Decimal(0)
    if not (math.isfinite(pixel) and pixel > 0):
        return Decimal(repr(x))
    exact = Decimal(x)  # every double is a finite decimal
    exponent = math.floor(math.log10(pixel))
    with localcontext() as context:
        # Enough digits for x's integer part down to the pixel's decimals (at most ~640).
        context.prec = max(28, exact.adjusted() - exponent + 3)
        return exact.quantize(Decimal(1).scaleb(exponent))


def held(x: Decimal, precision: str) -> float:
    """x as the sweep's precision holds it (float64: the double nearest x)."""
    return float(round_to(float(x), precision)) + 0.0


def finite(xs: list[float], ys: list[float]) -> tuple[list[float], list[float]]:
    """The points a view can place: a float16 overflow (inf) or inf * 0 (nan) is left out."""
    kept = [(x, y) for x, y in zip(xs, ys, strict=True) if math.isfinite(x) and math.isfinite(y)]
    return [x for x, _ in kept], [y for _, y in kept]
