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

* here: typed text judged for the boxes, the command line and the readers
  (``judge_decimal``, ``parse_decimal``, ``parse_count``, ``TextError``,
  ``ParameterError``), and the app's one number style for labels (``format_label``,
  ``decimal_label``, ``csv_line``);
* ``nearest``: the constants of decimal text, wide integers in uint64 words, and text to
  (negative, n, q) and to doubles (``scan_text``, ``nearest_double``; ``nearest_doubles``);
* ``parse``: text cells scanned a block at a time (``scan_cells``);
* ``shortest``: doubles to their shortest text (``shortest_text``; ``format_double``), and
  text a column at a time for the CSV writer; ``framework_text``: column text in the
  framework precisions;
* ``rows``: CSV rows ``x,f(alpha=A)...`` straight from blocks of text (``eval --input``,
  ``DoubleRows``);
* here, at the end: the compiled kernel (``_kernel.c``) where a C compiler built it, a
  third path for ``rows`` and the window's reader, giving the same answers
  (``kernel_rows``, ``kernel_decimals``).

Every number the app reads from text (typed, on the command line, in a file) and every x,
f(x) and f'(x) it writes or shows is parsed and printed by a module of this package; the
readers, the CSV writer, the command line and the window call it. (A few places word other
figures themselves: statistics and gains to 6 significant digits, a stored value's whole
binary expansion, and the inputs remembered in the settings, written as ``str(Decimal)``
and read back through this package.)

Errors are ``TextError`` with a ``code`` (``TextError.EMPTY`` ...): callers choose their
wording from the code, never from a message.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal, localcontext

import numpy as np

from leaky_gui.calc.text.nearest import (
    _T_EXACT,
    _T_HIGH,
    _T_LOW,
    _T_SHIFT,
    GENERAL_ENV,
    KERNEL_ENV,
    general_only,
    kernel_used,
    nearest_double,
    nearest_doubles,
    scan_text,
)
from leaky_gui.calc.text.parse import scan_cells
from leaky_gui.calc.text.shortest import (
    _G_HIGH,
    _G_LOW,
    format_double,
    format_number,
    shortest_digits,
    shortest_text,
)

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
    "kernel_available",
    "kernel_built",
    "kernel_decimals",
    "kernel_rows",
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


# ---------------------------------------------------------------------------
# The app's one number style: labels and CSV lines


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


# ---------------------------------------------------------------------------
# The compiled kernel (``_kernel.c``), where a C compiler built it
#
# A third path for the two places where text is read at scale, giving the numpy path's
# results exactly (tests/calc/test_text_engine.py, tests/calc/test_kernel.py): ``kernel_rows``
# for ``eval --input``'s CSV rows of a block of lines (``calc.text.rows``), ``kernel_decimals``
# for the window's reader's exact decimals and their doubles (``calc.text_reader``). Each
# takes a whole block or gives None, and the caller then takes the numpy path, which decides
# every case and names a bad line. The kernel takes its tables from ``nearest`` and
# ``shortest``; it is off where it was not built, on the general path, and with
# ``LEAKY_GUI_TEXT_KERNEL=0``.

#: The interface this module speaks; ``_kernel.c``'s KERNEL_VERSION (a stale build is not used).
KERNEL_VERSION = 1

try:
    from leaky_gui.calc.text import _kernel
except (ImportError, RuntimeWarning):  # no C compiler at install (or a build it cannot load)
    _kernel = None  # type: ignore[assignment]
else:
    if getattr(_kernel, "VERSION", None) == KERNEL_VERSION:
        _kernel.set_tables(_T_HIGH, _T_LOW, _T_SHIFT, _T_EXACT, _G_HIGH, _G_LOW)
    else:  # an older build left beside newer code: rebuild it (pip install -e .)
        _kernel = None  # type: ignore[assignment]


def kernel_built() -> bool:
    """Whether the install built the kernel."""
    return _kernel is not None


def kernel_available() -> bool:
    """Whether the kernel is to be used now: built, and neither path forced by the environment."""
    return _kernel is not None and kernel_used() and not general_only()


def kernel_rows(
    block: np.ndarray,
    point: int,
    separator: int | None,
    column: int,
    n_columns: int,
    alphas: tuple[tuple[int, int, bool], ...],
    derivatives: tuple[bytes, ...] | None,
    out_point: int,
    out_separator: int,
) -> tuple[bytearray, int] | None:
    """(CSV bytes, rows) of every line of ``block``; alphas as (|numerator|, scale, negative)."""
    if not kernel_available():
        return None
    return _kernel.rows(
        block,
        point,
        -1 if separator is None else separator,
        column,
        n_columns,
        alphas,
        derivatives,
        out_point,
        out_separator,
    )


def kernel_decimals(
    block: bytes | bytearray, final: bool, point: int, separator: int | None, column: int, n_columns: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray] | None:
    """(int64 numerators, int16 scales, doubles, wide) of the chosen cell of every line, as
    the numpy path's ``exact_columns`` makes them, or None. ``wide`` (uint8) marks the rows
    whose integer form passes int64: 1, or 2 where negative, with the significand's bits
    in the numerator's slot and its decimal exponent in the scale's, for the caller to
    keep as the numpy path does."""
    if not kernel_available():
        return None
    made = _kernel.decimals(block, final, point, -1 if separator is None else separator, column, n_columns)
    if made is None:
        return None
    num, scale, value, wide = made
    return (
        np.frombuffer(num, dtype=np.int64),
        np.frombuffer(scale, dtype=np.int16),
        np.frombuffer(value, dtype=np.float64),
        np.frombuffer(wide, dtype=np.uint8),
    )
