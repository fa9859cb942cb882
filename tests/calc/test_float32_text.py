"""float32 text of decimal x: a decimal coarser than float32's spacing prints as itself, else the search.

The fast rule (``_float32_text_of_decimals``) must give exactly what the shortest-digits
search gives for the same float32 value (``format_in``), itself checked against numpy.
"""

from __future__ import annotations

from decimal import Decimal

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leaky_gui.calc.csv_export import iter_csv_chunks
from leaky_gui.calc.precision import tensor_to
from leaky_gui.calc.sweep import SweepParams
from leaky_gui.calc.text import framework_text as text_columns
from leaky_gui.calc.text.framework_digits import format_in

D = Decimal


def texts_of(chars: np.ndarray) -> list[str]:
    return [bytes(row).replace(b"\0", b"").decode("ascii") for row in chars]


def column_of(decimals: list[Decimal]) -> tuple[np.ndarray, np.ndarray, int]:
    """(float32 values as float64, numerators, scale) as the writer has them for decimal x."""
    scale = max(0, *(-d.as_tuple().exponent for d in decimals))
    num = np.array([int(d.scaleb(scale)) for d in decimals], dtype=np.int64)
    doubles = np.array([float(d) for d in decimals])  # the double nearest each decimal
    return tensor_to(doubles, "float32"), num, scale


def check(decimals: list[Decimal]) -> None:
    values, num, scale = column_of(decimals)
    got = texts_of(text_columns._float32_text_of_decimals(values, num, scale))
    assert got == [format_in(v, "float32") for v in values.tolist()], decimals
    if scale <= 22 and bool(np.all(np.abs(num) < 2**53)):  # as a sweep's chunk gives them: divided
        again = texts_of(text_columns._float32_text_of_decimals(values, num, scale, True))
        assert again == got, decimals
        made = texts_of(text_columns._float32_text_of_decimals(None, num, scale, True))
        assert made == got, decimals  # the values made from the decimals where needed


EDGES = [
    "0",
    "-0",
    "0.0",
    "1",
    "-1",
    "10",
    "100000",
    "1e7",
    "1e8",
    "1e9",
    "1e10",
    "100000000000",
    "9.999999",
    "9.9999999",
    "10.00001",
    "10.000001",
    "99999.99",
    "0.09999999",
    "0.1",
    "0.10000001",
    "0.3",
    "0.7",
    "16777216",
    "16777217",
    "16777218",
    "16777219",
    "33554435",
    "8388608.5",
    "8388609.5",
    "4194304.25",
    "4194304.75",
    "12.34567",
    "25.99999",
    "-3.999999",
    "0.000001",
    "0.0000001",
    "1.17549435e-38",
    "1.1754944e-38",
    "1.2e-38",
    "3.4028234e38",
    "340282350000000000000000000000000000000",
    "0.5",
    "-0.25",
    "1.5e-7",
    "2.98023224e-8",
    "123456789",
    "123456.789",
    "-999999.9",
    "1000001",
    "0.00009999999",
]


def _on_the_fast_path(text: str) -> bool:
    """Whether the writer sends this decimal to the fast path (its numerator fits int64 at its scale)."""
    d = D(text)
    return not (abs(d) and (d.adjusted() > 17 or -d.as_tuple().exponent > 18))


@pytest.mark.parametrize("text", [t for t in EDGES if _on_the_fast_path(t)])
def test_edges_print_as_the_search_prints_them(text):
    check([D(text)])


def test_edges_together_at_one_scale():
    together = [D(t) for t in EDGES if abs(D(t)) < 10**9 and -D(t).as_tuple().exponent <= 9]
    check(together)


def test_float32_midpoints_are_not_their_own_text():
    # Odd integers between 2**24 and 2**25 lie halfway between two float32: the double is the
    # decimal itself, so float32 rounds it to even, and the decimal is no text of that value.
    odd = [D(2**24 + 2 * k + 1) for k in range(0, 200, 7)]
    check(odd)
    values, num, scale = column_of(odd)
    assert texts_of(text_columns._float32_text_of_decimals(values, num, scale))[0] == "16777216.0"


