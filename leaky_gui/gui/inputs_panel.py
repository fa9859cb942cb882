"""The sweep's inputs: start x, step x, count, alpha and precision, with their inline notes.

One signal out (``edited``); in, ``show_source`` (notes for the sweep on show), the setters
used by presets, reset and restore (``set_values``, ``set_alpha``, ``set_precision``),
``refuse`` and ``rejudge``. The window reads ``values()`` and decides what the sweep is;
the panel never reaches another panel.

No value becomes a box's value unless the whole sweep is possible with it. The panel asks
``judge`` (the window gives it one that knows the pinned alphas; by default it knows only
the boxes) for every keystroke, preset, reset and precision change, and ``message`` is
written in one place only, ``_show_message``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from decimal import Decimal

from PySide6.QtCore import Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QWidget

from leaky_gui.calc.alphas import unusual_alpha_note
from leaky_gui.calc.precision import DEFAULT_PRECISION, PRECISION_LABELS, PRECISIONS
from leaky_gui.calc.source import XSource
from leaky_gui.calc.sweep import (
    DEFAULT_ALPHA,
    DEFAULT_COUNT,
    DEFAULT_START,
    DEFAULT_STEP,
    decimal_label,
    sweep_problem,
)
from leaky_gui.gui.limits import MAX_GUI_COUNT
from leaky_gui.gui.spinbox import DecimalSpinBox
from leaky_gui.gui.widgets import ERROR, NOTE, message_label, show_message

#: judge(start, step, count, alpha, precision) -> why that makes no sweep, or ''.
Judge = Callable[[Decimal, Decimal, int, Decimal, str], str]
BOX_NAMES = ("start x", "step x", "count", "alpha")


def _boxes_only(start: Decimal, step: Decimal, count: int, alpha: Decimal, precision: str) -> str:
    return sweep_problem(start, step, count, alpha, (), precision)


class InputsPanel(QGroupBox):
    """Start x, step x, count and alpha; ``edited`` fires on every accepted keystroke."""

    edited = Signal()
    #: Start, step or count changed by the user (just before ``edited``): the sweep is meant.
    sweepEdited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Sweep  x_i = start + i*step,  i = 0 .. count-1", parent)
        self.setObjectName("inputsPanel")
        self.start = DecimalSpinBox("0.5")
        self.step = DecimalSpinBox("0.01", forbid_zero=True)
        self.count = DecimalSpinBox(1, whole=True, minimum=1, maximum=MAX_GUI_COUNT)
        self.alpha = DecimalSpinBox("0.01")
        #: The one judge of the inputs (the window's knows the pinned alphas too).
        self.judge: Judge = _boxes_only
        self._judged = False  # set_values judged the whole already
        self._rejudging = False
        self._refusal = ""  # why the last preset, reset or precision was refused
        self._precision = DEFAULT_PRECISION
        self.message = message_label("paramMessage", ERROR)
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
            # A flag, not the box: a slot holding its own sender keeps a dead wrapper alive.
            sweep = widget is not self.alpha
            widget.valueChanged.connect(lambda _value, sweep=sweep: self._on_value_changed(sweep))
        for position, spin in enumerate(self.boxes()):
            spin.problemChanged.connect(lambda _problem: self._show_message())
            spin.check = lambda value, at=position: self._problem_with(at, value)
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
        self.dtype.currentIndexChanged.connect(self._on_precision_chosen)
        dtype_label = QLabel("Precisio&n:")
        dtype_label.setBuddy(self.dtype)
        dtype_label.setToolTip(self.dtype.toolTip())
        form.addRow(dtype_label, self.dtype)
        self.alpha_note = message_label("alphaNote", NOTE)
        form.addRow(self.alpha_note)
        self.source_note = message_label("sourceNote", NOTE)
        form.addRow(self.source_note)
        form.addRow(self.message)

    def values(self) -> tuple[Decimal, Decimal, int, Decimal]:
        """start, step, count and alpha as they stand."""
        return (
            self.start.decimal_value(),
            self.step.decimal_value(),
            self.count.value(),
            self.alpha.decimal_value(),
        )

    def set_values(self, start: Decimal, step: Decimal, count: int, alpha: Decimal) -> str:
        """Show these values without emitting ``edited`` (restoring, resetting), if judged possible.

        The four are judged together, once: set one by one, a box could refuse a value
        that only the others make possible. Returns why they were refused, or ''.
        """
        values = (start, step, count, alpha)
        for name, spin, value in zip(BOX_NAMES, self.boxes(), values, strict=True):
            if problem := spin.own_problem(value):
                return f"{name}: {problem}"
        if problem := self.judge(start, step, count, alpha, self.precision()):
            return problem
        with self._judged_already():
            for spin, value in zip(self.boxes(), values, strict=True):
                spin.blockSignals(True)
                spin.setValue(value)
                spin.blockSignals(False)
        self._refusal = ""
        self._show_message()
        return ""

    def precision(self) -> str:
        """float64, float32, float16 or bfloat16."""
        return self._precision

    def set_precision(self, precision: str) -> str:
        """Show ``precision`` without emitting ``edited`` (restoring), if judged possible; else why not."""
        if precision not in PRECISIONS:
            return f"unknown precision {precision!r}"
        problem = self.judge(*self.values(), precision)
        if not problem:
            self._precision = precision
        self._show_precision()
        return problem

    def set_alpha(self, alpha: Decimal) -> bool:
        """Make ``alpha`` the current alpha, as if typed (a preset); refused with a message if impossible."""
        try:
            self.alpha.setValue(alpha)
        except ValueError:
            problem = self.judge(*self.values()[:3], alpha, self.precision())
            self.refuse(f"Cannot set alpha to {decimal_label(alpha)}: {problem}")
            return False
        return True

    def refuse(self, reason: str) -> None:
        """Say why a preset, a reset or a precision was not taken (until the next change)."""
        self._refusal = reason
        self._show_message()

    def rejudge(self) -> None:
        """Judge refused text again: what refused it (a pinned alpha, another box) may be gone.

        Text judged again must also fit the values the other boxes return to if their
        edits in progress are refused or undone: the text being typed wins over text
        refused before.
        """
        outer, self._rejudging = self._rejudging, True  # a box taking its text refreshes: nested
        try:
            for spin in self.boxes():
                spin.rejudge()
        finally:
            self._rejudging = outer

    def show_source(self, source: XSource) -> None:
        """Note an unusual alpha of the sweep on show."""
        note = unusual_alpha_note(source.alpha)
        show_message(self.alpha_note, f"{note}." if note else "")

    def set_sweep_in_use(self, in_use: bool, note: str = "") -> None:
        """Show start, step and count as in use (the sweep on show) or visibly out of use
        (your values on show): greyed text, still typeable, and ``note`` saying so."""
        for box in (self.start, self.step, self.count):
            box.setProperty("outOfUse", not in_use)
            palette = box.palette()
            text = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
            palette.setColor(QPalette.ColorGroup.Active, QPalette.ColorRole.Text, text)
            palette.setColor(QPalette.ColorGroup.Inactive, QPalette.ColorRole.Text, text)
            box.setPalette(palette if not in_use else QPalette())
        show_message(self.source_note, note)

    def source_note_once(self, note: str) -> None:
        """Say something about the source (a remembered file gone) until the source changes."""
        show_message(self.source_note, note)

    def problems(self) -> list[str]:
        """Each box's complaint about its text, as 'start x: ...', in tab order."""
        return [f"{n}: {s.problem()}" for n, s in zip(BOX_NAMES, self.boxes(), strict=True) if s.problem()]

    def _show_message(self) -> None:
        """The one writer of the message: the first box's complaint, else the last refusal."""
        problems = self.problems()
        show_message(self.message, problems[0] if problems else self._refusal)

    def _problem_with(self, position: int, value: Decimal) -> str:
        """Why ``value`` in the box at ``position`` would make no sweep with everything else, or ''."""
        if self._judged:
            return ""
        values: list = list(self.values())
        values[position] = value
        start, step, count, alpha = values
        problem = self.judge(start, step, int(count), alpha, self.precision())
        if problem or not self._rejudging:
            return problem
        settled = [spin.settled_value() for spin in self.boxes()]
        settled[position] = value
        start, step, count, alpha = settled
        return self.judge(start, step, int(count), alpha, self.precision())

    @contextmanager
    def _judged_already(self) -> Iterator[None]:
        self._judged = True
        try:
            yield
        finally:
            self._judged = False

    def _on_value_changed(self, sweep: bool = False) -> None:
        if sweep:  # start, step or count: the sweep is meant
            self.sweepEdited.emit()
        if self._refusal:
            self._refusal = ""
            self._show_message()
        self.edited.emit()

    def _on_precision_chosen(self, _index: int) -> None:
        chosen = self.dtype.currentData()
        problem = self.judge(*self.values(), chosen)
        if problem:
            self._show_precision()  # back to the precision on show
            self.refuse(f"Cannot compute in {chosen}: {problem}")
            return
        self._precision = chosen
        self._on_value_changed()

    def _show_precision(self) -> None:
        self.dtype.blockSignals(True)
        self.dtype.setCurrentIndex(max(0, self.dtype.findData(self._precision)))
        self.dtype.blockSignals(False)

    def boxes(self) -> tuple[DecimalSpinBox, ...]:
        """Start x, step x, count and alpha, in tab order."""
        return self.start, self.step, self.count, self.alpha
