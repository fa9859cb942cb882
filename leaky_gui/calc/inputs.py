"""The inputs as one model: the sweep boxes' values, texts and refusals, and the one judge.

No widgets. The boxes forward what is typed (``propose``), Enter (``finish``), Escape
(``undo``) and the arrows (``step``); presets, resets, restores, the precision, the pinned
alphas and your own values arrive through their own verbs. Each decides once, against the
whole (start, step, count, the current alpha, every pinned alpha, the precision and the
values on show), builds the source of x once, and leaves the boxes' texts, values and
messages for the widgets to show. So what a box shows is its value, or a refused text
with its message while the value is the one the box held when that edit began.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from decimal import Decimal, localcontext
from typing import TYPE_CHECKING

from leaky_gui.calc.precision import DEFAULT_PRECISION, PRECISIONS
from leaky_gui.calc.sweep import (
    DEFAULT_ALPHA,
    DEFAULT_COUNT,
    DEFAULT_START,
    DEFAULT_STEP,
    SweepParams,
    whole_sweep_problem,
)
from leaky_gui.calc.text import ParameterError, decimal_label, parse_decimal

if TYPE_CHECKING:
    from leaky_gui.calc.source import XSource
    from leaky_gui.calc.values import Values

FIELDS = ("start", "step", "count", "alpha")
#: The fields that make the sweep: typing in one means the sweep, not your values.
SWEEP_FIELDS = ("start", "step", "count")
FIELD_NAMES = {"start": "start x", "step": "step x", "count": "count", "alpha": "alpha"}
STEPS = {"start": Decimal("0.5"), "step": Decimal("0.01"), "count": Decimal(1), "alpha": Decimal("0.01")}
_INCOMPLETE_TEXTS = {"", "-", "+", ".", "-.", "+."}


@dataclass(frozen=True)
class Box:
    """One box as the model holds it.

    ``text`` is what the box shows; ``problem`` says why that text is not the value ('' when
    it is), and ``incomplete`` that the text is on its way to a number (the value stays as
    it was until Enter refuses it); ``before`` is the value the box held when the edit in
    progress began (None when no edit is open: Enter, leaving the box or Escape ends it).
    """

    value: Decimal
    text: str
    problem: str = ""
    before: Decimal | None = None
    incomplete: bool = False
    #: Why the value is not the one from before the edit (a pin ruled that out), as ``problem`` ends.
    keeps: str = ""

    @property
    def refused(self) -> bool:
        """The text is no usable value (not merely unfinished)."""
        return bool(self.problem) and not self.incomplete


class InputsModel:
    """Start, step, count, alpha, the precision, the pinned alphas and your values; one judge.

    ``max_count`` is the largest count the boxes take; ``decimal_comma()`` says whether ','
    is the decimal point now (the desktop's locale). ``source`` is the XSource on show.
    """

    def __init__(self, max_count: int, decimal_comma: Callable[[], bool] = lambda: False) -> None:
        self.max_count = max_count
        self._decimal_comma = decimal_comma
        defaults = dict(
            zip(FIELDS, (DEFAULT_START, DEFAULT_STEP, Decimal(DEFAULT_COUNT), DEFAULT_ALPHA), strict=True)
        )
        self._boxes = {name: Box(value, self.label(name, value)) for name, value in defaults.items()}
        self.precision = DEFAULT_PRECISION
        self.pinned: tuple[Decimal, ...] = ()
        self.values: Values | None = None
        self.refusal = ""  # why the last preset, reset or precision was refused
        self._answers: dict[tuple, tuple[XSource | None, str]] = {}
        self.source: XSource = self._judge(self._inputs())[0]  # type: ignore[assignment]

    # -- what the widgets show --------------------------------------------------

    def box(self, name: str) -> Box:
        return self._boxes[name]

    def inputs(self) -> tuple[Decimal, Decimal, int, Decimal]:
        """start, step, count and alpha as they stand."""
        start, step, count, alpha = (self._boxes[name].value for name in FIELDS)
        return start, step, int(count), alpha

    def problems(self) -> list[str]:
        """Each box's complaint about its text, as 'start x: ...', in tab order."""
        return [f"{FIELD_NAMES[n]}: {b.problem}" for n, b in self._boxes.items() if b.problem]

    def message(self) -> str:
        """The first box's complaint, else why the last preset, reset or precision was refused."""
        problems = self.problems()
        return problems[0] if problems else self.refusal

    def label(self, name: str, value: Decimal) -> str:
        """The text a box shows for ``value``: the app's one number style, digits for count."""
        return str(int(value)) if name == "count" else decimal_label(value)

    # -- typing -----------------------------------------------------------------

    def propose(self, name: str, text: str) -> None:
        """A keystroke: ``text`` is what the box shows now; it becomes the value if the whole takes it."""
        box = self._boxes[name]
        before = box.value if box.before is None else box.before
        value, problem, incomplete = self._read(name, text)
        if incomplete:
            self._boxes[name] = Box(box.value, text, problem, before, incomplete=True)
            return
        if not problem:
            source, problem = self._judge(self._inputs(name, value), to_sweep=name in SWEEP_FIELDS)
            if not problem:
                self._take(name, Box(value, text, "", before), source, to_sweep=name in SWEEP_FIELDS)
                return
        self._refuse(name, text, problem, before)

    def finish(self, name: str) -> None:
        """Enter, or the box left: the edit is over. A usable text is shown in the one number
        style; an unfinished one is refused; a refused one stays with its message, and the
        value is the one from before the edit. In a sweep box an edit means the sweep,
        whatever was typed."""
        box = self._boxes[name]
        if box.before is None:
            if not box.problem:  # refused text taken meanwhile: now in the one number style
                self._boxes[name] = Box(box.value, self.label(name, box.value))
            return
        if box.incomplete:
            self._refuse(name, box.text, box.problem, box.before)
        box = self._boxes[name]
        text = box.text if box.problem else self.label(name, box.value)
        self._boxes[name] = Box(box.value, text, box.problem, keeps=box.keeps if box.problem else "")
        if name in SWEEP_FIELDS and self.values is not None:
            self.back_to_sweep()

    def undo(self, name: str) -> None:
        """Escape: the value from before the edit, text and all; should the whole refuse it now
        (an alpha pinned meanwhile), the value the box holds."""
        box = self._boxes[name]
        value = box.value if box.before is None else box.before
        source, problem = self._judge(self._inputs(name, value))
        if problem:
            value, source = box.value, self.source
        self._take(name, Box(value, self.label(name, value)), source)

    def step(self, name: str, steps: int) -> None:
        """The arrows: exactly ``steps`` steps in decimals, over 0 where 0 is refused; no move
        if the result is refused."""
        value = self._boxes[name].value
        with localcontext() as context:  # exact: the digits, plus the doubles' span of exponents
            context.prec = len(value.as_tuple().digits) + len(STEPS[name].as_tuple().digits) + 700
            value = value + steps * STEPS[name]
        if name == "step" and value == 0:
            value = STEPS[name] if steps > 0 else -STEPS[name]
        if name == "count":
            value = min(max(value, Decimal(1)), Decimal(self.max_count))
        self.set(name, value, to_sweep=name in SWEEP_FIELDS)

    def can_step(self, name: str, steps: int) -> bool:
        """Whether the arrows may move ``name`` by ``steps`` (count stays within its range)."""
        value = self._boxes[name].value
        return name != "count" or (value < self.max_count if steps > 0 else value > 1)

    # -- values set as a whole ----------------------------------------------------

    def set(self, name: str, value: Decimal, *, to_sweep: bool = False) -> str:
        """Make ``value`` the value of ``name`` (a preset, the slider, an arrow), shown in the
        one number style; refused if the box or the whole cannot take it. Returns why, or ''."""
        if problem := self._own_problem(name, value):
            return problem
        source, problem = self._judge(self._inputs(name, value), to_sweep=to_sweep)
        if not problem:
            self.refusal = ""
            self._take(name, Box(value, self.label(name, value)), source, to_sweep=to_sweep)
        return problem

    def set_inputs(self, start: Decimal, step: Decimal, count: int, alpha: Decimal) -> str:
        """All four at once (a reset, a restore), judged together: set one by one, a box could
        refuse a value that only the others make possible. Returns why they were refused, or ''."""
        values = dict(zip(FIELDS, (start, step, Decimal(count), alpha), strict=True))
        for name, value in values.items():
            if problem := self._own_problem(name, value):
                return f"{FIELD_NAMES[name]}: {problem}"
        source, problem = self._judge(tuple(values.values()))
        if problem:
            return problem
        self._boxes = {name: Box(value, self.label(name, value)) for name, value in values.items()}
        self.refusal = ""
        self._take(None, None, source)
        return ""

    def set_precision(self, precision: str) -> str:
        """Compute in ``precision`` if the whole takes it; else why not."""
        if precision not in PRECISIONS:
            return f"unknown precision {precision!r}"
        source, problem = self._judge(self._inputs(), precision=precision)
        if not problem:
            self.precision, self.refusal = precision, ""
            self._take(None, None, source)
        return problem

    def pin_problem(self, alpha: Decimal) -> str:
        """Why pinning ``alpha`` as well makes no source, or '' (said by the sweep with it alone)."""
        problem = self._judge(self._inputs(), pinned=(*self.pinned, alpha))[1]
        if problem:
            start, step, count, _ = self._inputs()
            return self._judge((start, step, count, alpha), pinned=(), values=None)[1] or problem
        return ""

    def set_pinned(self, alphas: Iterable[Decimal]) -> str:
        """The alphas pinned beside the current one; refused text is judged again without the
        ones that went. Returns why the whole refuses them ('' when taken)."""
        alphas = tuple(alphas)
        if alphas == self.pinned:
            return ""
        source, problem = self._judge(self._inputs(), pinned=alphas)
        if not problem:
            self.pinned = alphas
            self._take(None, None, source)
        return problem

    def show_values(self, values: Values) -> str:
        """Your values instead of the sweep, if the alphas and precision take them; else why not."""
        source, problem = self._judge(self._inputs(), values=values)
        if not problem:
            self._set_values(values)
            self._take(None, None, source)
        return problem

    def back_to_sweep(self) -> None:
        """The sweep of the boxes again instead of your values."""
        if self.values is not None:
            self._set_values(None)
            self._take(None, None, self._judge(self._inputs())[0])

    def refuse(self, reason: str) -> None:
        """Say why a preset, a reset or a precision was not taken (until the next change)."""
        self.refusal = reason

    # -- the one judge --------------------------------------------------------------

    def _judge(
        self,
        inputs: tuple[Decimal, ...],
        *,
        pinned: tuple[Decimal, ...] | None = None,
        precision: str | None = None,
        values: Values | bool | None = True,  # True: the values on show
        to_sweep: bool = False,
    ) -> tuple[XSource | None, str]:
        """(source, '') for these inputs with everything else as it stands, or (None, why not).

        The sweep must be possible even while your values show (for Back to Sweep); with them
        on show, the alphas and precision must suit them too. Built once: a few recent answers
        are kept, so going back to a value judged a moment ago builds nothing.
        """
        pinned = self.pinned if pinned is None else pinned
        precision = self.precision if precision is None else precision
        shown = None if to_sweep else (self.values if values is True else values)
        start, step, count, alpha = inputs
        # Answers are kept for the sweep and for the values on show (forgotten when they go).
        key = (start, step, int(count), alpha, pinned, precision, shown is None)
        keep = shown is None or shown is self.values
        if keep and key in self._answers:
            return self._answers[key]
        try:
            source: XSource = SweepParams(start, step, int(count), (alpha, *pinned), precision)
        except ParameterError as error:
            answer: tuple[XSource | None, str] = None, whole_sweep_problem(error)
        else:
            answer = source, ""
            if shown is not None:
                try:
                    answer = shown.with_alphas((alpha, *pinned)).with_precision(precision), ""
                except ParameterError as error:
                    answer = None, f"{error.message}, for {shown.name}"
        if keep:
            if len(self._answers) >= 8:
                self._answers.pop(next(iter(self._answers)))
            self._answers[key] = answer
        return answer

    def _inputs(self, name: str | None = None, value: Decimal | None = None) -> tuple[Decimal, ...]:
        """The four values as they stand, with ``name`` set to ``value``."""
        return tuple(value if n == name else b.value for n, b in self._boxes.items())

    def _take(
        self, name: str | None, box: Box | None, source: XSource | None, *, to_sweep: bool = False
    ) -> None:
        """``box`` for ``name`` and ``source`` on show; then refused texts are judged again."""
        assert source is not None
        if name is not None and box is not None:
            changed = box.value != self._boxes[name].value
            self._boxes[name] = box
            if changed:
                self.refusal = ""
        if to_sweep:
            self._set_values(None)
        self.source = source
        self._rejudge()

    def _set_values(self, values: Values | None) -> None:
        if values is not self.values:
            self._answers = {key: answer for key, answer in self._answers.items() if key[-1]}
            self.values = values

    def _rejudge(self) -> None:
        """Judge refused text again as the text its box shows now: what refused it (a pinned
        alpha, another box) may be gone. Taken, it is the value, and the edit is over."""
        taken = True
        while taken:
            taken = False
            for name, box in self._boxes.items():
                if not box.refused:
                    continue
                value, problem, _ = self._read(name, box.text)
                if not problem:
                    source, problem = self._judge(self._inputs(name, value))
                    if not problem:
                        self._boxes[name] = Box(value, box.text)
                        self.source = source  # type: ignore[assignment]
                        self.refusal = ""
                        taken = True
                        continue
                self._boxes[name] = replace(box, problem=problem + box.keeps)

    def _refuse(self, name: str, text: str, problem: str, before: Decimal | None) -> None:
        """Text that is no usable value: kept with its message, and the value goes back to the one
        from before the edit. Should the whole refuse that now (an alpha pinned during the edit),
        the box keeps the value it has, and the message says so."""
        box = self._boxes[name]
        if before is None or before == box.value:
            self._boxes[name] = Box(box.value, text, problem, before)
            return
        source, ruled_out = self._judge(self._inputs(name, before))
        if ruled_out:
            kept, old = self.label(name, box.value), self.label(name, before)
            note = f" (the sweep keeps {kept}: {old}, from before the edit, is ruled out now)"
            self._boxes[name] = Box(box.value, text, problem + note, before, keeps=note)
            return
        self._take(name, Box(before, text, problem, before), source)

    # -- a box's own rules ------------------------------------------------------------

    def _read(self, name: str, text: str) -> tuple[Decimal, str, bool]:
        """(value, '', False) for text the box takes by its own rules, else (0, why not,
        whether the text is on its way to a number)."""
        stripped = text.strip()
        if name == "count":
            return self._read_count(stripped)
        comma = self._decimal_comma()
        if stripped in _INCOMPLETE_TEXTS or (comma and stripped in {",", "-,", "+,"}):
            return Decimal(0), "incomplete number", True
        if stripped.lower().endswith(("e", "e-", "e+")):
            return Decimal(0), "incomplete number", True
        try:
            value = parse_decimal(stripped, "value", decimal_comma=comma)
        except ParameterError as error:
            return Decimal(0), error.message, False
        if name == "step" and value == 0:
            return Decimal(0), "must not be 0", False
        return value, "", False

    def _read_count(self, stripped: str) -> tuple[Decimal, str, bool]:
        if not stripped:
            return Decimal(0), "type a whole number", True
        if not (stripped.isascii() and stripped.isdigit()):
            return Decimal(0), f"digits 0-9 only, no signs or separators ({stripped!r})", False
        value = int(stripped)
        if not 1 <= value <= self.max_count:
            return Decimal(0), f"must be from 1 to {self.max_count:,}", False
        return Decimal(value), "", False

    def _own_problem(self, name: str, value: Decimal) -> str:
        """Why the box cannot hold ``value`` by its own rules (digits, range, not 0), or ''."""
        if name == "count" and Decimal(value) != int(value):
            return f"must be a whole number, not {value}"
        return self._read(name, self.label(name, Decimal(value)))[1]
