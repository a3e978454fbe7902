"""Real share per scene kind: one column per space kind, adding up to the overall share."""

from __future__ import annotations

import numpy as np

from sim.experiment.results import REAL_SHARE_BY_KIND, columns_for
from sim.experiment.runner import run_experiment
from sim.scenario.load import scenario_from_data
from sim.scenario.quantities import SCENE_KINDS, SPACE_KINDS
from tests.conftest import tiny_data


def test_a_column_per_space_kind_and_none_for_ground_drama(tiny_scenario) -> None:
    """real_share_<kind> for each space scene kind, after real_share; ground drama is never real."""
    names = columns_for(tiny_scenario)
    at = names.index("real_share")
    assert names[at + 1 : at + 1 + len(SPACE_KINDS)] == [f"real_share_{k}" for k in SPACE_KINDS]
    assert set(SCENE_KINDS) - set(SPACE_KINDS) == {"ground_drama"}
    assert "real_share_ground_drama" not in names


def test_the_kinds_shares_weighted_by_their_minutes_are_the_overall_share() -> None:
    """Sum over kinds of share x minutes / space minutes = real_share; a kind unscripted is NaN.

    The tiny script without exterior EVA: 10 + 4 + 2 = 16 space minutes.
    """
    scenario = scenario_from_data(tiny_data(script__exterior_eva=0))
    results = run_experiment(scenario, replications=20, seed=3)
    minutes = {kind: scenario.script.minutes(kind) for kind in SPACE_KINDS}
    for name in results.strategies:
        overall = results.column("real_share", name)
        weighted = sum(
            np.nan_to_num(results.column(REAL_SHARE_BY_KIND[kind], name)) * minutes[kind]
            for kind in SPACE_KINDS
        ) / sum(minutes.values())
        np.testing.assert_allclose(weighted, overall, rtol=0, atol=1e-12)
        assert np.isnan(results.column(REAL_SHARE_BY_KIND["exterior_eva"], name)).all()
    ground = results.column(REAL_SHARE_BY_KIND["weightless_interior"], "ground")
    assert (ground == 0).all()  # stages are not real weightlessness
