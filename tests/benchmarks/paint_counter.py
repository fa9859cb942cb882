"""What the window benchmarks wait for: the table's and the plot's viewports have painted.

Imported by the benchmark scripts (run as `python tests/benchmarks/<name>.py`, so this
folder is on the path) once they have chosen the Qt platform.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject


class PaintCounter(QObject):
    """Notes which of the window's table and plot have painted since ``painted`` was cleared."""

    def __init__(self, window) -> None:
        super().__init__()
        self.painted: set[str] = set()
        for view in (window.table, window.plot):
            view.viewport().installEventFilter(self)

    def both(self) -> bool:
        return self.painted == {"table", "plot"}

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.painted.add(obj.parent().objectName())
        return False
