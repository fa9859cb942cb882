"""The comparison list: alphas pinned beside the current one, each with swatch, check box, remove."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from leaky_gui.calc.sweep import format_label
from leaky_gui.gui.language import alpha_name, translate
from leaky_gui.gui.limits import MAX_PINNED
from leaky_gui.gui.pinned import PinnedAlpha, pinned_style
from leaky_gui.gui.theme import LIGHT, Scheme
from leaky_gui.gui.widgets import NOTE, message_label, show_message

_SWATCH_SIZE = QSize(30, 14)


def swatch(slot: int, scheme: Scheme, size: QSize = _SWATCH_SIZE) -> QIcon:
    """A short line in the slot's colour and dash, as drawn on the plot in ``scheme``."""
    colour, dash = pinned_style(slot, scheme)
    pixmap = QPixmap(size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor(colour), 3, dash, Qt.PenCapStyle.FlatCap))
    painter.drawLine(1, size.height() // 2, size.width() - 1, size.height() // 2)
    painter.end()
    return QIcon(pixmap)


class _PinnedRow(QWidget):
    def __init__(self, pinned: PinnedAlpha, scheme: Scheme) -> None:
        super().__init__()
        name = alpha_name(pinned.alpha)
        self.check = QCheckBox(name)
        self.check.setObjectName(f"compareVisible_{format_label(pinned.alpha)}")
        self.check.setIcon(swatch(pinned.slot, scheme))
        self.check.setIconSize(QSize(30, 14))
        self.check.setChecked(pinned.visible)
        self.check.setToolTip(
            translate("ComparisonPanel", "Show or hide the curve for {alpha}").format(alpha=name)
        )
        # A long name gives way (its tooltip has it whole) so that ✕ always shows.
        self.check.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.check.setMinimumWidth(60)
        self.remove = QToolButton()
        self.remove.setObjectName(f"compareRemove_{format_label(pinned.alpha)}")
        self.remove.setText("✕")
        self.remove.setToolTip(
            translate("ComparisonPanel", "Remove {alpha} from the comparison").format(alpha=name)
        )
        self.remove.setAccessibleName(translate("ComparisonPanel", "Remove {alpha}").format(alpha=name))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 1, 4, 1)
        layout.addWidget(self.check, 1)
        layout.addWidget(self.remove)


class ComparisonPanel(QGroupBox):
    """Pinned alphas, in the order pinned; ``changed`` fires on any change."""

    changed = Signal()

    def __init__(self) -> None:
        super().__init__(translate("ComparisonPanel", "Compare alphas"))
        self._pinned: list[PinnedAlpha] = []
        self._scheme = LIGHT
        self.add_button = QPushButton(translate("ComparisonPanel", "&Pin Current Alpha"))
        self.add_button.setObjectName("compareAdd")
        self.add_button.setAccessibleName(translate("ComparisonPanel", "Pin current alpha"))
        self.add_button.setToolTip(
            translate("ComparisonPanel", "Keep the current alpha on the plot as an extra curve (Ctrl+P)")
        )
        self.list = QListWidget()
        self.list.setObjectName("comparison")
        self.list.setToolTip(translate("ComparisonPanel", "Pinned alphas: tick to show, ✕ to remove"))
        self.list.setAccessibleName(translate("ComparisonPanel", "Pinned alphas"))
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.note = message_label("compareNote", NOTE)
        layout = QVBoxLayout(self)
        layout.addWidget(self.add_button)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.note)

    def controls(self) -> tuple[QWidget, ...]:
        """The pin button and the list, in tab order."""
        return self.add_button, self.list

    def pinned(self) -> tuple[PinnedAlpha, ...]:
        return tuple(self._pinned)

    def alphas(self) -> tuple[Decimal, ...]:
        return tuple(p.alpha for p in self._pinned)

    def pin(self, alpha: Decimal) -> bool:
        """Pin ``alpha``; refused with a note when it is pinned already or the list is full."""
        if any(p.alpha == alpha for p in self._pinned):
            self._say(
                translate("ComparisonPanel", "{alpha} is pinned already.").format(alpha=alpha_name(alpha))
            )
            return False
        used = {p.slot for p in self._pinned}
        free = next((slot for slot in range(MAX_PINNED) if slot not in used), None)
        if free is None:
            self._say(
                translate(
                    "ComparisonPanel", "At most {count} alphas can be pinned; remove one first."
                ).format(count=MAX_PINNED)
            )
            return False
        self._pinned.append(PinnedAlpha(alpha, free))
        self._say("")
        self._rebuild()
        return True

    def remove(self, alpha: Decimal) -> None:
        self._pinned = [p for p in self._pinned if p.alpha != alpha]
        self._say("")
        self._rebuild()

    def set_visible(self, alpha: Decimal, visible: bool) -> None:
        self._pinned = [
            PinnedAlpha(p.alpha, p.slot, visible) if p.alpha == alpha else p for p in self._pinned
        ]
        self.changed.emit()

    def set_pinned(self, pinned: Iterable[PinnedAlpha]) -> None:
        """Replace the whole list (restoring remembered state)."""
        self._pinned = list(pinned)
        self._rebuild()

    def set_scheme(self, scheme: Scheme) -> None:
        """Draw the swatches in ``scheme``'s colours, as the plot draws the curves."""
        self._scheme = scheme
        for pinned, row in zip(self._pinned, self.row_widgets(), strict=True):
            row.check.setIcon(swatch(pinned.slot, scheme))

    def refuse(self, reason: str) -> None:
        """Say why an alpha was not pinned (the window judged the sweep impossible with it)."""
        self._say(reason)

    def _say(self, note: str) -> None:
        show_message(self.note, note)

    def _rebuild(self) -> None:
        self.list.clear()
        for pinned in self._pinned:
            row = _PinnedRow(pinned, self._scheme)
            alpha = pinned.alpha
            row.check.toggled.connect(lambda on, a=alpha: self.set_visible(a, on))
            row.remove.clicked.connect(lambda _=False, a=alpha: self.remove(a))
            item = QListWidgetItem()
            item.setSizeHint(QSize(0, row.sizeHint().height()))  # as wide as the list
            item.setData(Qt.ItemDataRole.UserRole, str(alpha))
            self.list.addItem(item)
            self.list.setItemWidget(item, row)
        self.changed.emit()

    def row_widgets(self) -> list[_PinnedRow]:
        """The rows' widgets, in order (for tests and keyboard access)."""
        widgets = (self.list.itemWidget(self.list.item(i)) for i in range(self.list.count()))
        return [w for w in widgets if isinstance(w, _PinnedRow)]
