"""Keys as a person presses them: to the widget with keyboard focus in the active window.

``QTest.keyClick(None, ...)`` aborts the whole test process (a failed ``QTEST_ASSERT``), and
``QApplication.focusWidget()`` is None whenever the window is not the active one. Under Xvfb
there is no window manager to give activation back if the X server moves it (a window of an
earlier test closing, say), so these helpers make the window active again and wait for a
focus widget before they press anything.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget


def focus_widget(qtbot, window: QWidget) -> QWidget:
    """The widget that has keyboard focus in ``window``, once the window is active and one has it."""
    if not window.isActiveWindow():
        window.activateWindow()
        qtbot.waitActive(window)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    return QApplication.focusWidget()


def press(qtbot, window: QWidget, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """Press ``key`` (with ``modifiers``) where keyboard focus is, as a keyboard would."""
    qtbot.keyClick(focus_widget(qtbot, window), key, modifiers)
