"""Window speed and memory: update latency at any count, and start-up against a bare window.

Run on demand:  QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_window.py

* Update latency: with the window shown, change alpha (then start) through the spin box
  and time until the table model and the plot hold the new sweep and the window has
  repainted, at counts 101, 100,000, 1,000,000 and 100,000,000; resident memory at each.
* Start-up: a fresh process from launch to its plot's first paint, for leaky_gui's window
  and for a bare PySide6 QMainWindow holding an empty pyqtgraph PlotWidget, side by side.
* ``--ratios [--rounds N]``: the update latency at device pixel ratio 1 and 2 (QT_SCALE_FACTOR,
  read once per process), in N rounds (5) of one fresh process per ratio, and the ratio between them.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

COUNTS = (101, 100_000, 1_000_000, 100_000_000)
CHANGES = 40

PAINT_PROBE = """
import sys, time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication
{make_window}
class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print("painted", flush=True)
            app.exit(0)
        return False
probe = FirstPaint()
window.plot_view.viewport().installEventFilter(probe)
window.show()
app.exec()
"""

OURS = """
from leaky_gui.gui.selftest import named
from leaky_gui.app import create_application
from leaky_gui.gui.window import MainWindow
app = create_application(sys.argv)
window = MainWindow(remember=False)
window.plot_view = window.plot
"""

BARE = """
import pyqtgraph as pg
from PySide6.QtWidgets import QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.plot_view = pg.PlotWidget()
window.setCentralWidget(window.plot_view)
window.resize(1180, 760)
"""


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def update_latency() -> dict[int, float]:
    """Median update latency in ms by count (printed as it goes)."""

    from paint_counter import PaintCounter

    from leaky_gui.app import create_application
    from leaky_gui.gui.selftest import named
    from leaky_gui.gui.window import MainWindow

    app = create_application(sys.argv)
    window = MainWindow(remember=False)
    window.show()
    app.processEvents()
    counter = PaintCounter(window)
    print(
        f"update latency: one spin box change until table and plot hold the new sweep and have "
        f"both painted ({CHANGES} changes per count)"
    )
    base = None
    medians: dict[int, float] = {}
    for count in COUNTS:
        named(window, "count").setValue(count)
        app.processEvents()
        times = []
        for k in range(CHANGES):
            spin, value = (
                (named(window, "alpha"), 0.02 + k * 0.01)
                if k % 2
                else (named(window, "startX"), -3.75 + k * 0.25)
            )
            counter.painted.clear()
            start = time.perf_counter()
            spin.setValue(value)
            while counter.painted != {"table", "plot"} and time.perf_counter() - start < 1:
                app.processEvents()  # the views lay out and repaint on the event loop
            times.append(time.perf_counter() - start)
            assert window.model.rowCount() == count and window.params.count == count
            assert counter.painted == {"table", "plot"}, counter.painted
        rss = rss_mb()
        base = base or rss
        medians[count] = statistics.median(times) * 1e3
        print(
            f"  count {count:>11,}: median {statistics.median(times) * 1e3:5.1f} ms, "
            f"max {max(times) * 1e3:5.1f} ms, RSS {rss:5.0f} MB ({rss - base:+.0f} MB vs count 101)"
        )
    window.close()
    return medians


def ratios(rounds: int = 5) -> None:
    """Update latency at device pixel ratio 1 against 2, in alternating fresh processes.

    Each round runs one process at ratio 1 and then one at ratio 2, so the two of a round
    share the machine's load of that moment: the median of the rounds' own ratios is the
    steadiest figure on a shared machine, and the range of the medians shows the spread.
    """
    import json

    runs: dict[str, list[dict[int, float]]] = {"1": [], "2": []}
    for _ in range(rounds):
        for scale in runs:
            env = {**os.environ, "QT_SCALE_FACTOR": scale, "QT_QPA_PLATFORM": "offscreen"}
            out = subprocess.run(
                [sys.executable, __file__, "--json"], capture_output=True, text=True, env=env, timeout=600
            )
            assert out.returncode == 0, out.stderr
            runs[scale].append({int(k): v for k, v in json.loads(out.stdout.splitlines()[-1]).items()})
    print(
        f"update latency, median of {CHANGES} changes per process, {rounds} rounds of one process per ratio:"
    )
    print(
        "  count        | ratio 1           | ratio 2           | ratio 2 / 1: median of the rounds' (range)"
    )
    for count in COUNTS:
        one = sorted(run[count] for run in runs["1"])
        two = sorted(run[count] for run in runs["2"])
        paired = sorted(b[count] / a[count] for a, b in zip(runs["1"], runs["2"], strict=True))
        print(
            f"  {count:>11,} | {one[0]:5.1f} to {one[-1]:5.1f} ms | {two[0]:5.1f} to {two[-1]:5.1f} ms "
            f"| {statistics.median(paired):.2f}x ({paired[0]:.2f}x to {paired[-1]:.2f}x)"
        )


def startup(repeat: int = 5) -> None:
    def best(code: str) -> float:
        results = []
        for _ in range(repeat):
            start = time.perf_counter()
            out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
            results.append(time.perf_counter() - start)
            assert "painted" in out.stdout, out.stderr
        return min(results)

    ours = best(PAINT_PROBE.format(make_window=OURS))
    bare = best(PAINT_PROBE.format(make_window=BARE))
    print(f"start-up to first plot paint, best of {repeat}:")
    print(f"  bare PySide6 window + empty pyqtgraph plot: {bare * 1e3:6.0f} ms")
    print(f"  leaky_gui window:                           {ours * 1e3:6.0f} ms  ({ours / bare:.2f}x)")


if __name__ == "__main__":
    if "--json" in sys.argv:  # one ratio, for --ratios: the medians as the last line
        import contextlib
        import io
        import json

        with contextlib.redirect_stdout(io.StringIO()):
            medians = update_latency()
        print(json.dumps(medians))
        sys.exit(0)
    if "--ratios" in sys.argv:
        at = sys.argv.index("--rounds") + 1 if "--rounds" in sys.argv else 0
        ratios(int(sys.argv[at]) if at else 5)
        sys.exit(0)
    if "--startup-only" not in sys.argv:
        update_latency()
    if "--no-startup" not in sys.argv:
        startup()
