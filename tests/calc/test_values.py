"""Values, the user's own x: exact against independent references, PyTorch's bits in framework precisions.

References, none of them leaky_gui's own code:
* decimal text: Python's ``Decimal`` (the exact product) and ``float(Decimal)`` (correctly rounded);
* stored floats and integers: ``fractions.Fraction`` of the value held, ``float(Fraction)``;
* framework precisions: the scalar reference of tests/calc/test_precision.py.
"""

from __future__ import annotations

import io
import math
from decimal import Decimal, localcontext
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from strategies import decimals
from test_precision import FRAMEWORK, reference

from leaky_gui.calc.csv_export import iter_csv_chunks
from leaky_gui.calc.exact import ExactNumber
from leaky_gui.calc.precision import PRECISIONS
from leaky_gui.calc.readers import read_text
from leaky_gui.calc.source import XSource
from leaky_gui.calc.sweep import SweepParams
from leaky_gui.calc.text import ParameterError, format_number
from leaky_gui.calc.text.framework_digits import format_in
from leaky_gui.calc.value_data import StoredArray
from leaky_gui.calc.values import Values, values_from_decimals

D = Decimal


def text_values(xs: list[Decimal], **kwargs) -> Values:
    data = "".join(f"{x}\n" for x in xs).encode()
    values = read_text(io.BytesIO(data), "values.txt")
    return Values(values.data, name="values.txt", **kwargs)


def array_values(array: np.ndarray, **kwargs) -> Values:
    return Values(StoredArray(array), name="values.npy", shape=array.shape, **kwargs)


def exact_product(x: Decimal, alpha: Decimal) -> Decimal:
    with localcontext() as context:
        context.prec = 1000
        return x * alpha


def csv_rows(source, derivative: bool = True, chunk_rows: int = 5) -> list[str]:
    text = b"".join(d for d, _ in iter_csv_chunks(source, derivative, chunk_rows)).decode("ascii")
    return text.splitlines()[1:]


# --- one interface ----------------------------------------------------------------------


def test_the_sweep_and_values_are_both_sources_of_x():
    assert isinstance(SweepParams(), XSource)
    assert isinstance(values_from_decimals([D("1")]), XSource)


def test_values_with_the_sweeps_numbers_give_the_sweeps_csv_byte_for_byte():
    for precision in PRECISIONS:
        sweep = SweepParams(D("-4"), D("0.05"), 101, (D("0.01"), D("0.3")), precision)
        xs = [D(-4) + i * D("0.05") for i in range(101)]
        values = values_from_decimals(xs, alphas=sweep.alphas, precision=precision)
        assert csv_rows(values, chunk_rows=7) == csv_rows(sweep, chunk_rows=7), precision


# --- decimal text against Decimal -----------------------------------------------------------

up_to_17_digits = decimals(17, -14, 8)


@settings(max_examples=120, deadline=None)
@given(
    xs=st.lists(up_to_17_digits, min_size=1, max_size=30),
    alphas=st.lists(decimals(6, -8, 1), min_size=1, max_size=3, unique=True),
    chunk_rows=st.integers(1, 8),
)
def test_decimal_text_is_exact_against_the_decimal_oracle(xs, alphas, chunk_rows):
    values = text_values(xs, alphas=tuple(alphas))
    want_rows = []
    for i, x in enumerate(xs):
        assert values.x(i) == float(x) + 0.0
        fs = []
        for alpha in alphas:
            want = float(x) + 0.0 if x > 0 else float(exact_product(x, alpha)) + 0.0
            assert values.f(i, alpha) == want
            assert values.df(i, alpha) == (1.0 if x > 0 else float(alpha) + 0.0)
            fs.append(want)
        dfs = [1.0 if x > 0 else float(a) + 0.0 for a in alphas]
        want_rows.append(",".join(format_number(v) for v in [float(x), *fs, *dfs]))
    assert csv_rows(values, chunk_rows=chunk_rows) == want_rows


def test_decimals_beyond_int64_and_near_the_ends_of_the_doubles():
    xs = [
        D("-1.2345678901234567890123"),
        D("-1e300"),
        D("5e-320"),
        D("-0"),
        D("123456789012345678901234567890"),
    ]
    values = text_values(xs)
    for i, x in enumerate(xs):
        assert values.x(i) == float(x) + 0.0
        assert values.f(i) == (float(x) + 0.0 if x > 0 else float(exact_product(x, D("0.01"))) + 0.0)
    assert csv_rows(values, False)[1] == "-1e+300,-1e+298"


