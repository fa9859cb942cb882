"""The Alpha menu's presets for PyTorch's other leaky units: PReLU's initial slope, RReLU in eval mode."""

from __future__ import annotations

from decimal import Decimal as D

from PySide6.QtGui import QAction


def test_prelu_and_rrelu_presets_set_and_pin_with_their_names(window):
    prelu = window.findChild(QAction, "presetSet_6")
    rrelu = window.findChild(QAction, "presetSet_7")
    assert prelu.text() == "&6 PyTorch PReLU initial  (alpha = 0.25)"
    assert rrelu.text() == "&7 PyTorch RReLU eval mode  (alpha = 0.22916666666666666)"
    assert (prelu.shortcut().toString(), rrelu.shortcut().toString()) == ("Ctrl+6", "Ctrl+7")
    rrelu.trigger()
    assert window.params.alpha == D("0.22916666666666666")
    assert "f(x), alpha = 0.22916666666666666 (PyTorch RReLU eval mode)" in window.plot.legend_names()
    window.findChild(QAction, "presetPin_6").trigger()
    assert window.comparison.alphas() == (D("0.25"),)
    assert "alpha = 0.25 (PyTorch PReLU initial)" in window.plot.legend_names()
