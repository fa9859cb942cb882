"""The streaming CSV writer: byte-exact text, chunk boundaries, nothing lost on failure."""

from __future__ import annotations

import csv
import errno
import io
import os
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import decimals

from leaky_gui.calc.atomic_file import OutputPathError
from leaky_gui.calc.csv_export import (
    ExportCancelled,
    csv_header,
    iter_csv_chunks,
    write_csv,
    write_csv_stream,
)
from leaky_gui.calc.sweep import SweepParams, format_number


def reference_rows(params: SweepParams, derivative: bool) -> list[str]:
    """One row at a time through the core's scalar functions: slow but obviously right."""
    rows = []
    for i in range(params.count):
        cells = [format_number(params.x(i))]
        cells += [format_number(params.f(i, a)) for a in params.alphas]
        if derivative:
            cells += [format_number(params.df(i, a)) for a in params.alphas]
        rows.append(",".join(cells))
    return rows


def csv_text(params: SweepParams, derivative: bool = False, chunk_rows: int = 7) -> str:
    return b"".join(data for data, _ in iter_csv_chunks(params, derivative, chunk_rows)).decode("ascii")


def test_default_sweep_csv():
    lines = csv_text(SweepParams()).splitlines()
    assert lines[0] == "x,f(alpha=0.01)"
    assert lines[1] == "-4.0,-0.04"
    assert lines[80] == "-0.05,-0.0005"  # not -0.04999999999999982
    assert lines[81] == "0.0,0.0"
    assert lines[-1] == "1.0,1.0"
    assert len(lines) == 102


def test_header_names_each_alpha_then_each_derivative():
    alphas = (Decimal("0.01"), Decimal("0.2"), Decimal("0"))
    assert csv_header(alphas, derivative=True) == (
        "x,f(alpha=0.01),f(alpha=0.2),f(alpha=0),f'(alpha=0.01),f'(alpha=0.2),f'(alpha=0)\n"
    )


up_to_17_digits = decimals(17, -10, 4)


@settings(max_examples=250, deadline=None)
@given(
    start=up_to_17_digits,
    step=up_to_17_digits.filter(bool),
    count=st.integers(1, 40),
    alphas=st.lists(up_to_17_digits, min_size=1, max_size=3, unique=True),
    derivative=st.booleans(),
    chunk_rows=st.integers(1, 16),
)
@pytest.mark.slow
def test_chunked_text_equals_the_row_by_row_reference(start, step, count, alphas, derivative, chunk_rows):
    params = SweepParams(start, step, count, tuple(alphas))
    lines = csv_text(params, derivative, chunk_rows).splitlines()
    assert lines[1:] == reference_rows(params, derivative)


@pytest.mark.parametrize(
    ("start", "step", "alphas"),
    [
        ("-0.001", "0.000001", ("0.0001", "-2")),  # scientific notation on both columns
        ("123456789.123", "-100000", ("1e-9", "5")),  # big integer parts, 1e-18 products
        ("1e200", "-3e199", ("2.5",)),  # numerators far beyond int64
        ("-99999999999999.9", "0.7", ("0.3",)),  # 15 and 16 digit numerators side by side
        ("0", "1", ("9.22337203685478E+18",)),  # an alpha numerator beyond int64
        ("0", "9.22337203685478E+18", ("0.5",)),  # a step numerator beyond int64
    ],
)
def test_awkward_ranges_match_the_reference(start, step, alphas):
    params = SweepParams.from_text(start, step, 3000, alphas)
    assert csv_text(params, True, 1000).splitlines()[1:] == reference_rows(params, True)


def test_csv_module_reads_it_back_to_the_exact_doubles():
    params = SweepParams.from_text("-3.7", "0.3", 30, ["0.01", "0.3"])
    rows = list(csv.reader(io.StringIO(csv_text(params, derivative=True))))
    assert rows[0] == ["x", "f(alpha=0.01)", "f(alpha=0.3)", "f'(alpha=0.01)", "f'(alpha=0.3)"]
    for i, row in enumerate(rows[1:]):
        assert [float(v) for v in row] == [
            params.x(i),
            params.f(i, Decimal("0.01")),
            params.f(i, Decimal("0.3")),
            params.df(i, Decimal("0.01")),
            params.df(i, Decimal("0.3")),
        ]
    assert rows[1][1] == "-0.037"


def test_chunks_stay_small_whatever_the_count():
    params = SweepParams(count=10_000_000)
    chunks = iter_csv_chunks(params, chunk_rows=1000)
    next(chunks)  # header
    sizes = [len(next(chunks)[0]) for _ in range(3)]
    assert max(sizes) < 1000 * 40  # rows are made a chunk at a time, never all at once


def test_progress_reports_rows_written():
    seen: list[int] = []
    rows = write_csv_stream(io.BytesIO(), SweepParams(count=200_000), progress=seen.append)
    assert rows == 200_000
    assert seen[0] == 0 and seen[-1] == 200_000 and seen == sorted(seen)


# --- atomic file writing ------------------------------------------------------------


def test_write_csv_creates_the_file(tmp_path):
    target = tmp_path / "sweep.csv"
    assert write_csv(target, SweepParams(), derivative=True) == 101
    assert target.read_text().splitlines()[1] == "-4.0,-0.04,0.01"
    assert os.listdir(tmp_path) == ["sweep.csv"]


def _stop_after_first_chunk():
    calls = {"n": 0}

    def should_stop() -> bool:
        calls["n"] += 1
        return calls["n"] > 2

    return should_stop


