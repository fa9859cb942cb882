"""The window's panes: controls and table on the left; plot, readout, comparison and info on the right.

Only placement: which part sits where, the splitters between them and the tab order; and
the Layer view's dock along the bottom, empty until the view is first opened (built then,
by the window: its imports are not the first paint's).
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QBoxLayout,
    QDockWidget,
    QMainWindow,
    QSplitter,
    QWidget,
)

from leaky_gui.gui.alpha_slider import AlphaSlider
from leaky_gui.gui.comparison import ComparisonPanel
from leaky_gui.gui.inputs_panel import InputsPanel
from leaky_gui.gui.language import translate
from leaky_gui.gui.single_x_panel import SingleXPanel
from leaky_gui.gui.widgets import splitter


def layer_dock(window: QMainWindow) -> QDockWidget:
    """The Layer view's dock along the bottom of ``window``, under the plot and Sweep info; hidden, empty.

    A dock, not a tab beside Sweep info: ten columns and a plot need the window's width,
    and a dock can also float as a window of its own, as large as wanted. Its action
    (View > Layer Statistics, Ctrl+Shift+L) is there from the start; the view is set in
    it when first opened.
    """
    dock = QDockWidget(translate("Panes", "Layer statistics"), window)
    dock.setObjectName("layerDock")
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    dock.hide()  # opened from View > Layer Statistics; the sweep keeps the room until then
    toggle = dock.toggleViewAction()
    toggle.setObjectName("layerViewAction")
    toggle.setText(translate("Panes", "L&ayer Statistics"))
    toggle.setShortcut("Ctrl+Shift+L")
    toggle.setToolTip(
        translate(
            "Panes",
            "What each alpha on show does to a deep network: statistics and the signal through depth "
            "(Ctrl+Shift+L)",
        )
    )
    return dock


def lay_out(
    window: QMainWindow,
    controls: tuple[InputsPanel, AlphaSlider, SingleXPanel],
    table: QWidget,
    plot: QWidget,
    readout: QWidget,
    comparison: ComparisonPanel,
    info: QWidget,
) -> dict[str, QSplitter]:
    """Place the parts in ``window``; the splitters, by the names their state is remembered under."""
    inputs, slider, single = controls
    down, across = QBoxLayout.Direction.TopToBottom, QBoxLayout.Direction.LeftToRight
    left_top = _pane(down, (inputs, 0), (slider, 0), (single, 0))
    plot_box = _pane(down, (plot, 1), (readout, 0))
    bottom = _pane(across, (comparison, 2), (info, 3))

    vertical, horizontal = Qt.Orientation.Vertical, Qt.Orientation.Horizontal
    right = splitter(vertical, "rightSplitter", (plot_box, bottom), 0, [560, 200])
    left = splitter(vertical, "leftSplitter", (left_top, table), 1, [])
    main = splitter(horizontal, "mainSplitter", (left, right), 1, [470, 710])
    window.setCentralWidget(main)
    order = (
        *inputs.boxes(),
        inputs.dtype,
        slider.slider,
        slider.play_button,
        single.edit,
        table,
        plot,
        *comparison.controls(),
    )
    for before, after in itertools.pairwise(order):
        window.setTabOrder(before, after)
    return {"main_splitter": main, "left_splitter": left, "right_splitter": right}


def _pane(direction: QBoxLayout.Direction, *parts: tuple[QWidget, int]) -> QWidget:
    """A plain widget holding ``parts`` (widget, stretch) in a row or column, without margins."""
    pane = QWidget()
    box = QBoxLayout(direction, pane)
    box.setContentsMargins(0, 0, 0, 0)
    for widget, stretch in parts:
        box.addWidget(widget, stretch)
    return pane
