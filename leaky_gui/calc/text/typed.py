"""Typed text judged (no Qt): the boxes, the command line and every reader judge a number here.

``judge_decimal`` gives (negative, n, q) of a decimal whose nearest double is usable, or a
``TextError`` with a code; ``parse_decimal`` and ``parse_count`` give a field's value or a
``ParameterError`` naming the field. Moved from ``calc.text.parse``, which re-exports them.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal

from leaky_gui.calc.text.nearest import nearest_double, scan_text

# ---------------------------------------------------------------------------
# Typed text: the boxes, the command line and every reader judge it here


class TextError(ValueError):
    """Text that names no usable number; ``code`` says why, ``text`` is what was given."""

    EMPTY = "empty"
    NOT_A_NUMBER = "not-a-number"
    NOT_FINITE = "not-finite"
    TOO_LARGE = "too-large"
    TOO_SMALL = "too-small"
    DECIMAL_COMMA = "decimal-comma"  # a ',' where '.' is the point
    COMMA_LAYOUT = "comma-layout"  # more than one decimal comma or point
    NOT_WHOLE = "not-whole"  # a count that is no whole number
    OUT_OF_RANGE = "out-of-range"  # a count below 1 or above its maximum

    def __init__(self, code: str, text: str) -> None:
        super().__init__(f"{code}: {text!r}")
        self.code = code
        self.text = text


class ParameterError(ValueError):
    """A user-supplied value that cannot be used; ``field`` names the input, ``code`` the
    reason (a ``TextError`` code, or "" for a reason of the caller's own), ``row`` the row of
    a source of values the reason is in, when it is in one, and ``alpha_index`` which of a
    source's alphas runs beyond the doubles (0: the current one, further: a pinned one)."""

    def __init__(self, field: str, message: str, code: str = "") -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message
        self.code = code
        self.row: int | None = None
        self.alpha_index: int | None = None


def judge_decimal(text: str) -> tuple[bool, int, int]:
    """(negative, n, q) of a decimal text whose nearest double is usable, or TextError.

    Zero written any way is (sign, 0, 0). A nonzero decimal whose nearest double is 0 is
    TOO_SMALL, one whose nearest double is infinite TOO_LARGE.
    """
    scanned = scan_text(text)
    if scanned is None:
        if not text:
            raise TextError(TextError.EMPTY, text)
        if text.lower().lstrip("+-") in ("nan", "inf", "infinity"):
            raise TextError(TextError.NOT_FINITE, text)
        raise TextError(TextError.NOT_A_NUMBER, text)
    negative, n, q = scanned
    if n:
        nearest = nearest_double(n, q)
        if nearest == 0.0:
            raise TextError(TextError.TOO_SMALL, text)
        if nearest == math.inf:
            raise TextError(TextError.TOO_LARGE, text)
    return negative, n, q


_MESSAGES = {
    TextError.EMPTY: "is empty; type a number such as -4 or 1e-3",
    TextError.TOO_SMALL: "{} is too small for a double: its nearest double is 0",
    TextError.TOO_LARGE: "{} is too large for a double: its nearest double is infinite (beyond 1.8e308)",
    TextError.NOT_FINITE: "must be a finite number, not {}",
    TextError.NOT_A_NUMBER: "not a number: {!r}",
}


def parse_decimal(
    text: str | float | int | Decimal, field: str = "value", decimal_comma: bool = False
) -> Decimal:
    """Decimal from text as typed ('-4', '1e-3', '-2.5e2'), or ParameterError naming ``field``.

    '.' is always the decimal point. With ``decimal_comma`` (a locale that writes 0,05) a
    single ',' is one too; otherwise a ',' is refused with a hint, never dropped. The
    value's nearest double must be finite, and nonzero unless the value is 0
    (``judge_decimal``); zero written any way is 0 (or -0).
    """
    if isinstance(text, bool):
        raise ParameterError(field, f"not a number: {text!r}", TextError.NOT_A_NUMBER)
    if isinstance(text, Decimal):
        value, shown = text, str(text)
        if not value.is_finite():
            raise ParameterError(field, f"must be a finite number, not {shown}", TextError.NOT_FINITE)
        checked = shown
    elif isinstance(text, int):
        value, shown = Decimal(text), str(text)
        checked = shown
    elif isinstance(text, float):
        if not math.isfinite(text):
            raise ParameterError(field, f"must be a finite number, not {text!r}", TextError.NOT_FINITE)
        shown = repr(text)  # the shortest text is what was typed
        value, checked = Decimal(shown), shown
    else:
        shown = str(text).strip()
        checked = shown
        if "," in shown:
            checked = _decimal_comma_to_point(shown, field, decimal_comma)
        value = None
    try:
        negative, n, _ = judge_decimal(checked)
    except TextError as exc:
        raise ParameterError(field, _MESSAGES[exc.code].format(shown), exc.code) from None
    if value is None:
        value = Decimal(checked)
    if not n:
        return Decimal("-0") if negative else Decimal(0)  # 0e-999999999 is 0: no huge scale
    return value


def _decimal_comma_to_point(text: str, field: str, decimal_comma: bool) -> str:
    if not decimal_comma:
        raise ParameterError(
            field, f"use '.' as the decimal point, not ',' ({text!r})", TextError.DECIMAL_COMMA
        )
    if "." in text or text.count(",") > 1:
        raise ParameterError(
            field,
            f"write one decimal comma or point and no thousands separators ({text!r})",
            TextError.COMMA_LAYOUT,
        )
    return text.replace(",", ".")


def parse_count(text: str | int, field: str = "count", maximum: int | None = None) -> int:
    """A whole number of points >= 1 (and <= ``maximum`` when given)."""
    if isinstance(text, bool):
        raise ParameterError(field, f"must be a whole number, not {text!r}", TextError.NOT_WHOLE)
    if isinstance(text, int):
        count = text
    else:
        stripped = str(text).strip()
        if not re.fullmatch(r"[+-]?\d+", stripped, re.ASCII):
            raise ParameterError(
                field, f"must be a whole number of points, not {stripped!r}", TextError.NOT_WHOLE
            )
        count = int(stripped)
    if count < 1:
        raise ParameterError(field, f"must be at least 1, not {count}", TextError.OUT_OF_RANGE)
    if maximum is not None and count > maximum:
        raise ParameterError(field, f"must be at most {maximum:,}, not {count:,}", TextError.OUT_OF_RANGE)
    return count
