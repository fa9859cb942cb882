"""Alphas pinned beside the current one: the record the window keeps, and each one's curve style."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import Qt

from leaky_gui.gui.limits import MAX_PINNED
from leaky_gui.gui.theme import DARK, LIGHT, Scheme

# Pinned curves: the scheme's colours (Okabe-Ito, apart from the current curve's blue),
# solid first, then the same colours dashed, dotted...
PINNED_DASHES = (
    Qt.PenStyle.SolidLine,
    Qt.PenStyle.DashLine,
    Qt.PenStyle.DotLine,
    Qt.PenStyle.DashDotLine,
    Qt.PenStyle.DashDotDotLine,
)
assert len(LIGHT.pinned) == len(DARK.pinned), "a slot has a colour in every scheme"
assert len(LIGHT.pinned) * len(PINNED_DASHES) >= MAX_PINNED, "a style for every pinned alpha"


@dataclass(frozen=True)
class PinnedAlpha:
    """An alpha kept beside the current one for comparison, with its style slot and visibility.

    The slot (0 .. MAX_PINNED-1) picks the curve's colour and dash; it is remembered, so a
    pinned alpha keeps its colour across restarts.
    """

    alpha: Decimal
    slot: int
    visible: bool = True


def pinned_style(slot: int, scheme: Scheme) -> tuple[str, Qt.PenStyle]:
    """Colour (in ``scheme``) and dash of a pinned curve's style slot (0 .. MAX_PINNED-1)."""
    colours = scheme.pinned
    return colours[slot % len(colours)], PINNED_DASHES[slot // len(colours)]
