"""`leaky-gui`: the window arrives with the main-window issue; until then this says so."""

from __future__ import annotations

import sys


def main() -> int:
    print("leaky-gui: the window is not built yet; use `leaky-relu` meanwhile.", file=sys.stderr)
    return 1
