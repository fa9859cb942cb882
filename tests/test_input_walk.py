"""A seeded random walk through the real widgets, checked against exact rationals (issue 23).

Typing (in the C and a German locale, decimal commas included, finished by Enter, Escape,
leaving the box or nothing), pinning and unpinning, presets, the precision, the alpha
slider, the arrows and a reset. After every step:

* each box shows the text the inputs model holds, and that text is its value, read as an
  exact rational; or it shows a refused text with a message, the whole truly refuses that
  text now, and the value is the one the box held when that edit began;
* a box changed without being typed into takes exactly the text it shows;
* the sweep on show is the boxes' values with the pinned alphas, and every x and f(x) of
  it is within the doubles, by exact rational arithmetic.
"""

from __future__ import annotations

import random
import re
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtTest import QTest

from leaky_gui.calc.alphas import PRESETS
from leaky_gui.calc.precision import PRECISIONS
from leaky_gui.calc.sweep import SweepParams
from leaky_gui.gui.limits import MAX_GUI_COUNT
from leaky_gui.gui.selftest import named

if TYPE_CHECKING:
    from leaky_gui.calc.inputs import InputsModel

D = Decimal
FIELDS = ("start", "step", "count", "alpha")  # the inputs model's names, in tab order
#: Below this, a magnitude rounds to a finite double (half-way to 2**1024 rounds up, to inf).
FINITE = Fraction(2**1024 - 2**970)
SMALLEST = Fraction(1, 2**1075)  # half the smallest subnormal: at or below, the nearest double is 0
NUMBER = re.compile(r"([+-]?)(\d+\.?\d*|\.\d+)(?:[eE]([+-]?\d+))?", re.ASCII)
INCOMPLETE = object()

TEXTS = (
    "-4", "0.05", "0.01", "1", "0", "-0", "-1e306", "1e306", "-1e30", "1000", "207", "2070.008",
    "9.62e302", "9.62e30", "1e-300", "-2.5e2", "0.1", "-3.7", "1e308", "-1.7e308", "1e-3", "0.3",
    "1e", "-", "abc", "1.2.3", "0,05", "-3,7", "1,5e3", "2,", "12,5", "100", "1e999", "½",
    "9999999999999999999999999999999999999999", "14500000000000", "-1e-400", "1e-330", "-0.0",
    "1.000,5", "+7", ".5", "-.", "1e+", "0e-999999999", "1.7976931348623157e308", "1.8e308",
)  # fmt: skip
COUNTS = ("1", "5", "101", "100000000", "99999999", "0", "-3", "1e3", "abc", "200000000", "7", "", "2")
PINS = ("1000", "1e10", "100", "0.3", "2070.008", "1e308", "-5", "1e300", "-1e-5")
GERMAN = QLocale("de_DE")
ARROW_STEPS = {
    "start": Fraction(1, 2),
    "step": Fraction(1, 100),
    "count": Fraction(1),
    "alpha": Fraction(1, 100),
}


def read(text: str, field: str, comma: bool) -> Fraction | str | object:
    """The value of ``text`` by the box's own rules, as an exact rational; else why not (a str),
    or INCOMPLETE for text on its way to a number. Written apart from the app's parser."""
    s = text.strip()
    if field == "count":
        if not s:
            return INCOMPLETE
        if not (s.isascii() and s.isdigit()) or not 1 <= int(s) <= MAX_GUI_COUNT:
            return "count"
        return Fraction(int(s))
    if s in {"", "-", "+", ".", "-.", "+."} or (comma and s in {",", "-,", "+,"}):
        return INCOMPLETE
    if s.lower().endswith(("e", "e-", "e+")):
        return INCOMPLETE
    if "," in s:
        if not comma or s.count(",") > 1 or "." in s:
            return "comma"
        s = s.replace(",", ".")
    match = NUMBER.fullmatch(s)
    if not match:
        return "not a number"
    sign, digits, exponent = match.group(1), match.group(2), int(match.group(3) or 0)
    whole, _, fraction = digits.partition(".")
    mantissa = int((whole + fraction) or "0")
    if mantissa == 0:
        return "step 0" if field == "step" else Fraction(0)
    exponent -= len(fraction)
    leading = len(str(mantissa)) - 1 + exponent  # the exponent of the leading digit
    if leading < -340:
        return "too small"
    if leading > 310:
        return "too large"
    value = Fraction(mantissa) * Fraction(10) ** exponent * (-1 if sign == "-" else 1)
    if abs(value) <= SMALLEST:  # its nearest double is 0
        return "too small"
    if abs(value) >= FINITE:  # its nearest double is infinite
        return "too large"
    return value