def test_an_alpha_that_takes_a_value_beyond_the_doubles_is_refused_for_text_carried_for_arrays():
    with pytest.raises(ParameterError, match="beyond the largest double"):
        values_from_decimals([D("-1e307")], alphas=(D("100"),))
    stored = array_values(np.array([-1e307, 2.0]), alphas=(D("100"),))
    assert stored.f(0) == -math.inf and stored.f(1) == 2.0
    assert array_values(np.array([-1e307]), alphas=(D("-100"),)).f(0) == math.inf
    assert stored.with_precision("float32").f(0) == -math.inf  # float32 holds -1e307 as -inf


# --- stored floats against exact rationals ------------------------------------------------


def float_arrays(dtype) -> st.SearchStrategy[np.ndarray]:
    return hnp.arrays(dtype, st.integers(1, 25), elements={"allow_nan": False, "allow_infinity": False})


@settings(max_examples=150, deadline=None)
@given(
    array=st.one_of(float_arrays(np.float16), float_arrays(np.float32), float_arrays(np.float64)),
    alpha=decimals(6, -8, 1),
)
def test_stored_floats_are_the_exact_values_held(array, alpha):
    values = array_values(array, alphas=(alpha,))
    for i, v in enumerate(array.tolist()):
        held = Fraction(float(v))
        assert values.x(i) == float(v)
        try:
            want = float(held) if held > 0 else float(held * Fraction(alpha)) + 0.0
        except OverflowError:  # beyond the doubles: inf, as the float product would be
            want = math.inf if held * Fraction(alpha) > 0 else -math.inf
        assert values.f(i) == want, (v, alpha)
        assert values.df(i) == (1.0 if held > 0 else float(alpha) + 0.0)


@settings(max_examples=80, deadline=None)
@given(
    array=hnp.arrays(st.sampled_from([np.int8, np.uint16, np.int32, np.int64]), st.integers(1, 20)),
    alpha=decimals(6, -8, 1),
)
def test_stored_integers_are_exact_too(array, alpha):
    values = array_values(array, alphas=(alpha,))
    for i, n in enumerate(array.tolist()):
        want = float(n) if n > 0 else float(Fraction(n) * Fraction(alpha)) + 0.0
        assert (values.x(i), values.f(i)) == (float(n), want)


def test_nan_and_infinities_are_carried_and_counted():
    array = np.array([np.nan, -np.inf, np.inf, -2.0, 3.0], dtype=np.float32)
    values = array_values(array, alphas=(D("0.01"), D("0")))
    assert values.extent.nan_count == 1 and values.extent.inf_count == 2
    assert csv_rows(values) == [
        "nan,nan,nan,0.01,0.0",
        "-inf,-inf,nan,0.01,0.0",  # -inf * 0 is nan, as in torch
        "inf,inf,inf,1.0,1.0",
        "-2.0,-0.02,0.0,0.01,0.0",
        "3.0,3.0,3.0,1.0,1.0",
    ]
    assert values.curve_points() == ([-2.0, 0.0, 3.0], [-0.02, 0.0, 3.0])  # non-finite x left off
    assert "1 NaN, 2 infinite" in values.description()
    only_nan = array_values(np.array([np.nan]))
    assert only_nan.curve_points() == ([], []) and only_nan.x_min is None


# --- framework precisions against the scalar reference ---------------------------------------


@settings(max_examples=150, deadline=None)
@given(
    array=st.one_of(
        hnp.arrays(np.float32, st.integers(1, 20)),
        hnp.arrays(np.float64, st.integers(1, 20)),
        hnp.arrays(np.float16, st.integers(1, 20)),
    ),
    alpha=st.decimals(-2, 2, places=4),
    precision=st.sampled_from(FRAMEWORK),
)
def test_stored_arrays_in_framework_precisions_are_the_reference_bit_for_bit(array, alpha, precision):
    values = array_values(array, alphas=(alpha,), precision=precision)
    want = np.array([reference(float(v), float(alpha), precision) for v in array.tolist()]).reshape(-1, 3)
    got_x = values.x_block(0, values.count)
    got_f = values.f_block(0, values.count, alpha)
    assert np.array_equal(got_x, want[:, 0], equal_nan=True)
    assert np.array_equal(got_f, want[:, 1], equal_nan=True)
    assert np.array_equal([values.df(i) for i in range(values.count)], want[:, 2], equal_nan=True)
    rows = csv_rows(values)
    for row, (x_d, f, df) in zip(rows, want.tolist(), strict=True):
        assert row == ",".join(values.text(v) for v in (x_d, f, df))


