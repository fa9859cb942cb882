"""Window speed and memory: update latency at any count, and start-up against a bare window.

Run on demand:  QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_window.py

* Update latency: with the window shown, change alpha (then start) through the spin box
  and time until the table model and the plot hold the new sweep and the window has
  repainted, at counts 101, 100,000, 1,000,000 and 100,000,000; resident memory at each.
* Start-up (``--startup-only``): a fresh process from launch to its plot's first paint, for
  leaky_gui's window and for a bare PySide6 QMainWindow holding an empty pyqtgraph
  PlotWidget, in turns; wall and CPU time, and the median of the pairs' ratios.
* ``--ratios [--rounds N]``: the update latency at device pixel ratio 1 and 2: two windows in
  one process, on two offscreen screens (QT_SCREEN_SCALE_FACTORS 1 and 2), changed in turns so
  that both meet the same load; N fresh processes (5) do this.
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


def time_change(app, window, counter, k: int) -> float:
    """One change (start on even k, alpha on odd) until table and plot hold it and have painted, in s."""
    from leaky_gui.gui.selftest import named

    count = window.source.count
    spin, value = (
        (named(window, "alpha"), 0.02 + k * 0.01) if k % 2 else (named(window, "startX"), -3.75 + k * 0.25)
    )
    app.processEvents()  # whatever the last change left behind is not this one's (nor another window's)
    counter.painted.clear()
    start = time.perf_counter()
    spin.setValue(value)
    while counter.painted != {"table", "plot"} and time.perf_counter() - start < 1:
        app.processEvents()  # the views lay out and repaint on the event loop
    took = time.perf_counter() - start
    assert window.model.rowCount() == count and window.source.count == count
    assert counter.painted == {"table", "plot"}, counter.painted
    return took


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
        times = [time_change(app, window, counter, k) for k in range(CHANGES)]
        rss = rss_mb()
        base = base or rss
        medians[count] = statistics.median(times) * 1e3
        print(
            f"  count {count:>11,}: median {statistics.median(times) * 1e3:5.1f} ms, "
            f"max {max(times) * 1e3:5.1f} ms, RSS {rss:5.0f} MB ({rss - base:+.0f} MB vs count 101)"
        )
    window.close()
    return medians


#: Two screens side by side for the offscreen platform; QT_SCREEN_SCALE_FACTORS makes the
#: second one device pixel ratio 2 (1280 x 800 logical pixels, room for the window).
TWO_SCREENS = {
    "screens": [
        {
            "name": "one",
            "x": 0,
            "y": 0,
            "width": 2560,
            "height": 1600,
            "logicalDpi": 96,
            "logicalBaseDpi": 96,
        },
        {
            "name": "two",
            "x": 2560,
            "y": 0,
            "width": 2560,
            "height": 1600,
            "logicalDpi": 96,
            "logicalBaseDpi": 96,
        },
    ]
}


def paired_latency() -> dict[str, dict[int, list[float]]]:
    """Two windows in one process, at ratio 1 and 2, changed in turns: every change's time in ms."""
    from paint_counter import PaintCounter
    from PySide6.QtCore import QRect

    from leaky_gui.app import create_application
    from leaky_gui.gui.selftest import named
    from leaky_gui.gui.window import MainWindow

    app = create_application(sys.argv)
    windows: dict[str, MainWindow] = {}
    for screen in app.screens():  # which screen has ratio 2 changes from process to process
        window = MainWindow(remember=False)
        window.setScreen(screen)
        place: QRect = screen.geometry()
        window.move(place.x() + 10, place.y() + 10)
        window.show()
        windows[f"{screen.devicePixelRatio():g}"] = window
    app.processEvents()
    ratios = {name: w.devicePixelRatioF() for name, w in windows.items()}
    assert ratios == {"1": 1.0, "2": 2.0}, ratios
    windows = {"1": windows["1"], "2": windows["2"]}
    counters = {name: PaintCounter(w) for name, w in windows.items()}
    times: dict[str, dict[int, list[float]]] = {name: {} for name in windows}
    for count in COUNTS:
        for window in windows.values():
            named(window, "count").setValue(count)
        app.processEvents()
        for name in windows:
            times[name][count] = []
        for k in range(CHANGES):
            order = ("1", "2") if k % 2 == 0 else ("2", "1")  # neither always goes first
            for name in order:
                took = time_change(app, windows[name], counters[name], k)
                times[name][count].append(took * 1e3)
    for window in windows.values():
        window.close()
    return times


