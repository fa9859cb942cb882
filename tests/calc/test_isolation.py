"""The calculation and the command line never load Qt, in a clean interpreter.

The import-linter contracts in pyproject.toml check the same statically in CI; this test
checks it at run time, for every module under ``leaky_gui.calc`` (found by walking the
package, not from a list kept by hand), ``import leaky_gui`` and the command line.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

PROBE = """
import importlib, pkgutil, sys
import leaky_gui, leaky_gui.calc, leaky_gui.cli
modules = [m.name for m in pkgutil.walk_packages(leaky_gui.calc.__path__, 'leaky_gui.calc.')]
for name in modules:
    importlib.import_module(name)
leaky_gui.cli.build_parser()
qt = {'PySide6', 'shiboken6', 'pyqtgraph', 'PyQt5', 'PyQt6'}
print(len(modules), sorted(m for m in sys.modules if m.split('.')[0] in qt or m.startswith('leaky_gui.gui')))
"""


def test_calculation_and_cli_import_no_qt():
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True)
    count, loaded = done.stdout.strip().split(" ", 1)
    assert int(count) >= 6  # text, sweep, precision, alphas, exact, csv_export
    assert loaded == "[]"


def test_the_package_imports_nothing_and_the_command_line_sets_up_numpy_first():
    probe = (
        "import os, sys, leaky_gui; before = 'numpy' in sys.modules; import leaky_gui.cli; "
        "print(before, os.environ.get('OPENBLAS_NUM_THREADS'), leaky_gui.SweepParams.__name__)"
    )
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, env=env)
    assert done.stdout.split() == ["False", "1", "SweepParams"]


@pytest.mark.parametrize("preset", [None, "3"])
def test_the_window_sets_up_numpy_first_too(preset):
    """One BLAS thread (the app does no linear algebra; idle BLAS threads spun for about
    0.1 s of CPU at numpy's import), unless the user chose otherwise."""
    probe = (
        "import os, sys; import leaky_gui.app; print('numpy' in sys.modules, os.environ.get('OPENBLAS_NUM_THREADS')); "
        "import numpy"
    )
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    if preset is not None:
        env["OPENBLAS_NUM_THREADS"] = preset
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, env=env)
    assert done.stdout.split() == ["False", preset or "1"]


@pytest.mark.slow
def test_main_window_is_reachable_lazily_from_the_package():
    probe = "import leaky_gui, sys; w = leaky_gui.MainWindow; print(w.__name__, 'PySide6' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["MainWindow", "True"]


@pytest.mark.slow
def test_the_import_contracts_hold():
    """lint-imports (import-linter) with the contracts of pyproject.toml: calc below gui below app,
    and no import cycles between the parts of any package."""
    lint = [
        sys.executable,
        "-c",
        "import sys; from importlinter.cli import lint_imports_command; sys.exit(lint_imports_command())",
    ]
    done = subprocess.run(lint, capture_output=True, text=True, cwd=Path(__file__).parents[2])
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.count(" KEPT") == 4
