"""The maths of leaky_gui: Leaky ReLU, presets, the exact sweep and number text.

Pure Python and numpy, no Qt: the command line, the CSV writer and the window all
come here for numbers, so there is exactly one definition of each.

Exactness. Every input is kept as the decimal the user typed. A value with ``d``
decimals is an integer numerator over ``10**d``, so ``x_i = (S + i*T) / 10**d`` and
``alpha*x_i = (A*(S + i*T)) / 10**(d+e)`` are quotients of integers, and Python's
``int / int`` is correctly rounded: every number is the double nearest the exact
decimal result, never ``-0.037000000000000005`` or a ``5.55e-17`` that should be 0.
"""

from __future__ import annotations

import math
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

__all__ = [
    "DEFAULT_ALPHA",
    "DEFAULT_COUNT",
    "DEFAULT_START",
    "DEFAULT_STEP",
    "MAX_GUI_COUNT",
    "ExactNumber",
    "ParameterError",
    "SweepParams",
    "decimal_label",
    "format_label",
    "format_number",
    "leaky_relu",
    "leaky_relu_derivative",
    "parse_count",
    "parse_decimal",
    "zero_crossing_text",
]

# The one place that knows the defaults (the web calculator's, and PyTorch's alpha).
DEFAULT_START = Decimal("-4")
DEFAULT_STEP = Decimal("0.05")
DEFAULT_COUNT = 101
DEFAULT_ALPHA = Decimal("0.01")
#: The window's largest sweep (the command line streams any count).
MAX_GUI_COUNT = 100_000_000


