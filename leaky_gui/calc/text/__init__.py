"""Number text, in and out: the one engine every reader and writer uses (no Qt).

The contract (stated here once):

    A decimal text is the number it names, exactly: ``(-1)**negative * n * 10**q``.
    Its double is the one nearest that number, halves to even, decided with integers
    alone; a nonzero decimal whose nearest double is 0 is refused as too small
    (|v| <= 2**-1075), one whose nearest double is infinite as too large
    (|v| >= 2**1024 - 2**970). A double's text is the shortest decimal that reads back to
    it, the nearest of those, in Python's ``repr`` layout, never ``-0.0``. f(x) = x for
    x > 0, else the double nearest alpha * x for the exact decimals alpha and x.

    Two paths give these answers byte for byte the same: the vectorised path (uint64
    significands of at most 19 digits at any exponent, numpy arrays a block at a time) and
    the general path (Python integers one value at a time, and ``repr``), which takes
    everything the vectorised path leaves. With the environment variable
    ``LEAKY_GUI_TEXT_GENERAL=1`` every value takes the general path, so that tests and
    benchmarks can compare the two.

* ``parse``: the constants of decimal text and 128-bit products in uint64 words; text to
  (negative, n, q) and to doubles (``scan_cells``, ``nearest_doubles``; ``scan_text``,
  ``nearest_double``); typed text judged for the boxes, the command line and the readers
  (``judge_decimal``, ``parse_decimal``, ``parse_count``, ``ParameterError``);
* ``shortest``: doubles to their shortest text (``shortest_text``; ``format_double``), and
  text a column at a time for the CSV writer; ``framework_text``: column text in the
  framework precisions;
* here: the app's one number style for labels (``format_label``, ``decimal_label``,
  ``csv_line``);
* ``rows``: CSV rows ``x,f(alpha=A)...`` straight from blocks of text (``eval --input``):
  ``DoubleRows`` for any decimals, ``LineCsv`` for short lines of one fixed-point decimal.

Errors are ``TextError`` with a ``code`` (``TextError.EMPTY`` ...): callers choose their
wording from the code, never from a message.
"""

from __future__ import annotations

from decimal import Decimal, localcontext

from leaky_gui.calc.text.parse import (
    GENERAL_ENV,
    KERNEL_ENV,
    ParameterError,
    TextError,
    general_only,
    judge_decimal,
    kernel_used,
    nearest_double,
    nearest_doubles,
    parse_count,
    parse_decimal,
    scan_cells,
    scan_text,
)
from leaky_gui.calc.text.shortest import format_double, format_number, shortest_digits, shortest_text

__all__ = [
    "GENERAL_ENV",
    "KERNEL_ENV",
    "ParameterError",
    "TextError",
    "csv_line",
    "decimal_label",
    "format_double",
    "format_label",
    "format_number",
    "general_only",
    "judge_decimal",
    "kernel_used",
    "nearest_double",
    "nearest_doubles",
    "parse_count",
    "parse_decimal",
    "scan_cells",
    "scan_text",
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
