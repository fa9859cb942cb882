"""`leaky-relu eval --input`: byte for byte `eval X...`, exit 2 and nothing written on a bad file."""

from __future__ import annotations

import itertools
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import decimals

from leaky_gui.calc.precision import PRECISIONS
from leaky_gui.cli import main

LEAKY_RELU = str(Path(sys.executable).with_name("leaky-relu"))


def run(capsys, *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    xs=st.lists(decimals(17, -12, 6), min_size=1, max_size=25),
    alphas=st.lists(decimals(5, -6, 1), min_size=1, max_size=3, unique=True),
    derivative=st.booleans(),
    dtype=st.sampled_from(PRECISIONS),
    decimal_comma=st.booleans(),
)
def test_a_text_file_gives_what_the_same_values_as_arguments_give(
    capsys, tmp_path_factory, xs, alphas, derivative, dtype, decimal_comma
):
    texts = [str(x) for x in xs]
    options = [item for a in alphas for item in ("--alpha", str(a))] + ["--dtype", dtype]
    options += ["--derivative"] * derivative + ["--decimal-comma"] * decimal_comma
    path = tmp_path_factory.mktemp("eval") / "values.txt"
    cells = [t.replace(".", ",") for t in texts] if decimal_comma else texts
    path.write_text("".join(f"{c}\n" for c in cells))
    status, want, _ = run(capsys, "eval", *texts, *options)
    assert status == 0
    status, got, _ = run(capsys, "eval", "--input", str(path), *options)
    assert status == 0
    assert got == want


def test_input_column_by_name_and_output_file(capsys, tmp_path):
    source = tmp_path / "values.csv"
    source.write_text("id,x\n1,-3.7\n2,0.1\n")
    target = tmp_path / "out.csv"
    status, out, err = run(
        capsys, "eval", "--input", str(source), "--column", "x", "--derivative", "-o", str(target)
    )
    assert (status, out, err) == (0, "", "")
    assert target.read_text() == "x,f(alpha=0.01),f'(alpha=0.01)\n-3.7,-0.037,0.01\n0.1,0.1,1.0\n"
    assert sorted(os.listdir(tmp_path)) == ["out.csv", "values.csv"]


def test_eval_arguments_can_go_to_a_file_too(capsys, tmp_path):
    target = tmp_path / "args.csv"
    assert run(capsys, "eval", "-2.5e2", "-o", str(target))[:2] == (0, "")
    assert target.read_text() == "x,f(alpha=0.01)\n-250.0,-2.5\n"


def test_npy_input_in_float32_and_exact(capsys, tmp_path):
    path = tmp_path / "acts.npy"
    np.save(path, np.array([[-3.7, np.nan], [0.1, -np.inf]], dtype=np.float32))
    status, out, _ = run(capsys, "eval", "--input", str(path), "--dtype", "float32")
    assert status == 0 and out == "x,f(alpha=0.01)\n-3.7,-0.037\nnan,nan\n0.1,0.1\n-inf,-inf\n"
    status, out, _ = run(capsys, "eval", "--input", str(path))
    assert out.splitlines()[1] == "-3.700000047683716,-0.03700000047683716"  # the float32 held, exactly


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("values.csv", "x,y\n1,2\n3,abc\n", "values.csv line 3, column 2: 'abc' is not a number"),
        ("empty.txt", "", "empty.txt: holds no values (empty)"),
        ("ragged.csv", "x,y\n1,2\n3\n", "ragged.csv line 3: 1 cells where the first line has 2"),
    ],
)
def test_a_bad_file_exits_2_with_one_line_and_writes_nothing(capsys, tmp_path, name, content, message):
    source = tmp_path / name
    source.write_text(content)
    target = tmp_path / "keep.csv"
    target.write_text("precious\n")
    status, out, err = run(
        capsys, "eval", "--input", str(source), "--column", "2" if "," in content else "1", "-o", str(target)
    )
    assert (status, out, err) == (2, "", f"leaky-relu: error: {message}\n")
    assert target.read_text() == "precious\n"
    assert sorted(os.listdir(tmp_path)) == sorted(["keep.csv", name])
    status, out, err = run(capsys, "eval", "--input", str(source), "--column", "2" if "," in content else "1")
    assert (status, out) == (2, "")


def test_a_missing_column_and_pickles_are_one_line_errors(capsys, tmp_path):
    source = tmp_path / "v.csv"
    source.write_text("a,b\n1,2\n")
    status, out, err = run(capsys, "eval", "--input", str(source), "--column", "x")
    assert (status, out) == (
        2,
        "",
    ) and err == "leaky-relu: error: v.csv: no column named 'x'; the header has 'a', 'b'\n"
    np.save(tmp_path / "o.npy", np.array([None]), allow_pickle=True)
    status, out, err = run(capsys, "eval", "--input", str(tmp_path / "o.npy"))
    assert (status, out) == (2, "") and err.count("\n") == 1 and "never loaded" in err


@pytest.mark.parametrize(
    "args",
    [["eval", "1", "--input", "x.csv"], ["eval", "--column", "2", "1"], ["eval"]],
)
def test_usage_mistakes_are_one_line(capsys, args):
    status, out, err = run(capsys, *args)
    assert (status, out) == (2, "") and err.count("\n") == 1


