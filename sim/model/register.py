"""The risk register drawn for one replication: which events occur, with their impacts.

Every event's occurrence, delay and cost are drawn when the replication starts, in register
order, whatever the strategy, so all strategies face the same events (common random numbers).
How an occurred event strikes a track is `sim.model.risks`'s business.
"""

from __future__ import annotations

from dataclasses import dataclass

from sim.core.rng import Stream, Streams
from sim.model.sampling import sample
from sim.scenario.schema import Scenario


@dataclass(frozen=True)
class Strike:
    """An event that occurred in this replication."""

    name: str
    target: str
    effect: str
    delay_days: float
    cost_usd: float
    #: Early return only: when the problem comes, as a share of the stay, and the days to undock.
    at_fraction: float = 0.0
    return_after_days: float = 0.0


def draw_register(scenario: Scenario, streams: Streams) -> dict[str, list[Strike]]:
    """Occurred events by target.

    Draws from stream ``risks``: 3 numbers per listed event (occurrence, delay, cost), and 2 more
    for an early return (days to undock, moment in the stay: uniform, a constant hazard).
    """
    rng = streams[Stream.risks]
    occurred: dict[str, list[Strike]] = {}
    for name, event in scenario.risks.items():
        happens = rng.random() < event.probability
        delay = sample(event.delay_days, rng)
        cost = sample(event.cost_usd, rng)
        at_fraction = return_after = 0.0
        if event.effect == "early_return":
            return_after = sample(event.return_after_days, rng)
            at_fraction = float(rng.random())
        if happens:
            strike = Strike(name, event.hits, event.effect, delay, cost, at_fraction, return_after)
            occurred.setdefault(event.hits, []).append(strike)
    return occurred
