"""The cash flow of each strategy: spend by month, cumulative spend and money committed.

As a production accountant's cash-flow schedule (Movie Magic Budgeting's, a bond company's
cash-flow report) sets out the budget month by month, here each month gets the P10/P50/P90
over replications of the spend in it, of the spend to its end (the cumulative curve) and of
the money committed and not refundable by its end. Percentiles are taken month by month, so
the P50 curve is not one replication's. The peak month is the one with the highest mean
spend (means add up month by month; percentiles do not).
"""

from __future__ import annotations

import numpy as np

from sim.analysis.records import CashFlow
from sim.experiment.cash import COMMITTED, SPEND, month_starts
from sim.experiment.results import Results

#: The columns of cash_flow.csv after strategy and month.
COLUMNS = tuple(
    f"{quantity}_{stat}_usd"
    for quantity in ("spend", "cumulative", "committed")
    for stat in ("mean", "p10", "p50", "p90")
)


def months_used(results: Results) -> int:
    """Months up to the last in which a tenth of some strategy's replications still spend.

    A film never delivered pays its overhead to the horizon; the months after the last one
    with a P90 spend above 0 would show nothing but those few.
    """
    last = 0
    for name in results.strategies:
        spend = results.column(SPEND, name)
        if spend.size:
            active = np.flatnonzero(np.percentile(spend, 90, axis=0, method="inverted_cdf") > 0)
            last = max(last, int(active[-1]) + 1 if active.size else 1)
    return max(last, 1)


def bands(results: Results, name: str) -> dict[str, np.ndarray]:
    """Per month (up to `months_used`): mean, P10, P50, P90 of spend, cumulative, committed."""
    months = months_used(results)
    spend = results.column(SPEND, name)[:, :months]
    quantities = {
        "spend": spend,
        "cumulative": np.cumsum(spend, axis=1),
        "committed": results.column(COMMITTED, name)[:, :months],
    }
    found: dict[str, np.ndarray] = {}
    for quantity, values in quantities.items():
        found[f"{quantity}_mean_usd"] = values.mean(axis=0)
        for p in (10, 50, 90):
            found[f"{quantity}_p{p}_usd"] = np.percentile(values, p, axis=0, method="inverted_cdf")
    return found


def labels(results: Results) -> list[str]:
    """The months as ``YYYY-MM``, up to `months_used`."""
    return [f"{first:%Y-%m}" for first in month_starts(results.scenario)[: months_used(results)]]


def cash_flow(results: Results, name: str) -> CashFlow:
    """One strategy's peak month and what it spends then."""
    found = bands(results, name)
    peak = int(np.argmax(found["spend_mean_usd"]))
    return CashFlow(
        peak_month=labels(results)[peak],
        peak_mean_usd=float(found["spend_mean_usd"][peak]),
        peak_p90_usd=float(found["spend_p90_usd"][peak]),
        months=len(found["spend_mean_usd"]),
    )


def cash_flow_rows(results: Results) -> list[dict[str, object]]:
    """cash_flow.csv's rows: one per strategy and month, in the run's order."""
    months = labels(results)
    rows: list[dict[str, object]] = []
    for name in results.strategies:
        found = bands(results, name)
        for index, month in enumerate(months):
            rows.append(
                {"strategy": name, "month": month}
                | {column: float(found[column][index]) for column in COLUMNS}
            )
    return rows
