"""The cost ledger of one replication: every cost is an entry with a day, category and account."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import NamedTuple

#: Budget categories, in top-sheet order.
CATEGORIES: tuple[str, ...] = (
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
#: above the line (the flying crew's days held for a launch), space operations (seats, charters,
#: training, station fees), production below the line (stage days), post and VFX (archive
#: footage is licensed in post), insurance and the completion bond, overhead (office and core
#: staff until delivery) and risk events. Above-the-line fees themselves (story, producers,
#: director, cast) are contracted and the same in every strategy, so they are left out; the
#: holds a launch forces are not.
TOP_SHEET: dict[str, tuple[str, ...]] = {
    "holds (ATL)": ("holds",),
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
    """Costs in the order they were charged."""

    entries: list[Entry] = field(default_factory=list)

    def charge(self, day: float, category: str, account: str, amount_usd: float) -> None:
        """Record a cost.

        Raises:
            ValueError: unknown category or a negative amount (costs never go below zero).
        """
        if category not in _KNOWN:
            raise ValueError(f"unknown cost category {category!r}")
        if not amount_usd >= 0:
            raise ValueError(f"cost {amount_usd!r} for {account} is negative or not a number")
        self.entries.append(Entry(day, category, account, float(amount_usd)))

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
