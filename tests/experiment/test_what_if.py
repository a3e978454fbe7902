"""A run's what-ifs measured together, on one pool, give what each gives measured apart."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np

from sim.experiment.executors import Pool, handed_over, run_batches
from sim.experiment.exposure import measure
from sim.experiment.fallback_runs import measure_fallbacks
from sim.experiment.runner import run_experiment
from sim.experiment.what_if import start_what_ifs
from sim.scenario.load import scenario_from_data
from sim.scenario.schema import Scenario
from tests.conftest import tiny_data, with_orbit_rule


def with_rule_and_risks() -> Scenario:
    """The tiny scenario's risk events, one with a mitigation bought and one not, and a rule.

    Its orbit strategy carries a fallback rule; the launch slip can be insured (bought: a
    lower chance) or halved (not bought: a scaled delay, rerun where it strikes).
    """
    data = tiny_data()
    data["risks"]["slip"]["mitigations"] = {
        "insured": {"cost_usd": 50_000, "probability": 0.1},
        "halved": {"cost_usd": 80_000, "delay_factor": 0.5},
    }
    data["risks"]["slip"]["mitigation"] = "insured"
    with_orbit_rule(data, {"not_launched_by": "2027-12-01"})
    return scenario_from_data(data)


def _same_exposures(one, two) -> None:
    """Every variant's outcomes equal: the removals and each mitigation, bought and not."""
    assert one.reruns == two.reruns > 0
    pairs = [(one.removed, two.removed)]
    for by in ("without", "bought"):
        mine, theirs = getattr(one, by), getattr(two, by)
        pairs += [(mine[event], theirs[event]) for event in mine if mine[event]]
    assert len(pairs) == 3  # the removals, and the slip's mitigations without and bought
    for mine, theirs in pairs:
        assert mine.keys() == theirs.keys()
        for name, measured in mine.items():
            for strategy, cost in measured.cost_usd.items():
                assert np.array_equal(cost, theirs[name].cost_usd[strategy])
                assert np.array_equal(
                    measured.delivery_day[strategy], theirs[name].delivery_day[strategy]
                )


def _same_rules(one, two) -> None:
    assert [r.reruns for r in one.rules] == [r.reruns for r in two.rules]
    assert sum(r.reruns for r in one.rules) > 0
    for mine, theirs in zip(one.rules, two.rules, strict=True):
        assert np.array_equal(mine.cost_usd, theirs.cost_usd)
        assert np.array_equal(mine.delivery_day, theirs.delivery_day)
        assert np.array_equal(mine.real_share, theirs.real_share, equal_nan=True)


def test_measured_together_on_a_shared_pool_as_apart_and_serially() -> None:
    """One list of variants, register's then rules', read back apart: the same numbers.

    The run, the register and the rules on one pool of two workers give, bit for bit, what
    measuring each alone in this process gives.
    """
    scenario = with_rule_and_risks()
    results = run_experiment(scenario, replications=16, seed=4)
    exposures, rules = measure(results), measure_fallbacks(results)
    with Pool(2) as pool:
        shared = run_experiment(scenario, replications=16, seed=4, jobs=2, pool=pool)
        together = start_what_ifs(shared, jobs=2, pool=pool).result()
    assert shared.to_csv() == results.to_csv()
    assert together.exposures is not None
    _same_exposures(exposures, together.exposures)
    _same_rules(rules, together.fallbacks)


def test_without_the_register_only_the_rules_are_measured() -> None:
    results = run_experiment(with_rule_and_risks(), replications=8, seed=4)
    measured = start_what_ifs(results, register=False).result()
    assert measured.exposures is None
    _same_rules(measure_fallbacks(results), measured.fallbacks)


def _started(folder: str, name: str) -> str:
    """Work that leaves a file when it starts."""
    Path(folder, name).touch()
    return name


def test_batches_handed_over_run_before_what_is_submitted_after(tmp_path: Path) -> None:
    """`handed_over` submits at once: work submitted next queues behind every batch.

    One worker takes work in the order it was submitted, so once the work submitted last has
    run, every batch handed over before it has run, though no answer was read yet.
    """
    batches = [f"batch-{i}" for i in range(6)]
    with Pool(1) as pool:
        answers = handed_over(_Started(str(tmp_path)), batches, 2, pool=pool)
        pool.submit(_started, str(tmp_path), "after").result()
        assert {path.name for path in tmp_path.iterdir()} == {*batches, "after"}
        assert sorted(answers) == batches


class _Started:
    """A picklable `_started` on one folder, for a batch that is just its name."""

    def __init__(self, folder: str) -> None:
        self.folder = folder

    def __call__(self, batch: str) -> str:
        return _started(self.folder, batch)


class _DiesInWorkers:
    """Work that kills any worker it runs in (as the kernel kills one for memory)."""

    def __init__(self, parent: int) -> None:
        self.parent = parent

    def __call__(self, batch: int) -> int:
        if os.getpid() != self.parent:
            os._exit(1)
        return 2 * batch


def test_batches_a_dead_worker_left_are_done_here() -> None:
    """A worker that dies breaks the pool: its batches, and those not started, run here."""
    work = _DiesInWorkers(os.getpid())
    with Pool(2) as pool:
        assert sorted(handed_over(work, [1, 2, 3, 4], 2, pool=pool)) == [2, 4, 6, 8]
    with Pool(2) as pool:
        assert sorted(run_batches(work, [1, 2, 3, 4, 5], 2, pool=pool)) == [2, 4, 6, 8, 10]
