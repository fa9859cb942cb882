"""The text engine's compiled kernel (calc/text/_kernel.c): what it takes, what it leaves.

That its rows are the numpy path's and the general path's byte for byte, over generated
decimals, is tested with the other paths in test_text_engine.py; here, that it is built
where CI says it must be, that it really makes the rows of the data people have (not
leaving them to the numpy path), and that it leaves every block it cannot decide.
"""

from __future__ import annotations

import os
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import decimal_texts

from leaky_gui.calc import text_reader
from leaky_gui.calc.exact import ExactNumber
from leaky_gui.calc.text import GENERAL_ENV, KERNEL_ENV, kernel_built
from leaky_gui.calc.text.rows import DoubleRows

REQUIRE_ENV = "LEAKY_GUI_REQUIRE_KERNEL"  # CI sets it: a build without the kernel fails there

needs_kernel = pytest.mark.skipif(not kernel_built(), reason="built without a C compiler")


def test_the_kernel_is_built_where_it_is_required():
    if os.environ.get(REQUIRE_ENV) != "1":
        pytest.skip(f"{REQUIRE_ENV} is not set")
    assert kernel_built(), "the compiled kernel was not built (is a C compiler installed?)"


def _maker(alphas=("0.01",), derivative=False, decimal_comma=False, **layout) -> DoubleRows:
    exact = tuple(ExactNumber.of(Decimal(a)) for a in alphas)
    texts = tuple(str(float(a)) for a in alphas) if derivative else ()
    maker = DoubleRows(exact, texts, decimal_comma)
    if layout:
        point = ord(",") if decimal_comma else ord(".")
        maker = maker.laid_out(point=point, **layout)
    return maker


def _general(maker: DoubleRows, block: np.ndarray, monkeypatch: pytest.MonkeyPatch) -> bytes | None:
    with monkeypatch.context() as patch:
        patch.setenv(GENERAL_ENV, "1")
        made = maker.rows(block)
    return None if made is None else bytes(made[0])


def _block(lines: list[str], newline: str = "\n") -> np.ndarray:
    return np.frombuffer("".join(line + newline for line in lines).encode(), dtype=np.uint8)


rng = np.random.default_rng(22)
NORMALS = (rng.standard_normal(3000) * 3).tolist()
SPREAD = (rng.standard_normal(3000) * 10.0 ** rng.integers(-300, 300, 3000)).tolist()


@needs_kernel
@pytest.mark.parametrize(
    "lines",
    [
        [repr(v) for v in NORMALS],  # polars, pandas, numpy's str: the shortest text
        [f"{v:.18e}" for v in NORMALS],  # numpy's savetxt
        [f"{v:.15g}" for v in NORMALS],
        [f"{v:.6f}" for v in NORMALS],  # six decimals
        [repr(v) for v in SPREAD],  # every exponent
        ["0", "-0.0", "+1", "5.", ".5", "1E5", "-2.5e-07", "007.50", "0.000", "1e+05"],
    ],
    ids=["shortest", "e18", "g15", "six", "spread", "forms"],
)
@pytest.mark.parametrize(
    "options",
    [
        {},
        {"alphas": ("0.01", "-0.3", "1234.5", "1e-05"), "derivative": True},
        {"alphas": ("0", "1", "2.5")},
    ],
    ids=["default", "alphas-derivative", "relu-identity"],
)
def test_the_kernel_makes_the_rows_of_the_data_people_have(monkeypatch, lines, options):
    maker = _maker(**options)
    block = _block(lines)
    made = maker._kernel_rows(block)
    assert made is not None, "left to the numpy path"
    assert made[1] == len(lines)
    assert bytes(made[0]) == _general(maker, block, monkeypatch)


