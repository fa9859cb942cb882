"""The Layer view: what each alpha on show does to a deep network (leaky_gui.calc.layer_stats).

A panel with one verb in, ``show_alphas``, and signals out (``message``). Its own inputs,
mean, std, depth and initialisation, are judged together by ``LayerParams.from_text`` as
they are typed: text that makes no statistics stays as typed with a message, and the rows
and curves on show are those of the last good inputs. A table with a row per alpha (copied
as tab-separated text, exported as the CSV ``leaky-relu stats`` writes) and a plot of the
signal's std ratio over depth on a log axis, the gradient's dashed.

Rooms: ``layer_inputs.py`` (the inputs, judged and remembered), ``layer_plot.py`` (``LayerPlot``,
the plot with its curves, held as ``plot``); this module holds the panel, its table, copy and export.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtCore import QEvent, QSettings, QSize, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from leaky_gui.calc.atomic_file import OutputPathError, atomic_output, check_output_path
from leaky_gui.calc.layer_stats import (
    DEFAULT_DEPTH,
    INIT_NAMES,
    LayerParams,
    LayerStats,
    layer_stats,
    stats_csv_lines,
)
from leaky_gui.calc.text import ParameterError, csv_line, format_label, format_number
from leaky_gui.gui.language import alpha_name, translate
from leaky_gui.gui.layer_inputs import (
    MAX_VIEW_DEPTH,
    LayerInputs,
    judge_layer_inputs,
    load_layer_inputs,
)
from leaky_gui.gui.layer_plot import LayerPlot
from leaky_gui.gui.layer_texts import COLUMNS
from leaky_gui.gui.state import LAYER_GRADIENT_KEY, LAYER_KEYS, LAYER_OPEN_KEY
from leaky_gui.gui.theme import LIGHT, Scheme
from leaky_gui.gui.widgets import ERROR, NOTE, message_label, set_message_kind, show_message, table_cell


def restore_layer_view(settings: QSettings, view: LayerView) -> None:
    """The view's remembered inputs (whether its dock was open: state.layer_view_was_open)."""
    view.set_inputs(load_layer_inputs(settings))


def save_layer_view(settings: QSettings, view: LayerView, dock: QDockWidget) -> None:
    inputs = view.inputs()
    for name, key in LAYER_KEYS.items():
        settings.setValue(key, getattr(inputs, name))
    settings.setValue(LAYER_GRADIENT_KEY, inputs.gradient)
    settings.setValue(LAYER_OPEN_KEY, not dock.isHidden())


