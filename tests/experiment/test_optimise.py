"""The optimiser's study: reproducible whatever the workers, the front, the finalists' ranking."""

from __future__ import annotations

import pytest

from sim.analysis.optimum import OBJECTIVES, optimise
from sim.core.errors import UsageError
from sim.experiment.search_space import Candidate
from sim.experiment.study import Measure, Study, Trial, front_of


def _small(scenario, jobs: int, **options) -> Study:
    return optimise(
        scenario,
        trials=10,
        replications=4,
        final_replications=6,
        batch=4,
        jobs=jobs,
        **options,
    )


def _digest(study: Study) -> list[object]:
    trials = [(t.number, t.params, t.candidate.key, t.problem, t.measure) for t in study.trials]
    finals = [(f.label, f.role, f.candidate.key, f.final) for f in study.finalists]
    return [trials, finals, study.shipped]


def test_same_seed_same_study_with_one_or_two_workers(tiny_scenario) -> None:
    """Trials, measures and finalists are identical, bit for bit, on 1 and 2 workers."""
    one = _small(tiny_scenario, jobs=1, seed=11)
    two = _small(tiny_scenario, jobs=2, seed=11)
    assert _digest(one) == _digest(two)
    assert len(one.trials) == 10


def test_a_local_dask_cluster_gives_the_same_study(tiny_scenario) -> None:
    """--dask local (two worker processes, started once for the study): the same, bit for bit."""
    one = _small(tiny_scenario, jobs=1, seed=11)
    on_dask = _small(tiny_scenario, jobs=2, seed=11, dask="local")
    assert _digest(one) == _digest(on_dask)


def test_another_seed_another_study(tiny_scenario) -> None:
    """The seed drives the sampler: another seed proposes other candidates."""
    first = [t.params for t in _small(tiny_scenario, jobs=1, seed=11).trials]
    other = [t.params for t in _small(tiny_scenario, jobs=1, seed=12).trials]
    shipped = len(tiny_scenario.strategies)  # the search starts from these, whatever the seed

    def splits(params: list[dict]) -> list[dict]:
        return [{k: v for k, v in p.items() if k.startswith("split.")} for p in params]

    assert splits(first[:shipped]) == splits(other[:shipped])
    assert first[shipped:] != other[shipped:]


def test_a_front_search_tells_all_three_objectives(tiny_scenario) -> None:
    """--front: Optuna's multi-objective TPE, without a warning; the front is undominated."""
    study = _small(tiny_scenario, jobs=1, seed=11, front=True)
    assert study.front_search
    front = study.front
    assert front
    for trial in front:
        for other in study.measured:
            a, b = other.measure.objectives, trial.measure.objectives  # type: ignore[union-attr]
            assert not (a[0] <= b[0] and a[1] <= b[1] and a[2] >= b[2] and a != b)


def test_progress_counts_every_trial_then_the_finalists(tiny_scenario) -> None:
    """The search is told up to --trials, then the shipped strategies, then the finalists."""
    seen: dict[str, tuple[int, int]] = {}
    _small(
        tiny_scenario,
        jobs=1,
        progress=lambda phase, done, total: seen.update({phase: (done, total)}),
    )
    assert seen["search"] == (10, 10)
    assert seen["shipped"] == (4, 4)
    done, total = seen["finalists"]
    assert done == total >= 1


def test_bad_numbers_are_refused(tiny_scenario) -> None:
    """--trials 0 is a usage error, before anything runs."""
    with pytest.raises(UsageError, match="--trials, --replications"):
        optimise(tiny_scenario, trials=0, replications=4, final_replications=4)


def _trial(number: int, cost: float, day: float, share: float, miss: float = 0.0) -> Trial:
    measure = Measure((cost, day, share), {"real_share": miss})
    return Trial(number, {}, Candidate({"split": {}, "n": number}), measure=measure)


def test_the_front_keeps_the_undominated_feasible_candidates() -> None:
    """Cheaper, earlier or more real than every other: kept; beaten on all three: dropped."""
    trials = [
        _trial(0, 100, 500, 0.5),
        _trial(1, 120, 450, 0.5),  # dearer but earlier: on the front
        _trial(2, 130, 520, 0.4),  # beaten by 0 on everything: off
        _trial(3, 90, 400, 0.9, miss=0.1),  # better on all, but misses a target: not counted
        _trial(4, 100, 500, 0.5),  # the same point as 0: shown once
    ]
    assert [t.number for t in front_of(trials, OBJECTIVES)] == [0, 1]


def test_with_nothing_feasible_the_front_is_that_of_all() -> None:
    """When every candidate misses a target, the front is drawn among them all."""
    trials = [_trial(0, 100, 500, 0.5, 0.2), _trial(1, 90, 600, 0.5, 0.3)]
    assert [t.number for t in front_of(trials, OBJECTIVES)] == [0, 1]


def test_measures_distance_is_the_norm_of_the_misses() -> None:
    """A 30% and a 40% miss are 50% from meeting every target; met targets count nothing."""
    measure = Measure((1.0, 1.0, 1.0), {"a": 0.3, "b": 0.4, "c": 0.0})
    assert measure.distance == pytest.approx(0.5)
    assert not measure.feasible
    assert Measure((1.0, 1.0, 1.0), {"a": 0.0}).feasible
