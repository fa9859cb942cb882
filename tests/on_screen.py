"""A window as a person meets it: on screen, active, and keys pressed where focus is.

pytest-qt's ``qtbot.waitExposed(w)`` and ``qtbot.waitActive(w)`` wait only when used as
context managers (``with qtbot.waitActive(w): ...``); called bare they return one and wait
for nothing. These helpers wait with QTest's own functions and fail with a message.

``QTest.keyClick(None, ...)`` aborts the whole test process (a failed ``QTEST_ASSERT``), and
``QApplication.focusWidget()`` is None whenever no window of ours is active. Under Xvfb no
window manager gives activation back if the X server moves it, so ``press`` makes the
window active again and waits for a focus widget inside it before it presses anything.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from leaky_gui.gui.selftest import named

TIMEOUT_MS = 5000


def expose(widget: QWidget) -> None:
    """Show ``widget`` and wait until its window is on screen."""
    widget.show()
    if not QTest.qWaitForWindowExposed(widget, TIMEOUT_MS):
        raise TimeoutError(f"{_name(widget)} was not on screen after {TIMEOUT_MS} ms")


def activate(window: QWidget) -> None:
    """Make ``window`` the active window (the one that gets the keys) and wait until it is."""
    window.activateWindow()
    if not QTest.qWaitForWindowActive(window, TIMEOUT_MS):
        raise TimeoutError(f"{_name(window)} did not become the active window after {TIMEOUT_MS} ms")


def focus_widget(qtbot: QtBot, window: QWidget) -> QWidget:
    """The widget of ``window`` that has keyboard focus, once the window is active and one has it."""
    if not window.isActiveWindow():
        activate(window)

    def focus_in_window() -> bool:
        widget = QApplication.focusWidget()
        return widget is not None and widget.window() is window

    qtbot.waitUntil(focus_in_window, timeout=TIMEOUT_MS)
    return QApplication.focusWidget()


def press(
    qtbot: QtBot,
    window: QWidget,
    key: Qt.Key,
    modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    """Press ``key`` (with ``modifiers``) where keyboard focus is in ``window``, as a keyboard would."""
    qtbot.keyClick(focus_widget(qtbot, window), key, modifiers)


def _name(widget: QWidget) -> str:
    return widget.objectName() or type(widget).__name__


def message(window: QWidget) -> str:
    """The message under the input boxes, as a person reads it: empty while it is hidden."""
    label = named(window, "paramMessage")
    return label.text() if label.isVisible() else ""
