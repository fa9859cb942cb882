"""Short fixed-point lines (six decimals, as the first benchmark wrote them) through the rows of
``eval --input`` (``calc.text.rows.DoubleRows``), on the compiled kernel and on the numpy path,
against the general reader and writer.

Every block the rows take must come out byte for byte as the general path writes it
(``TextColumnReader`` then ``iter_csv_chunks``); a block they do not take gives None.
"""

from __future__ import annotations

from decimal import Decimal

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leaky_gui.calc import readers
from leaky_gui.calc.csv_export import iter_csv_chunks
from leaky_gui.calc.sweep import ExactNumber
from leaky_gui.calc.text import kernel_built
from leaky_gui.calc.text.rows import DoubleRows
from leaky_gui.calc.text_reader import TextColumnReader
from leaky_gui.cli import main


@pytest.fixture(autouse=True, params=["kernel", "numpy"])
def path(request, monkeypatch):
    """Each test on the compiled kernel (where it was built) and on the numpy path."""
    if request.param == "kernel" and not kernel_built():
        pytest.skip("built without a C compiler")
    monkeypatch.setenv("LEAKY_GUI_TEXT_KERNEL", "1" if request.param == "kernel" else "0")
    return request.param


ALPHAS = ["0.01", "0.1", "0.001", "0.2", "1", "0", "-0.5", "3", "0.3333"]


def general(block: bytes, alphas: list[Decimal], derivative: bool, decimal_comma: bool) -> bytes:
    reader = TextColumnReader("values.txt", None, True if decimal_comma else None)
    reader.started, reader.decimal_comma = True, decimal_comma  # no header: every line is data
    reader.feed(block)
    part = reader.drain().with_alphas(alphas)
    chunks = iter_csv_chunks(part, derivative, decimal_comma=decimal_comma)
    next(chunks)
    return b"".join(data for data, _ in chunks)


def fast(block: bytes, alphas: list[Decimal], derivative: bool, decimal_comma: bool):
    texts = tuple(repr(float(a)) for a in alphas) if derivative else ()
    made = DoubleRows(
        tuple(ExactNumber.of(a) for a in alphas),
        texts,
        decimal_comma,
        point=ord(",") if decimal_comma else ord("."),
    )
    return made.rows(np.frombuffer(block, np.uint8))


def check(lines: list[str], alphas: list[str], derivative: bool = False, decimal_comma: bool = False) -> bool:
    """True when the rows took the block (and then matched the general path)."""
    if decimal_comma:
        lines = [line.replace(".", ",") for line in lines]
    block = "".join(f"{line}\n" for line in lines).encode()
    exact = [Decimal(a) for a in alphas]
    got = fast(block, exact, derivative, decimal_comma)
    if got is None:
        return False
    assert got[1] == len(lines)
    want = general(block, exact, derivative, decimal_comma)
    assert bytes(got[0]) == want
    return True


EDGES = [
    "-4.292619",
    "1.181815",
    "-0.771577",
    "-4.000000",
    "4.500000",
    "-400.000",
    "-123.456",
    "-12.5",
    "-0.000000",
    "0.000000",
    "-0.0099",
    "-0.01",
    "-0.0123",
    "0.0001",
    "-0.00001",
    "+1.5",
    "007.5",
    "-05.25",
    ".5",
    "-.25",
    "5.",
    "0.100",
    "-9.990",
]
# Taken alone: with the short ones above, the numerators at one scale would pass int64.
LONG = [
    "-1.234567890123",
    "-12345678901234.",
    "123456789012345.",
    "-99999999.999999",
    "1.0000000000000",
    "-2.1000000000000",
    "-0.0000000100000",
    "-0.0100000000000",
]


@pytest.mark.parametrize("alpha", ALPHAS)
@pytest.mark.parametrize("decimal_comma", [False, True])
def test_edges_match_the_general_path(alpha, decimal_comma):
    assert check(EDGES, [alpha], derivative=True, decimal_comma=decimal_comma)
    for line in EDGES + LONG:
        assert check([line], [alpha], decimal_comma=decimal_comma)


def test_several_alphas_and_derivatives():
    assert check(EDGES * 3, ["0.01", "0.2", "0.1", "0"], derivative=True)


