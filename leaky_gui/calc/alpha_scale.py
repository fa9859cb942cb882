"""The alpha slider's positions: exact short decimals on a log or a linear scale (no Qt).

Every position is an exact decimal of at most three significant digits, so moving the
slider types a value such as 0.0132 or 0.2 into the Alpha box, never a float's tail
(0.013182567...). The log scale has 50 positions a decade, 10**(k/50) rounded to three
digits with Decimal arithmetic, each decade the same mantissas; the mantissas nearest
the presets' first three digits (1, 2, 229, 25, 3) and 5 are those exactly, so 0.01, 0.2,
0.25 and 0.3 are positions.
The linear scale steps by a short decimal from 0. Play's pace is decided here as well.
"""

from __future__ import annotations

import bisect
import itertools
import math
from dataclasses import dataclass
from decimal import Decimal, localcontext
from functools import cache

from leaky_gui.calc.alphas import PRESETS

__all__ = [
    "DEFAULT_RANGE",
    "DEFAULT_SCALE",
    "PLAY_MAX_INTERVAL_MS",
    "PLAY_PASS_SECONDS",
    "RANGES",
    "SCALES",
    "SCALE_LABELS",
    "AlphaScale",
    "alpha_scale",
    "log_mantissas",
    "play_plan",
]

#: Positions per decade on the log scale.
PER_DECADE = 50
#: Decades the log scale spans below its top.
LOG_DECADES = 4

SCALES = ("log", "linear")
SCALE_LABELS = {"log": "Logarithmic", "linear": "Linear"}
DEFAULT_SCALE = "log"
#: The top of the slider; the log scale reaches 10,000 times lower (0.0001 .. 1 by default), the linear one 0.
RANGES = ("0.3", "1", "10")
DEFAULT_RANGE = "1"
#: Linear step for each top: about 150-200 positions a pass, each a short decimal.
_LINEAR_STEPS = {"0.3": Decimal("0.002"), "1": Decimal("0.005"), "10": Decimal("0.05")}

#: Play moves at least 30 positions a second (a timer of at most 33 ms) ...
PLAY_MAX_INTERVAL_MS = 33
#: ... and one pass from end to end takes about this long.
PLAY_PASS_SECONDS = 5


def _tidy(value: Decimal) -> Decimal:
    """The same number with no trailing zeros and no exponent form for whole numbers (2, not 2.00 or 2E+0)."""
    value = value.normalize()
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value


@cache
def log_mantissas() -> tuple[int, ...]:
    """The log scale's mantissas in hundredths (100 .. 955): 10**(k/50) to three digits, anchors exact."""
    with localcontext() as context:
        context.prec = 30
        mantissas = [
            int((Decimal(10) ** (Decimal(k) / PER_DECADE) * 100).to_integral_value())
            for k in range(PER_DECADE)
        ]
    anchors = {100, 500}
    for preset in PRESETS:
        if preset.alpha > 0:
            digits = preset.alpha.normalize().as_tuple().digits
            anchors.add(int("".join(map(str, digits)).ljust(3, "0")[:3]))
    for anchor in anchors:  # the grid value nearest each anchor, on the log scale, becomes it
        nearest = min(range(PER_DECADE), key=lambda k: abs(math.log(mantissas[k] / anchor)))
        mantissas[nearest] = anchor
    assert all(a < b for a, b in itertools.pairwise(mantissas)), "mantissas rise"
    return tuple(mantissas)


@dataclass(frozen=True)
class AlphaScale:
    """The slider's positions for one scale and top: exact decimals, strictly increasing."""

    scale: str
    top: str
    positions: tuple[Decimal, ...]

    def __len__(self) -> int:
        return len(self.positions)

    def value(self, index: int) -> Decimal:
        """The alpha at slider position ``index`` (clamped to the ends)."""
        return self.positions[min(max(index, 0), len(self.positions) - 1)]

    def nearest(self, alpha: Decimal) -> int:
        """The position nearest ``alpha``: the ends beyond the range; by ratio on the log scale.

        Any Decimal is fine: negative, zero, huge or tiny ones go to an end.
        """
        positions = self.positions
        if alpha <= positions[0]:
            return 0
        if alpha >= positions[-1]:
            return len(positions) - 1
        above = bisect.bisect_left(positions, alpha)
        below = above - 1
        low, high = positions[below], positions[above]
        with localcontext() as context:
            context.prec = 60
            # On the log scale nearer in ratio (alpha/low < high/alpha), else in difference.
            take_low = alpha * alpha < low * high if self.scale == "log" else alpha - low < high - alpha
        return below if take_low else above

    def label(self) -> str:
        """'0.0001 … 1 (logarithmic)': what the range menu and the slider's tooltip say."""
        return f"{self.positions[0]} … {self.positions[-1]} ({SCALE_LABELS[self.scale].lower()})"


@cache
def alpha_scale(scale: str = DEFAULT_SCALE, top: str = DEFAULT_RANGE) -> AlphaScale:
    """The positions of the ``scale`` ('log' or 'linear') slider reaching up to ``top`` (one of RANGES)."""
    if scale not in SCALES:
        raise ValueError(f"unknown slider scale {scale!r}")
    if top not in RANGES:
        raise ValueError(f"unknown slider range {top!r}")
    high = Decimal(top)
    if scale == "linear":
        step = _LINEAR_STEPS[top]
        count = int(high / step)
        positions = tuple(_tidy(step * i) for i in range(count + 1))
    else:
        low = high / 10**LOG_DECADES
        lowest_exponent = math.floor(math.log10(low)) - 1
        positions = tuple(
            value
            for exponent in range(lowest_exponent, lowest_exponent + LOG_DECADES + 3)
            for mantissa in log_mantissas()
            if low <= (value := _tidy(Decimal(mantissa).scaleb(exponent - 2))) <= high
        )
    return AlphaScale(scale, top, positions)


def play_plan(positions: int) -> tuple[int, int]:
    """Play's timer interval (ms) and stride (positions per tick) for a slider of ``positions``.

    At least 30 ticks a second, one pass from end to end in about PLAY_PASS_SECONDS.
    """
    steps = max(1, positions - 1)
    stride = max(1, steps // (PLAY_PASS_SECONDS * 1000 // PLAY_MAX_INTERVAL_MS))
    ticks = math.ceil(steps / stride)
    interval = min(PLAY_MAX_INTERVAL_MS, max(1, round(PLAY_PASS_SECONDS * 1000 / ticks)))
    return interval, stride