def whole_fits(start: Fraction, step: Fraction, count: int, alphas) -> bool:
    """Whether every x and f(x) of the sweep is within the doubles (f is linear between the ends)."""
    for i in (0, count - 1):
        x = start + i * step
        if abs(x) >= FINITE:
            return False
        if x < 0 and any(abs(Fraction(a) * x) >= FINITE for a in alphas):
            return False
    return True


class Walk:
    def __init__(self, window, rng: random.Random) -> None:
        self.window, self.rng = window, rng
        self.boxes = dict(zip(FIELDS, window.inputs.boxes(), strict=True))
        self.comma = False
        self.focus: str | None = None  # the box with an edit open (typed into, not finished)
        self.edit_began: dict[str, Fraction] = {}  # each box's value when its last edit began
        self.log: list[str] = []

    # -- the steps ----------------------------------------------------------------

    def type(self) -> None:
        rng = self.rng
        self.comma = rng.random() < 0.5
        QLocale.setDefault(GERMAN if self.comma else QLocale.c())
        field = rng.choice(FIELDS)
        text = rng.choice(COUNTS if field == "count" else TEXTS)
        finish = rng.choice(("Enter", "Enter", "none", "Escape", "Tab"))
        self.log.append(f"{'de' if self.comma else 'C'} type {field}={text!r} {finish}")
        box = self.boxes[field]
        box.setFocus()  # the box left before (if another) finishes its edit
        if self.focus != field:
            self.edit_began[field] = Fraction(box.decimal_value())
        box.selectAll()
        QTest.keyClick(box, Qt.Key.Key_Delete)
        QTest.keyClicks(box, text)
        self.focus = field
        if finish == "Tab":
            self.window.inputs.dtype.setFocus()
        elif finish != "none":
            QTest.keyClick(box, Qt.Key.Key_Return if finish == "Enter" else Qt.Key.Key_Escape)
        if finish != "none":
            self.focus = None

    def pin(self) -> None:
        if self.rng.random() < 0.4:
            self.log.append("Ctrl+P")
            named(self.window, "pinAction").trigger()
        else:
            alpha = self.rng.choice(PINS)
            self.log.append(f"pin {alpha}")
            self.window.pin_alpha(D(alpha))

    def unpin(self) -> None:
        rows = self.window.comparison.row_widgets()
        if rows:
            row = self.rng.choice(rows)
            self.log.append(f"unpin {row.check.text()}")
            row.remove.click()

    def preset(self) -> None:
        number = self.rng.randint(1, len(PRESETS))
        kind = self.rng.choice(("Set", "Pin"))
        self.log.append(f"preset{kind} {number}")
        if kind == "Set":
            self.setting({"alpha": Fraction(PRESETS[number - 1].alpha)})
        named(self.window, f"preset{kind}_{number}").trigger()

    def precision(self) -> None:
        precision = self.rng.choice(PRECISIONS)
        self.log.append(f"precision {precision}")
        box = self.window.inputs.dtype
        box.setCurrentIndex(box.findData(precision))

    def slide(self) -> None:
        slider = named(self.window, "alphaSlider")
        index = self.rng.randint(slider.minimum(), slider.maximum())
        self.log.append(f"slide to {self.window.slider.table.value(index)}")
        if index != slider.value():
            self.setting({"alpha": Fraction(self.window.slider.table.value(index))})
        slider.setValue(index)

    def arrow(self) -> None:
        field = self.rng.choice(FIELDS)
        steps = self.rng.choice((-1, 1, 10))
        self.log.append(f"stepBy {field} {steps}")
        value = Fraction(self.boxes[field].decimal_value()) + steps * ARROW_STEPS[field]
        if field == "step" and value == 0:
            value = ARROW_STEPS[field] * (1 if steps > 0 else -1)
        if field == "count":
            value = min(max(value, Fraction(1)), Fraction(MAX_GUI_COUNT))
        self.setting({field: value})
        self.boxes[field].stepBy(steps)

    def reset(self) -> None:
        self.log.append("reset")
        self.setting(dict(zip(FIELDS, map(Fraction, ("-4", "0.05", "101", "0.01")), strict=True)))
        named(self.window, "defaultsAction").trigger()

    def setting(self, new: dict[str, Fraction]) -> None:
        """Values about to be set without typing: if the boxes and the whole take them, the
        edits in those boxes are over (the value before the next edit is the one set)."""
        values = {f: Fraction(box.decimal_value()) for f, box in self.boxes.items()} | new
        for field, value in new.items():
            if field == "count" or value == 0:
                fine = field != "step" or value != 0
            else:
                fine = SMALLEST < abs(value) < FINITE
            if not fine:
                return
        alphas = (values["alpha"], *self.window.comparison.alphas())
        if whole_fits(values["start"], values["step"], int(values["count"]), alphas):
            for field in new:
                self.edit_began.pop(field, None)
                if self.focus == field:
                    self.focus = None

    # -- the check ------------------------------------------------------------------

    def shown(self) -> dict[str, tuple[str, Decimal]]:
        return {f: (box.text(), box.decimal_value()) for f, box in self.boxes.items()}

    def check(self, step: int, typed: set[str], before: dict[str, tuple[str, Decimal]]) -> None:
        """``typed``: the boxes typed into (or whose edit typing elsewhere finished) in this step."""
        where = f"after step {step}: " + " | ".join(self.log[-8:])
        values = {f: Fraction(box.decimal_value()) for f, box in self.boxes.items()}
        pinned = self.window.comparison.alphas()
        model: InputsModel | None = getattr(self.window, "inputs_model", None)
        for field, box in self.boxes.items():
            text, problem = box.text(), box.problem()
            if model is not None:
                held = model.box(field)
                assert (text, box.decimal_value(), problem) == (held.text, held.value, held.problem), where
                assert model.pinned == pinned, where
            reading = read(text, field, True)  # ',' is only ever a decimal point in a box's value
            if not problem:
                assert isinstance(reading, Fraction) and reading == values[field], where
            elif (
                read(text, field, self.comma) is not INCOMPLETE
            ):  # refused: the whole refuses it now, and the value is from before
                now = read(text, field, self.comma)
                if isinstance(now, Fraction) and "," not in text:
                    others = {**values, field: now}
                    alphas = (others["alpha"], *pinned)
                    assert not whole_fits(others["start"], others["step"], int(others["count"]), alphas), (
                        where
                    )
                if "the sweep keeps" not in problem and field in self.edit_began:
                    assert values[field] == self.edit_began[field], where
            if field not in typed and before[field] != (text, box.decimal_value()):
                # changed without typing: exactly the text it shows, nothing refused
                assert not problem and read(text, field, True) == values[field], where
                self.edit_began.pop(field, None)
                if self.focus == field:
                    self.focus = None
        alphas = (values["alpha"], *pinned)
        assert whole_fits(values["start"], values["step"], int(values["count"]), alphas), where
        start, step_x, count, alpha = (box.decimal_value() for box in self.boxes.values())
        precision = self.window.inputs.dtype.currentData()
        expected = SweepParams(start, step_x, int(count), (alpha, *pinned), precision)
        assert self.window.params == expected, where
        assert model is None or model.source == expected, where
        assert self.window.model.rowCount() == count, where


