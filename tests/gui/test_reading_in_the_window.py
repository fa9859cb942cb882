"""Reading a large file for the window: Cancel answered within a small block, the joined
column keeps the extent its blocks found, and the histogram made on the worker thread."""

from __future__ import annotations

import numpy as np
import pytest

from leaky_gui.calc import readers
from leaky_gui.calc.readers import read_values
from leaky_gui.calc.value_data import ValuesCancelled, find_extent

XS = [float(v) for v in np.random.default_rng(5).standard_normal(300_000) * 3]


@pytest.fixture(scope="module")
def big_csv(tmp_path_factory):
    path = tmp_path_factory.mktemp("open") / "x17.csv"
    path.write_text("x\n" + "".join(f"{v!r}\n" for v in XS))  # about 6 MB
    return path


def test_cancel_is_answered_within_a_megabyte_or_two(big_csv):
    seen: list[int] = []

    def should_stop() -> bool:
        return bool(seen)  # stop as soon as any progress came

    with pytest.raises(ValuesCancelled):
        read_values(big_csv, progress=lambda done, total: seen.append(done), should_stop=should_stop)
    assert seen[0] <= 2 << 20 < big_csv.stat().st_size


def test_the_joined_column_keeps_its_blocks_extent(big_csv, monkeypatch):
    monkeypatch.setattr(readers, "STOPPABLE_BLOCK_BYTES", 100_000)
    values = read_values(big_csv, should_stop=lambda: False)
    extent = values.data._extent
    assert extent is not None
    values.data._extent = None
    assert find_extent(values.data) == extent
    assert values.x(extent.i_min) == min(XS) and values.x(extent.i_max) == max(XS)
    assert values.data.doubles(0, values.count).tolist() == XS  # each the double its text names


def test_the_load_job_makes_the_histogram_off_the_gui_thread(qtbot, big_csv):
    from leaky_gui.gui.limits import HISTOGRAM_BINS
    from leaky_gui.gui.values_loader import LoadJob

    job = LoadJob(lambda progress, should_stop: read_values(big_csv, None, None, progress, should_stop))
    got = []
    job.succeeded.connect(got.append)
    with qtbot.waitSignal(job.finished, timeout=120_000):
        job.start()
    assert got and got[0].known_histogram(HISTOGRAM_BINS) is not None
    # The read kept each block's doubles for its extent and the histogram, then let them go.
    assert got[0].data._doubles is None
    assert got[0].data.doubles(0, got[0].count).tolist() == XS


def test_the_load_job_says_its_progress_at_most_every_tenth_of_a_second(qtbot, monkeypatch):
    """Each signal from the worker lets go of the GIL and waits to get it back: a read of
    25 blocks said all of them and lost about 20 ms. Nothing is said before the bar could show;
    the end always is, once."""
    from decimal import Decimal
    from types import SimpleNamespace

    from leaky_gui.calc.values import values_from_decimals
    from leaky_gui.gui import values_loader
    from leaky_gui.gui.values_loader import PROGRESS_EVERY_S, LoadJob

    clock = [100.0]  # the loader's time.monotonic, moved by the read itself
    monkeypatch.setattr(values_loader, "time", SimpleNamespace(monotonic=lambda: clock[0]))

    def read(progress, should_stop):
        for i in range(1000):
            progress(i, 2000)  # at once: not said
        clock[0] += PROGRESS_EVERY_S * 1.5
        progress(1000, 2000)  # said
        clock[0] += PROGRESS_EVERY_S / 2
        progress(1001, 2000)  # too soon after it
        progress(2000, 2000)  # the end: always said, the bar full
        progress(2000, 2000)  # a compressed file's end again (its position stays): not again
        return values_from_decimals([Decimal(1), Decimal(2)])

    job = LoadJob(read)
    said: list[tuple[int, int]] = []
    job.progressed.connect(lambda done, total: said.append((done, total)))
    with qtbot.waitSignal(job.finished, timeout=10_000):
        job.start()
    qtbot.waitUntil(lambda: len(said) >= 2)
    qtbot.wait(50)
    assert said == [(1000, 2000), (2000, 2000)]
