"""The info panel alone: x range, zero crossing, f range and gain per visible curve."""

from __future__ import annotations

from decimal import Decimal

from leaky_gui.calc.sweep import SweepParams
from leaky_gui.gui.info_panel import InfoPanel
from leaky_gui.gui.pinned import PinnedAlpha

D = Decimal


def test_shows_current_and_visible_pinned_curves(qtbot):
    panel = InfoPanel()
    qtbot.addWidget(panel)
    pinned = (PinnedAlpha(D("0.3"), 0), PinnedAlpha(D("0.2"), 1, visible=False))
    panel.show_source(SweepParams(), pinned)
    assert panel.summary.text() == "x range: -4.0 to 1.0 (101 points)\nZero crossing: i = 80"
    assert panel.rows() == [
        ["alpha = 0.01 (PyTorch / JAX / ONNX) (current)", "[-0.04, 1.0]", "1.41414"],
        ["alpha = 0.3 (Keras LeakyReLU layer) (pinned)", "[-1.2, 1.0]", "1.35457"],
    ]


def test_a_downward_sweep_that_never_crosses_zero(qtbot):
    panel = InfoPanel()
    qtbot.addWidget(panel)
    panel.show_source(SweepParams(D("3"), D("-0.5"), 5), ())
    assert panel.summary.text() == (
        "x range: 1.0 to 3.0 (5 points)\nZero crossing: none (the sweep stays on one side of 0)"
    )
    assert panel.rows() == [["alpha = 0.01 (PyTorch / JAX / ONNX) (current)", "[1.0, 3.0]", "1.41414"]]


def test_values_label_counts_in_each_language(qapp):
    from leaky_gui.gui.info_panel import values_label
    from leaky_gui.gui.language import install_language

    expected = {
        "en": ["0 values", "1 value", "2 values", "1,000 values"],
        "de": ["0 Werte", "1 Wert", "2 Werte", "1,000 Werte"],
        "fr": ["0 valeur", "1 valeur", "2 valeurs", "1,000 valeurs"],  # French: singular for 0
    }
    try:
        for language, labels in expected.items():
            install_language(language)
            assert [values_label(n) for n in (0, 1, 2, 1000)] == labels, language
    finally:
        install_language("en")
