"""Your own x values: `eval --input` against polars, text speed per precision, opening a large .npy.

Run on demand:  python tests/benchmarks/bench_values.py [--lines 10000000] [--repeat 3]
                [--polars-python PATH] [--npy-values 100000000] [--rows 3000000]
                [--only a|b|c] [--before DIR] [--alpha 0.01]

(a) `leaky-relu eval --input FILE -o OUT` on a decimal text file (one x a line, six
    decimals, a header), as a whole process, against polars' read_csv -> leaky column ->
    write_csv on the same file, the two (and with --before, an earlier version) taking
    turns. polars is never a dependency: give an interpreter that has it with
    --polars-python (default: this one); without it that line is skipped.
(b) text output per row in each precision: `leaky-relu sweep` over 3,000,000 rows
    (start -4, step 0.00001, as bench_csv_export.py) and `eval --input` of a float32 .npy.
(c) opening a 100,000,000-value float32 .npy with read_values, in a fresh process: the time
    and the growth of RssAnon (anonymous memory; the mapped file is RssFile and not counted).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time

POLARS_PROGRAM = """
import sys, polars as pl
df = pl.read_csv(sys.argv[1])
x = pl.col("x")
alpha = sys.argv[3]
df.with_columns(pl.when(x > 0).then(x).otherwise(x * float(alpha)).alias(f"f(alpha={alpha})")).write_csv(sys.argv[2])
"""

OPEN_PROGRAM = """
import sys, time
def rss_anon():
    for line in open("/proc/self/status"):
        if line.startswith("RssAnon:"):
            return int(line.split()[1]) / 1024
