"""Start-up imports and builds only what the first paint needs (tests/benchmarks/bench_window.py times it)."""

from __future__ import annotations

import importlib.metadata
import json
import os
import subprocess
import sys

import pytest

from leaky_gui._version import __version__

#: Loaded when first used, not before the window's first paint: the values readers, the
#: export machinery (pyqtgraph's exporters pull in xml.dom), the self-test,
#: importlib.metadata (a version lookup walks every installed distribution), and the Layer
#: view and its statistics (built when View > Layer Statistics first opens it).
NOT_AT_START = (
    "leaky_gui.calc.readers",
    "leaky_gui.calc.text_reader",
    "leaky_gui.calc.text.rows",
    "leaky_gui.calc.csv_export",
    "leaky_gui.gui.export",
    "leaky_gui.gui.selftest",
    "pyqtgraph.exporters",
    "importlib.metadata",
    "leaky_gui.gui.layer_view",
    "leaky_gui.calc.layer_stats",
)

FIRST_PAINT = """
import json, sys
from PySide6.QtCore import QEvent, QObject
from leaky_gui.app import create_application
from leaky_gui.gui.window import MainWindow

app = create_application(sys.argv)
window = MainWindow(remember=False)

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            app.exit(0)
        return False

probe = FirstPaint()
window.plot.viewport().installEventFilter(probe)
window.show()
app.exec()
print(json.dumps(sorted(m for m in sys.modules if m in NOT_AT_START)))
"""


def test_the_first_paint_loads_no_readers_exporters_or_metadata():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    code = f"NOT_AT_START = {NOT_AT_START!r}\n{FIRST_PAINT}"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout.splitlines()[-1]) == []


def test_the_version_is_one_constant_that_pip_installed_too():
    assert importlib.metadata.version("leaky_gui") == __version__


WHILE_IDLE = """
import sys, time
from PySide6.QtCore import QTimer
from leaky_gui.app import create_application
from leaky_gui.gui.values_loader import WARM_READERS_MS
from leaky_gui.gui.window import MainWindow

app = create_application(sys.argv)
window = MainWindow(remember=False)
window.show()
QTimer.singleShot(WARM_READERS_MS + 1500, app.quit)
app.exec()
print("leaky_gui.calc.readers" in sys.modules)
"""


@pytest.mark.slow
def test_the_readers_are_imported_while_the_window_is_idle():
    """So that the first file opened does not wait for their import (bench_window_open.py)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", WHILE_IDLE], capture_output=True, text=True, env=env, timeout=120
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines()[-1] == "True"


MALLOC_PROBE = """
import ctypes, sys
class MallInfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in
                ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost")]
libc = ctypes.CDLL(None)
libc.mallinfo2.restype = MallInfo2
if sys.argv[1] == "tuned":
    from leaky_gui.app import tune_malloc
    assert tune_malloc()
before = libc.mallinfo2().hblkhd
block = bytearray(1 << 20)  # a block of a file being read
print(libc.mallinfo2().hblkhd - before)
"""


@pytest.mark.skipif(sys.platform != "linux", reason="glibc's malloc")
def test_the_window_keeps_a_read_block_on_the_heap():
    """After ``tune_malloc`` (create_application calls it) a 1 MB block comes from malloc's heap,
    which keeps freed memory for the next block, not from fresh pages of its own."""

    def mapped(mode: str) -> int:
        done = subprocess.run([sys.executable, "-c", MALLOC_PROBE, mode], capture_output=True, text=True)
        if done.returncode and "mallinfo2" in done.stderr:
            pytest.skip("no glibc 2.33 (mallinfo2)")
        assert done.returncode == 0, done.stderr
        return int(done.stdout)

    assert mapped("default") >= 1 << 20  # glibc maps a fresh 1 MB block by itself
    assert mapped("tuned") == 0
