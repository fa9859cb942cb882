"""The threaded text readers: errors in file order, failures and Cancel leave no thread behind."""

from __future__ import annotations

import threading
from decimal import Decimal

import pytest

from leaky_gui.calc import readers
from leaky_gui.calc.exact import ExactNumber
from leaky_gui.calc.readers import ValuesCancelled, ValuesFileError, iter_values, read_values
from leaky_gui.calc.text.rows import DoubleRows
from leaky_gui.calc.text_reader import MAX_LINE_BYTES, TextColumnReader
from leaky_gui.cli import main

BAD_LINE = 100
BAD_BYTES = {
    "nul": (b"1\x002\n", "not a text file"),
    "long": (b"1" * (MAX_LINE_BYTES + 10) + b"\n", "a line longer than"),
    # no newline within the reader's reach: the reading thread finds it too long
    "longer": (b"1" * (2 * MAX_LINE_BYTES) + b"\n", "a line longer than"),
}


def _file_with_bad_cell_then(tmp_path, bad: bytes, after: int):
    """Line 100 holds a bad cell; ``bad`` comes after about ``after`` bytes of good lines."""
    good = b"1.5\n"
    body = good * (BAD_LINE - 1) + b"abc\n" + good * (after // len(good))
    path = tmp_path / "values.txt"
    path.write_bytes(body + bad + good * 1000)
    return path


def _reader_threads() -> set[threading.Thread]:
    return {t for t in threading.enumerate() if t.name.startswith(("leaky-values", "leaky-relu-rows"))}


def _assert_names_the_bad_cell(message: str) -> None:
    assert f"line {BAD_LINE}:" in message
    assert "'abc' is not a number" in message


@pytest.mark.parametrize("kind", sorted(BAD_BYTES))
@pytest.mark.parametrize(
    ("stoppable", "after"),
    [
        (False, readers.BLOCK_BYTES + (1 << 18)),  # a later block than the bad cell's
        (True, readers.STOPPABLE_BLOCK_BYTES + (1 << 18)),  # (the window's blocks are smaller)
        (False, 1 << 18),  # the same block as the bad cell, further on
    ],
)
def test_read_values_reports_the_first_error_in_file_order(tmp_path, kind, stoppable, after):
    bad, _ = BAD_BYTES[kind]
    path = _file_with_bad_cell_then(tmp_path, bad, after)
    before = _reader_threads()
    with pytest.raises(ValuesFileError) as caught:
        read_values(path, should_stop=(lambda: False) if stoppable else None)
    _assert_names_the_bad_cell(str(caught.value))
    assert _reader_threads() <= before


@pytest.mark.parametrize("kind", sorted(BAD_BYTES))
@pytest.mark.parametrize("after", [readers.FAST_BLOCK_BYTES + (1 << 17), 1 << 16])
def test_eval_input_reports_the_first_error_in_file_order(tmp_path, capsys, kind, after):
    bad, _ = BAD_BYTES[kind]
    path = _file_with_bad_cell_then(tmp_path, bad, after)
    out_path = tmp_path / "out.csv"
    status = main(["eval", "--input", str(path), "--output", str(out_path)])
    _, err = capsys.readouterr()
    assert status != 0
    _assert_names_the_bad_cell(err)
    assert "Traceback" not in err
    assert not out_path.exists()


@pytest.mark.parametrize("kind", sorted(BAD_BYTES))
def test_the_bad_bytes_alone_are_still_reported(tmp_path, capsys, kind):
    bad, message = BAD_BYTES[kind]
    path = tmp_path / "values.txt"
    path.write_bytes(b"1.5\n" * (readers.BLOCK_BYTES // 4 + 1000) + bad + b"2.5\n")
    with pytest.raises(ValuesFileError, match=message):
        read_values(path)
    assert main(["eval", "--input", str(path)]) != 0
    assert message in capsys.readouterr().err


@pytest.mark.parametrize("error", [RuntimeError("boom"), MemoryError()])
def test_a_worker_failure_reaches_the_caller_and_the_pool_is_shut_down(tmp_path, monkeypatch, error):
    monkeypatch.setattr(readers, "BLOCK_BYTES", 1 << 12)
    path = tmp_path / "values.txt"
    path.write_bytes(b"1.5\n" * 20_000)
    real = TextColumnReader._read_lines
    calls = []

    def failing(self, block, final, line):
        calls.append(line)
        if len(calls) == 2:
            raise error
        return real(self, block, final, line)

    monkeypatch.setattr(TextColumnReader, "_read_lines", failing)
    before = _reader_threads()
    with pytest.raises(type(error)):
        read_values(path)
    assert len(calls) >= 2
    assert _reader_threads() <= before


def test_a_rows_worker_failure_reaches_the_caller_and_the_pool_is_shut_down(tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "FAST_BLOCK_BYTES", 1 << 12)
    path = tmp_path / "values.txt"
    path.write_bytes(b"1.5\n" * 20_000)
    real = DoubleRows.rows
    calls = []

    def failing(self, block):
        calls.append(block.size)
        if len(calls) == 2:
            raise RuntimeError("boom")
        return real(self, block)

    monkeypatch.setattr(DoubleRows, "rows", failing)
    before = _reader_threads()
    rows_of = DoubleRows((ExactNumber.of(Decimal("0.01")),), (), False)
    with pytest.raises(RuntimeError, match="boom"):
        for _ in iter_values(path, rows_of=rows_of):
            pass
    assert len(calls) >= 2
    assert _reader_threads() <= before


def test_cancel_midway_stops_the_read_keeps_nothing_and_leaves_no_thread(tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "STOPPABLE_BLOCK_BYTES", 1 << 12)
    path = tmp_path / "values.txt"
    path.write_bytes(b"1.5\n" * 50_000)  # about 50 blocks
    asked = []
    seen = []

    def should_stop() -> bool:
        asked.append(True)
        return len(asked) > 20

    before = _reader_threads()
    with pytest.raises(ValuesCancelled):
        read_values(path, progress=lambda done, total: seen.append((done, total)), should_stop=should_stop)
    assert len(asked) == 21  # asked between blocks; the first true answer stopped it
    assert seen and seen[-1][0] < seen[-1][1]  # midway
    assert _reader_threads() <= before
