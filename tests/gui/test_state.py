"""What the window remembers: typed keys, per-key fallback, pinned alphas read by position."""

from __future__ import annotations

from decimal import Decimal

from leaky_gui.gui.pinned import PinnedAlpha
from leaky_gui.gui.state import KEYS, WindowState, load_state, read_pinned, save_state

D = Decimal


def test_a_fresh_store_gives_the_defaults(settings):
    assert load_state(settings) == WindowState()


def test_save_then_load_gives_the_same_state(settings):
    state = WindowState(
        start=D("-2.5"),
        step=D("1e-3"),
        count=12345,
        alpha=D("0.3"),
        single_x="-1e-3",
        pinned=(PinnedAlpha(D("0.2"), 0), PinnedAlpha(D("0"), 1, visible=False)),
        show_derivative=True,
        csv_pinned=False,
        export_folder="/somewhere",
        values_folder="/somewhere/else",
        geometry=b"\x01\x02",
    )
    save_state(settings, state)
    assert load_state(settings) == state


def test_each_corrupt_value_falls_back_on_its_own(settings):
    save_state(settings, WindowState(start=D("-2"), count=7, alpha=D("0.3"), show_relu=True))
    settings.setValue("inputs/step", "0")
    settings.setValue("inputs/singleX", ["a", "list"])
    settings.setValue("view/identity", "perhaps")
    settings.setValue("window/geometry", "not a geometry")
    state = load_state(settings)
    assert (state.start, state.step, state.count, state.alpha) == (D("-2"), D("0.05"), 7, D("0.3"))
    assert state.single_x == "" and state.show_relu and not state.show_identity and state.geometry == b""


def test_inputs_that_together_overflow_fall_back_together(settings):
    settings.setValue("inputs/start", "1e308")
    settings.setValue("inputs/step", "1e308")
    settings.setValue("inputs/count", 3)
    state = load_state(settings)
    assert (state.start, state.step, state.count) == (D("-4"), D("0.05"), 101)


def test_pinned_alphas_are_judged_against_the_inputs_kept_not_those_refused(settings):
    # Start and step that together overflow fall back to the defaults; a pinned alpha fine
    # with the defaults stays, and one the defaults cannot take (1e308 times -4) goes.
    settings.setValue("inputs/start", "1e308")
    settings.setValue("inputs/step", "1e308")
    settings.setValue("compare/alphas", ["0.2", "1e308", "0.3"])
    settings.setValue("compare/slots", ["3", "4", "5"])
    state = load_state(settings)
    assert (state.start, state.step) == (WindowState().start, WindowState().step)
    assert state.pinned == (PinnedAlpha(D("0.2"), 3), PinnedAlpha(D("0.3"), 5))


def test_a_skipped_pinned_alpha_does_not_shift_the_visibility_of_the_next(settings):
    settings.setValue("compare/alphas", ["0.3", "", "banana", "0.5"])
    settings.setValue("compare/visible", ["1", "1", "1", "0"])
    assert [(p.alpha, p.visible) for p in read_pinned(settings)] == [(D("0.3"), True), (D("0.5"), False)]


def test_every_key_is_declared_once():
    keys = [key for key, _, _ in KEYS.values()]
    assert len(keys) == len(set(keys))