def test_cancel_leaves_an_existing_file_untouched_and_no_temporary(tmp_path):
    target = tmp_path / "keep.csv"
    target.write_text("precious\n")
    with pytest.raises(ExportCancelled):
        write_csv(target, SweepParams(count=1_000_000), should_stop=_stop_after_first_chunk())
    assert target.read_text() == "precious\n"
    assert os.listdir(tmp_path) == ["keep.csv"]


def test_ctrl_c_midway_leaves_nothing_behind(tmp_path):
    target = tmp_path / "new.csv"

    def interrupt(rows: int) -> None:
        if rows > 0:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_csv(target, SweepParams(count=1_000_000), progress=interrupt)
    assert os.listdir(tmp_path) == []


def test_existing_file_permissions_are_kept(tmp_path):
    target = tmp_path / "shared.csv"
    target.write_text("old")
    target.chmod(0o640)
    write_csv(target, SweepParams())
    assert target.stat().st_mode & 0o777 == 0o640
    assert target.read_text().startswith("x,")


def test_bad_paths_are_refused_before_anything_is_written(tmp_path):
    with pytest.raises(OutputPathError, match="does not exist"):
        write_csv(tmp_path / "missing" / "a.csv", SweepParams())
    with pytest.raises(OutputPathError, match="is a folder"):
        write_csv(tmp_path, SweepParams())
    assert os.listdir(tmp_path) == []


def test_disk_full_midway_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "keep.csv"
    target.write_text("precious\n")
    real_write_stream = write_csv_stream

    def fail_midway(stream, *args, **kwargs):
        stream.write(b"x,f\n-4.0,")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("leaky_gui.calc.csv_export.write_csv_stream", fail_midway)
    with pytest.raises(OSError, match="No space"):
        write_csv(target, SweepParams())
    assert target.read_text() == "precious\n"
    assert os.listdir(tmp_path) == ["keep.csv"]
    monkeypatch.setattr("leaky_gui.calc.csv_export.write_csv_stream", real_write_stream)
    write_csv(target, SweepParams())
    assert target.read_text().startswith("x,f(alpha=0.01)\n")


def test_read_only_folder_is_refused_and_its_files_kept(read_only_folder, as_ordinary_user):
    with as_ordinary_user(), pytest.raises(OutputPathError, match="not writable"):
        write_csv(read_only_folder / "keep.csv", SweepParams())
    assert (read_only_folder / "keep.csv").read_text() == "precious\n"
    assert sorted(p.name for p in read_only_folder.iterdir()) == ["keep.csv"]


def test_a_failing_temporary_file_is_an_os_error_not_a_crash(read_only_folder, as_ordinary_user, monkeypatch):
    monkeypatch.setattr(
        "leaky_gui.calc.csv_export.check_output_path", lambda path: read_only_folder / "new.csv"
    )
    with as_ordinary_user(), pytest.raises(PermissionError):
        write_csv(read_only_folder / "new.csv", SweepParams())
    assert sorted(p.name for p in read_only_folder.iterdir()) == ["keep.csv"]


# --- decimal-comma spreadsheets ----------------------------------------------------


def test_decimal_comma_file_is_what_a_german_spreadsheet_opens():
    params = SweepParams.from_text("-4", "0.05", 101, ["0.01", "0.3"])
    text = b"".join(d for d, _ in iter_csv_chunks(params, True, 7, decimal_comma=True)).decode("ascii")
    lines = text.splitlines()
    assert lines[0] == "x;f(alpha=0,01);f(alpha=0,3);f'(alpha=0,01);f'(alpha=0,3)"
    assert lines[2] == "-3,95;-0,0395;-1,185;0,01;0,3"
    assert lines[-1] == "1,0;1,0;1,0;1,0;1,0"
    assert "." not in text  # no cell a decimal-comma locale would misread as -39 or as text


@settings(max_examples=100, deadline=None)
@given(
    start=up_to_17_digits,
    step=up_to_17_digits.filter(bool),
    count=st.integers(1, 30),
    alphas=st.lists(up_to_17_digits, min_size=1, max_size=3, unique=True),
    derivative=st.booleans(),
)
def test_decimal_comma_rows_are_the_reference_rows_respelled(start, step, count, alphas, derivative):
    params = SweepParams(start, step, count, tuple(alphas))
    chunks = iter_csv_chunks(params, derivative, 5, decimal_comma=True)
    lines = b"".join(d for d, _ in chunks).decode("ascii").splitlines()
    expected = [
        row.replace(".", "#").replace(",", ";").replace("#", ",")
        for row in reference_rows(params, derivative)
    ]
    assert lines[1:] == expected
    for line in lines[1:]:  # and every cell reads back to the same double
        cells = [float(cell.replace(",", ".")) for cell in line.split(";")]
        assert len(cells) == 1 + len(alphas) * (2 if derivative else 1)


def test_a_temporary_still_being_written_is_removed_by_the_last_word(tmp_path):
    from leaky_gui.calc.atomic_file import _LIVE_TEMPORARIES, atomic_output, remove_temporaries

    target = tmp_path / "out.csv"
    with atomic_output(target) as temp_name:
        assert temp_name in _LIVE_TEMPORARIES and Path(temp_name).exists()
        remove_temporaries()  # what Ctrl+C and the end of the process do in the command line
        assert not Path(temp_name).exists() and not _LIVE_TEMPORARIES
        Path(temp_name).write_text("done")  # the writer goes on; its rename still lands
    assert target.read_text() == "done" and temp_name not in _LIVE_TEMPORARIES
