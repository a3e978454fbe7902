"""The results table: one row per (replication, strategy), in a fixed column order.

Rows are sorted by (replication, strategy order in the scenario) before anything reads them, so
a serial run and a parallel run give the same table, byte for byte, when written.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np

from sim.core.units import date_of
from sim.model.context import DRIVERS
from sim.model.ledger import CATEGORIES
from sim.model.outcome import Outcome
from sim.scenario.quantities import SOURCES
from sim.scenario.schema import Scenario

Row = dict[str, Any]


def columns_for(scenario: Scenario) -> list[str]:
    """Column names of the results table, in order."""
    return [
        "strategy",
        "replication",
        "delivered",
        "delivery_day",
        "delivery_date",
        "blocked_by",
        "critical_track",
        "cost_usd",
        *(f"cost_{category}_usd" for category in CATEGORIES),
        *(f"planned_{source}_minutes" for source in SOURCES),
        *(f"minutes_{source}" for source in SOURCES),
        "shortfall_minutes",
        "reshot_minutes",
        "remade_minutes",
        "cut_minutes",
        "real_share",
        *DRIVERS,
        *(f"risk_{name}" for name in scenario.risks),
    ]


def row_of(outcome: Outcome, scenario: Scenario) -> Row:
    """The table row of one replication."""
    start = scenario.production.start_date
    date = date_of(start, outcome.delivery_day)
    row: Row = {
        "strategy": outcome.strategy,
        "replication": outcome.replication,
        "delivered": outcome.delivered,
        "delivery_day": outcome.delivery_day,
        "delivery_date": date.isoformat() if date else "",
        "blocked_by": outcome.blocked_by,
        "critical_track": outcome.critical_track,
        "cost_usd": outcome.cost_usd,
        "shortfall_minutes": outcome.shortfall_minutes,
        "reshot_minutes": outcome.reshot_minutes,
        "remade_minutes": outcome.remade_minutes,
        "cut_minutes": outcome.cut_minutes,
        "real_share": outcome.real_share,
    }
    for category, amount in outcome.cost_by_category.items():
        row[f"cost_{category}_usd"] = amount
    for source in SOURCES:
        row[f"planned_{source}_minutes"] = outcome.planned_by_source[source]
        row[f"minutes_{source}"] = outcome.minutes_by_source[source]
    row.update(outcome.drivers)
    return row


@dataclass(frozen=True)
class Results:
    """All rows of a run, sorted, with the scenario and seed that made them."""

    scenario: Scenario
    seed: int
    strategies: tuple[str, ...]
    rows: tuple[Row, ...]

    @classmethod
    def collect(
        cls, scenario: Scenario, seed: int, strategies: Iterable[str], rows: Iterable[Row]
    ) -> Results:
        """Sort rows by (replication, strategy order) into a `Results`."""
        order = {name: index for index, name in enumerate(strategies)}
        ordered = sorted(rows, key=lambda row: (row["replication"], order[row["strategy"]]))
        return cls(scenario, seed, tuple(order), tuple(ordered))

    @property
    def replications(self) -> int:
        """Replications per strategy."""
        return len(self.rows) // max(1, len(self.strategies))

    def column(self, name: str, strategy: str | None = None) -> np.ndarray:
        """One column as an array, for all rows or one strategy's."""
        values = [row[name] for row in self.rows if strategy is None or row["strategy"] == strategy]
        return np.asarray(values)

    def to_csv(self) -> str:
        """The table as CSV text: floats in shortest round-trip form, NaN as an empty cell."""
        buffer = io.StringIO()
        names = columns_for(self.scenario)
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(names)
        for row in self.rows:
            writer.writerow([_cell(row[name]) for name in names])
        return buffer.getvalue()


def _cell(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        return repr(float(value))
    return str(value)
