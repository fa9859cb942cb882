"""`leaky-relu`: output format, typed numbers, errors, atomic --output, Ctrl+C."""

from __future__ import annotations

import csv
import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from leaky_gui.calc.sweep import SweepParams, format_number
from leaky_gui.cli import main

# The console script installed beside this interpreter (the venv need not be activated).
LEAKY_RELU = str(Path(sys.executable).with_name("leaky-relu"))


def run(capsys, *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_default_sweep_to_stdout(capsys):
    status, out, err = run(capsys, "sweep")
    rows = list(csv.reader(io.StringIO(out)))
    assert status == 0 and err == ""
    assert rows[0] == ["x", "f(alpha=0.01)"]
    assert rows[1] == ["-4.0", "-0.04"]
    assert rows[81] == ["0.0", "0.0"]
    assert rows[-1] == ["1.0", "1.0"]
    assert len(rows) == 102


def test_sweep_with_several_alphas_and_derivatives(capsys):
    status, out, _ = run(
        capsys, "sweep", "--start", "-1", "--step", "0.5", "--count", "5",
        "--alpha", "0.01", "--alpha", "0.3", "--derivative",
    )  # fmt: skip
    assert status == 0
    assert out.splitlines() == [
        "x,f(alpha=0.01),f(alpha=0.3),f'(alpha=0.01),f'(alpha=0.3)",
        "-1.0,-0.01,-0.3,0.01,0.3",
        "-0.5,-0.005,-0.15,0.01,0.3",
        "0.0,0.0,0.0,0.01,0.3",
        "0.5,0.5,0.5,1.0,1.0",
        "1.0,1.0,1.0,1.0,1.0",
    ]


def test_two_alphas_that_share_a_double_keep_their_own_names(capsys):
    status, out, err = run(
        capsys, "sweep", "--count", "2", "--alpha", "0.1", "--alpha", "0.10000000000000000001"
    )
    assert (status, err) == (0, "")
    assert out.splitlines()[0] == "x,f(alpha=0.1),f(alpha=0.10000000000000000001)"
    status, _, err = run(capsys, "eval", "-1", "--alpha", "-0.50000000000000000001")
    assert status == 0 and "alpha=-0.50000000000000000001:" in err
    status, _, err = run(
        capsys, "eval", "-1", "--alpha", "0.10000000000000000001", "--alpha", "0.100000000000000000010"
    )
    assert status == 2 and err == "leaky-relu: error: alpha: 0.10000000000000000001 is given twice\n"


def test_eval_takes_numbers_as_typed_including_negative_scientific(capsys):
    status, out, err = run(capsys, "eval", "-4", "1e-3", "-2.5e2", "-3.7", "--alpha", "0.2", "--derivative")
    assert (status, err) == (0, "")
    assert out.splitlines() == [
        "x,f(alpha=0.2),f'(alpha=0.2)",
        "-4.0,-0.8,0.2",
        "0.001,0.001,1.0",
        "-250.0,-50.0,0.2",
        "-3.7,-0.74,0.2",
    ]


def test_negative_number_as_option_value(capsys):
    status, out, _ = run(capsys, "sweep", "--start", "-2.5e-1", "--step", "-1e-1", "--count", "2")
    assert status == 0
    assert out.splitlines()[1:] == ["-0.25,-0.0025", "-0.35,-0.0035"]


def test_negative_alpha_is_allowed_with_a_one_line_warning(capsys):
    status, out, err = run(capsys, "eval", "-2", "--alpha", "-0.5")
    assert status == 0
    assert out.splitlines()[1] == "-2.0,1.0"
    assert len(err.splitlines()) == 1 and "warning" in err and "-0.5" in err


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (["sweep", "--start", "abc"], "start"),
        (["sweep", "--step", "0"], "step"),
        (["sweep", "--step", "nan"], "step"),
        (["sweep", "--count", "0"], "count"),
        (["sweep", "--count", "2.5"], "count"),
        (["sweep", "--count", "-3"], "count"),
        (["sweep", "--alpha", "inf"], "alpha"),
        (["sweep", "--alpha", "0.1", "--alpha", "0.10"], "alpha"),
        (["eval", "abc"], "x"),
        (["eval", "1e999"], "x"),
        (["eval", "-Infinity"], "x"),
        (["sweep", "--start", "1e308", "--step", "1e308"], "count"),
    ],
)
def test_bad_input_exits_2_with_one_line_naming_the_field(capsys, args, field):
    status, out, err = run(capsys, *args)
    assert status == 2
    assert out == ""
    assert len(err.splitlines()) == 1
    assert err.startswith(f"leaky-relu: error: {field}: ")


