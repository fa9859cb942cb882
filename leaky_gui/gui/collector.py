"""Python's cyclic garbage collected only from the GUI thread's event loop, never inside a Qt call.

Left automatic, the collector starts on whichever allocation crosses its threshold, and that
can be inside a Qt call: PySide looks up a Python override while ``QObject::disconnect``
holds Qt's connection mutex, the collection destroys an earlier window's widgets, their
destructors call ``QObject::disconnect`` again, and the process waits on that mutex for good.
So automatic collection is off, and a timer on the event loop collects each generation when
CPython would have (pyqtgraph's ``GarbageCollector`` and calibre do the same).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

#: How often the event loop looks whether a collection is due (a look costs well under a µs).
INTERVAL_MS = 250


class EventLoopCollector(QObject):
    """Turns automatic collection off, and collects from a timer on the event loop instead."""

    def __init__(self, interval_ms: int = INTERVAL_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        self.collections = 0  # how many times check() collected (for tests)
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)
        gc.disable()
        self._timer.start()

    def check(self) -> None:
        """Collect the generations CPython would have collected by now (call only at a safe point)."""
        young, middle, old = gc.get_count()
        if young > self.threshold[0]:
            generation = 0
            if middle > self.threshold[1]:
                generation = 2 if old > self.threshold[2] else 1
            gc.collect(generation)
            self.collections += 1

    def stop(self) -> None:
        """Stop the timer and give collection back to Python."""
        self._timer.stop()
        gc.enable()


_installed: EventLoopCollector | None = None


def collect_on_event_loop(interval_ms: int = INTERVAL_MS) -> EventLoopCollector:
    """The process's one collector (made on first call, in the GUI thread, after the QApplication)."""
    global _installed
    if _installed is None:
        _installed = EventLoopCollector(interval_ms)
    return _installed