class LayerView(QWidget):
    """Leaky ReLU's statistics and the signal through depth, for each alpha on show."""

    #: Text for the status bar, and how long to show it (ms).
    message = Signal(str, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("layerView")
        self._alphas: tuple[tuple[Decimal, int | None], ...] = ((Decimal("0.01"), None),)
        self._params = LayerParams.from_text()
        #: The inputs before the edit under way: what shows while its text is refused (not a
        #: prefix that judged well on the way, 100 on the way to 1001).
        self._settled = self._params
        self._rows: list[LayerStats] = []
        self._shown: list[tuple[Decimal, int | None]] = []  # the alphas with a row, and their slots
        self._scheme: Scheme = LIGHT
        self._pen_scale = 1.0
        self._stale = True
        #: Copy numbers with ',' as the decimal point and the header alike (the window's
        #: Decimal Comma option, as the main table's copy).
        self.decimal_comma = False

        self.mean_edit = self._edit(
            "layerMean", "0", translate("LayerView", "Mean of the pre-activation X ~ N(mean, std²)")
        )
        self.std_edit = self._edit(
            "layerStd", "1", translate("LayerView", "Standard deviation of X, above 0")
        )
        self.depth_edit = self._edit(
            "layerDepth",
            str(DEFAULT_DEPTH),
            translate("LayerView", "Number of layers, 1 to {max}").format(max=f"{MAX_VIEW_DEPTH:,}"),
        )
        for edit in (self.mean_edit, self.std_edit, self.depth_edit):
            edit.textEdited.connect(lambda _: self._on_edited())
            edit.editingFinished.connect(self._settle)
        self.init_box = QComboBox()
        self.init_box.setObjectName("layerInit")
        self.init_box.setEditable(True)
        self.init_box.addItems([name for name in INIT_NAMES if name != "gain=G"])
        self.init_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.init_box.setAccessibleName(translate("LayerView", "Initialisation"))
        self.init_box.setToolTip(
            translate(
                "LayerView",
                "The weights' variance c/fan_in: he = kaiming_normal_(a=alpha), c = 2/(1 + alpha²); "
                "kaiming-default (a = 0) c = 2; torch-default (nn.Linear) c = 1/3; xavier, lecun c = 1; "
                "or type gain=G for c = G²",
            )
        )
        init_edit = self.init_box.lineEdit()
        assert init_edit is not None  # an editable combo box has one
        init_edit.textEdited.connect(lambda _: self._on_edited())
        self.init_box.activated.connect(self._on_init_chosen)
        init_edit.editingFinished.connect(self._settle)
        self.problem = message_label("layerProblem", ERROR)
        self.note = message_label("layerNote", NOTE)
        self.gradient_check = QCheckBox(translate("LayerView", "Gradient ratio (dashed)"))
        self.gradient_check.setObjectName("layerGradient")
        self.gradient_check.setChecked(True)
        self.gradient_check.setToolTip(
            translate("LayerView", "Also draw each alpha's gradient ratio, dashed, in its colour")
        )
        self.gradient_check.toggled.connect(self._draw)

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("layerTable")
        self.table.setAccessibleName(translate("LayerView", "Layer statistics per alpha"))
        self.table.setAccessibleDescription(
            translate(
                "LayerView",
                "One row per alpha: the statistics of f(X) for X ~ N(mean, std²) and the std and "
                "gradient ratios after the depth's layers; Ctrl+C copies the selected rows",
            )
        )
        self.table.setTabKeyNavigation(False)
        self.table.setHorizontalHeaderLabels([translate("LayerView", title) for title, _, _ in COLUMNS])
        for column, (_, tip, _) in enumerate(COLUMNS):
            header_item = self.table.horizontalHeaderItem(column)
            assert header_item is not None  # the labels just set made it
            header_item.setToolTip(translate("LayerView", tip))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        # Sized to the contents when the inputs or the rows change, not as alpha slides:
        # measuring every row on every change was a third of Play's time here.
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self._sized_for: object = None
        copy = QShortcut(QKeySequence.StandardKey.Copy, self.table, context=Qt.ShortcutContext.WidgetShortcut)
        copy.activated.connect(self.copy_rows)
        self.copy_button = QPushButton(translate("LayerView", "Copy Rows"))
        self.copy_button.setObjectName("layerCopy")
        self.copy_button.setToolTip(
            translate("LayerView", "The selected rows (all, if none is selected) as tab-separated text")
        )
        self.copy_button.clicked.connect(self.copy_rows)
        self.export_button = QPushButton(translate("LayerView", "Export Rows…"))
        self.export_button.setObjectName("layerExport")
        self.export_button.setToolTip(
            translate("LayerView", "Every row as CSV, as `leaky-relu stats` writes it")
        )
        self.export_button.clicked.connect(self._ask_export)

        self.plot = LayerPlot()

        row = QHBoxLayout()
        captions = (
            translate("LayerView", "mean"),
            translate("LayerView", "std"),
            translate("LayerView", "depth"),
        )
        for label, widget in zip(captions, (self.mean_edit, self.std_edit, self.depth_edit), strict=True):
            row.addWidget(_caption(label))
            row.addWidget(widget, 1)
        row.addWidget(_caption(translate("LayerView", "init")))
        row.addWidget(self.init_box, 2)
        buttons = QHBoxLayout()
        buttons.addWidget(self.gradient_check)
        buttons.addStretch(1)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.export_button)
        table_box = QWidget()
        table_layout = QVBoxLayout(table_box)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addWidget(self.table, 1)
        table_layout.addLayout(buttons)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.setObjectName("layerSplitter")
        split.setChildrenCollapsible(False)
        split.addWidget(table_box)
        split.addWidget(self.plot.widget)
        split.setSizes([420, 300])
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.problem)
        layout.addWidget(self.note)
        layout.addWidget(split, 1)
        self.set_scheme(LIGHT)

    @staticmethod
    def _edit(name: str, text: str, tip: str) -> QLineEdit:
        edit = QLineEdit(text)
        edit.setObjectName(name)
        edit.setToolTip(tip)
        edit.setAccessibleName(tip.split(",")[0])
        return edit

    def sizeHint(self) -> QSize:
        return QSize(900, 210)  # a dock's first height: room for a few rows and the plot

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._follow_screen()
        if self._stale:
            self._update()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.DevicePixelRatioChange:
            self._follow_screen()
        return super().event(event)

    def _follow_screen(self) -> None:
        """Pens as wide in logical pixels at any device pixel ratio (pyqtgraph's are cosmetic)."""
        scale = self.devicePixelRatioF()
        if scale > 0 and scale != self._pen_scale:
            self._pen_scale = scale
            self.set_scheme(self._scheme)

    # -- in --------------------------------------------------------------------

    def show_alphas(self, alphas: Sequence[tuple[Decimal, int | None]]) -> None:
        """Show these alphas, each with its pinned style slot (None: the current alpha's curve)."""
        alphas = tuple(alphas)
        if alphas == self._alphas and not self._stale:
            return
        self._alphas = alphas
        self._stale = True
        if self.isVisible():  # hidden (another tab): worked out when shown
            self._update()

    def set_scheme(self, scheme: Scheme) -> None:
        """Draw in ``scheme``'s colours (light or dark)."""
        self._scheme = scheme
        self.plot.set_scheme(scheme, self._pen_scale)
        set_message_kind(self.problem, ERROR, scheme)
        set_message_kind(self.note, NOTE, scheme)
        if not self._stale:
            self._update()  # the swatches and curves in the new colours

    def inputs(self) -> LayerInputs:
        """The inputs as typed (to remember)."""
        return LayerInputs(
            self.mean_edit.text(),
            self.std_edit.text(),
            self.depth_edit.text(),
            self.init_box.currentText(),
            self.gradient_check.isChecked(),
        )

    def set_inputs(self, inputs: LayerInputs) -> None:
        """Take remembered inputs (judged as if typed)."""
        self.mean_edit.setText(inputs.mean)
        self.std_edit.setText(inputs.std)
        self.depth_edit.setText(inputs.depth)
        self.init_box.setEditText(inputs.init)
        self.gradient_check.setChecked(inputs.gradient)
        self._on_edited()
        self._settle()

    @property
    def params(self) -> LayerParams:
        """The inputs on show (the last that judged well)."""
        return self._params

    # -- out -------------------------------------------------------------------

    def rows(self) -> list[LayerStats]:
        """The rows on show, one per alpha."""
        if self._stale:
            self._update()
        return list(self._rows)

    def rows_as_text(self, selected_only: bool = True) -> str:
        """The selected rows (or all) with the header, tab-separated, numbers in full (with
        ``decimal_comma``, ',' as their decimal point)."""
        rows = self.rows()
        chosen = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        if not selected_only or not chosen:
            chosen = list(range(len(rows)))
        lines = stats_csv_lines([self._shown[i][0] for i in chosen], self._params)
        return "".join(csv_line(line.rstrip("\n").split(","), self.decimal_comma, "\t") for line in lines)

    def copy_rows(self) -> None:
        QGuiApplication.clipboard().setText(self.rows_as_text())
        self.message.emit(translate("LayerView", "Layer statistics copied as tab-separated text."), 4000)

    def export_csv(self, path: str) -> bool:
        """Every row as ``leaky-relu stats`` writes it, whole or not at all; False with a message if not."""
        try:
            target = check_output_path(path)
            with atomic_output(target) as temp, open(temp, "w", encoding="ascii", newline="") as out:
                self.rows()  # worked out if stale
                out.writelines(stats_csv_lines([alpha for alpha, _ in self._shown], self._params))
        except (OutputPathError, OSError) as error:
            self.message.emit(
                translate("LayerView", "Layer statistics not exported: {reason}").format(reason=error), 8000
            )
            return False
        self.message.emit(
            translate("LayerView", "Layer statistics exported to {file}").format(file=target), 6000
        )
        return True

    def _ask_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, translate("LayerView", "Export Layer Statistics"), "layer_stats.csv", "CSV (*.csv)"
        )
        if path:
            self.export_csv(path if path.lower().endswith(".csv") else path + ".csv")

    # -- inside ----------------------------------------------------------------

    def _on_edited(self) -> None:
        try:
            params = judge_layer_inputs(
                self.mean_edit.text(),
                self.std_edit.text(),
                self.depth_edit.text(),
                self.init_box.currentText(),
            )
        except ParameterError as error:
            show_message(self.problem, f"{error.field}: {error.message}")
            params = self._settled
        else:
            show_message(self.problem, "")
        self._show_params(params)

    def _on_init_chosen(self, _: int) -> None:
        """An initialisation picked from the list: judged and settled at once."""
        self._on_edited()
        self._settle()

    def _settle(self) -> None:
        """An edit ends (Enter, or the field left): what it shows is the value before the next."""
        self._settled = self._params

    def _show_params(self, params: LayerParams) -> None:
        if params != self._params:
            self._params = params
            self._stale = True
            if self.isVisible():
                self._update()

    def _update(self) -> None:
        self._stale = False
        rows: list[LayerStats | None] = []
        for alpha, _ in self._alphas:
            try:
                rows.append(layer_stats(alpha, self._params))
            except ParameterError:  # |alpha| above 1e50: no statistics, and no row
                rows.append(None)
        self._rows = [row for row in rows if row is not None]
        missing = [
            format_label(alpha) for (alpha, _), row in zip(self._alphas, rows, strict=True) if row is None
        ]
        show_message(
            self.note,
            translate(
                "LayerView", "No row for alpha = {alphas}: beyond 1e50 in size, E[f²] leaves the doubles."
            ).format(alphas=", ".join(missing))
            if missing
            else "",
        )
        self._shown = [a for a, row in zip(self._alphas, rows, strict=True) if row is not None]
        self.table.setRowCount(len(self._rows))
        for r, (row, (alpha, slot)) in enumerate(zip(self._rows, self._shown, strict=True)):
            values = [getattr(row, name) for _, _, name in COLUMNS[1:]]
            cells = [format_label(alpha), *(f"{value:.6g}" for value in values)]
            tips = [
                alpha_name(alpha)
                + (
                    translate("LayerView", " (current)")
                    if slot is None
                    else translate("LayerView", " (pinned)")
                ),
                *map(format_number, values),
            ]
            items = [table_cell(self.table, r, column, text) for column, text in enumerate(cells)]
            for item, tip in zip(items, tips, strict=True):
                if item.toolTip() != tip:
                    item.setToolTip(tip)
            swatch_key = (slot, self._scheme.name)
            if items[0].data(Qt.ItemDataRole.UserRole) != swatch_key:
                items[0].setIcon(self.plot.swatch(slot))
                items[0].setData(Qt.ItemDataRole.UserRole, swatch_key)
        if self._sized_for != (self._params, len(self._rows)):
            self._sized_for = (self._params, len(self._rows))
            self.table.resizeColumnsToContents()
        self._draw()

    def _draw(self, *_: object) -> None:
        """The plot of the rows on show (not while stale: showing works them out first)."""
        if not self._stale:
            self.plot.draw(self._shown, self._params, self.gradient_check.isChecked())


def _caption(text: str) -> QLabel:
    """A field's caption; no mnemonic (the window's Alt+letters are spoken for), the field has a name."""
    return QLabel(translate("LayerView", "{caption}:").format(caption=text))
