"""The results table: one row per (replication, strategy), in a fixed column order.

Rows are sorted by (replication, strategy order in the scenario) before anything reads them, so
a serial run and a parallel run give the same table, byte for byte, when written. The table is
kept as typed numpy columns, gathered batch by batch.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TextIO

import numpy as np

from sim.core.cells import spreadsheet_text
from sim.core.units import date_of
from sim.experiment.cash import ARRAYS, month_bounds
from sim.model.drivers import NAMES as DRIVERS
from sim.model.ledger import CATEGORIES
from sim.model.outcome import TRACKED, Outcome
from sim.scenario.fallbacks import WATCHED
from sim.scenario.quantities import SPACE_KINDS
from sim.scenario.schema import Scenario
from sim.scenario.sources import SOURCES

if TYPE_CHECKING:
    import pandas as pd

Row = dict[str, Any]

#: The column of each space scene kind's real share (`Outcome.real_share_by_kind`), by kind.
REAL_SHARE_BY_KIND: dict[str, str] = {kind: f"real_share_{kind}" for kind in SPACE_KINDS}


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
        *REAL_SHARE_BY_KIND.values(),
        *(f"done_{source}_day" for source in TRACKED),
        *(column for source in WATCHED for column in fallback_columns(source)),
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
    for kind, column in REAL_SHARE_BY_KIND.items():
        row[column] = outcome.real_share_by_kind.get(kind, math.nan)
    for source in TRACKED:
        row[f"done_{source}_day"] = outcome.done_days.get(source, math.nan)
    for source in WATCHED:
        day, minutes = fallback_columns(source)
        row[day] = outcome.fallback_days.get(source, math.nan)
        row[minutes] = outcome.moved_minutes.get(source, 0.0)
    row.update(outcome.driver_columns())
    return row


def fallback_columns(source: str) -> tuple[str, str]:
    """The columns of the fallback rule on `source`: the day it fired, the minutes it moved."""
    return f"fallback_{source}_day", f"fallback_{source}_minutes"


#: Columns of text; `replication` is an integer, `delivered` a flag, every other column a float.
TEXT_COLUMNS = ("strategy", "delivery_date", "blocked_by", "critical_track")
#: About what a text cell takes in memory: the pointer and a short string.
TEXT_BYTES = 64
#: Rows per block when the table is written out, so text is made a block at a time.
CSV_BLOCK = 2_000

Columns = dict[str, np.ndarray]


def columns_of(rows: Sequence[Row], names: Sequence[str]) -> Columns:
    """Rows as typed numpy columns: compact to keep, cheap to send back from a worker."""
    return {name: np.array([row[name] for row in rows], dtype=_dtype(name)) for name in names}


def _dtype(name: str) -> type:
    if name in TEXT_COLUMNS:
        return object
    if name == "replication":
        return np.int64
    if name == "delivered":
        return np.bool_
    return np.float64


class Table:
    """The results table filled batch by batch, each row put in its sorted place on arrival.

    Row (replication *i*, strategy *k*) is row i x strategies + k, whatever batch brought it and
    whenever it came, so a batch's columns are copied in and dropped: a run holds its table
    once, not once more in the batches it came in.
    """

    def __init__(self, scenario: Scenario, strategies: Sequence[str]) -> None:
        self.scenario = scenario
        self.strategies = tuple(strategies)
        self._rank = {name: index for index, name in enumerate(self.strategies)}
        self.columns: Columns = {
            name: np.empty(0, dtype=_dtype(name)) for name in columns_for(scenario)
        }
        months = len(month_bounds(scenario)) + 1
        self.columns.update({name: np.empty((0, months)) for name in ARRAYS})

    def extend(self, replications: int) -> None:
        """Make room for `replications` per strategy, keeping the rows already in.

        New arrays, so the columns of any `Results` made before stay as they were.
        """
        size = replications * len(self.strategies)
        grown: Columns = {}
        for name, values in self.columns.items():
            grown[name] = np.empty((size, *values.shape[1:]), dtype=values.dtype)
            grown[name][: len(values)] = values
        self.columns = grown

    def bytes_per_replication(self) -> int:
        """About what one replication of every strategy takes in the table."""
        per_row = 0
        for values in self.columns.values():
            width = int(np.prod(values.shape[1:], dtype=np.int64))  # months for a row's vector
            per_row += width * (TEXT_BYTES if values.dtype == object else values.dtype.itemsize)
        return per_row * len(self.strategies)

    def add(self, chunk: Columns) -> None:
        """Put a batch's rows in their places."""
        rank = np.array([self._rank[name] for name in chunk["strategy"].tolist()], dtype=np.int64)
        rows = chunk["replication"] * len(self.strategies) + rank
        for name, values in chunk.items():
            self.columns[name][rows] = values


