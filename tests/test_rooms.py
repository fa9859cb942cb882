"""Rooms a newcomer can read: no module over 450 lines, window.py at most 400, MainWindow at most 300."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "leaky_gui"


def line_count(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def test_no_module_is_over_450_lines():
    over = {str(p.relative_to(PACKAGE)): line_count(p) for p in PACKAGE.rglob("*.py") if line_count(p) > 450}
    assert not over


def test_the_window_module_and_its_class_stay_small():
    window = PACKAGE / "gui" / "window.py"
    assert line_count(window) <= 400
    tree = ast.parse(window.read_text(encoding="utf-8"))
    (main,) = (node for node in tree.body if isinstance(node, ast.ClassDef) and node.name == "MainWindow")
    assert main.end_lineno is not None
    assert main.end_lineno - main.lineno + 1 <= 300
