"""The sweep plot's words: marked for translation here (QT_TRANSLATE_NOOP, which lupdate
finds), translated where shown with ``tr``. Numbers and curve names from the calculation
are put into them, never translated."""

from __future__ import annotations

from leaky_gui.gui.language import QT_TRANSLATE_NOOP, translate

TITLE = QT_TRANSLATE_NOOP("SweepPlot", "Leaky ReLU   f(x) = x if x > 0, else alpha·x")
NAME = QT_TRANSLATE_NOOP("SweepPlot", "Plot of f(x) for the current and pinned alphas")
HELP = QT_TRANSLATE_NOOP(
    "SweepPlot",
    "Drag to pan, wheel to zoom, A or Ctrl+0 fits the view; the line under the plot reads x and every "
    "visible curve's f(x) at the mouse",
)
TIP = QT_TRANSLATE_NOOP(
    "SweepPlot", "Drag to pan, wheel to zoom, right-click for more; A or Ctrl+0 fits the view again"
)
DERIVATIVE = QT_TRANSLATE_NOOP("SweepPlot", "f'(x), dashed")
RELU, IDENTITY = (
    QT_TRANSLATE_NOOP("SweepPlot", "ReLU reference (alpha = 0)"),
    QT_TRANSLATE_NOOP("SweepPlot", "identity y = x"),
)
CROSSING = QT_TRANSLATE_NOOP("SweepPlot", "zero crossing, i = {i}")
IDENTITY_SHORT = QT_TRANSLATE_NOOP("SweepPlot", "identity")  # the crosshair readout's name for y = x


#: pyqtgraph's right-click menu on the plots, translated in its own contexts (pyqtgraph asks
#: QCoreApplication.translate); its dialogs (Plot Options' forms, Export...) stay English.
PYQTGRAPH_MENU = (
    QT_TRANSLATE_NOOP("ViewBox", "ViewBox options"),
    QT_TRANSLATE_NOOP("ViewBox", "View All"),
    QT_TRANSLATE_NOOP("ViewBox", "axis"),
    QT_TRANSLATE_NOOP("ViewBox", "Mouse Mode"),
    QT_TRANSLATE_NOOP("ViewBox", "3 button"),
    QT_TRANSLATE_NOOP("ViewBox", "1 button"),
    QT_TRANSLATE_NOOP("GraphicsScene", "Export..."),
    QT_TRANSLATE_NOOP("PlotItem", "Plot Options"),
    QT_TRANSLATE_NOOP("PlotItem", "Transforms"),
    QT_TRANSLATE_NOOP("PlotItem", "Downsample"),
    QT_TRANSLATE_NOOP("PlotItem", "Average"),
    QT_TRANSLATE_NOOP("PlotItem", "Alpha"),
    QT_TRANSLATE_NOOP("PlotItem", "Grid"),
    QT_TRANSLATE_NOOP("PlotItem", "Points"),
)


def tr(text: str) -> str:
    """``text`` (one of the above) in the window's language."""
    return translate("SweepPlot", text)
