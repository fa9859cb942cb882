"""Every shortcut the menus advertise fires wherever the cursor is, under X11's key scheme.

On xcb a QLineEdit claims Ctrl+E (end of line), Ctrl+K, Ctrl+U, Ctrl+D and more in
ShortcutOverride; offscreen uses the Windows scheme, where it does not, so these tests
run only on the real X11 platform (QT_QPA_PLATFORM=xcb under Xvfb).
"""

from __future__ import annotations

import pytest
from on_screen import press
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QAbstractSpinBox, QApplication

from leaky_gui.gui.selftest import named, type_into

pytestmark = pytest.mark.xcb

INPUTS = ["startX", "stepX", "count", "alpha", "singleX"]


class ShortcutSpy(QObject):
    """Records which action a shortcut reached, and stops it there (no dialogs, no quitting)."""

    def __init__(self) -> None:
        super().__init__()
        self.fired: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Shortcut:
            self.fired.append(watched.objectName())
            return True
        return False


def advertised(window) -> list[tuple[QAction, QKeySequence]]:
    """Each menu action's shortcuts that work window-wide (Copy Rows is the table's own)."""
    return [
        (action, sequence)
        for action in window.findChildren(QAction)
        if action.objectName() and action.shortcutContext() == Qt.ShortcutContext.WindowShortcut
        for sequence in action.shortcuts()
    ]


def focus(window, qtbot, name: str):
    widget = named(window, name)
    widget.setFocus()
    qtbot.waitUntil(
        lambda: QApplication.focusWidget() is widget or widget.isAncestorOf(QApplication.focusWidget())
    )
    return QApplication.focusWidget()


def test_the_x11_key_scheme_is_in_use(window):
    # The bug this file guards against exists only where a line edit owns Ctrl+E.
    assert QGuiApplication.platformName() == "xcb"
    assert QKeySequence("Ctrl+E") in QKeySequence.keyBindings(QKeySequence.StandardKey.MoveToEndOfLine)


def test_the_menus_advertise_the_expected_shortcuts(window):
    keys = {sequence.toString() for _, sequence in advertised(window)}
    assert {"Ctrl+E", "Ctrl+Shift+E", "Ctrl+Shift+C", "Ctrl+P", "Ctrl+D", "Ctrl+R", "Ctrl+I"} <= keys
    assert {"Ctrl+0", "Ctrl+1", "Ctrl+5", "Ctrl+Q", "F1"} <= keys
    assert {"Ctrl+Shift+P", "Ctrl+Shift+N"} <= keys  # Play, Fit Negative Branch


@pytest.mark.parametrize("field", INPUTS)
def test_every_advertised_shortcut_fires_from_every_input(window, qtbot, field):
    spy = ShortcutSpy()
    shortcuts = advertised(window)
    for action, _ in shortcuts:
        action.installEventFilter(spy)
    target = focus(window, qtbot, field)
    missed = []
    for action, sequence in shortcuts:
        spy.fired.clear()
        combination = sequence[0]
        qtbot.keyClick(target, combination.key(), combination.keyboardModifiers())
        if spy.fired != [action.objectName()]:
            missed.append((sequence.toString(), action.objectName(), spy.fired[:]))
    assert missed == [], f"with focus in {field}"


@pytest.mark.parametrize("field", ["alpha", "singleX"])
def test_text_editing_keys_stay_with_the_field(window, qtbot, field):
    type_into(named(window, field), "0.3")
    target = focus(window, qtbot, field)
    edit = target.lineEdit() if isinstance(target, QAbstractSpinBox) else target
    qtbot.keyClick(target, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert edit.selectedText() == "0.3"
    QGuiApplication.clipboard().setText("before")
    qtbot.keyClick(target, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "0.3"  # the field's text, not table rows


def test_ctrl_e_from_alpha_opens_the_export_dialog(window, qtbot, monkeypatch):
    asked = []
    monkeypatch.setattr(
        "PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *args: asked.append(args) or ("", "")
    )
    target = focus(window, qtbot, "alpha")
    qtbot.keyClick(target, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert len(asked) == 1 and asked[0][1] == "Export Sweep as CSV"


def test_tab_and_mnemonics_move_real_focus(window, qtbot):
    focus(window, qtbot, "startX")
    press(qtbot, window, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    alpha = named(window, "alpha")
    qtbot.waitUntil(lambda: QApplication.focusWidget() in (alpha, alpha.lineEdit()))
    press(qtbot, window, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is named(window, "dtype"))
    for name in ("alphaSlider", "alphaPlay", "singleX"):
        press(qtbot, window, Qt.Key.Key_Tab)
        qtbot.waitUntil(lambda name=name: QApplication.focusWidget() is named(window, name))
    press(qtbot, window, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is named(window, "dtype"))
