"""A sweep's grid: cells in order, validated, and every cell on the same random numbers."""

from __future__ import annotations

import numpy as np
import pytest

from sim.core.errors import ScenarioError
from sim.experiment.sweep import cells_of, run_cells
from sim.scenario.schema import Scenario

#: The tiny scenario's flyers: one director-DP and one lead (tests/conftest.py).
FLYERS = 2
#: Its insurance rate, the default: 0.7% of the insured categories, seats among them.
INSURANCE_RATE = 0.007


def test_the_grid_is_the_product_with_the_first_key_slowest(tiny_scenario: Scenario) -> None:
    """Two keys of 2 and 3 values make 6 cells, the second key varying fastest."""
    cells = cells_of(tiny_scenario, {"sources.cgi.artists": [50, 70], "post.cost_usd": [1, 2, 3]})
    assert [cell.values for cell in cells] == [
        {"sources.cgi.artists": a, "post.cost_usd": c} for a in (50, 70) for c in (1, 2, 3)
    ]
    assert [cell.scenario.sources.cgi.artists for cell in cells] == [50, 50, 50, 70, 70, 70]


@pytest.mark.parametrize(
    ("axes", "problem"),
    [
        ({}, "nothing to sweep"),
        ({"sources.cgi.artists": []}, r"sources\.cgi\.artists: no values"),
        ({"sources.cgi.artists": [50, 50]}, "50 is given twice"),
        ({"sources.cgi.artist": [50]}, "did you mean 'artists'"),
        ({"sources.cgi.artists": [50, -1]}, r"sources\.cgi\.artists: -1 is out of range"),
        ({"simulation.replications": [5, 10]}, r"simulation\.replications: every cell runs"),
        ({"simulation.seed": [1, 2]}, r"simulation\.seed: every cell runs on the same seed"),
    ],
)
def test_a_bad_grid_is_refused_before_anything_runs(
    tiny_scenario: Scenario, axes: dict, problem: str
) -> None:
    """Each problem names the key path; the value that does not validate is shown."""
    with pytest.raises(ScenarioError, match=problem):
        cells_of(tiny_scenario, axes)


def test_a_cell_whose_values_do_not_fit_together_is_named(tiny_scenario: Scenario) -> None:
    """Each value alone validates, but the cell does not: the message names the cell."""
    axes = {
        "sources.orbit.vehicle": ["soyuz_ms"],
        "crew.lead_actor.count": [1, 2],
    }
    with pytest.raises(ScenarioError, match=r"^--set sources\.orbit\.vehicle=soyuz_ms, crew"):
        cells_of(tiny_scenario, axes)


def test_a_linear_cost_moves_every_replication_by_the_change(tiny_scenario: Scenario) -> None:
    """Post cost +2.5M adds exactly 2.5M (post is not insured); seats +10M add 10M x 2 x 1.007.

    On common random numbers, each replication's cost moves by the change times its wrap
    factor and not one delivery day moves: the swept keys touch cost only.
    """
    cells = cells_of(
        tiny_scenario,
        {"post.cost_usd": [10e6, 12.5e6], "sources.orbit.seat_price_usd": [50e6, 60e6]},
    )
    runs = [results for _, results in run_cells(cells, replications=6, seed=3)]
    for name in tiny_scenario.strategies:
        cost = [results.column("cost_usd", name) for results in runs]
        np.testing.assert_allclose(cost[2] - cost[0], 2.5e6, rtol=1e-12)
        flies = "orbit" in tiny_scenario.strategies[name].planned_minutes(tiny_scenario.script)
        seats = 10e6 * FLYERS * (1 + INSURANCE_RATE) if flies else 0.0
        np.testing.assert_allclose(cost[1] - cost[0], seats, rtol=1e-12, atol=1e-6)
        days = [results.column("delivery_day", name) for results in runs]
        for other in days[1:]:
            np.testing.assert_array_equal(other, days[0])


def test_a_sweep_is_the_same_on_one_worker_or_two(tiny_scenario: Scenario) -> None:
    """Same seed, 1 or 2 workers: every cell's table is the same, byte for byte."""
    cells = cells_of(tiny_scenario, {"sources.cgi.artists": [40, 80]})
    serial = [results.to_csv() for _, results in run_cells(cells, replications=24, seed=5)]
    parallel = [
        results.to_csv() for _, results in run_cells(cells, replications=24, seed=5, jobs=2)
    ]
    assert serial == parallel
