"""The sweep's inputs: start x, step x, count, alpha and precision, with their inline notes.

A view of the inputs model (leaky_gui.calc.inputs): the boxes forward what is typed,
Enter, Escape and the arrows to it, and show what it holds. One signal out (``edited``:
what was done here changed the source on show); in, ``show_source`` (the model's texts,
values and message, and a note for the alpha on show) and ``set_sweep_in_use``. The
panel judges nothing and never reaches another panel.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QWidget

from leaky_gui.calc.alphas import unusual_alpha_note
from leaky_gui.calc.inputs import FIELDS, InputsModel
from leaky_gui.calc.precision import PRECISIONS
from leaky_gui.calc.source import XSource
from leaky_gui.calc.sweep import decimal_label
from leaky_gui.gui.language import calc_words, precision_label, translate
from leaky_gui.gui.limits import MAX_GUI_COUNT
from leaky_gui.gui.spinbox import DecimalSpinBox
from leaky_gui.gui.widgets import ERROR, NOTE, locale_uses_decimal_comma, message_label, show_message


def inputs_model() -> InputsModel:
    """The model of the window's inputs: counts up to the GUI's cap, ',' as the locale says."""
    return InputsModel(MAX_GUI_COUNT, locale_uses_decimal_comma)


class InputsPanel(QGroupBox):
    """Start x, step x, count and alpha; ``edited`` fires when what is done here changes the source."""

    edited = Signal()

    def __init__(self, model: InputsModel, parent: QWidget | None = None) -> None:
        super().__init__(translate("InputsPanel", "Sweep  x_i = start + i*step,  i = 0 .. count-1"), parent)
        self.setObjectName("inputsPanel")
        self.model = model
        self.start = DecimalSpinBox()
        self.step = DecimalSpinBox(forbid_zero=True)
        self.count = DecimalSpinBox(whole=True, minimum=1, maximum=model.max_count)
        self.alpha = DecimalSpinBox()
        self.message = message_label("paramMessage", ERROR)

        specs = (
            (
                self.start,
                "startX",
                translate("InputsPanel", "&Start x:"),
                translate("InputsPanel", "First x of the sweep (x_0)"),
            ),
            (
                self.step,
                "stepX",
                translate("InputsPanel", "S&tep x:"),
                translate("InputsPanel", "Distance between points; may be negative, not 0"),
            ),
            (
                self.count,
                "count",
                translate("InputsPanel", "&Count:"),
                translate("InputsPanel", "Number of points"),
            ),
            (
                self.alpha,
                "alpha",
                translate("InputsPanel", "&Alpha:"),
                translate("InputsPanel", "Leak slope: f(x) = alpha*x for x <= 0 (0.01 by default)"),
            ),
        )
        form = QFormLayout(self)
        for (widget, name, label_text, purpose), field in zip(specs, FIELDS, strict=True):
            tip = translate("InputsPanel", "{purpose}.\nTakes {range}; Escape undoes an edit.").format(
                purpose=purpose, range=widget.range_text()
            )
            widget.setObjectName(name)
            widget.setToolTip(tip)
            widget.setAccessibleName(label_text.replace("&", "").rstrip(": \N{NO-BREAK SPACE}"))
            label = QLabel(label_text)
            label.setBuddy(widget)
            label.setToolTip(tip)
            form.addRow(label, widget)
            # The field's name, not the box: a slot holding its own sender keeps a dead wrapper alive.
            widget.typed.connect(lambda text, f=field: self._forward(model.propose, f, text))
            widget.finished.connect(lambda f=field: self._forward(model.finish, f))
            widget.undone.connect(lambda f=field: self._forward(model.undo, f))
            widget.stepRequested.connect(lambda steps, f=field: self._forward(model.step, f, steps))
        self.dtype = QComboBox()
        self.dtype.setObjectName("dtype")
        for name in PRECISIONS:
            self.dtype.addItem(precision_label(name), name)
        self.dtype.setToolTip(
            translate(
                "InputsPanel",
                "The precision of x, f(x) and f'(x).\n"
                "float64 (exact): each value the double nearest the exact decimal result.\n"
                "float32, float16, bfloat16: what PyTorch computes on the CPU for a tensor of that dtype:\n"
                "x rounded to it (through float32), alpha to float32, alpha*x in float32, then rounded.",
            )
        )
        self.dtype.setAccessibleName(translate("InputsPanel", "Precision"))
        self.dtype.currentIndexChanged.connect(self._on_precision_chosen)
        dtype_label = QLabel(translate("InputsPanel", "Precisio&n:"))
        dtype_label.setBuddy(self.dtype)
        dtype_label.setToolTip(self.dtype.toolTip())
        form.addRow(dtype_label, self.dtype)
        self.alpha_note = message_label("alphaNote", NOTE)
        form.addRow(self.alpha_note)
        self.source_note = message_label("sourceNote", NOTE)
        form.addRow(self.source_note)
        form.addRow(self.message)
        self.show_model()

    def show_source(self, source: XSource) -> None:
        """Show what the model holds, and note an unusual alpha of the source on show."""
        self.show_model()
        note = unusual_alpha_note(source.alpha)
        note = calc_words(note) if note else note
        show_message(self.alpha_note, f"{note}." if note else "")

    def show_model(self) -> None:
        """Each box's text, value and problem, the precision and the message, as the model holds them."""
        for field, box in zip(FIELDS, self.boxes(), strict=True):
            held = self.model.box(field)
            editing = held.before is not None or held.text != self.model.label(field, held.value)
            box.show_box(held.text, held.value, held.problem, editing)
        self.dtype.blockSignals(True)
        self.dtype.setCurrentIndex(max(0, self.dtype.findData(self.model.precision)))
        self.dtype.blockSignals(False)
        show_message(self.message, self.model.message())

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

    def set_alpha(self, alpha: Decimal) -> bool:
        """Make ``alpha`` the current alpha, as if typed (a preset, the slider); refused with a
        message if impossible."""
        self._forward(self._set_alpha, alpha)
        return self.model.box("alpha").value == alpha

    def _set_alpha(self, alpha: Decimal) -> None:
        if problem := self.model.set("alpha", alpha):
            self.model.refuse(
                translate("InputsPanel", "Cannot set alpha to {alpha}: {problem}").format(
                    alpha=decimal_label(alpha), problem=problem
                )
            )

    def boxes(self) -> tuple[DecimalSpinBox, ...]:
        """Start x, step x, count and alpha, in tab order."""
        return self.start, self.step, self.count, self.alpha

    def _forward(self, verb: Callable[..., object], *args: object) -> None:
        """Hand what was done to the model, show what it holds, and say if the source changed."""
        source, values = self.model.source, self.model.values
        verb(*args)
        self.show_model()
        if self.model.source is not source or self.model.values is not values:
            self.edited.emit()

    def _on_precision_chosen(self, _index: int) -> None:
        chosen = self.dtype.currentData()
        self._forward(self._choose_precision, chosen)

    def _choose_precision(self, chosen: str) -> None:
        if problem := self.model.set_precision(chosen):
            self.model.refuse(
                translate("InputsPanel", "Cannot compute in {precision}: {problem}").format(
                    precision=chosen, problem=problem
                )
            )
