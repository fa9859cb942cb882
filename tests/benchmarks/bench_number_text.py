"""Number text as other tools write it: `eval --input` on full-precision doubles against polars.

Run on demand:  python tests/benchmarks/bench_number_text.py [--lines 10000000] [--repeat 3]
                [--polars-python PATH] [--folder DIR] [--keep] [--numpy] [--general]

The data (standard normals times 3, seed 22), written by the tools people use:
* ``shortest.txt``: one number a line, each the shortest text that reads back to its double
  (polars' ``write_csv``, the same digits as Python's repr, numpy's ``str``, pandas);
* ``e18.txt``: one number a line, numpy's ``savetxt`` default ``%.18e``;
* ``columns.csv``: a header ``i,x,y`` and three columns written by polars; read with
  ``--column x``.

For each file, as whole processes taking turns, best of ``--repeat``:
* ours: ``python -m leaky_gui.cli eval --input FILE [--column x] -o OUT``;
* polars: ``read_csv -> when/then -> write_csv`` of the same column (polars is never a
  dependency: give an interpreter that has it with --polars-python; default this one);
* with ``--numpy``, ours again with ``LEAKY_GUI_TEXT_KERNEL=0`` (no compiled kernel: what an
  install without a C compiler gives; the same bytes, compared);
* with ``--general``, ours again with ``LEAKY_GUI_TEXT_GENERAL=1`` (every value on the
  text engine's general path; the output must be the same bytes, and is compared).
Peak memory (ru_maxrss) of each is printed once.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import subprocess
import sys
import tempfile
import time

MAKE_DATA = """
import sys, numpy as np, polars as pl
folder, n = sys.argv[1], int(sys.argv[2])
rng = np.random.default_rng(22)
x = rng.standard_normal(n) * 3
pl.DataFrame({"x": x}).write_csv(folder + "/shortest.txt", include_header=False)
np.savetxt(folder + "/e18.txt", x)
pl.DataFrame({"i": np.arange(n), "x": x, "y": rng.standard_normal(n)}).write_csv(folder + "/columns.csv")
"""

POLARS_PROGRAM = """
import sys, polars as pl
source, target, column, header = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4] == "1"
df = pl.read_csv(source, has_header=header, new_columns=None if header else [column])
x = pl.col(column)
df.select(x, pl.when(x > 0).then(x).otherwise(x * 0.01).alias("f(alpha=0.01)")).write_csv(target)
"""

FILES = [("shortest.txt", None), ("e18.txt", None), ("columns.csv", "x")]


def _run(command: list[str], env: dict[str, str] | None = None) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds, peak RSS in MB) of one whole process."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    took = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status):
        raise SystemExit(f"{command} failed")
    return took, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--lines", type=int, default=10_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--polars-python", default=sys.executable)
    parser.add_argument("--folder", help="where the data is (made if missing)")
    parser.add_argument("--keep", action="store_true", help="keep the data in --folder")
    parser.add_argument("--general", action="store_true", help="also time the general path alone")
    parser.add_argument(
        "--numpy", action="store_true", help="also time the numpy path without the compiled kernel"
    )
    args = parser.parse_args()
    folder = args.folder or tempfile.mkdtemp(prefix="leaky-number-text-")
    os.makedirs(folder, exist_ok=True)
    if not os.path.exists(os.path.join(folder, "columns.csv")):
        subprocess.run([args.polars_python, "-c", MAKE_DATA, folder, str(args.lines)], check=True)
    general_env = dict(os.environ, LEAKY_GUI_TEXT_GENERAL="1")
    numpy_env = dict(os.environ, LEAKY_GUI_TEXT_KERNEL="0")
    for name, column in FILES:
        source = os.path.join(folder, name)
        ours_out = os.path.join(folder, "ours.csv")
        ours = [sys.executable, "-m", "leaky_gui.cli", "eval", "--input", source, "-o", ours_out]
        if column:
            ours += ["--column", column]
        theirs = [
            args.polars_python,
            "-c",
            POLARS_PROGRAM,
            source,
            os.path.join(folder, "polars.csv"),
            column or "x",
            "1" if column else "0",
        ]
        general_out = os.path.join(folder, "general.csv")
        general = [general_out if part == ours_out else part for part in ours]
        numpy_out = os.path.join(folder, "numpy.csv")
        numpy_path = [numpy_out if part == ours_out else part for part in ours]
        runs = [("ours", ours, None), ("polars", theirs, None)]
        if args.numpy:
            runs.append(("numpy", numpy_path, numpy_env))
        if args.general:
            runs.append(("general", general, general_env))
        best = {label: (1e9, 0.0, 0.0) for label, _, _ in runs}
        for _ in range(args.repeat):
            for label, command, env in runs:
                took = _run(command, env)
                if took[0] < best[label][0]:
                    best[label] = took
        size = os.path.getsize(source) / 1e6
        print(f"{name} ({size:.0f} MB, {args.lines:,} values{', --column ' + column if column else ''}):")
        for label, _, _ in runs:
            took, cpu, peak = best[label]
            print(f"  {label:8s} {took:7.2f} s wall {cpu:7.2f} s CPU  peak RSS {peak:5.0f} MB")
        ours_best, polars_best = best["ours"], best["polars"]
        print(
            f"  ours / polars: {ours_best[0] / polars_best[0]:.2f}x wall, {ours_best[1] / polars_best[1]:.2f}x CPU"
        )
        for label, out in (("numpy", numpy_out), ("general", general_out)):
            if label in best:
                same = filecmp.cmp(out, ours_out, shallow=False)
                print(f"  the {label} path's output is the same bytes: {same}")
    if not args.keep and not args.folder:
        for name in os.listdir(folder):
            os.remove(os.path.join(folder, name))
        os.rmdir(folder)


if __name__ == "__main__":
    main()
