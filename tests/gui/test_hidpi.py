"""Sharp at any scale: at a device pixel ratio of 2, lines are as thick in logical pixels as at 1.

pyqtgraph's pens are cosmetic, and Qt strokes cosmetic pens in device pixels: without
scaling, a 3 px curve is 1.5 px thin on a 4K laptop. Each case runs in its own process, as
Qt's scale factor (QT_SCALE_FACTOR) is read once at start.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

PROBE = r"""
import json, sys
from leaky_gui.app import create_application
app = create_application(sys.argv)
from decimal import Decimal
from PySide6.QtGui import QColor
from leaky_gui.gui.theme import LIGHT
from leaky_gui.gui.selftest import named, type_into
from leaky_gui.gui.window import MainWindow
window = MainWindow(remember=False)
window.show()
type_into(named(window, "count"), "1001")  # no sample markers over the line
type_into(named(window, "stepX"), "0.005")
window.pin_alpha(Decimal("0.3"))
app.processEvents()
plot = window.plot
image = plot.grab().toImage()
ratio = image.devicePixelRatio()
# Down a column through the flat negative branch, right of the legend: the curve's pixels.
view = plot.getPlotItem().getViewBox().sceneBoundingRect()
column = round((view.left() + 0.6 * view.width()) * ratio)
colour = QColor(LIGHT.current).rgb()
thick = sum(image.pixel(column, row) == colour for row in range(image.height()))
print(json.dumps({
    "ratio": ratio, "scale": plot.pen_scale,
    "current": plot.curve.opts["pen"].widthF(),
    "pinned": plot.pinned[0].line.opts["pen"].widthF(),
    "device_rows": thick,
}))
window.close()
"""


def probe(scale: str) -> dict:
    # Offscreen in either run: on pytest-xvfb's 800x600 screen (400x300 at scale 2, smaller
    # than the window) xcb hands back the grab at ratio 1; on a 2560x1600 Xvfb the
    # screenshot tool shows ratio 2 and the thick lines.
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "QT_SCALE_FACTOR": scale,
    }
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.slow
def test_lines_are_as_thick_in_logical_pixels_at_ratio_2():
    one, two = probe("1"), probe("2")
    assert (one["ratio"], two["ratio"]) == (1.0, 2.0)
    assert (one["current"], one["pinned"]) == (3.0, 2.0)
    assert (two["current"], two["pinned"]) == (6.0, 4.0)  # device pixels: 3 and 2 logical
    assert one["device_rows"] >= 3
    # Measured in the grabbed image: the curve covers twice the device rows at ratio 2.
    assert abs(two["device_rows"] / two["ratio"] - one["device_rows"]) <= 1, (one, two)


def test_pens_follow_the_pen_scale_and_images_get_their_own(qtbot, tmp_path):
    from PySide6.QtGui import QImage, QTransform

    from leaky_gui.calc.sweep import SweepParams
    from leaky_gui.gui.export import IMAGE_SCALE, write_plot_image
    from leaky_gui.gui.pinned import PinnedAlpha
    from leaky_gui.gui.plot import Overlays, SweepPlot

    plot = SweepPlot()
    qtbot.addWidget(plot)
    plot.show()
    plot.show_source(SweepParams(), (PinnedAlpha(SweepParams().alpha * 30, 0),), Overlays(relu=True))
    plot.set_pen_scale(2.0)
    assert plot.curve.opts["pen"].widthF() == 6.0 and plot.pinned[0].line.opts["pen"].widthF() == 4.0
    assert plot.relu.opts["pen"].widthF() == 3.0 and plot.crosshair.pen.widthF() == 2.0
    grid = plot.grid.pen()
    assert grid.widthF() == 1.0 and grid.isCosmetic() and grid.color().alpha() == 120  # darker, not wider
    plot.set_pen_scale(1.0)
    seen = []
    render = plot.scene().render  # pyqtgraph's exporter paints the scene: note the pen it paints with
    legend_scale = []  # and how much a 2x painter enlarges the legend (it ignores transformations)
    plot.scene().render = lambda *a, **k: (
        seen.append(plot.curve.opts["pen"].widthF()),
        legend_scale.append(plot.legend.deviceTransform(QTransform.fromScale(2, 2)).m11()),
        render(*a, **k),
    )[-1]
    write_plot_image(plot, tmp_path / "plot.png")
    assert seen == [3.0 * IMAGE_SCALE]  # the image's scale while it is drawn
    assert legend_scale == [2.0]  # the legend grows with the image, as on a screen of ratio 2
    assert plot.legend.deviceTransform(QTransform.fromScale(2, 2)).m11() == 1.0  # on screen as before
    assert plot.curve.opts["pen"].widthF() == 3.0 and plot.pen_scale == 1.0  # then the screen's again
    assert not QImage(str(tmp_path / "plot.png")).isNull()
