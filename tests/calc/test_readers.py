"""Readers: every format, every bad file one message naming the file (and line and column), cancel."""

from __future__ import annotations

import io
import pickle
import re
from decimal import Decimal

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leaky_gui.calc import readers, text_reader
from leaky_gui.calc.readers import ValuesFileError, read_text, read_values
from leaky_gui.calc.sweep import ExactNumber
from leaky_gui.calc.text import ParameterError, parse_decimal, scan_cells
from leaky_gui.calc.text.parse import exact_columns
from leaky_gui.calc.value_data import ValuesCancelled

D = Decimal


def xs(values) -> list[float]:
    return [values.x(i) for i in range(values.count)]


def write(tmp_path, name: str, text: str | bytes):
    path = tmp_path / name
    path.write_bytes(text.encode() if isinstance(text, str) else text)
    return path


# --- text layouts -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "text", "column", "expected"),
    [
        ("plain.txt", "-3.7\n0.1\n1e-3\n", None, [-3.7, 0.1, 0.001]),
        ("no-final-newline.txt", "1\n2", None, [1.0, 2.0]),
        ("crlf.csv", "x,y\r\n1,2\r\n3,4\r\n", "y", [2.0, 4.0]),
        ("bom.csv", "\ufeffx\n5\n", None, [5.0]),
        ("bom-no-header.txt", "\ufeff5\n6\n", None, [5.0, 6.0]),
        ("header.csv", "name,x\na,1.5\nb,-2\n", None, [1.5, -2.0]),  # the first numeric column
        ("index.csv", "1,10\n2,20\n", "2", [10.0, 20.0]),
        ("tabs.tsv", "x\ty\n-1\t2.5\n", "x", [-1.0]),
        ("spreadsheet-de.csv", "x;f\n-3,9;1\n4,0;2\n", "x", [-3.9, 4.0]),  # ';' goes with decimal commas
        ("quoted.csv", 'x,y\n"1.5","2"\n"-3",4\n', "x", [1.5, -3.0]),
        ("spaces.csv", "x, y\n 1 , 2\n", "y", [2.0]),
        ("signs.txt", "+.5\n-0\n1E+2\n-2.5e-1\n007\n", None, [0.5, 0.0, 100.0, -0.25, 7.0]),
    ],
)
def test_text_layouts(tmp_path, name, text, column, expected):
    assert xs(read_values(write(tmp_path, name, text), column)) == expected


def test_decimal_commas_when_asked_for_in_a_one_column_file(tmp_path):
    path = write(tmp_path, "de.txt", "0,05\n-2,5\n")
    assert xs(read_values(path, decimal_comma=True)) == [0.05, -2.5]


def test_the_column_is_named_by_number_or_header(tmp_path):
    path = write(tmp_path, "t.csv", "a,b,c\n1,2,3\n")
    assert xs(read_values(path, 3)) == [3.0]
    assert xs(read_values(path, "b")) == [2.0]


def test_stdin_is_read_as_text():
    values = read_values("-", stdin=io.BytesIO(b"x\n1\n2\n"))
    assert values.name == "standard input" and xs(values) == [1.0, 2.0]


def test_lines_across_blocks_keep_their_numbers(monkeypatch, tmp_path):
    monkeypatch.setattr(readers, "BLOCK_BYTES", 64)
    lines = [f"{i}.25,{-i}e-3" for i in range(1, 400)]
    path = write(tmp_path, "blocks.csv", "a,b\n" + "\n".join(lines) + "\n")
    assert xs(read_values(path, "b")) == [-i / 1000 for i in range(1, 400)]
    bad = lines.copy()
    bad[299] = "1,abc"
    path = write(tmp_path, "values.csv", "a,b\n" + "\n".join(bad) + "\n")
    with pytest.raises(ValuesFileError) as info:
        read_values(path, "b")
    assert str(info.value) == "values.csv line 301, column 2: 'abc' is not a number"


# --- the vectorised parser agrees with parse_decimal --------------------------------------------

cell_text = st.one_of(
    st.from_regex(r"[+-]?(\d{0,20}\.?\d{0,20})([eE][+-]?\d{0,5})?", fullmatch=True),
    st.text(alphabet="0123456789.,eE+- x", max_size=12),
)


