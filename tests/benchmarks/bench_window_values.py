"""Your own values in the window at scale: open a 100,000,000-value float32 .npy, then type alphas.

Run on demand:  QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_window_values.py [COUNT]

* Open: from File > Open x Values (the read on its worker thread, the histogram of x
  included) until the table and the plot hold the values and have painted. Goal: under 2 s.
* Alpha keystrokes: one alpha change through the Alpha box until table and plot hold it and
  have painted, median of 40, against a sweep of the same count in the same window (the
  info panel's statistics follow on a worker thread, cancelled by the next keystroke).
* Memory: RssAnon (anonymous memory; the mapped file does not count) before opening, after
  opening and after the keystrokes. Goal: at most 100 MB more than before.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

import numpy as np

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

COUNT = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000_000
CHANGES = 40


def rss_anon_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("RssAnon:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no RssAnon in /proc/self/status")


def write_npy(path: Path, count: int) -> None:
    """count float32 values, normal around 0.2, written a block at a time (flat memory)."""
    out = np.lib.format.open_memmap(path, mode="w+", dtype=np.float32, shape=(count,))
    rng = np.random.default_rng(0)
    block = 10_000_000
    for lo in range(0, count, block):
        hi = min(lo + block, count)
        out[lo:hi] = rng.normal(0.2, 1.0, hi - lo).astype(np.float32)
    out.flush()
    del out


def main() -> None:
    from paint_counter import PaintCounter
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest

    from leaky_gui.app import create_application
    from leaky_gui.gui.selftest import named
    from leaky_gui.gui.window import MainWindow

    folder = Path(tempfile.mkdtemp(prefix="leaky-bench-"))
    path = folder / "values.npy"
    print(f"writing {COUNT:,} float32 values ({COUNT * 4 / 1e6:,.0f} MB)…", flush=True)
    write_npy(path, COUNT)
    app = create_application(sys.argv)
    window = MainWindow(remember=False)
    window.show()
    app.processEvents()
    counter = PaintCounter(window)

    def until_painted(start: float) -> float:
        while counter.painted != {"table", "plot"} and time.perf_counter() - start < 30:
            app.processEvents()
        return time.perf_counter() - start

    def alpha_latency() -> float:
        times = []
        for k in range(CHANGES):
            counter.painted.clear()
            start = time.perf_counter()
            named(window, "alpha").setValue(Decimal("0.02") + k * Decimal("0.01"))  # as typed: 0.41
            times.append(until_painted(start))
        return statistics.median(times) * 1e3

    try:
        named(window, "count").setValue(COUNT)
        app.processEvents()
        sweep_ms = alpha_latency()
        base = rss_anon_mb()
        counter.painted.clear()
        start = time.perf_counter()
        window.values_reader.open(path)
        while window.values is None and time.perf_counter() - start < 60:
            app.processEvents()
        opened = until_painted(start)
        assert window.source.count == COUNT, window.source
        after_open = rss_anon_mb()
        values_ms = alpha_latency()
        after_typing = rss_anon_mb()
        # Scrolling: PageDown and Ctrl+End in the table, until repainted.

        window.table.setFocus()
        keys = []
        for key, modifier in [(Qt.Key.Key_PageDown, Qt.KeyboardModifier.NoModifier)] * 5 + [
            (Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        ]:
            counter.painted.clear()
            start = time.perf_counter()
            QTest.keyClick(window.table, key, modifier)
            while "table" not in counter.painted and time.perf_counter() - start < 5:
                app.processEvents()
            keys.append((time.perf_counter() - start) * 1e3)
        # The histogram and statistics follow once typing pauses, on a worker thread.
        start = time.perf_counter()
        peak = after_typing
        label = named(window, "valuesStatistics")
        # Idle in the application's own event loop, as a window does: PySide lets other
        # threads run during app.exec(), while a Python loop of processEvents (or a nested
        # QEventLoop) holds the GIL and starves the worker thread. Look every 20 ms.
        poll = QTimer()

        def look() -> None:
            nonlocal peak
            peak = max(peak, rss_anon_mb())
            if "float64 sums" in label.text() or time.perf_counter() - start > 120:
                app.quit()

        poll.timeout.connect(look)
        poll.start(20)
        app.exec()
        poll.stop()
        stats_s = time.perf_counter() - start
        window.close()
    finally:
        path.unlink()
        folder.rmdir()
    print(f"open {COUNT:,} float32 values until painted: {opened:.2f} s (goal: under 2 s)")
    print(
        f"alpha keystroke, median of {CHANGES}: values {values_ms:.1f} ms, sweep of the same count {sweep_ms:.1f} ms"
    )
    print(
        f"RssAnon: {base:.0f} MB before, {after_open:.0f} MB opened (+{after_open - base:.0f}), "
        f"{after_typing:.0f} MB after the keystrokes (+{after_typing - base:.0f}), at most {peak:.0f} MB "
        f"while the statistics ran (+{peak - base:.0f}; goal: at most +100)"
    )
    print(f"histogram and statistics after typing paused: {stats_s:.1f} s (worker thread)")
    print(
        f"table keys (PageDown x5, Ctrl+End) until repainted, as the statistics start: worst {max(keys):.1f} ms"
    )


if __name__ == "__main__":
    main()
