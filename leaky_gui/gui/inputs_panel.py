"""The sweep's inputs: start x, step x, count and alpha, with their inline notes.

One verb in (``show_sweep``), one signal out (``edited``): the window reads ``values()``
and decides what the sweep is; the panel never reaches another panel.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QWidget

from leaky_gui.calc.alphas import unusual_alpha_note
from leaky_gui.calc.precision import PRECISION_LABELS, PRECISIONS
from leaky_gui.calc.sweep import (
    DEFAULT_ALPHA,
    DEFAULT_COUNT,
    DEFAULT_START,
    DEFAULT_STEP,
    ParameterError,
    SweepParams,
)
from leaky_gui.gui.limits import MAX_GUI_COUNT
from leaky_gui.gui.spinbox import DecimalSpinBox
from leaky_gui.gui.widgets import ERROR_STYLE, NOTE_STYLE, message_label, show_message


class InputsPanel(QGroupBox):
    """Start x, step x, count and alpha; ``edited`` fires on every accepted keystroke."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Sweep  x_i = start + i*step,  i = 0 .. count-1", parent)
        self.setObjectName("inputsPanel")
        self.start = DecimalSpinBox("0.5")
        self.step = DecimalSpinBox("0.01", forbid_zero=True)
        self.count = DecimalSpinBox(1, whole=True, minimum=1, maximum=MAX_GUI_COUNT)
        self.alpha = DecimalSpinBox("0.01")
        self.set_values(DEFAULT_START, DEFAULT_STEP, DEFAULT_COUNT, DEFAULT_ALPHA)

        specs = (
            (self.start, "startX", "&Start x:", "First x of the sweep (x_0)"),
            (self.step, "stepX", "S&tep x:", "Distance between points; may be negative, not 0"),
            (self.count, "count", "&Count:", "Number of points"),
            (self.alpha, "alpha", "&Alpha:", "Leak slope: f(x) = alpha*x for x <= 0 (0.01 by default)"),
        )
        form = QFormLayout(self)
        for widget, name, label_text, purpose in specs:
            tip = f"{purpose}.\nTakes {widget.range_text()}; Escape undoes an edit."
            widget.setObjectName(name)
            widget.setToolTip(tip)
            widget.setAccessibleName(label_text.replace("&", "").rstrip(":"))
            label = QLabel(label_text)
            label.setBuddy(widget)
            label.setToolTip(tip)
            form.addRow(label, widget)
            widget.valueChanged.connect(lambda _value: self.edited.emit())
        for position, spin in enumerate(self.boxes()):
            spin.problemChanged.connect(lambda _problem: self.show_problem(""))
            spin.check = lambda value, at=position: self._sweep_problem(at, value)
        self.dtype = QComboBox()
        self.dtype.setObjectName("dtype")
        for name in PRECISIONS:
            self.dtype.addItem(PRECISION_LABELS[name], name)
        self.dtype.setToolTip(
            "The precision of x, f(x) and f'(x).\n"
            "float64 (exact): each value the double nearest the exact decimal result.\n"
            "float32, float16, bfloat16: what PyTorch computes on the CPU for a tensor of that dtype:\n"
            "x rounded to it (through float32), alpha to float32, alpha*x in float32, then rounded."
        )
        self.dtype.setAccessibleName("Precision")
        self.dtype.currentIndexChanged.connect(lambda _index: self.edited.emit())
        dtype_label = QLabel("Precisio&n:")
        dtype_label.setBuddy(self.dtype)
        dtype_label.setToolTip(self.dtype.toolTip())
        form.addRow(dtype_label, self.dtype)
        self.alpha_note = message_label("alphaNote", NOTE_STYLE)
        self.message = message_label("paramMessage", ERROR_STYLE)
        form.addRow(self.alpha_note)
        form.addRow(self.message)

    def values(self) -> tuple[Decimal, Decimal, int, Decimal]:
        """start, step, count and alpha as they stand."""
        return (
            self.start.decimal_value(),
            self.step.decimal_value(),
            self.count.value(),
            self.alpha.decimal_value(),
        )

    def set_values(self, start: Decimal, step: Decimal, count: int, alpha: Decimal) -> None:
        """Show these values without emitting ``edited`` (restoring, resetting)."""
        for spin, value in zip(self.boxes(), (start, step, count, alpha), strict=True):
            spin.blockSignals(True)
            spin.setValue(value)
            spin.blockSignals(False)

    def precision(self) -> str:
        """float64, float32, float16 or bfloat16."""
        return self.dtype.currentData()

    def set_precision(self, precision: str) -> None:
        """Show ``precision`` without emitting ``edited`` (restoring)."""
        self.dtype.blockSignals(True)
        self.dtype.setCurrentIndex(max(0, self.dtype.findData(precision)))
        self.dtype.blockSignals(False)

    def set_alpha(self, alpha: Decimal) -> None:
        """Make ``alpha`` the current alpha, as if typed (a preset)."""
        self.alpha.setValue(alpha)

    def show_sweep(self, params: SweepParams) -> None:
        """Note an unusual alpha of the sweep on show."""
        note = unusual_alpha_note(params.alpha)
        show_message(self.alpha_note, f"{note}." if note else "")

    def show_problem(self, problem: str) -> None:
        """Say why the inputs make no sweep; '' falls back to a box's own complaint, if any."""
        if not problem:
            names = ("start x", "step x", "count", "alpha")
            boxes = self.boxes()
            problem = next(
                (f"{n}: {s.problem()}" for n, s in zip(names, boxes, strict=True) if s.problem()), ""
            )
        show_message(self.message, problem)

    def _sweep_problem(self, position: int, value: Decimal) -> str:
        """Why ``value`` in the box at ``position`` would make no sweep with the other boxes, or ''."""
        values: list = list(self.values())
        values[position] = value
        start, step, count, alpha = values
        try:
            SweepParams(start, step, int(count), (alpha,))
        except ParameterError as error:
            return error.message
        return ""

    def boxes(self) -> tuple[DecimalSpinBox, ...]:
        """Start x, step x, count and alpha, in tab order."""
        return self.start, self.step, self.count, self.alpha
