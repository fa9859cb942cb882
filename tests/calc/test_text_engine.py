"""The text engine (leaky_gui.calc.text): its two paths byte for byte, against an oracle of
exact rationals, and the edges of the doubles decided exactly."""

from __future__ import annotations

import math
import os
import subprocess
import sys
from decimal import Decimal
from fractions import Fraction
from unittest import mock

import numpy as np
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from strategies import decimal_texts

from leaky_gui.calc.exact import ExactNumber
from leaky_gui.calc.text import (
    GENERAL_ENV,
    KERNEL_ENV,
    ParameterError,
    TextError,
    judge_decimal,
    nearest_doubles,
    parse_decimal,
    scan_cells,
    shortest_text,
)
from leaky_gui.calc.text import nearest as text_nearest
from leaky_gui.calc.text import parse as text_parse
from leaky_gui.calc.text.rows import DoubleRows

# ---------------------------------------------------------------------------
# The oracle: exact rationals, rounded to the nearest double by code of its own


def oracle_double(value: Fraction) -> float:
    """The double nearest ``value``, halves to even; inf beyond the largest."""
    if value == 0:
        return 0.0
    sign = -1.0 if value < 0 else 1.0
    a = abs(value)
    e = max(
        -1074, a.numerator.bit_length() - a.denominator.bit_length() - 55
    )  # a / 2**e >= 2**52 or e = -1074
    while a >= Fraction(2) ** (e + 53):  # the binade's spacing 2**e: a / 2**e below 2**53
        e += 1
    scaled = a / Fraction(2) ** e
    m = scaled.numerator // scaled.denominator
    rest = scaled - m
    if rest > Fraction(1, 2) or (rest == Fraction(1, 2) and m % 2 == 1):
        m += 1
    if m * Fraction(2) ** e >= Fraction(2) ** 1024:
        return sign * math.inf
    return sign * math.ldexp(m, e)


def oracle_rows(texts: list[str], alphas: list[str]) -> bytes | None:
    """The rows x,f(alpha)... as the contract says, or None where a value is refused."""
    lines = []
    for text in texts:
        x = Fraction(Decimal(text))
        xd = oracle_double(x)
        if math.isinf(xd) or (xd == 0 and x != 0):
            return None
        cells = [repr(xd + 0.0)]
        for alpha in alphas:
            f = x if x > 0 else Fraction(Decimal(alpha)) * x
            fd = oracle_double(f)
            if math.isinf(fd):
                return None
            cells.append(repr(fd + 0.0))
        lines.append(",".join(cells) + "\n")
    return "".join(lines).encode()


# ---------------------------------------------------------------------------
# Generated decimals: 1-40 digits, exponents across the doubles, every written form


ALPHAS = st.sampled_from(
    ["0.01", "0.2", "0.1", "1", "3", "0.5", "2.5e-7", "123456789.123456789", "1e-300", "7e300"]
)


def make_rows(
    texts: list[str],
    alphas: list[str],
    general: bool,
    monkeypatch: pytest.MonkeyPatch,
    *,
    kernel=True,
    **layout,
):
    """The rows made on the general path, or the fast one: the compiled kernel where it was
    built (unless ``kernel=False``), the numpy path for what it leaves."""
    maker = DoubleRows(tuple(ExactNumber.of(Decimal(a)) for a in alphas))
    if layout:
        maker = maker.laid_out(point=ord("."), **layout)
    with monkeypatch.context() as patch:
        if general:
            patch.setenv(GENERAL_ENV, "1")
        else:
            patch.delenv(GENERAL_ENV, raising=False)
        patch.setenv(KERNEL_ENV, "1" if kernel else "0")
        block = np.frombuffer("".join(f"{t}\n" for t in texts).encode(), dtype=np.uint8)
        made = maker.rows(block)
    return None if made is None else bytes(made[0])


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    st.lists(decimal_texts(), min_size=1, max_size=30), st.lists(ALPHAS, min_size=1, max_size=3, unique=True)
)
@example(["-1e300", "-1.00000000000000000001e300"], ["179769313.48623158079372897140530341507993413271"])
@example([".5", "5.", "1E5", "-0.000", "0e-999999", "+007.50e+01"], ["0.01"])
@example(["1.7976931348623158e308", str(2**1024 - 2**970 - 1)], ["0.01"])
def test_the_two_paths_give_the_same_bytes_and_the_oracle_agrees(monkeypatch, texts, alphas):
    fast = make_rows(texts, alphas, False, monkeypatch)
    general = make_rows(texts, alphas, True, monkeypatch)
    assert fast == make_rows(texts, alphas, False, monkeypatch, kernel=False) == general
    assert fast == oracle_rows(texts, alphas)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(decimal_texts(), min_size=1, max_size=20), ALPHAS)
