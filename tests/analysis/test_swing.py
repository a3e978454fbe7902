"""Drivers in days and dollars: a known linear effect gives its swing; events stand apart."""

from __future__ import annotations

import numpy as np
import pytest

from sim.analysis.swing import effects_on
from sim.experiment.results import Results, columns_for
from sim.scenario.load import scenario_from_data
from tests.conftest import tiny_data

SIZE = 4000


def _results(columns: dict[str, np.ndarray]) -> Results:
    """A one-strategy results table built by hand: zeros but for `columns`."""
    scenario = scenario_from_data(tiny_data(risks={"strike": {"probability": 0.5, "hits": "post"}}))
    table = {}
    for name in columns_for(scenario):
        if name in ("strategy", "delivery_date", "blocked_by", "critical_track"):
            table[name] = np.array(["ground"] * SIZE if name == "strategy" else [""] * SIZE)
        else:
            table[name] = np.zeros(SIZE)
    table["replication"] = np.arange(SIZE)
    table.update(columns)
    return Results(scenario, 1, ("ground",), table)


def test_a_linear_effect_swings_by_slope_times_the_groups_spread() -> None:
    """Cost = a + b x, x ~ U(0, 100): the swing is b times the gap of the groups' medians.

    The low group (x <= P10 = 10) has its median near x = 5, the high one (x >= P90 = 90)
    near 95, so the P50 swing is b x 90 within sampling noise, and exactly b times the gap of
    the input's own medians in the two groups (a monotone map moves percentiles with it).
    """
    rng = np.random.default_rng(3)
    x = rng.uniform(0, 100, SIZE)
    a, b = 5e7, 2e5
    results = _results({"stage_days": x, "cost_usd": a + b * x, "delivery_day": 300 + x})
    (swing,) = effects_on(results, "ground", "cost_usd").inputs
    assert swing.driver == "stage_days"
    low, high = x <= swing.low, x >= swing.high
    gap = np.percentile(x[high], 50, method="inverted_cdf") - np.percentile(
        x[low], 50, method="inverted_cdf"
    )
    assert swing.p50 == pytest.approx(b * gap, rel=1e-9)
    assert swing.p50 == pytest.approx(b * 90, rel=0.02)
    assert swing.p80 == pytest.approx(b * 90, rel=0.02)  # the groups' P80s: x = 8 and x = 98
    (days,) = effects_on(results, "ground", "delivery_day").inputs
    assert days.p50 == pytest.approx(90, rel=0.02)


def test_an_event_shows_its_own_effect_and_leaves_the_continuous_inputs_clean() -> None:
    """A risk event adding 30 days in a fifth of replications: its effect is +30, apart.

    The continuous input is measured without the struck replications, so its swing is its
    own (1 day per unit), and the event is not one of the continuous inputs.
    """
    rng = np.random.default_rng(8)
    x = rng.uniform(0, 100, SIZE)
    struck = (rng.uniform(size=SIZE) < 0.2).astype(float)
    day = 200 + x + 30 * struck
    results = _results({"stage_days": x, "risk_strike": struck, "delivery_day": day})
    effects = effects_on(results, "ground", "delivery_day")
    (event,) = effects.events
    assert event.driver == "risk_strike"
    assert event.share == pytest.approx(0.2, abs=0.02)
    assert event.p50 == pytest.approx(30, abs=5)
    (swing,) = effects.inputs
    assert swing.driver == "stage_days"
    assert swing.p50 == pytest.approx(90, rel=0.02)


def test_an_input_without_effect_has_no_bar() -> None:
    """Noise: an input independent of the outcome is left out."""
    rng = np.random.default_rng(2)
    results = _results(
        {"stage_days": rng.uniform(size=SIZE), "cost_usd": rng.normal(1e8, 1e6, SIZE)}
    )
    assert effects_on(results, "ground", "cost_usd").inputs == ()