class ParameterError(ValueError):
    """A user-supplied value that cannot be used; ``field`` names the input."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


# ---------------------------------------------------------------------------
# Number text

_DECIMAL_TEXT = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?", re.ASCII)
# Beyond these the value is no double at all (overflow), or rounds to zero.
_MAX_DOUBLE = Decimal(sys.float_info.max)
_MIN_EXPONENT = -330  # 4.9e-324 is the smallest subnormal


def format_number(value: float) -> str:
    """Shortest text that reads back to ``value`` (Python's repr), '.' as point, never '-0.0'."""
    return repr(float(value) + 0.0)


def format_label(value: float | Decimal) -> str:
    """Number text for names and legends: format_number without a bare '.0' ('0', '1', '0.01')."""
    text = format_number(float(value))
    return text[:-2] if text.endswith(".0") else text


def decimal_label(value: Decimal) -> str:
    """A decimal in the app's one number style, digit for digit: '-4', '0.05', '1e-11', '1.5e+20'.

    The style is format_label's (Python's repr without a bare '.0'): plain notation from
    1e-4 up to 1e16, scientific outside. For a decimal that is a double's shortest text the
    two agree, ``decimal_label(Decimal(repr(f))) == format_label(f)``; longer decimals keep
    every digit typed, as the sweep computes with them all.
    """
    if not value:
        return "0"
    value = value.normalize()
    sign, digits, _ = value.as_tuple()
    exponent = value.adjusted()
    text = "".join(map(str, digits))
    if -4 <= exponent < 16:
        return format(value, "f")
    mantissa = text[0] + ("." + text[1:] if len(text) > 1 else "")
    return f"{'-' if sign else ''}{mantissa}e{'-' if exponent < 0 else '+'}{abs(exponent):02d}"


def parse_decimal(
    text: str | float | int | Decimal, field: str = "value", decimal_comma: bool = False
) -> Decimal:
    """Decimal from text as typed ('-4', '1e-3', '-2.5e2'), or ParameterError naming ``field``.

    '.' is always the decimal point. With ``decimal_comma`` (a locale that writes 0,05) a
    single ',' is one too; otherwise a ',' is refused with a hint, never dropped.
    """
    if isinstance(text, Decimal):
        value = text
    elif isinstance(text, bool):
        raise ParameterError(field, f"not a number: {text!r}")
    elif isinstance(text, int):
        value = Decimal(text)
    elif isinstance(text, float):
        if not math.isfinite(text):
            raise ParameterError(field, f"must be a finite number, not {text!r}")
        value = Decimal(repr(text))  # the shortest text is what was typed
    else:
        stripped = str(text).strip()
        if not stripped:
            raise ParameterError(field, "is empty; type a number such as -4 or 1e-3")
        if "," in stripped:
            stripped = _decimal_comma_to_point(stripped, field, decimal_comma)
        if not _DECIMAL_TEXT.fullmatch(stripped):
            lowered = stripped.lower().lstrip("+-")
            if lowered in {"nan", "inf", "infinity"}:
                raise ParameterError(field, f"must be a finite number, not {stripped!r}")
            raise ParameterError(field, f"not a number: {stripped!r}")
        try:
            value = Decimal(stripped)
        except InvalidOperation:  # pragma: no cover - the pattern already matched
            raise ParameterError(field, f"not a number: {stripped!r}") from None
    shown = text.strip() if isinstance(text, str) else str(value)
    if not value.is_finite():
        raise ParameterError(field, f"must be a finite number, not {shown}")
    if value and value.adjusted() < _MIN_EXPONENT:
        raise ParameterError(field, f"{shown} is too small for a double (below 5e-324)")
    if abs(value) > _MAX_DOUBLE:
        raise ParameterError(field, f"{shown} is too large for a double (above 1.8e308)")
    return value


def _decimal_comma_to_point(text: str, field: str, decimal_comma: bool) -> str:
    if not decimal_comma:
        raise ParameterError(field, f"use '.' as the decimal point, not ',' ({text!r})")
    if "." in text or text.count(",") > 1:
        raise ParameterError(
            field, f"write one decimal comma or point and no thousands separators ({text!r})"
        )
    return text.replace(",", ".")


def parse_count(text: str | int, field: str = "count", maximum: int | None = None) -> int:
    """A whole number of points >= 1 (and <= ``maximum`` when given)."""
    if isinstance(text, bool):
        raise ParameterError(field, f"must be a whole number, not {text!r}")
    if isinstance(text, int):
        count = text
    else:
        stripped = str(text).strip()
        if not re.fullmatch(r"[+-]?\d+", stripped):
            raise ParameterError(field, f"must be a whole number of points, not {stripped!r}")
        count = int(stripped)
    if count < 1:
        raise ParameterError(field, f"must be at least 1, not {count}")
    if maximum is not None and count > maximum:
        raise ParameterError(field, f"must be at most {maximum:,}, not {count:,}")
    return count


# ---------------------------------------------------------------------------
# Exact numbers as scaled integers


@dataclass(frozen=True)
class ExactNumber:
    """``numerator / 10**scale`` with scale >= 0 and no needless trailing zeros."""

    numerator: int
    scale: int

    @classmethod
    def of(cls, value: Decimal) -> ExactNumber:
        sign, digits, exponent = value.as_tuple()
        numerator = int("".join(map(str, digits)) or "0")
        if sign:
            numerator = -numerator
        if exponent >= 0:
            return cls(numerator * 10**exponent, 0)
        scale = -exponent
        while scale and numerator % 10 == 0:
            numerator //= 10
            scale -= 1
        return cls(numerator, scale)

    def to_float(self) -> float:
        """The double nearest the exact value (raises OverflowError beyond the doubles)."""
        return _nearest_double(self.numerator, self.scale)


def _nearest_double(numerator: int, scale: int) -> float:
    # int / int is correctly rounded in CPython; +0.0 turns a -0.0 into 0.0.
    if numerator == 0:
        return 0.0
    return numerator / 10**scale + 0.0


def _leaky_exact(x: ExactNumber, alpha: ExactNumber) -> float:
    if x.numerator > 0:
        return x.to_float()
    return _nearest_double(alpha.numerator * x.numerator, alpha.scale + x.scale)


def leaky_relu(x: float | int | str | Decimal, alpha: float | int | str | Decimal = DEFAULT_ALPHA) -> float:
    """f(x) = x if x > 0 else alpha*x, the double nearest the exact decimal result.

    Floats count as the decimal their shortest text shows, so
    ``leaky_relu(-3.7)`` is -0.037, not -0.037000000000000005.
    """
    ex = ExactNumber.of(parse_decimal(x, "x"))
    ea = ExactNumber.of(parse_decimal(alpha, "alpha"))
    try:
        return _leaky_exact(ex, ea)
    except OverflowError:
        raise ParameterError("x", f"alpha*x runs beyond the largest double for x={x}") from None


def leaky_relu_derivative(
    x: float | int | str | Decimal, alpha: float | int | str | Decimal = DEFAULT_ALPHA
) -> float:
    """f'(x) = 1 if x > 0 else alpha (so f'(0) = alpha, as in PyTorch and TensorFlow)."""
    if parse_decimal(x, "x") > 0:
        return 1.0
    return float(parse_decimal(alpha, "alpha")) + 0.0


# ---------------------------------------------------------------------------
# The sweep


@dataclass(frozen=True)
class SweepParams:
    """Validated sweep inputs: x_i = start + i*step for i in 0..count-1, and the alphas.

    ``alphas[0]`` is the current alpha; further ones are compared against it.
    """

    start: Decimal = DEFAULT_START
    step: Decimal = DEFAULT_STEP
    count: int = DEFAULT_COUNT
    alphas: tuple[Decimal, ...] = (DEFAULT_ALPHA,)
    # Derived once: the integer form of the inputs (not part of equality).
    _start_num: int = field(init=False, repr=False, compare=False)
    _step_num: int = field(init=False, repr=False, compare=False)
    _scale: int = field(init=False, repr=False, compare=False)
    _alphas_exact: tuple[ExactNumber, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        start = parse_decimal(self.start, "start")
        step = parse_decimal(self.step, "step")
        count = parse_count(self.count)
        if not self.alphas:
            raise ParameterError("alpha", "at least one alpha is needed")
        alphas = tuple(parse_decimal(a, "alpha") for a in self.alphas)
        if step == 0:
            raise ParameterError("step", "must not be 0 (every point would be the same)")
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "step", step)
        object.__setattr__(self, "count", count)
        object.__setattr__(self, "alphas", alphas)
        es, et = ExactNumber.of(start), ExactNumber.of(step)
        scale = max(es.scale, et.scale)
        object.__setattr__(self, "_start_num", es.numerator * 10 ** (scale - es.scale))
        object.__setattr__(self, "_step_num", et.numerator * 10 ** (scale - et.scale))
        object.__setattr__(self, "_scale", scale)
        object.__setattr__(self, "_alphas_exact", tuple(ExactNumber.of(a) for a in alphas))
        self._check_range()

    @classmethod
    def from_text(
        cls,
        start: str | Decimal = DEFAULT_START,
        step: str | Decimal = DEFAULT_STEP,
        count: str | int = DEFAULT_COUNT,
        alphas: Iterable[str | Decimal] = (DEFAULT_ALPHA,),
        max_count: int | None = None,
    ) -> SweepParams:
        """Parse typed values, naming the field of the first one that is wrong."""
        return cls(
            parse_decimal(start, "start"),
            parse_decimal(step, "step"),
            parse_count(count, maximum=max_count),
            tuple(parse_decimal(a, "alpha") for a in alphas),
        )

    def _check_range(self) -> None:
        # f is piecewise linear, so the extremes of x and every f are at the two ends.
        for i in (0, self.count - 1):
            try:
                self.x(i)
            except OverflowError:
                raise ParameterError("count", "the sweep runs beyond the largest double (1.8e308)") from None
            for alpha in self.alphas:
                try:
                    self.f(i, alpha)
                except OverflowError:
                    raise ParameterError(
                        "alpha", f"alpha={alpha} times x runs beyond the largest double"
                    ) from None

    @property
    def alpha(self) -> Decimal:
        """The current alpha."""
        return self.alphas[0]

    def with_alphas(self, alphas: Iterable[Decimal]) -> SweepParams:
        return SweepParams(self.start, self.step, self.count, tuple(alphas))

    # -- single points -------------------------------------------------------

    def x_numerator(self, i: int) -> int:
        """x_i * 10**scale, exactly."""
        return self._start_num + i * self._step_num

    @property
    def step_numerator(self) -> int:
        """step * 10**scale, exactly."""
        return self._step_num

    @property
    def scale(self) -> int:
        """Decimals shared by start and step."""
        return self._scale

    def exact_alpha(self, alpha: Decimal) -> ExactNumber:
        for a, exact in zip(self.alphas, self._alphas_exact, strict=True):
            if a == alpha:
                return exact
        return ExactNumber.of(alpha)

    def x(self, i: int) -> float:
        """x_i, the double nearest start + i*step."""
        return _nearest_double(self.x_numerator(i), self._scale)

    def f(self, i: int, alpha: Decimal | None = None) -> float:
        """f(x_i) for ``alpha`` (the current alpha by default), exactly rounded."""
        a = self._alphas_exact[0] if alpha is None else self.exact_alpha(alpha)
        return _leaky_exact(ExactNumber(self.x_numerator(i), self._scale), a)

    def df(self, i: int, alpha: Decimal | None = None) -> float:
        """f'(x_i): 1 where x_i > 0, else alpha."""
        if self.x_numerator(i) > 0:
            return 1.0
        return float(self.alpha if alpha is None else alpha) + 0.0

    @property
    def x_first(self) -> float:
        return self.x(0)

    @property
    def x_last(self) -> float:
        return self.x(self.count - 1)

    def zero_crossing_index(self) -> int | None:
        """First i at which the sweep reaches or passes x = 0 (the kink), or None.

        The defaults give 80: x_80 = -4 + 80*0.05 = 0 exactly.
        """
        s, t = self._start_num, self._step_num
        if s == 0:
            return 0
        if (s < 0) == (t < 0):
            return None  # moving away from zero
        # Smallest i with s + i*t on the far side of (or at) zero: ceil(|s| / |t|).
        i = -(-abs(s) // abs(t))
        return i if i < self.count else None

    def derivative_points(self, alpha: Decimal | None = None) -> tuple[list[float], list[float]]:
        """f' over [x_0, x_last] as a step: alpha up to and including 0, then 1.

        The vertical segment sits at x = 0, where f' jumps; f'(0) = alpha.
        """
        a = float(self.alpha if alpha is None else alpha) + 0.0
        ends = sorted((0, self.count - 1), key=self.x_numerator)
        lo, hi = self.x_numerator(ends[0]), self.x_numerator(ends[1])
        x_lo, x_hi = self.x(ends[0]), self.x(ends[1])
        if hi <= 0:
            return [x_lo, x_hi], [a, a]
        if lo > 0:
            return [x_lo, x_hi], [1.0, 1.0]
        return [x_lo, 0.0, 0.0, x_hi], [a, a, 1.0, 1.0]

    def f_range(self, alpha: Decimal | None = None) -> tuple[float, float]:
        """Smallest and largest f over the sweep (at the ends or the kink)."""
        _, ys = self.curve_points(alpha)
        return min(ys), max(ys)

    def curve_points(self, alpha: Decimal | None = None) -> tuple[list[float], list[float]]:
        """The whole curve over [x_0, x_last] as at most three vertices: ends and the kink.

        f is linear on each side of 0, so a line through these points is exact at any count.
        """
        a = self.alpha if alpha is None else alpha
        ends = sorted((0, self.count - 1), key=self.x_numerator)
        lo, hi = self.x_numerator(ends[0]), self.x_numerator(ends[1])
        xs = [self.x(ends[0])]
        ys = [self.f(ends[0], a)]
        if lo < 0 < hi:
            xs.append(0.0)
            ys.append(0.0)
        if hi != lo:
            xs.append(self.x(ends[1]))
            ys.append(self.f(ends[1], a))
        return xs, ys


def zero_crossing_text(index: int | None) -> str:
    """How every surface words where a sweep reaches x = 0: 'i = 80', or that it does not."""
    return "none (the sweep stays on one side of 0)" if index is None else f"i = {index:,}"