def test_a_float32_array_in_float32_is_the_array_itself_bit_for_bit():
    rng = np.random.default_rng(15)
    array = (rng.standard_normal(10_000) * 10.0 ** rng.integers(-40, 38, 10_000)).astype(np.float32)
    array[:4] = [np.nan, np.inf, -np.inf, -0.0]
    values = array_values(array, precision="float32")
    x = values.x_block(0, values.count).astype(np.float32)
    assert np.array_equal(x.view(np.uint32), array.view(np.uint32))
    f = values.f_block(0, values.count, D("0.01")).astype(np.float32)
    expected = np.where(array > 0, array, array * np.float32(0.01))
    assert np.array_equal(f.view(np.uint32), expected.view(np.uint32))


@settings(max_examples=100, deadline=None)
@given(
    xs=st.lists(decimals(9, -12, 3), min_size=1, max_size=20),
    alpha=st.decimals(-2, 2, places=4),
    precision=st.sampled_from(FRAMEWORK),
)
def test_decimal_text_in_framework_precisions_is_the_reference(xs, alpha, precision):
    values = text_values(xs, alphas=(alpha,), precision=precision)
    for i, x in enumerate(xs):
        want = reference(float(x), float(alpha), precision)
        got = (values.x(i), values.f(i), values.df(i))
        assert np.array_equal(np.array(got), np.array(want), equal_nan=True)


def test_large_integers_go_to_float32_in_one_rounding_as_torch_casts_them():
    n = 2**60 + 2**36 + 1  # just above halfway between two float32s; through float64 it would tie
    values = array_values(np.array([n], dtype=np.int64), precision="float32")
    assert values.x(0) == float(2**60 + 2**37)
    assert float(np.float32(float(n))) == float(2**60)  # what a double rounding would give


# --- layout, laziness, statistics ------------------------------------------------------------


def test_any_shape_and_order_is_flattened_in_c_order():
    c_order = np.arange(24, dtype=np.float64).reshape(2, 3, 4) - 10
    for array in (c_order, np.asfortranarray(c_order), c_order.astype(">f8"), c_order[:, ::2, 1:]):
        values = array_values(array)
        assert [values.x(i) for i in range(values.count)] == array.ravel(order="C").tolist()
        assert values.f(0) == float(Fraction(float(array.flat[0])) * Fraction("0.01"))


def test_a_c_contiguous_array_is_read_without_a_copy():
    array = np.linspace(-1, 1, 1000, dtype=np.float32).reshape(10, 100)
    data = StoredArray(array)
    assert np.shares_memory(data.raw(100, 200), array)


def test_statistics_against_a_plain_float64_computation():
    rng = np.random.default_rng(3)
    array = rng.standard_normal(3000).astype(np.float32)
    array[::500] = np.nan
    alphas = (D("0.01"), D("0.3"))
    for precision in ("float64", "float16"):
        values = array_values(array, alphas=alphas, precision=precision)
        stats = values.statistics()
        x = (
            np.array([reference(float(v), 0.01, precision)[0] for v in array])
            if precision != "float64"
            else array
        )
        finite = np.isfinite(x)
        assert stats.count == 3000 and stats.nan_count == 6
        assert stats.share_at_or_below_zero == np.count_nonzero(x <= 0) / 3000
        assert (stats.x_min, stats.x_max) == (float(np.nanmin(x)), float(np.nanmax(x)))
        for k, alpha in enumerate(alphas):
            f = np.array([values.f(i, alpha) for i in range(3000)])[finite]
            assert stats.f_mean[k] == pytest.approx(float(np.mean(f)), rel=1e-12)
            assert stats.f_std[k] == pytest.approx(float(np.std(f)), rel=1e-12)
        assert values.statistics() == stats  # remembered: the same figures


