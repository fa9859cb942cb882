"""At home on a desktop: unique mnemonics, an accessible name for every control, Tab reaching each.

Qt never triggers an ambiguous mnemonic: two `&A` in one window (a label and a menu title)
means Alt+A reaches only one of them, or neither. Screen readers read a control by its
accessible name; a control with no text of its own needs one set.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

import pytest
from on_screen import focus_widget, press
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QLabel,
    QMenu,
    QWidget,
)

from leaky_gui.gui.selftest import named


def mnemonic(text: str) -> str | None:
    """The letter after a single '&' ('&&' is a literal ampersand), lower-cased, or None."""
    at = 0
    while (at := text.find("&", at)) != -1 and at + 1 < len(text):
        if text[at + 1] != "&":
            return text[at + 1].lower()
        at += 2
    return None


def duplicates(texts: list[str]) -> dict[str, list[str]]:
    letters = Counter(m for t in texts if (m := mnemonic(t)))
    return {letter: [t for t in texts if mnemonic(t) == letter] for letter, n in letters.items() if n > 1}


def test_mnemonic_reads_the_letter_after_a_single_ampersand():
    assert [mnemonic(t) for t in ("&File", "S&tep x:", "Salt && &Pepper", "none", "end&")] == [
        "f", "t", "p", None, None,
    ]  # fmt: skip
    assert duplicates(["&Alpha:", "A&lpha", "&Apply"]) == {"a": ["&Alpha:", "&Apply"]}


@pytest.mark.parametrize("language", ["en", "de", "fr"])
def test_mnemonics_are_unique_in_each_scope(window_in, language):
    """In each language the window speaks (each translation picks its own letters)."""
    window = window_in(language)
    window.pin_alpha(Decimal("0.3"))  # the comparison list's rows too
    # Window scope: the menu bar's titles, and the labels and buttons Alt+letter reaches.
    titles = [action.text() for action in window.menuBar().actions()]
    labels = [label.text() for label in window.findChildren(QLabel) if label.buddy() is not None]
    buttons = [button.text() for button in window.findChildren(QAbstractButton) if button.isVisibleTo(window)]
    assert len(titles) == 5 and len(labels) == 7  # the scope is what it should be
    assert duplicates(titles + labels + buttons) == {}
    # Each menu's own entries.
    menus = window.findChildren(QMenu)
    assert len(menus) >= 6
    for menu in menus:
        assert duplicates([action.text() for action in menu.actions()]) == {}, menu.title()


def focusable_controls(window) -> list[QWidget]:
    """The controls Tab can reach: their own focus, not a spin box's inner field or a viewport."""
    controls = []
    for widget in window.findChildren(QWidget):
        parent = widget.parentWidget()
        if (
            widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and widget.isVisibleTo(window)
            and widget.isEnabled()
            and not isinstance(parent, QAbstractSpinBox)
            and not (isinstance(parent, QAbstractScrollArea) and parent.viewport() is widget)
        ):
            controls.append(widget)
    return controls


def test_every_focusable_control_has_an_accessible_name(window):
    window.pin_alpha(Decimal("0.3"))
    controls = focusable_controls(window)
    assert len(controls) >= 12
    unnamed = [
        w.objectName() or type(w).__name__
        for w in controls
        if not (w.accessibleName() or (isinstance(w, QAbstractButton) and w.text().replace("&", "")))
    ]
    assert unnamed == []
    assert named(window, "plot").accessibleName() == "Plot of f(x) for the current and pinned alphas"
    assert named(window, "table").accessibleName() == "Sweep table"
    for name in ("plot", "table"):  # a picture and a grid need more than a name
        assert named(window, name).accessibleDescription()


@pytest.mark.xcb
def test_tab_reaches_every_control_in_the_same_order(window, qtbot):
    window.pin_alpha(Decimal("0.3"))
    controls = focusable_controls(window)
    named(window, "startX").setFocus()
    seen: list[QWidget] = []
    for _ in range(3 * len(controls)):
        widget = focus_widget(qtbot, window)
        if isinstance(widget.parentWidget(), QAbstractSpinBox):
            widget = widget.parentWidget()
        if seen and widget is seen[0]:
            break  # round the whole window
        seen.append(widget)
        press(qtbot, window, Qt.Key.Key_Tab)
    assert set(controls) <= set(seen), [w.objectName() for w in controls if w not in seen]
    first = [w.objectName() for w in seen[:12]]
    assert first == [
        "startX", "stepX", "count", "alpha", "dtype", "alphaSlider", "alphaPlay", "singleX", "table", "plot",
        "compareAdd", "comparison",
    ]  # fmt: skip