def test_bad_output_paths(capsys, tmp_path):
    status, out, err = run(capsys, "sweep", "-o", str(tmp_path / "no" / "such.csv"))
    assert (status, out) == (2, "") and "does not exist" in err and len(err.splitlines()) == 1
    status, out, err = run(capsys, "sweep", "-o", str(tmp_path))
    assert (status, out) == (2, "") and "is a folder" in err
    assert os.listdir(tmp_path) == []


def test_usage_errors_are_one_line_too(capsys):
    for args in (["sweep", "--bogus"], ["eval"], [], ["frobnicate"]):
        status, out, err = run(capsys, *args)
        assert status == 2 and out == "" and len(err.splitlines()) == 1, args


def test_output_file_matches_stdout(capsys, tmp_path):
    target = tmp_path / "s.csv"
    assert run(capsys, "sweep", "--count", "1000", "--derivative", "-o", str(target))[0] == 0
    _, out, _ = run(capsys, "sweep", "--count", "1000", "--derivative")
    assert target.read_text() == out


# --- the installed command as a whole process -------------------------------------


def test_installed_command_runs_with_no_traceback_on_bad_input():
    done = subprocess.run([LEAKY_RELU, "eval", "-2.5e2", "abc"], capture_output=True, text=True)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == "leaky-relu: error: x: not a number: 'abc'\n"


def test_ctrl_c_during_export_keeps_the_existing_file_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "big.csv"
    target.write_text("precious\n")
    process = subprocess.Popen(
        [LEAKY_RELU, "sweep", "--count", "400000000", "-o", str(target)],
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 30
    while not any(name.endswith(".part") for name in os.listdir(tmp_path)):
        assert process.poll() is None and time.monotonic() < deadline, "export never started"
        time.sleep(0.02)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=30)
    assert process.returncode == 130
    assert "Traceback" not in err
    assert target.read_text() == "precious\n"
    assert os.listdir(tmp_path) == ["big.csv"]


def test_broken_pipe_is_quiet():
    script = "import sys; sys.stdin.buffer.read(10)"
    producer = subprocess.Popen(
        [LEAKY_RELU, "sweep", "--count", "5000000"], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    consumer = subprocess.run([sys.executable, "-c", script], stdin=producer.stdout)
    producer.stdout.close()
    err = producer.stderr.read().decode()
    producer.stderr.close()
    producer.wait(timeout=30)
    assert consumer.returncode == 0
    assert "Traceback" not in err and err == ""


def test_format_is_the_cores_format(capsys):
    _, out, _ = run(capsys, "sweep", "--start", "-0.3", "--step", "0.1", "--count", "7", "--alpha", "0.3")
    params = SweepParams.from_text("-0.3", "0.1", 7, ["0.3"])
    expected = [f"{format_number(params.x(i))},{format_number(params.f(i))}" for i in range(7)]
    assert out.splitlines()[1:] == expected
    assert out.splitlines()[4] == "0.0,0.0"


def test_decimal_comma_for_spreadsheets_in_decimal_comma_locales(capsys, tmp_path):
    status, out, _ = run(
        capsys, "sweep", "--count", "3", "--alpha", "0.01", "--alpha", "0.3", "--decimal-comma"
    )
    assert status == 0
    assert out == "x;f(alpha=0,01);f(alpha=0,3)\n-4,0;-0,04;-1,2\n-3,95;-0,0395;-1,185\n-3,9;-0,039;-1,17\n"
    status, out, _ = run(capsys, "eval", "-3.7", "1e-7", "--decimal-comma", "--derivative")
    assert out == "x;f(alpha=0,01);f'(alpha=0,01)\n-3,7;-0,037;0,01\n1e-07;1e-07;1,0\n"
    target = tmp_path / "de.csv"
    assert main(["sweep", "--count", "3", "--decimal-comma", "-o", str(target)]) == 0
    assert target.read_text().startswith("x;f(alpha=0,01)\n-4,0;-0,04\n")


def test_unusual_alphas_warn_above_one_too(capsys):
    status, _, err = run(capsys, "eval", "-1", "--alpha", "2")
    assert status == 0 and err.count("\n") == 1 and "alpha > 1 is unusual" in err