def test_a_column_of_a_csv_takes_the_same_paths(monkeypatch, texts, alpha):
    lines = [f"a,{t},b" for t in texts]
    layout = {"separator": ord(","), "column": 1, "n_columns": 3}
    fast = make_rows(lines, [alpha], False, monkeypatch, **layout)
    numpy_path = make_rows(lines, [alpha], False, monkeypatch, kernel=False, **layout)
    general = make_rows(lines, [alpha], True, monkeypatch, **layout)
    assert fast == numpy_path == general == oracle_rows(texts, [alpha])


@pytest.mark.parametrize("kernel", [True, False])
def test_a_file_with_decimal_commas_gives_rows_with_points(monkeypatch, kernel):
    """A ';'-separated file with decimal commas, read without --decimal-comma: the rows are
    written with '.' and ',' between cells (the numpy path copied the cells' own '1,5' into
    x's column, which made extra columns, before this test)."""
    values = ["-454093635322,099", "-1,5", "3188,1098365827124", "2,5e-3"]
    lines = [f"{i};{v};1" for i, v in enumerate(values)]
    layout = {"separator": ord(";"), "column": 1, "n_columns": 3}
    maker = DoubleRows((ExactNumber.of(Decimal("0.01")),)).laid_out(point=ord(","), **layout)
    block = np.frombuffer("".join(f"{line}\n" for line in lines).encode(), dtype=np.uint8)
    with monkeypatch.context() as patch:
        patch.setenv(KERNEL_ENV, "1" if kernel else "0")
        made = maker.rows(block)
        patch.setenv(GENERAL_ENV, "1")
        general = maker.rows(block)
    assert made is not None and general is not None
    assert bytes(made[0]) == bytes(general[0])
    assert bytes(made[0]).decode().splitlines() == [
        "-454093635322.099,-4540936353.22099",
        "-1.5,-0.015",
        "3188.1098365827124,3188.1098365827124",
        "0.0025,0.0025",
    ]


def midpoint_texts(value: float, alpha: Fraction) -> list[str]:
    """Negative x whose alpha * x is exactly the midpoint above the double ``value``, and x one
    unit in its last digit either side (alpha a power of two or five times a power of ten)."""
    d = abs(value)
    middle = (Fraction(d) + Fraction(math.nextafter(d, math.inf))) / 2 / alpha
    k = middle.denominator.bit_length() - 1
    assert middle.denominator == 1 << k  # a dyadic rational: a finite decimal
    digits = middle.numerator * 5**k  # middle = digits * 10**-k exactly
    return [f"-{digits}e-{k}", f"-{digits + 1}e-{k}", f"-{digits - 1}e-{k}"]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.floats(min_value=1e-300, max_value=1e300, allow_nan=False, allow_infinity=False),
    st.sampled_from(["0.5", "0.25", "0.2", "0.01", "2", "1", "4"]),
)
def test_ties_and_near_ties_of_alpha_times_x(monkeypatch, value, alpha):
    texts = midpoint_texts(value, Fraction(Decimal(alpha)))
    fast = make_rows(texts, [alpha], False, monkeypatch)
    assert fast == make_rows(texts, [alpha], True, monkeypatch) == oracle_rows(texts, [alpha])
    assert fast == make_rows(texts, [alpha], False, monkeypatch, kernel=False)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0, 2**64 - 1), min_size=1, max_size=50))
def test_shortest_text_is_repr(patterns):
    values = np.array(patterns, dtype=np.uint64).view(np.float64)
    values = values[np.isfinite(values)]
    made = shortest_text(values)
    got = [bytes(row).replace(b"\0", b"").decode() for row in made]
    assert got == [repr(float(v) + 0.0) for v in values]


def test_shortest_text_at_every_binade_and_the_ends():
    values = np.concatenate(
        [
            np.ldexp(1.0, np.arange(-1074, 1024)),
            np.nextafter(np.ldexp(1.0, np.arange(-1073, 1024)), 0),
            [0.0, -0.0, 5e-324, 1.7976931348623157e308, 1e16, 1e15, 1e-4, 9.999999999999999e-5, 1e22, 1e23],
            10.0 ** np.arange(-300, 300),
        ]
    )
    got = [bytes(row).replace(b"\0", b"").decode() for row in shortest_text(values)]
    assert got == [repr(float(v) + 0.0) for v in values]


