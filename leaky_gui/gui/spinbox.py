"""The decimal spin box: the value is the decimal typed, shown digit for digit.

Qt's QDoubleSpinBox stores a double, rounds what it shows to a fixed number of decimals,
reads ',' as a group separator in the C locale (`0,05` becomes 5) and, on leaving the
field, settles on the last value that was acceptable while typing (a prefix such as 1000
of `1e300`). This box owns the text ↔ value mapping instead:

* the value is a ``Decimal``; the text is ``decimal_label(value)``, the app's one number
  style, so what is shown is what the sweep computes with;
* every keystroke that makes a usable number changes the value at once (live); text that
  is no usable number stays as typed, with a message, and the value it shows is the one
  from before the edit; Escape brings that value back (should an alpha pinned during the
  edit rule it out, the box says which value it keeps);
* ',' is the decimal point where the locale writes one (de, fr, ...), and is refused with
  a hint elsewhere; no character is ever dropped or reinterpreted silently;
* the arrows step exactly in decimals (0.05 + 0.01 is 0.06), and skip 0 where it is
  forbidden.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal, localcontext

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QValidator
from PySide6.QtWidgets import QAbstractSpinBox, QSizePolicy, QWidget

from leaky_gui.calc.sweep import ParameterError, decimal_label, parse_decimal
from leaky_gui.gui.widgets import locale_uses_decimal_comma

_DIGITS = re.compile(r"\d+", re.ASCII)


class DecimalSpinBox(QAbstractSpinBox):
    """A spin box for one decimal (or, with ``whole``, a whole number of digits only).

    ``valueChanged(value)`` carries the new value (Decimal, or int when ``whole``);
    ``problemChanged(text)`` says why the text is not a usable value ('' when it is);
    ``stepped()`` comes before a step the user asked for (arrows, Page keys, wheel, buttons).
    """

    valueChanged = Signal(object)
    problemChanged = Signal(str)
    stepped = Signal()

    def __init__(
        self,
        step: Decimal | str,
        *,
        forbid_zero: bool = False,
        whole: bool = False,
        minimum: int | None = None,
        maximum: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._step = Decimal(step)
        self._forbid_zero = forbid_zero
        self._whole = whole
        self._minimum = minimum
        self._maximum = maximum
        self._value = Decimal(minimum or 0)
        self._before_edit: Decimal | None = None  # the value when the current edit began
        self._problem = ""
        #: Further judgement of a value that parses, e.g. whether the sweep it makes stays
        #: within the doubles: the problem, or ''. A refused value counts as unusable text.
        self.check: Callable[[Decimal], str] | None = None
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.setAccelerated(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.lineEdit().textEdited.connect(self._on_text_edited)
        self.editingFinished.connect(self._on_editing_finished)
        self.lineEdit().setText(self._label(self._value))

    # -- value -----------------------------------------------------------------

    def value(self) -> Decimal | int:
        return int(self._value) if self._whole else self._value

    def decimal_value(self) -> Decimal:
        return self._value

    def setValue(self, value: Decimal | int | float | str) -> None:
        """Show ``value`` and make it the value (a ValueError if it is not a usable one)."""
        decimal = self._value_from(value)
        self._before_edit = None
        self._set_problem("")
        self.lineEdit().setText(self._label(decimal))
        self._change_value(decimal)

    def own_problem(self, value: Decimal | int) -> str:
        """Why the box cannot hold ``value`` by its own rules (digits, range, not 0), or ''.

        The sweep's judgement (``check``) is left out: the caller judges the whole.
        """
        if self._whole and Decimal(value) != int(value):
            return f"must be a whole number, not {value}"
        check, self.check = self.check, None
        try:
            return self._interpret(self._label(Decimal(value)))[1]
        finally:
            self.check = check

    def problem(self) -> str:
        """Why the text being typed is not (yet) a usable value, or ''."""
        return self._problem

    def range_text(self) -> str:
        """What the box takes, for its tooltip."""
        if self._whole:
            return f"a whole number from {self._minimum:,} to {self._maximum:,}, digits only"
        comma = " (or ',')" if locale_uses_decimal_comma() else ""
        zero = ", except 0" if self._forbid_zero else ""
        return f"any decimal within the doubles (±1.8e308){zero}; '.'{comma} as the decimal point, 1e-3 style exponents"

    # -- Qt's spin box API -----------------------------------------------------

    def validate(self, text: str, pos: int) -> object:
        # Never Invalid: every keystroke is kept and, when it makes no value, explained.
        ok = self._interpret(text)[1] == ""
        return (QValidator.State.Acceptable if ok else QValidator.State.Intermediate), text, pos

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
        with localcontext() as context:  # exact: the digits, plus the doubles' span of exponents
            context.prec = len(self._value.as_tuple().digits) + len(self._step.as_tuple().digits) + 700
            value = self._value + steps * self._step
        if self._forbid_zero and value == 0:
            value = self._step if steps > 0 else -self._step  # step over 0, in the same direction
        if self._minimum is not None:
            value = max(value, Decimal(self._minimum))
        if self._maximum is not None:
            value = min(value, Decimal(self._maximum))
        try:
            self.setValue(value)
        except ValueError:
            return  # beyond the doubles: stay where we are
        self.selectAll()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self._editing():
            self.undo_edit()
            event.accept()
            return
        super().keyPressEvent(event)

    def undo_edit(self) -> None:
        """Escape: back to the value from before the edit, text and all.

        Should that value be refused now (an alpha pinned meanwhile makes it impossible),
        the box shows the value it holds instead: never a value the sweep cannot take.
        """
        try:
            self.setValue(self._value if self._before_edit is None else self._before_edit)
        except ValueError:
            self.setValue(self._value)

    def rejudge(self) -> None:
        """Judge text that was refused again, as what refused it may have changed.

        Un-pinning an alpha or changing another box can make refused text usable: it then
        becomes the value, as if typed now. Text that is still refused keeps its message,
        brought up to date.
        """
        if not self._problem:
            return
        value, problem, incomplete = self._interpret(self.lineEdit().text())
        if problem:
            if not incomplete:
                self._set_problem(problem)
            return
        self._set_problem("")
        self._change_value(value)  # the text stays as typed: it is this value

    # -- text ↔ value -----------------------------------------------------------

    def _label(self, value: Decimal) -> str:
        return str(int(value)) if self._whole else decimal_label(value)

    def _value_from(self, value: Decimal | int | float | str) -> Decimal:
        if isinstance(value, float):
            value = Decimal(repr(value))
        decimal, problem, _ = self._interpret(str(value) if isinstance(value, Decimal) else value)
        if problem:
            raise ValueError(f"{value!r}: {problem}")
        return decimal

    def _interpret(self, text: str | int) -> tuple[Decimal, str, bool]:
        """(value, problem, incomplete): problem is '' for a usable value."""
        stripped = str(text).strip()
        if self._whole:
            return self._interpret_whole(stripped)
        comma = locale_uses_decimal_comma()
        if stripped in {"", "-", "+", ".", "-.", "+."} or (comma and stripped in {",", "-,", "+,"}):
            return self._value, "incomplete number", True
        if stripped.lower().endswith(("e", "e-", "e+")):
            return self._value, "incomplete number", True
        try:
            value = parse_decimal(stripped, "value", decimal_comma=comma)
        except ParameterError as error:
            return self._value, error.message, False
        if self._forbid_zero and value == 0:
            return self._value, "must not be 0", False
        return self._checked(value)

    def _interpret_whole(self, stripped: str) -> tuple[Decimal, str, bool]:
        if not stripped:
            return self._value, "type a whole number", True
        if not _DIGITS.fullmatch(stripped):
            return self._value, f"digits 0-9 only, no signs or separators ({stripped!r})", False
        value = int(stripped)
        if not self._minimum <= value <= self._maximum:
            return self._value, f"must be from {self._minimum:,} to {self._maximum:,}", False
        return self._checked(Decimal(value))

    def _checked(self, value: Decimal) -> tuple[Decimal, str, bool]:
        problem = self.check(value) if self.check is not None else ""
        return (self._value if problem else value), problem, False

    def _editing(self) -> bool:
        return self._before_edit is not None or self.lineEdit().text() != self._label(self._value)

    def _on_text_edited(self, text: str) -> None:
        if self._before_edit is None:
            self._before_edit = self._value
        value, problem, incomplete = self._interpret(text)
        if problem and not incomplete:
            self._refuse(problem)  # never a value the user did not type
            return
        self._set_problem(problem)  # first: a change of value refreshes the views and the message
        if not problem:
            self._change_value(value)

    def _on_editing_finished(self) -> None:
        value, problem, _ = self._interpret(self.lineEdit().text())
        if problem:
            self._refuse(problem)  # the text stays, with its message, until fixed or Escape
            return
        self._before_edit = None
        self._change_value(value)
        label = self._label(value)
        if self.lineEdit().text() != label:
            self.lineEdit().setText(label)

    def _refuse(self, problem: str) -> None:
        """Text that is no usable value: say why, and go back to the value from before the edit.

        Something judged meanwhile (an alpha pinned during the edit) may have ruled that
        value out; then the box keeps the value it has, which the sweep can take, and the
        message says so: what is computed is always what the message or the box shows.
        """
        before = self._before_edit
        if before is not None and before != self._value and self.check is not None and self.check(before):
            kept, ruled_out = self._label(self._value), self._label(before)
            self._set_problem(
                f"{problem} (the sweep keeps {kept}: {ruled_out}, from before the edit, is ruled out now)"
            )
            return
        self._set_problem(problem)
        if before is not None:
            self._change_value(before)

    def settled_value(self) -> Decimal:
        """The value the box returns to if the edit in progress is refused or undone."""
        return self._value if self._before_edit is None else self._before_edit

    def _change_value(self, value: Decimal) -> None:
        if value != self._value:
            self._value = value
            self.valueChanged.emit(self.value())

    def _set_problem(self, problem: str) -> None:
        if problem != self._problem:
            self._problem = problem
            self.problemChanged.emit(problem)
