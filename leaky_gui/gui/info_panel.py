"""Sweep info: the x range, the zero crossing, and per visible curve its f range and gain;
for your own values, their count, share at or below 0, and the mean and spread of f.

Plain text and a small table: rich text here cost 3 ms of every 16 ms frame.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHeaderView,
    QLabel,
    QStyle,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from leaky_gui.calc.alphas import kaiming_gain
from leaky_gui.calc.source import XSource
from leaky_gui.calc.sweep import format_label
from leaky_gui.calc.values import ValuesStatistics
from leaky_gui.gui.language import alpha_name, translate
from leaky_gui.gui.pinned import PinnedAlpha
from leaky_gui.gui.widgets import table_cell

_SLACK = 80  # px the table may be wider than it needs before it gives the room back


class InfoPanel(QGroupBox):
    """What the sweep on show spans, for the current alpha and each visible pinned one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(translate("InfoPanel", "Sweep info"), parent)
        self.setObjectName("sweepInfo")
        self.summary = QLabel()
        self.summary.setObjectName("infoPanel")
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("infoTable")
        self.table.setAccessibleName(translate("InfoPanel", "Sweep info per curve"))
        self.table.setAccessibleDescription(
            translate("InfoPanel", "Each visible curve's f range over the sweep and its Kaiming gain")
        )
        self.table.setTabKeyNavigation(False)
        self.table.setHorizontalHeaderLabels(
            [
                translate("InfoPanel", "curve"),
                translate("InfoPanel", "f range"),
                translate("InfoPanel", "Kaiming gain"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setToolTip(
            translate("InfoPanel", "f range over the sweep, and the He/Kaiming gain sqrt(2 / (1 + alpha^2))")
        )
        header = self.table.horizontalHeader()
        # The f range and gain fit their text (17-digit numbers whole); the curve's name takes
        # what is left, wrapped onto more lines if need be; the table asks for that width.
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.statistics = QLabel()
        self.statistics.setObjectName("valuesStatistics")
        self.statistics.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.statistics.setWordWrap(True)
        self.statistics.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.statistics)
        layout.addWidget(self.table, 1)

    def show_source(self, source: XSource, pinned: Sequence[PinnedAlpha]) -> None:
        """The x range (and, for a sweep, the zero crossing) and each visible curve's f range."""
        p = source
        xs = p.curve_points()[0]  # the ends of the x range (and the kink between)
        span = (
            translate("InfoPanel", "{low} to {high}").format(low=p.text(xs[0]), high=p.text(xs[-1]))
            if xs
            else translate("InfoPanel", "no finite x")
        )
        if p.evenly_spaced:
            self.summary.setText(
                translate("InfoPanel", "x range: {span} ({count} points)\nZero crossing: {crossing}").format(
                    span=span, count=f"{p.count:,}", crossing=zero_crossing_label(p.zero_crossing_index())
                )
            )
        else:
            self.summary.setText(
                translate("InfoPanel", "x range: {span} ({values})").format(
                    span=span, values=values_label(p.count)
                )
            )
        current, pinned_role = translate("InfoPanel", "current"), translate("InfoPanel", "pinned")
        shown = [(p.alpha, current)] + [(q.alpha, pinned_role) for q in pinned if q.visible]
        self.table.setRowCount(len(shown))
        for row, (alpha, role) in enumerate(shown):
            low, high = p.f_range(alpha)
            texts = (
                f"{alpha_name(alpha)} ({role})",
                f"[{p.text(low)}, {p.text(high)}]",
                f"{kaiming_gain(alpha):.6g}",
            )
            for column, text in enumerate(texts):
                table_cell(self.table, row, column, text)
        self._ask_for_width()

    def _ask_for_width(self) -> None:
        """A minimum width for the table: the numbers whole, each part of a curve's name on a line."""
        table = self.table
        metrics = table.fontMetrics()
        parts = [
            part
            for r in range(table.rowCount())
            for item in (table.item(r, 0),)
            if item is not None
            for part in item.text().replace(" (", "\n(").split("\n")
        ]
        margin = 2 * (table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1) + 2
        curve = max((metrics.horizontalAdvance(p) for p in parts), default=0) + margin
        numbers = sum(
            max(table.sizeHintForColumn(c), table.horizontalHeader().sectionSizeHint(c)) for c in (1, 2)
        )
        bar = table.verticalScrollBar()
        need = curve + numbers + 2 * table.frameWidth() + (bar.sizeHint().width() if bar.isVisible() else 0)
        # Only a real change lays the window out again (not each step of the alpha slider).
        if need > table.minimumWidth() or need < table.minimumWidth() - _SLACK:
            table.setMinimumWidth(need)

    def show_statistics(
        self,
        stats: ValuesStatistics | None,
        alphas: Sequence[Decimal] = (),
        *,
        pending: bool = False,
        failure: str = "",
    ) -> None:
        """Your values' count, share at or below 0, and mean and standard deviation of f per
        alpha; None hides them (a sweep), ``pending`` says they are being worked out,
        ``failure`` why they could not be."""
        if stats is None:
            text = (
                translate("InfoPanel", "No mean and spread of f: {reason}").format(reason=failure)
                if failure
                else translate("InfoPanel", "Working out the mean and spread of f…")
                if pending
                else ""
            )
            self.statistics.setText(text)
            self.statistics.setVisible(bool(text))
            return
        lines = [
            translate("InfoPanel", "{values}, {share} at or below 0").format(
                values=values_label(stats.count), share=f"{stats.share_at_or_below_zero:.2%}"
            )
            + (
                translate("InfoPanel", "; {nan} NaN, {inf} infinite").format(
                    nan=f"{stats.nan_count:,}", inf=f"{stats.inf_count:,}"
                )
                if stats.nan_count or stats.inf_count
                else ""
            ),
            translate("InfoPanel", "mean, std of the finite f (float64 sums):"),
        ]
        for alpha, mean, std in zip(alphas, stats.f_mean, stats.f_std, strict=True):
            lines.append(f"  {format_label(alpha)}: {mean:.6g}, {std:.6g}")
        self.statistics.setText("\n".join(lines))
        self.statistics.show()

    def rows(self) -> list[list[str]]:
        """The table's texts, row by row."""
        items = [[self.table.item(r, c) for c in range(3)] for r in range(self.table.rowCount())]
        return [["" if item is None else item.text() for item in row] for row in items]


def values_label(count: int) -> str:
    """'1 value', '1,000 values': the count as the calculation writes it, the word translated.

    0 has an entry of its own, as languages differ there (French says '0 valeur')."""
    if count == 1:
        text = translate("InfoPanel", "{count} value")
    elif count == 0:
        text = translate("InfoPanel", "{count} values", "the count is 0")
    else:
        text = translate("InfoPanel", "{count} values")
    return text.format(count=f"{count:,}")


def zero_crossing_label(index: int | None) -> str:
    """Where the sweep reaches x = 0 ('i = 80'), or that it does not, in the window's language."""
    if index is None:
        return translate("InfoPanel", "none (the sweep stays on one side of 0)")
    return f"i = {index:,}"