def test_curve_geometry_spans_min_to_max_with_the_kink():
    values = values_from_decimals([D("2"), D("-3"), D("0.5")], alphas=(D("0.1"),))
    assert values.curve_points() == ([-3.0, 0.0, 2.0], [-0.3, 0.0, 2.0])
    assert values.derivative_points() == ([-3.0, 0.0, 0.0, 2.0], [0.1, 0.1, 1.0, 1.0])
    assert values.f_range() == (-0.3, 2.0)
    one = values_from_decimals([D("-1")])
    assert one.curve_points() == ([-1.0], [-0.01])
    assert math.isnan(array_values(np.array([np.nan])).f_range()[0])


def test_new_alphas_and_precision_share_the_data():
    values = values_from_decimals([D("-1"), D("1")])
    other = values.with_alphas((D("0.2"),)).with_precision("float16")
    assert other.data is values.data and other.f(0) == -0.199951171875
    assert other != values and values.with_alphas(values.alphas) == values


@settings(max_examples=200, deadline=None)
@given(
    xs=st.lists(decimals(8, -50, 40), min_size=1, max_size=40),
    alpha=st.decimals(-2, 2, places=3),
)
@pytest.mark.slow
def test_float32_text_of_short_decimals_is_the_shortest_digits(xs, alpha):
    """The writer's shortcut (a decimal of at most 6 digits is its own float32 text) against the search."""
    values = values_from_decimals(xs, alphas=(alpha,), precision="float32")
    rows = csv_rows(values, derivative=False, chunk_rows=16)
    for i, row in enumerate(rows):
        x_text = row.split(",")[0]
        assert x_text == format_in(values.x(i), "float32"), xs[i]


def test_the_windows_copy_text_reads_values_like_a_sweep():
    from leaky_gui.calc.csv_export import table_text

    values = values_from_decimals([D("-3.7"), D("2"), D("-0.5")], alphas=(D("0.01"), D("0.3")))
    assert table_text(values, [(0, 3)]).splitlines() == [
        "0\t-3.7\t-0.037\t0.01\t-1.11",
        "1\t2.0\t2.0\t1.0\t2.0",
        "2\t-0.5\t-0.005\t0.01\t-0.15",
    ]
    stored = array_values(np.array([-1.5, np.nan], dtype=np.float16), precision="bfloat16")
    assert table_text(stored, [(1, 2)]) == "1\tnan\tnan\t0.01\n"


def test_float32_text_at_the_ends_of_float32():
    xs = [D("1e-46"), D("-1e-45"), D("1e-38"), D("1.2e-38"), D("3.4e38"), D("3.5e38"), D("-0.1"), D("0")]
    values = values_from_decimals(xs, precision="float32")
    got = [row.split(",")[0] for row in csv_rows(values, derivative=False)]
    assert got == [format_in(values.x(i), "float32") for i in range(len(xs))]
    assert got[0] == "0.0" and got[5] == "inf" and got[6] == "-0.1"


def test_statistics_near_the_largest_double_do_not_overflow():
    # Squares of f near 1e308 overflow; the sums are kept in units of a power of two instead.
    values = values_from_decimals([Decimal("-1.7e308"), Decimal("1.7e308")]).with_alphas([Decimal(1)])
    stats = values.statistics()
    assert stats.f_mean == (0.0,) and stats.f_std == (1.7e308,)
    mixed = values_from_decimals([Decimal("-1e306"), Decimal("1"), Decimal("3")])  # alpha 0.01
    assert mixed.statistics().f_mean[0] == pytest.approx((-1e304 + 4) / 3, rel=1e-15)


def test_the_histogram_counts_every_finite_x_as_numpy_does():
    rng = np.random.default_rng(3)
    data = np.concatenate([rng.normal(size=5000), [np.nan, np.inf, -np.inf]]).astype(np.float32)
    values = array_values(data)
    counts, lo, hi = values.histogram(40)
    finite = data[np.isfinite(data)].astype(np.float64)
    assert (lo, hi) == (finite.min(), finite.max())
    assert counts.tolist() == np.histogram(finite, bins=40, range=(lo, hi))[0].tolist()
    assert values.known_histogram(40) is not None and values.known_histogram(41) is None


