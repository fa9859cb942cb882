"""The decimal spin box: decimals as typed, scientific notation, '.' always, 0 refusable."""

from __future__ import annotations

import math
from decimal import Decimal

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QDoubleSpinBox

from leaky_gui.core import ParameterError, format_label, format_number, parse_decimal


class DecimalSpinBox(QDoubleSpinBox):
    """A spin box for decimals as typed: '0.05' not '0.050000', '1e-3' accepted, '.' always.

    ``forbid_zero`` keeps 0 out (stepX): typing it leaves the box in an intermediate state
    with a message, and the arrows skip over it.
    """

    problemChanged = Signal(str)

    DECIMALS = 10

    def __init__(self, minimum: float, maximum: float, step: float, forbid_zero: bool = False) -> None:
        # Set before anything Qt does can call validate() or textFromValue().
        self._forbid_zero = forbid_zero
        self._problem = ""
        super().__init__()
        self.setLocale(QLocale.c())
        self.setDecimals(self.DECIMALS)
        self.setRange(minimum, maximum)
        self.setSingleStep(step)
        self.setAccelerated(True)
        self.setCorrectionMode(QDoubleSpinBox.CorrectionMode.CorrectToPreviousValue)
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.lineEdit().textEdited.connect(self._check_text)
        self.editingFinished.connect(lambda: self._set_problem(""))

    def decimal_value(self) -> Decimal:
        """The value as the decimal it shows (the double's shortest text)."""
        return Decimal(format_number(self.value()))

    def problem(self) -> str:
        """Why the text being typed is not (yet) a value, or ''."""
        return self._problem

    def textFromValue(self, value: float) -> str:
        return format_label(round(value, self.DECIMALS))

    def valueFromText(self, text: str) -> float:
        try:
            return float(parse_decimal(text))
        except ParameterError:
            return self.value()

    def validate(self, text: str, pos: int) -> object:
        state, _ = self._judge(text)
        return state, text, pos

    def fixup(self, text: str) -> str:
        return self.textFromValue(self.value())

    def stepBy(self, steps: int) -> None:
        old = self.value()
        super().stepBy(steps)
        if self._forbid_zero and self.value() == 0:
            # Step over zero to the nearest allowed value in the same direction.
            self.setValue(math.copysign(self.singleStep(), steps) if old != 0 else self.singleStep())

    def _judge(self, text: str) -> tuple[QValidator.State, str]:
        stripped = text.strip()
        if stripped in {"", "-", "+", ".", "-.", "+."} or stripped.lower().endswith(("e", "e-", "e+")):
            return QValidator.State.Intermediate, "incomplete number"
        try:
            value = parse_decimal(stripped)
        except ParameterError as error:
            return QValidator.State.Invalid, error.message
        if not self.minimum() <= float(value) <= self.maximum():
            bounds = f"{format_label(self.minimum())} to {format_label(self.maximum())}"
            return QValidator.State.Intermediate, f"must be from {bounds}"
        if self._forbid_zero and value == 0:
            return QValidator.State.Intermediate, "must not be 0"
        return QValidator.State.Acceptable, ""

    def _check_text(self, text: str) -> None:
        self._set_problem(self._judge(text)[1])

    def _set_problem(self, problem: str) -> None:
        if problem != self._problem:
            self._problem = problem
            self.problemChanged.emit(problem)