@pytest.mark.parametrize("bad", ["abc", " 1.5", "1.5.5", "--1.0", "1-2.0", "", "1,5", "1e999", "1e-999"])
def test_other_lines_are_left_to_the_general_reader(bad):
    assert fast(f"1.5\n{bad}\n-2.5\n".encode(), [Decimal("0.01")], False, False) is None


@pytest.mark.parametrize("other", ["1e5", "12345678901234567.5", "1.5\r", "-0.000000000000000000000001"])
def test_other_numbers_are_the_general_paths_bytes(other):
    assert check(["1.5", other, "-2.5"], ["0.01", "0.2"], derivative=True)


line = st.builds(
    lambda sign, whole, zeros, fraction, trail: f"{sign}{whole}.{'0' * zeros}{fraction}{'0' * trail}"[:16],
    st.sampled_from(["", "-", "-", "+"]),
    st.one_of(st.just("0"), st.integers(0, 10**8).map(str), st.just("")),
    st.integers(0, 6),
    st.one_of(st.integers(0, 10**7).map(str), st.just("")),
    st.integers(0, 4),
)


@settings(max_examples=300, deadline=None)
@given(
    lines=st.lists(line, min_size=1, max_size=60),
    alphas=st.lists(st.sampled_from(ALPHAS), min_size=1, max_size=3, unique=True),
    derivative=st.booleans(),
    decimal_comma=st.booleans(),
)
def test_random_blocks_match_the_general_path(lines, alphas, derivative, decimal_comma):
    lines = [x for x in lines if x.strip("+-.")] or ["1.5"]
    check(lines, alphas, derivative, decimal_comma)


def test_a_typical_block_is_taken():
    rng = np.random.default_rng(3)
    lines = [f"{x:.6f}" for x in np.round(rng.standard_normal(5000) * 3, 6)]
    assert check(lines, ["0.01"])
    assert check(lines, ["0.2", "0.01"], derivative=True)


def run_cli(capsys, *args: str) -> tuple[int, bytes, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out.encode(), err


@pytest.fixture
def small_blocks(monkeypatch):
    """Blocks of 4 kB, so that a small file spans many and the workers take turns."""
    monkeypatch.setattr(readers, "FAST_BLOCK_BYTES", 4096)


def test_a_file_of_many_blocks_is_what_the_general_path_writes(capsys, tmp_path, small_blocks, monkeypatch):
    rng = np.random.default_rng(4)
    lines = [f"{x:.6f}" for x in np.round(rng.standard_normal(20_000) * 3, 6)]
    lines[7000:7010] = ["1e-3"] * 10  # a block the general reader takes, in its turn
    lines[12000] = "-0.000000"
    source = tmp_path / "values.csv"
    source.write_text("x\n" + "\n".join(lines) + "\n")
    options = ["eval", "--input", str(source), "--alpha", "0.01", "--alpha", "0.2", "--derivative"]
    status, got, _ = run_cli(capsys, *options)
    assert status == 0
    monkeypatch.setenv("LEAKY_GUI_TEXT_GENERAL", "1")
    status, want, _ = run_cli(capsys, *options)
    assert status == 0
    assert got == want
    assert got.count(b"\n") == 20_001


def test_a_bad_line_far_in_is_named_and_nothing_is_written(capsys, tmp_path, small_blocks):
    lines = ["-1.25"] * 30_000
    lines[25_000] = "1.2.5"
    source = tmp_path / "values.txt"
    source.write_text("x\n" + "\n".join(lines) + "\n")
    target = tmp_path / "out.csv"
    status, _, err = run_cli(capsys, "eval", "--input", str(source), "-o", str(target))
    assert status == 2
    assert "values.txt line 25,002: '1.2.5' is not a number" in err
    assert not target.exists()
    assert list(tmp_path.iterdir()) == [source]


def test_a_first_line_of_data_comes_first(capsys, tmp_path, small_blocks):
    source = tmp_path / "values.txt"
    source.write_text("0\n" + "0.5\n-0.5\n" * 3000)
    status, got, _ = run_cli(capsys, "eval", "--input", str(source))
    assert status == 0
    assert got.startswith(b"x,f(alpha=0.01)\n0.0,0.0\n0.5,0.5\n-0.5,-0.005\n")
    assert got.count(b"\n") == 6002
