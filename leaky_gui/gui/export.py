"""Exports from the window: the CSV job on a worker thread, and plot images.

The CSV bytes come from the calculation's streaming writer (leaky_gui.calc.csv_export), exactly as
`leaky-relu sweep` writes them; this module only runs it off the GUI thread, relays its
progress and lets it be cancelled. Images are written beside the target and renamed into
place, like the CSV, so no half-written or clobbered file is ever left behind.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pyqtgraph as pg
import pyqtgraph.exporters  # registers pg.exporters
from PySide6.QtCore import QObject, QRect, QRectF, QSize, QThread, Signal
from PySide6.QtGui import QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QGraphicsItem

from leaky_gui.calc.atomic_file import OutputPathError, atomic_output, check_output_path
from leaky_gui.calc.csv_export import ExportCancelled, write_csv
from leaky_gui.calc.source import XSource
from leaky_gui.gui.plot import SweepPlot
from leaky_gui.gui.theme import LIGHT, Scheme

#: The plot image is rendered at this many times its on-screen size.
IMAGE_SCALE = 2


class CsvExportJob(QThread):
    """Writes one sweep to one CSV file on its own thread; ``cancel()`` from the GUI thread.

    The object itself lives in the GUI thread: its signals, emitted from ``run()`` on the
    worker thread, reach the window queued, and ``finished`` tells when the thread is over.
    """

    progressed = Signal(int)  # rows written so far
    succeeded = Signal(int, str)  # rows, path
    failed = Signal(str)  # the reason, for a person
    cancelled = Signal()

    def __init__(
        self,
        path: Path,
        source: XSource,
        derivative: bool,
        decimal_comma: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.decimal_comma = decimal_comma
        self.setObjectName("csvExport")
        self.path = path
        self.source = source
        self.derivative = derivative
        self._stop = threading.Event()

    def cancel(self) -> None:
        self._stop.set()

    def run(self) -> None:
        try:
            rows = write_csv(
                self.path,
                self.source,
                self.derivative,
                self.progressed.emit,
                self._stop.is_set,
                decimal_comma=self.decimal_comma,
            )
        except ExportCancelled:
            self.cancelled.emit()
        except OutputPathError as error:
            self.failed.emit(str(error))
        except OSError as error:
            self.failed.emit(error.strerror or str(error))
        except Exception as error:  # a bug must reach the user, not end the thread silently
            self.failed.emit(f"{type(error).__name__}: {error}")
        else:
            self.succeeded.emit(rows, str(self.path))


def write_plot_image(plot: SweepPlot, path: str | os.PathLike[str], scheme: Scheme | None = LIGHT) -> Path:
    """Save the plot (with its legend) as PNG at IMAGE_SCALE x its size, or SVG; atomically.

    The image is drawn in ``scheme`` (light, print-ready, by default; None: as on screen).
    The format follows the suffix (.png or .svg). Raises OutputPathError for a bad path
    and OSError when the image cannot be written.
    """
    scheme = plot.scheme if scheme is None else scheme
    target = check_output_path(path)
    suffix = target.suffix.lower()
    if suffix not in {".png", ".svg"}:
        raise OutputPathError(f"output: {target.name} is neither .png nor .svg")
    item = plot.getPlotItem()
    with atomic_output(target, suffix) as temp_name:
        if suffix == ".png":
            # Pens as thick against the axes as on screen; the exporter takes its background
            # from the view when it is made, so it is made in the image's colours.
            with plot.drawn_in(scheme, IMAGE_SCALE), _scaled_with_the_scene(plot.legend):
                exporter = pg.exporters.ImageExporter(item)
                exporter.parameters()["width"] = max(1, round(item.sceneBoundingRect().width() * IMAGE_SCALE))
                exporter.export(temp_name)
        else:
            with plot.drawn_in(scheme, 1.0):  # the SVG's own units are logical pixels
                _write_svg(plot, temp_name)
        if os.path.getsize(temp_name) == 0:
            raise OSError(f"the {suffix[1:].upper()} image could not be written")
    return target


@contextmanager
def _scaled_with_the_scene(legend: pg.LegendItem) -> Iterator[None]:
    """Let the legend grow with the image as everything else does (pyqtgraph's legend ignores
    transformations, so a PNG at twice the size would show it at half its size)."""
    flag = QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations
    before = bool(legend.flags() & flag)
    legend.setFlag(flag, False)
    try:
        yield
    finally:
        legend.setFlag(flag, before)


def _write_svg(plot: SweepPlot, file_name: str) -> None:
    """Render the plot's scene into an SVG with Qt's own generator.

    pyqtgraph's SVGExporter cannot parse the path syntax of current Qt releases
    (pyqtgraph issue #3485: ValueError in correctCoordinates), so it is not used.
    """
    source = plot.getPlotItem().sceneBoundingRect()
    size = QSize(max(1, round(source.width())), max(1, round(source.height())))
    generator = QSvgGenerator()
    generator.setFileName(file_name)
    generator.setSize(size)
    generator.setViewBox(QRect(0, 0, size.width(), size.height()))
    # pyqtgraph sizes pens and text by the device's DPI: the generator's default of 72
    # would scale the curves against the axes. Draw at the screen's DPI instead.
    generator.setResolution(plot.logicalDpiX())
    generator.setTitle("Leaky ReLU")
    generator.setDescription("Exported by leaky_gui")
    # Items drawn for export, as pyqtgraph's exporters do: markers then come as vector paths.
    # Otherwise they are pieces of one shared pixmap (drawPixmapFragments), and Qt's SVG
    # generator writes the whole pixmap into each marker's square: squeezed, or several
    # symbols side by side once the screen and an earlier export have drawn markers in
    # other colours or sizes.
    items = [item for item in plot.scene().items() if hasattr(item, "setExportMode")]
    painter = QPainter(generator)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for item in items:
            item.setExportMode(True, {"antialias": True, "resolutionScale": 1.0, "painter": painter})
        # The background is the view's, not the scene's: paint it, or the SVG is transparent.
        painter.fillRect(QRectF(0, 0, size.width(), size.height()), plot.backgroundBrush())
        plot.scene().render(painter, QRectF(0, 0, size.width(), size.height()), source)
    finally:
        for item in items:
            item.setExportMode(False)
        painter.end()
