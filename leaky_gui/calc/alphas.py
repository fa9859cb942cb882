"""Rules about alpha, shared by the command line and the window (no Qt).

Presets, the names an alpha goes by, the Kaiming gain and which alphas are unusual: each
written once, here. (Pinning, with its colours and limits, is the window's: leaky_gui.gui.pinned.)
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal

from leaky_gui.calc.sweep import format_label

__all__ = [
    "PRESETS",
    "Preset",
    "alpha_name",
    "kaiming_gain",
    "preset_name",
    "unusual_alpha_note",
]


@dataclass(frozen=True)
class Preset:
    """A named alpha that a framework uses by default."""

    name: str
    alpha: Decimal


PRESETS: tuple[Preset, ...] = (
    # alpha = 0 is max(0, x): the plain rectifier.
    Preset("ReLU", Decimal("0")),
    # torch.nn.LeakyReLU / F.leaky_relu negative_slope=0.01; jax.nn.leaky_relu
    # negative_slope=0.01; ONNX operator LeakyRelu attribute alpha default 0.01.
    Preset("PyTorch / JAX / ONNX", Decimal("0.01")),
    # tf.nn.leaky_relu(features, alpha=0.2); keras.ops.leaky_relu(x, negative_slope=0.2).
    Preset("TensorFlow", Decimal("0.2")),
    # keras.layers.LeakyReLU(negative_slope=0.3) (Keras 3; `alpha=0.3` in Keras 2).
    Preset("Keras LeakyReLU layer", Decimal("0.3")),
    # alpha = 1 collapses f to the identity line.
    Preset("identity", Decimal("1")),
    # The slopes of PyTorch's other leaky units (after the first five, whose Ctrl+1..5 stay):
    # torch.nn.PReLU(num_parameters=1, init=0.25) starts its learned slope at 0.25;
    Preset("PyTorch PReLU initial", Decimal("0.25")),
    # torch.nn.RReLU(lower=1/8, upper=1/3) in eval mode uses (lower + upper) / 2, computed
    # in doubles: (0.125 + 0.3333333333333333) / 2 is 0.22916666666666666, the double nearest
    # the exact 11/48 (0.229166... recurring), written as its shortest text.
    Preset("PyTorch RReLU eval mode", Decimal("0.22916666666666666")),
)


def preset_name(alpha: Decimal) -> str | None:
    """The preset whose alpha equals ``alpha`` numerically, if any."""
    for preset in PRESETS:
        if preset.alpha == alpha:
            return preset.name
    return None


def alpha_name(alpha: Decimal) -> str:
    """'alpha = 0.3 (Keras LeakyReLU layer)': how legends, lists and messages name an alpha."""
    preset = preset_name(alpha)
    return f"alpha = {format_label(alpha)}" + (f" ({preset})" if preset else "")


def kaiming_gain(alpha: float | Decimal) -> float:
    """He/Kaiming gain sqrt(2 / (1 + alpha**2)), as torch.nn.init.calculate_gain('leaky_relu', alpha)."""
    a = float(alpha)
    return math.sqrt(2.0 / (1.0 + a * a))


def unusual_alpha_note(alpha: Decimal) -> str | None:
    """Why ``alpha`` is unusual (below 0 or above 1), or None. Unusual alphas are still allowed."""
    if alpha < 0:
        return "Negative alpha is unusual: f then rises again for x < 0 instead of leaking downwards"
    if alpha > 1:
        return "alpha > 1 is unusual: the x <= 0 side is then steeper than the x > 0 side"
    return None
