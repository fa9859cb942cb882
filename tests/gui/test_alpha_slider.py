"""The alpha slider in the window: exact positions typed into the Alpha box, Play, scale and range."""

from __future__ import annotations

import math
from decimal import Decimal

import pytest
from on_screen import message, press
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionSlider

from leaky_gui.calc.alpha_scale import alpha_scale
from leaky_gui.calc.sweep import SweepParams
from leaky_gui.gui.selftest import named, type_into
from leaky_gui.gui.state import load_state
from leaky_gui.gui.window import MainWindow

D = Decimal


def test_moving_the_slider_types_an_exact_alpha(window):
    slider = named(window, "alphaSlider")
    table = window.slider.table
    assert slider.value() == table.nearest(D("0.01")) and slider.maximum() == len(table) - 1
    for index in (0, 56, table.nearest(D("0.2")), table.nearest(D("0.3")), slider.maximum()):
        slider.setValue(index)
        alpha = table.value(index)
        assert named(window, "alpha").text() == str(alpha)  # as typed: '0.0132', never a float's tail
        assert window.source == SweepParams(alphas=(alpha,))
        assert window.model.index(0, 2).data() == window.source.text(window.source.f(0))
        assert window.statusBar().currentMessage().endswith(f"alpha = {alpha}" + _preset(alpha))
    assert named(window, "alpha").text() == "1"


def _preset(alpha: Decimal) -> str:
    from leaky_gui.calc.alphas import preset_name

    name = preset_name(alpha)
    return f" ({name})" if name else ""


