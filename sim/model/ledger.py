"""The cost ledger of one replication: every cost is an entry with a day, category and account."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import NamedTuple

#: Budget categories, in top-sheet order.
CATEGORIES: tuple[str, ...] = (
    "above_line",
    "holds",
    "seats",
    "training",
    "fees",
    "ground",
    "stock",
    "vfx",
    "post",
    "insurance",
    "overhead",
    "risk",
)
_KNOWN = frozenset(CATEGORIES)


#: The lines of a film budget's top sheet, each the categories it adds up, in top-sheet order:
#: above the line (story, producers, director and cast: their fees, charged when the budget is
#: a whole film's, and the flying crew's days held for a launch), then below the line: space
#: operations (seats, charters, training, station fees), production (stage and location days),
#: post and VFX (archive footage is licensed in post), insurance and the completion bond,
#: overhead (office and core staff until delivery) and risk events.
TOP_SHEET: dict[str, tuple[str, ...]] = {
    "above the line": ("above_line", "holds"),
    "space operations": ("seats", "training", "fees"),
    "production (BTL)": ("ground",),
    "post & VFX": ("stock", "vfx", "post"),
    "insurance & bond": ("insurance",),
    "overhead": ("overhead",),
    "risk events": ("risk",),
}


def days_paid(days: float) -> int:
    """Shooting days paid for `days` of work: every started day in full."""
    return math.ceil(days - 1e-9)


class Entry(NamedTuple):
    """One cost: when it fell due, its category, a finer account, and the amount."""

    day: float
    category: str
    account: str
    amount_usd: float


@dataclass
class Ledger:
    """Costs in the order they were charged, and when each became committed.

    `entries` are the costs, each on the day it fell due (a contract's payments on their
    schedule, `sim.model.commitments`). `commitments` say when each amount became committed and
    not refundable: a cost charged outright is committed on the day it is charged; a contract's
    payment is committed when its refund window closes or the whole price is owed, which can be
    after it was paid (a refundable deposit) or before (a balance owed in full on
    cancellation). Refunded payments leave no entry in either list. So the money committed and
    not refundable by a date is the sum of the commitments on or before it, and once a
    replication is over the commitments add up to its total cost.
    """

    entries: list[Entry] = field(default_factory=list)
    commitments: list[Entry] = field(default_factory=list)

    def charge(
        self, day: float, category: str, account: str, amount_usd: float, *, committed: bool = True
    ) -> None:
        """Record a cost; `committed`: it is committed on `day` too (`commit` it later if not).

        Raises:
            ValueError: unknown category or a negative amount (costs never go below zero).
        """
        entry = _entry(day, category, account, amount_usd)
        self.entries.append(entry)
        if committed:
            self.commitments.append(entry)

    def commit(self, day: float, category: str, account: str, amount_usd: float) -> None:
        """Record that `amount_usd` of a cost became committed and not refundable on `day`.

        Raises:
            ValueError: unknown category or a negative amount.
        """
        self.commitments.append(_entry(day, category, account, amount_usd))

    def committed_by(self, day: float) -> float:
        """The money committed and not refundable on or before `day`."""
        return sum(entry.amount_usd for entry in self.commitments if entry.day <= day)

    def by_category(self) -> dict[str, float]:
        """Total per category, every category present."""
        totals = dict.fromkeys(CATEGORIES, 0.0)
        for entry in self.entries:
            totals[entry.category] += entry.amount_usd
        return totals

    @property
    def total_usd(self) -> float:
        """All costs."""
        return sum(entry.amount_usd for entry in self.entries)


def check(category: str, account: str, amount_usd: float) -> None:
    """Refuse an unknown category or an amount below 0 (costs never go below zero).

    Raises:
        ValueError: naming the category or the account and the amount.
    """
    if category not in _KNOWN:
        raise ValueError(f"unknown cost category {category!r}")
    if not amount_usd >= 0:
        raise ValueError(f"cost {amount_usd!r} for {account} is negative or not a number")


def _entry(day: float, category: str, account: str, amount_usd: float) -> Entry:
    """A checked entry: a known category and an amount >= 0."""
    check(category, account, amount_usd)
    return Entry(day, category, account, float(amount_usd))