@settings(max_examples=200, deadline=None)
@given(st.lists(decimal_texts(), min_size=1, max_size=40))
def test_scanned_cells_are_their_exact_nearest_doubles(texts):
    buf = np.frombuffer("".join(f"{t}\n" for t in texts).encode(), dtype=np.uint8)
    ends = np.flatnonzero(buf == 10)
    starts = np.concatenate(([0], ends[:-1] + 1))
    scanned = scan_cells(buf, starts, ends)
    doubles = nearest_doubles(scanned.w, scanned.q, scanned.negative)
    for i, text in enumerate(texts):
        if scanned.fast[i]:
            want = oracle_double(Fraction(Decimal(text)))
            same_sign = math.copysign(1, doubles[i]) == math.copysign(1, want)
            assert doubles[i] == want
            assert same_sign or want == 0


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            decimal_texts(),
            st.sampled_from(["", "-", ".", "1e", "1e+", "e5", "1.2.3", "1e5e5", "0." + "0" * 22]),
        ),
        min_size=1,
        max_size=30,
    ),
    st.booleans(),
)
def test_lines_are_scanned_as_cells_are(texts, crlf):
    """Cells that are whole lines take passes over the bytes: the same rows fast (or fewer),
    each with the same significand and exponent as the scan of any cells."""
    data = "".join(t + ("\r\n" if crlf else "\n") for t in texts).encode()
    buf = np.frombuffer(data, dtype=np.uint8)
    ends = np.flatnonzero(buf == 10)
    starts = np.concatenate(([0], ends[:-1] + 1))
    ends = ends - crlf
    lines = scan_cells(buf, starts, ends)
    with mock.patch.object(text_parse, "_scan_lines", lambda *args: None):
        cells = scan_cells(buf, starts, ends)
    assert not np.any(lines.fast & ~cells.fast)
    same = lines.fast
    assert np.array_equal(lines.w[same], cells.w[same]) and np.array_equal(lines.q[same], cells.q[same])
    assert np.array_equal(lines.negative[same], cells.negative[same])
    if all(t and t[-1].isdigit() and "e" not in t.lower()[:1] and len(t) < 30 for t in texts):
        assert text_parse._scan_lines(buf, starts, ends, ord("."), text_parse.pad_block(buf)) is not None


def test_seventeen_digit_and_numpy_texts_take_the_vectorised_path():
    rng = np.random.default_rng(5)
    values = rng.standard_normal(2000) * 3
    texts = [repr(v) for v in values.tolist()] + [f"{v:.18e}" for v in values.tolist()]
    buf = np.frombuffer("".join(f"{t}\n" for t in texts).encode(), dtype=np.uint8)
    ends = np.flatnonzero(buf == 10)
    starts = np.concatenate(([0], ends[:-1] + 1))
    scanned = scan_cells(buf, starts, ends)
    assert scanned.fast.all()
    doubles = nearest_doubles(scanned.w, scanned.q, scanned.negative)
    assert np.array_equal(doubles, np.concatenate([values, values]))


def test_the_quotient_path_rounds_ties_and_near_ties_as_the_oracle():
    """w / 10**k in doubles (most text) against the oracle, at half-way points between
    doubles (integers from 2**54 up) and one unit either side of them."""
    rng = np.random.default_rng(22)
    ws, qs = [], []
    for x in rng.integers(2**54, 2**60, 3000).astype(np.float64).tolist():
        half = int(x) + int(np.nextafter(x, math.inf) - x) // 2
        for k in range(4):
            if (half + 1) * 10**k < 2**64:
                ws += [half * 10**k - 1, half * 10**k, half * 10**k + 1]
                qs += [-k] * 3
    for x in (rng.random(3000) * 20).tolist():  # 17 digits near the ties of doubles below 20
        half = (Fraction(x) + Fraction(float(np.nextafter(x, math.inf)))) / 2
        ws += [int(half * 10**17) + d for d in (-1, 0, 1)]
        qs += [-17] * 3
    doubles = nearest_doubles(np.array(ws, dtype=np.uint64), np.array(qs))
    assert doubles.tolist() == [
        oracle_double(Fraction(w) * Fraction(10) ** q) for w, q in zip(ws, qs, strict=True)
    ]
    # Its distance from each double, in ulps, as the integer product gives it.
    w, q = np.array(ws, dtype=np.uint64), np.array(qs)
    place, product_place = np.empty(w.size), np.empty(w.size)
    nearest_doubles(w, q, place=place)
    text_nearest._nearest_doubles(w, q, place=product_place)
    both = ~np.isnan(place) & ~np.isnan(product_place)
    assert both.mean() > 0.5
    assert np.all(np.abs(place[both] - product_place[both]) < 2.0**-50)