@settings(max_examples=500, deadline=None)
@given(cells=st.lists(cell_text, min_size=1, max_size=20), decimal_comma=st.booleans())
@pytest.mark.slow
def test_cells_the_engine_reads_are_what_parse_decimal_reads_or_are_left_to_it(cells, decimal_comma):
    data = "\n".join(cells).encode()
    buf = np.frombuffer(data, dtype=np.uint8)
    ends = np.array([i for i, b in enumerate(data) if b == 10] + [len(data)])
    starts = np.concatenate(([0], ends[:-1] + 1))
    point = ord(",") if decimal_comma else ord(".")
    num, scales, slow = exact_columns(scan_cells(buf, starts, ends, point))
    for cell, n, s, is_slow in zip(cells, num.tolist(), scales.tolist(), slow.tolist(), strict=True):
        if is_slow:
            continue
        exact = ExactNumber.of(parse_decimal(cell, decimal_comma=decimal_comma))  # must not raise
        assert D(n).scaleb(-s) == D(exact.numerator).scaleb(-exact.scale), cell


def test_the_engine_takes_the_common_case():
    data = b"-3.7\n+0.125\n12\n.5\n5.\n-0\n6.1227573641555475\n-2.405794275760342327e+00\n1E5\n"
    buf = np.frombuffer(data, dtype=np.uint8)
    ends = np.array([i for i, b in enumerate(data) if b == 10])
    starts = np.concatenate(([0], ends[:-1] + 1))
    num, scales, slow = exact_columns(scan_cells(buf, starts, ends))
    assert not slow.any()
    assert [D(n).scaleb(-s) for n, s in zip(num.tolist(), scales.tolist(), strict=True)] == [
        D("-3.7"),
        D("0.125"),
        D(12),
        D("0.5"),
        D(5),
        D(0),
        D("6.1227573641555475"),
        D("-2.405794275760342327"),
        D(100000),
    ]


def test_text_read_in_pieces_writes_what_it_reads(tmp_path, monkeypatch):
    monkeypatch.setattr(text_reader, "_PIECE_ROWS", 64)
    rng = np.random.default_rng(3)
    cells = [
        f"{v:.{rng.integers(1, 7)}f}" for v in rng.standard_normal(2000) * 10.0 ** rng.integers(-5, 6, 2000)
    ]
    values = read_values(write(tmp_path, "x.csv", "x\n" + "\n".join(cells) + "\n"))
    assert xs(values) == [float(c) for c in cells]


# --- bad files ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "column", "message"),
    [
        ("empty.csv", "", None, "empty.csv: holds no values (empty)"),
        ("header-only.csv", "x,y\n", None, "header-only.csv: holds no values (only a header)"),
        ("values.csv", "x,y\n1,2\n3,abc\n", "y", "values.csv line 3, column 2: 'abc' is not a number"),
        ("word.txt", "1\n2\nseven\n", None, "word.txt line 3: 'seven' is not a number"),
        ("ragged.csv", "x,y\n1,2\n3\n", "x", "ragged.csv line 3: 1 cells where the first line has 2"),
        ("gap.csv", "x,y\n1,\n", "y", "gap.csv line 2, column 2: the cell is empty"),
        ("blank.txt", "1\n\n2\n", None, "blank.txt line 2: the line is empty"),
        (
            "nan.txt",
            "1\nnan\n",
            None,
            "nan.txt line 2: 'nan' is not a finite number (NaN and inf are only read from .npy)",
        ),
        (
            "inf.csv",
            "x\n-inf\n",
            None,
            "inf.csv line 2: '-inf' is not a finite number (NaN and inf are only read from .npy)",
        ),
        (
            "comma.txt",
            "x\n0,5\n1\n",
            None,
            "comma.txt line 2: '0,5' has a decimal comma; read the file with decimal commas",
        ),
        (
            "huge.txt",
            "1e999\n",
            None,
            "huge.txt line 1: 1e999 is too large for a double: its nearest double is infinite (beyond 1.8e308)",
        ),
        ("named.csv", "a,b\n1,2\n", "c", "named.csv: no column named 'c'; the header has 'a', 'b'"),
        ("unnamed.csv", "1,2\n", "c", "unnamed.csv: no header row to find column 'c' in (give its number)"),
        ("narrow.csv", "1,2\n", "3", "narrow.csv line 1: there is no column 3; the lines have 2 column(s)"),
        ("quoted.csv", 'x\n"1"\n"a b"\n', None, "quoted.csv line 3: '\"a b\"' is not a number"),
    ],
)
def test_a_bad_text_file_is_one_message_naming_the_place(tmp_path, name, content, column, message):
    with pytest.raises(ValuesFileError) as info:
        read_values(write(tmp_path, name, content), column)
    assert str(info.value) == message


