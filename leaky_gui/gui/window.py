"""The main window: composes the panels, the table, the plot and the menus; one ``refresh()``.

Nothing becomes an input unless the whole sweep is possible with it: the inputs model
(leaky_gui.calc.inputs) judges every keystroke, preset, reset, precision, pin and your
values once, against everything that can refuse them, and holds the source of x on show.
So the sweep on show is always exactly the values in the boxes.

Data flows one way. The panels forward what is done to the model; any change calls
``refresh()``, which hands the model's source (a SweepParams, or with your own x values
on show a Values: both an XSource) to every view, never asking which it is; the panels never talk to each other,
and nothing here computes a number. The menus and toolbar are built in ``menus.py``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSettings, Qt, qWarning
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QWidget,
)

from leaky_gui.calc.source import XSource
from leaky_gui.calc.sweep import (
    DEFAULT_ALPHA,
    DEFAULT_COUNT,
    DEFAULT_START,
    DEFAULT_STEP,
    decimal_label,
)
from leaky_gui.calc.values import Values
from leaky_gui.gui import window_texts as words
from leaky_gui.gui.alpha_slider import AlphaSlider
from leaky_gui.gui.comparison import ComparisonPanel
from leaky_gui.gui.export_controller import ExportController
from leaky_gui.gui.info_panel import InfoPanel
from leaky_gui.gui.inputs_panel import InputsPanel, inputs_model
from leaky_gui.gui.memory import Memory
from leaky_gui.gui.menus import build_menus
from leaky_gui.gui.panes import lay_out, layer_dock
from leaky_gui.gui.plot import Overlays, SweepPlot
from leaky_gui.gui.single_x_panel import SingleXPanel
from leaky_gui.gui.spinbox import DecimalSpinBox
from leaky_gui.gui.state import LAYER_OPEN_KEY, WindowState, layer_view_was_open, load_state, save_state
from leaky_gui.gui.statistics_feed import StatisticsFeed
from leaky_gui.gui.table_model import SweepTableModel
from leaky_gui.gui.table_view import SweepTableView
from leaky_gui.gui.theme import Scheme, ThemeController
from leaky_gui.gui.values_loader import ValuesController
from leaky_gui.gui.widgets import WindowShortcutsFirst, set_message_scheme

if TYPE_CHECKING:
    from leaky_gui.gui.layer_view import LayerView


class MainWindow(QMainWindow):
    """The calculator window. ``remember=False`` neither reads nor writes settings."""

    def __init__(
        self, settings: QSettings | None = None, *, remember: bool = True, fresh: bool = False
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle(words.window_title())
        self._settings = (settings if settings is not None else QSettings()) if remember else None
        self._held = 0  # refresh() waits while > 0 (restoring: many changes, one refresh)

        self.inputs_model = inputs_model()
        self._source: XSource = self.inputs_model.source
        self.inputs = InputsPanel(self.inputs_model)
        self.slider = AlphaSlider()
        self.single = SingleXPanel()
        self.model = SweepTableModel(self._source, self)
        self.table = SweepTableView(self.model)
        self.plot = SweepPlot()
        self.readout = QLabel(words.readout_prompt())
        self.readout.setObjectName("crosshairReadout")
        self.readout.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.readout.setToolTip(words.readout_tip())
        self.comparison = ComparisonPanel()
        self.info = InfoPanel()
        self._layer_view: LayerView | None = None  # built when first opened (see layer_view)
        self._restore_layer = self._settings is not None and not fresh
        self.exports = ExportController(self)
        self.values_reader = ValuesController(self)
        self.statistics = StatisticsFeed(self.info, self.plot, self.values_reader, lambda: self._source)
        self._values_look: Values | None = None  # the values the title and greyed boxes speak of
        self.theme = ThemeController(self)
        self.splitters = lay_out(
            self, (self.inputs, self.slider, self.single), self.table, self.plot, self.readout, self.comparison,
            self.info,
        )  # fmt: skip
        self.layer_dock = layer_dock(self)
        self.layer_dock.visibilityChanged.connect(lambda shown: shown and self.layer_view)
        self._actions = build_menus(self, self, self._settings)
        self.memory = Memory(
            self, self.inputs_model, self.inputs, self.comparison, self.single, self.slider, self.exports,
            self.values_reader, self.theme, self._actions.themes, self._actions.toggles(), self.splitters,
        )  # fmt: skip
        self.shortcuts = WindowShortcutsFirst(self)
        fields = [*self.findChildren(QAbstractSpinBox), *self.findChildren(QLineEdit)]
        self.shortcuts.claim(self.findChildren(QAction), fields)

        self.inputs.edited.connect(self.refresh)
        self.values_reader.loaded.connect(self.show_values)
        self.values_reader.message.connect(self.statusBar().showMessage)
        self.values_reader.quiet_failure.connect(
            lambda reason: self.inputs.source_note_once(words.values_not_read_again(reason))
        )
        self.setAcceptDrops(True)
        self.slider.positionChosen.connect(self._on_slider_chosen)
        # Typing in any box, or stepping a spin box (arrows, Page keys, wheel), stops Play
        # before the change: what the user does wins over the next tick.
        for edit in self.findChildren(QLineEdit):
            edit.textEdited.connect(lambda *_: self.slider.stop())
        for spin in self.findChildren(DecimalSpinBox):
            spin.stepped.connect(self.slider.stop)
        self.comparison.changed.connect(self._on_pinned_changed)
        self.single.pointChanged.connect(self.plot.set_single_point)
        self.plot.readoutChanged.connect(lambda text: self.readout.setText(text or words.readout_prompt()))
        for source in (self.table, self.exports):
            source.message.connect(self.statusBar().showMessage)
        self.exports.running_changed.connect(lambda running: self._actions.export_csv.setEnabled(not running))
        self.statusBar().setObjectName("statusBar")
        self.theme.changed.connect(self._show_scheme)
        self._show_scheme(self.theme.scheme)
        self.resize(1180, 760)

        if self._settings is not None and not fresh:
            if layer_view_was_open(self._settings):
                self.layer_view  # noqa: B018 (built: its imports only when it shows)
                self.layer_dock.show()
            self.apply_state(load_state(self._settings))
        else:
            self.refresh()

    # -- the one update path ---------------------------------------------------

    @property
    def source(self) -> XSource:
        """The source of x on show: the sweep of the boxes, or your values (as shown)."""
        return self._source

    def overlays(self) -> Overlays:
        """The overlay toggles as they stand."""
        return self._actions.overlays()

    def _show_scheme(self, scheme: Scheme) -> None:
        """Draw the plot, swatches, table highlight and messages in ``scheme`` (light or dark)."""
        self.plot.set_scheme(scheme)
        self.comparison.set_scheme(scheme)
        if self._layer_view is not None:
            self._layer_view.set_scheme(scheme)
        self.model.set_crossing_colour(scheme.table_crossing)
        set_message_scheme(scheme, self)
        if self._values_look is not None:  # the greyed boxes' grey is the palette's: take the new one
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
        """The inputs model's source of x → every view."""
        if self._held:
            return  # _one_refresh refreshes once at its end
        if self.inputs_model.values is not self._values_look:  # typing went back to the sweep
            self._show_source_kind(self.inputs_model.values)
        source = self._source = self.inputs_model.source
        pinned = self.comparison.pinned()
        self.model.set_source(source)
        self.plot.show_source(source, pinned, self.overlays())
        self.inputs.show_source(source)
        self.single.show_source(source)
        self.info.show_source(source, pinned)
        if self._layer_view is not None:
            self._layer_view.show_alphas(self._layer_alphas())
        self.slider.follow(source.alpha)
        self.statusBar().showMessage(words.status_line(source))
        self.statistics.ask(source)  # none for a sweep

    def _layer_alphas(self) -> tuple[tuple[Decimal, int | None], ...]:
        """The alphas on show for the Layer view: the current one (slot None), then the pinned."""
        source = self._source
        return ((source.alpha, None), *((p.alpha, p.slot) for p in self.comparison.pinned()))

    @property
    def layer_view(self) -> LayerView:
        """The Layer view, built (and set in its dock) when first asked for: View > Layer Statistics."""
        if self._layer_view is None:
            from leaky_gui.gui.layer_view import LayerView, restore_layer_view

            view = self._layer_view = LayerView()
            view.message.connect(self.statusBar().showMessage)
            view.decimal_comma = self._actions.decimal_comma.isChecked()
            self._actions.decimal_comma.toggled.connect(lambda on: setattr(view, "decimal_comma", on))
            if self._restore_layer:
                assert self._settings is not None
                restore_layer_view(self._settings, view)
            view.set_scheme(self.theme.scheme)
            view.show_alphas(self._layer_alphas())
            self.layer_dock.setWidget(view)
            edits = view.findChildren(QLineEdit)
            self.shortcuts.claim(self.findChildren(QAction), list[QWidget](edits))
            for edit in edits:
                edit.textEdited.connect(lambda *_: self.slider.stop())
        return self._layer_view

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

    # -- what the actions do ---------------------------------------------------

    def pin_alpha(self, alpha: Decimal) -> bool:
        """Add ``alpha`` to the comparison; refused with a note if pinned already or impossible."""
        if problem := self.inputs_model.pin_problem(alpha):
            self.comparison.refuse(words.cannot_pin(decimal_label(alpha), problem))
            return False
        return self.comparison.pin(alpha)

    def _on_pinned_changed(self) -> None:
        if problem := self.inputs_model.set_pinned(self.comparison.alphas()):  # pin_alpha judged them
            qWarning(f"leaky-gui: pinned alphas that make no sweep were accepted: {problem}")
        self.refresh()

    def _on_slider_chosen(self, alpha: Decimal) -> None:
        """The slider (or Play) chose ``alpha``: into the Alpha box as if typed, if the judge takes it."""
        if not self.inputs.set_alpha(alpha):  # the box stays; the message says why
            self.slider.stop()
            self.slider.follow(self._source.alpha)

    def reset_inputs(self) -> None:
        """Back to the defaults: -4, 0.05, 101, 0.01 (refused with a message if a pinned alpha forbids it)."""
        if problem := self.inputs_model.set_inputs(DEFAULT_START, DEFAULT_STEP, DEFAULT_COUNT, DEFAULT_ALPHA):
            self.inputs_model.refuse(words.cannot_reset(problem))
        self.refresh()

    # -- your own values ------------------------------------------------------------

    @property
    def values(self) -> Values | None:
        """Your own x values on show, or None when the sweep is."""
        return self.inputs_model.values

    def show_values(self, values: Values, origin: str = "") -> None:
        """Show ``values`` instead of the sweep (a read finished); refused with a message if
        the alphas on show cannot take them (alpha times an x beyond the doubles)."""
        if problem := self.inputs_model.show_values(values):
            status, title, text = words.cannot_show_values(values.name, problem)
            self.statusBar().showMessage(status)
            QMessageBox.warning(self, title, text)
            return
        self.memory.values_origin = origin
        self.refresh()

    def back_to_sweep(self) -> None:
        """View > Back to Sweep (typing in a sweep box does the same)."""
        self.inputs_model.back_to_sweep()
        self.refresh()

    def _show_source_kind(self, values: Values | None) -> None:
        """The title, the sweep boxes' look and Back to Sweep for your values, or None for the sweep."""
        self._values_look = values
        self._actions.back_to_sweep.setEnabled(values is not None)
        self.inputs.set_sweep_in_use(
            values is None,
            "" if values is None else words.showing_values(values.name),
        )
        self.info.setTitle(words.info_title(values is not None))
        self.setWindowTitle(words.window_title(None if values is None else values.name))

    def dragEnterEvent(self, event) -> None:
        if _dropped_file(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        path = _dropped_file(event.mimeData())
        if path is not None:
            event.acceptProposedAction()
            self.values_reader.open(path)

    def export_csv(self, target: Path | None = None) -> None:
        """Write the source on show as CSV on a worker thread, with the current alpha, then the
        pinned ones if asked; ask for the file unless given ``target``."""
        alphas = [self._source.alpha]
        if self._actions.csv_pinned.isChecked():
            alphas += [a for a in self.comparison.alphas() if a not in alphas]
        source = self._source.with_alphas(alphas)
        options = self._actions.csv_derivative.isChecked(), self._actions.decimal_comma.isChecked()
        if target is None:
            self.exports.export_csv(source, *options)
        else:
            self.exports.start_csv(target, source, *options)

    def show_about(self) -> None:
        from leaky_gui import __version__

        QMessageBox.about(self, *words.about(__version__))

    # -- remembered state ------------------------------------------------------

    def apply_state(self, state: WindowState) -> None:
        """Show a remembered state (judged like typing: see Memory); one refresh."""
        with self._one_refresh():
            self.memory.restore(state)
        self.memory.restore_values(state.values_file)

    def state(self) -> WindowState:
        """What to remember of the window as it stands."""
        return self.memory.state()

    def save_settings(self) -> None:
        if self._settings is not None:
            save_state(self._settings, self.state())
            if self._layer_view is not None:
                from leaky_gui.gui.layer_view import save_layer_view

                save_layer_view(self._settings, self._layer_view, self.layer_dock)
            else:
                self._settings.setValue(LAYER_OPEN_KEY, False)  # never opened; its inputs stay as remembered

    def closeEvent(self, event) -> None:
        self.slider.stop()
        self.exports.cancel_and_wait()  # the export removes its temporary file
        self.values_reader.cancel_and_wait()
        self.save_settings()
        super().closeEvent(event)


def _dropped_file(mime) -> Path | None:
    """The first local file a drag carries, or None."""
    for url in mime.urls() if mime.hasUrls() else ():
        if url.isLocalFile():
            return Path(url.toLocalFile())
    return None
