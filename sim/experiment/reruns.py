"""Replications simulated again in variants of a run's scenario, for the run's what-ifs.

The risk register (`sim.experiment.exposure`) and the fallback rules
(`sim.experiment.fallback_runs`) each measure variants of the scenario - an event removed, a
mitigation bought, a rule dropped - on the run's own random numbers, rerunning only the
(replication, strategy) pairs a variant can change. Both hand their variants here, and a run
hands them over together (`sim.experiment.what_if`), so the workers go from one to the other
with no pause between. A rerun is a replication as the run simulated it, seeded from (master
seed, replication) alone: where it runs cannot change it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from sim.core.errors import Failure, ReplicationError
from sim.experiment.executors import Handed, Pool, handed_over
from sim.model.replication import run_replication
from sim.scenario.schema import Scenario

#: Reruns per batch handed to a worker: each batch carries its variant's scenario (about a
#: millisecond to pickle and another to read), so a batch is a few dozen replications.
RERUN_BATCH = 50

#: (replication, strategy).
Pair = tuple[int, str]

#: What a rerun gives back, by column of its row.
COST, DELIVERY, REAL_SHARE = 0, 1, 2


@dataclass(frozen=True)
class Variant:
    """A variant of the run's scenario, and the pairs of it to simulate again, in order."""

    scenario: Scenario
    pairs: tuple[Pair, ...]
    #: ``KEY.PATH=VALUE`` settings that make `scenario` from the run's (a failure's replay).
    settings: tuple[str, ...]


@dataclass(frozen=True)
class Rerun:
    """Some pairs of one variant, to run again."""

    scenario: Scenario
    seed: int
    pairs: tuple[Pair, ...]
    #: (variant's place in the list handed over, first pair's place among its pairs).
    key: tuple[int, int]

    @property
    def start(self) -> int:
        """For the executors' progress count: a batch of `len(pairs)` runs."""
        return 0

    @property
    def stop(self) -> int:
        """See `start`."""
        return len(self.pairs)


Answer = tuple[tuple[int, int], np.ndarray, list[Failure]]


def rerun_batch(batch: Rerun) -> Answer:
    """Cost, delivery day and real share of each pair, a row each; NaN where one raised."""
    found = np.full((len(batch.pairs), 3), np.nan)
    failures: list[Failure] = []
    for index, (replication, strategy) in enumerate(batch.pairs):
        try:
            outcome = run_replication(
                batch.scenario, strategy, batch.seed, replication, record=False
            )
        except Exception as error:
            failures.append(Failure(strategy, replication, f"{type(error).__name__}: {error}"))
            continue
        found[index] = (outcome.cost_usd, outcome.delivery_day, outcome.real_share)
    return batch.key, found, failures


class Reruns:
    """Variants' reruns handed over (to a pool: at once); `outcomes` waits for them."""

    def __init__(
        self,
        variants: Sequence[Variant],
        seed: int,
        *,
        jobs: int = 1,
        dask: object = None,
        pool: Pool | None = None,
        scenario_file: str = "<scenario>",
    ) -> None:
        self._sizes = [len(variant.pairs) for variant in variants]
        self._settings = [variant.settings for variant in variants]
        self._seed, self._scenario_file = seed, scenario_file
        batches = [
            Rerun(variant.scenario, seed, variant.pairs[at : at + RERUN_BATCH], (index, at))
            for index, variant in enumerate(variants)
            for at in range(0, len(variant.pairs), RERUN_BATCH)
        ]
        workers = jobs if len(batches) > 1 else 1
        self._answers: Handed[Answer] = handed_over(rerun_batch, batches, workers, dask, pool)
        self._found: list[np.ndarray] | None = None
        self._error: ReplicationError | None = None

    def outcomes(self) -> list[np.ndarray]:
        """Per variant, a row per pair (`COST`, `DELIVERY`, `REAL_SHARE`), in its pairs' order.

        Raises:
            ReplicationError: some reruns raised (each pair once, with the settings of the
                first variant it failed in), every time it is asked.
        """
        if self._error is not None:
            raise self._error
        if self._found is None:
            found = [np.full((size, 3), np.nan) for size in self._sizes]
            failures: dict[tuple[str, int], Failure] = {}
            for (index, at), rows, failed in self._answers:
                found[index][at : at + len(rows)] = rows
                for failure in failed:
                    named = replace(failure, settings=self._settings[index])
                    failures.setdefault((failure.strategy, failure.replication), named)
            if failures:
                ordered = sorted(failures.values(), key=lambda f: (f.replication, f.strategy))
                self._error = ReplicationError(self._scenario_file, self._seed, ordered)
                raise self._error
            self._found = found
        return self._found

    def cancel(self) -> None:
        """Drop the reruns not started (the run stopped before it read them)."""
        self._answers.cancel()
