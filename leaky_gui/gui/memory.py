"""What the window remembers: every part's state into one WindowState, and back.

The window hands ``Memory`` its parts once; ``state()`` reads them, ``restore(state)`` sets
them (the window wraps it in one refresh). Restoring is judged like typing: inputs that
make no sweep give the defaults, and a pinned alpha the sweep cannot take is left out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QSplitter

from leaky_gui.calc.inputs import InputsModel
from leaky_gui.calc.sweep import DEFAULT_ALPHA, DEFAULT_COUNT, DEFAULT_START, DEFAULT_STEP
from leaky_gui.gui.alpha_slider import AlphaSlider
from leaky_gui.gui.comparison import ComparisonPanel
from leaky_gui.gui.export_controller import ExportController
from leaky_gui.gui.inputs_panel import InputsPanel
from leaky_gui.gui.language import translate
from leaky_gui.gui.single_x_panel import SingleXPanel
from leaky_gui.gui.state import WindowState, pins_the_sweep_takes
from leaky_gui.gui.theme import ThemeController
from leaky_gui.gui.values_loader import ValuesController


@dataclass
class Memory:
    """The parts whose state is remembered, and the file your values on show came from."""

    window: QMainWindow
    inputs: InputsModel
    inputs_panel: InputsPanel
    comparison: ComparisonPanel
    single: SingleXPanel
    slider: AlphaSlider
    exports: ExportController
    values_reader: ValuesController
    theme: ThemeController
    theme_actions: dict[str, QAction]
    #: Checkable actions by their WindowState names (show_derivative, csv_pinned, ...).
    toggles: dict[str, QAction]
    #: Splitters by their WindowState names (main_splitter, ...).
    splitters: dict[str, QSplitter]
    values_origin: str = field(default="")  # the file your values came from ('' when pasted)

    def restore(self, state: WindowState) -> None:
        """Set every part as ``state`` says, except your values (``restore_values``, after the refresh)."""
        inputs = self.inputs
        self.comparison.set_pinned(())
        if inputs.set_inputs(state.start, state.step, state.count, state.alpha):
            inputs.set_inputs(DEFAULT_START, DEFAULT_STEP, DEFAULT_COUNT, DEFAULT_ALPHA)
        inputs.set_precision(state.precision)  # a refused one leaves the current precision
        self.comparison.set_pinned(pins_the_sweep_takes(*inputs.inputs(), inputs.precision, state.pinned))
        self.single.set_text(state.single_x)
        for name, action in self.toggles.items():
            action.setChecked(getattr(state, name))
        self.exports.folder = state.export_folder
        self.values_reader.folder = state.values_folder
        self.theme.set_choice(state.theme)
        self.theme_actions[state.theme].setChecked(True)
        self.slider.set_scale(state.slider_scale, state.slider_range)
        if state.geometry:
            self.window.restoreGeometry(QByteArray(state.geometry))
        for name, panes in self.splitters.items():
            if getattr(state, name):
                panes.restoreState(QByteArray(getattr(state, name)))

    def restore_values(self, path: str) -> None:
        """Read the values last on show again; a file that has gone leaves the sweep, with a note."""
        if not path:
            return
        if Path(path).is_file():
            self.values_reader.open(Path(path), quiet=True)
        else:
            self.inputs_panel.source_note_once(
                translate(
                    "Memory", "{file} (your x values last time) has moved or gone; showing the sweep."
                ).format(file=Path(path).name)
            )

    def state(self) -> WindowState:
        """What to remember as it stands (the sweep's boxes even while your values show)."""
        start, step, count, alpha = self.inputs.inputs()
        checked = {name: action.isChecked() for name, action in self.toggles.items()}
        panes = {name: bytes(s.saveState().data()) for name, s in self.splitters.items()}
        return WindowState(
            start=start,
            step=step,
            count=count,
            alpha=alpha,
            precision=self.inputs.precision,
            single_x=self.single.text(),
            pinned=self.comparison.pinned(),
            export_folder=self.exports.folder,
            values_file=self.values_origin if self.inputs.values is not None else "",
            values_folder=self.values_reader.folder,
            theme=self.theme.choice,
            slider_scale=self.slider.scale(),
            slider_range=self.slider.top(),
            show_derivative=checked["show_derivative"],
            show_relu=checked["show_relu"],
            show_identity=checked["show_identity"],
            show_legend=checked["show_legend"],
            csv_derivative=checked["csv_derivative"],
            csv_pinned=checked["csv_pinned"],
            decimal_comma=checked["decimal_comma"],
            images_as_shown=checked["images_as_shown"],
            geometry=bytes(self.window.saveGeometry().data()),
            main_splitter=panes["main_splitter"],
            left_splitter=panes["left_splitter"],
            right_splitter=panes["right_splitter"],
        )
