"""leaky_gui: an offline desktop calculator for the Leaky ReLU activation function.

``import leaky_gui`` stays free of Qt so the command line starts fast; the window
class is resolved on first use (``leaky_gui.MainWindow``).

Layers: ``leaky_gui.calc`` (the calculation, no Qt), ``leaky_gui.gui`` (the window and its
parts), ``leaky_gui.cli`` (``leaky-relu``) and ``leaky_gui.app`` (``leaky-gui``).
"""

from __future__ import annotations

from typing import Any

from leaky_gui.calc.alphas import PRESETS, kaiming_gain
from leaky_gui.calc.sweep import DEFAULT_ALPHA, SweepParams, format_number, leaky_relu, leaky_relu_derivative

__all__ = [
    "DEFAULT_ALPHA",
    "PRESETS",
    "MainWindow",
    "SweepParams",
    "__version__",
    "format_number",
    "kaiming_gain",
    "leaky_relu",
    "leaky_relu_derivative",
]


def __getattr__(name: str) -> Any:
    if name == "MainWindow":
        from leaky_gui.gui.window import MainWindow

        return MainWindow
    if name == "__version__":
        from leaky_gui._version import package_version

        value = package_version()
        globals()["__version__"] = value
        return value
    raise AttributeError(f"module 'leaky_gui' has no attribute {name!r}")
