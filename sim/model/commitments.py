"""Contracts paid on a schedule: deposit at booking, instalments, balance before the service.

A track books its source when it starts (the orbital crew at the production's start, every other
source when its track starts after pre-production): a `Contract` with the source's
`PaymentSchedule`, the day it was booked and its price. Each payment falls due at booking or a
number of days before the service (the flight, the shoot), never before the booking nor after
the service, and becomes committed (not refundable) when it is paid, or when its refund window
closes (`refundable_until_days_before`), or when the whole price is owed
(`owed_in_full_days_before`), whichever comes first.

- A service that happens is paid in full, each payment charged on its due day counted back
  from the day the service really happened (a balance "30 days before the flight" follows the
  flight as it slips): the same total as paying at the service, spread over time.
- A booking cancelled on a day loses what the schedule had committed by then, counted back
  from the service as planned when it was cancelled: the payments already non-refundable are
  kept by the operator, the refundable ones come back and leave no entry, and within
  `owed_in_full_days_before` of the service the rest is invoiced on the day of the
  cancellation.

Nothing here draws a random number: the prices come from the tracks' own streams.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from sim.model.context import Replication
from sim.model.ledger import Entry, check
from sim.scenario.sources.spec import PaymentSchedule

#: What the ledger's account of a lost payment adds to the contract's account.
FORFEITED = " (cancelled)"


@dataclass(frozen=True)
class Contract:
    """One booking of a source: its payment terms, when it was booked, and what it costs."""

    schedule: PaymentSchedule
    booked_day: float
    price_usd: float
    category: str
    account: str


class Due(NamedTuple):
    """One payment of a contract placed on the calendar."""

    amount_usd: float
    due_day: float
    committed_day: float


def calendar(contract: Contract, service_day: float) -> list[Due]:
    """The contract's payments for a service on `service_day`: when due, when committed."""
    return [Due(*payment) for payment in _payments(contract, service_day)]


def _payments(contract: Contract, service_day: float) -> list[tuple[float, float, float]]:
    """`calendar` as plain (amount, due day, committed day) triples: the tracks call it often."""
    booked = contract.booked_day
    service = service_day if service_day > booked else booked
    schedule = contract.schedule
    owed = schedule.owed_in_full_days_before
    in_full = service if owed is None else max(booked, service - owed)
    price = contract.price_usd
    found = []
    left = price
    last = len(schedule.payments) - 1
    for index, payment in enumerate(schedule.payments):
        before = payment.due_days_before
        due = booked if before is None else min(max(service - before, booked), service)
        refundable = payment.refundable_until_days_before
        committed = due if refundable is None else max(due, service - refundable)
        # The last payment is the balance: the payments add up to the price.
        amount = left if index == last else payment.share * price
        left -= amount
        found.append((amount, due, committed if committed < in_full else in_full))
    return found


def pay(rep: Replication, contract: Contract, service_day: float) -> None:
    """The service happened on `service_day`: charge every payment on its due day.

    Ledger: the contract's category and account, one entry per payment, each committed on its
    committed day.
    """
    category, account = contract.category, contract.account
    check(category, account, contract.price_usd)  # once: the payments are shares of it
    entries, commitments = rep.ledger.entries, rep.ledger.commitments
    for amount, due_day, committed_day in _payments(contract, service_day):
        if amount > 0:
            entries.append(Entry(due_day, category, account, amount))
            commitments.append(Entry(committed_day, category, account, amount))


def forfeit(rep: Replication, contract: Contract, planned_day: float, cancel_day: float) -> float:
    """The booking is cancelled on `cancel_day`, its service planned for `planned_day`.

    Charges what the schedule had committed by `cancel_day`: a payment already due on its due
    day, one owed in full but not yet due on the day of the cancellation. Returns the amount
    lost. Ledger: the contract's category, its account with `FORFEITED` added. Driver:
    ``cancelled_usd``.
    """
    ledger = rep.ledger
    account = contract.account + FORFEITED
    lost = 0.0
    for due in calendar(contract, planned_day):
        if due.committed_day > cancel_day or due.amount_usd <= 0:
            continue
        day = min(due.due_day, cancel_day)
        ledger.charge(day, contract.category, account, due.amount_usd, committed=False)
        ledger.commit(due.committed_day, contract.category, account, due.amount_usd)
        lost += due.amount_usd
    rep.drivers.cancelled_usd += lost
    return lost
