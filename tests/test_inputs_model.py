"""The inputs model alone, no widgets: one decision per keystroke, refusals that never go stale."""

from __future__ import annotations

from decimal import Decimal

import pytest

from leaky_gui.calc import sweep
from leaky_gui.calc.inputs import InputsModel
from leaky_gui.calc.sweep import SweepParams
from leaky_gui.calc.values import values_from_decimals

D = Decimal


@pytest.fixture
def model() -> InputsModel:
    return InputsModel(100_000_000)


@pytest.fixture
def builds(monkeypatch) -> list[SweepParams]:
    """Every SweepParams built, as it is built."""
    built: list[SweepParams] = []
    post_init = SweepParams.__post_init__

    def counting(self) -> None:
        built.append(self)
        post_init(self)

    monkeypatch.setattr(sweep.SweepParams, "__post_init__", counting)
    return built


def type_text(model: InputsModel, name: str, text: str, enter: bool = True) -> None:
    """Keystroke by keystroke, as the box forwards them, after selecting all and Delete."""
    model.propose(name, "")
    for end in range(1, len(text) + 1):
        model.propose(name, text[:end])
    if enter:
        model.finish(name)


def test_the_issues_sequence(model):
    """Pin 1000; -1e306 refused; unpin: taken; 1e999 refused keeps -1e306, the value before that edit."""
    assert model.pin_problem(D("1000")) == "" and model.set_pinned((D("1000"),)) == ""
    type_text(model, "start", "-1e306")
    box = model.box("start")
    assert (box.text, box.value) == ("-1e306", D("-4")) and box.problem.startswith("pinned alpha=1000")
    model.set_pinned(())
    assert model.box("start") == model.box("start").__class__(D("-1e306"), "-1e306")
    assert model.source == SweepParams(start=D("-1e306"))
    type_text(model, "start", "1e999")
    box = model.box("start")
    assert (box.text, box.value) == ("1e999", D("-1e306")) and "too large for a double" in box.problem
    assert model.source.start == D("-1e306")
    assert model.message().startswith("start x: 1e999 is too large")


def test_each_keystroke_builds_the_sweep_at_most_once(model, builds):
    for text in ("-3.5", "0.25", "1e999", "abc"):
        model.propose("start", "")
        for end in range(1, len(text) + 1):
            builds.clear()
            model.propose("start", text[:end])
            assert len(builds) <= 1, (text[:end], builds)
        builds.clear()
        model.finish("start")
        assert builds == []


def test_going_back_to_the_value_before_the_edit_builds_nothing(model, builds):
    type_text(model, "count", "10", enter=False)
    builds.clear()
    model.propose("count", "10x")  # refused: back to 101, judged a moment ago
    assert builds == [] and model.box("count").value == 101 and model.source.count == 101


def test_refused_text_is_judged_again_as_the_box_shows_it_now(model):
    model.set_pinned((D("1000"),))
    type_text(model, "start", "-1e306")
    type_text(model, "start", "-1e307", enter=False)  # the box shows this now
    model.set_pinned(())
    assert model.box("start").value == D("-1e307") and model.box("start").problem == ""


def test_a_refused_value_before_the_edit_is_not_brought_back(model):
    type_text(model, "start", "-1e300")
    type_text(model, "start", "-1e", enter=False)  # -1 is the value while the exponent is unfinished
    assert model.set_pinned((D("1e10"),)) == ""  # fine with -1, impossible with -1e300
    model.propose("start", "-1ex")
    box = model.box("start")
    assert box.value == D("-1") and "(the sweep keeps -1: -1e+300, from before the edit" in box.problem
    model.undo("start")
    assert (model.box("start").text, model.box("start").value) == ("-1", D("-1"))


def test_enter_ends_the_edit_so_the_next_one_starts_from_the_value_held(model):
    type_text(model, "count", "0")
    assert model.box("count").value == 101 and model.box("count").before is None
    type_text(model, "count", "7")
    type_text(model, "count", "abc")
    assert model.box("count").value == 7


def test_an_edit_in_a_sweep_box_returns_to_the_sweep_whatever_was_typed(model):
    values = values_from_decimals([D("-3"), D("2")], name="two")
    assert model.show_values(values) == "" and model.values is values
    type_text(model, "alpha", "0.2")
    assert model.values is values and model.source.alpha == D("0.2")
    type_text(model, "step", "0.05")  # the value it holds
    assert model.values is None and model.source == SweepParams(alphas=(D("0.2"),))
    model.show_values(values)
    type_text(model, "count", "x")
    assert model.values is None and model.box("count").problem.startswith("digits 0-9 only")


def test_alpha_and_precision_are_judged_against_the_values_on_show(model):
    model.show_values(values_from_decimals([D("-1e306"), D("1")], name="huge.txt"))
    type_text(model, "alpha", "1000")
    assert model.source.alpha == D("0.01") and model.box("alpha").problem.endswith("for huge.txt")
    assert model.pin_problem(D("1000")).startswith("alpha=1000 times x runs beyond")


def test_set_inputs_is_all_or_nothing(model):
    assert model.set_inputs(D("1"), D("0"), 3, D("0.1")) == "step x: must not be 0"
    assert model.set_inputs(D("1e308"), D("1e308"), 3, D("0.1")).startswith("the sweep runs beyond")
    assert model.inputs() == (D("-4"), D("0.05"), 101, D("0.01"))
    assert model.set_inputs(D("1"), D("-0.5"), 9, D("0.2")) == ""
    assert model.source == SweepParams(D("1"), D("-0.5"), 9, (D("0.2"),))


def test_the_arrows_step_exactly_and_skip_zero(model):
    model.set_inputs(D("-4"), D("0.01"), 1, D("0.10000000000000000000000000001"))
    model.step("alpha", 1)
    model.step("step", -1)
    model.step("count", -1)
    assert model.inputs() == (D("-4"), D("-0.01"), 1, D("0.11000000000000000000000000001"))
    assert not model.can_step("count", -1) and model.can_step("count", 1)