def ratios(rounds: int = 5) -> None:
    """Update latency at device pixel ratio 1 against 2: two windows, one process, changed in turns.

    One window sits on a screen of ratio 1 and the other on a screen of ratio 2 (offscreen,
    QT_SCREEN_SCALE_FACTORS), and their changes alternate, so both see the same load on
    this shared machine at the same moments. ``rounds`` fresh processes do this, the ratio-2
    window made first in every other one.
    """
    import json
    import tempfile

    per_round: list[dict[str, dict[int, list[float]]]] = []
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as config:
        json.dump(TWO_SCREENS, config)
    try:
        env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config.name}"}
        env.pop("QT_SCALE_FACTOR", None)
        for turn in range(rounds):
            # The ratio-2 window is made first in every other process, shown on the first screen.
            env["QT_SCREEN_SCALE_FACTORS"] = "1;2" if turn % 2 == 0 else "2;1"
            out = subprocess.run(
                [sys.executable, __file__, "--paired-json"],
                capture_output=True,
                text=True,
                env=env,
                timeout=900,
            )
            assert out.returncode == 0, out.stderr
            raw = json.loads(out.stdout.splitlines()[-1])
            per_round.append({name: {int(c): v for c, v in by.items()} for name, by in raw.items()})
    finally:
        os.unlink(config.name)
    print(
        f"update latency at device pixel ratio 1 and 2: two windows in one process, changed in turns, "
        f"{CHANGES} changes each per count; median per process, {rounds} processes:"
    )
    print("  count        | ratio 1           | ratio 2           | ratio 2 / 1 (of the processes' medians)")
    for count in COUNTS:
        one = [statistics.median(r["1"][count]) for r in per_round]
        two = [statistics.median(r["2"][count]) for r in per_round]
        each = sorted(b / a for a, b in zip(one, two, strict=True))
        print(
            f"  {count:>11,} | {min(one):5.1f} to {max(one):5.1f} ms | {min(two):5.1f} to {max(two):5.1f} ms "
            f"| {statistics.median(each):.2f}x ({each[0]:.2f}x to {each[-1]:.2f}x)"
        )


def _children_cpu() -> float:
    """CPU seconds (user + system) of every child process reaped so far."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def first_paint(code: str) -> tuple[float, float]:
    """One fresh process to its plot's first paint: (wall seconds, CPU seconds of the process)."""
    # Byte code is written and then read, as an installed app's is: with PYTHONDONTWRITEBYTECODE
    # our modules would be compiled afresh in every process (about 0.1 s here) while Qt's and
    # pyqtgraph's come compiled from their install, and the pairs would compare unlike things.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    cpu, start = _children_cpu(), time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env)
    wall = time.perf_counter() - start
    assert "painted" in out.stdout, out.stderr
    return wall, _children_cpu() - cpu


def startup(repeat: int = 9) -> None:
    """leaky_gui's window against the bare one, in turns (ours, bare, ours, ...): on a shared
    machine a pair meets the same load, so the median of the pairs' ratios is the figure."""
    ours_code, bare_code = PAINT_PROBE.format(make_window=OURS), PAINT_PROBE.format(make_window=BARE)
    first_paint(ours_code), first_paint(bare_code)  # warm the file cache, write the byte code
    ours, bare = [], []
    for k in range(repeat):
        pair = (ours_code, bare_code) if k % 2 == 0 else (bare_code, ours_code)
        a, b = (first_paint(code) for code in pair)
        (o, r) = (a, b) if k % 2 == 0 else (b, a)
        ours.append(o)
        bare.append(r)
    print(f"start-up to first plot paint, {repeat} pairs of fresh processes in turns (median, min):")
    for name, runs in (("bare PySide6 window + empty pyqtgraph plot", bare), ("leaky_gui window", ours)):
        walls, cpus = [w for w, _ in runs], [c for _, c in runs]
        print(
            f"  {name:43} wall {statistics.median(walls) * 1e3:6.0f} ms ({min(walls) * 1e3:.0f}), "
            f"CPU {statistics.median(cpus) * 1e3:6.0f} ms ({min(cpus) * 1e3:.0f})"
        )
    for i, what in ((0, "wall"), (1, "CPU")):
        ratios = sorted(o[i] / b[i] for o, b in zip(ours, bare, strict=True))
        print(
            f"  leaky_gui / bare, {what:4}: median {statistics.median(ratios):.2f}x "
            f"({ratios[0]:.2f}x to {ratios[-1]:.2f}x)"
        )


if __name__ == "__main__":
    if "--paired-json" in sys.argv:  # one process of --ratios: every change's time, as the last line
        import contextlib
        import io
        import json

        with contextlib.redirect_stdout(io.StringIO()):
            paired = paired_latency()
        print(json.dumps(paired))
        sys.exit(0)
    if "--ratios" in sys.argv:
        at = sys.argv.index("--rounds") + 1 if "--rounds" in sys.argv else 0
        ratios(int(sys.argv[at]) if at else 5)
        sys.exit(0)
    if "--startup-only" not in sys.argv:
        update_latency()
    if "--no-startup" not in sys.argv:
        startup()
