"""The text engine's compiled kernel (``_kernel.c``), where a C compiler built it (no Qt).

A third path of the engine for the two places where text is read at scale, giving the
numpy path's results exactly (tests/calc/test_text_engine.py, tests/calc/test_kernel.py):

* ``rows``: ``eval --input``'s CSV rows of a block of lines (``calc.text.rows``);
* ``decimals``: the window's reader's exact decimals and their doubles
  (``calc.text_reader``).

Each takes a whole block or gives None, and the caller then takes the numpy path, which
decides every case and names a bad line. The kernel takes its tables from ``nearest`` and
``shortest``; it is off (``available()`` False) where it was not built, on the general
path, and with ``LEAKY_GUI_TEXT_KERNEL=0``.
"""

from __future__ import annotations

import numpy as np

from leaky_gui.calc.text.nearest import _T_EXACT, _T_HIGH, _T_LOW, _T_SHIFT, general_only, kernel_used
from leaky_gui.calc.text.shortest import _G_HIGH, _G_LOW

#: The interface this module speaks; ``_kernel.c``'s KERNEL_VERSION (a stale build is not used).
VERSION = 1

try:
    from leaky_gui.calc.text import _kernel
except (ImportError, RuntimeWarning):  # no C compiler at install (or a build it cannot load)
    _kernel = None  # type: ignore[assignment]
else:
    if getattr(_kernel, "VERSION", None) == VERSION:
        _kernel.set_tables(_T_HIGH, _T_LOW, _T_SHIFT, _T_EXACT, _G_HIGH, _G_LOW)
    else:  # an older build left beside newer code: rebuild it (pip install -e .)
        _kernel = None  # type: ignore[assignment]

__all__ = ["available", "built", "decimals", "rows"]


def built() -> bool:
    """Whether the install built the kernel."""
    return _kernel is not None


def available() -> bool:
    """Whether the kernel is to be used now: built, and neither path forced by the environment."""
    return _kernel is not None and kernel_used() and not general_only()


def rows(
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
    if not available():
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


def decimals(
    block: bytes | bytearray, final: bool, point: int, separator: int | None, column: int, n_columns: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray] | None:
    """(int64 numerators, int16 scales, doubles, wide) of the chosen cell of every line, as
    the numpy path's ``exact_columns`` makes them, or None. ``wide`` (uint8) marks the rows
    whose integer form passes int64: 1, or 2 where negative, with the significand's bits
    in the numerator's slot and its decimal exponent in the scale's, for the caller to
    keep as the numpy path does."""
    if not available():
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
