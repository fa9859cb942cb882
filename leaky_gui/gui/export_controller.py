"""Exports as the user sees them: file dialogs, the CSV job with progress and Cancel, messages.

The bytes come from leaky_gui.gui.export (and, below it, leaky_gui.calc's CSV writer); this class
owns the conversation around them: which file, a progress dialog for long exports, a
message box when something fails, one line for the status bar, and cancel-and-wait when
the window closes.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from leaky_gui.calc.source import XSource
from leaky_gui.gui.language import translate
from leaky_gui.gui.theme import LIGHT, Scheme
from leaky_gui.gui.widgets import end_job, job_progress

# The writers (numpy text tables, pyqtgraph's exporters) load on the first export, not at start-up.
if TYPE_CHECKING:
    from leaky_gui.gui.export import CsvExportJob
    from leaky_gui.gui.plot import SweepPlot

DEFAULT_CSV_NAME = "leaky_relu_sweep.csv"
DEFAULT_PLOT_NAME = "leaky_relu_plot.png"


class ExportController(QObject):
    """Runs one CSV export at a time for ``window``; says what happens through ``message``."""

    running_changed = Signal(bool)
    #: A line for the status bar and how long to show it in ms (0: until the next one).
    message = Signal(str, int)

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        #: Plot images in the screen's colours; by default they are light, ready to print.
        self.images_as_shown = False
        self._job: CsvExportJob | None = None
        self._progress: QProgressDialog | None = None
        #: Where the last file went; the save dialogs open there. '' for the home folder.
        self.folder = ""

    def running(self) -> bool:
        return self._job is not None

    # -- CSV -------------------------------------------------------------------

    def export_csv(self, source: XSource, derivative: bool, decimal_comma: bool = False) -> None:
        """Ask for a file, then write ``source`` (the sweep, or your values) there on a worker thread."""
        if self._refused_while_running():  # not worth a file dialog
            return
        if source.evenly_spaced:
            caption, name = translate("ExportController", "Export Sweep as CSV"), DEFAULT_CSV_NAME
        else:  # your values: named after their file (acts.npy -> acts_leaky_relu.csv)
            caption = translate("ExportController", "Export Values as CSV")
            name = f"{Path(source.name).stem or 'values'}_leaky_relu.csv"
        filters = translate("ExportController", "CSV files (*.csv);;All files (*)")
        target = self._ask_save_path(caption, name, filters, (".csv",))
        if target is not None:
            self.start_csv(target, source, derivative, decimal_comma)

    def start_csv(self, target: Path, source: XSource, derivative: bool, decimal_comma: bool = False) -> bool:
        """Write the CSV to ``target`` on a worker thread, with progress and Cancel.

        One export at a time: while one runs, another is refused (``target`` is not touched)
        with a message, and False is returned.
        """
        if self._refused_while_running():
            return False
        from leaky_gui.gui.export import CsvExportJob

        job = CsvExportJob(target, source, derivative, decimal_comma, self)
        progress = job_progress(
            self._window,
            "exportProgress",
            translate("ExportController", "Exporting CSV"),
            translate("ExportController", "Writing {count} rows to {file}…").format(
                count=f"{source.count:,}", file=target.name
            ),
            source.count,
            job.cancel,
        )
        job.progressed.connect(self._on_progress)
        job.succeeded.connect(
            lambda rows, path: self.message.emit(
                translate("ExportController", "Exported {count} rows to {file}").format(
                    count=f"{rows:,}", file=path
                ),
                0,
            )
        )
        job.failed.connect(self._on_failed)
        job.cancelled.connect(
            lambda: self.message.emit(
                translate("ExportController", "Export cancelled; no file was written or changed."), 8000
            )
        )
        job.finished.connect(self._on_done)
        self._job, self._progress = job, progress
        self.running_changed.emit(True)
        self.message.emit(
            translate("ExportController", "Exporting {count} rows to {file}…").format(
                count=f"{source.count:,}", file=target
            ),
            0,
        )
        job.start()
        return True

    def _refused_while_running(self) -> bool:
        """Whether an export runs already; if so, the status bar says so."""
        if self._job is None:
            return False
        self.message.emit(translate("ExportController", "An export is already running."), 4000)
        return True

    def cancel_and_wait(self) -> None:
        """Stop a running export and let it remove its temporary file (closing the window)."""
        if self._job is not None:
            self._job.cancel()
            self._job.wait()

    def _on_progress(self, rows: int) -> None:
        if self._progress is not None and not self._progress.wasCanceled():
            self._progress.setValue(rows)

    def _on_failed(self, reason: str) -> None:
        where = self._job.path if self._job is not None else translate("ExportController", "the file")
        self.message.emit(translate("ExportController", "Export failed: {reason}").format(reason=reason), 0)
        QMessageBox.critical(
            self._window,
            translate("ExportController", "Export Failed"),
            could_not_write(where, reason),
        )

    def _on_done(self) -> None:
        end_job(self._job, self._progress)
        self._job = self._progress = None
        self.running_changed.emit(False)

    # -- plot images -----------------------------------------------------------

    def _image_scheme(self, plot: SweepPlot) -> Scheme:
        return plot.scheme if self.images_as_shown else LIGHT

    def export_plot(self, plot: SweepPlot) -> None:
        """Save the plot with its legend as PNG (twice the on-screen size) or SVG."""
        target = self._ask_save_path(
            translate("ExportController", "Export Plot Image"),
            DEFAULT_PLOT_NAME,
            translate("ExportController", "PNG image (*.png);;SVG image (*.svg)"),
            (".png", ".svg"),
        )
        if target is None:
            return
        from leaky_gui.calc.atomic_file import OutputPathError
        from leaky_gui.gui.export import write_plot_image

        try:
            write_plot_image(plot, target, self._image_scheme(plot))
        except (OSError, OutputPathError) as error:
            reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
            QMessageBox.critical(
                self._window, translate("ExportController", "Export Failed"), could_not_write(target, reason)
            )
            return
        self.message.emit(translate("ExportController", "Saved the plot to {file}").format(file=target), 8000)

    def copy_plot_image(self, plot: SweepPlot) -> None:
        """Put the plot on the clipboard as an image, light unless images are as shown."""
        with plot.drawn_in(self._image_scheme(plot), plot.pen_scale):
            image = plot.grab().toImage()
        QGuiApplication.clipboard().setImage(image)
        self.message.emit(translate("ExportController", "Copied the plot image."), 4000)

    # -- where to -------------------------------------------------------------

    def _ask_save_path(
        self, caption: str, default_name: str, filters: str, suffixes: tuple[str, ...]
    ) -> Path | None:
        folder = Path(self.folder) if self.folder and Path(self.folder).is_dir() else Path.home()
        path, chosen = QFileDialog.getSaveFileName(self._window, caption, str(folder / default_name), filters)
        if not path:
            return None
        from leaky_gui.calc.atomic_file import OutputPathError, check_output_path

        if not path.lower().endswith(suffixes):
            wanted = next((sfx for sfx in suffixes if sfx[1:] in chosen.lower()), suffixes[0])
            path += wanted
        try:
            target = check_output_path(path)
        except OutputPathError as error:
            QMessageBox.warning(
                self._window,
                translate("ExportController", "Cannot Export"),
                f"{error.args[0].removeprefix('output: ')}.",
            )
            return None
        self.folder = str(target.parent)
        return target


def could_not_write(where: object, reason: str) -> str:
    """The export failure dialog's text (``reason`` is the system's or the calculation's)."""
    return translate("ExportController", "Could not write {file}:\n{reason}\n\nNo file was changed.").format(
        file=where, reason=reason
    )
