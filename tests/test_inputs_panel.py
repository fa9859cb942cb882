"""The inputs panel alone, without a window: it forwards typing to its model and shows what it holds."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from leaky_gui.calc.sweep import SweepParams
from leaky_gui.gui.inputs_panel import InputsPanel, inputs_model
from leaky_gui.gui.selftest import type_into

D = Decimal


def PANEL() -> InputsPanel:  # the shared ``panel`` fixture's name for it (conftest.py)
    return InputsPanel(inputs_model())


def test_starts_at_the_defaults(panel):
    assert panel.model.inputs() == (D("-4"), D("0.05"), 101, D("0.01"))
    assert [panel.findChild(type(panel.start), n).text() for n in ("startX", "stepX", "alpha")] == [
        "-4",
        "0.05",
        "0.01",
    ]


def test_typing_emits_edited_and_the_box_shows_the_models_value(panel, qtbot):
    with qtbot.waitSignal(panel.edited):
        type_into(panel.alpha, "0.3")
    assert panel.model.inputs()[3] == D("0.3") and panel.alpha.decimal_value() == D("0.3")
    panel.alpha.setFocus()
    qtbot.keyClick(panel.alpha, Qt.Key.Key_End)
    qtbot.keyClicks(panel.alpha, "0")  # 0.30: the same value, so nothing to refresh
    with qtbot.assertNotEmitted(panel.edited):
        qtbot.keyClick(panel.alpha, Qt.Key.Key_Return)
    assert panel.alpha.text() == "0.3"  # Enter shows it in the one number style


def test_a_preset_alpha_counts_as_an_edit(panel, qtbot):
    with qtbot.waitSignal(panel.edited):
        assert panel.set_alpha(D("0.2"))
    assert panel.model.inputs()[3] == D("0.2") and panel.alpha.text() == "0.2"


def test_a_preset_alpha_the_sweep_cannot_take_is_refused_with_a_message(panel, qtbot):
    panel.model.set_inputs(D("-1"), D("-1"), 3, D("0.01"))
    with qtbot.assertNotEmitted(panel.edited):
        assert not panel.set_alpha(D("1e308"))
    assert panel.model.inputs()[3] == D("0.01") and panel.alpha.text() == "0.01"
    assert panel.message.text().startswith("Cannot set alpha to 1e+308: alpha=1e+308 times x runs beyond")


@pytest.mark.parametrize(("alpha", "note"), [("-0.5", "Negative alpha"), ("2", "alpha > 1"), ("0.5", "")])
def test_unusual_alpha_gets_the_cores_note(panel, alpha, note):
    panel.show_sweep(SweepParams(alphas=(D(alpha),)))
    assert panel.alpha_note.isVisible() is bool(note)
    assert panel.alpha_note.text().startswith(note)


def test_a_refusal_shows_until_the_next_change(panel, qtbot):
    panel.model.refuse(
        "Cannot set alpha to 1e308: alpha=1e308 times x runs beyond the largest double (1.8e308)"
    )
    panel.show_model()
    assert panel.message.isVisible() and "largest double" in panel.message.text()
    type_into(panel.alpha, "0.3")
    assert not panel.message.isVisible()


def test_escape_brings_back_the_value_and_its_text(panel, qtbot):
    panel.start.setFocus()
    panel.start.selectAll()
    qtbot.keyClicks(panel.start, "abc")
    assert panel.start.problem().startswith("not a number") and panel.model.inputs()[0] == D("-4")
    qtbot.keyClick(panel.start, Qt.Key.Key_Escape)
    assert panel.start.text() == "-4" and panel.start.problem() == "" and not panel.message.isVisible()


def test_a_box_problem_is_named_after_its_field(panel, qtbot):
    panel.step.setFocus()
    panel.step.selectAll()
    qtbot.keyClicks(panel.step, "0")
    assert panel.message.text() == "step x: must not be 0"