def test_a_pickled_object_array_is_never_loaded(tmp_path, monkeypatch):
    path = tmp_path / "objects.npy"
    np.save(path, np.array([1.0, "a"], dtype=object), allow_pickle=True)
    monkeypatch.setattr(pickle, "loads", lambda *a, **k: pytest.fail("unpickled"))
    with pytest.raises(
        ValuesFileError, match=r"objects.npy: holds Python objects.*np.save\(path, tensor.numpy\(\)\)"
    ):
        read_values(path)


def test_a_truncated_npy(tmp_path):
    path = tmp_path / "cut.npy"
    np.save(path, np.arange(100, dtype=np.float32))
    path.write_bytes(path.read_bytes()[:-10])
    with pytest.raises(
        ValuesFileError,
        match=r"^cut.npy: truncated: the header promises 400 bytes of data, the file holds 390$",
    ):
        read_values(path)
    path.write_bytes(b"\x93NUMPY\x01")
    with pytest.raises(ValuesFileError, match=r"^cut.npy: not a readable .npy"):
        read_values(path)


@pytest.mark.parametrize("name", ["arrays.npz", "model.pt", "weights.pth", "data.pkl"])
def test_archives_and_pickles_are_refused_with_what_to_do(tmp_path, name):
    path = tmp_path / name
    if name.endswith(".npz"):
        np.savez(path, a=np.ones(3))
    else:
        path.write_bytes(pickle.dumps([1.0, 2.0]))
    with pytest.raises(ValuesFileError) as info:
        read_values(path)
    assert str(info.value).startswith(f"{name}: ") and "np.save(path" in str(info.value)


def test_an_npz_saved_under_another_name_is_still_refused(tmp_path):
    path = tmp_path / "arrays.bin"
    with open(path, "wb") as stream:
        np.savez(stream, a=np.ones(3))
    with pytest.raises(ValuesFileError, match="npz archive"):
        read_values(path)


@pytest.mark.parametrize("dtype", [np.complex64, np.bool_, np.dtype([("a", "f4")]), np.dtype("U3")])
def test_npy_of_other_kinds_is_refused(tmp_path, dtype):
    path = tmp_path / "other.npy"
    np.save(path, np.zeros(3, dtype=dtype))
    with pytest.raises(ValuesFileError, match=r"^other.npy: "):
        read_values(path)


def test_empty_npy_and_missing_files(tmp_path):
    np.save(tmp_path / "none.npy", np.zeros((0, 3), dtype=np.float32))
    with pytest.raises(ValuesFileError, match=r"^none.npy: holds no values \(shape \(0, 3\)\)$"):
        read_values(tmp_path / "none.npy")
    with pytest.raises(ValuesFileError, match=r"^gone\.csv: no such file$"):
        read_values(tmp_path / "gone.csv")
    with pytest.raises(ValuesFileError, match="is a folder"):
        read_values(tmp_path)


def test_npy_nan_and_inf_are_values_not_errors(tmp_path):
    path = tmp_path / "acts.npy"
    np.save(path, np.array([[np.nan, 1.0], [-np.inf, -2.0]], dtype=np.float16))
    values = read_values(path)
    assert values.extent.nan_count == 1 and values.extent.inf_count == 1
    assert values.description() == (
        "acts.npy: 4 float16 values (shape (2, 2), flattened in C order); 1 NaN, 1 infinite"
    )


def test_npy_is_mapped_not_loaded(tmp_path):
    path = tmp_path / "big.npy"
    np.save(path, np.arange(1000, dtype=np.float32))
    values = read_values(path)
    assert isinstance(values.data.array, np.memmap) and not values.data.array.flags.writeable


# --- cancel -------------------------------------------------------------------------------


@pytest.mark.slow
def test_a_load_cancelled_halfway_through_a_large_file_keeps_nothing(tmp_path):
    path = tmp_path / "large.csv"
    rows = 3_000_000
    np.savetxt(path, np.linspace(-5, 5, rows), fmt="%.6f", header="x", comments="")
    seen: list[tuple[int, int]] = []

    def halfway() -> bool:
        return bool(seen) and seen[-1][0] >= seen[-1][1] // 2

    with pytest.raises(ValuesCancelled):
        read_values(path, progress=lambda done, total: seen.append((done, total)), should_stop=halfway)
    assert 0 < seen[-1][0] < seen[-1][1]  # it really stopped halfway
    assert sorted(p.name for p in tmp_path.iterdir()) == ["large.csv"]
    whole = read_values(path)
    assert whole.count == rows and whole.x(rows - 1) == 5.0


def test_cancel_before_the_first_block():
    with pytest.raises(ValuesCancelled):
        read_text(io.BytesIO(b"1\n2\n"), "two", should_stop=lambda: True)


