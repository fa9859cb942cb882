"""Number text in and out (no Qt): what users type becomes a Decimal, what the app shows is one style.

``leaky_gui.calc.sweep`` re-exports the parsers and formatters, for callers that need both.
"""

from __future__ import annotations

import math
import re
import sys
from decimal import Decimal, InvalidOperation, localcontext

__all__ = [
    "ParameterError",
    "csv_line",
    "decimal_label",
    "format_label",
    "format_number",
    "parse_count",
    "parse_decimal",
]


class ParameterError(ValueError):
    """A user-supplied value that cannot be used; ``field`` names the input.

    ``alpha_index`` says which of a source's alphas runs beyond the doubles (0: the current
    one, further: a pinned one), or None when it is not an alpha's fault.
    """

    def __init__(self, field: str, message: str, alpha_index: int | None = None) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message
        self.alpha_index = alpha_index


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
    """Number text for names and legends: format_number without a bare '.0' ('0', '1', '0.01').

    A Decimal (an alpha as typed) is named by :func:`decimal_label`, digit for digit, never
    through a float: 0.1 and 0.10000000000000000001 are two alphas and keep two names.
    """
    if isinstance(value, Decimal):
        return decimal_label(value)
    text = format_number(value)
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
    with localcontext() as context:  # every digit: normalize() would round to 28
        context.prec = max(28, len(value.as_tuple().digits))
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
    if not value:
        return Decimal("-0") if value.is_signed() else Decimal(0)  # 0e-999999999 is 0: no huge scale
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


def csv_line(cells: list[str], decimal_comma: bool = False, separator: str | None = None) -> str:
    """One line of cells: ',' between them, or ';' and decimal commas with ``decimal_comma``."""
    if decimal_comma:
        cells = [cell.replace(".", ",") for cell in cells]
    return (separator or (";" if decimal_comma else ",")).join(cells) + "\n"
