"""Every finite float32 through the fast shortest digits, checked: the proof behind the unit tests.

Run on demand (about 7 minutes a sign on one core):
    python tests/exhaustive/check_float32_digits.py [--sign 0|1] [--sweep]

For each of the 2**32 bit patterns that is a finite float32, the rows ``float32_shortest``
settles must give exactly the (m, k) of the interval search (``_shortest_search``, which
decides its doubtful rows in exact rationals), and one pattern in 1,024 is also checked
against numpy's Dragon4 (``np.format_float_scientific(unique=True)``), an independent
implementation. In the eleven binades where the search is too slow for that, every value
is compared with the digits of numpy's repr instead. ``--sweep`` checks only the values
of the speed benchmark's sweep (x from -4 in steps of 0.00001, and f for a few alphas).
Exits 1 on the first difference.
"""

from __future__ import annotations

import argparse
import sys
import time
from decimal import Decimal

import numpy as np

from leaky_gui.calc.text.framework_digits import _shortest_search, float32_shortest

BLOCK = 1 << 16  # small enough for the caches; a block lies in one binade
# Biased exponents where the interval search sends most values to exact rationals.
SEARCH_TOO_SLOW = {*range(77, 81), *range(142, 149)}


def numpy_digits(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(m, k) of numpy's repr of each float32 (Dragon4 in C, through ``astype(bytes)``), m without trailing zeros.

    For the binades where the search decides most rows in exact rationals (far too slow for
    millions of values); about 1.5 us a value.
    """
    texts = values.astype(np.float32).astype("S32")
    parts = np.char.partition(texts, b"e")
    mantissa, exponent = parts[:, 0], parts[:, 2]
    point = np.char.partition(mantissa, b".")
    fraction = point[:, 2]
    m = np.char.add(point[:, 0], fraction).astype(np.int64)
    k = np.zeros(values.size, dtype=np.int64)
    scientific = exponent != b""
    k[scientific] = exponent[scientific].astype(np.int64)
    k -= np.char.str_len(fraction)
    rows = np.flatnonzero(m != 0)
    while rows.size:
        rows = rows[m[rows] % 10 == 0]
        m[rows] //= 10
        k[rows] += 1
    return m, k


def compare(values: np.ndarray, label: str, numpy_stride: int = 1024) -> tuple[int, int]:
    """Check one block of finite float32 values (as float64); returns (values, settled)."""
    m, k, settled = float32_shortest(values)
    rows = np.flatnonzero(settled)
    biased = (values[:1].astype(np.float32).view(np.uint32) >> 23) & 0xFF
    if rows.size:
        if values.size == BLOCK and int(biased[0]) in SEARCH_TOO_SLOW:  # one binade a block
            m_ref, k_ref = numpy_digits(values[rows])
        else:
            m_ref, k_ref = _shortest_search(values[rows], "float32")
        wrong = (m[rows] != m_ref) | (k[rows] != k_ref)
        if wrong.any():
            r = rows[np.flatnonzero(wrong)[0]]
            print(
                f"{label}: {values[r]!r} gives ({m[r]}, {k[r]}), the search gives {m_ref[wrong][0]}, {k_ref[wrong][0]}"
            )
            sys.exit(1)
    for r in rows[::numpy_stride].tolist():
        theirs = Decimal(np.format_float_scientific(np.float32(values[r]), unique=True))
        if Decimal(int(m[r])).scaleb(int(k[r])) != theirs:
            print(f"{label}: {values[r]!r} gives ({m[r]}, {k[r]}), numpy gives {theirs}")
            sys.exit(1)
    return values.size, rows.size


def all_patterns(signs: list[int]) -> None:
    start = time.perf_counter()
    total = settled = 0
    for sign in signs:
        for lo in range(0, 0x7F800000, BLOCK):  # below 0x7F800000: finite
            bits = np.arange(lo, min(lo + BLOCK, 0x7F800000), dtype=np.uint32) | np.uint32(sign << 31)
            n, s = compare(bits.view(np.float32).astype(np.float64), f"pattern {lo:#010x}")
            total += n
            settled += s
            if (lo + BLOCK) % (1 << 27) == 0:  # every 16 binades
                print(
                    f"  sign {sign}, patterns up to {lo + BLOCK:#010x}: agree ({time.perf_counter() - start:.0f} s)"
                )
        print(
            f"sign {sign}: {total:,} values so far, {settled:,} settled fast ({time.perf_counter() - start:.0f} s)"
        )
    print(f"all {total:,} finite float32 agree; {settled / total:.1%} settled fast")


def sweep_values() -> None:
    num = -400_000 + np.arange(3_000_000, dtype=np.int64)
    x = (num / 1e5).astype(np.float32)
    compare(x.astype(np.float64), "sweep x", 64)
    negative = x[x <= 0]
    for alpha in (0.01, 0.2, 0.013, 0.3, 1.0, -0.5, 0.0, 3.0, 1e-30, 1e30):
        with np.errstate(over="ignore"):
            f = negative * np.float32(alpha)
        f = f[np.isfinite(f)].astype(np.float64)
        n, s = compare(f, f"sweep f, alpha {alpha}", 64)
        print(f"sweep f at alpha {alpha}: {n:,} values, {s:,} settled fast, all agree")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sweep", action="store_true", help="only the benchmark sweep's values")
    parser.add_argument("--sign", type=int, choices=(0, 1), help="only the patterns of this sign bit")
    args = parser.parse_args()
    if args.sweep:
        sweep_values()
        return
    all_patterns([0, 1] if args.sign is None else [args.sign])


if __name__ == "__main__":
    main()
