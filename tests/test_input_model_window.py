"""One model of the inputs, seen through the window: a refusal never outlives its edit, and
typing in a greyed sweep box returns to the sweep (issue 23, points 2 and 8)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from leaky_gui.calc.sweep import SweepParams
from leaky_gui.calc.values import values_from_decimals
from leaky_gui.gui.selftest import named, type_into

D = Decimal


def message(window) -> str:
    label = named(window, "paramMessage")
    return label.text() if label.isVisible() else ""


def test_the_value_before_an_edit_is_the_value_the_box_holds_then(window):
    """Pin 1000; -1e306 refused; unpin: taken; 1e999 refused keeps -1e306, not -4."""
    assert window.pin_alpha(D("1000"))
    start = named(window, "startX")
    type_into(start, "-1e306")
    assert start.text() == "-1e306" and message(window).startswith("start x: pinned alpha=1000")
    assert window.params.start == D("-4")
    window.comparison.row_widgets()[0].remove.click()
    assert window.params.start == D("-1e306") and start.text() == "-1e306" and message(window) == ""
    type_into(start, "1e999")
    assert start.text() == "1e999" and "too large for a double" in message(window)
    assert window.params.start == D("-1e306")
    assert window.model.index(0, 1).data() == "-1e+306"
    QTest.keyClick(start, Qt.Key.Key_Escape)
    assert start.text() == "-1e+306" and window.params.start == D("-1e306") and message(window) == ""


def show_values(window) -> None:
    window.show_values(values_from_decimals([D("-3.7"), D("2")], name="few.csv"))
    assert window.values is not None


def test_typing_the_value_a_greyed_box_shows_and_enter_returns_to_the_sweep(window):
    show_values(window)
    type_into(named(window, "startX"), "-4")  # the value the box already holds
    assert window.values is None and window.params == SweepParams()
    assert not named(window, "startX").property("outOfUse")
    assert window.windowTitle() == "Leaky ReLU calculator"


def test_typing_refused_text_in_a_greyed_box_and_enter_returns_to_the_sweep(window):
    show_values(window)
    type_into(named(window, "count"), "abc")
    assert window.values is None and window.params == SweepParams()
    assert named(window, "count").text() == "abc" and message(window).startswith("count: digits 0-9 only")


def test_enter_without_typing_keeps_the_values(window):
    show_values(window)
    box = named(window, "stepX")
    box.setFocus()
    QTest.keyClick(box, Qt.Key.Key_Return)
    assert window.values is not None


def test_a_keystroke_builds_the_sweep_once(window, monkeypatch):
    """Issue 23 counted three builds a keystroke (Qt's validate, the box, the refresh): now one."""
    built: list[SweepParams] = []
    post_init = SweepParams.__post_init__

    def counting(self) -> None:
        built.append(self)
        post_init(self)

    monkeypatch.setattr(SweepParams, "__post_init__", counting)
    window.pin_alpha(D("0.3"))
    for name, text in (("startX", "-3.5"), ("alpha", "0.25"), ("count", "77"), ("startX", "1e999")):
        box = named(window, name)
        box.setFocus()
        box.selectAll()
        QTest.keyClick(box, Qt.Key.Key_Delete)
        for key in text:
            built.clear()
            QTest.keyClick(box, key)
            assert len(built) <= 1, (name, key)
        built.clear()
        QTest.keyClick(box, Qt.Key.Key_Return)
        assert built == []
    assert window.params == SweepParams(D("-3.5"), D("0.05"), 77, (D("0.25"), D("0.3")))
