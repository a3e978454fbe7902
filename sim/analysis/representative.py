"""The replication that tells a strategy's typical story: nearest its median date and cost.

A cloud of outcomes says how likely a date is; one replication, replayed in full from the run's
seed, says why. The figures draw the replayed outcomes; they never simulate. Both medians
count: a strategy whose orbital segment is cancelled one time in ten has cancelled replications
that deliver near its median date, at a cost far below its median, and a story of one of those
would not be the strategy's typical story.
"""

from __future__ import annotations

import numpy as np

from sim.experiment.results import Results
from sim.experiment.runner import replay
from sim.model.outcome import Outcome


def representative(results: Results, strategy: str) -> int | None:
    """The delivered replication nearest both the median delivery day and the median cost.

    Nearest by rank: each delivered replication's percentile in delivery day and in cost, and
    the one whose farther percentile is closest to the 50th (then the nearer, then the first).
    None if no replication delivered.
    """
    day = results.column("delivery_day", strategy).astype(float)
    delivered = np.isfinite(day)
    if not delivered.any():
        return None
    cost = results.column("cost_usd", strategy).astype(float)[delivered]
    replication = results.column("replication", strategy)[delivered]
    off = np.abs(np.vstack([_percentiles(day[delivered]), _percentiles(cost)]) - 0.5)
    first = np.lexsort((replication, off.sum(axis=0), off.max(axis=0)))[0]
    return int(replication[first])


def _percentiles(values: np.ndarray) -> np.ndarray:
    """Each value's percentile among `values`, as a share in (0, 1); ties in the order given."""
    ranks = np.empty(len(values))
    ranks[np.argsort(values, kind="stable")] = np.arange(len(values))
    return (ranks + 0.5) / len(values)


def told(results: Results) -> dict[str, Outcome | None]:
    """Each strategy's representative replication, replayed exactly (None if none delivered)."""
    stories: dict[str, Outcome | None] = {}
    for name in results.strategies:
        index = representative(results, name)
        stories[name] = (
            None
            if index is None
            else replay(results.scenario, name, seed=results.seed, replication=index)
        )
    return stories
