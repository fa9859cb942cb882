"""Plain decimal cells parsed a block at a time with numpy (no Qt): the text readers' fast paths.

A cell in the plain form (an optional sign, digits, at most one point, short enough for
int64) becomes an exact (numerator, scale) pair in a few vectorised passes over the bytes;
anything else is left for ``parse_decimal``, one cell at a time. The readers in
``leaky_gui.calc.readers`` choose the path; what comes out is what ``parse_decimal`` gives
(tests/test_readers.py checks them against each other).
"""

from __future__ import annotations

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

__all__ = [
    "NEWLINE",
    "parse_fixed_point_cells",
    "parse_fixed_point_lines",
    "parse_fixed_point_run",
    "parse_plain_cells",
]

_FAST_WIDTH = 24  # cells longer than this go through parse_decimal
_FAST_DIGITS = 18  # at most this many mantissa digits fit int64 for sure
_INT64_SAFE = 1 << 62
_ZERO, _NINE, _POINT, _COMMA, _PLUS, _MINUS = (ord(c) for c in "09.,+-")
NEWLINE = ord("\n")
_POWERS = 10 ** np.arange(19, dtype=np.int64)
# Byte classes of the fixed-point fast path: 1 digit, 2 point, 3 sign, 4 newline, 0 anything else.
_FIXED_CLASSES = np.zeros(256, dtype=np.uint8)
_FIXED_CLASSES[_ZERO : _NINE + 1] = 1
_FIXED_CLASSES[_POINT] = 2
_FIXED_CLASSES[[_PLUS, _MINUS]] = 3
_FIXED_CLASSES[NEWLINE] = 4


def parse_fixed_point_cells(
    buf: np.ndarray, starts: np.ndarray, ends: np.ndarray, decimal_comma: bool = False
) -> tuple[np.ndarray, np.ndarray] | None:
    """(numerators, scales) when every cell is a plain fixed-point decimal of 1 to 18 digits, else None.

    The common case at scale (``-3.700125``): the cells are gathered one a line, checked
    byte by byte (digits, one point, a sign only first), the points dropped, and the
    digits read as integers by numpy's C parser; the scale is the digits after the point.
    Anything else (exponents, spaces, words, empty cells) returns None for the full parser.
    """
    rows = starts.size
    if rows == 0:
        return None
    # The chosen cells, each followed by a newline, as one run of bytes.
    whole_lines = (
        starts[0] == 0
        and ends[-1] >= buf.size - 1
        and np.array_equal(starts[1:], ends[:-1] + 1)
        and bool((buf[ends[:-1]] == NEWLINE).all())
    )
    if whole_lines:  # one column, no carriage returns: the block itself
        cells = buf if ends[-1] == buf.size - 1 else np.append(buf, np.uint8(NEWLINE))
    else:
        work = np.append(buf, np.uint8(NEWLINE))
        work[ends] = NEWLINE
        lengths = ends - starts + 1  # each cell with its terminator
        offsets = np.cumsum(lengths) - lengths
        cells = work[np.arange(int(lengths.sum())) + np.repeat(starts - offsets, lengths)]
    found = parse_fixed_point_run(cells, decimal_comma)
    if found is None or found[0].size != rows:
        return None
    return found


# The lines of the one-column fast path: at most this many bytes a line, two uint64 words.
_LINE_WIDTH = 16
_LINE_POWERS = 10 ** np.arange(_LINE_WIDTH + 1, dtype=np.uint64)
# Per line length, the masks (as the two words) that keep the last ``length`` bytes of 16.
_LINE_KEEP = (
    np.where(np.arange(_LINE_WIDTH) >= _LINE_WIDTH - np.arange(_LINE_WIDTH + 1)[:, None], 0xFF, 0)
    .astype(np.uint8)
    .view(np.uint64)
)
_LINE_KEEP_LOW, _LINE_KEEP_HIGH = _LINE_KEEP[:, 0].copy(), _LINE_KEEP[:, 1].copy()
_VERBATIM_DIGITS = 15  # the typed text is the double's shortest text up to this many digits


def _eight_digits(words: np.ndarray) -> np.ndarray:
    """The value of eight digits 0..15 a byte (first byte most significant) in each uint64, SWAR."""
    words = (words * np.uint64(10) + (words >> np.uint64(8))) & np.uint64(0x00FF00FF00FF00FF)
    words = (words * np.uint64(100) + (words >> np.uint64(16))) & np.uint64(0x0000FFFF0000FFFF)
    return (words * np.uint64(10_000) + (words >> np.uint64(32))) & np.uint64(0xFFFFFFFF)


