"""CSV rows made straight from lines of one decimal each (no Qt): the fast path of ``eval --input``.

Short lines (``calc.text.rows`` hands them here): the common file at scale holds one plain
decimal of at most 16 bytes a line (``-4.292619``). For a block of
such lines, in exact float64, the rows ``x,f(alpha=A)...`` are made here in one go, without
building ``Values``: every step is a numpy loop over the block, so blocks are made at once
on several cores.

* Each line's bytes (at most 16) are gathered once, right-aligned in two uint64 words.
* x's text is those bytes wherever they are already the shortest text of their double (no
  '+', no leading zero, not below 1e-4) once trailing zeros of the fraction are blanked
  out (``4.50`` prints ``4.5``); f for x > 0 is the same text.
* f for x < 0 at alpha = 10**-k (0.1, 0.01, 0.001) is exact decimal arithmetic on that
  text: the point moves k places to the left (``-4.292619`` -> ``-0.04292619``), a few word
  operations a row, no digits made; where f would need 'e' notation, it is made instead.
* Only the rows left (other alphas, zero, '+', leading zeros, |x| < 1e-4) get an exact
  integer numerator (eight digits at a time, SWAR) and their text from ``scaled_text``,
  the writer's own exact text.
* The columns go into one byte matrix, NUL where a text is shorter, squeezed out at once.

A block that is not all such lines gives None: the caller reads it with the full reader,
which parses it or names the bad line. What comes out is byte for byte what the general
writer (``iter_csv_chunks``) gives for the same values (tests/test_line_csv.py).
"""

from __future__ import annotations

import numpy as np

from leaky_gui.calc.text.line_layout import MINUS, NEWLINE, WIDTH, LineLayout, line_points
from leaky_gui.calc.text.nearest import INT64_SAFE, eight_digits
from leaky_gui.calc.text.shortest import ExactDecimal, constant_text, scaled_text

__all__ = ["WIDTH", "LineCsv", "line_points"]


class _NotPlain(Exception):
    """A row the fast rows do not make: the caller reads the block with its full reader."""


_POWERS = 10 ** np.arange(WIDTH + 3, dtype=np.uint64)
_INT_POWERS = _POWERS.astype(np.int64)


def _rows(matrix: np.ndarray, start: int, width: int) -> np.ndarray:
    """Bytes [start, start + width) of each row of a C-contiguous byte matrix, as one
    opaque item a row: copies and fancy indexing then move a row at a time, not a byte."""
    return np.ndarray(
        (matrix.shape[0],), dtype=f"V{width}", buffer=matrix, offset=start, strides=(matrix.strides[0],)
    )


def _widened(text: np.ndarray, width: int) -> np.ndarray:
    """A left-aligned text matrix widened with NULs to ``width`` columns."""
    if text.shape[1] == width:
        return np.ascontiguousarray(text)
    out = np.zeros((text.shape[0], width), dtype=np.uint8)
    _rows(out, 0, text.shape[1])[:] = _rows(np.ascontiguousarray(text), 0, text.shape[1])
    return out


_LOW_NIBBLES = np.uint64(0x0F0F0F0F0F0F0F0F)


# One f column as made: the rows whose f is x's digits shifted (None: none can be), those
# rows' bytes and width, the other rows below 0, and their f's text.
_Column = tuple[np.ndarray | None, tuple[np.ndarray, int] | None, np.ndarray, np.ndarray | None]


