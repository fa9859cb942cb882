"""The window's menu bar and toolbar: every action, built onto the window (as Qt Designer's
``setupUi`` does) and wired to the window's verbs; nothing here decides anything.

``build_menus`` returns the actions the window reads later (``MenuActions``); it sets no
attribute on the window and reads only its public parts (``MenuHost``), so this module
does not import the window's.

Every action sits in a menu (so each is reachable by keyboard), has an object name (the
tests' and the self-test's handle), and, where it has keys, says them in its tooltip.
Mnemonics are unique in each scope (tests/test_desktop.py walks them).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol, TypeVar

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QMessageBox, QToolBar

from leaky_gui.calc.alphas import PRESETS
from leaky_gui.calc.source import XSource
from leaky_gui.calc.sweep import format_label
from leaky_gui.gui.alpha_slider import AlphaSlider
from leaky_gui.gui.comparison import ComparisonPanel
from leaky_gui.gui.export_controller import ExportController
from leaky_gui.gui.inputs_panel import InputsPanel
from leaky_gui.gui.language import FOLLOW_DESKTOP, NATIVE_NAMES, calc_words, desktop_language, translate
from leaky_gui.gui.plot import Overlays, SweepPlot
from leaky_gui.gui.state import LANGUAGE_KEY, WindowState, language_choice
from leaky_gui.gui.table_view import SweepTableView
from leaky_gui.gui.theme import DARK_CHOICE, FOLLOW, LIGHT_CHOICE, ThemeController
from leaky_gui.gui.values_loader import ValuesController
from leaky_gui.gui.widgets import make_action
from leaky_gui.gui.window_texts import no_negative_branch

T = TypeVar("T")


class MenuHost(Protocol):
    """The window's public parts and verbs that the menus wire their actions to."""

    inputs: InputsPanel
    slider: AlphaSlider
    table: SweepTableView
    plot: SweepPlot
    comparison: ComparisonPanel
    exports: ExportController
    values_reader: ValuesController
    theme: ThemeController
    layer_dock: QDockWidget

    @property
    def source(self) -> XSource: ...
    def refresh(self) -> None: ...
    def export_csv(self) -> None: ...
    def reset_inputs(self) -> None: ...
    def pin_alpha(self, alpha: Decimal) -> bool: ...
    def back_to_sweep(self) -> None: ...
    def show_about(self) -> None: ...


@dataclass(frozen=True)
class MenuActions:
    """The actions whose state the window reads or sets after building (toggles, enabling)."""

    export_csv: QAction
    csv_derivative: QAction
    csv_pinned: QAction
    decimal_comma: QAction
    images_as_shown: QAction
    play: QAction
    derivative: QAction
    relu: QAction
    identity: QAction
    back_to_sweep: QAction
    legend: QAction
    themes: dict[str, QAction]

    def overlays(self) -> Overlays:
        """The overlay toggles as they stand."""
        return Overlays(self.derivative.isChecked(), self.relu.isChecked(), self.identity.isChecked())

    def toggles(self) -> dict[str, QAction]:
        """The checkable actions whose state is remembered, by their WindowState names."""
        return {
            "show_derivative": self.derivative,
            "show_relu": self.relu,
            "show_identity": self.identity,
            "show_legend": self.legend,
            "csv_derivative": self.csv_derivative,
            "csv_pinned": self.csv_pinned,
            "decimal_comma": self.decimal_comma,
            "images_as_shown": self.images_as_shown,
        }


