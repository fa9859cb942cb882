"""Guards against a Qt binding that loses references to None (PySide6 6.12.0 on CPython 3.11).

That release drops a reference to None whenever C++ calls a Python override that returns
None, so a pyqtgraph plot dies with 'Fatal Python error: none_dealloc' within ~200 repaints
and a table model within a few thousand data() calls. Run in a subprocess: a crash must fail
this test, not the whole test session.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

SCRIPT = r"""
import sys
from PySide6 import QtCore, QtWidgets
import pyqtgraph as pg

app = QtWidgets.QApplication([])


class Model(QtCore.QAbstractTableModel):
    def rowCount(self, parent=QtCore.QModelIndex()):
        return 0 if parent.isValid() else 200

    def columnCount(self, parent=QtCore.QModelIndex()):
        return 0 if parent.isValid() else 3

    def data(self, index, role=QtCore.Qt.ItemDataRole.DisplayRole):
        if role == QtCore.Qt.ItemDataRole.DisplayRole:
            return str(index.row() * index.column())
        return None  # the override returning None is what the broken binding mishandles


view = QtWidgets.QTableView()
view.setModel(Model())
view.resize(400, 600)
plot = pg.PlotWidget()
plot.plot([0, 1, 2], [0, 1, 4], symbol="o")
plot.resize(400, 300)

before = sys.getrefcount(None)
for _ in range(REPAINTS):
    view.grab()
    plot.grab()
after = sys.getrefcount(None)
print(before, after)
"""

REPAINTS = 2000


@pytest.mark.slow
def test_repainting_a_plot_and_a_table_keeps_none_alive():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT.replace("REPAINTS", str(REPAINTS))],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert done.returncode == 0, f"crashed (exit {done.returncode}): {done.stderr[-2000:]}"
    before, after = map(int, done.stdout.split())
    # A broken binding loses one reference per overridden call: thousands by now.
    assert after >= before - 100, f"None lost {before - after} references in {REPAINTS} repaints"
