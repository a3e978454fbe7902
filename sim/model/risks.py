"""The risk register of one replication: which events occur, and their strike on a track.

Every event's occurrence, delay and cost are drawn when the replication starts, in register
order, whatever the strategy, so all strategies face the same events (common random numbers).
An event strikes only a strategy that runs the track it hits: a film without an orbital
segment does not pay for a grounded orbital vehicle.
"""

from __future__ import annotations

from dataclasses import dataclass

from sim.model.context import Replication


@dataclass(frozen=True)
class Strike:
    """An event that occurred in this replication."""

    name: str
    target: str
    effect: str
    delay_days: float
    cost_usd: float


def draw_register(rep: Replication) -> dict[str, list[Strike]]:
    """Occurred events by target. Draws from stream ``risks``: 3 numbers per listed event."""
    rng = rep.streams["risks"]
    occurred: dict[str, list[Strike]] = {}
    for name, event in rep.scenario.risks.items():
        happens = rng.random() < event.probability
        delay = rep.draw("risks", event.delay_days)
        cost = rep.draw("risks", event.cost_usd)
        if happens:
            strike = Strike(name, event.hits, event.effect, delay, cost)
            occurred.setdefault(event.hits, []).append(strike)
    return occurred


@dataclass(frozen=True)
class Impact:
    """What the events on one target add up to."""

    delay_days: float = 0.0
    cancelled: bool = False


def strike(rep: Replication, target: str) -> Impact:
    """Let the events on `target` strike now, once: charge their costs, return their effect.

    Writes ledger category ``risk`` (account = event name) and the driver ``risk_<name>``.
    """
    delay = 0.0
    cancelled = False
    for event in rep.pending_risks.pop(target, []):
        rep.ledger.charge(rep.env.now, "risk", event.name, event.cost_usd)
        rep.drivers[f"risk_{event.name}"] = 1.0
        rep.timeline.mark(rep.env.now, f"risk: {event.name}")
        if event.effect == "cancel":
            cancelled = True
        else:
            delay += event.delay_days
    return Impact(delay, cancelled)