def build_menus(window: QMainWindow, host: MenuHost, settings: QSettings | None = None) -> MenuActions:
    """File, Edit, Alpha, View and Help, and the plot's toolbar, on ``window``, wired to the
    verbs of ``host`` (the window itself, seen through its public parts); View > Language
    remembers its choice in ``settings``."""

    def action(text: str, name: str, menu: QMenu, keys=None, slot=None, **options) -> QAction:
        return make_action(window, text, name, menu, shortcut=keys, slot=slot, **options)

    menu = window.menuBar().addMenu(translate("Menus", "&File"))
    action(
        translate("Menus", "&Open x Values…"),
        "openValuesAction",
        menu,
        QKeySequence.StandardKey.Open,
        host.values_reader.ask_and_open,
        fallback="Ctrl+O",
        tip=translate(
            "Menus",
            "Open your own x values: a column of a CSV, TSV or text file, or a .npy array (Ctrl+O); "
            "dropping a file on the window does the same",
        ),
    )
    menu.addSeparator()
    export_csv = action(
        translate("Menus", "&Export CSV…"),
        "exportCsvAction",
        menu,
        "Ctrl+E",
        lambda: host.export_csv(),
        icon_text=translate("Menus", "Export CSV"),
        tip=translate("Menus", "Write the whole sweep to a CSV file (Ctrl+E)"),
    )
    toggles = (
        (
            translate("Menus", "CSV: Include f'(x) Columns"),
            "csvDerivativeAction",
            False,
            translate("Menus", "Exports get one f'(x) column per alpha"),
        ),
        (
            translate("Menus", "CSV: Include Pinned Alphas"),
            "csvPinnedAction",
            True,
            translate("Menus", "Exports get one f(x) column per pinned alpha"),
        ),
        (
            translate("Menus", "Decimal &Comma in CSV and Copied Rows"),
            "csvDecimalCommaAction",
            WindowState().decimal_comma,  # on where the locale writes 0,05
            translate(
                "Menus",
                "Exports get ';' between columns and ',' as the decimal point, as spreadsheets expect in "
                "decimal-comma locales (de, fr, es, pt, ...)",
            ),
        ),
    )
    csv_derivative, csv_pinned, decimal_comma = (
        action(text, name, menu, checkable=True, checked=on, tip=tip) for text, name, on, tip in toggles
    )
    host.table.decimal_comma = decimal_comma.isChecked()
    decimal_comma.toggled.connect(lambda on: setattr(host.table, "decimal_comma", on))
    menu.addSeparator()
    export_plot = action(translate("Menus", "Export &Plot Image…"), "exportPlotAction", menu, "Ctrl+Shift+E")
    export_plot.triggered.connect(lambda: host.exports.export_plot(host.plot))
    export_plot.setToolTip(
        translate("Menus", "Save the plot with its legend as PNG (2x size) or SVG (Ctrl+Shift+E)")
    )
    images_as_shown = action(
        translate("Menus", "Plot Images in &Screen Colours"),
        "imagesAsShownAction",
        menu,
        checkable=True,
        slot=lambda on: setattr(host.exports, "images_as_shown", on),
        tip=translate(
            "Menus",
            "Exported and copied plot images in the colours on screen (dark on a dark theme); "
            "off: light, ready to print",
        ),
    )
    menu.addSeparator()
    action(
        translate("Menus", "&Quit"),
        "quitAction",
        menu,
        QKeySequence.StandardKey.Quit,
        window.close,
        fallback="Ctrl+Q",
    )

    menu = window.menuBar().addMenu(translate("Menus", "&Edit"))
    copy = action(translate("Menus", "&Copy Rows"), "copyAction", menu, QKeySequence.StandardKey.Copy)
    copy.triggered.connect(host.table.copy_selected_rows)
    # Ctrl+C copies rows only while the table has focus; elsewhere it copies text as usual.
    copy.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    host.table.addAction(copy)
    copy_plot = action(translate("Menus", "Copy Plot &Image"), "copyPlotAction", menu, "Ctrl+Shift+C")
    copy_plot.triggered.connect(lambda: host.exports.copy_plot_image(host.plot))
    action(
        translate("Menus", "Paste x &Values"),
        "pasteValuesAction",
        menu,
        "Ctrl+Shift+V",
        lambda: host.values_reader.paste(QGuiApplication.clipboard().text()),
        tip=translate(
            "Menus",
            "Show f for a column of numbers copied from a spreadsheet (Ctrl+Shift+V): the first "
            "numeric column, a header row skipped",
        ),
    )
    action(translate("Menus", "&Reset Inputs to Defaults"), "defaultsAction", menu, slot=host.reset_inputs)

    menu = window.menuBar().addMenu(translate("Menus", "A&lpha"))  # Alt+A is the Alpha box's
    pin = action(
        translate("Menus", "&Pin Current Alpha"),
        "pinAction",
        menu,
        "Ctrl+P",
        icon_text=translate("Menus", "Pin alpha"),
    )
    pin.triggered.connect(lambda: host.pin_alpha(host.source.alpha))
    pin.setToolTip(translate("Menus", "Keep the current alpha on the plot for comparison (Ctrl+P)"))
    host.comparison.add_button.clicked.connect(pin.trigger)
    menu.addSection(translate("Menus", "Set alpha to a preset"))
    pin_menu = QMenu(translate("Menus", "Pin a Pr&eset"), window)
    for number, preset in enumerate(PRESETS, start=1):
        label = f"&{number} {calc_words(preset.name)}  (alpha = {format_label(preset.alpha)})"
        action(
            label,
            f"presetSet_{number}",
            menu,
            f"Ctrl+{number}",
            _bind(host.inputs.set_alpha, preset.alpha),
        )
        action(label, f"presetPin_{number}", pin_menu, slot=_bind(host.pin_alpha, preset.alpha))
    menu.addSeparator()
    menu.addMenu(pin_menu)
    menu.addSection(translate("Menus", "Slide alpha"))
    # Ctrl+Shift+P: free in every key scheme (no QLineEdit binding on X11 either).
    play = action(
        translate("Menus", "Pla&y Alpha Slider"),
        "playAction",
        menu,
        "Ctrl+Shift+P",
        host.slider.set_playing,
        checkable=True,
        icon_text=translate("Menus", "Play"),
        tip=translate(
            "Menus",
            "Slide alpha back and forth over the slider's range, 5 s a pass; Escape, typing or "
            "Ctrl+Shift+P stops it",
        ),
    )
    host.slider.playingChanged.connect(play.setChecked)
    host.slider.play_button.setDefaultAction(play)
    menu.addMenu(host.slider.menu)

    menu = window.menuBar().addMenu(translate("Menus", "&View"))
    overlays = (
        (translate("Menus", "Show &Derivative f'(x)"), "derivativeAction", "Ctrl+D", "f'(x)"),
        (translate("Menus", "Show &ReLU Reference (alpha = 0)"), "reluAction", "Ctrl+R", "ReLU"),
        (translate("Menus", "Show &Identity Line y = x"), "identityAction", "Ctrl+I", "y = x"),
    )
    derivative, relu, identity = (
        action(text, name, menu, keys, host.refresh, checkable=True, icon_text=short)
        for text, name, keys, short in overlays
    )
    menu.addSeparator()
    back_to_sweep = action(
        translate("Menus", "&Back to Sweep"),
        "backToSweepAction",
        menu,
        slot=host.back_to_sweep,
        tip=translate("Menus", "Show the sweep of the boxes again instead of your own x values"),
    )
    back_to_sweep.setEnabled(False)
    menu.addSeparator()
    fit = action(translate("Menus", "&Fit Plot to Curves"), "autoRangeAction", menu, "Ctrl+0")
    fit.triggered.connect(host.plot.fit)
    action(
        translate("Menus", "Fit &Negative Branch"),
        "fitNegativeAction",
        menu,
        "Ctrl+Shift+N",
        lambda: _fit_negative_branch(window, host.plot),
        tip=translate(
            "Menus", "Show x from the sweep's lowest x up to 0, and every visible curve there (Ctrl+Shift+N)"
        ),
    )
    menu.addSeparator()
    legend = action(
        translate("Menus", "Show &Legend"),
        "legendAction",
        menu,
        slot=host.plot.show_legend,
        checkable=True,
        checked=True,
    )
    menu.addAction(host.layer_dock.toggleViewAction())  # Ctrl+Shift+L
    menu.addSeparator()
    theme_menu = menu.addMenu(translate("Menus", "&Theme"))
    theme_menu.setObjectName("themeMenu")
    themes = QActionGroup(window)
    themes_by_choice: dict[str, QAction] = {}
    for choice, text, name in (
        (FOLLOW, translate("Menus", "&Follow Desktop"), "themeFollowAction"),
        (LIGHT_CHOICE, translate("Menus", "&Light"), "themeLightAction"),
        (DARK_CHOICE, translate("Menus", "&Dark"), "themeDarkAction"),
    ):
        themes_by_choice[choice] = item = action(
            text, name, theme_menu, checkable=True, checked=choice == FOLLOW
        )
        item.triggered.connect(_bind(host.theme.set_choice, choice))
        themes.addAction(item)
    language_menu(window, menu.addMenu(translate("Menus", "Lan&guage")), settings)

    toolbar = QToolBar(translate("Menus", "Plot"))
    toolbar.setObjectName("plotToolBar")
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    toolbar.addAction(export_csv)
    toolbar.addSeparator()
    for toggle in (pin, derivative, relu, identity):
        toolbar.addAction(toggle)
    window.addToolBar(toolbar)

    menu = window.menuBar().addMenu(translate("Menus", "&Help"))
    keys = QKeySequence.StandardKey.HelpContents
    action(
        translate("Menus", "&User Guide"),
        "userGuideAction",
        menu,
        keys,
        lambda: _show_user_guide(window),
        fallback="F1",
    )
    action(translate("Menus", "&About Leaky ReLU Calculator"), "aboutAction", menu, slot=host.show_about)
    return MenuActions(
        export_csv,
        csv_derivative,
        csv_pinned,
        decimal_comma,
        images_as_shown,
        play,
        derivative,
        relu,
        identity,
        back_to_sweep,
        legend,
        themes_by_choice,
    )