STEPS = (
    (Walk.type, 50), (Walk.pin, 10), (Walk.unpin, 9), (Walk.preset, 8), (Walk.precision, 5),
    (Walk.slide, 6), (Walk.arrow, 4), (Walk.reset, 2),
)  # fmt: skip


def walk(window, seed: int, steps: int, monkeypatch) -> Walk:
    # The plot and the info panel are checked by test_one_judge's walk; here, where only the
    # inputs are, they would take nine tenths of the time.
    monkeypatch.setattr(window.plot, "show_sweep", lambda *_: None)
    monkeypatch.setattr(window.info, "show_sweep", lambda *_: None)
    rng = random.Random(seed)
    actions, weights = zip(*STEPS, strict=True)
    state = Walk(window, rng)
    refused = 0
    try:
        for step in range(steps):
            before, focus = state.shown(), state.focus
            action = rng.choices(actions, weights)[0]
            action(state)
            typed = {state.log[-1].split()[2].partition("=")[0], focus} if action is Walk.type else set()
            state.check(step, typed, before)
            refused += any(box.problem() for box in state.boxes.values())
    finally:
        QLocale.setDefault(QLocale.c())
    assert refused >= steps // 10, "the walk met many refused texts"
    return state


def test_a_short_walk(window, monkeypatch):
    walk(window, 23, 300, monkeypatch)


@pytest.mark.slow
@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_random_walk_shows_what_each_box_holds(window, seed, monkeypatch):
    """5 seeds x 2,000 steps."""
    walk(window, seed, 2000, monkeypatch)
