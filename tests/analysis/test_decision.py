"""The decision: targets checked on hand-made replications, the strategy chosen, the misses."""

from __future__ import annotations

import json
import math
from typing import Any

import numpy as np
import pytest

from sim.analysis.decision import TargetCheck, chances_of, check_targets, decide, distance
from sim.analysis.records import Summary
from sim.analysis.summary import summarise
from sim.experiment.results import REAL_SHARE_BY_KIND, Results
from sim.experiment.runner import run_experiment
from sim.scenario.load import scenario_from_data
from tests.conftest import tiny_data

#: The tiny scenario's deadline (2029-01-04) as a day of the production, and its budget.
DEADLINE_DAY = 731.0
BUDGET = 150e6


def _results(
    targets: dict[str, Any] | None, strategies: dict[str, dict[str, list[float]]]
) -> Results:
    """Results of hand-made replications: per strategy, its columns (cost, day, real shares).

    Columns a strategy leaves out are filled: cost 100 M, delivered on day 600 (on time, on
    budget), real shares 0.
    """
    data = tiny_data()
    if targets is not None:
        data["targets"] = targets
    scenario = scenario_from_data(data)
    names = tuple(strategies)
    size = len(next(iter(next(iter(strategies.values())).values())))
    filled = {"cost_usd": 100e6, "delivery_day": 600.0, "real_share": 0.0}
    filled |= dict.fromkeys(REAL_SHARE_BY_KIND.values(), 0.0)
    columns: dict[str, np.ndarray] = {
        "strategy": np.array([name for _ in range(size) for name in names], dtype=object),
        "replication": np.repeat(np.arange(size), len(names)),
    }
    for column, fill in filled.items():
        values = [strategies[name].get(column, [fill] * size) for name in names]
        columns[column] = np.array(
            [values[k][i] for i in range(size) for k in range(len(names))], dtype=float
        )
    return Results(scenario=scenario, seed=1, strategies=names, columns=columns)


def _only(checks: tuple[TargetCheck, ...], target: str) -> TargetCheck:
    (found,) = [check for check in checks if check.target == target]
    return found


def test_a_real_share_target_counts_the_replications_that_reach_it() -> None:
    """0.9, 0.8, 0.7, 0.6 against 75%: half reach it, so met at 0.5, 0.25 short at 0.75."""
    shares = {"real_share": [0.9, 0.8, 0.7, 0.6]}
    median = _only(check_targets(_results({"real_share": 0.75}, {"a": shares}), "a"), "real_share")
    assert (median.wanted, median.achieved, median.met, median.gap) == (0.5, 0.5, True, 0.0)
    assert median.reached == 0.8  # the 2nd largest: half the films reach 80%
    assert median.mean == pytest.approx(0.75)
    assert median.shortfall == 0.0
    strict = _only(
        check_targets(
            _results({"real_share": 0.75, "real_share_confidence": 0.75}, {"a": shares}), "a"
        ),
        "real_share",
    )
    assert (strict.wanted, strict.achieved, strict.met) == (0.75, 0.5, False)
    assert strict.gap == pytest.approx(0.25)
    assert strict.reached == 0.7  # the 3rd largest: three films in four reach 70%
    assert strict.shortfall == pytest.approx(0.05 / 0.75)  # 5 points short of 75%


def test_a_share_that_rounds_just_below_its_target_reaches_it() -> None:
    """35 x 0.6 / 35 minutes reaches 0.6, whatever the last bit of the division."""
    share = 35 * 0.6 / 35 - 1e-15
    results = _results(
        {"real_share_by_kind": {"weightless_interior": 0.6}},
        {"a": {REAL_SHARE_BY_KIND["weightless_interior"]: [share, share]}},
    )
    (check,) = check_targets(results, "a")
    assert check.target == "real_share.weightless_interior"
    assert check.met
    assert check.achieved == 1.0


def test_a_replication_without_a_real_share_reaches_nothing() -> None:
    """NaN (no minutes of the kind) never counts as reaching a share; the mean skips it."""
    results = _results({"real_share": 0.5}, {"a": {"real_share": [math.nan, 0.9, math.nan, 0.1]}})
    (check,) = check_targets(results, "a")
    assert check.achieved == 0.25
    assert not check.met
    assert check.reached == 0.1
    assert check.mean == pytest.approx(0.5)


def test_confidence_targets_use_the_chances_the_summary_counts() -> None:
    """Four films: on time and on budget, late, over budget, never delivered."""
    results = _results(
        {"joint_confidence": 0.3, "on_time_confidence": 0.8, "on_budget_confidence": 0.5},
        {"a": {"cost_usd": [1e8, 1e8, 2e8, 1e8], "delivery_day": [600, 800, 600, math.inf]}},
    )
    checks = check_targets(results, "a")
    assert [c.target for c in checks] == [
        "joint_confidence",
        "on_time_confidence",
        "on_budget_confidence",
    ]
    joint, on_time, on_budget = checks
    assert (joint.achieved, joint.met, joint.gap) == (0.25, False, pytest.approx(0.05))
    assert (on_time.achieved, on_time.met) == (0.5, False)  # the undelivered film is late
    assert on_time.gap == pytest.approx(0.3)
    assert (on_budget.achieved, on_budget.met, on_budget.gap) == (0.5, True, 0.0)
    assert distance(checks) == pytest.approx(math.hypot(0.05 / 0.3, 0.3 / 0.8))


