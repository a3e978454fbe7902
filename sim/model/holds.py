"""Holds: the flying crew, backups too, paid for days they wait for a flight that has not gone.

A day-out-of-days "hold" is a day a performer is under contract and not working: a launch
slip, a suborbital flight put back, a zero-g flight day cancelled. The day rate is drawn once
per replication, so every hold of a replication is paid alike.
"""

from __future__ import annotations

from sim.model.context import Replication


def pay_hold(rep: Replication, day: float, held_days: float, account: str) -> None:
    """Pay the flying crew for `held_days` waited; nothing when none were.

    Stream ``holds`` (the day rate, on the first hold). Ledger: ``holds``.
    Driver: ``hold_days`` (added up over every hold).
    """
    if held_days <= 0:
        return
    if rep.hold_rate_usd is None:
        rep.hold_rate_usd = rep.draw("holds", rep.scenario.production.hold_usd_per_day)
    people = sum(role.count + role.backups for role in rep.crew.values())
    rep.count("hold_days", held_days)
    rep.ledger.charge(day, "holds", account, held_days * people * rep.hold_rate_usd)
