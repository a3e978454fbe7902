"""The replication that tells a strategy's typical story: the one delivered nearest its median.

A cloud of outcomes says how likely a date is; one replication, replayed in full from the run's
seed, says why. The figures draw the replayed outcomes; they never simulate.
"""

from __future__ import annotations

import numpy as np

from sim.experiment.results import Results
from sim.experiment.runner import replay
from sim.model.outcome import Outcome


def representative(results: Results, strategy: str) -> int | None:
    """The replication delivered nearest the strategy's median delivery day (None if none is)."""
    day = results.column("delivery_day", strategy).astype(float)
    replication = results.column("replication", strategy)
    delivered = np.isfinite(day)
    if not delivered.any():
        return None
    median = float(np.percentile(day[delivered], 50, method="inverted_cdf"))
    nearest = int(np.argmin(np.where(delivered, np.abs(day - median), np.inf)))
    return int(replication[nearest])


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
