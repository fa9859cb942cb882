"""The standalone bundle against its goals: size, start-up speed, a quiet start.

Build first (packaging/build.sh), then:  python tests/benchmarks/bench_bundle.py [--repeat 5]

* size of the unpacked dist/leaky-gui/ (goal: at most 175 MB);
* `leaky-gui --self-test` frozen against the same self-test from the installed package,
  best of N, as whole processes (goal: frozen no slower than 1.2x);
* what the frozen app prints on stderr when it starts (goal: nothing).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FROZEN = ROOT / "dist" / "leaky-gui" / "leaky-gui"
INSTALLED = Path(sys.executable).with_name("leaky-gui")


def folder_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6


def best_time(command: list[str], repeat: int, env: dict[str, str]) -> tuple[float, str]:
    best, stderr = float("inf"), ""
    for _ in range(repeat):
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
        took = time.perf_counter() - start
        if done.returncode != 0 or "OK" not in done.stdout:
            raise SystemExit(f"{command[0]} --self-test failed: {done.stdout}{done.stderr}")
        best, stderr = min(best, took), stderr or done.stderr
    return best, stderr


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    if not FROZEN.exists():
        raise SystemExit(f"no bundle at {FROZEN.relative_to(ROOT)}: run packaging/build.sh first")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    frozen, frozen_err = best_time([str(FROZEN), "--self-test"], args.repeat, env)
    installed, _ = best_time([str(INSTALLED), "--self-test"], args.repeat, env)
    print(f"bundle dist/leaky-gui: {folder_mb(FROZEN.parent):.0f} MB unpacked (goal: at most 175 MB)")
    print(f"self-test, best of {args.repeat}: frozen {frozen:.2f} s, installed {installed:.2f} s, "
          f"ratio {frozen / installed:.2f} (goal: at most 1.2)")  # fmt: skip
    print(f"stderr of the frozen start: {frozen_err!r} (goal: empty)")


if __name__ == "__main__":
    main()
