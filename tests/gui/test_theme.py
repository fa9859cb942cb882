"""Light and dark: the plot and the messages follow the desktop's scheme, live, or the chosen theme.

pyqtgraph does not follow the palette by itself (its issue #1588): before this, the plot
stayed a white rectangle on a dark desktop. Colours are checked in the widgets' own state
and in grabbed pixels; contrast ratios follow WCAG 2.1 (3:1 for curves, 4.5:1 for text).
"""

from __future__ import annotations

from decimal import Decimal

import pyqtgraph as pg
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPalette
from PySide6.QtWidgets import QApplication

from leaky_gui.gui import theme
from leaky_gui.gui.selftest import named, type_into
from leaky_gui.gui.state import load_state
from leaky_gui.gui.theme import (
    DARK,
    LIGHT,
    SCHEMES,
    contrast_ratio,
    palette_is_dark,
    relative_luminance,
    scheme_palette,
)


@pytest.fixture
def dark_desktop(qapp):
    """The application palette a dark desktop theme gives (not ours: a plain dark grey one)."""
    qapp.setPalette(_desktop_dark_palette())
    yield
    qapp.setPalette(QPalette())


def _desktop_dark_palette() -> QPalette:
    palette = QPalette(QColor("#2b2b2b"))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(role, QColor("#eeeeee"))
    palette.setColor(QPalette.ColorRole.Base, QColor("#232323"))
    return palette


@pytest.fixture(autouse=True)
def platform_palette_afterwards(qapp):
    """Whatever a test forces, the next test starts with the platform's own palette."""
    yield
    qapp.setPalette(QPalette())


def background(plot) -> str:
    return plot.backgroundBrush().color().name()


def corner_pixel(image: QImage) -> QColor:
    return QColor(image.pixel(2, 2))


def near(pixel: QColor, colour: str) -> bool:
    """Within a screen's rounding of ``colour`` (pytest-xvfb's display has 16-bit colour)."""
    want = QColor(colour)
    return all(abs(a - b) <= 8 for a, b in zip(pixel.getRgb()[:3], want.getRgb()[:3], strict=True))


def message_colour(label) -> str:
    """The colour a message label's style sheet gives its text."""
    sheet = label.styleSheet()
    assert sheet.startswith("color: "), sheet
    return QColor(sheet.removeprefix("color: ").rstrip(";")).name()


def plot_colours(plot) -> dict[str, str]:
    item = plot.getPlotItem()
    return {
        "background": background(plot),
        "axis": item.getAxis("left").pen().color().name(),
        "tick text": item.getAxis("bottom").textPen().color().name(),
        "legend text": plot.legend.opts["labelTextColor"].name(),
        "legend brush": plot.legend.opts["brush"].color().name(),
        "current": plot.curve.opts["pen"].color().name(),
        "single fill": pg.mkBrush(plot.single.opts["symbolBrush"]).color().name(),
        "crosshair": plot.crosshair.pen.color().name(),
        "relu": plot.relu.opts["pen"].color().name(),
    }


def expected_colours(scheme) -> dict[str, str]:
    return {
        "background": scheme.background,
        "axis": scheme.foreground,
        "tick text": scheme.foreground,
        "legend text": scheme.foreground,
        "legend brush": QColor(*scheme.legend_brush).name(),
        "current": scheme.current,
        "single fill": scheme.single_fill,
        "crosshair": scheme.crosshair,
        "relu": scheme.reference,
    }


# -- the colours themselves ---------------------------------------------------------------


def test_relative_luminance_and_contrast_follow_wcag():
    assert relative_luminance("#000000") == 0.0 and relative_luminance("#ffffff") == pytest.approx(1.0)
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)  # WCAG's own example
    assert contrast_ratio("#ffffff", "#777777") == contrast_ratio("#777777", "#ffffff")


@pytest.mark.parametrize("scheme", [LIGHT, DARK], ids=["light", "dark"])
def test_every_curve_has_3_to_1_against_the_plot_and_text_4_5_to_1(scheme):
    for colour in scheme.curve_colours():
        assert contrast_ratio(colour, scheme.background) >= 3.0, colour
    assert contrast_ratio(scheme.foreground, scheme.background) >= 4.5  # tick text, legend, title
    assert contrast_ratio(scheme.single_fill, scheme.background) >= 3.0  # the single-x star
    assert contrast_ratio(scheme.crossing_fill, scheme.background) >= 3.0 or (
        contrast_ratio(scheme.crossing_edge, scheme.background) >= 3.0
    )
    # Messages against the window of the scheme's own palette, and in the table's highlight.
    for colour in (scheme.error, scheme.note):
        assert contrast_ratio(colour, scheme.window) >= 4.5, colour
    assert contrast_ratio(scheme.text, scheme.table_crossing) >= 4.5
    assert len(set(scheme.curve_colours())) == len(scheme.curve_colours())  # no two curves alike


def test_the_schemes_palettes_are_what_they_say():
    assert not palette_is_dark(scheme_palette(LIGHT)) and palette_is_dark(scheme_palette(DARK))
    assert palette_is_dark(_desktop_dark_palette())


# -- the window -----------------------------------------------------------------------------


def test_a_light_desktop_gives_a_light_plot(window):
    assert window.theme.scheme is LIGHT
    assert plot_colours(window.plot) == expected_colours(LIGHT)


