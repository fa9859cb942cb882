"""leaky_gui: an offline desktop calculator for the Leaky ReLU activation function.

``import leaky_gui`` stays free of Qt so the command line starts fast; the window
class is resolved on first use (``leaky_gui.MainWindow``).
"""

from __future__ import annotations

from typing import Any

from leaky_gui.alphas import PRESETS, kaiming_gain
from leaky_gui.core import DEFAULT_ALPHA, SweepParams, format_number, leaky_relu, leaky_relu_derivative

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


def _package_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("leaky_gui")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0+unknown"


def __getattr__(name: str) -> Any:
    if name == "MainWindow":
        from leaky_gui.window import MainWindow

        return MainWindow
    if name == "__version__":
        value = _package_version()
        globals()["__version__"] = value
        return value
    raise AttributeError(f"module 'leaky_gui' has no attribute {name!r}")
