"""The window's menu bar and toolbar: every action, built onto the window (as Qt Designer's
``setupUi`` does) and wired to the window's verbs; nothing here decides anything.

Every action sits in a menu (so each is reachable by keyboard), has an object name (the
tests' and the self-test's handle), and, where it has keys, says them in its tooltip.
Mnemonics are unique in each scope (tests/test_desktop.py walks them).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar

from leaky_gui.calc.alphas import PRESETS
from leaky_gui.calc.sweep import format_label
from leaky_gui.gui.state import WindowState
from leaky_gui.gui.theme import DARK_CHOICE, FOLLOW, LIGHT_CHOICE
from leaky_gui.gui.widgets import make_action

if TYPE_CHECKING:
    from leaky_gui.gui.window import MainWindow

T = TypeVar("T")


def build_menus(window: MainWindow) -> None:
    """File, Edit, Alpha, View and Help, and the plot's toolbar, on ``window``."""

    def action(text: str, name: str, menu: QMenu, keys=None, slot=None, **options) -> QAction:
        return make_action(window, text, name, menu, shortcut=keys, slot=slot, **options)

    menu = window.menuBar().addMenu("&File")
    action(
        "&Open x Values…",
        "openValuesAction",
        menu,
        QKeySequence.StandardKey.Open,
        window.values_reader.ask_and_open,
        fallback="Ctrl+O",
        tip="Open your own x values: a column of a CSV, TSV or text file, or a .npy array (Ctrl+O); "
        "dropping a file on the window does the same",
    )
    menu.addSeparator()
    window.export_csv_action = action(
        "&Export CSV…",
        "exportCsvAction",
        menu,
        "Ctrl+E",
        lambda: window.export_csv(),
        icon_text="Export CSV",
        tip="Write the whole sweep to a CSV file (Ctrl+E)",
    )
    toggles = (
        ("CSV: Include f'(x) Columns", "csvDerivativeAction", False, "one f'(x) column per alpha"),
        ("CSV: Include Pinned Alphas", "csvPinnedAction", True, "one f(x) column per pinned alpha"),
        (
            "Decimal &Comma in CSV and Copied Rows",
            "csvDecimalCommaAction",
            WindowState().decimal_comma,  # on where the locale writes 0,05
            "';' between columns and ',' as the decimal point, as spreadsheets expect in "
            "decimal-comma locales (de, fr, es, pt, ...)",
        ),
    )
    window.csv_derivative_action, window.csv_pinned_action, window.decimal_comma_action = (
        action(text, name, menu, checkable=True, checked=on, tip=f"Exports get {tip}")
        for text, name, on, tip in toggles
    )
    window.table.decimal_comma = window.decimal_comma_action.isChecked()
    window.decimal_comma_action.toggled.connect(lambda on: setattr(window.table, "decimal_comma", on))
    menu.addSeparator()
    export_plot = action("Export &Plot Image…", "exportPlotAction", menu, "Ctrl+Shift+E")
    export_plot.triggered.connect(lambda: window.exports.export_plot(window.plot))
    export_plot.setToolTip("Save the plot with its legend as PNG (2x size) or SVG (Ctrl+Shift+E)")
    window.images_as_shown_action = action(
        "Plot Images in &Screen Colours",
        "imagesAsShownAction",
        menu,
        checkable=True,
        slot=lambda on: setattr(window.exports, "images_as_shown", on),
        tip="Exported and copied plot images in the colours on screen (dark on a dark theme); "
        "off: light, ready to print",
    )
    menu.addSeparator()
    action("&Quit", "quitAction", menu, QKeySequence.StandardKey.Quit, window.close, fallback="Ctrl+Q")

    menu = window.menuBar().addMenu("&Edit")
    copy = action("&Copy Rows", "copyAction", menu, QKeySequence.StandardKey.Copy)
    copy.triggered.connect(window.table.copy_selected_rows)
    # Ctrl+C copies rows only while the table has focus; elsewhere it copies text as usual.
    copy.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    window.table.addAction(copy)
    copy_plot = action("Copy Plot &Image", "copyPlotAction", menu, "Ctrl+Shift+C")
    copy_plot.triggered.connect(lambda: window.exports.copy_plot_image(window.plot))
    action(
        "Paste x &Values",
        "pasteValuesAction",
        menu,
        "Ctrl+Shift+V",
        window.paste_values,
        tip="Show f for a column of numbers copied from a spreadsheet (Ctrl+Shift+V): the first "
        "numeric column, a header row skipped",
    )
    action("&Reset Inputs to Defaults", "defaultsAction", menu, slot=window.reset_inputs)

    menu = window.menuBar().addMenu("A&lpha")  # Alt+A is the Alpha box's
    pin = action("&Pin Current Alpha", "pinAction", menu, "Ctrl+P", icon_text="Pin alpha")
    pin.triggered.connect(lambda: window.pin_alpha(window._params.alpha))
    pin.setToolTip("Keep the current alpha on the plot for comparison (Ctrl+P)")
    window.comparison.add_button.clicked.connect(pin.trigger)
    menu.addSection("Set alpha to a preset")
    pin_menu = QMenu("Pin a Pr&eset", window)
    for number, preset in enumerate(PRESETS, start=1):
        label = f"&{number} {preset.name}  (alpha = {format_label(preset.alpha)})"
        action(
            label,
            f"presetSet_{number}",
            menu,
            f"Ctrl+{number}",
            _bind(window.inputs.set_alpha, preset.alpha),
        )
        action(label, f"presetPin_{number}", pin_menu, slot=_bind(window.pin_alpha, preset.alpha))
    menu.addSeparator()
    menu.addMenu(pin_menu)
    menu.addSection("Slide alpha")
    # Ctrl+Shift+P: free in every key scheme (no QLineEdit binding on X11 either).
    window.play_action = action(
        "Pla&y Alpha Slider",
        "playAction",
        menu,
        "Ctrl+Shift+P",
        window.slider.set_playing,
        checkable=True,
        icon_text="Play",
        tip="Slide alpha back and forth over the slider's range, 5 s a pass; Escape, typing or "
        "Ctrl+Shift+P stops it",
    )
    window.slider.playingChanged.connect(window.play_action.setChecked)
    window.slider.play_button.setDefaultAction(window.play_action)
    menu.addMenu(window.slider.menu)

    menu = window.menuBar().addMenu("&View")
    overlays = (
        ("Show &Derivative f'(x)", "derivativeAction", "Ctrl+D", "f'(x)"),
        ("Show &ReLU Reference (alpha = 0)", "reluAction", "Ctrl+R", "ReLU"),
        ("Show &Identity Line y = x", "identityAction", "Ctrl+I", "y = x"),
    )
    window.derivative_action, window.relu_action, window.identity_action = (
        action(text, name, menu, keys, window.refresh, checkable=True, icon_text=short)
        for text, name, keys, short in overlays
    )
    menu.addSeparator()
    window.back_to_sweep_action = action(
        "&Back to Sweep",
        "backToSweepAction",
        menu,
        slot=window.back_to_sweep,
        tip="Show the sweep of the boxes again instead of your own x values",
    )
    window.back_to_sweep_action.setEnabled(False)
    menu.addSeparator()
    fit = action("&Fit Plot to Curves", "autoRangeAction", menu, "Ctrl+0")
    fit.triggered.connect(window.plot.fit)
    action(
        "Fit &Negative Branch",
        "fitNegativeAction",
        menu,
        "Ctrl+Shift+N",
        window.fit_negative_branch,
        tip="Show x from the sweep's lowest x up to 0, and every visible curve there (Ctrl+Shift+N)",
    )
    menu.addSeparator()
    window.legend_action = action(
        "Show &Legend", "legendAction", menu, slot=window.plot.show_legend, checkable=True, checked=True
    )
    menu.addAction(window.layer_dock.toggleViewAction())  # Ctrl+Shift+L
    menu.addSeparator()
    theme_menu = menu.addMenu("&Theme")
    theme_menu.setObjectName("themeMenu")
    themes = QActionGroup(window)
    window.theme_actions: dict[str, QAction] = {}
    for choice, text, name in (
        (FOLLOW, "&Follow Desktop", "themeFollowAction"),
        (LIGHT_CHOICE, "&Light", "themeLightAction"),
        (DARK_CHOICE, "&Dark", "themeDarkAction"),
    ):
        window.theme_actions[choice] = item = action(
            text, name, theme_menu, checkable=True, checked=choice == FOLLOW
        )
        item.triggered.connect(_bind(window.theme.set_choice, choice))
        themes.addAction(item)

    toolbar = QToolBar("Plot")
    toolbar.setObjectName("plotToolBar")
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    toolbar.addAction(window.export_csv_action)
    toolbar.addSeparator()
    for toggle in (pin, window.derivative_action, window.relu_action, window.identity_action):
        toolbar.addAction(toggle)
    window.addToolBar(toolbar)

    menu = window.menuBar().addMenu("&Help")
    keys = QKeySequence.StandardKey.HelpContents
    action("&User Guide", "userGuideAction", menu, keys, lambda: _show_user_guide(window), fallback="F1")
    action("&About Leaky ReLU Calculator", "aboutAction", menu, slot=window.show_about)


def _show_user_guide(window: MainWindow) -> None:
    from leaky_gui.gui.user_guide import show_user_guide  # loaded on first use, not at start-up

    show_user_guide(window)


def _bind(slot: Callable[[T], object], value: T) -> Callable[..., None]:
    """A slot for ``triggered(bool)`` that calls ``slot(value)`` (a preset's alpha, a theme)."""
    return lambda *_: slot(value)
