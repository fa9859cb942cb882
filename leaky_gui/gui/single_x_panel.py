"""One typed x, evaluated directly at the current alpha in the sweep's precision: f(x) and f'(x)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QLineEdit, QWidget

from leaky_gui.calc.source import XSource
from leaky_gui.calc.sweep import (
    ParameterError,
    SweepParams,
    exact_leaky,
    leaky_point,
    parse_decimal,
    rounding_note,
)
from leaky_gui.gui.language import QT_TRANSLATE_NOOP, translate
from leaky_gui.gui.widgets import ERROR, PLAIN, locale_uses_decimal_comma, set_message_kind

PROMPT = QT_TRANSLATE_NOOP("SingleXPanel", "Type an x above to evaluate f(x) and f'(x).")


class SingleXPanel(QGroupBox):
    """The single-x field and its result; ``pointChanged(x, fx)`` (or None, None) for the plot."""

    pointChanged = Signal(object, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(translate("SingleXPanel", "Evaluate one x"), parent)
        self.setObjectName("singleXPanel")
        self._source: XSource = SweepParams()  # only its alpha and precision are used
        self.edit = QLineEdit()
        self.edit.setObjectName("singleX")
        self.edit.setAccessibleName(translate("SingleXPanel", "Single x"))
        self.edit.setPlaceholderText(translate("SingleXPanel", "e.g. -2 or 1e-3"))
        self.edit.setToolTip(
            translate("SingleXPanel", "Type one x to evaluate f(x) and f'(x) directly for the current alpha")
        )
        self.edit.setClearButtonEnabled(True)
        self.edit.textChanged.connect(self._evaluate)
        label = QLabel(translate("SingleXPanel", "Single &x:"))
        label.setBuddy(self.edit)
        self.result = QLabel()
        self.result.setObjectName("singleResult")
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(label, self.edit)
        form.addRow(self.result)
        self._evaluate()

    def text(self) -> str:
        return self.edit.text()

    def set_text(self, text: str) -> None:
        self.edit.setText(text)

    def show_source(self, source: XSource) -> None:
        """Evaluate at the sweep's current alpha, in its precision."""
        self._source = source
        self._evaluate()

    def _evaluate(self) -> None:
        text = self.edit.text()
        if not text.strip():
            self._show(translate("SingleXPanel", PROMPT), PLAIN, None, None)
            return
        p = self._source
        try:
            x = parse_decimal(text, "x", decimal_comma=locale_uses_decimal_comma())
            x_held, fx, dfx = leaky_point(x, p.alpha, p.precision)
        except ParameterError as error:
            self._show(
                translate("SingleXPanel", "Cannot evaluate: {problem}").format(problem=error.message),
                ERROR,
                None,
                None,
            )
            return
        shown = p.text(x_held)
        result = f"f({shown}) = {p.text(fx)}      f'({shown}) = {p.text(dfx)}"
        if not p.exact:  # why the stored value and the exact one differ, though both may print alike
            held = (
                ""
                if Decimal(x_held) == x
                else translate("SingleXPanel", "x is held as {x}; ").format(x=f"{Decimal(x_held):f}")
            )
            note = rounding_note(fx, exact_leaky(x, p.alpha), p.precision)
            result += "\n" + translate("SingleXPanel", "{precision}: {held}f(x) is {note}").format(
                precision=p.precision, held=held, note=note
            )
        self._show(result, PLAIN, x_held, fx)

    def _show(self, text: str, kind: str, x: float | None, fx: float | None) -> None:
        set_message_kind(self.result, kind)
        self.result.setText(text)
        self.pointChanged.emit(x, fx)
