"""The core and the command line never load Qt: a test proves it, in a clean interpreter."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
import leaky_gui, leaky_gui.core, leaky_gui.alphas, leaky_gui.csv_export, leaky_gui.cli
import leaky_gui.numtext, leaky_gui.precision, leaky_gui.text_columns
leaky_gui.cli.build_parser()
qt = {'PySide6', 'shiboken6', 'pyqtgraph', 'PyQt5', 'PyQt6'}
print(sorted(m for m in sys.modules if m.split('.')[0] in qt))
"""


def test_core_and_cli_import_no_qt():
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_main_window_is_reachable_lazily_from_the_package():
    probe = "import leaky_gui, sys; w = leaky_gui.MainWindow; print(w.__name__, 'PySide6' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["MainWindow", "True"]
