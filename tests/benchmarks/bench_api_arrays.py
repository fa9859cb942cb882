"""The Python API on arrays: ``leaky_gui.leaky_relu(x)`` against ``np.where(x > 0, x, alpha * x)``.

Run on demand:  python tests/benchmarks/bench_api_arrays.py [--values 10000000] [--repeat 7]
                [--alpha 0.01 --alpha 0.37]

x: standard normals times 3 as float64 (half of them at or below 0, where the product is
made). ``np.where`` is the plain numpy line, which is not exact (alpha*x rounds alpha first,
then the product); ``leaky_relu`` gives the double nearest the exact decimal product. Both
in this process, taking turns, best and median of ``--repeat`` runs; the goal is at most 2x
for the default alpha. float32 is timed too (``dtype="float32"``, PyTorch's rule).
"""

from __future__ import annotations

import argparse
import statistics
import time

import numpy as np

import leaky_gui


def timed(run) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--values", type=float, default=10_000_000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--alpha", action="append")
    args = parser.parse_args()
    n = int(args.values)
    x = np.random.default_rng(22).standard_normal(n) * 3
    print(f"{n:,} float64 values (standard normals x 3), {args.repeat} runs each, taking turns")
    for alpha in args.alpha or ["0.01", "0.37"]:
        a = float(alpha)
        cases = {
            "np.where(x > 0, x, alpha * x)": lambda a=a: np.where(x > 0, x, a * x),
            "leaky_gui.leaky_relu(x, alpha)": lambda alpha=alpha: leaky_gui.leaky_relu(x, alpha),
            "leaky_relu(x, alpha, dtype='float32')": lambda alpha=alpha: leaky_gui.leaky_relu(
                x, alpha, dtype="float32"
            ),
        }
        times: dict[str, list[float]] = {name: [] for name in cases}
        for run in cases.values():
            run()  # warm up: pages, caches
        for _ in range(args.repeat):
            for name, run in cases.items():
                times[name].append(timed(run))
        base = statistics.median(times["np.where(x > 0, x, alpha * x)"])
        print(f"alpha {alpha}:")
        for name, runs in times.items():
            median = statistics.median(runs)
            print(
                f"  {name:40s} median {median * 1e3:7.1f} ms  best {min(runs) * 1e3:7.1f} ms  {median / base:5.2f}x"
            )


if __name__ == "__main__":
    main()