def test_the_histogram_in_pieces_counts_as_numpy_does(monkeypatch):
    """Pieces of rows at a time, non-finite x in some of them only, ties at the ends."""
    from leaky_gui.calc import value_data
    from leaky_gui.calc import values as values_module

    monkeypatch.setattr(values_module, "_HISTOGRAM_PIECE", 1000)
    monkeypatch.setattr(values_module, "BLOCK_ROWS", 4000)
    monkeypatch.setattr(value_data, "BLOCK_ROWS", 4000)
    rng = np.random.default_rng(31)
    data = rng.normal(size=10_500) * 3
    data[[17, 2500]] = np.nan
    data[9000] = -np.inf
    data[[3, 7000]] = data[np.isfinite(data)].max()
    for values in (
        array_values(data),
        values_from_decimals([Decimal(repr(v)) for v in data[np.isfinite(data)].tolist()]),
    ):
        seen: list[tuple[int, int]] = []
        counts, lo, hi = values.histogram(
            37, progress=lambda done, total, seen=seen: seen.append((done, total))
        )
        finite = data[np.isfinite(data)]
        assert (lo, hi) == (finite.min(), finite.max())
        assert counts.tolist() == np.histogram(finite, bins=37, range=(lo, hi))[0].tolist()
        assert seen[-1] == (values.count, values.count) and len(seen) == -(-values.count // 4000)


def test_the_extent_is_the_first_smallest_and_largest_finite_x_block_by_block(monkeypatch):
    from leaky_gui.calc import value_data

    monkeypatch.setattr(value_data, "BLOCK_ROWS", 4)
    nan, inf = math.nan, math.inf
    data = np.array([nan, 3, 1, 9, 1, 9, 0.5, 0.5, inf, 0.5, 9.5, 9.5, 2, -inf, nan, nan])
    extent = value_data.find_extent(StoredArray(data))
    assert (extent.i_min, extent.i_max, extent.nan_count, extent.inf_count) == (6, 10, 3, 2)
    extent = value_data.find_extent(StoredArray(np.array([2.0, 1, 1, 3, 3, 0, 5, 0, 5])))
    assert (extent.i_min, extent.i_max, extent.nan_count, extent.inf_count) == (5, 6, 0, 0)
    none = value_data.find_extent(StoredArray(np.array([nan, inf, -inf, nan, nan])))
    assert (none.i_min, none.i_max, none.nan_count, none.inf_count) == (None, None, 3, 2)


@pytest.mark.parametrize(
    "alpha",
    ["0.01", "-0.3", "0", "1", "1e-300", "123456789.123456789", "18446744073709551615e-30", "1e-20", "3"],
)
def test_f_of_17_digit_decimals_is_vectorised_and_exact(alpha, monkeypatch):
    """f of decimals of more than 2**53 in their digits: the exact product in 128 bits and
    its double by the text engine, not a Python number a row; each f the per-row integers'.
    Rows beyond int64, subnormal products and alphas past 64 bits included."""
    rng = np.random.default_rng(17)
    doubles = rng.standard_normal(400) * 10.0 ** rng.integers(-320, 12, 400)  # in int64 as decimals
    texts = [repr(v) for v in doubles.tolist()] + [
        "-9.999999999999999999e+00",
        "1.2345678901234567891e-310",
        "-0",
    ]
    texts += [f"{v:.18e}" for v in doubles[:100].tolist()]
    values = values_from_decimals([Decimal(t) for t in texts])
    a = ExactNumber.of(Decimal(alpha))
    from leaky_gui.calc import exact, value_data

    monkeypatch.setattr(exact, "_PIECE_ROWS", 64)  # several pieces
    calls: list[int] = []
    one = value_data.nearest_double
    monkeypatch.setattr(value_data, "nearest_double", lambda n, s: calls.append(1) or one(n, s))
    whole = values.data.exact_f_block(0, values.count, a)
    if abs(a.numerator) < 2**64:  # only the rows beyond int64 one by one (their x, their f)
        assert len(values.data.big) < 0.2 * values.count and len(calls) <= 2 * len(values.data.big)
    one_by_one = [float(values.data.exact_f_block(i, i + 1, a)[0]) for i in range(values.count)]
    assert whole.tobytes() == np.array(one_by_one).tobytes()  # -0.0 never, bit for bit


def test_a_positive_x_beyond_2_53_in_its_digits_is_its_own_double_at_alpha_0():
    # Found by the Decimal oracle's property test: alpha 0 made the fast path take a
    # numerator (9007199254740993) that a double cannot hold, rounding x twice.
    values = values_from_decimals([Decimal("90071992547409.93")]).with_alphas([Decimal(0)])
    assert values.f(0) == values.x(0) == float(Decimal("90071992547409.93"))
