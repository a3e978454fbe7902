"""The optimiser finds an optimum known by hand, and never reports a best that misses a target.

The scenario: 20 weightless minutes, filmed on zero-g flights (real) or in CGI, nothing else.
A flight yields exactly one screen minute (15 parabolas x 20 s x 1 usable x 1 camera / a
shooting ratio of 5) and never cancels, so a fraction f on parabolic flies 20 f flights and
delivers exactly 20 f minutes: the real share of every replication is f. A charter costs
$5 million, many times what a minute of CGI costs, so the whole-film cost rises by about
20 x ($5M - a CGI minute) with each unit of f: linear, increasing. The target asks for 60%
real. The cheapest split meeting it is therefore f = 0.6 exactly, at the cost of 12 flights.
"""

from __future__ import annotations

import copy
import itertools
from typing import Any

import numpy as np
import pytest
import yaml

from sim.analysis.decision import check_targets
from sim.analysis.optimum import optimise, verdict
from sim.experiment.runner import run_experiment
from sim.experiment.study import Measure, Study
from sim.report.optimum import best_yaml
from sim.scenario.changes import with_changes
from sim.scenario.load import scenario_from_data
from sim.scenario.yaml_text import parse

KNOWN: dict[str, Any] = {
    "simulation": {"replications": 20, "seed": 3, "horizon_days": 3650},
    "production": {
        "title": "Known optimum",
        "start_date": "2027-01-04",
        "deadline_date": "2029-01-04",
        "budget_usd": 80_000_000,
    },
    "script": {
        "weightless_interior": 20,
        "earth_view": 0,
        "exterior_eva": 0,
        "launch_landing": 0,
        "ground_drama": 0,
    },
    "crew": {"director_dp": {"count": 1, "backups": 0}},
    "sources": {
        "parabolic": {
            "charter_usd": 5_000_000,
            "parabolas_per_flight": 15,
            "weightless_seconds_per_parabola": 20,
            "usable_fraction": 1.0,
            "cameras": 1,
            "shooting_ratio": 5,
            "flight_cancel_probability": 0,
        }
    },
    "risks": {},
    "targets": {"real_share_by_kind": {"weightless_interior": 0.6}},
    "strategies": {"half": {"split": {"weightless_interior": {"parabolic": 0.5, "cgi": 0.5}}}},
}


def _known(**strategies: dict[str, Any]) -> Any:
    data = copy.deepcopy(KNOWN)
    data["strategies"] |= strategies
    return scenario_from_data(data)


@pytest.fixture(scope="module")
def study() -> Study:
    """60 trials of 20 replications, parabolic and CGI only; finalists on 40."""
    return optimise(
        _known(),
        trials=60,
        replications=20,
        final_replications=40,
        sources=("parabolic", "cgi"),
        jobs=1,
    )


def _p80(fraction: float) -> float:
    split = {"parabolic": fraction, "cgi": round(1 - fraction, 2)}
    scenario = _known(probe={"split": {"weightless_interior": split}})
    results = run_experiment(scenario, replications=30, seed=3, strategies=["probe"])
    return float(np.percentile(results.column("cost_usd", "probe"), 80, method="inverted_cdf"))


def test_the_cost_rises_with_the_real_fraction_as_the_scenario_is_built() -> None:
    """The premise: each 5% more on flights costs more (one flight more, ~$4M net)."""
    costs = [_p80(fraction) for fraction in (0.5, 0.55, 0.6, 0.65, 0.7)]
    assert all(b - a > 2e6 for a, b in itertools.pairwise(costs))


def test_the_optimiser_finds_the_fraction_known_by_hand(study: Study) -> None:
    """The best split is 60% parabolic: the least that meets the 60% real target."""
    best = study.finalists[0]
    assert best.role == "best"
    assert best.candidate.strategy["split"]["weightless_interior"] == {
        "parabolic": 0.6,
        "cgi": 0.4,
    }
    assert isinstance(best.final, Measure)
    assert best.final.feasible
    assert best.final.objectives[0] == pytest.approx(_p80(0.6), rel=0.01)


def test_no_finalist_reported_as_meeting_the_targets_misses_one(study: Study) -> None:
    """Every finalist ranked as meeting the targets meets them when rerun from its own YAML."""
    text = best_yaml(study, "known.yaml")
    pasted = parse("best.yaml", text).data
    assert pasted, "best.yaml holds strategies"
    scenario = _known(**pasted)
    results = run_experiment(
        scenario, replications=study.final_replications, seed=study.final_seed, strategies=pasted
    )
    for name in pasted:
        assert all(check.met for check in check_targets(results, name)), name
        assert min(results.column("real_share", name)) >= 0.6 - 1e-9


def test_best_yaml_pasted_under_strategies_loads_and_gives_the_numbers_reported(
    study: Study,
) -> None:
    """Paste best.yaml's lines under `strategies:` of the file: it loads, same P80 as reported."""
    file_text = yaml.safe_dump(KNOWN, sort_keys=False)
    head, tail = file_text.split("strategies:\n")
    pasted = head + "strategies:\n" + best_yaml(study, "known.yaml") + tail
    scenario = scenario_from_data(parse("pasted.yaml", pasted).data)
    best = study.finalists[0]
    assert best.label in scenario.strategies
    scenario = (
        with_changes(scenario, best.candidate.changes) if best.candidate.changes else scenario
    )
    results = run_experiment(
        scenario,
        replications=study.final_replications,
        seed=study.final_seed,
        strategies=[best.label],
    )
    cost = np.percentile(results.column("cost_usd", best.label), 80, method="inverted_cdf")
    assert isinstance(best.final, Measure)
    assert float(cost) == best.final.objectives[0]


def test_a_target_nothing_meets_is_said_and_the_nearest_given() -> None:
    """With only CGI allowed no split is real at all: the finalists are the nearest, named so."""
    found = optimise(
        _known(), trials=6, replications=5, final_replications=10, sources=("cgi",), jobs=1
    )
    assert not found.any_feasible
    assert verdict(found).startswith("No candidate meets every target in the search. Nearest:")
    assert "best.yaml" not in verdict(found)
    assert "None of them meets every target" in best_yaml(found, "known.yaml")
