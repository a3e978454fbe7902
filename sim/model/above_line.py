"""Above the line: each fee drawn once per replication and paid on its pattern's milestones.

The fees are drawn in the opening of a replication (stream ``above_line``, one draw per line
that is not a fixed number, in the scenario's order), so every strategy of a replication pays
the same fees (common random numbers); what a strategy changes is when they fall due. They are
charged at the wrap, once the milestones are known: signing on day 0, the start of principal
photography when pre-production is done (risk delays included), instalments over principal
photography up to the last picture in hand (paid weekly, booked four weeks to an entry: every
report reads spend by month, and a long shoot's weekly entries were most of a replication's
ledger), the wrap on that day and delivery on delivery. A replication still running at the
horizon owes the fees all the same (the deals are pay-or-play): what has not fallen due by
then is charged on the horizon's day. For the same reason each whole fee is committed, not
refundable, from signing (the ledger's commitments), whenever its instalments are paid.

Ledger: ``above_line``, one account per line. Only a `budget_basis: whole_film` scenario lists
lines, so a below-the-line budget is charged none.
"""

from __future__ import annotations

import math

from sim.core.rng import Stream, Streams
from sim.model.exchange import converted
from sim.model.ledger import Ledger
from sim.model.sampling import sample
from sim.scenario.dists import Fixed
from sim.scenario.production import Production

#: Principal photography's share of a fee is booked in lots of this many days (four weeks'
#: instalments each).
INSTALMENT_DAYS = 28.0


def draw_fees(production: Production, streams: Streams, rates: dict[str, float]) -> list[float]:
    """Each above-the-line line's fee, in the scenario's order and currency."""
    fees = []
    for line in production.above_the_line.values():
        dist = line.fee_usd
        value = dist.value if type(dist) is Fixed else sample(dist, streams[Stream.above_line])
        fees.append(converted(dist, value, rates))
    return fees


def milestone_days(
    photography_start: float, last_picture: float, end_day: float
) -> dict[str, float]:
    """The day of each milestone but photography's instalments (`instalment_days`).

    Args:
        photography_start: the day pre-production ended.
        last_picture: the day the last picture was in hand; NaN if never (the horizon came).
        end_day: delivery, or the horizon's day for a film not delivered.
    """
    wrap = end_day if math.isnan(last_picture) else last_picture
    return {
        "signing": 0.0,
        "photography_start": photography_start,
        "wrap": wrap,
        "delivery": end_day,
    }


def instalment_days(start: float, end: float) -> list[float]:
    """The days of principal photography's instalment lots, from `start` to before `end`.

    One instalment on `start` if photography lasts no time at all.
    """
    weeks = max(1, math.ceil((end - start) / INSTALMENT_DAYS - 1e-9))
    return [start + INSTALMENT_DAYS * week for week in range(weeks)]


def charge_fees(
    ledger: Ledger,
    production: Production,
    fees: list[float],
    *,
    photography_start: float,
    last_picture: float,
    end_day: float,
) -> None:
    """Charge each fee on its payment pattern's milestones (see the module's docstring)."""
    if not fees:
        return
    days = milestone_days(photography_start, last_picture, end_day)
    weekly = instalment_days(photography_start, days["wrap"])
    for (name, line), fee in zip(production.above_the_line.items(), fees, strict=True):
        if fee > 0:
            ledger.commit(0.0, "above_line", name, fee)
        for milestone, share in line.payment.items():
            amount = fee * share
            if amount <= 0:
                continue
            if milestone == "photography":
                each = amount / len(weekly)
                for day in weekly:
                    ledger.charge(day, "above_line", name, each, committed=False)
            else:
                ledger.charge(days[milestone], "above_line", name, amount, committed=False)