def line_points(
    cells: np.ndarray, point: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray] | None:
    """(starts, ends, points, first bytes, leading signs) of a block's lines, each ending in a
    newline and holding one ``point`` and no byte above '9', whose only bytes below '0' are the
    newlines, the points and a sign that leads its line; None for any other block."""
    if cells.size == 0 or cells[-1] != NEWLINE or int(cells.max()) > _NINE:
        return None
    ends = np.flatnonzero(cells == NEWLINE)
    points = np.flatnonzero(cells == point)
    if points.size != ends.size:
        return None
    starts = np.empty_like(ends)
    starts[0] = 0
    np.add(ends[:-1], 1, out=starts[1:])
    if not (bool((points >= starts).all()) and bool((points < ends).all())):
        return None  # a line without its one point
    first = cells[starts]
    has_sign = (first == _MINUS) | (first == _PLUS)
    if int(np.count_nonzero(cells < _ZERO)) != 2 * ends.size + int(np.count_nonzero(has_sign)):
        return None  # a byte below '0' that is no newline, point or leading sign
    return starts, ends, points, first, has_sign


def parse_fixed_point_lines(
    cells: np.ndarray, decimal_comma: bool = False
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray] | None:
    """(numerators, scales, typed, verbatim) of lines ``[+-]digits.digits``, or None unless all are.

    The common file at scale: one number a line, each with a point, at most 16 bytes. Every
    pass is a numpy loop (no text reader, so the GIL is free for the writer). ``typed`` is
    each line's bytes right-aligned in 16 (NUL before them), and ``verbatim`` marks the lines
    whose typed text is exactly the shortest text of their double (no '+', no leading or
    trailing zero, at most 15 digits, not below 1e-4), which the CSV writer copies as it is.
    Anything else returns None for ``parse_fixed_point_run`` and the full parser.
    """
    point = _COMMA if decimal_comma else _POINT
    lines = line_points(cells, point)
    if lines is None:
        return None
    starts, ends, points, first, has_sign = lines
    minus = first == _MINUS
    n_sign = int(np.count_nonzero(has_sign))
    lengths = ends - starts
    digits = lengths - 1 - has_sign
    if int(lengths.max()) > _LINE_WIDTH or int(digits.min()) < 1:
        return None
    padded = np.zeros(cells.size + _LINE_WIDTH, dtype=np.uint8)
    padded[_LINE_WIDTH:] = cells
    typed = sliding_window_view(padded, _LINE_WIDTH)[ends]  # the 16 bytes before each newline
    words = typed.view(np.uint64)
    words[:, 0] &= _LINE_KEEP_LOW[lengths]
    words[:, 1] &= _LINE_KEEP_HIGH[lengths]
    halves = _eight_digits((typed & np.uint8(0x0F)).view(np.uint64))
    value = halves[:, 0] * np.uint64(10**8) + halves[:, 1]  # the low four bits of each byte as a digit
    scales = ends - points - 1
    power = _LINE_POWERS[scales]
    value -= power * np.uint64(point & 0x0F)  # the point as a digit 0
    if n_sign:  # the sign as a digit 0
        value -= ((first & np.uint8(0x0F)) * has_sign).astype(np.uint64) * _LINE_POWERS[lengths - 1]
    magnitude = ((value // (power * np.uint64(10))) * power + value % power).astype(np.int64)
    numerators = np.where(minus, -magnitude, magnitude)
    if decimal_comma:
        typed[typed == _COMMA] = _POINT
    n_int = points - starts - has_sign
    last = cells[ends - 1]
    verbatim = (
        (first != _PLUS)
        & (last > _ZERO)
        & ((n_int == 1) | ((n_int > 1) & (cells[starts + has_sign] != _ZERO)))
        & (digits <= _VERBATIM_DIGITS)
        & (magnitude >= _LINE_POWERS[np.maximum(scales - 4, 0)].astype(np.int64))
    )
    width = int(lengths.max())
    return numerators, scales.astype(np.int16), typed[:, _LINE_WIDTH - width :], verbatim


def parse_fixed_point_run(
    cells: np.ndarray, decimal_comma: bool = False
) -> tuple[np.ndarray, np.ndarray] | None:
    """(numerators, scales) of a run of cells each ended by a newline, or None unless all are plain fixed-point."""
    if cells.size == 0 or cells[-1] != NEWLINE:
        return None
    if int(cells.max()) > _NINE:
        return None  # letters and the like
    marks = np.flatnonzero(cells < _ZERO)  # everything but digits: newlines, points, signs
    kinds = cells[marks]
    if decimal_comma and bool((kinds == _COMMA).any()):
        cells = cells.copy()
        cells[marks[kinds == _COMMA]] = _POINT
        kinds = cells[marks]
    classes = _FIXED_CLASSES[kinds]
    if not classes.all():
        return None  # spaces, commas, quotes
    cell_ends = marks[classes == 4]
    rows = cell_ends.size
    cell_starts = np.empty_like(cell_ends)
    cell_starts[0] = 0
    cell_starts[1:] = cell_ends[:-1] + 1
    signs = marks[classes == 3]
    if signs.size and not bool(((signs == 0) | (cells[signs - 1] == NEWLINE)).all()):
        return None  # a sign that is not the first byte of its cell
    is_end = classes == 4
    cell_of_mark = np.cumsum(is_end) - is_end  # the cell each mark is in (marks are in order)
    is_point = classes == 2
    points = marks[is_point]
    point_cells = cell_of_mark[is_point]
    if points.size > 1 and not bool((np.diff(point_cells) > 0).all()):
        return None  # two points in one cell
    has_point = np.zeros(rows, dtype=np.int64)
    has_point[point_cells] = 1
    has_sign = _FIXED_CLASSES[cells[cell_starts]] == 3
    digits = cell_ends - cell_starts - has_point - has_sign
    if digits.min() < 1 or digits.max() > _FAST_DIGITS:
        return None
    numerators = np.fromstring(cells.tobytes().translate(None, b"."), dtype=np.int64, sep="\n")
    if numerators.size != rows:  # pragma: no cover - every cell was checked above
        return None
    scales = np.zeros(rows, dtype=np.int16)
    scales[point_cells] = cell_ends[point_cells] - points - 1
    return numerators, scales


def parse_plain_cells(
    buf: np.ndarray, starts: np.ndarray, ends: np.ndarray, decimal_comma: bool = False
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(numerators, scales, slow) of the cells buf[starts:ends]: x = numerator / 10**scale exactly.

    Cells that are not plain decimals of at most 18 digits (spaces, words, empties, long
    or tiny numbers) are marked ``slow`` for ``parse_decimal`` to read or refuse.
    """
    rows = starts.size
    lengths = ends - starts
    width = int(min(lengths.max(initial=0), _FAST_WIDTH))
    slow = (lengths == 0) | (lengths > _FAST_WIDTH)
    num = np.zeros(rows, dtype=np.int64)
    scales = np.zeros(rows, dtype=np.int16)
    if width == 0:
        return num, scales, slow
    j = np.arange(width)
    inside = j < lengths[:, None]
    index = np.minimum(starts[:, None] + j, buf.size - 1)
    chars = np.where(inside, buf[index], 0)

    digit = (chars >= _ZERO) & (chars <= _NINE)
    point = chars == _POINT
    if decimal_comma:
        point |= chars == _COMMA
    exp = (chars | 0x20) == ord("e")
    sign = (chars == _PLUS) | (chars == _MINUS)
    slow |= ((inside & ~(digit | point | exp | sign)).any(axis=1)) | (exp.sum(axis=1) > 1)
    e_at = np.where(exp.any(axis=1), exp.argmax(axis=1), lengths)
    mantissa = j < e_at[:, None]
    exponent = inside & (j > e_at[:, None])
    slow |= (point & ~mantissa).any(axis=1) | (point.sum(axis=1) > 1)
    slow |= (sign & mantissa & (j > 0)).any(axis=1)
    slow |= (sign & exponent & (j != e_at[:, None] + 1)).any(axis=1)
    m_digit = digit & mantissa
    e_digit = digit & exponent
    n_mantissa = m_digit.sum(axis=1)
    n_exponent = e_digit.sum(axis=1)
    has_exp = e_at < lengths
    slow |= (n_mantissa == 0) | (n_mantissa > _FAST_DIGITS) | (has_exp & (n_exponent == 0)) | (n_exponent > 4)

    values = np.where(m_digit, chars - _ZERO, 0).astype(np.int64)
    rank = np.cumsum(m_digit[:, ::-1], axis=1)[:, ::-1] - 1  # digits to the right of each
    num = (values * _POWERS[np.clip(rank, 0, 18)]).sum(axis=1)
    point_at = np.where(point.any(axis=1), point.argmax(axis=1), e_at)
    fraction = (m_digit & (j > point_at[:, None])).sum(axis=1)
    e_values = np.where(e_digit, chars - _ZERO, 0).astype(np.int64)
    e_rank = np.cumsum(e_digit[:, ::-1], axis=1)[:, ::-1] - 1
    e_num = (e_values * _POWERS[np.clip(e_rank, 0, 18)]).sum(axis=1)
    e_negative = (exponent & (chars == _MINUS)).any(axis=1)
    scale = fraction - np.where(e_negative, -e_num, e_num)
    # A whole number times 10**k: fold the power in while it fits.
    up = np.maximum(-scale, 0)
    fits = (up <= 18) & (np.abs(num) < _INT64_SAFE // _POWERS[np.minimum(up, 18)])
    slow |= (scale < 0) & ~fits
    num = np.where(scale < 0, num * _POWERS[np.minimum(up, 18)], num)
    scale = np.maximum(scale, 0)
    slow |= scale > 300  # near the doubles' smallest: parse_decimal judges
    num = np.where(chars[:, 0] == _MINUS, -num, num)
    num[slow] = 0
    scales = np.where(slow, 0, scale).astype(np.int16)
    return num, scales, slow
