"""How the risk events that occurred (`sim.model.register`) strike a replication's tracks.

An event strikes only a strategy that runs the track it hits: a film without an orbital
segment does not pay for a grounded orbital vehicle. Delays and cancellations strike when the
track starts (`strike`); an early return strikes the stay aboard (`cut_short`).
"""

from __future__ import annotations

from dataclasses import dataclass

from sim.model.context import Replication
from sim.model.register import Strike
from sim.scenario.schema import Scenario
from sim.scenario.sources import SOURCES


@dataclass(frozen=True)
class Impact:
    """What the events on one target add up to."""

    delay_days: float = 0.0
    cancelled: bool = False


NO_IMPACT = Impact()


def exposed(scenario: Scenario, strategy: str, target: str) -> bool:
    """Whether an event on `target` can strike `strategy` at all.

    The production, post-production and the VFX vendor (``cgi``: every film's shots go to it)
    are part of every film; a source's track is the strategy's when it plans minutes from it or
    reshoots on it.
    """
    if target not in SOURCES or target == "cgi":
        return True
    chosen = scenario.strategies[strategy]
    if chosen.shortfall == "reshoot" and chosen.reshoot_on == target:
        return True
    return target in chosen.planned_minutes(scenario.script)


def pay_mitigations(rep: Replication, payments: dict[str, float]) -> None:
    """Charge now (day 0) the mitigations bought against the events that can strike this film.

    Category ``risk``, account ``<event>: <mitigation>``; a mitigation that costs nothing is
    not charged, so buying one free of charge leaves the ledger as it was.
    """
    for name, amount in payments.items():
        event = rep.scenario.risks[name]
        if amount > 0 and exposed(rep.scenario, rep.strategy_name, event.hits):
            rep.ledger.charge(rep.env.now, "risk", f"{name}: {event.mitigation}", amount)


def _take(rep: Replication, target: str, *, early_return: bool) -> list[Strike]:
    """Remove and return the pending events on `target` of one kind (early return or not)."""
    pending = rep.pending_risks.get(target, [])
    taken = [event for event in pending if (event.effect == "early_return") == early_return]
    rep.pending_risks[target] = [event for event in pending if event not in taken]
    return taken


def _record(rep: Replication, event: Strike, day: float) -> None:
    """Charge an event's cost and record that it struck, at `day`."""
    rep.ledger.charge(day, "risk", event.name, event.cost_usd)
    rep.risks_struck[event.name] = 1.0
    rep.timeline.mark(day, f"risk: {event.name}")


def strike(rep: Replication, target: str) -> Impact:
    """Let the delays and cancellations on `target` strike now, once; return their effect.

    Writes ledger category ``risk`` (account = event name) and the risk's column ``risk_<name>``.
    """
    if not rep.pending_risks.get(target):
        return NO_IMPACT
    delay = 0.0
    cancelled = False
    for event in _take(rep, target, early_return=False):
        _record(rep, event, rep.env.now)
        if event.effect == "cancel":
            cancelled = True
        else:
            delay += event.delay_days
    return Impact(delay, cancelled)


def cut_short(rep: Replication, docked_day: float, stay_days: float) -> float:
    """The stay aboard after the early-return events on ``orbit``: at most `stay_days`.

    Each event's problem comes at its drawn share of the stay; the crew undocks its
    ``return_after_days`` later, unless the planned undocking comes first. Each event is
    charged and recorded at the moment of its problem, as `strike` does.
    """
    stay = stay_days
    for event in _take(rep, "orbit", early_return=True):
        problem = event.at_fraction * stay_days
        _record(rep, event, docked_day + problem)
        stay = min(stay, problem + event.return_after_days)
    return stay
