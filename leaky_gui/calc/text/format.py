"""The app's one number style (no Qt): labels, CSV lines, and every number text by its name.

``format_label`` and ``decimal_label`` name numbers in legends and headers; ``csv_line`` joins
cells. The text engine's writers live in their own modules and are importable from here too:
``calc.text.shortest`` (repr's text of doubles, vectorised, and column text for the writer),
``calc.text.framework_text`` (column text in the framework precisions).
"""

from __future__ import annotations

from decimal import Decimal, localcontext

from leaky_gui.calc.text.framework_text import (  # noqa: F401 (their names here too)
    _TABLES,
    _TABLES_LOCK,
    _float32_text_of_decimals,
    _no_ambiguous_midpoint,
    _pattern_values,
    digits_text_column,
    precision_text,
)
from leaky_gui.calc.text.shortest import (  # noqa: F401 (their names here too)
    _FEW,
    TEXT_WIDTH,
    constant_text,
    fixed_text,
    format_double,
    format_number,
    pad,
    python_text,
    scaled_text,
    shortest_digits,
    shortest_text,
)

__all__ = [
    "TEXT_WIDTH",
    "constant_text",
    "csv_line",
    "decimal_label",
    "digits_text_column",
    "fixed_text",
    "format_double",
    "format_label",
    "format_number",
    "pad",
    "precision_text",
    "python_text",
    "scaled_text",
    "shortest_digits",
    "shortest_text",
]


def format_label(value: float | Decimal) -> str:
    """Number text for names and legends: format_number without a bare '.0' ('0', '1', '0.01').

    A Decimal (an alpha as typed) is named by :func:`decimal_label`, digit for digit, never
    through a float: 0.1 and 0.10000000000000000001 are two alphas and keep two names.
    """
    if isinstance(value, Decimal):
        return decimal_label(value)
    text = format_double(value)
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


def csv_line(cells: list[str], decimal_comma: bool = False, separator: str | None = None) -> str:
    """One line of cells: ',' between them, or ';' and decimal commas with ``decimal_comma``."""
    if decimal_comma:
        cells = [cell.replace(".", ",") for cell in cells]
    return (separator or (";" if decimal_comma else ",")).join(cells) + "\n"
