"""Holds: the flying crew, backups too, paid for days they wait for a flight that has not gone.

A day-out-of-days "hold" is a day a performer is under contract and not working: a launch
slip, a suborbital flight put back, a zero-g flight day cancelled. The day rate is drawn once
per replication (stream ``holds``), so every hold of a replication is paid alike.
"""

from __future__ import annotations

from sim.model.context import Replication


def pay_hold(rep: Replication, day: float, held_days: float, account: str) -> None:
    """Pay the flying crew for `held_days` waited; nothing when none were.

    The day rate is the replication's (`Replication.hold_rate_usd`). Ledger: ``holds``.
    Driver: ``hold_days`` (added up over every hold).
    """
    if held_days <= 0:
        return
    people = sum(role.count + role.backups for role in rep.crew.values())
    rep.drivers.hold_days += held_days
    rep.ledger.charge(day, "holds", account, held_days * people * rep.hold_rate_usd)
