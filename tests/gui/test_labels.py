"""Every name of an alpha keeps every digit typed: CSV header, alpha_name, legend, table, info, readout."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from on_screen import expose

from leaky_gui.calc.alphas import alpha_name
from leaky_gui.calc.csv_export import csv_header
from leaky_gui.calc.sweep import SweepParams, decimal_label, format_label
from leaky_gui.gui.info_panel import InfoPanel
from leaky_gui.gui.pinned import PinnedAlpha
from leaky_gui.gui.plot import Overlays, SweepPlot
from leaky_gui.gui.table_model import SweepTableModel

LONG = Decimal("0.10000000000000000001")  # the double nearest it is 0.1
SHORT = Decimal("0.1")
LONG_TEXT = "0.10000000000000000001"


@pytest.fixture
def params() -> SweepParams:
    return SweepParams(alphas=(SHORT, LONG))


def test_format_label_of_a_decimal_is_its_decimal_label():
    assert format_label(LONG) == LONG_TEXT
    assert format_label(Decimal("1.5e20")) == "1.5e+20"
    assert format_label(Decimal("0.010")) == "0.01"
    assert format_label(0.1) == "0.1"  # floats unchanged


def test_csv_header_names_two_alphas_apart():
    assert csv_header((SHORT, LONG), derivative=True) == (
        f"x,f(alpha=0.1),f(alpha={LONG_TEXT}),f'(alpha=0.1),f'(alpha={LONG_TEXT})\n"
    )
    assert csv_header((LONG,), decimal_comma=True) == "x;f(alpha=0,10000000000000000001)\n"


def test_alpha_name_keeps_every_digit():
    assert alpha_name(LONG) == f"alpha = {LONG_TEXT}"
    assert alpha_name(Decimal("0.01")) == "alpha = 0.01 (PyTorch / JAX / ONNX)"
    # Numerically a preset, whatever the digits typed.
    assert alpha_name(Decimal("0.300")) == "alpha = 0.3 (Keras LeakyReLU layer)"


def test_table_headers_keep_every_digit(params):
    model = SweepTableModel(params)
    assert model.headers()[4:] == [f"f(x; alpha={LONG_TEXT})"]
    model.set_source(SweepParams(alphas=(LONG, SHORT)))
    assert model.headers()[4:] == ["f(x; alpha=0.1)"]


def test_plot_legend_keeps_every_digit(qtbot, params):
    plot = SweepPlot()
    qtbot.addWidget(plot)
    expose(plot)
    pinned = [PinnedAlpha(LONG, 0, visible=True)]
    plot.show_source(params.with_alphas((SHORT,)), pinned, Overlays())
    names = plot.legend_names()
    assert "f(x), alpha = 0.1" in names
    assert f"alpha = {LONG_TEXT}" in names


def test_crosshair_readout_names_keep_every_digit(qtbot, params):
    plot = SweepPlot()
    qtbot.addWidget(plot)
    expose(plot)
    plot.show_source(params.with_alphas((LONG,)), [PinnedAlpha(SHORT, 0, visible=True)], Overlays())
    parts = plot.readout_at(-2.0).split("    ")
    assert parts[1:] == [f"f(x; {LONG_TEXT}) = -0.2", "f(x; 0.1) = -0.2"]


def test_info_panel_rows_keep_every_digit(qtbot, params):
    panel = InfoPanel()
    qtbot.addWidget(panel)
    panel.show_source(params.with_alphas((LONG,)), [PinnedAlpha(SHORT, 0, visible=True)])
    assert [row[0] for row in panel.rows()] == [f"alpha = {LONG_TEXT} (current)", "alpha = 0.1 (pinned)"]


# -- the short alphas everyone types still read exactly as before ------------------------


@pytest.mark.parametrize(
    "typed",
    ["0", "1", "0.01", "0.2", "0.3", "-0.5", "2", "1e-07", "0.0001", "1e-05", "123.456", "1e+16", "5e-324"],
)
def test_decimal_label_agrees_with_format_label_on_common_alphas(typed):
    value = float(typed)
    assert decimal_label(Decimal(repr(value))) == format_label(value)
    assert csv_header((Decimal(typed),)) == f"x,f(alpha={format_label(value)})\n"


@given(st.floats(allow_nan=False, allow_infinity=False))
@example(0.0)
@example(-0.0)
@example(1e16)
@example(9999999999999998.0)
@example(0.0001)
@example(0.00009999999999999999)
@example(1.7976931348623157e308)
@example(5e-324)
def test_decimal_label_of_a_doubles_shortest_text_is_its_format_label(value):
    """The claim in decimal_label's docstring, so CSV headers stay byte-identical for such alphas."""
    assert decimal_label(Decimal(repr(value))) == format_label(value)
