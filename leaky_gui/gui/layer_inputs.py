"""The Layer view's inputs (no widgets): what is typed, judged together, and remembered.

``LayerInputs`` holds the texts as typed and the gradient toggle; ``judge_layer_inputs``
judges them as ``LayerParams`` (depth up to ``MAX_VIEW_DEPTH`` in the window);
``load_layer_inputs`` reads them back from the settings, giving way to the defaults when
they do not judge well together.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings

from leaky_gui.calc.layer_stats import DEFAULT_DEPTH, DEFAULT_INIT, DEFAULT_MEAN, DEFAULT_STD, LayerParams
from leaky_gui.calc.text import ParameterError, decimal_label
from leaky_gui.gui.state import LAYER_GRADIENT_KEY, LAYER_KEYS, settings_flag

#: The window's depth box takes 1 .. this many layers (the command line goes further).
MAX_VIEW_DEPTH = 1000


@dataclass(frozen=True)
class LayerInputs:
    """The Layer view's typed inputs and toggle, as remembered between runs."""

    mean: str = decimal_label(DEFAULT_MEAN)
    std: str = decimal_label(DEFAULT_STD)
    depth: str = str(DEFAULT_DEPTH)
    init: str = DEFAULT_INIT
    gradient: bool = True


def load_layer_inputs(settings: QSettings) -> LayerInputs:
    """The remembered inputs; any that do not judge well together give way to the defaults."""
    texts = {}
    for name, key in LAYER_KEYS.items():
        raw = settings.value(key, getattr(LayerInputs, name))
        texts[name] = raw if isinstance(raw, str) else getattr(LayerInputs, name)
    gradient = settings_flag(settings.value(LAYER_GRADIENT_KEY, True), True)
    try:
        judge_layer_inputs(texts["mean"], texts["std"], texts["depth"], texts["init"])
    except ParameterError:
        return LayerInputs(gradient=gradient)
    return LayerInputs(**texts, gradient=gradient)


def judge_layer_inputs(mean: str, std: str, depth: str, init: str) -> LayerParams:
    return LayerParams.from_text(mean, std, depth, init, max_depth=MAX_VIEW_DEPTH)