@needs_kernel
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_the_kernel_reads_a_column_and_decimal_commas(monkeypatch, newline):
    lines = [f"{i};{v!r};{-v!r}".replace(".", ",") for i, v in enumerate(NORMALS[:500])]
    maker = _maker(
        ("0.01", "0.2"), derivative=True, decimal_comma=True, separator=ord(";"), column=1, n_columns=3
    )
    block = _block(lines, newline)
    made = maker._kernel_rows(block)
    assert made is not None
    text = bytes(made[0])
    assert text == _general(maker, block, monkeypatch)
    x = NORMALS[0]
    exact = Fraction(repr(x))
    first = [x, x, x, 1.0, 1.0] if x > 0 else [x, float(exact / 100), float(exact / 5), 0.01, 0.2]
    assert text.split(b"\n")[0] == ";".join(repr(v) for v in first).replace(".", ",").encode()


@needs_kernel
@pytest.mark.parametrize(
    ("lines", "alphas"),
    [
        (["1.5", "1.00000000000000000001"], ("0.01",)),  # 21 significant digits
        (["1.5", "1e-330"], ("0.01",)),  # too small: its nearest double is 0
        (["1.5", "1e309"], ("0.01",)),  # beyond the doubles
        (["-1e300", "-1.5"], ("179769313.48623158079372897140530341507993413271",)),  # a wide alpha
        (["-1e300", "-1.5"], ("1e10",)),  # alpha * x beyond the doubles
        (["1.5", "word"], ("0.01",)),
        (["1.5", ""], ("0.01",)),
        (["1.5", "1e999999999"], ("0.01",)),
        (["1.5", " 2.5"], ("0.01",)),
    ],
)
def test_the_kernel_leaves_what_it_does_not_decide(monkeypatch, lines, alphas):
    maker = _maker(alphas)
    block = _block(lines)
    assert maker._kernel_rows(block) is None
    made = maker.rows(block)
    assert (None if made is None else bytes(made[0])) == _general(maker, block, monkeypatch)


@needs_kernel
@pytest.mark.parametrize(
    ("lines", "alphas"),
    [
        (["1.5", "-4e-320", "2.4703282292062328e-324"], ("0.01",)),  # subnormal x
        (["1.5", "-1e-300", "-1e-320"], ("1e-30",)),  # subnormal f, and f = 0
        (["-1.7976931348623158e308", "-1.5"], ("1",)),  # the largest double
        ([repr(v) for v in NORMALS], ("123456789.123456789", "1234.5")),  # wide products
    ],
)
def test_the_kernel_decides_the_edges_and_wide_products(monkeypatch, lines, alphas):
    """What the 128-bit product leaves undecided, Python's correctly rounded strtod decides."""
    maker = _maker(alphas)
    block = _block(lines)
    made = maker._kernel_rows(block)
    assert made is not None
    assert bytes(made[0]) == _general(maker, block, monkeypatch)


@needs_kernel
@pytest.mark.parametrize("lines", [['1,"2.5",3'], ["1,2.5,3", "1,2.5"], ["1,2.5,3,4"]])
def test_the_kernel_leaves_quotes_and_ragged_lines(lines):
    maker = _maker(separator=ord(","), column=1, n_columns=3)
    assert maker._kernel_rows(_block(lines)) is None


@needs_kernel
def test_the_kernel_needs_whole_lines():
    block = np.frombuffer(b"1.5\n2.5", dtype=np.uint8)
    assert _maker()._kernel_rows(block) is None


# ---------------------------------------------------------------------------
# The window's reader: exact decimals and their doubles


def _read_both(path, column=None, decimal_comma=None):
    """The values read with the kernel and on the numpy path, and whether the kernel took them."""
    from leaky_gui.calc.readers import read_values

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(KERNEL_ENV, "1")
        taken = []
        original = text_reader.kernel_decimals

        def counting(*args, **kwargs):
            made = original(*args, **kwargs)
            taken.append(made is not None)
            return made

        patch.setattr(text_reader, "kernel_decimals", counting)
        by_kernel = read_values(path, column, decimal_comma).data
        took = list(taken)
        patch.setenv(KERNEL_ENV, "0")
        by_numpy = read_values(path, column, decimal_comma).data
    return by_kernel, by_numpy, took


