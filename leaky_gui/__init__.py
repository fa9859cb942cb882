"""leaky_gui: an offline desktop calculator for the Leaky ReLU activation function.

``import leaky_gui`` imports nothing (not even numpy) so the command line starts fast;
the names below are resolved on first use (``leaky_gui.MainWindow``, ``leaky_gui.SweepParams``).

Layers: ``leaky_gui.calc`` (the calculation, no Qt), ``leaky_gui.gui`` (the window and its
parts), ``leaky_gui.cli`` (``leaky-relu``) and ``leaky_gui.app`` (``leaky-gui``).
"""

from __future__ import annotations

from typing import Any

# Resolved on first use, so that ``import leaky_gui`` costs nothing: the command line sets
# up numpy's environment before numpy is imported.
_LAZY = {
    "DEFAULT_ALPHA": "leaky_gui.calc.sweep",
    "PRESETS": "leaky_gui.calc.alphas",
    "SweepParams": "leaky_gui.calc.sweep",
    "format_number": "leaky_gui.calc.sweep",
    "kaiming_gain": "leaky_gui.calc.alphas",
    "leaky_relu": "leaky_gui.calc.sweep",
    "leaky_relu_derivative": "leaky_gui.calc.sweep",
    "MainWindow": "leaky_gui.gui.window",
}

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
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name]), name)
        if name != "MainWindow":
            globals()[name] = value
        return value
    if name == "__version__":
        from leaky_gui._version import package_version

        value = package_version()
        globals()["__version__"] = value
        return value
    raise AttributeError(f"module 'leaky_gui' has no attribute {name!r}")