class LineCsv:
    """Makes the CSV rows of blocks of one-decimal lines, for fixed alphas and options."""

    def __init__(
        self,
        alphas: tuple[ExactDecimal, ...],
        derivative_texts: tuple[str, ...],
        decimal_comma: bool = False,
    ) -> None:
        self.alphas = alphas
        # alpha = 10**-k: f below 0 is x's digits with the point k places to the left.
        self.shifts = [a.scale if a.numerator == 1 and 1 <= a.scale <= 3 else None for a in alphas]
        self.decimal_comma = decimal_comma
        self.point = ord(",") if decimal_comma else ord(".")  # in the file and in the output
        self.separator = ord(";") if decimal_comma else ord(",")
        self.derivative_texts = list(derivative_texts)
        # The text is made with '.', the typed text has the file's point: both become the output's.
        table = bytearray(range(256))
        if decimal_comma:  # the made text has '.', the typed text the file's ','
            table[ord(".")] = ord(",")
        self.table = bytes(table)

    @staticmethod
    def usable(alphas: tuple[ExactDecimal, ...]) -> bool:
        """Alphas whose products with 15-digit x stay in int64 and well inside the doubles."""
        return all(abs(a.numerator) < 1 << 31 and a.scale <= 30 for a in alphas)

    def rows(self, padded: np.ndarray) -> tuple[bytes | bytearray, int] | None:
        """(CSV bytes, rows) of the lines in ``padded[WIDTH:]``, or None unless every line is plain.

        ``padded`` starts with WIDTH bytes of anything (the gather reaches back into them
        for the first line) and then whole lines, the last ended by a newline.
        """
        lay = LineLayout.of(padded, self.point)
        if lay is None:
            return None
        rows = lay.rows
        minus, scales = lay.minus, lay.scales
        plain, first_digit = lay.plain()
        all_zero, trailing, blanks = lay.trailing_zeros(plain)

        # Where f is x's digits shifted (alpha = 10**-k), no numerator is needed.
        shifted: list[np.ndarray | None] = []
        for k in self.shifts:
            if k is None:
                shifted.append(None)
                continue
            fixed = (lay.n_int >= k - 3) & (first_digit <= 4 - k)  # |f| >= 1e-4: not 'e' notation
            fits = (lay.n_int > k) | (scales + k <= WIDTH - 3)
            shifted.append(np.flatnonzero(minus & plain & ~all_zero & fixed & fits))
        odd = np.flatnonzero(~plain)
        if all(s is not None for s in shifted):
            need_f = minus & ~plain  # the plain negative rows some alpha cannot shift
            for s in shifted:
                rest = minus & plain
                rest[s] = False
                need_f |= rest
        else:
            need_f = minus
        need = np.flatnonzero(need_f | ~plain)
        numerators = np.zeros(rows, dtype=np.int64)
        if need.size:
            numerators[need] = self._numerators(lay, need)  # from the bytes as typed
        lay.blank(trailing, blanks)
        positive = np.where(plain, ~minus, numerators > 0) if odd.size else ~minus

        try:
            x_text = self._text(numerators, scales, odd)
            columns: list[_Column] = []
            for alpha, k, rows_shifted in zip(self.alphas, self.shifts, shifted, strict=True):
                made = ~positive
                if rows_shifted is not None:
                    made[rows_shifted] = False
                others = np.flatnonzero(made)
                words = None
                if k is not None and rows_shifted is not None and rows_shifted.size:
                    words = _shift(lay, rows_shifted, k), _shifted_width(lay, rows_shifted, k)
                columns.append(
                    (rows_shifted, words, others, self._products(numerators, scales, others, alpha))
                )
        except _NotPlain:
            return None
        constants = [constant_text([text, "1.0"], positive.astype(np.intp)) for text in self.derivative_texts]
        x_width = max(int(lay.lengths.max()), x_text.shape[1] if x_text is not None else 0)
        return self._join(lay.typed, odd, x_text, columns, constants, x_width, rows), rows

    def _numerators(self, lay: LineLayout, need: np.ndarray) -> np.ndarray:
        """Exact integer numerators of the rows ``need`` (x = numerator / 10**scale)."""
        words = lay.lines[need].view(np.uint64).reshape(need.size, 2)
        halves = eight_digits(words & _LOW_NIBBLES)
        value = halves[:, 0] * np.uint64(10**8) + halves[:, 1]  # the point and sign read as digits
        power = _POWERS[lay.scales[need]]
        value -= power * np.uint64(self.point & 0x0F)
        has_sign = lay.has_sign[need]
        if has_sign.any():
            first = lay.first[need]
            value -= ((first & np.uint8(0x0F)) * has_sign).astype(np.uint64) * _POWERS[lay.lengths[need] - 1]
        magnitude = ((value // (power * np.uint64(10))) * power + value % power).astype(np.int64)
        return np.where(lay.minus[need], -magnitude, magnitude)

    @staticmethod
    def _aligned(numerators: np.ndarray, scales: np.ndarray) -> tuple[np.ndarray, int]:
        """The numerators at the largest of their scales, or _NotPlain where that passes int64."""
        scale = int(scales.max())
        shift = scale - scales
        if int(shift.max()) > 18 or bool((np.abs(numerators) >= INT64_SAFE // _INT_POWERS[shift]).any()):
            raise _NotPlain
        return numerators * _INT_POWERS[shift], scale

    def _text(self, numerators: np.ndarray, scales: np.ndarray, rows: np.ndarray) -> np.ndarray | None:
        if rows.size == 0:
            return None
        return scaled_text(*self._aligned(numerators[rows], scales[rows]))

    def _products(
        self, numerators: np.ndarray, scales: np.ndarray, rows: np.ndarray, alpha: ExactDecimal
    ) -> np.ndarray | None:
        if rows.size == 0:
            return None
        aligned = self._aligned(numerators[rows], scales[rows])
        if max(int(np.abs(aligned[0]).max()), 1) * abs(alpha.numerator) >= INT64_SAFE:
            raise _NotPlain
        return scaled_text(aligned[0] * alpha.numerator, aligned[1] + alpha.scale)

    def _join(
        self,
        typed: np.ndarray,
        odd: np.ndarray,
        x_text: np.ndarray | None,
        columns: list[_Column],
        constants: list[np.ndarray],
        x_width: int,
        rows: int,
    ) -> bytearray:
        """x, each f, each f' and the separators in one matrix; the NULs squeezed out."""
        widths = [x_width]
        for _, words, _, text in columns:
            width = max(x_width, text.shape[1] if text is not None else 0)
            if words is not None:
                width = max(width, words[1])
            widths.append(width)
        widths += [c.shape[1] for c in constants]
        # In a bytearray (zeroed), which translates without a copy out of numpy first.
        store = bytearray(rows * (sum(widths) + len(widths)))
        chars = np.frombuffer(store, dtype=np.uint8).reshape(rows, -1)
        # x: the typed bytes (right-aligned), the odd rows' made text over them.
        _put_right(chars, 0, x_width, None, typed)
        x = _rows(chars, 0, x_width)
        if x_text is not None:
            x[odd] = _rows(_widened(x_text, x_width), 0, x_width)
        at = x_width
        for (rows_shifted, words, others, text), width in zip(columns, widths[1:], strict=False):
            chars[:, at] = self.separator
            at += 1
            _rows(chars, at, x_width)[:] = x  # f = x where x > 0
            if words is not None:
                _put_right(chars, at, width, rows_shifted, words[0])
            if text is not None:
                _rows(chars, at, width)[others] = _rows(_widened(text, width), 0, width)
            at += width
        for constant in constants:
            chars[:, at] = self.separator
            at += 1
            _rows(chars, at, constant.shape[1])[:] = _rows(
                np.ascontiguousarray(constant), 0, constant.shape[1]
            )
            at += constant.shape[1]
        chars[:, at] = NEWLINE
        del chars
        return store.translate(self.table, b"\0")


def _put_right(chars: np.ndarray, at: int, width: int, subset: np.ndarray | None, typed: np.ndarray) -> None:
    """Right-aligned 16-byte texts into a field of ``width`` bytes (all rows, or ``subset``)."""
    kept = min(width, WIDTH)
    source = _rows(typed, WIDTH - kept, kept)
    if subset is None:
        _rows(chars, at + width - kept, kept)[:] = source
        return
    if width > kept:
        _rows(chars, at, width - kept)[subset] = np.zeros(1, dtype=f"V{width - kept}")
    _rows(chars, at + width - kept, kept)[subset] = source


_SHIFT_TABLES: dict[int, tuple[np.ndarray, ...]] = {}


def _shift_tables(k: int) -> tuple[np.ndarray, ...]:
    """Per (scale, integer digits), the bytes that move one place right, those that stay,
    and those added, as word masks, for moving a right-aligned negative x's point k places left.

    With at most k integer digits they all move over the point and '-0.' and zeros come
    before them (-4.5 -> -0.045 for k = 2); with more, the point lands among them."""
    tables = _SHIFT_TABLES.get(k)
    if tables is not None:
        return tables
    move = np.zeros((256, WIDTH), dtype=np.uint8)
    stay = np.zeros((256, WIDTH), dtype=np.uint8)
    add = np.zeros((256, WIDTH), dtype=np.uint8)
    for scale in range(WIDTH):
        p = WIDTH - 1 - scale  # the point's place
        for n in range(1, WIDTH):
            key = scale * WIDTH + n
            if p - n - 1 < 0:
                continue  # no room for the digits and the sign
            if n <= k:
                if p - k - 2 < 0:
                    continue
                move[key, p - n : p] = 0xFF
                stay[key, p + 1 :] = 0xFF
                add[key, p + 1 - k : p + 1 - n] = ord("0")
                add[key, p - k] = ord(".")
                add[key, p - k - 1] = ord("0")
                add[key, p - k - 2] = MINUS
            else:
                move[key, p - k : p] = 0xFF
                stay[key, : p - k] = 0xFF
                stay[key, p + 1 :] = 0xFF
                add[key, p - k] = ord(".")
    tables = tuple(t.view(np.uint64)[:, half].copy() for t in (move, stay, add) for half in (0, 1))
    _SHIFT_TABLES[k] = tables
    return tables


def _shift(lay: LineLayout, rows: np.ndarray, k: int) -> np.ndarray:
    """f = x / 10**k of negative plain rows, right-aligned in 16 bytes: x's bytes, moved."""
    move_lo, move_hi, stay_lo, stay_hi, add_lo, add_hi = _shift_tables(k)
    words = lay.lines[rows].view(np.uint64).reshape(rows.size, 2)
    lo, hi = words[:, 0].copy(), words[:, 1].copy()
    key = lay.scales[rows] * WIDTH + lay.n_int[rows]
    moving_lo = lo & move_lo[key]
    out = np.empty((rows.size, 2), dtype=np.uint64)
    out[:, 0] = (moving_lo << np.uint64(8)) | (lo & stay_lo[key]) | add_lo[key]
    out[:, 1] = (
        ((hi & move_hi[key]) << np.uint64(8))
        | (moving_lo >> np.uint64(56))
        | (hi & stay_hi[key])
        | add_hi[key]
    )
    return out.view(np.uint8)


def _shifted_width(lay: LineLayout, rows: np.ndarray, k: int) -> int:
    """How many of the 16 bytes the longest of these shifted texts may take."""
    n_int = lay.n_int[rows]
    return int(np.where(n_int <= k, 3 + k + lay.scales[rows], lay.lengths[rows]).max())