def test_standard_input_as_a_whole_process():
    done = subprocess.run(
        [LEAKY_RELU, "eval", "--input", "-", "--alpha", "0.2"],
        input="x\n-1\n2e-3\n",
        capture_output=True,
        text=True,
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == "x,f(alpha=0.2)\n-1.0,-0.2\n0.002,0.002\n"
    done = subprocess.run(
        [LEAKY_RELU, "eval", "--input", "-"], input="1\nabc\n", capture_output=True, text=True
    )
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == "leaky-relu: error: standard input line 2: 'abc' is not a number\n"


@pytest.mark.parametrize("output", [True, False], ids=["to a file", "to standard output"])
def test_ctrl_c_while_standard_input_is_still_open_exits_130_cleanly(tmp_path, output):
    """The reader thread is blocked in stdin when Ctrl+C comes: no fatal error at shutdown."""
    target = tmp_path / "out.csv"
    command = [LEAKY_RELU, "eval", "--input", "-", *(["-o", str(target)] if output else [])]
    process = subprocess.Popen(
        command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path
    )
    process.stdin.write(b"x\n" + b"-1.5\n" * 200_000)  # more than a block: rows are on their way
    process.stdin.flush()
    time.sleep(1.0)  # started, and waiting for more input
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=30)
    assert process.returncode == 130, err
    assert b"Fatal Python error" not in err and b"Traceback" not in err and b"interrupted" in err
    assert out == b"" and sorted(os.listdir(tmp_path)) == []  # nothing written, nothing left


@pytest.mark.slow
def test_ctrl_c_while_reading_a_large_file_keeps_the_target_and_leaves_no_temporary(tmp_path):
    source = tmp_path / "big.txt"
    np.savetxt(source, np.linspace(-5, 5, 4_000_000), fmt="%.7f")
    target = tmp_path / "out.csv"
    target.write_text("precious\n")
    process = subprocess.Popen(
        [LEAKY_RELU, "eval", "--input", str(source), "-o", str(target)], stderr=subprocess.PIPE, text=True
    )
    deadline = time.monotonic() + 30
    while not any(name.endswith(".part") for name in os.listdir(tmp_path)):
        assert process.poll() is None and time.monotonic() < deadline, "never started"
        time.sleep(0.01)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=30)
    assert process.returncode == 130 and "Traceback" not in err
    assert target.read_text() == "precious\n"
    assert sorted(os.listdir(tmp_path)) == ["big.txt", "out.csv"]


def test_many_blocks_stream_as_one_table(capsys, tmp_path, monkeypatch):
    from leaky_gui.calc import readers

    monkeypatch.setattr(readers, "BLOCK_BYTES", 50)
    texts = [f"{(-1) ** i * i}.{i % 7}e-{i % 5}" for i in range(300)]
    source = tmp_path / "many.txt"
    source.write_text("\n".join(texts))  # no final newline
    for dtype in ("float64", "float16"):
        status, want, _ = run(capsys, "eval", *texts, "--derivative", "--dtype", dtype)
        status, got, err = run(capsys, "eval", "--input", str(source), "--derivative", "--dtype", dtype)
        assert (status, err) == (0, "") and got == want


def test_the_early_writes_cover_the_file_in_order_whatever_wrote_it(tmp_path, monkeypatch):
    """The write-back hints follow the file's own position: header, fast rows and general rows alike."""
    from leaky_gui import cli

    hints = []
    advise = lambda fd, start, length, advice: hints.append((start, length))  # noqa: E731
    monkeypatch.setattr(os, "posix_fadvise", advise, raising=False)
    monkeypatch.setattr(os, "POSIX_FADV_DONTNEED", 4, raising=False)
    monkeypatch.setattr(cli._EarlyWriteback, "STEP", 100)
    with open(tmp_path / "out.csv", "wb") as out:
        early = cli._EarlyWriteback(out)
        for size in (30, 90, 5, 250, 40, 70):  # as the header, blocks of rows, a general chunk ...
            out.write(b"x" * size)
            early.grown()
        end = out.tell()
    assert hints[0][0] == 0
    assert all(a + n == b for (a, n), (b, _) in itertools.pairwise(hints))  # no gap, no overlap
    assert all(n >= 100 for _, n in hints) and hints[-1][0] + hints[-1][1] <= end == 485
    # Where the system has no such hint (Windows, macOS), writing goes on without one.
    monkeypatch.delattr(os, "posix_fadvise")
    hints.clear()
    with open(tmp_path / "other.csv", "wb") as out:
        early = cli._EarlyWriteback(out)
        out.write(b"x" * 500)
        early.grown()
    assert hints == [] and (tmp_path / "other.csv").stat().st_size == 500


def test_a_host_calling_main_keeps_its_collector_and_allocator(capsys, tmp_path, monkeypatch):
    """The process-wide tuning is for `leaky-relu` as the program, never for a host that calls main()."""
    import gc

    from leaky_gui import cli

    tuned = []
    monkeypatch.setattr(cli, "_keep_freed_memory", lambda: tuned.append("allocator"))
    source = tmp_path / "x.txt"
    source.write_text("-1.5\n2\n")
    frozen = gc.get_freeze_count()
    status, out, err = run(capsys, "eval", "--input", str(source))
    assert (status, err, out) == (0, "", "x,f(alpha=0.01)\n-1.5,-0.015\n2.0,2.0\n")
    assert gc.get_freeze_count() == frozen and tuned == []
    monkeypatch.setattr(sys, "argv", ["leaky-relu", "eval", "--input", str(source)])
    monkeypatch.setattr(signal, "signal", lambda *_: None)  # as the program it also takes SIGTERM
    monkeypatch.setattr(cli.atexit, "register", lambda *_: None)
    try:
        assert cli.main() == 0
        assert tuned == ["allocator"] and gc.get_freeze_count() > frozen
    finally:
        if frozen == 0:  # nothing else had frozen anything: undo what main() froze
            gc.unfreeze()
