"""Alpha slider speed: one slider position until every view holds the new alpha and has repainted.

Run on demand:  QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_alpha_slider.py [--profile]
                [--layer-view]

For counts 101, 1,000,000 and 100,000,000, with three pinned alphas and the curve labels
on, the slider moves one position at a time (as a drag or Play does); each is timed from
the slider's value change until the table model, plot, single x, info panel and status bar
hold the new alpha and the table and plot have both painted. The goal is a median of at
most 16 ms (one 60 Hz frame) at 100,000,000 points. ``--profile`` prints where the time
goes at the largest count. ``--layer-view`` opens View > Layer Statistics first (depth
1000, kaiming-default), and each position also waits for its rows to hold the new alpha.
"""

from __future__ import annotations

import cProfile
import os
import pstats
import statistics
import sys
import time
from decimal import Decimal

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

COUNTS = (101, 1_000_000, 100_000_000)
POSITIONS = 60


def main() -> None:

    from paint_counter import PaintCounter

    from leaky_gui.app import create_application
    from leaky_gui.calc.alphas import alpha_name
    from leaky_gui.gui.selftest import named, type_into
    from leaky_gui.gui.window import MainWindow

    app = create_application(sys.argv)
    window = MainWindow(remember=False)
    window.show()
    for alpha in ("0.2", "0.3", "0.05"):
        window.pin_alpha(Decimal(alpha))
    named(window, "singleX").setText("-2")
    layer_view = "--layer-view" in sys.argv
    if layer_view:
        named(window, "layerViewAction").trigger()
        window.layer_view.set_inputs(type(window.layer_view.inputs())(depth="1000", init="kaiming-default"))
    app.processEvents()
    counter = PaintCounter(window)
    slider = named(window, "alphaSlider")
    print(
        f"alpha slider: one position until table, plot, single x, info and status hold the new alpha "
        f"and table and plot have painted ({POSITIONS} positions per count, 3 pinned alphas, labels on"
        f"{', the Layer view open at depth 1000' if layer_view else ''})"
    )
    medians = {}
    for count in COUNTS:
        type_into(named(window, "count"), str(count))  # the boxes take typed text (the inputs model)
        slider.setValue(0)
        app.processEvents()
        times = []
        for index in range(1, POSITIONS + 1):
            alpha = window.slider.table.value(index)
            counter.painted.clear()
            start = time.perf_counter()
            slider.setValue(index)
            while counter.painted != {"table", "plot"} and time.perf_counter() - start < 1:
                app.processEvents()
            times.append(time.perf_counter() - start)
            assert counter.painted == {"table", "plot"}, counter.painted
            assert window.source.alpha == alpha and window.model.source.alpha == alpha
            assert window.single._source.alpha == alpha
            assert window.info.rows()[0][0] == f"{alpha_name(alpha)} (current)"
            assert window.statusBar().currentMessage().endswith(alpha_name(alpha))
            assert not layer_view or window.layer_view.rows()[0].alpha == alpha
        medians[count] = statistics.median(times)
        print(
            f"  count {count:>11,}: median {medians[count] * 1e3:5.1f} ms, "
            f"90th percentile {statistics.quantiles(times, n=10)[-1] * 1e3:5.1f} ms, max {max(times) * 1e3:5.1f} ms"
        )
    if "--profile" in sys.argv:
        profile = cProfile.Profile()
        profile.enable()
        for index in range(POSITIONS, 0, -1):
            counter.painted.clear()
            start = time.perf_counter()
            slider.setValue(index)
            while counter.painted != {"table", "plot"} and time.perf_counter() - start < 1:
                app.processEvents()
        profile.disable()
        pstats.Stats(profile).sort_stats("cumulative").print_stats(25)
    window.close()
    goal = medians[COUNTS[-1]] <= 0.016
    print(f"goal (median <= 16 ms at {COUNTS[-1]:,}): {'met' if goal else 'NOT met'}")


if __name__ == "__main__":
    main()