@pytest.mark.slow
@pytest.mark.parametrize("scale", ["log", "linear"])
def test_every_position_of_both_scales_is_typed_exactly_with_one_refresh(window, scale):
    named(window, f"alphaSliderScale_{scale}").trigger()
    slider, box = named(window, "alphaSlider"), named(window, "alpha")
    resets = []  # each time the table takes a new sweep: in place (same rows), or a reset
    window.model.modelReset.connect(lambda: resets.append(window.source.alpha))
    window.model.dataChanged.connect(
        lambda top, bottom, _roles: (
            resets.append(window.source.alpha)
            if (top.row(), bottom.row()) == (0, window.model.rowCount() - 1)
            else None
        )
    )
    positions = window.slider.table.positions
    assert len(positions) == slider.maximum() + 1 >= 151
    for index, alpha in enumerate(positions):
        if slider.value() == index:
            continue  # where it sits already: no move, no refresh
        resets.clear()
        slider.setValue(index)
        assert box.text() == str(alpha) and window.source.alpha == alpha  # typed = shown = computed
        assert resets == [alpha]  # one refresh of every view per position
        assert slider.value() == index  # following the box never moves it elsewhere
    # And the box leads too: each position typed in puts the slider on it.
    for index in (0, len(positions) // 3, len(positions) - 1):
        type_into(box, str(positions[index]))
        assert slider.value() == index


def test_keys_on_the_slider_step_through_exact_positions(window, qtbot):
    slider = named(window, "alphaSlider")
    slider.setFocus()
    at = slider.value()
    QTest.keyClick(slider, Qt.Key.Key_Right)
    assert window.source.alpha == D("0.0105") and slider.value() == at + 1
    QTest.keyClick(slider, Qt.Key.Key_PageUp)
    assert window.source.alpha == window.slider.table.value(at + 11)
    QTest.keyClick(slider, Qt.Key.Key_End)
    assert window.source.alpha == D("1")


def test_a_typed_alpha_is_never_rewritten_by_the_slider(window):
    type_into(named(window, "alpha"), "0.01234")
    table = window.slider.table
    assert named(window, "alpha").text() == "0.01234" and window.source.alpha == D("0.01234")
    assert named(window, "alphaSlider").value() == table.nearest(D("0.01234"))  # it follows, silently
    type_into(named(window, "alpha"), "-7")  # out of range: the slider sits at an end
    assert window.source.alpha == D("-7") and named(window, "alphaSlider").value() == 0
    named(window, "presetSet_4").trigger()  # a preset: an exact position
    assert table.value(named(window, "alphaSlider").value()) == D("0.3")


def test_a_position_the_judge_refuses_leaves_the_box_and_says_why(window):
    type_into(named(window, "startX"), "-1.7e308")
    named(window, "alphaSliderRange_10").trigger()
    slider = named(window, "alphaSlider")
    before = window.source
    slider.setValue(slider.maximum())  # 10 * -1.7e308 is beyond the doubles
    assert window.source == before and named(window, "alpha").text() == "0.01"
    assert message(window).startswith(
        "Cannot set alpha to 10: alpha=10 times x runs beyond the largest double"
    )
    assert slider.value() == window.slider.table.nearest(D("0.01"))  # back on the alpha on show
    slider.setValue(window.slider.table.nearest(D("0.5")))  # a position the sweep takes
    assert window.source.alpha == D("0.5") and message(window) == ""


def test_scale_and_range_from_the_menu_and_remembered(qtbot, settings):
    first = MainWindow(settings)
    qtbot.addWidget(first)
    named(first, "alphaSliderScale_linear").trigger()
    named(first, "alphaSliderRange_0.3").trigger()
    assert first.slider.table == alpha_scale("linear", "0.3")
    slider = named(first, "alphaSlider")
    assert slider.maximum() == 150 and slider.value() == 5  # 0.01 = 5 * 0.002
    assert named(first, "alphaSliderLow").text() == "0" and named(first, "alphaSliderHigh").text() == "0.3"
    assert first.source.alpha == D("0.01")  # changing the scale never changes alpha
    first.close()
    assert settings.value("slider/scale") == "linear" and settings.value("slider/range") == "0.3"
    again = MainWindow(settings)
    qtbot.addWidget(again)
    assert again.slider.table == alpha_scale("linear", "0.3")
    assert (
        named(again, "alphaSliderScale_linear").isChecked()
        and named(again, "alphaSliderRange_0.3").isChecked()
    )


def test_bad_stored_scale_and_range_fall_back_to_the_defaults(settings):
    settings.setValue("slider/scale", "cubic")
    settings.setValue("slider/range", "2")
    settings.setValue("view/legend", "maybe")
    state = load_state(settings)
    assert (state.slider_scale, state.slider_range, state.show_legend) == ("log", "1", True)


def test_the_slider_menu_is_the_context_menu_and_in_the_alpha_menu(window):
    alpha_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "A&lpha")
    assert window.slider.menu in [a.menu() for a in alpha_menu.actions()]
    assert named(window, "alphaSlider").contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu
    names = [a.objectName() for a in window.slider.menu.actions() if a.objectName()]
    assert names == [
        "alphaSliderScale_log", "alphaSliderScale_linear",
        "alphaSliderRange_0.3", "alphaSliderRange_1", "alphaSliderRange_10",
    ]  # fmt: skip


# -- Play --------------------------------------------------------------------------


def test_play_paces_at_least_30_positions_a_second_and_5_s_a_pass(window):
    timer = window.slider.timer
    for scale in ("log", "linear"):
        for top in ("0.3", "1", "10"):
            named(window, f"alphaSliderScale_{scale}").trigger()
            named(window, f"alphaSliderRange_{top}").trigger()
            ticks = math.ceil((len(window.slider.table) - 1) / window.slider._stride)
            assert timer.interval() <= 33  # at least 30 moves a second
            assert 4.5 <= ticks * timer.interval() / 1000 <= 5.5  # one pass, end to end


