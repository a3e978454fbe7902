"""The risk register drawn for one replication: which events occur, with their impacts.

Every event's occurrence, delay and cost are drawn when the replication starts, in register
order, whatever the strategy, so all strategies face the same events (common random numbers).
How an occurred event strikes a track is `sim.model.risks`'s business.
"""

from __future__ import annotations

from dataclasses import dataclass

from sim.core.rng import Stream, Streams
from sim.model.exchange import converted
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


@dataclass(frozen=True)
class Draws:
    """A replication's register: what occurred, and the numbers it was drawn from."""

    occurred: dict[str, list[Strike]]
    #: Per event, the uniform number its occurrence was decided by (it occurs below its chance).
    uniforms: dict[str, float]
    #: Per event and mitigation listed (bought or not), what it costs in this replication.
    mitigation_costs: dict[str, dict[str, float]]

    def payments(self, scenario: Scenario) -> dict[str, float]:
        """What each event's bought mitigation costs, by event (events without one left out)."""
        return {
            name: self.mitigation_costs[name][event.mitigation]
            for name, event in scenario.risks.items()
            if event.mitigation is not None
        }


def draw_all(scenario: Scenario, streams: Streams, rates: dict[str, float] | None = None) -> Draws:
    """The register of one replication.

    Draws from stream ``risks``: 3 numbers per listed event (occurrence, delay, cost), and 2 more
    for an early return (days to undock, moment in the stay: uniform, a constant hazard), all
    whatever occurs and whatever is bought, so a changed chance or a bought mitigation leaves
    every other number as it was. After every event, each listed mitigation's cost, in order
    (a fixed cost draws nothing). A bought mitigation's chance replaces the event's, on the same
    number; its factors scale the drawn delay and cost. A cost stated in another currency is
    converted at `rates` (`sim.model.exchange`; none: every cost is in the scenario's).
    """
    rates = rates or {}
    rng = streams[Stream.risks]
    occurred: dict[str, list[Strike]] = {}
    uniforms: dict[str, float] = {}
    for name, event in scenario.risks.items():
        bought = event.applied()
        uniforms[name] = uniform = float(rng.random())
        happens = uniform < event.chance
        delay = sample(event.delay_days, rng)
        cost = converted(event.cost_usd, sample(event.cost_usd, rng), rates)
        if bought is not None:
            delay *= bought.delay_factor
            cost *= bought.cost_factor
        at_fraction = return_after = 0.0
        if event.effect == "early_return":
            return_after = sample(event.return_after_days, rng)
            at_fraction = float(rng.random())
        if happens:
            strike = Strike(name, event.hits, event.effect, delay, cost, at_fraction, return_after)
            occurred.setdefault(event.hits, []).append(strike)
    costs = {
        name: {
            m: converted(mitigation.cost_usd, sample(mitigation.cost_usd, rng), rates)
            for m, mitigation in event.mitigations.items()
        }
        for name, event in scenario.risks.items()
    }
    return Draws(occurred, uniforms, costs)
