"""The single-x panel alone: exact f and f' at the sweep's alpha, and the plot's marker signal."""

from __future__ import annotations

from decimal import Decimal

from leaky_gui.calc.sweep import SweepParams
from leaky_gui.gui.selftest import type_into
from leaky_gui.gui.single_x_panel import PROMPT, SingleXPanel

#: The panel under test, for the shared ``panel`` fixture (conftest.py).
PANEL = SingleXPanel


def test_prompts_when_empty(panel):
    assert panel.result.text() == PROMPT


def test_evaluates_exactly_and_signals_the_point(panel, qtbot):
    points = []
    panel.pointChanged.connect(lambda x, fx: points.append((x, fx)))
    type_into(panel.edit, "-3.7")
    assert panel.result.text() == "f(-3.7) = -0.037      f'(-3.7) = 0.01"
    assert points[-1] == (-3.7, -0.037)


def test_follows_the_sweeps_alpha(panel, qtbot):
    type_into(panel.edit, "-2")
    with qtbot.waitSignal(panel.pointChanged) as signal:
        panel.show_source(SweepParams(alphas=(Decimal("0.2"),)))
    assert panel.result.text() == "f(-2.0) = -0.4      f'(-2.0) = 0.2"
    assert signal.args == [-2.0, -0.4]


def test_bad_text_clears_the_point_with_a_message(panel, qtbot):
    type_into(panel.edit, "-2")
    with qtbot.waitSignal(panel.pointChanged) as signal:
        panel.set_text("abc")
    assert signal.args == [None, None]
    assert panel.result.text().startswith("Cannot evaluate: not a number")