def test_stepping_a_spin_box_stops_play_and_keeps_the_step(window, qtbot):
    box = named(window, "alpha")
    named(window, "playAction").trigger()
    qtbot.waitUntil(lambda: window.source.alpha != D("0.01"), timeout=3000)
    box.setFocus()
    before = window.source.alpha
    QTest.keyClick(box, Qt.Key.Key_Up)  # the arrows (as the wheel and Page keys) step the box
    assert not window.slider.playing()
    assert window.source.alpha == before + D("0.01") and box.text() == str(before + D("0.01"))
    QTest.qWait(150)  # several of Play's ticks would have come by now
    assert window.source.alpha == before + D("0.01")


def test_a_hand_on_the_handle_stops_play(window, qtbot):
    slider = named(window, "alphaSlider")
    named(window, "playAction").trigger()
    option = QStyleOptionSlider()
    slider.initStyleOption(option)
    handle = slider.style().subControlRect(
        QStyle.ComplexControl.CC_Slider, option, QStyle.SubControl.SC_SliderHandle, slider
    )
    QTest.mousePress(slider, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, handle.center())
    assert not window.slider.playing()
    held = window.source.alpha
    QTest.qWait(150)
    assert window.source.alpha == held
    QTest.mouseRelease(slider, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, handle.center())


@pytest.mark.parametrize(
    ("typed", "key", "expected"),
    [
        ("5", Qt.Key.Key_End, "1"),  # beyond the range: End still chooses the top
        ("5", Qt.Key.Key_Left, "1"),  # the first position below 5
        ("0", Qt.Key.Key_Home, "0.0001"),  # below the range: Home chooses the bottom
        ("0", Qt.Key.Key_Right, "0.0001"),  # the first position above 0, not one past it
        ("0.0123", Qt.Key.Key_Right, "0.0126"),  # between positions: the next one up ...
        ("0.0123", Qt.Key.Key_Left, "0.012"),  # ... or down
        ("0.01", Qt.Key.Key_PageDown, "0.00631"),  # ten positions down
        ("0.01", Qt.Key.Key_Home, "0.0001"),
    ],
)
def test_keys_step_from_any_alpha_to_the_next_position_that_way(window, typed, key, expected):
    type_into(named(window, "alpha"), typed)
    slider = named(window, "alphaSlider")
    slider.setFocus()
    QTest.keyClick(slider, key)
    assert window.source.alpha == D(expected) and named(window, "alpha").text() == expected
    assert window.slider.table.value(slider.value()) == D(expected)
    assert slider.accessibleDescription().startswith(f"alpha = {expected},")  # what a screen reader hears


def test_play_goes_back_and_forth_one_position_a_tick(window):
    slider = window.slider
    positions = len(slider.table)
    named(window, "alphaSlider").setValue(positions - 3)
    seen = []
    slider._direction = 1
    for _ in range(positions + 5):
        slider._tick()  # what each timer tick does
        seen.append(named(window, "alphaSlider").value())
        assert window.source.alpha == slider.table.value(seen[-1])
    assert seen[:4] == [positions - 2, positions - 1, positions - 2, positions - 3]
    assert min(seen) == 0 and seen[-1] > 0  # bounced at both ends


def test_play_runs_on_its_timer_and_stops_when_pressed_again(window, qtbot):
    play = named(window, "playAction")
    assert play.shortcut().toString() == "Ctrl+Shift+P"
    table = window.slider.table
    moves = [window.source.alpha]
    window.inputs.edited.connect(lambda: moves.append(window.source.alpha))
    play.trigger()
    assert window.slider.playing() and named(window, "alphaPlay").isChecked()
    # The pace is the timer's (about 30 ticks a second); how many ticks a busy machine
    # delivers in a given time is not asserted here (speed lives in the benchmarks).
    assert window.slider.timer.isActive() and 0 < window.slider.timer.interval() <= 50
    qtbot.waitUntil(lambda: len(moves) > 12, timeout=10000)
    # One position a tick, upwards from 0.01: 0.0105, 0.011, 0.0115, ...
    indices = [table.positions.index(alpha) for alpha in moves]
    assert indices == list(range(indices[0], indices[0] + len(indices)))
    play.trigger()
    assert not window.slider.playing() and not play.isChecked()
    stopped = window.source.alpha
    QTest.qWait(100)
    assert window.source.alpha == stopped