@dataclass(frozen=True)
class Results:
    """The results table of a run, column by column, sorted by (replication, strategy order).

    Columns rather than rows: 10,000 replications of five strategies take tens of megabytes,
    not hundreds, so memory grows with the table's numbers only. Beside the table's columns,
    `columns` holds the cash flow's arrays (`sim.experiment.cash.ARRAYS`): a row per
    (replication, strategy) and a column per month.
    """

    scenario: Scenario
    seed: int
    strategies: tuple[str, ...]
    columns: Columns

    @property
    def size(self) -> int:
        """Rows in the table: replications times strategies."""
        return len(self.columns["replication"])

    @property
    def replications(self) -> int:
        """Replications per strategy."""
        return self.size // max(1, len(self.strategies))

    def column(self, name: str, strategy: str | None = None) -> np.ndarray:
        """One column, for all rows or one strategy's (a copy: callers may change it)."""
        values = self.columns[name]
        if strategy is None:
            return values.copy()
        return values[self.columns["strategy"] == strategy]

    def write_csv(self, file: TextIO) -> None:
        """Write the table as CSV: floats in shortest round-trip form, NaN as an empty cell."""
        names = columns_for(self.scenario)
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(names)
        for start in range(0, self.size, CSV_BLOCK):
            block = [_texts(self.columns[name][start : start + CSV_BLOCK]) for name in names]
            writer.writerows(zip(*block, strict=True))

    def to_pandas(self) -> pd.DataFrame:
        """The table as a DataFrame, every column of the CSV, typed for a notebook.

        The strategy is a categorical in the scenario's order (a ``groupby`` keeps it), the
        delivery date a ``datetime64``; a film never delivered has no delivery day or date
        (NaN, NaT) rather than infinity and an empty string. pandas is imported here only.
        """
        import pandas as pd  # noqa: PLC0415 - a notebook's dependency, not a run's

        data: dict[str, Any] = {}
        for name in columns_for(self.scenario):
            values = self.columns[name]
            if name == "strategy":
                data[name] = pd.Categorical(values.tolist(), categories=list(self.strategies))
            elif name == "delivery_date":
                data[name] = pd.to_datetime([text or None for text in values.tolist()])
            elif name == "delivery_day":
                data[name] = np.where(np.isfinite(values), values, np.nan)
            elif values.dtype == object:
                data[name] = pd.array(values.tolist(), dtype="string")
            else:
                data[name] = values
        return pd.DataFrame(data)

    def to_csv(self) -> str:
        """The table as CSV text (see `write_csv`)."""
        buffer = io.StringIO()
        self.write_csv(buffer)
        return buffer.getvalue()


def _texts(values: np.ndarray) -> list[str]:
    """A column's cells as CSV text, a column at a time (a cell at a time costs thrice).

    Floats in shortest round-trip form (`repr`), NaN empty; flags as true/false; text and
    integers as written, text that a spreadsheet would take for a formula escaped.
    """
    if values.dtype == bool:
        return ["true" if value else "false" for value in values.tolist()]
    if values.dtype.kind == "f":
        texts = list(map(repr, values.tolist()))
        for index in np.flatnonzero(np.isnan(values)).tolist():
            texts[index] = ""
        return texts
    return [spreadsheet_text(str(value)) for value in values.tolist()]