decimal_x = st.builds(
    lambda n, e: Decimal(n).scaleb(e), st.integers(-(10**9), 10**9), st.integers(-12, 6)
).filter(lambda d: abs(d.scaleb(12)) < 2**62 and abs(d) < 10**9)


@settings(max_examples=300)
@given(st.lists(decimal_x, min_size=1, max_size=40))
def test_decimals_print_as_the_search_prints_them(decimals):
    check(decimals)


@settings(max_examples=200)
@given(
    st.integers(-(2**24), 2**24),
    st.integers(-30, 20),
    st.integers(-3, 3),
    st.integers(0, 8),
)
def test_decimals_near_float32_values_and_midpoints(m, e, nudge, places):
    # The exact float32 m * 2**e (and the midpoints beside it), as decimals cut to ``places``
    # digits after the point and nudged by a unit there: ties, near-ties and exact values.
    exact = Decimal(m) * Decimal(2) ** e
    half = Decimal(2) ** (e - 1)
    out = []
    for base in (exact, exact + half, exact - half):
        d = base.quantize(Decimal(1).scaleb(-places)) + nudge * Decimal(1).scaleb(-places)
        if abs(d.scaleb(places)) < 2**62:
            out.append(d)
    if out:
        check(out)


def test_coarse_decimals_skip_the_search(monkeypatch):
    def no_search(*args, **kwargs):
        raise AssertionError("searched")

    monkeypatch.setattr(text_columns, "digits_text_column", no_search)
    xs = [D("-4") + k * D("0.00001") for k in range(0, 3_000_000, 9973)]  # the benchmark's sweep
    xs += [D("12.34567"), D("25.99999"), D("-0.1"), D("0"), D("1e7"), D("123456.7")]
    values, num, scale = column_of(xs)
    texts = texts_of(text_columns._float32_text_of_decimals(values, num, scale))
    assert texts == [format_in(v, "float32") for v in values.tolist()]


def test_decimals_that_round_up_to_a_power_of_two_use_its_spacing():
    # 33554431.9 rounds to 2**25 in float32, where the spacing is 4, not 2 (the binade below):
    # the decimal is not coarse enough there, and 2**25 prints as '33554432.0'.
    check([D("33554431.9"), D("33554430"), D("16777215.9"), D("16777215.5"), D("0.99999999")])


def numpy_text_digits(value: np.float32) -> Decimal:
    """numpy's Dragon4 (unique): the shortest digits of a float32, independently of the app."""
    return Decimal(np.format_float_scientific(value, unique=True))


@pytest.mark.parametrize("alpha", ["0.01", "0.2", "0.013", "0.3", "1", "-0.5", "3", "0", "1e-7", "0.123457"])
def test_f_below_zero_in_a_float32_sweep_is_numpys_shortest(alpha):
    # f = float32(float32(x) * float32(alpha)) from its exact decimal alpha * x where that
    # rounds to it, else from the digit search: every row against numpy's digits of f.
    params = SweepParams(D("-4.00017"), D("0.00137"), 3_000, alphas=(D(alpha),), precision="float32")
    rows = b"".join(chunk for chunk, _ in iter_csv_chunks(params)).decode().splitlines()[1:]
    for i, row in enumerate(rows):
        x_text, f_text = row.split(",")
        x = np.float32(float(params.x(i)))
        f = x if x > 0 else np.float32(x * np.float32(float(alpha)))
        assert Decimal(f_text) == numpy_text_digits(f), (x_text, f_text)
        assert f_text == format_in(float(f), "float32")