def test_typing_in_any_box_stops_play(window, qtbot):
    for name in ("singleX", "startX", "alpha"):
        named(window, "playAction").trigger()
        assert window.slider.playing()
        box = named(window, name)
        box.setFocus()
        QTest.keyClicks(box, "1")
        assert not window.slider.playing(), name


def test_escape_stops_play_wherever_the_focus_is(window):
    for name in ("alphaSlider", "alpha", "table"):
        named(window, "playAction").trigger()
        widget = named(window, name)
        widget.setFocus()
        QTest.keyClick(widget, Qt.Key.Key_Escape)
        assert not window.slider.playing(), name


def test_nothing_is_written_to_the_settings_while_playing(qtbot, settings, monkeypatch):
    writes = []
    monkeypatch.setattr("leaky_gui.gui.window.save_state", lambda *args: writes.append(args))
    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.show()
    keys = settings.allKeys()
    named(win, "playAction").trigger()
    moves = []
    win.inputs.edited.connect(lambda: moves.append(win.source.alpha))
    qtbot.waitUntil(lambda: len(moves) >= 10, timeout=3000)
    assert writes == [] and settings.allKeys() == keys
    win.close()  # closing stops Play, then saves once
    assert not win.slider.playing() and len(writes) == 1


def test_a_refused_position_stops_play(window, qtbot):
    type_into(named(window, "startX"), "-1.8e307")  # alpha = 10 is the one beyond the doubles
    named(window, "alphaSliderRange_10").trigger()
    named(window, "alphaSlider").setValue(window.slider.table.nearest(D("9")))
    assert window.source.alpha == D("9.12")
    named(window, "playAction").trigger()
    qtbot.waitUntil(lambda: not window.slider.playing(), timeout=3000)
    assert message(window).startswith("Cannot set alpha to 10: alpha=10 times x runs beyond")
    assert window.source.alpha == D("9.55") and named(window, "alpha").text() == "9.55"


# -- X11 keys ----------------------------------------------------------------------------


@pytest.mark.xcb
def test_ctrl_p_pins_the_alpha_on_show_while_the_slider_has_focus(window, qtbot):
    slider = named(window, "alphaSlider")
    slider.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is slider)
    qtbot.keyClick(slider, Qt.Key.Key_Right)
    qtbot.keyClick(slider, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert window.comparison.alphas() == (D("0.0105"),)
    for _ in range(5):
        qtbot.keyClick(slider, Qt.Key.Key_Right)
    qtbot.keyClick(slider, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert window.comparison.alphas() == (D("0.0105"), D("0.0132"))
    assert QApplication.focusWidget() is slider  # sliding goes on


@pytest.mark.xcb
def test_play_keys_under_x11(window, qtbot):
    alpha = named(window, "alpha")
    alpha.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() in (alpha, alpha.lineEdit()))
    shift_ctrl = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    press(qtbot, window, Qt.Key.Key_P, shift_ctrl)
    assert window.slider.playing()
    press(qtbot, window, Qt.Key.Key_Escape)
    assert not window.slider.playing()
    slider = named(window, "alphaSlider")
    slider.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is slider)
    qtbot.keyClick(slider, Qt.Key.Key_P, shift_ctrl)
    assert window.slider.playing()
    qtbot.keyClick(slider, Qt.Key.Key_P, shift_ctrl)
    assert not window.slider.playing()


@pytest.mark.xcb
def test_alt_d_reaches_the_slider_and_arrows_slide(window, qtbot):
    start = named(window, "startX")
    start.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() in (start, start.lineEdit()))
    press(qtbot, window, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    slider = named(window, "alphaSlider")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is slider)
    qtbot.keyClick(slider, Qt.Key.Key_Left)
    assert window.source.alpha == D("0.00955") and named(window, "alpha").text() == "0.00955"
