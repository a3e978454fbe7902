"""pandas views of a run's summary: its tables as DataFrames, typed for a notebook.

pandas is imported when this is called, never by a run: a worker process or the CLI does not
pay for it. Dates are dates (``datetime64``); a statistic that is not defined or never reached
(a P80 delivery of a strategy that mostly never delivers) is NaN or NaT. The replications
themselves are `sim.experiment.results.Results.to_pandas`.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from sim.analysis.records import Summary

if TYPE_CHECKING:
    import pandas as pd

#: Statistics of each summary percentile table, in order.
STATISTICS = ("mean", "p10", "p50", "p70", "p80", "p90")


def summary_frames(summary: Summary) -> dict[str, pd.DataFrame]:
    """The summary's tables as DataFrames, by name.

    strategies, percentiles, top_sheet, comparison and drivers always; decision (each target
    against each strategy) when the scenario sets targets; risks when the register was measured.
    """
    import pandas as pd  # noqa: PLC0415

    frames = {
        "strategies": pd.DataFrame(_strategy_rows(summary)).set_index("strategy"),
        "percentiles": pd.DataFrame(_percentile_rows(summary)).set_index(["strategy", "measure"]),
        "top_sheet": pd.DataFrame(_top_sheet_rows(summary)).set_index(["strategy", "line"]),
        "comparison": pd.DataFrame(_comparison_rows(summary)).set_index("strategy"),
        "drivers": pd.DataFrame(_driver_rows(summary)),
    }
    decision = summary.decision
    checked = [
        {"strategy": name, **check.model_dump()}
        for name, checks in (decision.checks if decision is not None else {}).items()
        for check in checks
    ]
    if checked:
        frames["decision"] = pd.DataFrame(checked).set_index(["strategy", "target"])
    if summary.risk_register:
        rows = [
            {
                "risk": name,
                "strategy": strategy,
                "hits": entry.hits,
                "probability": entry.probability,
                "occurred": entry.occurred,
                "cost_usd": exposure.cost_usd.mean,
                "delivery_days": exposure.delivery_days.mean,
                "undelivered": exposure.undelivered,
            }
            for name, entry in summary.risk_register.items()
            for strategy, exposure in entry.exposure.items()
        ]
        frames["risks"] = pd.DataFrame(rows).set_index(["risk", "strategy"])
    for frame in frames.values():
        for column in frame.columns:
            if column.startswith("delivery_date") or column == "date":
                frame[column] = pd.to_datetime(frame[column])
    return frames


def _strategy_rows(summary: Summary) -> list[dict[str, Any]]:
    return [
        {
            "strategy": name,
            "cost_p50_usd": strategy.cost.p50,
            "cost_p80_usd": strategy.cost.p80,
            "delivery_date_p50": strategy.delivery_date.p50,
            "delivery_date_p80": strategy.delivery_date.p80,
            "p_on_time": strategy.p_on_time,
            "p_on_budget": strategy.p_on_budget,
            "p_joint": strategy.p_joint,
            "p_delivered": strategy.p_delivered,
            "real_share": _number(strategy.real_share),
            "contingency_p80_usd": strategy.contingency_p80.usd,
            "shortfall_policy": strategy.shortfall_policy,
        }
        for name, strategy in summary.strategies.items()
    ]


def _percentile_rows(summary: Summary) -> list[dict[str, Any]]:
    rows = []
    for name, strategy in summary.strategies.items():
        for measure, values in (
            ("cost_usd", strategy.cost),
            ("delivery_day", strategy.delivery_day),
            ("delivery_date", strategy.delivery_date),
        ):
            row: dict[str, Any] = {"strategy": name, "measure": measure}
            for statistic in STATISTICS:
                value = getattr(values, statistic)
                row[statistic] = _number(value) if measure == "delivery_day" else value
            rows.append(row)
    return rows


def _top_sheet_rows(summary: Summary) -> list[dict[str, Any]]:
    return [
        {"strategy": name, "line": line, **values.model_dump()}
        for name, strategy in summary.strategies.items()
        for line, values in strategy.top_sheet.items()
    ]


def _comparison_rows(summary: Summary) -> list[dict[str, Any]]:
    rows = []
    for name, paired in summary.comparison.strategies.items():
        row: dict[str, Any] = {"strategy": name, "baseline": summary.comparison.baseline}
        for key in ("cost_usd", "delivery_days", "real_minutes"):
            difference = getattr(paired, key)
            low, high = difference.ci95
            row |= {
                f"{key}_difference": _number(difference.mean),
                f"{key}_low": _number(low),
                f"{key}_high": _number(high),
            }
        row |= {"p_cheaper": _number(paired.p_cheaper.p), "p_earlier": _number(paired.p_earlier.p)}
        rows.append(row)
    return rows


def _driver_rows(summary: Summary) -> list[dict[str, Any]]:
    return [
        {"strategy": name, "outcome": outcome, "driver": driver.driver, "rho": driver.rho}
        for name, strategy in summary.strategies.items()
        for outcome, drivers in (
            ("delivery", strategy.drivers.delivery),
            ("cost", strategy.drivers.cost),
        )
        for driver in drivers
    ]


def _number(value: float | None) -> float:
    """A float for a table: None (not defined) and infinity (never) as NaN."""
    return math.nan if value is None or not math.isfinite(value) else float(value)