def test_f_from_the_exact_products_takes_the_search_only_where_they_differ(monkeypatch):
    searched = []
    search = text_columns.shortest_digits

    def counting(values, precision):
        searched.append(values.size)
        return search(values, precision)

    monkeypatch.setattr(text_columns, "shortest_digits", counting)
    params = SweepParams(D("-4"), D("0.00001"), 65_536, alphas=(D("0.01"),), precision="float32")
    b"".join(chunk for chunk, _ in iter_csv_chunks(params))
    assert 0 < sum(searched) < 0.5 * 65_536  # about 30%: float32(x) * float32(alpha) misses the decimal


@pytest.mark.parametrize(
    ("start", "step"),
    [("-4", "0.00001"), ("-3.7", "0.013"), ("1e-30", "1e-31"), ("-16777217", "2"), ("-1e20", "1.7e15")],
)
def test_a_sweeps_divided_decimals_are_what_x_is_made_of(start, step):
    params = SweepParams(D(start), D(step), 5_000, precision="float32")
    for lo, hi in ((0, 5_000), (17, 4_000), (4_999, 5_000), (3, 3)):
        (num, scale), divided = params.decimals_divided(lo, hi)
        assert scale == params.decimal_block(lo, hi)[1]
        assert [int(n) for n in num] == [int(n) for n in params.decimal_block(lo, hi)[0]]
        if divided:
            doubles = np.divide(num, 10.0**scale)
            assert doubles.tolist() == [int(n) / 10**scale for n in num.tolist()]
            assert np.array_equal(doubles.astype(np.float32).astype(np.float64), params.x_block(lo, hi))
            assert np.array_equal(num > 0, params.x_block(lo, hi) > 0)


def test_no_double_of_a_short_decimal_lands_on_a_float32_midpoint_unless_it_is_one():
    # The proof behind skipping the midpoint test: with few places, a decimal within a
    # double's rounding of a float32 midpoint is the midpoint itself. Decimals cut from
    # midpoints at every scale; where the rule says safe, none is a misleading double.
    from fractions import Fraction

    rng = np.random.default_rng(7)
    for e in range(-30, 40):
        for j in rng.integers(0, 2**23, 40).tolist():
            m = Fraction(2) ** e + (2 * j + 1) * Fraction(2) ** (e - 24)
            for scale in range(0, 23):
                n = round(m * 10**scale)
                if abs(n) >= 2**53 or n == 0:
                    continue
                d = n / 10**scale
                misleading = Fraction(d) == m and Fraction(n, 10**scale) != m
                if text_columns._no_ambiguous_midpoint(abs(n), scale):
                    assert not misleading, (m, n, scale)
    assert text_columns._no_ambiguous_midpoint(26 * 10**5, 5)  # the benchmark's sweep
    assert not text_columns._no_ambiguous_midpoint(1, 13)


@pytest.mark.parametrize(
    ("decimals", "together"),
    [
        (["-3.9999", "-2.5", "-0.0001", "-1.2345678"], True),  # searched digits fit at one scale
        (["-12345678.5", "-0.00012345", "-7.25", "-1234567.8"], False),  # 10**-13 would not
    ],
)
def test_products_mixing_own_decimals_and_searched_digits(decimals, together, monkeypatch):
    """f below 0 in float32 is float32(float32(x) * float32(alpha)); where that is float32 of
    the decimal alpha * x the decimal prints, else the searched digits: made at one scale in
    one column when every row fits, else each part apart, the same texts either way."""
    alpha = np.float32(0.01)
    x = np.array([float(d) for d in decimals], dtype=np.float32)
    values = (x * alpha).astype(np.float64)
    num = np.array([int(D(d).scaleb(8)) for d in decimals], dtype=np.int64)  # alpha * x, scale 10
    at_one_scale = text_columns._at_one_scale
    seen = []
    monkeypatch.setattr(text_columns, "_at_one_scale", lambda *a: seen.append(at_one_scale(*a)) or seen[-1])
    got = texts_of(text_columns._float32_text_of_decimals(values, num, 10))
    assert got == [format_in(v, "float32") for v in values.tolist()]
    assert len(seen) == 1 and (seen[0] is not None) == together  # some rows searched, some not