def written_forms(value: float, nudge: int) -> list[str]:
    """A double as the tools write it, and near misses that read back to it (or beside it):
    repr, %.15g-%.17g, numpy's %.18e, trailing zeros, a 17-digit text one unit off."""
    texts = [repr(value), f"{value:.15g}", f"{value:.16g}", f"{value:.17g}", f"{value:.18e}"]
    texts.append(repr(value).replace("e", "0e") if "e" in repr(value) else repr(value) + "00")
    seventeen = f"{value:.16e}"
    mantissa, exponent = seventeen.split("e")
    digits = int(mantissa.replace(".", "").replace("-", "")) + nudge
    sign = "-" if value < 0 else ""
    texts.append(f"{sign}{digits}e{int(exponent) - 16}")
    return texts


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.one_of(
            st.floats(allow_nan=False, allow_infinity=False, min_value=-1e300, max_value=1e300),
            st.floats(min_value=-20, max_value=20),
            st.integers(0, 2**64 - 1).map(lambda b: float(np.uint64(b).view(np.float64))),
        ),
        min_size=1,
        max_size=10,
    ),
    st.integers(-3, 3),
    st.sampled_from(["0.01", "0.1", "1e-300", "0.2", "0.37"]),
)
@example([0.1, 0.3, 2.0**-1022, 2.0**-1000, 2.0**60, 1e16, 9.999999999999999e-5, 1e-4], 1, "0.01")
def test_digits_kept_from_the_input_give_the_same_bytes(monkeypatch, values, nudge, alpha):
    values = [v for v in values if math.isfinite(v) and (v == 0 or 1e-300 < abs(v) < 1e300)]
    texts = [t for v in values for t in written_forms(v, nudge)] + ["0.10000000000000001", "2.50", "-3.0"]
    fast = make_rows(texts, [alpha], False, monkeypatch)
    assert fast == make_rows(texts, [alpha], True, monkeypatch)
    assert fast == make_rows(texts, [alpha], False, monkeypatch, kernel=False)
    assert fast == oracle_rows(texts, [alpha])


def test_significands_near_2_to_the_64_are_read_exactly():
    """The quotient path rounds w to a double first; from 2**63 up that double may be 2**64,
    which no uint64 holds (numpy warned of an invalid cast, an error under the tests)."""
    w = np.array([2**64 - 1, 2**64 - 512, 2**63, 2**63 - 1, 10**19], dtype=np.uint64)
    q = np.array([-3, -22, 0, -1, -19], dtype=np.int64)
    got = nearest_doubles(w, q)
    assert got.tolist() == [float(Fraction(int(a), 10 ** -int(b))) for a, b in zip(w, q, strict=True)]


def test_every_power_of_two_gets_its_own_shortest_text(monkeypatch):
    """A power of two's rounding interval is lopsided (a quarter of an ulp below it): a
    15-digit text a third of an ulp below 2**65 reads as the double below, and must not be
    taken as 2**65's text (it was, as `3.68934881474191e+19`, before this test)."""
    texts = []
    for e in range(-996, 997):
        value = math.ldexp(1.0, e)
        for v in (value, -value):
            forms = written_forms(v, 0) + [written_forms(v, nudge)[-1] for nudge in (-3, -2, -1, 1, 2, 3)]
            texts += forms
            texts += [f"{v:.14e}", f"{v:.15e}"]  # 15 and 16 digits, rounded either way
    fast = make_rows(texts, ["0.01"], False, monkeypatch)
    assert fast is not None and fast == make_rows(texts, ["0.01"], True, monkeypatch)
    assert fast == make_rows(texts, ["0.01"], False, monkeypatch, kernel=False)
    x_texts = [line.split(",")[0] for line in fast.decode().splitlines()]
    assert x_texts == [repr(float(t)) for t in texts]


# ---------------------------------------------------------------------------
# The edges of the doubles

