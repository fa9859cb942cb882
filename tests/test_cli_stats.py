"""`leaky-relu stats`: the layer statistics as CSV, shortest text, one-line errors, atomic -o."""

from __future__ import annotations

import csv
import io
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest

from leaky_gui.cli import main

LEAKY_RELU = str(Path(sys.executable).with_name("leaky-relu"))
HEADER = "alpha,leaky_share,mean,variance,mean_slope,mean_slope_sq,kaiming_gain,layer_factor,std_ratio,grad_std_ratio"


def run(capsys, *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_the_done_when_example():
    done = subprocess.run(
        [LEAKY_RELU, "stats", "--alpha", "0.2", "--init", "kaiming-default", "--depth", "50"],
        capture_output=True,
        text=True,
    )
    assert (done.returncode, done.stderr) == (0, "")
    lines = done.stdout.splitlines()
    assert lines[0] == HEADER and len(lines) == 2
    row = dict(zip(HEADER.split(","), lines[1].split(","), strict=True))
    assert row["alpha"] == "0.2" and row["layer_factor"] == "1.04"
    assert row["std_ratio"] == "2.66583633148742"  # 1.04**25, the double nearest
    assert float(row["std_ratio"]) == pytest.approx(1.04**25, rel=1e-15)


def test_defaults_are_mean_0_std_1_alpha_001_depth_50_he(capsys):
    status, out, err = run(capsys, "stats")
    assert (status, err) == (0, "")
    assert out == HEADER + "\n0.01,0.5,0.3949528575974184,0.34406224027563337,0.505,0.50005," + (
        f"{math.sqrt(2 / 1.0001)!r},1.0,1.0,1.0\n"
    )


def test_one_row_per_alpha_in_the_order_given_with_shortest_text(capsys):
    status, out, _ = run(
        capsys,
        "stats",
        "--alpha",
        "0.01",
        "0.2",
        "--alpha",
        "-2.5e-1",
        "--mean",
        "-1",
        "--std",
        "2",
        "--depth",
        "3",
    )
    rows = list(csv.reader(io.StringIO(out)))
    assert status == 0 and [r[0] for r in rows[1:]] == ["0.01", "0.2", "-0.25"]
    for row in rows[1:]:
        for cell in row[1:]:
            assert repr(float(cell)) == cell  # shortest round-trip text
    assert rows[1][1] == repr(0.5 * math.erfc(-0.5 / math.sqrt(2)))  # P(X <= 0) at mean/std = -1/2


def test_per_layer_rows_run_from_depth_0_to_l_for_each_alpha(capsys):
    status, out, _ = run(
        capsys, "stats", "--per-layer", "--depth", "3", "--init", "torch-default", "--alpha", "0.01", "0.3"
    )
    lines = out.splitlines()
    assert status == 0 and lines[0] == "alpha,depth,std_ratio,grad_std_ratio"
    assert [line.split(",")[:2] for line in lines[1:]] == [
        [a, str(d)] for a in ("0.01", "0.3") for d in range(4)
    ]
    assert lines[1] == "0.01,0,1.0,1.0"
    assert lines[3] == "0.01,2,0.16668333333333332,0.16668333333333332"  # k = 1.0001/6


def test_the_summary_matches_the_last_layer(capsys):
    args = ("--alpha", "0.2", "--mean", "0.5", "--std", "0.3", "--depth", "17", "--init", "gain=1.3")
    _, summary, _ = run(capsys, "stats", *args)
    _, layers, _ = run(capsys, "stats", "--per-layer", *args)
    assert summary.splitlines()[1].split(",")[-2:] == layers.splitlines()[-1].split(",")[-2:]


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (["--std", "0"], "std"),
        (["--std", "-1"], "std"),
        (["--depth", "0"], "depth"),
        (["--depth", "-3"], "depth"),
        (["--init", "kaiming"], "init"),
        (["--init", "gain=0"], "init"),
        (["--mean", "nan"], "mean"),
        (["--std", "NaN"], "std"),
        (["--alpha", "nan"], "alpha"),
        (["--mean", "abc"], "mean"),
        (["--alpha", "0.1", "0.10"], "alpha"),
        (["--alpha", "1e60"], "alpha"),
    ],
)
def test_bad_input_exits_2_with_one_line_naming_the_field(capsys, args, field):
    status, out, err = run(capsys, "stats", *args)
    assert (status, out) == (2, "")
    assert len(err.splitlines()) == 1 and err.startswith(f"leaky-relu: error: {field}: ")


def test_output_file_is_the_same_text_written_whole(capsys, tmp_path):
    target = tmp_path / "stats.csv"
    args = ("stats", "--alpha", "0.01", "0.2", "0.3", "--per-layer")
    assert run(capsys, *args, "-o", str(target)) == (0, "", "")
    _, out, _ = run(capsys, *args)
    assert target.read_text() == out
    target.write_text("precious\n")
    status, out, err = run(capsys, *args, "--std", "0", "-o", str(target))
    assert status == 2 and target.read_text() == "precious\n" and os.listdir(tmp_path) == ["stats.csv"]
    status, _, err = run(capsys, "stats", "-o", str(tmp_path / "no" / "such.csv"))
    assert status == 2 and "does not exist" in err and len(err.splitlines()) == 1