import numpy
from leaky_gui.calc.readers import read_values
before = rss_anon()
start = time.perf_counter()
values = read_values(sys.argv[1])
took = time.perf_counter() - start
after = rss_anon()
start = time.perf_counter()
values.x(len(sys.argv[1]) * 1000003 % values.count); values.f(values.count - 1)
curve = values.curve_points()
print(f"{took:.3f} {after - before:.1f} {values.count} {time.perf_counter() - start:.4f}")
"""


def _time(command: list[str], repeat: int, cwd: str | None = None) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, cwd=cwd)
        best = min(best, time.perf_counter() - start)
    return best


def _peak_rss_mb(command: list[str]) -> float:
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status):
        raise SystemExit(f"{command} failed")
    return usage.ru_maxrss / 1024


def _has_polars(python: str) -> bool:
    return subprocess.run([python, "-c", "import polars"], capture_output=True).returncode == 0


TEXT_PROGRAM = """
import sys, numpy as np
rng = np.random.default_rng(15)
np.savetxt(sys.argv[1], np.round(rng.standard_normal(int(sys.argv[2])) * 3, 6), fmt="%.6f", header="x", comments="")
"""


def bench_text_input(
    folder: str, lines: int, repeat: int, polars_python: str, before: str | None = None, alpha: str = "0.01"
) -> None:
    source = os.path.join(folder, "x.csv")
    # Made in a child: a child's peak RSS counts its parent's at the time it was started
    # (Linux keeps the high-water mark across exec), so this process stays small.
    subprocess.run([sys.executable, "-c", TEXT_PROGRAM, source, str(lines)], check=True)
    size = os.path.getsize(source) / 1e6
    ours = [
        sys.executable,
        "-m",
        "leaky_gui.cli",
        "eval",
        "--input",
        source,
        "-o",
        os.path.join(folder, "ours.csv"),
        "--alpha",
        alpha,
    ]
    print(
        f"(a) {lines:,} lines of decimal text ({size:.0f} MB), x and f(alpha={alpha}), best of {repeat}, "
        "whole processes"
    )
    if not _has_polars(polars_python):
        t_ours = _time(ours, repeat)
        print(f"  leaky-relu eval --input -o   {t_ours:7.2f} s  {lines / t_ours / 1e6:5.2f} M rows/s")
        print(f"  polars: skipped ({polars_python} cannot import polars; give --polars-python)")
        return
    theirs = [polars_python, "-c", POLARS_PROGRAM, source, os.path.join(folder, "polars.csv"), alpha]
    # Alternating, so that all meet the same load on a shared machine.
    t_ours = t_polars = t_before = float("inf")
    for _ in range(repeat):
        t_ours = min(t_ours, _time(ours, 1))
        t_polars = min(t_polars, _time(theirs, 1))
        if before is not None:  # `python -m` looks in the working folder first
            t_before = min(t_before, _time(ours, 1, cwd=before))
    version = subprocess.run(
        [polars_python, "-c", "import polars; print(polars.__version__)"], capture_output=True, text=True
    ).stdout.strip()
    print(
        f"  leaky-relu eval --input -o   {t_ours:7.2f} s  {lines / t_ours / 1e6:5.2f} M rows/s  "
        f"peak RSS {_peak_rss_mb(ours):.0f} MB"
    )
    print(
        f"  polars {version} read/write_csv   {t_polars:7.2f} s  {lines / t_polars / 1e6:5.2f} M rows/s  "
        f"peak RSS {_peak_rss_mb(theirs):.0f} MB"
    )
    if before is not None:
        print(f"  the same, the version in {before}   {t_before:7.2f} s")
    print(f"  ours / polars time: {t_ours / t_polars:.2f}x")
    with open(os.path.join(folder, "ours.csv")) as a, open(os.path.join(folder, "polars.csv")) as b:
        differ = sum(x != y for x, y in zip(a, b, strict=True))
    print(f"  rows whose text differs (polars prints the float product, e.g. float noise): {differ:,}")


def bench_precisions(folder: str, rows: int, repeat: int) -> None:
    import numpy as np

    print(f"(b) text output per precision, {rows:,} rows, best of {repeat}")
    sweep = [sys.executable, "-m", "leaky_gui.cli", "sweep", "--count", str(rows), "--step", "0.00001"]
    npy = os.path.join(folder, "acts.npy")
    np.save(npy, (np.random.default_rng(16).standard_normal(rows) * 3).astype(np.float32))
    evaluate = [sys.executable, "-m", "leaky_gui.cli", "eval", "--input", npy]
    times: dict[tuple[str, str], float] = {}
    for dtype in ("float64", "float32", "float16", "bfloat16"):
        for name, command in (("sweep", sweep), ("eval .npy", evaluate)):
            out = os.path.join(folder, f"{name[:4]}-{dtype}.csv")
            times[name, dtype] = _time([*command, "--dtype", dtype, "-o", out], repeat)
        line = "  ".join(f"{name} {times[name, dtype]:6.2f} s" for name in ("sweep", "eval .npy"))
        print(
            f"  --dtype {dtype:9} {line}   sweep vs float64: {times['sweep', dtype] / times['sweep', 'float64']:.2f}x"
        )


def bench_open(folder: str, count: int) -> None:
    import numpy as np

    path = os.path.join(folder, "big.npy")
    array = np.lib.format.open_memmap(path, mode="w+", dtype=np.float32, shape=(count,))
    for lo in range(0, count, 1 << 24):
        hi = min(lo + (1 << 24), count)
        array[lo:hi] = np.linspace(-3, 3, hi - lo, dtype=np.float32)
    array.flush()
    del array
    done = subprocess.run(
        [sys.executable, "-c", OPEN_PROGRAM, path], capture_output=True, text=True, check=True
    )
    took, grew, n, access = done.stdout.split()
    print(
        f"(c) read_values of a {int(n):,}-value float32 .npy ({os.path.getsize(path) / 1e6:.0f} MB, in the page cache): "
        f"{float(took):.2f} s, RssAnon {float(grew):+.0f} MB; then x(i), f(i) and the curve in {float(access) * 1000:.1f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=10_000_000)
    parser.add_argument("--rows", type=int, default=3_000_000)
    parser.add_argument("--npy-values", type=int, default=100_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--polars-python", default=sys.executable)
    parser.add_argument("--only", choices=("a", "b", "c"))
    parser.add_argument(
        "--before",
        metavar="DIR",
        help="(a) also times the leaky_gui package in DIR (e.g. an earlier commit's)",
    )
    parser.add_argument(
        "--alpha",
        default="0.01",
        help="(a) the alpha, for both (0.01, 0.1 or 0.001 move x's point; any other is multiplied out)",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        if args.only in (None, "a"):
            bench_text_input(folder, args.lines, args.repeat, args.polars_python, args.before, args.alpha)
        if args.only in (None, "b"):
            bench_precisions(folder, args.rows, args.repeat)
        if args.only in (None, "c"):
            bench_open(folder, args.npy_values)


if __name__ == "__main__":
    main()
