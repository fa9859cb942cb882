"""Small pieces the panels and the window share: message colours and labels, actions, splitters."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QLocale, QObject, Qt, QThread
from PySide6.QtGui import QAction, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMenu,
    QProgressDialog,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from leaky_gui.gui.language import translate
from leaky_gui.gui.theme import DARK, LIGHT, Scheme, palette_is_dark

#: What a message label says, which picks its text colour: an error, a note, or plain text.
ERROR, NOTE, PLAIN = "error", "note", ""
_KIND = "messageKind"  # the label's property holding its kind


def set_message_kind(label: QLabel, kind: str, scheme: Scheme | None = None) -> None:
    """Colour ``label``'s text as an error, a note or plain text, in ``scheme``.

    Without a scheme, the one the application's palette is in (the window re-colours its
    labels with its own scheme whenever that changes: ``set_message_scheme``).
    """
    if scheme is None:
        scheme = DARK if palette_is_dark(QGuiApplication.palette()) else LIGHT
    label.setProperty(_KIND, kind)
    colour = {ERROR: scheme.error, NOTE: scheme.note}.get(kind)
    label.setStyleSheet(f"color: {colour};" if colour else "")


def set_message_scheme(scheme: Scheme, root: QWidget) -> None:
    """Re-colour every message label under ``root`` for ``scheme`` (light or dark)."""
    for label in root.findChildren(QLabel):
        if label.property(_KIND) is not None:
            set_message_kind(label, label.property(_KIND), scheme)


_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def table_cell(table: QTableWidget, row: int, column: int, text: str) -> QTableWidgetItem:
    """The item at ``row``, ``column`` showing ``text`` (made if missing, numbers right-aligned
    past the first column); its text is set only when it changes, as setText always repaints."""
    item = table.item(row, column)
    if item is None:
        item = QTableWidgetItem()
        if column:
            item.setTextAlignment(_RIGHT)
        table.setItem(row, column, item)
    if item.text() != text:
        item.setText(text)
    return item


def locale_uses_decimal_comma() -> bool:
    """Whether the default locale (the system's, unless a test sets another) writes 0,05."""
    return QLocale().decimalPoint() == ","


class _WrappedLabel(QLabel):
    """A word-wrapped label that claims, as its minimum, the lines its text needs at its width.

    Splitter panes and form rows give a wrapped label one line's height; when the width
    changes (the pane settles, the window is resized, the text is longer in German), the
    lines it needs change too, so the minimum is worked out again on every resize."""

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        need = self.heightForWidth(self.width()) if self.text() else 0
        if need != self.minimumHeight():
            self.setMinimumHeight(need)


def message_label(name: str, kind: str) -> QLabel:
    """A hidden, word-wrapped label for an inline note or error, shown when it has text."""
    label = _WrappedLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    set_message_kind(label, kind)
    label.hide()
    return label


def show_message(label: QLabel, text: str) -> None:
    """Show ``text`` in ``label``, or hide the label when there is nothing to say."""
    label.setText(text)
    label.setVisible(bool(text))
    # A wrapped label's own minimum is one line; claim the lines it needs at its width, so
    # that the splitter pane holding it grows rather than clipping the second line.
    width = label.width() if label.width() > 50 else label.sizeHint().width()
    label.setMinimumHeight(label.heightForWidth(width) if text else 0)


#: A progress dialog shows only for work that takes longer than this (ms).
PROGRESS_DELAY_MS = 500


def job_progress(
    parent: QWidget, name: str, title: str, text: str, maximum: int, cancel: Callable[[], None]
) -> QProgressDialog:
    """A window-modal progress dialog with Cancel for a worker thread's job, shown only if
    the job takes longer than PROGRESS_DELAY_MS; kept open until ``end_job``."""
    progress = QProgressDialog(text, translate("JobProgress", "Cancel"), 0, maximum, parent)
    progress.setObjectName(name)
    progress.setWindowTitle(title)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(PROGRESS_DELAY_MS)
    progress.setAutoReset(False)
    progress.setAutoClose(False)
    progress.setValue(0)
    progress.canceled.connect(cancel)
    return progress


def end_job(job: QThread | None, progress: QProgressDialog | None) -> None:
    """Close a finished job's progress dialog and let both go."""
    if progress is not None:
        progress.reset()
        progress.hide()
        progress.deleteLater()
    if job is not None:
        job.wait()  # finished has been emitted: returns at once
        job.deleteLater()


def make_action(
    owner: QWidget,
    text: str,
    name: str,
    menu: QMenu,
    *,
    shortcut: str | QKeySequence.StandardKey | None = None,
    fallback: str | None = None,
    slot: Callable | None = None,
    checkable: bool = False,
    checked: bool = False,
    icon_text: str | None = None,
    tip: str | None = None,
) -> QAction:
    """A named action in ``menu`` (so every action is reachable from a menu).

    ``fallback`` is the shortcut where the platform has none for a standard key.
    A checkable action calls ``slot`` on toggled, any other on triggered.
    """
    action = QAction(text, owner)
    action.setObjectName(name)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if fallback is not None and action.shortcut().isEmpty():
        action.setShortcut(QKeySequence(fallback))
    if checkable:
        action.setCheckable(True)
        action.setChecked(checked)
    if icon_text is not None:
        action.setIconText(icon_text)
    if tip is None and not action.shortcut().isEmpty():
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        tip = f"{text.replace('&', '').rstrip('…')} ({keys})"
    if tip is not None:
        action.setToolTip(tip)
    if slot is not None:
        (action.toggled if checkable else action.triggered).connect(slot)
    menu.addAction(action)
    return action


def splitter(
    orientation: Qt.Orientation, name: str, widgets: tuple[QWidget, ...], grows: int, sizes: list[int]
) -> QSplitter:
    """A named splitter whose ``grows``-th pane takes the extra room; panes never collapse."""
    panes = QSplitter(orientation)
    panes.setObjectName(name)
    for widget in widgets:
        panes.addWidget(widget)
    panes.setStretchFactor(grows, 1)
    if sizes:
        panes.setSizes(sizes)
    panes.setChildrenCollapsible(False)
    return panes


#: Keys a text field keeps for editing even where the window has a shortcut on them.
TEXT_EDITING_KEYS = (
    QKeySequence.StandardKey.Copy,
    QKeySequence.StandardKey.Cut,
    QKeySequence.StandardKey.Paste,
    QKeySequence.StandardKey.Undo,
    QKeySequence.StandardKey.Redo,
    QKeySequence.StandardKey.SelectAll,
)


class WindowShortcutsFirst(QObject):
    """Lets a window's shortcuts through its text fields.

    Under X11 a QLineEdit claims Ctrl+E (end of line), Ctrl+K, Ctrl+U, Ctrl+D and more in
    ShortcutOverride, so a menu shortcut on those keys never fires while a field has focus,
    and a field has focus nearly all the time. This filter answers ShortcutOverride for the
    fields: a key that is one of the window's shortcuts goes to the window, except the
    standard text-editing keys (Ctrl+A/C/V/X/Z), which stay with the field.
    """

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._keys: frozenset[str] = frozenset()

    def claim(self, actions: list[QAction], fields: list[QWidget]) -> None:
        editing = {seq.toString() for key in TEXT_EDITING_KEYS for seq in QKeySequence.keyBindings(key)}
        self._keys = (
            frozenset(
                seq.toString()
                for action in actions
                if action.shortcutContext() == Qt.ShortcutContext.WindowShortcut
                for seq in action.shortcuts()
            )
            - editing
        )
        for field in fields:
            field.installEventFilter(self)

    def keys(self) -> frozenset[str]:
        """The shortcuts taken from the fields, as QKeySequence text ('Ctrl+E', ...)."""
        return self._keys

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and QKeySequence(event.keyCombination()).toString() in self._keys
        ):
            event.ignore()  # not the field's key: the shortcut map then finds the action
            return True
        return False
