"""Export CSV from the window: 10,000,000 rows while the event loop keeps running.

Run on demand:  QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_window_export.py [--rows N]

A 5 ms QTimer stamps the GUI thread's event loop throughout the export; the largest gap
between stamps is how long the window could not respond (the goal: under 100 ms).
"""

from __future__ import annotations

import argparse
import itertools
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000_000)
    args = parser.parse_args()

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QFileDialog, QProgressDialog

    from leaky_gui.app import create_application
    from leaky_gui.gui.selftest import named
    from leaky_gui.gui.window import MainWindow

    app = create_application(sys.argv)
    window = MainWindow(remember=False)
    window.show()
    named(window, "count").setValue(args.rows)
    app.processEvents()

    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "sweep.csv"
        QFileDialog.getSaveFileName = staticmethod(lambda *a, **k: (str(target), ""))
        stamps: list[float] = []
        timer = QTimer()
        timer.setInterval(5)
        timer.timeout.connect(lambda: stamps.append(time.perf_counter()))
        timer.start()
        start = time.perf_counter()
        window.export_csv()
        saw_progress = False
        while window.exports.running():
            app.processEvents()
            progress = window.findChild(QProgressDialog, "exportProgress")
            saw_progress |= bool(progress and progress.isVisible())
            time.sleep(0.001)
        took = time.perf_counter() - start
        timer.stop()
        gaps = [b - a for a, b in itertools.pairwise(stamps)]
        size = target.stat().st_size
        print(
            f"{args.rows:,}-row export from the window: {took:.2f} s ({args.rows / took / 1e6:.1f} M rows/s, {size / 1e6:.0f} MB)"
        )
        print(f"  event loop: {len(stamps)} ticks of a 5 ms timer, largest gap {max(gaps) * 1e3:.1f} ms")
        print(f"  progress dialog shown: {saw_progress}; status bar: {window.statusBar().currentMessage()!r}")


if __name__ == "__main__":
    main()
