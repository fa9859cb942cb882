"""CSV throughput of `leaky-relu sweep` against np.savetxt, timed as whole processes.

Run on demand:  python tests/benchmarks/bench_csv_export.py [--rows 3000000] [--repeat 3]

Each contender is a fresh Python process writing the same sweep (x, f(x) for the default
start, step and alpha) to a file in a temporary folder, so start-up and imports count:
* leaky-relu: `python -m leaky_gui.cli sweep --count N -o FILE` (exact shortest text);
* np.savetxt: x and f(x) as float64 columns with fmt='%.17g';
* raw write: the same two float64 columns as binary (ndarray.tofile), the limit to approach.
Also checks that memory stays flat: peak RSS of a 20,000,000-row export (--big-rows).

Framework precisions (--dtype): the same command for each dtype on a sweep that stays in
float16's range (start -4, step 0.00001), against np.savetxt of float32 columns with
fmt='%.9g' (9 digits: what float32 needs to read back); the goals are float32, float16
and bfloat16 at most 1.05x float64's time, float32 at least 3x np.savetxt, memory flat.
Each dtype is timed in pairs with float64 (`--pairs N`, the two in turns), as whole
processes: the CPU time (user + sys, from wait4) and the wall time of each, and the median
of the pairs' ratios, which holds when a shared machine's speed drifts between pairs.
`--dtypes-only` runs just that part.

Per row without the processes (--per-row ROUNDS): the CSV bytes of the same sweep made in
this one process, the dtypes taking turns, so that start-up, the disk and a busy moment of
a shared machine weigh the same on each; best and median of the rounds.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time

NUMPY_PROGRAM = """
import sys, numpy as np
n = int(sys.argv[1])
x = -4 + np.arange(n) * float(sys.argv[3] if len(sys.argv) > 3 else 0.05)
f = np.where(x > 0, x, 0.01 * x)
{write}
"""
SAVETXT = (
    "np.savetxt(sys.argv[2], np.column_stack([x, f]), fmt='%.17g', delimiter=',', header='x,f', comments='')"
)
RAW = "np.column_stack([x, f]).tofile(sys.argv[2])"
SAVETXT_FLOAT32 = (
    "x = x.astype(np.float32); f = np.where(x > 0, x, x * np.float32(0.01)); "
    "np.savetxt(sys.argv[2], np.column_stack([x, f]), fmt='%.9g', delimiter=',', header='x,f', comments='')"
)
DTYPE_STEP = "0.00001"  # -4 .. 26 over 3,000,000 rows: inside float16's range


def _time(command: list[str], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, check=True)
        best = min(best, time.perf_counter() - start)
    return best


def _peak_rss_mb(command: list[str]) -> float:
    """Peak resident memory of a child process, from wait4's rusage (Linux: kB)."""
    process = subprocess.Popen(command)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise SystemExit(f"{command} failed with {process.returncode}")
    return usage.ru_maxrss / 1024


def _cpu_and_wall(command: list[str]) -> tuple[float, float]:
    """CPU seconds (user + sys, wait4's rusage) and wall seconds of one whole process."""
    start = time.perf_counter()
    process = subprocess.Popen(command)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status):
        raise SystemExit(f"{command} failed")
    return usage.ru_utime + usage.ru_stime, wall


def dtype_pairs(command: list[str], out: str, pairs: int) -> None:
    """Each framework precision against float64, whole processes in pairs taking turns."""
    from statistics import median

    print(f"against float64, {pairs} pairs each (the two in turns, float64 first in odd pairs):")
    for dtype in ("float32", "float16", "bfloat16"):
        cpu: list[float] = []
        wall: list[float] = []
        own: list[tuple[float, float]] = []
        base: list[tuple[float, float]] = []
        for n in range(pairs + 1):  # the first pair warms the caches and is not counted
            order = ("float64", dtype) if n % 2 else (dtype, "float64")
            got = {d: _cpu_and_wall([*command, "--dtype", d, "-o", f"{out}-{d}.csv"]) for d in order}
            if n:
                own.append(got[dtype])
                base.append(got["float64"])
                cpu.append(got[dtype][0] / got["float64"][0])
                wall.append(got[dtype][1] / got["float64"][1])
        print(
            f"  --dtype {dtype:9} CPU {median(c for c, _ in own):.3f} s against {median(c for c, _ in base):.3f} s, "
            f"ratio median {median(cpu):.3f}x ({min(cpu):.3f}x-{max(cpu):.3f}x); "
            f"wall ratio median {median(wall):.3f}x"
        )


