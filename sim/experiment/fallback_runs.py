"""What each fallback rule is worth: its strategy without it, pair by pair, on the run's numbers.

The counterfactual of a rule is the same strategy without that rule, replication by
replication on the same random numbers. A rule that did not fire in a replication changed
nothing there: its watch only ends a wait sooner when it fires (`sim.model.fallback`), so
the strategy without it has the run's own outcome in that replication. Only the replications
it fired in are simulated again without it (`brute_force` reruns every one; tests check that
the two agree), so a rule costs about its firing rate times a strategy's run. The variants
are kept apart from the run's table: they are no strategy of the scenario.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from sim.core.errors import Failure, ReplicationError
from sim.experiment.executors import run_batches
from sim.experiment.results import Results, fallback_columns
from sim.model.replication import run_replication
from sim.scenario.schema import Scenario

#: Reruns per batch handed to a worker.
RERUN_BATCH = 20


@dataclass(frozen=True)
class RuleRuns:
    """One rule of one strategy: where it fired, and the strategy's outcomes without it."""

    strategy: str
    rule: str
    #: Per replication: whether the rule fired.
    fired: np.ndarray
    #: Per replication, the strategy without the rule: its cost, delivery day (infinity:
    #: never delivered) and real share.
    cost_usd: np.ndarray
    delivery_day: np.ndarray
    real_share: np.ndarray
    #: Replications simulated again to measure it.
    reruns: int


@dataclass(frozen=True)
class FallbackRuns:
    """Every rule of a run's strategies, each against its strategy without it."""

    rules: tuple[RuleRuns, ...] = ()

    def of(self, strategy: str) -> tuple[RuleRuns, ...]:
        """The rules of `strategy`, in the scenario's order."""
        return tuple(runs for runs in self.rules if runs.strategy == strategy)


def without_rule(scenario: Scenario, strategy: str, rule: str) -> Scenario:
    """`scenario` with `strategy`'s fallback rule `rule` removed (every other part as it is)."""
    chosen = scenario.strategies[strategy]
    rules = {name: kept for name, kept in chosen.fallbacks.items() if name != rule}
    changed = chosen.model_copy(update={"fallbacks": rules})
    return scenario.model_copy(update={"strategies": {**scenario.strategies, strategy: changed}})


@dataclass(frozen=True)
class Rerun:
    """Some replications of one strategy of a variant scenario, to run again."""

    scenario: Scenario
    strategy: str
    seed: int
    replications: tuple[int, ...]
    #: (rule's place among the run's rules, first replication's place among its reruns).
    key: tuple[int, int] = (0, 0)

    @property
    def start(self) -> int:
        """For the executors' progress count: a batch of `len(replications)` runs."""
        return 0

    @property
    def stop(self) -> int:
        """See `start`."""
        return len(self.replications)


Answer = tuple[tuple[int, int], np.ndarray, list[Failure]]


def rerun_batch(batch: Rerun) -> Answer:
    """Cost, delivery day and real share of each replication, as rows; NaN where one raised."""
    found = np.full((len(batch.replications), 3), np.nan)
    failures: list[Failure] = []
    for index, replication in enumerate(batch.replications):
        try:
            outcome = run_replication(
                batch.scenario, batch.strategy, batch.seed, replication, record=False
            )
        except Exception as error:
            failures.append(
                Failure(batch.strategy, replication, f"{type(error).__name__}: {error}")
            )
            continue
        found[index] = (outcome.cost_usd, outcome.delivery_day, outcome.real_share)
    return batch.key, found, failures


def measure_fallbacks(
    results: Results,
    *,
    jobs: int = 1,
    dask: object = None,
    scenario_file: str = "<scenario>",
    brute_force: bool = False,
) -> FallbackRuns:
    """Each rule of the run's strategies against its strategy without it, on the run's numbers.

    Raises:
        ReplicationError: some reruns raised.
    """
    scenario, seed = results.scenario, results.seed
    plans: list[tuple[str, str, np.ndarray, Scenario]] = []
    for strategy in results.strategies:
        for name, rule in scenario.strategies[strategy].fallbacks.items():
            day = results.column(fallback_columns(rule.source)[0], strategy).astype(float)
            fired = ~np.isnan(day)
            plans.append((strategy, name, fired, without_rule(scenario, strategy, name)))
    batches = []
    for index, (strategy, _, fired, variant) in enumerate(plans):
        chosen = np.arange(len(fired)) if brute_force else np.flatnonzero(fired)
        replications = tuple(int(i) for i in chosen)
        batches += [
            Rerun(variant, strategy, seed, replications[at : at + RERUN_BATCH], (index, at))
            for at in range(0, len(replications), RERUN_BATCH)
        ]
    counts = [0] * len(plans)
    for batch in batches:
        counts[batch.key[0]] += len(batch.replications)
    reruns = [np.full((count, 3), np.nan) for count in counts]
    failures: list[Failure] = []
    workers = jobs if len(batches) > 1 else 1
    for (index, at), rows, failed in run_batches(rerun_batch, batches, workers, None, dask):
        reruns[index][at : at + len(rows)] = rows
        failures += failed
    if failures:
        failures.sort(key=lambda f: (f.replication, f.strategy))
        raise ReplicationError(scenario_file, seed, failures)
    measured = []
    for (strategy, name, fired, _), rows in zip(plans, reruns, strict=True):
        own = np.column_stack(
            [
                results.column(column, strategy).astype(float)
                for column in ("cost_usd", "delivery_day", "real_share")
            ]
        )
        chosen = np.arange(len(fired)) if brute_force else np.flatnonzero(fired)
        own[chosen] = rows
        measured.append(
            RuleRuns(
                strategy=strategy,
                rule=name,
                fired=fired,
                cost_usd=own[:, 0],
                delivery_day=own[:, 1],
                real_share=own[:, 2],
                reruns=len(chosen),
            )
        )
    return FallbackRuns(tuple(measured))
