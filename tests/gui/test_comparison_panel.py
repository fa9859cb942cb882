"""The comparison list alone: pin, refuse duplicates, hide, remove, each a ``changed``."""

from __future__ import annotations

from decimal import Decimal

from leaky_gui.gui.comparison import ComparisonPanel
from leaky_gui.gui.limits import MAX_PINNED
from leaky_gui.gui.pinned import PinnedAlpha

D = Decimal

#: The panel under test, for the shared ``panel`` fixture (conftest.py).
PANEL = ComparisonPanel


def test_pin_hide_and_remove_each_signal_a_change(panel, qtbot):
    with qtbot.waitSignal(panel.changed):
        assert panel.pin(D("0.3"))
    with qtbot.waitSignal(panel.changed):
        panel.pin(D("0.2"))
    with qtbot.waitSignal(panel.changed):
        panel.row_widgets()[0].check.click()
    assert panel.pinned() == (PinnedAlpha(D("0.3"), 0, False), PinnedAlpha(D("0.2"), 1, True))
    with qtbot.waitSignal(panel.changed):
        panel.row_widgets()[0].remove.click()
    assert panel.alphas() == (D("0.2"),)


def test_a_duplicate_is_refused_with_a_note_and_no_change(panel, qtbot):
    panel.pin(D("0.2"))
    with qtbot.assertNotEmitted(panel.changed):
        assert not panel.pin(D("0.20"))
    assert panel.note.isVisible() and panel.note.text() == "alpha = 0.2 (TensorFlow) is pinned already."


def test_a_freed_style_slot_is_reused(panel):
    for k in range(3):
        panel.pin(D(k))
    panel.remove(D(1))
    panel.pin(D("0.5"))
    assert [(p.alpha, p.slot) for p in panel.pinned()] == [(D(0), 0), (D(2), 2), (D("0.5"), 1)]


def test_the_list_is_capped(panel):
    for k in range(MAX_PINNED):
        assert panel.pin(D(k) / 100)
    assert not panel.pin(D("0.999"))
    assert panel.note.text().startswith(f"At most {MAX_PINNED}")
