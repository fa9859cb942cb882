"""Framework precisions: PyTorch's semantics, shortest text, the command line.

The reference here is written independently of leaky_gui.calc.precision: scalar numpy float32
and float16 arithmetic, and bfloat16 rounding on the float32 bit pattern with Python
ints. It encodes the rule measured against PyTorch 2.13 on CPU: x converted to the dtype
through float32, alpha as float32, the product in float32 and then rounded to the dtype.
"""

from __future__ import annotations

import struct
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import decimals

from leaky_gui.calc.csv_export import iter_csv_chunks
from leaky_gui.calc.precision import PRECISIONS
from leaky_gui.calc.sweep import ParameterError, SweepParams, leaky_point
from leaky_gui.calc.text.framework_digits import digits_text, format_in, shortest_digits
from leaky_gui.cli import main as cli_main

D = Decimal
FRAMEWORK = ("float32", "float16", "bfloat16")


# --- an independent reference ----------------------------------------------------------


def bf16_bits_of(value: float) -> int:
    """Round a float32 value to bfloat16 on its bit pattern: the top 16 bits, ties to even."""
    (bits,) = struct.unpack("<I", struct.pack("<f", value))
    return ((bits + 0x7FFF + ((bits >> 16) & 1)) >> 16) & 0xFFFF


def bf16_value(bits: int) -> float:
    return struct.unpack("<f", struct.pack("<I", bits << 16))[0]


def to_dtype(value32: np.float32, dtype: str) -> float:
    if dtype == "float32":
        return float(value32)
    if dtype == "float16":
        with np.errstate(over="ignore"):
            return float(np.float16(value32))
    return bf16_value(bf16_bits_of(float(value32)))


def reference(x: float, alpha: float, dtype: str) -> tuple[float, float, float]:
    """x_D, f and f' for one Python float x, scalar by scalar."""
    with np.errstate(over="ignore", invalid="ignore"):  # -inf * 0 is nan, in torch too
        x_d = to_dtype(np.float32(x), dtype)
        if x_d > 0:
            return x_d, x_d, 1.0
        product = np.float32(x_d) * np.float32(alpha)
    return x_d, to_dtype(product, dtype), to_dtype(np.float32(alpha), dtype)


# --- the semantics --------------------------------------------------------------------


def test_the_issues_worked_example_at_minus_3_7():
    point = {p: leaky_point(D("-3.7"), D("0.01"), p) for p in PRECISIONS}
    assert point["float16"][:2] == (-3.69921875, -0.0369873046875)
    assert point["bfloat16"][1] == -0.037109375
    assert point["float32"][1] == float(np.float32(np.float32(-3.7) * np.float32(0.01)))
    assert point["float64"][1] == -0.037
    assert {p: format_in(point[p][1], p) for p in PRECISIONS} == dict.fromkeys(PRECISIONS, "-0.037")


def test_bfloat16_of_a_tenth_prints_as_a_tenth():
    assert bf16_value(bf16_bits_of(0.1)) == 0.10009765625
    assert format_in(0.10009765625, "bfloat16") == "0.1"  # ml_dtypes prints 0.100098


up_to_9_digits = decimals(9, -12, 3)


@settings(max_examples=150, deadline=None)
@given(
    start=up_to_9_digits,
    step=up_to_9_digits.filter(bool),
    count=st.integers(1, 60),
    alpha=st.decimals(-2, 2, places=4),
    dtype=st.sampled_from(FRAMEWORK),
)
@pytest.mark.slow
def test_sweep_values_are_the_reference_bit_for_bit(start, step, count, alpha, dtype):
    params = SweepParams(start, step, count, (alpha,), dtype)
    for i in range(count):
        want = reference(params.exact_x(i), float(alpha), dtype)
        got = (params.x(i), params.f(i), params.df(i))
        assert np.array_equal(np.array(got), np.array(want), equal_nan=True), (i, got, want)


@settings(max_examples=60, deadline=None)
@given(
    start=up_to_9_digits,
    step=up_to_9_digits.filter(bool),
    count=st.integers(1, 40),
    alpha=st.decimals(-2, 2, places=3),
    dtype=st.sampled_from(FRAMEWORK),
)
def test_csv_rows_read_back_to_the_reference(start, step, count, alpha, dtype):
    params = SweepParams(start, step, count, (alpha,), dtype)
    text = b"".join(d for d, _ in iter_csv_chunks(params, True, 7)).decode("ascii")
    for i, line in enumerate(text.splitlines()[1:]):
        x_d, f, df = reference(params.exact_x(i), float(alpha), dtype)
        cells = [float(cell) for cell in line.split(",")]
        assert [to_dtype(np.float32(c), dtype) for c in cells] == [x_d, f, df] or not np.isfinite(x_d)


def test_tiny_x_rounds_to_zero_in_float16_and_the_crossing_follows():
    exact = SweepParams(D("-1e-9"), D("1e-10"), 30)
    half = SweepParams(D("-1e-9"), D("1e-10"), 30, precision="float16")
    assert exact.zero_crossing_index() == 10
    assert half.x(0) == 0 and half.zero_crossing_index() == 0
    late = SweepParams(D("-1"), D("1e-9"), 2_000_000_000, precision="float16")
    crossing = late.zero_crossing_index()
    assert late.x(crossing) == 0 and late.x(crossing - 1) < 0 and crossing < 10**9


def test_an_unknown_precision_is_refused():
    with pytest.raises(ParameterError, match="float64, float32, float16, bfloat16"):
        SweepParams(precision="float8")


