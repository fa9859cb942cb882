"""The export controller alone, with a bare parent widget: the job, its signals, its messages."""

from __future__ import annotations

import os
from decimal import Decimal

import pytest
from PySide6.QtWidgets import QWidget

from leaky_gui.calc.csv_export import iter_csv_chunks
from leaky_gui.calc.sweep import SweepParams
from leaky_gui.gui.export_controller import ExportController


@pytest.fixture
def controller(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    return ExportController(parent)


def test_writes_the_cores_bytes_and_reports_running_and_done(controller, qtbot, tmp_path):
    params = SweepParams(count=1000, alphas=(Decimal("0.01"), Decimal("0.3")))
    running, messages = [], []
    controller.running_changed.connect(running.append)
    controller.message.connect(lambda text, ms: messages.append(text))
    controller.start_csv(tmp_path / "out.csv", params, derivative=True)
    assert controller.running()
    qtbot.waitUntil(lambda: not controller.running(), timeout=20_000)
    assert (tmp_path / "out.csv").read_bytes() == b"".join(d for d, _ in iter_csv_chunks(params, True))
    assert running == [True, False]
    assert messages[-1] == f"Exported 1,000 rows to {tmp_path / 'out.csv'}"


def test_cancel_and_wait_leaves_nothing_behind(controller, qtbot, tmp_path):
    controller.start_csv(tmp_path / "big.csv", SweepParams(count=50_000_000), derivative=False)
    controller.cancel_and_wait()
    qtbot.waitUntil(lambda: not controller.running(), timeout=20_000)
    assert os.listdir(tmp_path) == []


def test_a_second_export_is_refused_while_one_runs(controller, qtbot, tmp_path, monkeypatch):
    asked = []
    monkeypatch.setattr(
        "PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *a: asked.append(a) or ("", "")
    )
    controller.start_csv(tmp_path / "big.csv", SweepParams(count=50_000_000), derivative=False)
    with qtbot.waitSignal(controller.message) as said:
        controller.export_csv(SweepParams(), derivative=False)
    assert said.args[0] == "An export is already running." and asked == []
    controller.cancel_and_wait()
    qtbot.waitUntil(lambda: not controller.running(), timeout=20_000)


def test_start_csv_refuses_a_second_export_while_one_runs(controller, qtbot, tmp_path):
    first, second = tmp_path / "first.csv", tmp_path / "second.csv"
    second.write_text("precious\n")
    params = SweepParams(count=200_000)
    messages = []
    controller.message.connect(lambda text, ms: messages.append(text))
    controller.start_csv(first, params, derivative=False)
    controller.start_csv(second, SweepParams(count=10), derivative=True)  # back to back
    assert messages[-1] == "An export is already running."
    qtbot.waitUntil(lambda: not controller.running(), timeout=20_000)
    assert first.read_bytes() == b"".join(d for d, _ in iter_csv_chunks(params, False))
    assert second.read_text() == "precious\n"
    assert messages[-1] == f"Exported 200,000 rows to {first}"
    assert sorted(os.listdir(tmp_path)) == ["first.csv", "second.csv"]


def test_start_csv_refuses_without_creating_the_second_file(controller, qtbot, tmp_path):
    controller.start_csv(tmp_path / "big.csv", SweepParams(count=50_000_000), derivative=False)
    with qtbot.waitSignal(controller.message) as said:
        controller.start_csv(tmp_path / "other.csv", SweepParams(), derivative=False)
    assert said.args[0] == "An export is already running."
    controller.cancel_and_wait()
    qtbot.waitUntil(lambda: not controller.running(), timeout=20_000)
    assert os.listdir(tmp_path) == []
