"""The XSource interface: a sweep and your values offer the same methods, written once where shared."""

from __future__ import annotations

from decimal import Decimal

import numpy as np

from leaky_gui.calc.source import AlphasInPrecision, XSource
from leaky_gui.calc.sweep import SweepParams
from leaky_gui.calc.text.framework_digits import format_in
from leaky_gui.calc.values import Values, values_from_decimals

D = Decimal


def sources() -> list[XSource]:
    return [
        SweepParams(D("-1"), D("0.5"), 5, (D("0.2"), D("0.3")), "float16"),
        values_from_decimals([D("-1"), D("0.25")], alphas=(D("0.2"), D("0.3")), precision="float16"),
    ]


def test_both_sources_offer_every_method_of_the_interface():
    # runtime_checkable: isinstance checks that every member of the protocol is there.
    for source in sources():
        assert isinstance(source, XSource)
        assert isinstance(source.name, str) and source.description()
        assert source.known_histogram() is None
    sweep, values = sources()
    assert sweep.decimals_divided(0, 2)[1] and not values.decimals_divided(0, 2)[1]


def test_statistics_are_asked_of_any_source_and_a_sweep_has_none():
    # The window asks every source on show, never which kind it is.
    sweep, values = sources()
    assert sweep.statistics() is None
    stats = values.statistics()
    assert stats is not None and stats.count == 2 and stats.share_at_or_below_zero == 0.5
    assert len(stats.f_mean) == len(values.alphas)


def test_what_they_share_is_written_once():
    for shared in ("alpha", "exact", "text", "exact_alpha", "leak"):
        assert shared in vars(AlphasInPrecision)
        assert shared not in vars(SweepParams) and shared not in vars(Values), shared
    for source in sources():
        assert source.text(0.1) == format_in(0.1, "float16") == "0.1"
        assert source.leak() == float(np.float16(0.2)) and source.leak(D("0.3")) == float(np.float16(0.3))
        assert source.exact_alpha(D("0.3")).numerator == 3


def test_the_sweep_says_where_it_runs():
    assert SweepParams().description() == "101 points, x from -4.0 to 1.0, zero crossing: i = 80"
