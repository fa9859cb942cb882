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
import ctypes, os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
class MallInfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in
                ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost")]
libc = ctypes.CDLL(None)
libc.mallinfo2.restype = MallInfo2
if sys.argv[1] == "window":
    from leaky_gui.app import create_application
    create_application(["leaky-gui"])
before = libc.mallinfo2().arena
pieces = []
for _ in range(4096):  # small pieces until the heap grows (at most 256 MB: another malloc never does)
    if libc.mallinfo2().arena != before:
        break
    pieces.append(bytearray(64 << 10))
print(libc.mallinfo2().arena - before)
"""


@pytest.mark.skipif(sys.platform != "linux", reason="glibc's malloc")
def test_the_window_grows_malloc_s_heap_in_large_steps():
    """The window (``create_application``) has glibc's malloc grow its heap, and keep it, 16 MB
    at a time (``tune_malloc``), so the blocks of a file being read reuse its pages."""

    def growth(mode: str) -> int:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("MALLOC_", "GLIBC_TUNABLES"))}
        done = subprocess.run(
            [sys.executable, "-c", MALLOC_PROBE, mode], capture_output=True, text=True, env=env, timeout=120
        )
        if done.returncode and "mallinfo2" in done.stderr:
            pytest.skip("no glibc 2.33 (mallinfo2)")
        assert done.returncode == 0, done.stderr
        return int(done.stdout.split()[-1])

    assert growth("plain") < 1 << 20  # glibc's own step: the request and 128 kB
    assert growth("window") >= 16 << 20