def test_the_plot_is_dark_under_a_dark_palette(dark_desktop, window, qtbot):
    assert window.theme.scheme is DARK
    assert plot_colours(window.plot) == expected_colours(DARK)
    window.pin_alpha(Decimal("0.2"))
    assert window.plot.pinned[0].line.opts["pen"].color().name() == DARK.pinned[0]
    # As drawn: the grabbed plot's background is the dark one, not a white rectangle.
    assert near(corner_pixel(window.plot.grab().toImage()), DARK.background)
    type_into(named(window, "singleX"), "abc")
    assert message_colour(named(window, "singleResult")) == DARK.error
    window_colour = named(window, "singleResult").palette().color(QPalette.ColorRole.Window)
    assert contrast_ratio(DARK.error, window_colour) >= 4.5  # against the desktop's own window colour


def test_a_live_switch_from_light_to_dark_and_back(window, qtbot, qapp):
    window.pin_alpha(Decimal("0.2"))
    type_into(named(window, "singleX"), "abc")
    swatch = window.comparison.row_widgets()[0].check.icon()
    assert window.theme.scheme is LIGHT and background(window.plot) == LIGHT.background

    qapp.setPalette(_desktop_dark_palette())  # the desktop switches: no restart
    qtbot.waitUntil(lambda: window.theme.scheme is DARK)
    assert plot_colours(window.plot) == expected_colours(DARK)
    assert window.plot.pinned[0].line.opts["pen"].color().name() == DARK.pinned[0]
    assert message_colour(named(window, "singleResult")) == DARK.error
    crossing = window.model.index(window.model.crossing_row, 1)
    assert window.model.data(crossing, Qt.ItemDataRole.BackgroundRole).color().name() == DARK.table_crossing
    assert window.comparison.row_widgets()[0].check.icon().cacheKey() != swatch.cacheKey()
    legend_label = next(label for _, label in window.plot.legend.items)
    assert DARK.foreground in legend_label.item.toHtml()  # the entries already there, too
    labels = {item.textItem.toPlainText(): item.color.name() for item in window.plot.labels.items()}
    assert labels == {"α = 0.01": DARK.current, "α = 0.2": DARK.pinned[0]}  # noqa: RUF001

    qapp.setPalette(QPalette())
    qtbot.waitUntil(lambda: window.theme.scheme is LIGHT)
    assert plot_colours(window.plot) == expected_colours(LIGHT)
    assert message_colour(named(window, "singleResult")) == LIGHT.error


def test_the_desktop_s_colour_scheme_signal_is_followed(window, qtbot, monkeypatch):
    # Offscreen has no colour scheme to change; what the platform would report is stood in for.
    monkeypatch.setattr(theme, "desktop_is_dark", lambda: True)
    QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert window.theme.scheme is DARK and background(window.plot) == DARK.background


def test_view_theme_forces_light_or_dark_and_is_remembered(dark_desktop, window, qtbot, settings):
    assert window.theme.scheme is DARK
    named(window, "themeLightAction").trigger()
    assert window.theme.scheme is LIGHT and plot_colours(window.plot) == expected_colours(LIGHT)
    assert not palette_is_dark(QApplication.palette())  # the whole window, not only the plot
    named(window, "themeDarkAction").trigger()
    assert window.theme.scheme is DARK and palette_is_dark(QApplication.palette())
    assert named(window, "themeDarkAction").isChecked()
    window.close()
    assert load_state(settings).theme == "dark"
    named(window, "themeFollowAction").trigger()
    assert QApplication.palette().color(QPalette.ColorRole.Window).name() == "#2b2b2b"  # the desktop's again
    assert window.theme.scheme is DARK


def test_a_chosen_theme_holds_when_the_desktop_changes(window, qtbot, qapp):
    named(window, "themeLightAction").trigger()
    qapp.setPalette(_desktop_dark_palette())
    qapp.processEvents()
    assert window.theme.scheme is LIGHT and background(window.plot) == LIGHT.background


def test_a_stored_theme_is_restored_and_a_bad_one_ignored(qtbot, settings):
    from leaky_gui.gui.window import MainWindow

    settings.setValue("view/theme", "dark")
    win = MainWindow(settings)
    qtbot.addWidget(win)
    assert win.theme.scheme is DARK and named(win, "themeDarkAction").isChecked()
    assert background(win.plot) == DARK.background
    settings.setValue("view/theme", "purple")
    assert load_state(settings).theme == "follow"


# -- images: print-ready light unless asked otherwise --------------------------------------


def test_exported_and_copied_images_are_light_by_default(dark_desktop, window, qtbot, tmp_path, monkeypatch):
    target = tmp_path / "plot.png"
    monkeypatch.setattr(
        "PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *_: (str(target), "PNG image (*.png)")
    )
    assert background(window.plot) == DARK.background
    named(window, "exportPlotAction").trigger()
    assert near(corner_pixel(QImage(str(target))), LIGHT.background)
    assert background(window.plot) == DARK.background  # the screen keeps its colours

    named(window, "copyPlotAction").trigger()
    assert near(corner_pixel(QGuiApplication.clipboard().image()), LIGHT.background)
    assert background(window.plot) == DARK.background

    named(window, "imagesAsShownAction").trigger()  # File > Plot Images in Screen Colours
    named(window, "exportPlotAction").trigger()
    assert near(corner_pixel(QImage(str(target))), DARK.background)
    named(window, "copyPlotAction").trigger()
    assert near(corner_pixel(QGuiApplication.clipboard().image()), DARK.background)


def test_an_svg_has_the_scheme_s_background(window, tmp_path):
    from leaky_gui.gui.export import write_plot_image

    write_plot_image(window.plot, tmp_path / "dark.svg", DARK)
    text = (tmp_path / "dark.svg").read_text()
    assert DARK.background in text.lower()
    assert background(window.plot) == LIGHT.background


def test_every_scheme_is_listed_by_name():
    assert SCHEMES == {"light": LIGHT, "dark": DARK}
