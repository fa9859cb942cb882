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
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from leaky_gui.calc.readers import ValuesFileError, read_text, read_values
from leaky_gui.calc.values import Values, ValuesCancelled, ValuesStatistics
from leaky_gui.gui.limits import HISTOGRAM_BINS

#: The progress dialog shows only for reads that take longer than this (ms).
PROGRESS_DELAY_MS = 500
OPEN_FILTERS = "Numbers (*.csv *.tsv *.txt *.npy);;CSV or TSV (*.csv *.tsv);;Text (*.txt);;NumPy array (*.npy);;All files (*)"
PASTED_NAME = "pasted values"


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

    def cancel(self) -> None:
        self._stop.set()

    def run(self) -> None:
        try:
            values = self._read(self.progressed.emit, self._stop.is_set)
            values.histogram(HISTOGRAM_BINS, self.progressed.emit, self._stop.is_set)
        except ValuesCancelled:
            self.cancelled.emit()
        except ValuesFileError as error:
            self.failed.emit(str(error))
        except MemoryError:
            self.failed.emit("not enough memory to hold these values")
        except Exception as error:  # a bug must reach the user, not end the thread silently
            self.failed.emit(f"{type(error).__name__}: {error}")
        else:
            if self._stop.is_set():
                self.cancelled.emit()
            else:
                self.succeeded.emit(values)


class StatisticsJob(QThread):
    """The info panel's statistics of one source (a pass over every value) on its own thread."""

    done = Signal(object, object)  # the Values asked about, its ValuesStatistics

    def __init__(self, values: Values, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("valuesStatisticsJob")
        self.values = values
        self._stop = threading.Event()

    def cancel(self) -> None:
        self._stop.set()

    def run(self) -> None:
        try:
            stats = self.values.statistics(should_stop=self._stop.is_set)
        except ValuesCancelled:
            return
        self.done.emit(self.values, stats)


class ValuesController(QObject):
    """Opens, drops and pastes values for ``window``: one read at a time, ``loaded`` when done."""

    loaded = Signal(object, str)  # Values, the path it came from ('' when pasted)
    #: A line for the status bar and how long to show it in ms (0: until the next one).
    message = Signal(str, int)
    running_changed = Signal(bool)

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._job: LoadJob | None = None
        self._progress: QProgressDialog | None = None
        self._stats: StatisticsJob | None = None  # the newest statistics asked for
        self._stats_running: set[StatisticsJob] = set()  # and older ones still winding down
        #: Where the last file came from; the open dialog starts there. '' for the home folder.
        self.folder = ""
        #: Decimal commas in text: None decides from the text (and the locale).
        self.decimal_comma: bool | None = None

    def running(self) -> bool:
        return self._job is not None

    # -- reading ---------------------------------------------------------------------

    def ask_and_open(self) -> None:
        """File > Open x Values…: ask for a file, then read it."""
        folder = Path(self.folder) if self.folder and Path(self.folder).is_dir() else Path.home()
        path, _ = QFileDialog.getOpenFileName(self._window, "Open x Values", str(folder), OPEN_FILTERS)
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
            return read_values(path, None, comma, progress, should_stop)

        return self._start(read, path.name, str(path), quiet)

    def paste(self, text: str) -> bool:
        """Edit > Paste x Values: a column copied from a spreadsheet (tab-separated cells)."""
        if not text.strip():
            self.message.emit(
                "Paste x Values: the clipboard holds no text; copy a column of numbers first.", 8000
            )
            return False
        data = text.encode("utf-8")
        comma = self.decimal_comma

        def read(progress, should_stop) -> Values:
            return read_text(
                io.BytesIO(data), PASTED_NAME, None, comma, progress, should_stop, size=len(data)
            )

        return self._start(read, PASTED_NAME, "", False)

    def _start(self, read, name: str, origin: str, quiet: bool) -> bool:
        if self._job is not None:
            self.message.emit("Values are being read already; wait for them or cancel.", 4000)
            return False
        job = LoadJob(read, self)
        progress = QProgressDialog(f"Reading {name}…", "Cancel", 0, 1000, self._window)
        progress.setObjectName("valuesProgress")
        progress.setWindowTitle("Reading x Values")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(PROGRESS_DELAY_MS)
        progress.setAutoReset(False)
        progress.setAutoClose(False)
        progress.setValue(0)
        progress.canceled.connect(job.cancel)
        job.progressed.connect(self._on_progress)
        job.succeeded.connect(lambda values: self.loaded.emit(values, origin))
        job.failed.connect(lambda reason: self._on_failed(name, reason, quiet))
        job.cancelled.connect(
            lambda: self.message.emit(f"Reading {name} cancelled; the data on show stay as they were.", 8000)
        )
        job.finished.connect(self._on_done)
        self._job, self._progress = job, progress
        self.running_changed.emit(True)
        self.message.emit(f"Reading {name}…", 0)
        job.start()
        return True

    def cancel(self) -> None:
        """Cancel a running read (its data are dropped; what is on show stays)."""
        if self._job is not None:
            self._job.cancel()

    def cancel_and_wait(self) -> None:
        """Stop every worker (closing the window)."""
        for job in (self._job, *self._stats_running):
            if job is not None:
                job.cancel()
                job.wait()

    def _on_progress(self, done: int, total: int) -> None:
        if self._progress is not None and not self._progress.wasCanceled() and total > 0:
            self._progress.setValue(min(999, round(1000 * done / total)))

    def _on_failed(self, name: str, reason: str, quiet: bool) -> None:
        self.message.emit(f"Could not read {name}: {reason}", 0)
        if not quiet:
            QMessageBox.warning(
                self._window,
                "Cannot Read x Values",
                f"{reason}\n\nThe data on show stay as they were.",
            )

    def _on_done(self) -> None:
        job, progress = self._job, self._progress
        self._job = self._progress = None
        if progress is not None:
            progress.reset()
            progress.hide()
            progress.deleteLater()
        if job is not None:
            job.wait()
            job.deleteLater()
        self.running_changed.emit(False)

    # -- statistics for the info panel ---------------------------------------------------

    def statistics(self, values: Values, done: Callable[[Values, ValuesStatistics], None]) -> None:
        """Work out ``values``' statistics on a worker thread and hand them to ``done``.

        A newer request cancels an older one (sliding alpha over 100,000,000 values asks for
        each position; only the last one's answer is wanted).
        """
        if self._stats is not None:
            self._stats.cancel()
            self._stats.done.disconnect()
        job = StatisticsJob(values, self)
        job.done.connect(done)
        job.finished.connect(lambda job=job: self._statistics_finished(job))
        self._stats = job
        self._stats_running.add(job)
        job.start()

    def _statistics_finished(self, job: StatisticsJob) -> None:
        self._stats_running.discard(job)
        if self._stats is job:
            self._stats = None
        job.wait()
        job.deleteLater()