def _fit_negative_branch(window: QMainWindow, plot: SweepPlot) -> None:
    """Fit the view to the x <= 0 side (View > Fit Negative Branch), or say there is none."""
    if not plot.fit_negative_branch():
        window.statusBar().showMessage(no_negative_branch())


def language_menu(window: QMainWindow, menu: QMenu, settings: QSettings | None) -> dict[str, QAction]:
    """View > Language: Follow Desktop, then each language by its own name; the choice is
    remembered and takes effect at the next start (a message says so)."""
    menu.setObjectName("languageMenu")
    group = QActionGroup(menu)
    chosen = language_choice(settings)
    actions: dict[str, QAction] = {}
    follow = translate("Menus", "&Follow Desktop")
    for code, text in ((FOLLOW_DESKTOP, follow), ("en", "&English"), ("de", "&Deutsch"), ("fr", "F&rançais")):
        item = actions[code] = QAction(text, window)
        item.setObjectName(f"language_{code or 'follow'}")
        item.setCheckable(True)
        item.setChecked(code == chosen)
        item.triggered.connect(_bind(lambda code: _language_chosen(window, settings, code), code))
        group.addAction(item)
        menu.addAction(item)
    return actions


def _language_chosen(window: QMainWindow, settings: QSettings | None, choice: str) -> None:
    if settings is not None:
        settings.setValue(LANGUAGE_KEY, choice)
    QMessageBox.information(
        window,
        translate("Menus", "Language"),
        translate("Menus", "Leaky ReLU Calculator will speak {language} from its next start.").format(
            language=NATIVE_NAMES[choice or desktop_language()]
        ),
    )


def _show_user_guide(window: QMainWindow) -> None:
    from leaky_gui.gui.user_guide import show_user_guide  # loaded on first use, not at start-up

    show_user_guide(window)


def _bind(slot: Callable[[T], object], value: T) -> Callable[..., object]:
    """A slot for ``triggered(bool)`` that calls ``slot(value)`` (a preset's alpha, a theme)."""
    return lambda *_: slot(value)