def test_a_parameter_error_is_not_what_readers_raise(tmp_path):
    with pytest.raises(ValuesFileError) as info:
        read_values(write(tmp_path, "x.txt", "abc\n\n"))
    assert not isinstance(info.value, ParameterError)


def test_numpy_e18_text_keeps_its_19_digits_in_the_column(tmp_path):
    """%.18e writes 19 significant digits: those up to int64 stay in the column (not one
    Python number each), the few beyond it exact too, and each x is the double it names."""
    rng = np.random.default_rng(18)
    values = rng.standard_normal(3000) * 3
    texts = [f"{v:.18e}" for v in values.tolist()] + ["9.000000000000000001e+00", "-9.999999999999999999e-01"]
    read = read_values(write(tmp_path, "e18.csv", "x\n" + "\n".join(texts) + "\n"))
    column = read.data
    beyond = [i for i, t in enumerate(texts) if abs(ExactNumber.of(D(t)).numerator) >= 2**63]
    assert sorted(column.big) == beyond and len(beyond) < 0.05 * len(texts)
    assert column.exact(3000) == ExactNumber(9000000000000000001, 18)
    assert column.exact(3001) == ExactNumber(-9999999999999999999, 19)
    assert column.doubles(0, read.count).tolist() == [float(t) for t in texts]
    assert [read.x(i) for i in beyond] == [float(texts[i]) for i in beyond]


@pytest.mark.parametrize("kernel", ["1", "0"])
def test_19_digit_numerators_beyond_int64_are_kept_as_arrays_not_python_numbers(
    monkeypatch, tmp_path, kernel
):
    """2% of %.18e's values: a uint64 magnitude, a scale and a sign each, across blocks read
    on workers and joined; each made an ExactNumber only when asked for."""
    from fractions import Fraction

    monkeypatch.setenv("LEAKY_GUI_TEXT_KERNEL", kernel)
    monkeypatch.setattr(readers, "STOPPABLE_BLOCK_BYTES", 4000)
    values = np.random.default_rng(19).standard_normal(4000) * 3
    texts = [f"{v:.18e}" for v in values.tolist()] + ["9.999999999999999999e+00", "2e+30", "-9.9e-301"]
    read = read_values(write(tmp_path, "e18.csv", "x\n" + "\n".join(texts) + "\n"), should_stop=lambda: False)
    column = read.data
    beyond = [i for i, t in enumerate(texts) if abs(ExactNumber.of(D(t)).numerator) >= 2**63]
    assert list(column.big) == column.big_rows.tolist() == beyond and len(beyond) > 40
    # Only 2e+30 (31 digits) is an object; the 19-digit ones are arrays.
    assert column.big.others == {4001: ExactNumber(2 * 10**30, 0)}
    assert column.big.rows.tolist() == [i for i in beyond if i != 4001]
    assert column.big[4000] == ExactNumber(9999999999999999999, 18)
    for i in range(len(texts)):
        e = column.exact(i)
        assert Fraction(e.numerator, 10**e.scale) == Fraction(D(texts[i])), texts[i]
    assert dict(column.big) == {i: ExactNumber.of(D(texts[i])) for i in beyond}
    with pytest.raises(KeyError):
        column.big[0 if 0 not in beyond else 1]
    assert None not in column.big and 2**70 not in column.big and column.big.get(-1) is None
    assert np.int64(beyond[0]) in column.big and float(beyond[0]) not in column.big  # rows are integers
    assert column.doubles(0, read.count).tolist() == [float(t) for t in texts]
    # At one scale (what f and the export are made from): the big rows patched in.
    num, scale = column.decimal_block(0, read.count)
    assert [Fraction(n, 10**scale) for n in num] == [Fraction(D(t)) for t in texts]


def test_blocks_read_on_workers_keep_their_order_and_the_first_error(monkeypatch, tmp_path):
    monkeypatch.setattr(readers, "STOPPABLE_BLOCK_BYTES", 1000)
    lines = [repr(v) for v in (np.random.default_rng(9).standard_normal(5000) * 3).tolist()]
    path = write(tmp_path, "x.csv", "x\n" + "\n".join(lines) + "\n")
    read = read_values(path, should_stop=lambda: False)
    assert xs(read) == [float(t) for t in lines]
    lines[3000], lines[4000] = "1.5.5", "abc"
    path = write(tmp_path, "bad.csv", "x\n" + "\n".join(lines) + "\n")
    with pytest.raises(ValuesFileError, match=re.escape("bad.csv line 3,002: '1.5.5' is not a number")):
        read_values(path, should_stop=lambda: False)