def test_no_targets_no_checks_and_the_cheapest_is_recommended() -> None:
    """Without a targets section: nothing to check, and the lowest P80 cost as before."""
    results = _results(None, {"a": {"cost_usd": [9e7] * 5}, "b": {"cost_usd": [8e7] * 5}})
    assert check_targets(results, "a") == ()
    decision = decide(results)
    assert decision.targets == {}
    assert decision.meeting == ()
    assert not decision.nearest
    assert decision.recommended == "b"
    assert "no targets" in decision.reason


def test_the_cheapest_of_those_meeting_every_target_is_recommended() -> None:
    """Strategies a and b meet every target, c is cheaper but misses: b, cheaper than a."""
    targets = {"real_share": 0.5, "joint_confidence": 0.8}
    results = _results(
        targets,
        {
            "a": {"cost_usd": [1.2e8] * 5, "real_share": [0.9] * 5},
            "b": {"cost_usd": [1.1e8] * 5, "real_share": [0.6] * 5},
            "c": {"cost_usd": [0.5e8] * 5, "real_share": [0.4] * 5},
        },
    )
    decision = decide(results)
    assert decision.meeting == ("a", "b")
    assert decision.recommended == "b"
    assert not decision.nearest
    assert decision.distance["a"] == decision.distance["b"] == 0.0
    assert decision.p80_cost_usd["b"] == 1.1e8
    assert "the cheapest of the 2 that do" in decision.reason


def test_with_none_meeting_every_target_the_nearest_is_recommended_with_its_gaps() -> None:
    """Strategy a: 40% real of 80% wanted (half short); b: 70% real, joint 50% of 80%.

    Strategy a's distance is 0.5; b's is hypot(0.1 / 0.8, 0.3 / 0.8) = 0.395: b is nearer.
    """
    results = _results(
        {"real_share": 0.8, "joint_confidence": 0.8},
        {
            "a": {"real_share": [0.4] * 4},
            "b": {"real_share": [0.7] * 4, "cost_usd": [1e8, 1e8, 2e8, 2e8]},
        },
    )
    decision = decide(results)
    assert decision.meeting == ()
    assert decision.nearest
    assert decision.distance["a"] == pytest.approx(0.5)
    assert decision.distance["b"] == pytest.approx(math.hypot(0.1 / 0.8, 0.3 / 0.8))
    assert decision.recommended == "b"
    real, joint = decision.checks["b"]
    assert (real.target, real.met, real.gap, real.reached) == ("real_share", False, 0.5, 0.7)
    assert (joint.target, joint.achieved) == ("joint_confidence", 0.5)
    assert joint.gap == pytest.approx(0.3)
    assert "real_share: 70% real against 80% wanted (10 points short" in decision.reason
    assert "joint_confidence: P(on time and on budget) 50% against 80% wanted" in decision.reason
    assert "30 points short" in decision.reason


def test_a_tie_in_distance_goes_to_the_cheaper() -> None:
    """Both miss the same way; the cheaper at P80 is the nearest."""
    results = _results(
        {"real_share": 0.8},
        {"a": {"cost_usd": [2e8] * 3}, "b": {"cost_usd": [1e8] * 3}},
    )
    assert decide(results).recommended == "b"


@pytest.fixture(scope="module")
def targeted_run() -> Results:
    """20 replications of the tiny scenario with a target of each kind."""
    data = tiny_data()
    data["targets"] = {
        "real_share": 0.5,
        "real_share_by_kind": {"weightless_interior": 0.8},
        "joint_confidence": 0.8,
    }
    return run_experiment(scenario_from_data(data), replications=20, seed=4)


def test_the_chances_are_the_summarys(targeted_run: Results) -> None:
    """check_targets' P(joint), P(on time), P(on budget) are the summary's, strategy by strategy."""
    summary = summarise(targeted_run)
    for name, strategy in summary.strategies.items():
        chances = chances_of(targeted_run, name)
        assert chances["joint_confidence"] == strategy.p_joint
        assert chances["on_time_confidence"] == strategy.p_on_time
        assert chances["on_budget_confidence"] == strategy.p_on_budget
        assert summary.decision is not None
        assert summary.decision.p80_cost_usd[name] == strategy.cost.p80


def test_summary_json_carries_the_decision(targeted_run: Results) -> None:
    """summary.json's decision: the targets, each strategy's checks, read back the same."""
    summary = summarise(targeted_run)
    data = json.loads(json.dumps(summary.to_json(), allow_nan=False))
    decision = data["decision"]
    assert decision["targets"] == {
        "real_share": 0.5,
        "real_share.weightless_interior": 0.8,
        "real_share_confidence": 0.5,
        "joint_confidence": 0.8,
    }
    assert decision["recommended"] in summary.strategies
    assert set(decision["checks"]) == set(summary.strategies)
    assert [c["target"] for c in decision["checks"]["orbit"]] == [
        key for key in decision["targets"] if key != "real_share_confidence"
    ]
    assert Summary.from_json(data) == summary
