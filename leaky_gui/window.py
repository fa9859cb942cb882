"""The main window: inputs → SweepParams → table and plot, live on every keystroke.

The window only wires widgets to the core: spin boxes and the single-x field produce
decimals, the core validates them into one SweepParams, and the table model and the plot
show it. No maths here.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QByteArray, QLocale, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QSpinBox,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from leaky_gui.comparison import ComparisonPanel
from leaky_gui.core import (
    DEFAULT_ALPHA,
    DEFAULT_COUNT,
    DEFAULT_START,
    DEFAULT_STEP,
    MAX_GUI_COUNT,
    PRESETS,
    ParameterError,
    SweepParams,
    format_label,
    format_number,
    kaiming_gain,
    leaky_relu,
    leaky_relu_derivative,
    parse_decimal,
)
from leaky_gui.csv_export import OutputPathError, check_output_path
from leaky_gui.export import CsvExportJob, write_plot_image
from leaky_gui.plot import MAX_PINNED, Overlays, PinnedAlpha, SweepPlot, alpha_name
from leaky_gui.table_model import SweepTableModel

#: QTableView places rows at int pixel offsets: count * row height must stay below 2**31.
ROW_HEIGHT = min(21, (2**31 - 1) // MAX_GUI_COUNT)
#: More rows than this are not put on the clipboard (File > Export CSV is for that).
COPY_LIMIT = 100_000
DEFAULT_CSV_NAME = "leaky_relu_sweep.csv"
DEFAULT_PLOT_NAME = "leaky_relu_plot.png"
#: The export progress dialog shows only for exports that take longer than this.
PROGRESS_DELAY_MS = 500

_ERROR_STYLE = "color: #b00020;"
_NOTE_STYLE = "color: #8a5a00;"
_PLAIN_STYLE = ""


class DecimalSpinBox(QDoubleSpinBox):
    """A spin box for decimals as typed: '0.05' not '0.050000', '1e-3' accepted, '.' always.

    ``forbid_zero`` keeps 0 out (stepX): typing it leaves the box in an intermediate state
    with a message, and the arrows skip over it.
    """

    problemChanged = Signal(str)

    DECIMALS = 10

    def __init__(self, minimum: float, maximum: float, step: float, forbid_zero: bool = False) -> None:
        # Set before anything Qt does can call validate() or textFromValue().
        self._forbid_zero = forbid_zero
        self._problem = ""
        super().__init__()
        self.setLocale(QLocale.c())
        self.setDecimals(self.DECIMALS)
        self.setRange(minimum, maximum)
        self.setSingleStep(step)
        self.setAccelerated(True)
        self.setCorrectionMode(QDoubleSpinBox.CorrectionMode.CorrectToPreviousValue)
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.lineEdit().textEdited.connect(self._check_text)
        self.editingFinished.connect(lambda: self._set_problem(""))

    def decimal_value(self) -> Decimal:
        """The value as the decimal it shows (the double's shortest text)."""
        return Decimal(format_number(self.value()))

    def problem(self) -> str:
        """Why the text being typed is not (yet) a value, or ''."""
        return self._problem

    def textFromValue(self, value: float) -> str:
        return format_label(round(value, self.DECIMALS))

    def valueFromText(self, text: str) -> float:
        try:
            return float(parse_decimal(text))
        except ParameterError:
            return self.value()

    def validate(self, text: str, pos: int) -> object:
        state, _ = self._judge(text)
        return state, text, pos

    def fixup(self, text: str) -> str:
        return self.textFromValue(self.value())

    def stepBy(self, steps: int) -> None:
        old = self.value()
        super().stepBy(steps)
        if self._forbid_zero and self.value() == 0:
            # Step over zero to the nearest allowed value in the same direction.
            self.setValue(math.copysign(self.singleStep(), steps) if old != 0 else self.singleStep())

    def _judge(self, text: str) -> tuple[QValidator.State, str]:
        stripped = text.strip()
        if stripped in {"", "-", "+", ".", "-.", "+."} or stripped.lower().endswith(("e", "e-", "e+")):
            return QValidator.State.Intermediate, "incomplete number"
        try:
            value = parse_decimal(stripped)
        except ParameterError as error:
            return QValidator.State.Invalid, error.message
        if not self.minimum() <= float(value) <= self.maximum():
            bounds = f"{format_label(self.minimum())} to {format_label(self.maximum())}"
            return QValidator.State.Intermediate, f"must be from {bounds}"
        if self._forbid_zero and value == 0:
            return QValidator.State.Intermediate, "must not be 0"
        return QValidator.State.Acceptable, ""

    def _check_text(self, text: str) -> None:
        self._set_problem(self._judge(text)[1])

    def _set_problem(self, problem: str) -> None:
        if problem != self._problem:
            self._problem = problem
            self.problemChanged.emit(problem)


class MainWindow(QMainWindow):
    """The calculator window. ``remember=False`` neither reads nor writes settings."""

    def __init__(
        self, settings: QSettings | None = None, *, remember: bool = True, fresh: bool = False
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle("Leaky ReLU calculator")
        self._remember = remember
        self._settings = settings if settings is not None or not remember else QSettings()
        self._params = SweepParams()
        self._export_job: CsvExportJob | None = None
        self._export_progress: QProgressDialog | None = None

        self._build_inputs()
        self._build_views()
        self._build_actions()
        self.statusBar().setObjectName("statusBar")
        self.resize(1180, 760)

        if remember and not fresh:
            self._restore_settings()
        self._on_inputs_changed()

    # -- construction ----------------------------------------------------------

    def _build_inputs(self) -> None:
        self.start_spin = DecimalSpinBox(-1e9, 1e9, 0.5)
        self.step_spin = DecimalSpinBox(-1e6, 1e6, 0.01, forbid_zero=True)
        self.count_spin = QSpinBox()
        self.count_spin.setRange(1, MAX_GUI_COUNT)
        self.count_spin.setGroupSeparatorShown(True)
        self.count_spin.setLocale(QLocale.c())
        self.count_spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.count_spin.setAccelerated(True)
        self.alpha_spin = DecimalSpinBox(-100, 100, 0.01)
        self._set_inputs(DEFAULT_START, DEFAULT_STEP, DEFAULT_COUNT, DEFAULT_ALPHA)

        specs = (
            (self.start_spin, "startX", "&Start x:", "First x of the sweep (x_0)"),
            (self.step_spin, "stepX", "S&tep x:", "Distance between points; may be negative, not 0"),
            (self.count_spin, "count", "&Count:", f"Number of points, 1 to {MAX_GUI_COUNT:,}"),
            (self.alpha_spin, "alpha", "&Alpha:", "Leak slope: f(x) = alpha*x for x <= 0 (0.01 by default)"),
        )
        form = QFormLayout()
        for widget, name, label_text, tip in specs:
            widget.setObjectName(name)
            widget.setToolTip(tip)
            widget.setAccessibleName(label_text.replace("&", "").rstrip(":"))
            label = QLabel(label_text)
            label.setBuddy(widget)
            label.setToolTip(tip)
            form.addRow(label, widget)
            widget.valueChanged.connect(self._on_inputs_changed)
            if isinstance(widget, DecimalSpinBox):
                widget.problemChanged.connect(self._show_param_problem)

        self.alpha_note = QLabel()
        self.alpha_note.setObjectName("alphaNote")
        self.alpha_note.setWordWrap(True)
        self.alpha_note.setStyleSheet(_NOTE_STYLE)
        self.alpha_note.hide()
        form.addRow(self.alpha_note)

        self.param_message = QLabel()
        self.param_message.setObjectName("paramMessage")
        self.param_message.setWordWrap(True)
        self.param_message.setStyleSheet(_ERROR_STYLE)
        self.param_message.hide()
        form.addRow(self.param_message)

        sweep_box = QGroupBox("Sweep  x_i = start + i*step,  i = 0 .. count-1")
        sweep_box.setLayout(form)

        self.single_edit = QLineEdit()
        self.single_edit.setObjectName("singleX")
        self.single_edit.setPlaceholderText("e.g. -2 or 1e-3")
        self.single_edit.setToolTip("Type one x to evaluate f(x) and f'(x) directly for the current alpha")
        self.single_edit.setClearButtonEnabled(True)
        self.single_edit.textChanged.connect(self._evaluate_single)
        single_label = QLabel("Single &x:")
        single_label.setBuddy(self.single_edit)
        self.single_result = QLabel()
        self.single_result.setObjectName("singleResult")
        self.single_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.single_result.setWordWrap(True)
        single_form = QFormLayout()
        single_form.addRow(single_label, self.single_edit)
        single_form.addRow(self.single_result)
        single_box = QGroupBox("Evaluate one x")
        single_box.setLayout(single_form)

        self.controls = QWidget()
        layout = QVBoxLayout(self.controls)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(sweep_box)
        layout.addWidget(single_box)

    def _build_views(self) -> None:
        self.model = SweepTableModel(self._params, self)
        self.table = QTableView()
        self.table.setObjectName("table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setToolTip("Ctrl+C copies the selected rows as CSV")
        vertical = self.table.verticalHeader()
        vertical.hide()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setMinimumSectionSize(1)
        vertical.setDefaultSectionSize(ROW_HEIGHT)
        horizontal = self.table.horizontalHeader()
        horizontal.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        horizontal.setStretchLastSection(True)
        horizontal.setDefaultAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for column, width in enumerate((80, 120, 120)):
            self.table.setColumnWidth(column, width)

        self.plot = SweepPlot()
        self.readout = QLabel()
        self.readout.setObjectName("crosshairReadout")
        self.readout.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.readout.setToolTip(
            "Values at the crosshair: x rounded to the view's resolution, f(x) exact there"
        )
        self.plot.readoutChanged.connect(self._show_readout)
        self._show_readout("")
        plot_box = QWidget()
        plot_layout = QVBoxLayout(plot_box)
        plot_layout.setContentsMargins(0, 0, 0, 0)
        plot_layout.addWidget(self.plot, 1)
        plot_layout.addWidget(self.readout)

        self.comparison = ComparisonPanel()
        self.comparison.changed.connect(self._on_inputs_changed)
        # Plain text and a small table: rich text here cost 3 ms of every 16 ms frame.
        self.info = QLabel()
        self.info.setObjectName("infoPanel")
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.info_table = QTableWidget(0, 3)
        self.info_table.setObjectName("infoTable")
        self.info_table.setHorizontalHeaderLabels(["curve", "f range", "Kaiming gain"])
        self.info_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.info_table.verticalHeader().hide()
        self.info_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.info_table.setToolTip("f range over the sweep, and the He/Kaiming gain sqrt(2 / (1 + alpha^2))")
        info_header = self.info_table.horizontalHeader()
        info_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            info_header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        info_box = QGroupBox("Sweep info")
        info_layout = QVBoxLayout(info_box)
        info_layout.addWidget(self.info)
        info_layout.addWidget(self.info_table, 1)
        bottom = QWidget()
        bottom_layout = QHBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.comparison, 2)
        bottom_layout.addWidget(info_box, 3)

        vertical, horizontal = Qt.Orientation.Vertical, Qt.Orientation.Horizontal
        self.right_splitter = _splitter(vertical, "rightSplitter", (plot_box, bottom), 0, [560, 200])
        self.left_splitter = _splitter(vertical, "leftSplitter", (self.controls, self.table), 1, [])
        self.splitter = _splitter(
            horizontal, "mainSplitter", (self.left_splitter, self.right_splitter), 1, [470, 710]
        )
        self.setCentralWidget(self.splitter)

        self.setTabOrder(self.start_spin, self.step_spin)
        self.setTabOrder(self.step_spin, self.count_spin)
        self.setTabOrder(self.count_spin, self.alpha_spin)
        self.setTabOrder(self.alpha_spin, self.single_edit)
        self.setTabOrder(self.single_edit, self.table)
        self.setTabOrder(self.table, self.plot)
        self.setTabOrder(self.plot, self.comparison.add_button)
        self.setTabOrder(self.comparison.add_button, self.comparison.list)

    def _build_actions(self) -> None:
        action = self._action
        menu_file = self.menuBar().addMenu("&File")
        self.export_csv_action = action(
            "&Export CSV…",
            "exportCsvAction",
            menu_file,
            shortcut="Ctrl+E",
            slot=self.export_csv,
            icon_text="Export CSV",
            tip="Write the whole sweep to a CSV file (Ctrl+E)",
        )
        self.csv_derivative_action = action(
            "CSV: Include f'(x) Columns",
            "csvDerivativeAction",
            menu_file,
            checkable=True,
            tip="Add one f'(x) column per alpha to exported CSV files",
        )
        self.csv_pinned_action = action(
            "CSV: Include Pinned Alphas",
            "csvPinnedAction",
            menu_file,
            checkable=True,
            checked=True,
            tip="Add one f(x) column per pinned alpha to exported CSV files",
        )
        menu_file.addSeparator()
        self.export_plot_action = action(
            "Export &Plot Image…",
            "exportPlotAction",
            menu_file,
            shortcut="Ctrl+Shift+E",
            slot=self.export_plot,
            tip="Save the plot with its legend as PNG (2x size) or SVG (Ctrl+Shift+E)",
        )
        menu_file.addSeparator()
        self.quit_action = action(
            "&Quit",
            "quitAction",
            menu_file,
            shortcut=QKeySequence.StandardKey.Quit,
            fallback="Ctrl+Q",
            slot=self.close,
        )

        menu_edit = self.menuBar().addMenu("&Edit")
        self.copy_action = action(
            "&Copy Rows as CSV",
            "copyAction",
            menu_edit,
            shortcut=QKeySequence.StandardKey.Copy,
            slot=self.copy_selected_rows,
        )
        # Ctrl+C copies rows only while the table has focus; elsewhere it copies text as usual.
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.table.addAction(self.copy_action)
        self.copy_plot_action = action(
            "Copy Plot &Image",
            "copyPlotAction",
            menu_edit,
            shortcut="Ctrl+Shift+C",
            slot=self.copy_plot_image,
        )
        self.defaults_action = action(
            "&Reset Inputs to Defaults", "defaultsAction", menu_edit, slot=self.reset_inputs
        )

        menu_alpha = self.menuBar().addMenu("&Alpha")
        self.pin_action = action(
            "&Pin Current Alpha",
            "pinAction",
            menu_alpha,
            shortcut="Ctrl+P",
            slot=self.pin_current_alpha,
            icon_text="Pin alpha",
            tip="Keep the current alpha on the plot for comparison (Ctrl+P)",
        )
        self.comparison.add_button.clicked.connect(self.pin_action.trigger)
        menu_alpha.addSection("Set alpha to a preset")
        pin_menu = QMenu("Pin a Pr&eset", self)
        for number, preset in enumerate(PRESETS, start=1):
            label = f"&{number} {preset.name}  (alpha = {format_label(preset.alpha)})"
            action(
                label,
                f"presetSet_{number}",
                menu_alpha,
                shortcut=f"Ctrl+{number}",
                slot=lambda _=False, a=preset.alpha: self.set_alpha(a),
            )
            action(
                label, f"presetPin_{number}", pin_menu, slot=lambda _=False, a=preset.alpha: self.pin_alpha(a)
            )
        menu_alpha.addSeparator()
        menu_alpha.addMenu(pin_menu)

        menu_view = self.menuBar().addMenu("&View")
        overlays = (
            ("Show &Derivative f'(x)", "derivativeAction", "Ctrl+D", "f'(x)"),
            ("Show &ReLU Reference (alpha = 0)", "reluAction", "Ctrl+R", "ReLU"),
            ("Show &Identity Line y = x", "identityAction", "Ctrl+I", "y = x"),
        )
        self.derivative_action, self.relu_action, self.identity_action = (
            action(
                text,
                name,
                menu_view,
                shortcut=keys,
                slot=self._on_inputs_changed,
                checkable=True,
                icon_text=short,
                tip=f"{text.replace('&', '')} ({keys})",
            )
            for text, name, keys, short in overlays
        )
        menu_view.addSeparator()
        self.autorange_action = action(
            "&Fit Plot to Curves",
            "autoRangeAction",
            menu_view,
            shortcut="Ctrl+0",
            slot=lambda: self.plot.getPlotItem().enableAutoRange(),
        )

        toolbar = QToolBar("Plot")
        toolbar.setObjectName("plotToolBar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.addAction(self.export_csv_action)
        toolbar.addSeparator()
        for toggle in (self.pin_action, self.derivative_action, self.relu_action, self.identity_action):
            toolbar.addAction(toggle)
        self.addToolBar(toolbar)

        menu_help = self.menuBar().addMenu("&Help")
        self.about_action = action(
            "&About Leaky ReLU Calculator",
            "aboutAction",
            menu_help,
            shortcut=QKeySequence.StandardKey.HelpContents,
            fallback="F1",
            slot=self.show_about,
        )

    def _action(
        self,
        text: str,
        name: str,
        menu: QMenu,
        *,
        shortcut: str | QKeySequence.StandardKey | None = None,
        fallback: str | None = None,
        slot=None,
        checkable: bool = False,
        checked: bool = False,
        icon_text: str | None = None,
        tip: str | None = None,
    ) -> QAction:
        """A named action in ``menu`` (so every action is reachable from a menu).

        ``fallback`` is the shortcut where the platform has none for a standard key.
        A checkable action calls ``slot`` on toggled, any other on triggered.
        """
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if fallback is not None and action.shortcut().isEmpty():
            action.setShortcut(QKeySequence(fallback))
        if checkable:
            action.setCheckable(True)
            action.setChecked(checked)
        if icon_text is not None:
            action.setIconText(icon_text)
        if tip is not None:
            action.setToolTip(tip)
        if slot is not None:
            (action.toggled if checkable else action.triggered).connect(slot)
        menu.addAction(action)
        return action

    # -- the live update path --------------------------------------------------

    @property
    def params(self) -> SweepParams:
        """The sweep on show (the last valid inputs)."""
        return self._params

    def _read_params(self) -> SweepParams:
        return SweepParams(
            self.start_spin.decimal_value(),
            self.step_spin.decimal_value(),
            self.count_spin.value(),
            (self.alpha_spin.decimal_value(), *self.comparison.alphas()),
        )

    def overlays(self) -> Overlays:
        """The overlay toggles as they stand."""
        return Overlays(
            derivative=self.derivative_action.isChecked(),
            relu=self.relu_action.isChecked(),
            identity=self.identity_action.isChecked(),
        )

    def _on_inputs_changed(self) -> None:
        try:
            params = self._read_params()
        except ParameterError as error:
            self._show_param_problem(str(error))
            return
        self._show_param_problem("")
        self._params = params
        self.model.set_params(params)
        self.plot.show_sweep(params, self.comparison.pinned(), self.overlays())
        self._update_alpha_note()
        self._evaluate_single()
        self._update_status()
        self._update_info()

    def _show_param_problem(self, problem: str) -> None:
        if not problem:
            problem = next((f"{n}: {s.problem()}" for n, s in self._spin_boxes() if s.problem()), "")
        self.param_message.setText(problem)
        self.param_message.setVisible(bool(problem))

    def _spin_boxes(self) -> Iterator[tuple[str, DecimalSpinBox]]:
        yield "start x", self.start_spin
        yield "step x", self.step_spin
        yield "alpha", self.alpha_spin

    def _update_alpha_note(self) -> None:
        alpha = self._params.alpha
        if alpha < 0:
            note = "Negative alpha is unusual: f then rises again for x < 0 instead of leaking downwards."
        elif alpha > 1:
            note = "alpha > 1 is unusual: the x <= 0 side is then steeper than the x > 0 side."
        else:
            note = ""
        self.alpha_note.setText(note)
        self.alpha_note.setVisible(bool(note))

    def _evaluate_single(self) -> None:
        text = self.single_edit.text()
        if not text.strip():
            self.single_result.setStyleSheet(_PLAIN_STYLE)
            self.single_result.setText("Type an x above to evaluate f(x) and f'(x).")
            self.plot.set_single_point(None, None)
            return
        alpha = self._params.alpha
        try:
            x = parse_decimal(text, "x")
            fx = leaky_relu(x, alpha)
            dfx = leaky_relu_derivative(x, alpha)
        except ParameterError as error:
            self.single_result.setStyleSheet(_ERROR_STYLE)
            self.single_result.setText(f"Cannot evaluate: {error.message}")
            self.plot.set_single_point(None, None)
            return
        shown = format_number(float(x))
        self.single_result.setStyleSheet(_PLAIN_STYLE)
        self.single_result.setText(
            f"f({shown}) = {format_number(fx)}      f'({shown}) = {format_number(dfx)}"
        )
        self.plot.set_single_point(float(x), fx)

    def _update_status(self) -> None:
        p = self._params
        crossing = p.zero_crossing_index()
        reach = "does not reach 0" if crossing is None else f"reaches 0 at i = {crossing:,}"
        self.statusBar().showMessage(
            f"{p.count:,} points, x from {format_number(p.x_first)} to {format_number(p.x_last)}, "
            f"{reach}; {alpha_name(p.alpha)}"
        )

    def _update_info(self) -> None:
        p = self._params
        crossing = p.zero_crossing_index()
        where = "none (the sweep stays on one side of 0)" if crossing is None else f"i = {crossing:,}"
        self.info.setText(
            f"x range: {format_number(min(p.x_first, p.x_last))} to {format_number(max(p.x_first, p.x_last))}"
            f" ({p.count:,} points)\nZero crossing: {where}"
        )
        shown = [(p.alpha, "current")] + [(q.alpha, "pinned") for q in self.comparison.pinned() if q.visible]
        table = self.info_table
        table.setRowCount(len(shown))
        for row, (alpha, role) in enumerate(shown):
            low, high = p.f_range(alpha)
            texts = (
                f"{alpha_name(alpha)} ({role})",
                f"[{format_number(low)}, {format_number(high)}]",
                f"{kaiming_gain(alpha):.6g}",
            )
            for column, text in enumerate(texts):
                item = table.item(row, column)
                if item is None:
                    item = QTableWidgetItem()
                    if column:
                        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                    table.setItem(row, column, item)
                if item.text() != text:
                    item.setText(text)

    def info_rows(self) -> list[list[str]]:
        """The info table's texts, row by row."""
        table = self.info_table
        return [[table.item(r, c).text() for c in range(3)] for r in range(table.rowCount())]

    def _show_readout(self, text: str) -> None:
        self.readout.setText(
            text or "Move the mouse over the plot to read x and f(x) of every visible curve."
        )

    # -- actions ---------------------------------------------------------------

    def _set_inputs(self, start: Decimal, step: Decimal, count: int, alpha: Decimal) -> None:
        for spin, value in (
            (self.start_spin, float(start)),
            (self.step_spin, float(step)),
            (self.count_spin, count),
            (self.alpha_spin, float(alpha)),
        ):
            spin.blockSignals(True)
            spin.setValue(value)
            spin.blockSignals(False)

    def set_alpha(self, alpha: Decimal) -> None:
        """Make ``alpha`` the current alpha (a preset action)."""
        self.alpha_spin.setValue(float(alpha))

    def pin_alpha(self, alpha: Decimal) -> bool:
        """Add ``alpha`` to the comparison (refused with a note if it is there already)."""
        return self.comparison.pin(alpha)

    def pin_current_alpha(self) -> bool:
        return self.pin_alpha(self._params.alpha)

    def reset_inputs(self) -> None:
        """Back to the defaults: -4, 0.05, 101, 0.01."""
        self._set_inputs(DEFAULT_START, DEFAULT_STEP, DEFAULT_COUNT, DEFAULT_ALPHA)
        self._on_inputs_changed()

    def selected_rows(self) -> list[int] | int:
        """The selected rows in order, or their number when above COPY_LIMIT."""
        spans = sorted((r.top(), r.bottom()) for r in self.table.selectionModel().selection())
        merged: list[list[int]] = []
        for top, bottom in spans:
            if merged and top <= merged[-1][1] + 1:
                merged[-1][1] = max(merged[-1][1], bottom)
            else:
                merged.append([top, bottom])
        total = sum(b - t + 1 for t, b in merged)
        if total > COPY_LIMIT:
            return total
        return [row for top, bottom in merged for row in range(top, bottom + 1)]

    def copy_selected_rows(self) -> None:
        """Ctrl+C in the table: the selected rows as CSV text with the header."""
        rows = self.selected_rows()
        if isinstance(rows, int):
            self.statusBar().showMessage(
                f"{rows:,} rows are selected; the clipboard takes at most {COPY_LIMIT:,}. "
                "Export a CSV file for more.",
                8000,
            )
            return
        if not rows:
            self.statusBar().showMessage("Select rows in the table to copy them.", 4000)
            return
        QGuiApplication.clipboard().setText(self.model.rows_as_csv(rows))
        self.statusBar().showMessage(f"Copied {len(rows):,} rows as CSV.", 4000)

    def show_about(self) -> None:
        from leaky_gui import __version__

        QMessageBox.about(
            self,
            "About Leaky ReLU Calculator",
            f"<h3>Leaky ReLU calculator {__version__}</h3>"
            "<p>f(x) = x if x &gt; 0, else alpha&middot;x.<br>"
            "f'(x) = 1 if x &gt; 0, else alpha &mdash; so f'(0) = alpha, as in PyTorch and "
            "TensorFlow; x = 0 belongs to the alpha branch.</p>"
            "<p>Every value is the double nearest the exact decimal result of the inputs as "
            "typed, shown in its shortest form.</p>"
            "<p>Offline; no data leaves this computer.</p>",
        )

    # -- export ----------------------------------------------------------------

    def export_params(self) -> SweepParams:
        """What Export CSV writes: the sweep with the current alpha, then the pinned ones if asked."""
        alphas = [self._params.alpha]
        if self.csv_pinned_action.isChecked():
            alphas += [a for a in self.comparison.alphas() if a not in alphas]
        return self._params.with_alphas(alphas)

    def _ask_save_path(
        self, caption: str, default_name: str, filters: str, suffixes: tuple[str, ...]
    ) -> Path | None:
        folder = self._export_folder()
        path, chosen = QFileDialog.getSaveFileName(self, caption, str(folder / default_name), filters)
        if not path:
            return None
        if not path.lower().endswith(suffixes):
            wanted = next((sfx for sfx in suffixes if sfx[1:] in chosen.lower()), suffixes[0])
            path += wanted
        try:
            target = check_output_path(path)
        except OutputPathError as error:
            QMessageBox.warning(self, "Cannot Export", f"{error.args[0].removeprefix('output: ')}.")
            return None
        if self._remember and self._settings is not None:
            self._settings.setValue("export/folder", str(target.parent))
        return target

    def _export_folder(self) -> Path:
        if self._remember and self._settings is not None:
            remembered = Path(str(self._settings.value("export/folder", "", type=str)))
            if str(remembered) not in ("", ".") and remembered.is_dir():
                return remembered
        return Path.home()

    def export_csv(self) -> None:
        """Ask for a file and write the sweep there on a worker thread, with progress and Cancel."""
        if self._export_job is not None:
            self.statusBar().showMessage("An export is already running.", 4000)
            return
        target = self._ask_save_path(
            "Export Sweep as CSV", DEFAULT_CSV_NAME, "CSV files (*.csv);;All files (*)", (".csv",)
        )
        if target is not None:
            self.start_csv_export(target)

    def export_running(self) -> bool:
        return self._export_job is not None

    def start_csv_export(self, target: Path) -> None:
        """Write the export CSV to ``target`` on a worker thread, with progress and Cancel."""
        params = self.export_params()
        job = CsvExportJob(target, params, self.csv_derivative_action.isChecked())
        progress = QProgressDialog(
            f"Writing {params.count:,} rows to {target.name}…", "Cancel", 0, params.count, self
        )
        progress.setObjectName("exportProgress")
        progress.setWindowTitle("Exporting CSV")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(PROGRESS_DELAY_MS)
        progress.setAutoReset(False)
        progress.setAutoClose(False)
        progress.setValue(0)
        progress.canceled.connect(job.cancel)
        job.progressed.connect(self._on_export_progress)
        job.succeeded.connect(self._on_export_succeeded)
        job.failed.connect(self._on_export_failed)
        job.cancelled.connect(self._on_export_cancelled)
        job.finished.connect(self._on_export_done)
        self._export_job, self._export_progress = job, progress
        self.export_csv_action.setEnabled(False)
        self.statusBar().showMessage(f"Exporting {params.count:,} rows to {target}…")
        job.start()

    def _on_export_progress(self, rows: int) -> None:
        progress = self._export_progress
        if progress is not None and not progress.wasCanceled():
            progress.setValue(rows)

    def _on_export_succeeded(self, rows: int, path: str) -> None:
        self.statusBar().showMessage(f"Exported {rows:,} rows to {path}")

    def _on_export_failed(self, reason: str) -> None:
        job = self._export_job
        where = job.path if job is not None else "the file"
        self.statusBar().showMessage(f"Export failed: {reason}")
        QMessageBox.critical(
            self,
            "Export Failed",
            f"Could not write {where}:\n{reason}\n\nNo file was changed.",
        )

    def _on_export_cancelled(self) -> None:
        self.statusBar().showMessage("Export cancelled; no file was written or changed.", 8000)

    def _on_export_done(self) -> None:
        job, progress = self._export_job, self._export_progress
        self._export_job = self._export_progress = None
        if progress is not None:
            progress.reset()
            progress.hide()
            progress.deleteLater()
        if job is not None:
            job.wait()  # finished has been emitted: returns at once
            job.deleteLater()
        self.export_csv_action.setEnabled(True)

    def export_plot(self) -> None:
        """Save the plot with its legend as PNG (twice the on-screen size) or SVG."""
        target = self._ask_save_path(
            "Export Plot Image", DEFAULT_PLOT_NAME, "PNG image (*.png);;SVG image (*.svg)", (".png", ".svg")
        )
        if target is None:
            return
        try:
            write_plot_image(self.plot, target)
        except (OSError, OutputPathError) as error:
            reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
            QMessageBox.critical(
                self, "Export Failed", f"Could not write {target}:\n{reason}\n\nNo file was changed."
            )
            return
        self.statusBar().showMessage(f"Saved the plot to {target}", 8000)

    def copy_plot_image(self) -> None:
        QGuiApplication.clipboard().setImage(self.plot.grab().toImage())
        self.statusBar().showMessage("Copied the plot image.", 4000)

    # -- settings --------------------------------------------------------------

    def _restore_settings(self) -> None:
        s = self._settings
        values = []
        for key, default in (("start", DEFAULT_START), ("step", DEFAULT_STEP), ("alpha", DEFAULT_ALPHA)):
            try:
                values.append(parse_decimal(str(s.value(f"inputs/{key}", str(default), type=str))))
            except (ParameterError, TypeError):
                values.append(default)
        try:
            count = int(s.value("inputs/count", DEFAULT_COUNT, type=int))
        except (TypeError, ValueError):
            count = DEFAULT_COUNT
        start, step, alpha = values
        try:
            if not 1 <= count <= MAX_GUI_COUNT:
                raise ParameterError("count", "out of range")
            SweepParams(start, step, count, (alpha,))  # validates the combination
        except ParameterError:
            start, step, count, alpha = DEFAULT_START, DEFAULT_STEP, DEFAULT_COUNT, DEFAULT_ALPHA
        self._set_inputs(start, step, count, alpha)
        self.single_edit.blockSignals(True)  # evaluated once, with everything else, below
        self.single_edit.setText(str(s.value("inputs/singleX", "", type=str)))
        self.single_edit.blockSignals(False)
        self.comparison.set_pinned(_read_pinned(s))
        for key, action in self._toggle_keys():
            action.setChecked(_read_bool(s, key, action.isChecked()))
        geometry = s.value("window/geometry", QByteArray(), type=QByteArray)
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        for key, splitter in self._splitter_keys():
            state = s.value(key, QByteArray(), type=QByteArray)
            if isinstance(state, QByteArray) and not state.isEmpty():
                splitter.restoreState(state)

    def save_settings(self) -> None:
        if not self._remember or self._settings is None:
            return
        s = self._settings
        p = self._params
        s.setValue("inputs/start", str(p.start))
        s.setValue("inputs/step", str(p.step))
        s.setValue("inputs/count", p.count)
        s.setValue("inputs/alpha", str(p.alpha))
        s.setValue("inputs/singleX", self.single_edit.text())
        pinned = self.comparison.pinned()
        s.setValue("compare/alphas", [str(q.alpha) for q in pinned])
        s.setValue("compare/visible", ["1" if q.visible else "0" for q in pinned])
        for key, action in self._toggle_keys():
            s.setValue(key, action.isChecked())
        s.setValue("window/geometry", self.saveGeometry())
        for key, splitter in self._splitter_keys():
            s.setValue(key, splitter.saveState())
        s.sync()

    def _toggle_keys(self) -> tuple[tuple[str, QAction], ...]:
        return (
            ("view/derivative", self.derivative_action),
            ("view/relu", self.relu_action),
            ("view/identity", self.identity_action),
            ("export/derivative", self.csv_derivative_action),
            ("export/pinned", self.csv_pinned_action),
        )

    def _splitter_keys(self) -> tuple[tuple[str, QSplitter], ...]:
        return (
            ("window/splitter", self.splitter),
            ("window/leftSplitter", self.left_splitter),
            ("window/rightSplitter", self.right_splitter),
        )

    def closeEvent(self, event) -> None:
        job = self._export_job
        if job is not None:  # stop the export and let it remove its temporary file
            job.cancel()
            job.wait()
        self.save_settings()
        super().closeEvent(event)


def _splitter(
    orientation: Qt.Orientation, name: str, widgets: tuple[QWidget, ...], grows: int, sizes: list[int]
) -> QSplitter:
    """A named splitter whose ``grows``-th pane takes the extra room; panes never collapse."""
    splitter = QSplitter(orientation)
    splitter.setObjectName(name)
    for widget in widgets:
        splitter.addWidget(widget)
    splitter.setStretchFactor(grows, 1)
    if sizes:
        splitter.setSizes(sizes)
    splitter.setChildrenCollapsible(False)
    return splitter


def _read_bool(settings: QSettings, key: str, default: bool) -> bool:
    """A remembered toggle; anything unreadable gives the default."""
    if not settings.contains(key):
        return default
    value = settings.value(key, default)
    if isinstance(value, bool):
        return value
    if str(value).lower() in ("true", "1"):
        return True
    if str(value).lower() in ("false", "0"):
        return False
    return default


def _read_pinned(settings: QSettings) -> list[PinnedAlpha]:
    """Remembered pinned alphas; unreadable entries are skipped, duplicates dropped."""
    try:
        alphas = [str(a) for a in settings.value("compare/alphas", [], type=list)]
        visible = [str(v) for v in settings.value("compare/visible", [], type=list)]
    except (TypeError, ValueError):
        return []
    pinned: list[PinnedAlpha] = []
    for n, text in enumerate(a for a in alphas if a.strip()):
        try:
            alpha = parse_decimal(text, "alpha")
        except ParameterError:
            continue
        if abs(alpha) > 100 or any(p.alpha == alpha for p in pinned) or len(pinned) >= MAX_PINNED:
            continue
        shown = visible[n] != "0" if n < len(visible) else True
        pinned.append(PinnedAlpha(alpha, len(pinned), shown))
    return pinned
