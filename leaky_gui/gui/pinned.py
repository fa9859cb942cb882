"""Alphas pinned beside the current one: the record the window keeps, and each one's curve style."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import Qt

from leaky_gui.gui.limits import MAX_PINNED

# Pinned curves: eight colours that stay apart from the current curve's blue and from
# each other (colour-blind safe where possible), then the same colours dashed, dotted...
PINNED_COLOURS = ("#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2", "#bcbd22")
PINNED_DASHES = (
    Qt.PenStyle.SolidLine,
    Qt.PenStyle.DashLine,
    Qt.PenStyle.DotLine,
    Qt.PenStyle.DashDotLine,
)
assert len(PINNED_COLOURS) * len(PINNED_DASHES) == MAX_PINNED, "a style for every pinned alpha"


@dataclass(frozen=True)
class PinnedAlpha:
    """An alpha kept beside the current one for comparison, with its style slot and visibility.

    The slot (0 .. MAX_PINNED-1) picks the curve's colour and dash; it is remembered, so a
    pinned alpha keeps its colour across restarts.
    """

    alpha: Decimal
    slot: int
    visible: bool = True


def pinned_style(slot: int) -> tuple[str, Qt.PenStyle]:
    """Colour and dash of a pinned curve's style slot (0 .. MAX_PINNED-1)."""
    return PINNED_COLOURS[slot % len(PINNED_COLOURS)], PINNED_DASHES[slot // len(PINNED_COLOURS)]
