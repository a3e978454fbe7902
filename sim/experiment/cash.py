"""Each replication's spend and commitments by calendar month: the cash flow's raw numbers.

Month 0 is the calendar month the production starts in (from its start date), and the last
is the horizon's. A cost is spent in the month of the day it fell due (`Ledger.entries`); it is
committed in the month it became committed and not refundable (`Ledger.commitments`). The
daily overhead is charged once, at wrap, for every day from day 0, so it is spread over those
days here, spent and committed as it accrues. The arrays are kept beside the results table
(`sim.experiment.results.Table`), one row per (replication, strategy), not written to
replications.csv.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import numpy as np

from sim.model.ledger import Entry, Ledger
from sim.scenario.schema import Scenario

#: The arrays, by name: spend in each month, and money committed by each month's end.
SPEND = "monthly_spend_usd"
COMMITTED = "committed_by_month_usd"
ARRAYS = (SPEND, COMMITTED)

#: (category, account) of costs charged at once for every day since day 0.
ACCRUED = frozenset({("overhead", "daily overhead")})


def month_starts(scenario: Scenario) -> list[dt.date]:
    """The first day of each month from the start's month to the horizon's."""
    start = scenario.production.start_date
    last = start + dt.timedelta(days=scenario.simulation.horizon_days)
    months = (last.year - start.year) * 12 + last.month - start.month + 1
    return [
        dt.date(start.year + (start.month - 1 + k) // 12, (start.month - 1 + k) % 12 + 1, 1)
        for k in range(months)
    ]


def month_bounds(scenario: Scenario) -> np.ndarray:
    """The day (since the start) each month after the first begins."""
    start = scenario.production.start_date
    return np.array([(first - start).days for first in month_starts(scenario)[1:]], dtype=float)


def by_month(books: Sequence[Sequence[Entry]], bounds: np.ndarray) -> np.ndarray:
    """Amounts by row and month (len(bounds) + 1 of them), accrued costs spread over their days.

    One row per list of entries (a replication's ledger), all rows at once: a batch's entries are
    binned by one `searchsorted` and one `bincount`, which costs far less than a loop per
    replication.
    """
    months = len(bounds) + 1
    found = np.zeros((len(books), months))
    flat = [entry for entries in books for entry in entries]
    if not flat:
        return found
    days, categories, accounts, amounts = zip(*flat, strict=True)
    day, amount = np.array(days, dtype=float), np.array(amounts, dtype=float)
    row = np.repeat(np.arange(len(books)), [len(entries) for entries in books])
    accrued = np.zeros(len(flat), dtype=bool)
    pairs = zip(categories, accounts, strict=True)
    accrued[[i for i, pair in enumerate(pairs) if pair in ACCRUED]] = True
    accrued &= day > 0
    plain = ~accrued
    cell = row[plain] * months + np.searchsorted(bounds, day[plain], side="right")
    found += np.bincount(cell, weights=amount[plain], minlength=found.size).reshape(found.shape)
    if accrued.any():  # spread over the days from day 0: each month's share of them
        until = day[accrued][:, None]
        starts = np.concatenate(([0.0], bounds))[None, :]
        ends = np.concatenate((bounds, [np.inf]))[None, :]
        share = np.clip(np.minimum(ends, until) - starts, 0.0, None) / until
        np.add.at(found, row[accrued], amount[accrued][:, None] * share)
    return found


def monthly(ledgers: Sequence[Ledger], bounds: np.ndarray) -> dict[str, np.ndarray]:
    """The arrays of some replications, a row each: spend by month, committed by month's end."""
    return {
        SPEND: by_month([ledger.entries for ledger in ledgers], bounds),
        COMMITTED: np.cumsum(by_month([ledger.commitments for ledger in ledgers], bounds), axis=1),
    }