# --- shortest text ------------------------------------------------------------------------


def numpy_shortest(value: float, dtype: str) -> Decimal:
    """numpy's Dragon4, unique mode: the shortest digits that read back in that dtype."""
    scalar = np.float16(value) if dtype == "float16" else np.float32(value)
    return Decimal(np.format_float_positional(scalar, unique=True, trim="-"))


def test_every_float16_prints_as_numpys_shortest_digits():
    values = np.arange(1 << 16, dtype=np.uint16).view(np.float16)
    values = values[np.isfinite(values)].astype(np.float64)
    m, k = shortest_digits(values, "float16")
    for value, digits, exponent in zip(values.tolist(), m.tolist(), k.tolist(), strict=True):
        assert Decimal(digits).scaleb(exponent) == numpy_shortest(value, "float16"), value


@pytest.mark.slow
@settings(max_examples=3000, deadline=None)
@given(st.floats(width=32, allow_nan=False, allow_infinity=False))
def test_float32_prints_as_numpys_shortest_digits(value):
    m, k = shortest_digits(np.array([value]), "float32")
    assert Decimal(int(m[0])).scaleb(int(k[0])) == numpy_shortest(value, "float32")


def shortest_bf16_reference(value: float) -> Decimal:
    """Brute force: the fewest significant digits whose decimal rounds to the value, exactly."""
    bits = bf16_bits_of(value)
    v = Fraction(value)
    up = bf16_value(bits + 1) if bits & 0x7FFF != 0x7F7F else None  # None: beyond is overflow
    down = bf16_value(bits - 1) if bits & 0x7FFF else -value
    lo = (v + Fraction(down)) / 2
    hi = (v + Fraction(up)) / 2 if up is not None else v + (v - Fraction(down)) / 2
    if value < 0:
        lo, hi = hi, lo
    even = bits % 2 == 0
    for digits in range(1, 12):
        best = None
        base = Decimal(f"{value:.{digits - 1}e}")
        unit = Decimal(1).scaleb(base.adjusted() - digits + 1)
        for candidate in (base - unit, base, base + unit):
            c = Fraction(candidate)
            inside = lo < c < hi or (even and c in (lo, hi))
            closer = best is None or abs(c - v) < abs(Fraction(best) - v)
            tie_to_even = (
                best is not None
                and abs(c - v) == abs(Fraction(best) - v)
                and candidate.as_tuple().digits[-1] % 2 == 0
            )
            if inside and (closer or tie_to_even):
                best = candidate
        if best is not None:
            return best
    raise AssertionError(value)


@pytest.mark.slow
def test_every_bfloat16_prints_as_the_brute_force_shortest():
    patterns = [b for b in range(1 << 16) if (b >> 7) & 0xFF != 0xFF and b & 0x7FFF]  # finite, nonzero
    values = np.array([bf16_value(b) for b in patterns])
    m, k = shortest_digits(values, "bfloat16")
    for value, digits, exponent in zip(values.tolist(), m.tolist(), k.tolist(), strict=True):
        assert Decimal(digits).scaleb(exponent) == shortest_bf16_reference(value), value


@pytest.mark.parametrize(
    ("value", "dtype", "text"),
    [
        (-0.0369873046875, "float16", "-0.037"),
        (65504.0, "float16", "65500.0"),
        (2.0**-24, "float16", "6e-08"),
        (1e-4, "float32", "0.0001"),
        (float(np.float32(1e-5)), "float32", "1e-05"),
        (float(np.float32(1e16)), "float32", "1e+16"),
        (1.0, "bfloat16", "1.0"),
        (-0.0, "float16", "0.0"),
        (float("-inf"), "float16", "-inf"),
    ],
)
def test_text_is_in_the_apps_number_style(value, dtype, text):
    assert format_in(value, dtype) == text


def test_digits_text_places_the_point_like_repr():
    for m, k in [(37, -3), (1, 0), (12345, -2), (1, -5), (15, 15), (1, 16), (123, -7)]:
        assert digits_text(m, k) == repr(float(Decimal(m).scaleb(k)))


# --- the command line ---------------------------------------------------------------------


def test_dtype_flag_on_sweep_and_eval(capsys):
    assert cli_main(["sweep", "--count", "3", "--start", "-3.7", "--dtype", "float16", "--derivative"]) == 0
    assert (
        capsys.readouterr().out
        == "x,f(alpha=0.01),f'(alpha=0.01)\n-3.7,-0.037,0.01\n-3.65,-0.0365,0.01\n-3.6,-0.036,0.01\n"
    )
    assert cli_main(["eval", "0.1", "-1e-9", "--dtype", "bfloat16"]) == 0
    assert capsys.readouterr().out == "x,f(alpha=0.01)\n0.1,0.1\n-1e-09,-9.95e-12\n"
    assert cli_main(["eval", "-1e-9", "--dtype", "float16"]) == 0
    assert capsys.readouterr().out.splitlines()[1] == "0.0,0.0"  # float16 holds -1e-9 as -0


def test_an_unknown_dtype_is_a_one_line_error(capsys):
    assert cli_main(["sweep", "--dtype", "float8"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and "invalid choice: 'float8'" in err


def test_the_header_stays_the_same_in_every_precision(capsys):
    headers = set()
    for dtype in PRECISIONS:
        cli_main(["sweep", "--count", "1", "--alpha", "0.3", "--derivative", "--dtype", dtype])
        headers.add(capsys.readouterr().out.splitlines()[0])
    assert headers == {"x,f(alpha=0.3),f'(alpha=0.3)"}
