"""Your own x values in the window: open, drop or paste them, read on a worker thread.

The reading is the calculation's (``leaky_gui.calc.readers``); this module runs it off the
GUI thread with progress and Cancel, and owns the conversation around it: the file dialog,
one message box naming the file (and line and column) when something is wrong, and a
line for the status bar. Nothing changes on screen until a read is complete: a bad file
or a cancelled read leaves the previous data on show.
"""

from __future__ import annotations

import io
import threading
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QThread, QTimer, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from leaky_gui.calc.source import XSource
from leaky_gui.calc.value_data import ValuesCancelled, ValuesFileError
from leaky_gui.calc.values import Values, ValuesStatistics
from leaky_gui.gui.language import QT_TRANSLATE_NOOP, translate
from leaky_gui.gui.limits import HISTOGRAM_BINS
from leaky_gui.gui.widgets import PROGRESS_DELAY_MS, locale_uses_decimal_comma

#: A read's progress is said at most this often (s): the bar moves smoothly, the read is not slowed.
PROGRESS_EVERY_S = 0.1
#: Statistics of many values are worked out once input has paused this long (ms).
STATISTICS_PAUSE_MS = 250
#: The readers (and the text engine's rows) are imported on a thread this long after the
#: window starts, while it is idle: a file opened later does not wait for them (about
#: 20-40 ms); one opened sooner waits for that import to finish, as it would have anyway.
WARM_READERS_MS = 2000


def _import_readers() -> None:
    import leaky_gui.calc.readers  # noqa: F401


OPEN_FILTERS = QT_TRANSLATE_NOOP(
    "ValuesController",
    "Numbers (*.csv *.tsv *.txt *.npy *.gz *.bz2 *.xz);;CSV or TSV (*.csv *.tsv);;Text (*.txt);;"
    "NumPy array (*.npy);;Compressed text (*.gz *.bz2 *.xz);;All files (*)",
)
PASTED_NAME = QT_TRANSLATE_NOOP("ValuesController", "pasted values")


