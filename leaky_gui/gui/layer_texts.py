"""The Layer view's table columns: header, tooltip and LayerStats field, the words marked for
translation (QT_TRANSLATE_NOOP, which lupdate finds) and translated by the view when it
builds ("LayerView" context). Mathematical headers (E[f], Var[f]) are the same in every language."""

from __future__ import annotations

from leaky_gui.gui.language import QT_TRANSLATE_NOOP

#: The table's columns: (header, tooltip, LayerStats field); the ratios first, the CSV keeps its order.
COLUMNS = (
    ("alpha", QT_TRANSLATE_NOOP("LayerView", "the alpha (current first, then the pinned ones)"), ""),
    (
        QT_TRANSLATE_NOOP("LayerView", "std ratio"),
        QT_TRANSLATE_NOOP("LayerView", "sqrt(E[h_L²]) / std after L layers"),
        "std_ratio",
    ),
    (
        QT_TRANSLATE_NOOP("LayerView", "grad ratio"),
        QT_TRANSLATE_NOOP("LayerView", "sqrt(E[(d/dh_0)²] / E[(d/dh_L)²]) through L layers"),
        "grad_std_ratio",
    ),
    (
        QT_TRANSLATE_NOOP("LayerView", "layer factor"),
        QT_TRANSLATE_NOOP(
            "LayerView",
            "k = c (1 + alpha²) / 2: each layer after the first multiplies the signal's second moment by k",
        ),
        "layer_factor",
    ),
    (
        QT_TRANSLATE_NOOP("LayerView", "Kaiming gain"),
        QT_TRANSLATE_NOOP(
            "LayerView", "sqrt(2 / (1 + alpha²)), PyTorch's calculate_gain('leaky_relu', alpha)"
        ),
        "kaiming_gain",
    ),
    (
        QT_TRANSLATE_NOOP("LayerView", "leaky share"),
        QT_TRANSLATE_NOOP("LayerView", "P(X <= 0): the share of pre-activations on the leaky side"),
        "leaky_share",
    ),
    ("E[f]", QT_TRANSLATE_NOOP("LayerView", "E[f(X)], X ~ N(mean, std²)"), "mean"),
    ("Var[f]", "Var[f(X)]", "variance"),
    ("E[f']", QT_TRANSLATE_NOOP("LayerView", "E[f'(X)], the mean slope"), "mean_slope"),
    (
        "E[f'²]",
        QT_TRANSLATE_NOOP(
            "LayerView", "E[f'(X)²]: how the first layer scales the gradient's second moment (times c)"
        ),
        "mean_slope_sq",
    ),
)