LARGEST_MIDPOINT = 2**1024 - 2**970  # rounds to infinity (a tie, to even)
ACCEPTED = [
    ("1.7976931348623158e308", 1.7976931348623157e308),
    (str(LARGEST_MIDPOINT - 1), 1.7976931348623157e308),
    ("1.7976931348623157081452742374e308", 1.7976931348623157e308),
    ("1.7976931348623157081452742376e308", 1.7976931348623157e308),
    ("2.4703282292062328e-324", 5e-324),
    ("-4.9e-324", -5e-324),
    ("0e-999999", 0.0),
    ("-0.000", 0.0),
]
_MIDPOINT_DIGITS = str(LARGEST_MIDPOINT)
TOO_LARGE = [
    str(LARGEST_MIDPOINT),
    f"{_MIDPOINT_DIGITS[0]}.{_MIDPOINT_DIGITS[1:]}e{len(_MIDPOINT_DIGITS) - 1}",
    "1e309",
    "-1e999",
]
TOO_SMALL = ["2e-324", "1e-330", "-1e-400", "2.4703282292062327e-324", "1e-99999999999999"]


@pytest.mark.parametrize(("text", "value"), ACCEPTED)
def test_accepted_at_the_edges(text, value):
    _, n, _ = judge_decimal(text)
    assert float(parse_decimal(text)) == value or (value == 0 and parse_decimal(text) == 0)
    if value == 0:
        assert n == 0


@pytest.mark.parametrize("text", TOO_LARGE)
def test_refused_as_too_large(text):
    with pytest.raises(TextError) as info:
        judge_decimal(text)
    assert info.value.code == TextError.TOO_LARGE
    with pytest.raises(ParameterError) as refused:
        parse_decimal(text, "x")
    assert refused.value.code == TextError.TOO_LARGE


@pytest.mark.parametrize("text", TOO_SMALL)
def test_refused_as_too_small_with_one_message(text):
    with pytest.raises(ParameterError) as refused:
        parse_decimal(text, "x")
    assert refused.value.code == TextError.TOO_SMALL
    assert refused.value.message == f"{text} is too small for a double: its nearest double is 0"


def run_cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != GENERAL_ENV}
    return subprocess.run(
        [sys.executable, "-m", "leaky_gui.cli", *args], input=stdin, capture_output=True, text=True, env=env
    )


@pytest.mark.parametrize("text", ["2e-324", "1e-330", "-1e-400"])
def test_too_small_on_the_command_line_and_in_a_file(tmp_path, text):
    typed = run_cli("eval", "--", text)
    assert typed.returncode == 2
    assert (
        typed.stderr.strip()
        == f"leaky-relu: error: x: {text} is too small for a double: its nearest double is 0"
    )
    path = tmp_path / "x.csv"
    path.write_text(f"a,x\n1,2\n3,{text}\n")
    read = run_cli("eval", "--input", str(path), "--column", "x")
    assert read.returncode == 2
    assert read.stderr.strip() == (
        f"leaky-relu: error: x.csv line 3, column 2: {text} is too small for a double: its nearest double is 0"
    )


def test_the_largest_edges_on_the_command_line():
    accepted = run_cli("eval", "--", "1.7976931348623158e308", str(LARGEST_MIDPOINT - 1))
    assert accepted.returncode == 0
    assert accepted.stdout.splitlines()[1:] == ["1.7976931348623157e+308,1.7976931348623157e+308"] * 2
    refused = run_cli("eval", "--", str(LARGEST_MIDPOINT))
    assert refused.returncode == 2 and "too large for a double" in refused.stderr


BIG_ALPHA = "179769313.48623158079372897140530341507993413271"


@pytest.mark.parametrize(
    ("lines", "bad_line"),
    [(["-1e300", "-1.00000000000000000001e300"], 2), (["-1.00000000000000000001e300", "-1e300"], 1)],
)
def test_alpha_times_x_beyond_the_doubles_in_either_order(tmp_path, lines, bad_line):
    piped = run_cli("eval", f"--alpha={BIG_ALPHA}", "--input", "-", stdin="".join(f"{x}\n" for x in lines))
    assert piped.returncode == 2 and piped.stdout == ""
    assert piped.stderr.strip() == (
        f"leaky-relu: error: standard input line {bad_line}: alpha={BIG_ALPHA} times x runs beyond the largest"
        " double (1.8e308)"
    )
    source = tmp_path / "x.csv"
    source.write_text("x\n" + "".join(f"{x}\n" for x in lines))
    out = tmp_path / "out.csv"
    written = run_cli(
        "eval", "--alpha", "0.01", f"--alpha={BIG_ALPHA}", "--input", str(source), "-o", str(out)
    )
    assert written.returncode == 2 and "Traceback" not in written.stderr
    assert f"x.csv line {bad_line + 1}:" in written.stderr
    assert not out.exists()
