"""Cyclic garbage is collected only from the event loop: never inside a Qt call, in the app and the tests."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import weakref

from leaky_gui.gui.collector import INTERVAL_MS, collect_on_event_loop


class Node:
    """One half of a reference cycle: freed only by the cyclic collector."""

    def __init__(self) -> None:
        self.other: Node | None = None


def cycles(count: int) -> list[weakref.ref]:
    """``count`` two-node cycles, dropped at once; weak references to one node of each."""
    refs = []
    for _ in range(count):
        a, b = Node(), Node()
        a.other, b.other = b, a
        refs.append(weakref.ref(a))
    return refs


def test_automatic_collection_is_off_and_the_event_loop_collects(qtbot):
    collector = collect_on_event_loop()
    assert not gc.isenabled()
    assert collect_on_event_loop() is collector  # one per process
    before = collector.collections
    refs = cycles(20_000)  # far past the threshold: automatic collection would have run many times
    assert all(ref() is not None for ref in refs)  # nothing collected outside the event loop
    qtbot.waitUntil(lambda: all(ref() is None for ref in refs), timeout=20 * INTERVAL_MS)
    assert collector.collections > before


def test_the_app_turns_automatic_collection_off():
    code = (
        "import gc\n"
        "from leaky_gui.app import create_application\n"
        "app = create_application(['leaky-gui'])\n"
        "print(gc.isenabled(), flush=True)\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["False"]
