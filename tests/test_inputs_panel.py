"""The inputs panel alone, without a window: values, edited, notes."""

from __future__ import annotations

from decimal import Decimal

import pytest

from leaky_gui.calc.sweep import SweepParams
from leaky_gui.gui.inputs_panel import InputsPanel
from leaky_gui.gui.selftest import type_into

D = Decimal


@pytest.fixture
def panel(qtbot):
    widget = InputsPanel()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_starts_at_the_defaults(panel):
    assert panel.values() == (D("-4"), D("0.05"), 101, D("0.01"))
    assert [panel.findChild(type(panel.start), n).text() for n in ("startX", "stepX", "alpha")] == [
        "-4",
        "0.05",
        "0.01",
    ]


def test_typing_emits_edited_and_set_values_does_not(panel, qtbot):
    with qtbot.waitSignal(panel.edited):
        type_into(panel.alpha, "0.3")
    assert panel.values()[3] == D("0.3")
    with qtbot.assertNotEmitted(panel.edited):
        panel.set_values(D("1"), D("-0.5"), 9, D("0.2"))
    assert panel.values() == (D("1"), D("-0.5"), 9, D("0.2"))


def test_a_preset_alpha_counts_as_an_edit(panel, qtbot):
    with qtbot.waitSignal(panel.edited):
        panel.set_alpha(D("0.2"))
    assert panel.values()[3] == D("0.2")


@pytest.mark.parametrize(("alpha", "note"), [("-0.5", "Negative alpha"), ("2", "alpha > 1"), ("0.5", "")])
def test_unusual_alpha_gets_the_cores_note(panel, alpha, note):
    panel.show_sweep(SweepParams(alphas=(D(alpha),)))
    assert panel.alpha_note.isVisible() is bool(note)
    assert panel.alpha_note.text().startswith(note)


def test_a_sweep_problem_shows_and_clears(panel):
    panel.show_problem("count: the sweep runs beyond the largest double (1.8e308)")
    assert panel.message.isVisible() and "largest double" in panel.message.text()
    panel.show_problem("")
    assert not panel.message.isVisible()


def test_a_box_problem_is_named_after_its_field(panel, qtbot):
    panel.step.setFocus()
    panel.step.selectAll()
    qtbot.keyClicks(panel.step, "0")
    assert panel.message.text() == "step x: must not be 0"
