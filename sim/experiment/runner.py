"""Running an experiment: every strategy of a scenario, replication by replication.

Replication *i* of every strategy is seeded from (master seed, *i*) alone - never from the worker
or the batch - so the results are the same whatever the executor, the number of workers or
which strategies were asked for.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sim.core.errors import Failure, OutOfMemoryError, ReplicationError, UsageError
from sim.experiment.cash import month_bounds, monthly
from sim.experiment.executors import Pool, available_memory, run_batches
from sim.experiment.results import Columns, Results, Row, Table, columns_for, columns_of, row_of
from sim.model.outcome import Outcome
from sim.model.replication import Opening, run_replication
from sim.scenario.schema import MAX_REPLICATIONS, MAX_SEED, Scenario

#: Replications per batch: enough to amortise handing one over, few enough that the workers
#: finish together.
BATCH_SIZE = 20


@dataclass(frozen=True)
class Batch:
    """Replications [start, stop) of the given strategies."""

    scenario: Scenario
    strategies: tuple[str, ...]
    seed: int
    start: int
    stop: int


def simulate_batch(batch: Batch) -> tuple[Columns, list[Failure]]:
    """Run one batch into columns; a replication that raises is a failure, the rest go on."""
    rows: list[Row] = []
    failures: list[Failure] = []
    ledgers = []
    for replication in range(batch.start, batch.stop):
        opening = None  # drawn once, for every strategy of this replication
        for strategy in batch.strategies:
            try:
                opening = opening or Opening.draw(batch.scenario, batch.seed, replication)
                outcome = run_replication(
                    batch.scenario, strategy, batch.seed, replication, record=False, opening=opening
                )
            except Exception as error:
                failures.append(Failure(strategy, replication, f"{type(error).__name__}: {error}"))
                continue
            rows.append(row_of(outcome, batch.scenario))
            ledgers.append(outcome.ledger)
    columns = columns_of(rows, columns_for(batch.scenario))
    columns.update(monthly(ledgers, month_bounds(batch.scenario)))
    return columns, failures


def run_experiment(
    scenario: Scenario,
    *,
    replications: int | None = None,
    seed: int | None = None,
    strategies: Sequence[str] | None = None,
    jobs: int = 1,
    progress: Callable[[int], None] | None = None,
    scenario_file: str = "<scenario>",
    until: Callable[[Results], bool] | None = None,
    max_replications: int | None = None,
    dask: Any = None,
    pool: Pool | None = None,
) -> Results:
    """Simulate `replications` replications of each strategy, or more until `until` is met.

    With `until`, the run doubles its replications until ``until(results)`` holds or
    `max_replications` are done; since replication *i* always draws the same numbers, the
    result is exactly that of a run asking for the number it stopped at.

    Args:
        scenario: a loaded scenario.
        replications: per strategy; the scenario's own number when None.
        seed: master seed; the scenario's own when None.
        strategies: names to run, in the scenario's order; all when None.
        jobs: worker processes (1 runs in this process).
        progress: called with the number of replications finished each time a batch ends.
        scenario_file: named in the message of a failed replication.
        until: a stopping rule on the results so far (e.g. a precision reached).
        max_replications: the most replications `until` may ask for.
        dask: run the batches on Dask instead: a scheduler address, "local" (a cluster of
            `jobs` processes here), or a `distributed` Client or cluster.
        pool: worker processes the caller keeps for its later stages (`Pool`); without one,
            `jobs` workers are started for the run and stopped after it.

    Raises:
        UsageError: an unknown strategy name or a bad number of replications or jobs.
        ReplicationError: some replications raised (the run stops at the first batch with
            one); names each so it can be replayed.
    """
    replications = scenario.simulation.replications if replications is None else replications
    seed = scenario.simulation.seed if seed is None else seed
    names = _strategies(scenario, strategies)
    most = replications if until is None else max(replications, max_replications or 0)
    if not 1 <= replications <= most <= MAX_REPLICATIONS:
        raise UsageError(
            f"--reps {replications}"
            + (f" --max-reps {most}" if most > replications else "")
            + f": use 1 to {MAX_REPLICATIONS:,} replications (the scenario format's limit)"
        )
    if jobs < 1:
        raise UsageError(f"--jobs {jobs}: use at least 1 worker")
    if not 0 <= seed <= MAX_SEED:
        raise UsageError(f"--seed {seed}: use an integer from 0 to 2**63 - 1")
    table = Table(scenario, names)
    done = 0
    while True:
        try:
            table.extend(replications)
        except MemoryError:
            per = table.bytes_per_replication()
            free = available_memory()
            fits = None if free is None else free // 2 // max(1, per)
            raise OutOfMemoryError(replications, len(names), replications * per, fits) from None
        batches = [
            Batch(scenario, names, seed, start, min(start + BATCH_SIZE, replications))
            for start in range(done, replications, BATCH_SIZE)
        ]
        _simulate(
            batches,
            table.add,
            jobs=jobs,
            progress=progress,
            scenario_file=scenario_file,
            dask=dask,
            pool=pool,
        )
        done = replications
        results = Results(scenario, seed, names, table.columns)
        if until is None or done >= most or until(results):
            return results
        replications = min(2 * done, most)


def _simulate(
    batches: list[Batch],
    gather: Callable[[Columns], None],
    *,
    jobs: int,
    progress: Callable[[int], None] | None,
    scenario_file: str,
    dask: Any,
    pool: Pool | None,
) -> None:
    """Hand each batch's columns to `gather`; the first batch with a failed replication stops."""
    failures: list[Failure] = []
    for batch_columns, batch_failures in run_batches(
        simulate_batch, batches, jobs, progress, dask, pool=pool
    ):
        gather(batch_columns)
        failures += batch_failures
        if failures:  # the run is unusable: stop now, cancelling the batches not started
            break
    if failures:
        names = batches[0].strategies
        failures.sort(key=lambda f: (f.replication, names.index(f.strategy)))
        raise ReplicationError(scenario_file, batches[0].seed, failures)


def replay(
    scenario: Scenario, strategy: str, *, seed: int | None = None, replication: int = 0
) -> Outcome:
    """One replication of one strategy, exactly as a run with the same seed simulated it.

    Raises:
        UsageError: an unknown strategy, or a negative seed or replication.
    """
    (name,) = _strategies(scenario, [strategy])
    seed = scenario.simulation.seed if seed is None else seed
    if seed < 0 or replication < 0:
        raise UsageError("--seed and --replication take non-negative integers")
    return run_replication(scenario, name, seed, replication)


def _strategies(scenario: Scenario, asked: Sequence[str] | None) -> tuple[str, ...]:
    if not asked:
        return tuple(scenario.strategies)
    unknown = [name for name in asked if name not in scenario.strategies]
    if unknown:
        raise UsageError(
            f"unknown strategy '{unknown[0]}'; the scenario has: " + ", ".join(scenario.strategies)
        )
    return tuple(name for name in scenario.strategies if name in asked)
