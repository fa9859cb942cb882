"""The main window: composes the panels, the table, the plot and the menus; one ``refresh()``.

Nothing becomes an input unless the whole sweep is possible with it: the boxes, presets,
resets and the precision ask ``sweep_problem`` (the one judge, in leaky_gui.calc.sweep)
through ``_judge_inputs``, which adds the pinned alphas, and pinning asks it through
``pin_alpha``. So the sweep on show is always exactly the values in the boxes.

Data flows one way. Any input, pin or toggle change calls ``refresh()``, which builds one
SweepParams from the inputs and the pinned alphas (or, with your own x values on show, one
Values: both an XSource) and hands it to every view; the panels never talk to each other,
and nothing here computes a number. The menus and toolbar are built in ``menus.py``.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, QSettings, Qt, qWarning
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QBoxLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from leaky_gui.calc.alphas import alpha_name
from leaky_gui.calc.precision import PRECISION_LABELS
from leaky_gui.calc.source import XSource
from leaky_gui.calc.sweep import (
    DEFAULT_ALPHA,
    DEFAULT_COUNT,
    DEFAULT_START,
    DEFAULT_STEP,
    ParameterError,
    SweepParams,
    decimal_label,
    sweep_problem,
)
from leaky_gui.calc.values import Values, ValuesStatistics
from leaky_gui.gui.alpha_slider import AlphaSlider
from leaky_gui.gui.comparison import ComparisonPanel
from leaky_gui.gui.export_controller import ExportController
from leaky_gui.gui.info_panel import InfoPanel
from leaky_gui.gui.inputs_panel import InputsPanel
from leaky_gui.gui.menus import build_menus
from leaky_gui.gui.plot import Overlays, SweepPlot
from leaky_gui.gui.single_x_panel import SingleXPanel
from leaky_gui.gui.spinbox import DecimalSpinBox
from leaky_gui.gui.state import WindowState, load_state, pins_the_sweep_takes, save_state
from leaky_gui.gui.table_model import SweepTableModel
from leaky_gui.gui.table_view import SweepTableView
from leaky_gui.gui.theme import Scheme, ThemeController
from leaky_gui.gui.values_loader import ValuesController
from leaky_gui.gui.widgets import WindowShortcutsFirst, set_message_scheme, splitter

#: Up to this many values the info panel's statistics are worked out at once (a few ms;
#: 0.1 s for decimals of 25 places), above on a worker thread.
INSTANT_STATISTICS = 20_000
READOUT_PROMPT = "Move the mouse over the plot to read x and f(x) of every visible curve."
ABOUT = (
    "<h3>Leaky ReLU calculator {version}</h3>"
    "<p>f(x) = x if x &gt; 0, else alpha&middot;x.<br>"
    "f'(x) = 1 if x &gt; 0, else alpha &mdash; so f'(0) = alpha, as in PyTorch and "
    "TensorFlow; x = 0 belongs to the alpha branch.</p>"
    "<p>Every value is the double nearest the exact decimal result of the inputs as "
    "typed, shown in its shortest form.</p>"
    "<p>Offline; no data leaves this computer.</p>"
)


class MainWindow(QMainWindow):
    """The calculator window. ``remember=False`` neither reads nor writes settings."""

    def __init__(
        self, settings: QSettings | None = None, *, remember: bool = True, fresh: bool = False
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle("Leaky ReLU calculator")
        self._settings = (settings if settings is not None else QSettings()) if remember else None
        self._source: XSource = SweepParams()
        self._held = 0  # refresh() waits while > 0 (restoring: many changes, one refresh)

        self.inputs = InputsPanel()
        self.slider = AlphaSlider()
        self.single = SingleXPanel()
        self.model = SweepTableModel(self._source, self)
        self.table = SweepTableView(self.model)
        self.plot = SweepPlot()
        self.readout = QLabel(READOUT_PROMPT)
        self.readout.setObjectName("crosshairReadout")
        self.readout.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.readout.setToolTip(
            "Values at the crosshair: x rounded to the view's resolution, f(x) exact there"
        )
        self.comparison = ComparisonPanel()
        self.info = InfoPanel()
        self.exports = ExportController(self)
        self.values_reader = ValuesController(self)
        #: Your own x values on show instead of the sweep (as read: alphas and precision
        #: come from the inputs at each refresh), or None for the sweep.
        self._values: Values | None = None
        self._values_origin = ""  # the file they came from ('' when pasted)
        self.theme = ThemeController(self)
        self._lay_out()
        self._actions = build_menus(self, self)
        self.shortcuts = WindowShortcutsFirst(self)
        fields = [*self.findChildren(QAbstractSpinBox), *self.findChildren(QLineEdit)]
        self.shortcuts.claim(self.findChildren(QAction), fields)

        self.inputs.judge = self._judge_inputs
        self.inputs.sweepEdited.connect(self._on_sweep_edited)  # before edited: back to the sweep first
        self.inputs.edited.connect(self.refresh)
        self.values_reader.loaded.connect(self.show_values)
        self.values_reader.message.connect(self.statusBar().showMessage)
        self.values_reader.quiet_failure.connect(
            lambda reason: self.inputs.source_note_once(
                f"Your x values last time could not be read again ({reason}); showing the sweep."
            )
        )
        self.setAcceptDrops(True)
        self.slider.positionChosen.connect(self._on_slider_chosen)
        # Typing in any box, or stepping a spin box (arrows, Page keys, wheel), stops Play
        # before the change: what the user does wins over the next tick.
        for edit in self.findChildren(QLineEdit):
            edit.textEdited.connect(lambda *_: self.slider.stop())
        for spin in self.findChildren(DecimalSpinBox):
            spin.stepped.connect(self.slider.stop)
        self.comparison.changed.connect(self.refresh)
        self.single.pointChanged.connect(self.plot.set_single_point)
        self.plot.readoutChanged.connect(lambda text: self.readout.setText(text or READOUT_PROMPT))
        for source in (self.table, self.exports):
            source.message.connect(self.statusBar().showMessage)
        self.exports.running_changed.connect(lambda running: self._actions.export_csv.setEnabled(not running))
        self.statusBar().setObjectName("statusBar")
        self.theme.changed.connect(self._show_scheme)
        self._show_scheme(self.theme.scheme)
        self.resize(1180, 760)

        if self._settings is not None and not fresh:
            self.apply_state(load_state(self._settings))
        else:
            self.refresh()

    def _lay_out(self) -> None:
        controls = _pane(QVBoxLayout, (self.inputs, 0), (self.slider, 0), (self.single, 0))
        plot_box = _pane(QVBoxLayout, (self.plot, 1), (self.readout, 0))
        bottom = _pane(QHBoxLayout, (self.comparison, 2), (self.info, 3))

        vertical, horizontal = Qt.Orientation.Vertical, Qt.Orientation.Horizontal
        self.right_splitter = splitter(vertical, "rightSplitter", (plot_box, bottom), 0, [560, 200])
        self.left_splitter = splitter(vertical, "leftSplitter", (controls, self.table), 1, [])
        self.splitter = splitter(
            horizontal, "mainSplitter", (self.left_splitter, self.right_splitter), 1, [470, 710]
        )
        self.setCentralWidget(self.splitter)
        order = (
            *self.inputs.boxes(),
            self.inputs.dtype,
            self.slider.slider,
            self.slider.play_button,
            self.single.edit,
            self.table,
            self.plot,
            *self.comparison.controls(),
        )
        for before, after in itertools.pairwise(order):
            self.setTabOrder(before, after)

    # -- the one update path ---------------------------------------------------

    @property
    def source(self) -> XSource:
        """The sweep on show (the last valid inputs)."""
        return self._source

    def overlays(self) -> Overlays:
        """The overlay toggles as they stand."""
        return Overlays(
            *(a.isChecked() for a in (self._actions.derivative, self._actions.relu, self._actions.identity))
        )

    def _show_scheme(self, scheme: Scheme) -> None:
        """Draw the plot, swatches, table highlight and messages in ``scheme`` (light or dark)."""
        self.plot.set_scheme(scheme)
        self.comparison.set_scheme(scheme)
        self.model.set_crossing_colour(scheme.table_crossing)
        set_message_scheme(scheme, self)
        if self._values is not None:  # the greyed boxes' grey is the palette's: take the new one
            self.inputs.set_sweep_in_use(False, self.inputs.source_note.text())

    def changeEvent(self, event: QEvent) -> None:
        # Older platforms (and a palette set by hand) say the desktop's theme changed only
        # through the palette (ApplicationPaletteChange, which reaches the window as its
        # own PaletteChange); newer ones also emit QStyleHints.colorSchemeChanged. Not
        # event(): a Python override there would see every event the window gets.
        if event.type() == QEvent.Type.PaletteChange:
            self.theme.desktop_changed()
        super().changeEvent(event)

    def refresh(self) -> None:
        """Inputs and pinned alphas → one SweepParams → every view."""
        if self._held:
            return  # _one_refresh refreshes once at its end
        start, step, count, alpha = self.inputs.values()
        pinned = self.comparison.pinned()
        alphas = (alpha, *(p.alpha for p in pinned))
        precision = self.inputs.precision()
        try:
            if self._values is None:
                source: XSource = SweepParams(start, step, count, alphas, precision)
                values = None
            else:
                source = values = self._values.with_alphas(alphas).with_precision(precision)
        except ParameterError as error:  # the judge let something through: a bug, said loudly
            qWarning(f"leaky-gui: inputs that make no sweep were accepted: {error}")
            return
        self._source = source
        self.model.set_source(source)
        self.plot.show_source(source, pinned, self.overlays())
        self.inputs.show_source(source)
        self.single.show_source(source)
        self.info.show_source(source, pinned)
        self.slider.follow(source.alpha)
        self.statusBar().showMessage(
            f"{PRECISION_LABELS[source.precision]}: {source.description()}; {alpha_name(source.alpha)}"
        )
        if values is not None:  # your values' statistics, at once or from a worker thread
            self._ask_statistics(values)
        # What refused a box's text (a pinned alpha, another box) may be gone now.
        self.inputs.rejudge()

    @contextmanager
    def _one_refresh(self) -> Iterator[None]:
        """Make many changes (restoring settings) with one refresh at the end."""
        self._held += 1
        try:
            yield
        finally:
            self._held -= 1
        if not self._held:
            self.refresh()

    # -- the one judge -----------------------------------------------------------

    def _judge_inputs(self, start: Decimal, step: Decimal, count: int, alpha: Decimal, precision: str) -> str:
        """Why these inputs make no sweep with the pinned alphas, or '' (asked by the inputs panel).

        With your values on show, alpha and precision must suit them too (a typed x of
        -1e306 takes no alpha of 1000); the sweep must stay possible, for Back to Sweep.
        """
        pinned = self.comparison.alphas()
        return sweep_problem(start, step, count, alpha, pinned, precision) or self._values_problem(
            (alpha, *pinned), precision
        )

    def _values_problem(self, alphas: tuple[Decimal, ...], precision: str) -> str:
        """Why the values on show take not these alphas and precision, or ''."""
        if self._values is None:
            return ""
        try:
            self._values.with_alphas(alphas).with_precision(precision)
        except ParameterError as error:
            return f"{error.message}, for {self._values.name}"
        return ""

    # -- what the actions do ---------------------------------------------------

    def pin_alpha(self, alpha: Decimal) -> bool:
        """Add ``alpha`` to the comparison; refused with a note if pinned already or impossible."""
        start, step, count, current = self.inputs.values()
        pinned = (*self.comparison.alphas(), alpha)
        problem = sweep_problem(start, step, count, current, pinned, self.inputs.precision())
        problem = problem or self._values_problem((current, *pinned), self.inputs.precision())
        if problem:  # the sweep with this alpha alone says best why
            reason = sweep_problem(start, step, count, alpha, (), self.inputs.precision()) or problem
            self.comparison.refuse(f"Cannot pin alpha = {decimal_label(alpha)}: {reason}.")
            return False
        return self.comparison.pin(alpha)

    def _on_slider_chosen(self, alpha: Decimal) -> None:
        """The slider (or Play) chose ``alpha``: into the Alpha box as if typed, if the judge takes it."""
        if not self.inputs.set_alpha(alpha):  # the box stays; the message says why
            self.slider.stop()
            self.slider.follow(self._source.alpha)

    def fit_negative_branch(self) -> None:
        """Fit the view to the x <= 0 side (View > Fit Negative Branch), or say there is none."""
        if not self.plot.fit_negative_branch():
            self.statusBar().showMessage(
                "Fit Negative Branch: the sweep has no x <= 0, so there is no negative branch to show; "
                "the view is left as it was"
            )

    def reset_inputs(self) -> None:
        """Back to the defaults: -4, 0.05, 101, 0.01 (refused with a message if a pinned alpha forbids it)."""
        problem = self.inputs.set_values(DEFAULT_START, DEFAULT_STEP, DEFAULT_COUNT, DEFAULT_ALPHA)
        if problem:
            self.inputs.refuse(f"Cannot reset to the defaults: {problem}")
            return
        self.refresh()

    # -- your own values ------------------------------------------------------------

    @property
    def values(self) -> Values | None:
        """Your own x values on show, or None when the sweep is."""
        return self._values

    def show_values(self, values: Values, origin: str = "") -> None:
        """Show ``values`` instead of the sweep (a read finished); refused with a message if
        the alphas on show cannot take them (alpha times an x beyond the doubles)."""
        problem = ""
        try:
            values.with_alphas((self.inputs.values()[3], *self.comparison.alphas())).with_precision(
                self.inputs.precision()
            )
        except ParameterError as error:
            problem = error.message
        if problem:
            self.statusBar().showMessage(f"Cannot show {values.name}: {problem}; the data on show stay.")
            QMessageBox.warning(
                self,
                "Cannot Show x Values",
                f"{values.name}: {problem}.\n\nThe data on show stay as they were.",
            )
            return
        self._set_source(values, origin)
        self.refresh()

    def back_to_sweep(self) -> None:
        """View > Back to Sweep (typing in a sweep box does the same)."""
        if self._values is not None:
            self._set_source(None)
            self.refresh()

    def paste_values(self) -> None:
        """Edit > Paste x Values: the clipboard's text as values."""
        self.values_reader.paste(QGuiApplication.clipboard().text())

    def _on_sweep_edited(self) -> None:
        # Typing in start, step or count means the sweep: back to it, before the refresh.
        if self._values is not None:
            self._set_source(None)

    def _set_source(self, values: Values | None, origin: str = "") -> None:
        """Your values (from ``origin``, a file, or '' when pasted) or None for the sweep; then
        the title, the sweep boxes' look and Back to Sweep to match."""
        self._values, self._values_origin = values, origin
        self._actions.back_to_sweep.setEnabled(values is not None)
        self.inputs.set_sweep_in_use(
            values is None,
            ""
            if values is None
            else f"Showing {values.name}. Typing in start, step or count, or "
            "View > Back to Sweep, returns to the sweep.",
        )
        self.info.setTitle("Sweep info" if values is None else "Values info")
        self.setWindowTitle(
            "Leaky ReLU calculator" if values is None else f"{values.name} \N{EN DASH} Leaky ReLU calculator"
        )
        self.info.show_statistics(None)

    def _ask_statistics(self, values: Values) -> None:
        """The info panel's statistics: at once for a few values, else from a worker thread."""
        if values.count <= INSTANT_STATISTICS:
            try:
                self.info.show_statistics(values.statistics(), values.alphas)
            except Exception as error:  # never out of a refresh: say it where the figures go
                self.info.show_statistics(None, failure=f"{type(error).__name__}: {error}")
            return
        self.info.show_statistics(None, pending=True)
        self.values_reader.statistics(values, self._on_statistics, self._on_statistics_failed)

    def _on_statistics(self, values: Values, stats: ValuesStatistics) -> None:
        if values == self._source:  # not an answer about data or alphas no longer on show
            self.plot.show_histogram(values)
            self.info.show_statistics(stats, values.alphas)

    def _on_statistics_failed(self, values: Values, reason: str) -> None:
        if values == self._source:
            self.info.show_statistics(None, failure=reason)

    def dragEnterEvent(self, event) -> None:
        if _dropped_file(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        path = _dropped_file(event.mimeData())
        if path is not None:
            event.acceptProposedAction()
            self.values_reader.open(path)

    def export_source(self) -> XSource:
        """What Export CSV writes: the sweep with the current alpha, then the pinned ones if asked."""
        alphas = [self._source.alpha]
        if self._actions.csv_pinned.isChecked():
            alphas += [a for a in self.comparison.alphas() if a not in alphas]
        return self._source.with_alphas(alphas)

    def export_csv(self, target: Path | None = None) -> None:
        """Write the sweep as CSV on a worker thread; ask for the file unless given ``target``."""
        options = self._actions.csv_derivative.isChecked(), self._actions.decimal_comma.isChecked()
        if target is None:
            self.exports.export_csv(self.export_source(), *options)
        else:
            self.exports.start_csv(target, self.export_source(), *options)

    def show_about(self) -> None:
        from leaky_gui import __version__

        QMessageBox.about(self, "About Leaky ReLU Calculator", ABOUT.format(version=__version__))

    # -- remembered state ------------------------------------------------------

    def _toggles(self) -> dict[str, QAction]:
        return {
            "show_derivative": self._actions.derivative,
            "show_relu": self._actions.relu,
            "show_identity": self._actions.identity,
            "show_legend": self._actions.legend,
            "csv_derivative": self._actions.csv_derivative,
            "csv_pinned": self._actions.csv_pinned,
            "decimal_comma": self._actions.decimal_comma,
            "images_as_shown": self._actions.images_as_shown,
        }

    def _splitters(self) -> dict[str, QSplitter]:
        return {
            "main_splitter": self.splitter,
            "left_splitter": self.left_splitter,
            "right_splitter": self.right_splitter,
        }

    def apply_state(self, state: WindowState) -> None:
        """Show a remembered state: inputs, single x, pinned alphas, toggles, geometry; one refresh.

        The state is judged like typing: inputs that make no sweep give the defaults, and a
        pinned alpha that the sweep cannot take is left out.
        """
        with self._one_refresh():
            self.comparison.set_pinned(())
            if self.inputs.set_values(state.start, state.step, state.count, state.alpha):
                self.inputs.set_values(DEFAULT_START, DEFAULT_STEP, DEFAULT_COUNT, DEFAULT_ALPHA)
            self.inputs.set_precision(state.precision)  # a refused one leaves the current precision
            pinned = pins_the_sweep_takes(*self.inputs.values(), self.inputs.precision(), state.pinned)
            self.comparison.set_pinned(pinned)
            self.single.set_text(state.single_x)
            for name, action in self._toggles().items():
                action.setChecked(getattr(state, name))
            self.exports.folder = state.export_folder
            self.values_reader.folder = state.values_folder
            self.theme.set_choice(state.theme)
            self._actions.themes[state.theme].setChecked(True)
            self.slider.set_scale(state.slider_scale, state.slider_range)
            if state.geometry:
                self.restoreGeometry(QByteArray(state.geometry))
            for name, panes in self._splitters().items():
                if getattr(state, name):
                    panes.restoreState(QByteArray(getattr(state, name)))
        self._restore_values(state.values_file)

    def _restore_values(self, path: str) -> None:
        """Read the values last on show again; a file that has gone leaves the sweep, with a note."""
        if not path:
            return
        if Path(path).is_file():
            self.values_reader.open(Path(path), quiet=True)
        else:
            self.inputs.source_note_once(
                f"{Path(path).name} (your x values last time) has moved or gone; showing the sweep."
            )

    def state(self) -> WindowState:
        """What to remember of the window as it stands (the sweep's boxes even while your values show)."""
        start, step, count, alpha = self.inputs.values()
        return WindowState(
            start=start,
            step=step,
            count=count,
            alpha=alpha,
            precision=self.inputs.precision(),
            single_x=self.single.text(),
            pinned=self.comparison.pinned(),
            export_folder=self.exports.folder,
            values_file=self._values_origin,
            values_folder=self.values_reader.folder,
            theme=self.theme.choice,
            slider_scale=self.slider.scale(),
            slider_range=self.slider.top(),
            geometry=bytes(self.saveGeometry().data()),
            **{name: action.isChecked() for name, action in self._toggles().items()},
            **{name: bytes(s.saveState().data()) for name, s in self._splitters().items()},
        )

    def save_settings(self) -> None:
        if self._settings is not None:
            save_state(self._settings, self.state())

    def closeEvent(self, event) -> None:
        self.slider.stop()
        self.exports.cancel_and_wait()  # the export removes its temporary file
        self.values_reader.cancel_and_wait()
        self.save_settings()
        super().closeEvent(event)


def _pane(layout: type[QBoxLayout], *parts: tuple[QWidget, int]) -> QWidget:
    """A plain widget holding ``parts`` (widget, stretch) in a row or column, without margins."""
    pane = QWidget()
    box = layout(pane)
    box.setContentsMargins(0, 0, 0, 0)
    for widget, stretch in parts:
        box.addWidget(widget, stretch)
    return pane


def _dropped_file(mime) -> Path | None:
    """The first local file a drag carries, or None."""
    for url in mime.urls() if mime.hasUrls() else ():
        if url.isLocalFile():
            return Path(url.toLocalFile())
    return None
