"""Opening a CSV of full-precision doubles in the window, against polars' read_csv alone.

Run on demand:  python tests/benchmarks/bench_window_open.py [--values 1000000] [--repeat 3]
                [--style repr|e18] [--cancel-values 10000000] [--skip-cancel]
                [--polars-python PATH]

The data: standard normals times 3 under a header ``x``, one a line, written as polars,
pandas and ``repr`` write doubles (shortest round-trip text, about 17 significant digits),
or with ``--style e18`` as numpy's ``savetxt`` default ``%.18e``.

* Open: in a fresh process each time (the window shown and idle first: 2.5 s after its
  start, as when a person opens a file; the readers are imported by then), from
  ``ValuesController.open`` (what File > Open, a drop and the remembered file call) until
  the table holds every row and has painted. Against ``polars.read_csv`` of the same file,
  alone, in a fresh process too (its import not counted); the two take turns. Goal: at
  most 2x polars.
* Blocking: a 5 ms timer on the GUI thread notes the longest gap between its ticks while
  the file is read. Goal: never more than 100 ms.
* Cancel: with ``--cancel-values`` (default 10,000,000) the progress dialog must appear and
  its Cancel stop the read; the time from Cancel until the read has stopped, and the
  longest gap, are printed. polars is for comparison only, never a dependency: give an
  interpreter that has it with ``--polars-python`` (default: this one; without it that
  figure is left out).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent

WINDOW_PROGRAM = r"""
import os, sys, time
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, sys.argv[3])
from pathlib import Path
from paint_counter import PaintCounter
from PySide6.QtCore import QTimer
from leaky_gui.app import create_application
from leaky_gui.gui.window import MainWindow

path, mode = Path(sys.argv[1]), sys.argv[2]
app = create_application(["bench"])
window = MainWindow(remember=False)
window.show()
for _ in range(20):
    app.processEvents()
counter = PaintCounter(window)
expected = int(sys.argv[4])
state = {"last": None, "gap": 0.0, "start": None, "cancelled_at": None, "result": None}

def tick():
    now = time.perf_counter()
    if state["start"] is not None and state["last"] is not None and now - state["last"] > state["gap"]:
        state["gap"] = now - state["last"]
        if os.environ.get("BENCH_GAPS"):
            print(f"gap {state['gap'] * 1e3:.0f} ms at {now - state['start']:.2f} s, values shown: {window.values is not None}", file=sys.stderr)
    state["last"] = now
    reader = window.values_reader
    if mode == "open":
        if window.values is not None and window.table.model().rowCount() == expected and "table" in counter.painted:
            state["result"] = now - state["start"]
            app.quit()
    else:  # cancel: once the progress dialog shows, press its Cancel; stop when the read has
        dialog = reader._progress
        if state["cancelled_at"] is None and dialog is not None and dialog.isVisible() and now - state["start"] > 1.0:
            state["cancelled_at"] = now
            from PySide6.QtWidgets import QPushButton
            next(b for b in dialog.findChildren(QPushButton) if b.text() == "Cancel").click()
        elif state["cancelled_at"] is not None and not reader.running():
            state["result"] = now - state["cancelled_at"]
            app.quit()
    if state["start"] is not None and now - state["start"] > 300:
        app.quit()

timer = QTimer()
timer.timeout.connect(tick)
timer.start(5)

def begin():
    counter.painted.clear()
    state["start"] = time.perf_counter()
    state["last"] = None
    window.values_reader.open(path)

QTimer.singleShot(2500, begin)  # the window idle, as when a person opens a file
app.exec()
print(state["result"], state["gap"], window.values is None)
"""

POLARS_PROGRAM = r"""
import sys, time
import polars as pl
start = time.perf_counter()
df = pl.read_csv(sys.argv[1])
took = time.perf_counter() - start
assert df.height == int(sys.argv[2])
print(took)
"""


def write_data(path: Path, count: int, style: str) -> None:
    rng = np.random.default_rng(22)
    with open(path, "w") as out:
        out.write("x\n")
        for lo in range(0, count, 1_000_000):
            block = rng.standard_normal(min(1_000_000, count - lo)) * 3
            if style == "e18":
                out.write("".join(f"{v:.18e}\n" for v in block.tolist()))
            else:
                out.write("".join(f"{v!r}\n" for v in block.tolist()))


def run(program: str, *args: str, python: str = sys.executable) -> list[str]:
    # Byte code written and read, as an installed app's is (see bench_window.py).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    done = subprocess.run(
        [python, "-c", program, *args], capture_output=True, text=True, check=False, env=env
    )
    if done.returncode:
        raise SystemExit(done.stderr)
    if os.environ.get("BENCH_GAPS"):
        print(done.stderr, end="")
    return done.stdout.split()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--values", type=float, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--style", choices=["repr", "e18"], default="repr")
    parser.add_argument("--cancel-values", type=float, default=10_000_000)
    parser.add_argument("--skip-cancel", action="store_true")
    parser.add_argument("--polars-python", default=sys.executable, help="an interpreter that has polars")
    args = parser.parse_args()
    n = int(args.values)
    folder = Path(tempfile.mkdtemp(prefix="leaky-open-"))
    path = folder / "x.csv"
    try:
        write_data(path, n, args.style)
        size = os.path.getsize(path) / 1e6
        print(
            f"{n:,} doubles ({args.style}) with a header, {size:.0f} MB; {args.repeat} runs each, taking turns"
        )
        window_s, polars_s, gaps = [], [], []
        for _ in range(args.repeat):
            took, gap, _ = run(WINDOW_PROGRAM, str(path), "open", str(HERE), str(n))
            window_s.append(float(took))
            gaps.append(float(gap))
            with contextlib.suppress(SystemExit):  # no polars here: the line goes without it
                polars_s.append(float(run(POLARS_PROGRAM, str(path), str(n), python=args.polars_python)[0]))
        line = (
            f"open in the window until the table shows every row: median {statistics.median(window_s):.2f} s"
        )
        if polars_s:
            ratio = statistics.median(w / p for w, p in zip(window_s, polars_s, strict=False))
            line += f"; polars read_csv alone: median {statistics.median(polars_s):.2f} s; ratio {ratio:.2f}x (goal: at most 2x)"
        print(line)
        print(
            f"longest the GUI thread was blocked while reading: {max(gaps) * 1e3:.0f} ms (goal: at most 100 ms)"
        )
        if not args.skip_cancel:
            big = int(args.cancel_values)
            write_data(path, big, args.style)
            took, gap, none = run(WINDOW_PROGRAM, str(path), "cancel", str(HERE), str(big))
            print(
                f"{big:,} doubles ({os.path.getsize(path) / 1e6:.0f} MB): Cancel in the progress dialog stopped the read "
                f"in {float(took) * 1e3:.0f} ms, nothing kept: {none == 'True'}; "
                f"longest block of the GUI thread: {float(gap) * 1e3:.0f} ms"
            )
    finally:
        path.unlink(missing_ok=True)
        folder.rmdir()


if __name__ == "__main__":
    main()
