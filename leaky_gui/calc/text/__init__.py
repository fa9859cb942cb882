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
* ``format``: doubles to their shortest text (``shortest_text``; ``format_double``), the
  app's one number style for labels (``format_label``, ``decimal_label``, ``csv_line``),
  and text a column at a time for the CSV writer (exact decimals, framework precisions);
* ``rows``: CSV rows ``x,f(alpha=A)...`` straight from blocks of text (``eval --input``):
  ``DoubleRows`` for any decimals, ``LineCsv`` for short lines of one fixed-point decimal.

Errors are ``TextError`` with a ``code`` (``TextError.EMPTY`` ...): callers choose their
wording from the code, never from a message.
"""

from __future__ import annotations

from leaky_gui.calc.text.format import (
    csv_line,
    decimal_label,
    format_double,
    format_label,
    format_number,
    shortest_digits,
    shortest_text,
)
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