class ReadProgress(QWidget):
    """How far a read is, with Cancel, at the right of the status bar: shown once a read has
    taken PROGRESS_DELAY_MS. Not a dialog: a window of its own takes the focus from the main
    window, which then repaints table and plot (100-200 ms on the GUI thread). Made once, with
    the window, so the status bar never changes its height (the window's layout) for it."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("valuesProgress")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 1000)
        self.bar.setMaximumWidth(160)
        self.bar.setAccessibleName(translate("ValuesController", "Reading x Values"))
        self.button = QPushButton(translate("JobProgress", "Cancel"), self)
        self.button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)  # its text's width
        self.button.clicked.connect(self._cancel)
        layout.addStretch()  # both at the right, side by side
        layout.addWidget(self.bar)
        layout.addWidget(self.button)
        self._cancel_job: Callable[[], None] | None = None
        self.cancelled = False
        self.hide()
        if isinstance(window, QMainWindow):
            window.statusBar().addPermanentWidget(self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.show)

    def start(self, cancel: Callable[[], None]) -> None:
        """A read begins: shown if it is still running after PROGRESS_DELAY_MS."""
        self._cancel_job, self.cancelled = cancel, False
        self.bar.setValue(0)
        self._timer.start(PROGRESS_DELAY_MS)

    def _cancel(self) -> None:
        if self._cancel_job is not None and not self.cancelled:
            self.cancelled = True
            self._cancel_job()

    def set_fraction(self, done: int, total: int) -> None:
        if not self.cancelled and total > 0:
            self.bar.setValue(min(999, round(1000 * done / total)))

    def finish(self) -> None:
        self._timer.stop()
        self._cancel_job = None
        self.hide()


class LoadJob(QThread):
    """Reads values (and the histogram of x) on its own thread; ``cancel()`` from the GUI thread."""

    progressed = Signal(int, int)  # done, total (bytes or values)
    succeeded = Signal(object)  # Values
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, read: Callable[[Callable[[int, int], None], Callable[[], bool]], Values], parent=None):
        super().__init__(parent)
        self.setObjectName("valuesLoad")
        self._read = read
        self._stop = threading.Event()
        self._said = 0.0  # when progress was last said (time.monotonic), and how far
        self._said_done = -1

    def cancel(self) -> None:
        self._stop.set()

    def _progress(self, done: int, total: int) -> None:
        """Said to the GUI thread at most every PROGRESS_EVERY_S, and at the end: each signal
        lets go of the GIL and waits to get it back (up to 5 ms while another thread parses)."""
        now = time.monotonic()
        # The end once (a compressed file's position reaches its size before the text ends).
        if now - self._said >= PROGRESS_EVERY_S or (done >= total and done != self._said_done):
            self._said, self._said_done = now, done
            self.progressed.emit(done, total)

    def run(self) -> None:
        self._said = time.monotonic()  # the bar shows after PROGRESS_DELAY_MS: nothing to say before
        try:
            values = self._read(self._progress, self._stop.is_set)
            # The plot's histogram of x here, not on the GUI thread: for 17-digit decimals
            # a pass over 200,000 values is most of a second.
            values.histogram(HISTOGRAM_BINS, should_stop=self._stop.is_set)
            values.data.forget_doubles()  # the read kept them for the histogram: 8 bytes a value
        except ValuesCancelled:
            self.cancelled.emit()
        except ValuesFileError as error:
            self.failed.emit(str(error))
        except MemoryError:
            self.failed.emit(translate("ValuesController", "not enough memory to hold these values"))
        except Exception as error:  # a bug must reach the user, not end the thread silently
            self.failed.emit(f"{type(error).__name__}: {error}")
        else:
            if self._stop.is_set():
                self.cancelled.emit()
            else:
                self.succeeded.emit(values)


class StatisticsJob(QThread):
    """The plot's histogram of x and the info panel's statistics of one source (passes over
    every value) on their own thread."""

    done = Signal(object, object)  # the source asked about, its ValuesStatistics (or None)
    failed = Signal(object, str)  # the source asked about, why there are no statistics

    def __init__(self, values: XSource, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("valuesStatisticsJob")
        self.values = values
        self._stop = threading.Event()

    def cancel(self) -> None:
        self._stop.set()

    def run(self) -> None:
        try:
            self.values.histogram(HISTOGRAM_BINS, should_stop=self._stop.is_set)  # once per data
            stats = self.values.statistics(should_stop=self._stop.is_set)
        except ValuesCancelled:
            return
        except MemoryError:
            self.failed.emit(self.values, translate("ValuesController", "not enough memory"))
            return
        except Exception as error:  # a bug must reach the user, not end the thread silently
            self.failed.emit(self.values, f"{type(error).__name__}: {error}")
            return
        self.done.emit(self.values, stats)


class ValuesController(QObject):
    """Opens, drops and pastes values for ``window``: one read at a time, ``loaded`` when done."""

    loaded = Signal(object, str)  # Values, the path it came from ('' when pasted)
    #: A line for the status bar and how long to show it in ms (0: until the next one).
    message = Signal(str, int)
    running_changed = Signal(bool)
    #: A quiet read (the last file, at start) failed: why.
    quiet_failure = Signal(str)

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._job: LoadJob | None = None
        #: The progress of the read that runs (None when none runs).
        self._progress: ReadProgress | None = None
        self._read_progress = ReadProgress(window)
        self._stats: StatisticsJob | None = None  # the one statistics job at a time
        #: The newest request, started once input pauses and no job runs.
        self._stats_wanted: tuple | None = None  # (values, done, failed)
        self._stats_timer = QTimer(self)
        self._stats_timer.setSingleShot(True)
        self._stats_timer.setInterval(STATISTICS_PAUSE_MS)
        self._stats_timer.timeout.connect(self._start_statistics)
        #: Where the last file came from; the open dialog starts there. '' for the home folder.
        self.folder = ""
        #: Decimal commas in text: None decides from the text (and the locale).
        self.decimal_comma: bool | None = None
        QTimer.singleShot(WARM_READERS_MS, self._warm_readers)

    @staticmethod
    def _warm_readers() -> None:
        threading.Thread(target=_import_readers, name="leaky-warm-readers", daemon=True).start()

    def running(self) -> bool:
        return self._job is not None

    # -- reading ---------------------------------------------------------------------

    def ask_and_open(self) -> None:
        """File > Open x Values…: ask for a file, then read it."""
        folder = Path(self.folder) if self.folder and Path(self.folder).is_dir() else Path.home()
        path, _ = QFileDialog.getOpenFileName(
            self._window,
            translate("ValuesController", "Open x Values"),
            str(folder),
            translate("ValuesController", OPEN_FILTERS),
        )
        if path:
            self.open(Path(path))

    def open(self, path: Path, *, quiet: bool = False) -> bool:
        """Read ``path`` on a worker thread; False (with a message) if a read runs already.

        ``quiet`` (restoring the last source) says problems in the status bar, not a box.
        """
        path = Path(path)
        self.folder = str(path.parent)
        comma = self.decimal_comma

        def read(progress, should_stop) -> Values:
            from leaky_gui.calc.readers import read_values  # when first read, not at start-up

            return read_values(path, None, comma, progress, should_stop)

        return self._start(read, path.name, str(path), quiet)

    def paste(self, text: str) -> bool:
        """Edit > Paste x Values: a column copied from a spreadsheet (tab-separated cells)."""
        if not text.strip():
            self.message.emit(
                translate(
                    "ValuesController",
                    "Paste x Values: the clipboard holds no text; copy a column of numbers first.",
                ),
                8000,
            )
            return False
        data = text.encode("utf-8")
        name = translate("ValuesController", PASTED_NAME)
        # Cells on the clipboard are separated by tabs, so 1,5 is one cell: a decimal comma
        # where the desktop's locale writes them (as in the boxes), else refused, not split.
        comma = locale_uses_decimal_comma() if self.decimal_comma is None else self.decimal_comma

        def read(progress, should_stop) -> Values:
            from leaky_gui.calc.readers import read_text  # when first read, not at start-up

            return read_text(
                io.BytesIO(data),
                name,
                None,
                comma,
                progress,
                should_stop,
                size=len(data),
                separator="\t",
            )

        return self._start(read, name, "", False)

    def _start(self, read, name: str, origin: str, quiet: bool) -> bool:
        if self._job is not None:
            self.message.emit(
                translate("ValuesController", "Values are being read already; wait for them or cancel."), 4000
            )
            return False
        job = LoadJob(read, self)
        progress = self._read_progress
        progress.start(job.cancel)
        job.progressed.connect(progress.set_fraction)
        job.succeeded.connect(lambda values: self.loaded.emit(values, origin))
        job.failed.connect(lambda reason: self._on_failed(name, reason, quiet))
        job.cancelled.connect(
            lambda: self.message.emit(
                translate(
                    "ValuesController", "Reading {name} cancelled; the data on show stay as they were."
                ).format(name=name),
                8000,
            )
        )
        job.finished.connect(self._on_done)
        self._job, self._progress = job, progress
        self.running_changed.emit(True)
        self.message.emit(translate("ValuesController", "Reading {name}…").format(name=name), 0)
        job.start()
        return True

    def cancel(self) -> None:
        """Cancel a running read (its data are dropped; what is on show stays)."""
        if self._job is not None:
            self._job.cancel()

    def cancel_and_wait(self) -> None:
        """Stop every worker (closing the window)."""
        self._stats_timer.stop()
        self._stats_wanted = None
        for job in (self._job, self._stats):
            if job is not None:
                job.cancel()
                job.wait()

    def _on_failed(self, name: str, reason: str, quiet: bool) -> None:
        self.message.emit(
            translate("ValuesController", "Could not read the values: {reason}").format(reason=reason), 0
        )
        if quiet:
            self.quiet_failure.emit(reason)
        else:
            QMessageBox.warning(
                self._window,
                translate("ValuesController", "Cannot Read x Values"),
                translate("ValuesController", "{reason}\n\nThe data on show stay as they were.").format(
                    reason=reason
                ),
            )

    def _on_done(self) -> None:
        if self._progress is not None:
            self._progress.finish()
        if self._job is not None:
            self._job.wait()  # finished has been emitted: returns at once
            self._job.deleteLater()
        self._job = self._progress = None
        self.running_changed.emit(False)

    # -- statistics for the info panel ---------------------------------------------------

    def statistics(
        self,
        values: XSource,
        done: Callable[[XSource, ValuesStatistics | None], None],
        failed: Callable[[XSource, str], None],
    ) -> None:
        """Work out ``values``' histogram and statistics on a worker thread, then call ``done``
        (or ``failed`` with the reason).

        Sliding alpha over 100,000,000 values asks at every position, and only the last
        answer is wanted: a request waits for a pause in input (STATISTICS_PAUSE_MS), a
        newer one replaces it, and a running job is cancelled first, so at most one pass
        runs (its blocks are the only memory it takes) and none slows the typing.
        """
        self._stats_wanted = (values, done, failed)
        if self._stats is not None:
            self._stats.cancel()
        self._stats_timer.start()

    def _start_statistics(self) -> None:
        if self._stats is not None or self._stats_wanted is None:
            return  # the running job's end starts the newest request
        values, done, failed = self._stats_wanted
        self._stats_wanted = None
        job = StatisticsJob(values, self)
        job.done.connect(done)
        job.failed.connect(failed)
        job.finished.connect(self._statistics_finished)
        self._stats = job
        job.start()

    def _statistics_finished(self) -> None:
        job, self._stats = self._stats, None
        if job is not None:
            job.wait()
            job.deleteLater()
        if self._stats_wanted is not None and not self._stats_timer.isActive():
            self._start_statistics()