def per_row(rows: int, rounds: int) -> None:
    """Time making every chunk's bytes of the dtype sweep in this process, the dtypes in turns."""
    from decimal import Decimal
    from statistics import median

    from leaky_gui.calc.csv_export import iter_csv_chunks
    from leaky_gui.calc.sweep import SweepParams
    from leaky_gui.cli import _keep_freed_memory

    _keep_freed_memory()  # as leaky-relu does (its gc.freeze matters little here)
    dtypes = ("float64", "float32", "float16", "bfloat16")
    times: dict[str, list[float]] = {dtype: [] for dtype in dtypes}
    for _ in range(rounds):
        for dtype in dtypes:
            sweep = SweepParams(Decimal(-4), Decimal(DTYPE_STEP), rows, (Decimal("0.01"),), dtype)
            start = time.perf_counter()
            for _chunk in iter_csv_chunks(sweep):
                pass
            times[dtype].append(time.perf_counter() - start)
    print(f"per row, in one process: {rows:,} rows, start -4, step {DTYPE_STEP}, {rounds} rounds")
    base_best, base_median = min(times["float64"]), median(times["float64"])
    for dtype in dtypes:
        best, middle = min(times[dtype]), median(times[dtype])
        print(
            f"  {dtype:9}  best {best * 1e3:6.1f} ms  median {middle * 1e3:6.1f} ms  "
            f"time against float64: best {best / base_best:.3f}x, median {middle / base_median:.3f}x"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=3_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--big-rows", type=int, default=20_000_000)
    parser.add_argument("--per-row", type=int, metavar="ROUNDS", help="only the in-process comparison")
    parser.add_argument("--pairs", type=int, default=9, help="whole-process pairs per dtype against float64")
    parser.add_argument(
        "--dtypes-only", action="store_true", help="only the dtypes against float64, in pairs"
    )
    args = parser.parse_args()
    if args.per_row is not None:
        per_row(args.rows, args.per_row)
        return
    dtype_command = [
        sys.executable,
        "-m",
        "leaky_gui.cli",
        "sweep",
        "--count",
        str(args.rows),
        "--step",
        DTYPE_STEP,
    ]
    if args.dtypes_only:
        with tempfile.TemporaryDirectory() as folder:
            print(f"framework precisions: {args.rows:,} rows, start -4, step {DTYPE_STEP}")
            dtype_pairs(dtype_command, os.path.join(folder, "out"), args.pairs)
        return

    with tempfile.TemporaryDirectory() as folder:
        out = os.path.join(folder, "out")
        py = sys.executable
        ours = [py, "-m", "leaky_gui.cli", "sweep", "--count", str(args.rows), "-o", out + ".csv"]
        savetxt = [py, "-c", NUMPY_PROGRAM.format(write=SAVETXT), str(args.rows), out + ".txt"]
        raw = [py, "-c", NUMPY_PROGRAM.format(write=RAW), str(args.rows), out + ".bin"]
        baseline = [py, "-c", "import numpy"]

        t_ours = _time(ours, args.repeat)
        t_savetxt = _time(savetxt, args.repeat)
        t_raw = _time(raw, args.repeat)
        t_start = _time(baseline, args.repeat)
        size = os.path.getsize(out + ".csv")

        rows = args.rows
        print(
            f"{rows:,} rows, best of {args.repeat}, whole processes (python + numpy start-up {t_start:.3f} s)"
        )
        print(
            f"  leaky-relu sweep -o  {t_ours:7.3f} s  {rows / t_ours / 1e6:6.2f} M rows/s  ({size / 1e6:.0f} MB)"
        )
        print(f"  np.savetxt %.17g     {t_savetxt:7.3f} s  {rows / t_savetxt / 1e6:6.2f} M rows/s")
        print(f"  raw binary tofile    {t_raw:7.3f} s  {rows / t_raw / 1e6:6.2f} M rows/s")
        print(f"  ratio leaky-relu / np.savetxt throughput: {t_savetxt / t_ours:.1f}x")

        if args.big_rows:
            big = [py, "-m", "leaky_gui.cli", "sweep", "--count", str(args.big_rows), "-o", out + "-big.csv"]
            start = time.perf_counter()
            peak = _peak_rss_mb(big)
            took = time.perf_counter() - start
            print(
                f"  {args.big_rows:,}-row export: peak RSS {peak:.0f} MB, {took:.2f} s, "
                f"{os.path.getsize(out + '-big.csv') / 1e6:.0f} MB written"
            )

        print(
            f"framework precisions: {rows:,} rows, start -4, step {DTYPE_STEP}, "
            f"best of {args.repeat} rounds, the dtypes alternating within each round"
        )
        dtypes = ("float64", "float32", "float16", "bfloat16")
        times = dict.fromkeys(dtypes, float("inf"))
        for _ in range(args.repeat):  # alternate, so that a busy moment of a shared machine hits all
            for dtype in dtypes:
                command = [*ours[:-2], "--step", DTYPE_STEP, "--dtype", dtype, "-o", f"{out}-{dtype}.csv"]
                times[dtype] = min(times[dtype], _time(command, 1))
        for dtype in dtypes:
            size = os.path.getsize(f"{out}-{dtype}.csv") / 1e6
            print(
                f"  --dtype {dtype:9}  {times[dtype]:7.3f} s  {rows / times[dtype] / 1e6:6.2f} M rows/s  ({size:.0f} MB)"
            )
        savetxt32 = [
            py,
            "-c",
            NUMPY_PROGRAM.format(write=SAVETXT_FLOAT32),
            str(rows),
            out + "-32.txt",
            DTYPE_STEP,
        ]
        t_savetxt32 = _time(savetxt32, args.repeat)
        print(f"  np.savetxt float32 %.9g {t_savetxt32:7.3f} s")
        print(f"  float32 against np.savetxt: {t_savetxt32 / times['float32']:.1f}x the throughput")
        dtype_pairs(dtype_command, out, args.pairs)
        if args.big_rows:
            for dtype in ("float32", "float16"):
                big = [*ours[:-4], "--count", str(args.big_rows), "--step", DTYPE_STEP, "--dtype", dtype]
                peak = _peak_rss_mb([*big, "-o", f"{out}-big-{dtype}.csv"])
                print(f"  {args.big_rows:,}-row --dtype {dtype} export: peak RSS {peak:.0f} MB")


if __name__ == "__main__":
    main()
