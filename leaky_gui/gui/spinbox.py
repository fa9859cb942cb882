"""The decimal spin box: shows what the inputs model holds and forwards what is typed.

Qt's QDoubleSpinBox stores a double, rounds what it shows to a fixed number of decimals,
reads ',' as a group separator in the C locale (`0,05` becomes 5) and, on leaving the
field, settles on the last value that was acceptable while typing (a prefix such as 1000
of `1e300`). This box decides nothing instead: every keystroke's text goes to the model
(``typed``), as do Enter or leaving the field (``finished``), Escape during an edit
(``undone``) and the arrows, Page keys and wheel (``stepRequested``); the box then shows the
text, value and problem the model holds (``show``). The model (leaky_gui.calc.inputs) owns
the text ↔ value mapping: the value is a ``Decimal`` shown digit for digit, ',' is the
decimal point only where the locale writes one, and the arrows step exactly in decimals.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QValidator
from PySide6.QtWidgets import QAbstractSpinBox, QSizePolicy, QWidget

from leaky_gui.gui.language import translate
from leaky_gui.gui.widgets import locale_uses_decimal_comma


class DecimalSpinBox(QAbstractSpinBox):
    """A spin box for one decimal (or, with ``whole``, a whole number of digits only).

    Out: ``typed(text)`` for every edit of the text, ``finished()``, ``undone()``,
    ``stepRequested(steps)``, and ``stepped()`` before a step the user asked for. In:
    ``show(text, value, problem, editing)``.
    """

    typed = Signal(str)
    finished = Signal()
    undone = Signal()
    stepRequested = Signal(int)
    stepped = Signal()

    def __init__(
        self,
        *,
        forbid_zero: bool = False,
        whole: bool = False,
        minimum: int | None = None,
        maximum: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._forbid_zero = forbid_zero
        self._whole = whole
        self._minimum = minimum
        self._maximum = maximum
        self._value = Decimal(minimum or 0)
        self._problem = ""
        self._editing = False
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.setAccelerated(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.lineEdit().textEdited.connect(self.typed)
        self.editingFinished.connect(self.finished)

    def show_box(self, text: str, value: Decimal, problem: str, editing: bool) -> None:
        """Show ``text`` (the model's), remembering the value and problem it stands for."""
        self._value, self._problem, self._editing = value, problem, editing
        if self.lineEdit().text() != text:
            self.lineEdit().setText(text)

    def value(self) -> Decimal | int:
        """The value the model holds for this box, as shown last."""
        return int(self._value) if self._whole else self._value

    def decimal_value(self) -> Decimal:
        return self._value

    def problem(self) -> str:
        """Why the text shown is not the value, or ''."""
        return self._problem

    def range_text(self) -> str:
        """What the box takes, for its tooltip."""
        if self._whole:
            return translate("DecimalSpinBox", "a whole number from {low} to {high}, digits only").format(
                low=f"{self._minimum:,}", high=f"{self._maximum:,}"
            )
        comma = translate("DecimalSpinBox", " (or ',')") if locale_uses_decimal_comma() else ""
        zero = translate("DecimalSpinBox", ", except 0") if self._forbid_zero else ""
        return translate(
            "DecimalSpinBox",
            "any decimal within the doubles (±1.8e308){zero}; '.'{comma} as the decimal point, 1e-3 style exponents",
        ).format(zero=zero, comma=comma)

    # -- Qt's spin box API -----------------------------------------------------

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        # Never Invalid: every keystroke is kept and goes to the model, which judges it once.
        return QValidator.State.Acceptable, text, pos

    def fixup(self, text: str) -> str:
        return text

    def stepEnabled(self) -> QAbstractSpinBox.StepEnabledFlag:
        flags = QAbstractSpinBox.StepEnabledFlag.StepNone
        if self._maximum is None or self._value < self._maximum:
            flags |= QAbstractSpinBox.StepEnabledFlag.StepUpEnabled
        if self._minimum is None or self._value > self._minimum:
            flags |= QAbstractSpinBox.StepEnabledFlag.StepDownEnabled
        return flags

    def stepBy(self, steps: int) -> None:
        self.stepped.emit()
        self.stepRequested.emit(steps)
        self.selectAll()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self._editing:
            self.undone.emit()
            event.accept()
            return
        super().keyPressEvent(event)