def _assert_same(a, b):
    assert np.array_equal(a.numerators, b.numerators)
    assert np.array_equal(a.scales, b.scales)
    assert np.array_equal(a.big_rows, b.big_rows)
    assert a.big == b.big
    assert a.doubles(0, a.count).tobytes() == b.doubles(0, b.count).tobytes()  # -0.0 too


@needs_kernel
@pytest.mark.parametrize(
    ("lines", "separator", "decimal_comma"),
    [
        ([repr(v) for v in NORMALS], None, None),
        ([f"{v:.18e}" for v in NORMALS], None, None),  # a tenth of them beyond int64
        ([f"{v:.6f}" for v in NORMALS], None, None),
        ([repr(v) for v in SPREAD if abs(v) < 1e250], None, None),  # beyond: the numpy path reads them
        (
            [
                *["0", "-0.0", "+1", "5.", ".5", "1E5", "-2.5e-07", "007.50", "0.000", "1e+18", "9e+200"],
                *["9.300000000000000000e+00", "-9.999999999999999990e+05", "9.223372036854775808e-3"],
                *["-9223372036854775807", "9223372036854775808e-5", "9.3e+18"],
            ],
            None,
            None,
        ),
        ([f"{i},{v!r},{-v!r}" for i, v in enumerate(NORMALS)], ",", None),
        ([f"{i};{v!r}".replace(".", ",") for i, v in enumerate(NORMALS)], ";", True),
    ],
    ids=["shortest", "e18", "six", "spread", "forms", "csv", "decimal-comma"],
)
@pytest.mark.parametrize("ending", ["\n", "\r\n", "none"])
def test_the_window_reader_reads_the_same_decimals_by_the_kernel(
    tmp_path, lines, separator, decimal_comma, ending
):
    header = "i,x,y" if separator == "," else ("i;x" if separator == ";" else "x")
    newline = "\n" if ending == "none" else ending
    text = newline.join([header, *lines]) + ("" if ending == "none" else newline)
    path = tmp_path / "values.csv"
    path.write_bytes(text.encode())
    by_kernel, by_numpy, taken = _read_both(path, "x" if separator else None, decimal_comma)
    assert taken and all(taken)
    _assert_same(by_kernel, by_numpy)


@needs_kernel
@settings(max_examples=150, deadline=None)
@given(st.lists(decimal_texts(), min_size=1, max_size=30))
def test_the_window_reader_agrees_on_generated_decimals(texts):
    """Whatever the kernel takes or leaves, the values read are the numpy path's, or both refuse."""
    import tempfile

    from leaky_gui.calc.value_data import ValuesFileError

    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "values.csv")
        with open(path, "w", encoding="ascii") as out:
            out.write("x\n" + "\n".join(texts) + "\n")
        try:
            by_kernel, by_numpy, _ = _read_both(path)
        except ValuesFileError:
            with pytest.MonkeyPatch.context() as patch:
                patch.setenv(KERNEL_ENV, "0")
                from leaky_gui.calc.readers import read_values

                with pytest.raises(ValuesFileError):
                    read_values(path)
            return
        _assert_same(by_kernel, by_numpy)


@needs_kernel
@pytest.mark.parametrize("separated", [False, True])
@pytest.mark.parametrize(
    "cell",
    [
        "0.000000000000000000000001500",  # 27 digits after the point
        "00000000000000000001.50",  # 20 before it
        "1.50e-00003",  # 5 in the exponent
        "-1234567890.12345678901234567890e-5",  # a cell of 41 bytes (when separated)
        "1.500000000000000000000000",
    ],
)
def test_the_window_reader_keeps_what_the_numpy_scan_leaves_as_it_keeps_it(tmp_path, cell, separated):
    """Cells the numpy scan leaves to parse_decimal (trailing zeros dropped there) are left
    to the numpy path by the kernel too: the same numerators and scales, not just values."""
    lines = [f"1,{cell},2" if separated else cell, "1,2.50,3" if separated else "2.50"]
    path = tmp_path / "values.csv"
    path.write_text("\n".join(["i,x,y" if separated else "x", *lines]) + "\n")
    by_kernel, by_numpy, _ = _read_both(path, "x" if separated else None)
    _assert_same(by_kernel, by_numpy)
