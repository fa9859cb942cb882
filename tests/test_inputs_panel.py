"""The inputs panel alone, without a window: values, edited, notes."""

from __future__ import annotations

from decimal import Decimal

import pytest

from leaky_gui.calc.sweep import SweepParams
from leaky_gui.gui.inputs_panel import InputsPanel
from leaky_gui.gui.selftest import type_into

D = Decimal

#: The panel under test, for the shared ``panel`` fixture (conftest.py).
PANEL = InputsPanel


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
    panel.show_source(SweepParams(alphas=(D(alpha),)))
    assert panel.alpha_note.isVisible() is bool(note)
    assert panel.alpha_note.text().startswith(note)


def test_a_refusal_shows_until_the_next_change(panel, qtbot):
    panel.refuse("Cannot set alpha to 1e308: alpha=1e308 times x runs beyond the largest double (1.8e308)")
    assert panel.message.isVisible() and "largest double" in panel.message.text()
    type_into(panel.alpha, "0.3")
    assert not panel.message.isVisible()


def test_the_judge_decides_for_typing_presets_resets_and_the_precision(panel, qtbot):
    """Whatever the judge refuses never becomes a value, however it arrives."""
    refused = {D("7"), D("0.7")}

    def judge(start, step, count, alpha, precision):
        if precision == "float16":
            return "no float16 today"
        return "seven is refused" if {start, alpha} & refused else ""

    panel.judge = judge
    type_into(panel.start, "7")
    assert panel.values()[0] == D("-4") and panel.start.text() == "7"
    assert panel.message.text() == "start x: seven is refused"
    assert not panel.set_alpha(D("0.7")) and panel.values()[3] == D("0.01")
    assert panel.message.text() == "start x: seven is refused"  # the box's complaint comes first
    panel.start.undo_edit()
    assert panel.message.text().startswith("Cannot set alpha to 0.7: seven is refused")
    assert panel.set_values(D("7"), D("1"), 3, D("0.1")) == "seven is refused"
    assert panel.values() == (D("-4"), D("0.05"), 101, D("0.01"))
    panel.dtype.setCurrentIndex(panel.dtype.findData("float16"))
    assert panel.precision() == "float64" and panel.dtype.currentData() == "float64"
    assert "no float16 today" in panel.message.text()


def test_refused_text_is_judged_again_when_what_refused_it_goes(panel):
    blocked = [D("1e300")]
    panel.judge = lambda start, step, count, alpha, precision: "blocked" if start in blocked else ""
    type_into(panel.start, "1e300")
    assert panel.values()[0] == D("-4") and panel.start.problem() == "blocked"
    blocked.clear()
    panel.rejudge()
    assert panel.values()[0] == D("1e300") and panel.start.problem() == ""
    assert not panel.message.isVisible()


def test_a_box_problem_is_named_after_its_field(panel, qtbot):
    panel.step.setFocus()
    panel.step.selectAll()
    qtbot.keyClicks(panel.step, "0")
    assert panel.message.text() == "step x: must not be 0"
