"""sweep.xlsx: a sweep's tidy table and break-evens, typed as report.xlsx is."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from sim.analysis.sweep import SweepResult
from sim.experiment.sweep import shown
from sim.report.sheets import Sheet, new_book


def sweep_workbook(result: SweepResult) -> bytes:
    """sweep.xlsx: the sweep's tidy table and its break-evens, typed as report.xlsx is.

    A row's value takes its metric's format: money for a cost, a share for a chance, days for
    a delivery day; a swept value that is not a number (a distribution) is its text.
    """
    buffer = io.BytesIO()
    book, formats = new_book(buffer)
    sheet = Sheet(book, formats, "Sweep")
    sheet.title(
        f"{result.title}: {len(result.cells)} cells, {result.replications:,} replications per"
        f" strategy and cell, all on seed {result.seed} (common random numbers)"
    )
    keys = list(result.keys)
    sheet.header(["cell", *keys, "strategy", "metric", "value", "95% low", "95% high"])
    top = sheet.row
    for row in result.rows():
        kind = _metric_kind(str(row["metric"]))
        sheet.line(
            [
                (row["cell"], None),
                *((_swept(row[key]), None) for key in keys),
                (row["strategy"], None),
                (row["metric"], None),
                (row["value"], kind),
                (row["ci95_low"], kind),
                (row["ci95_high"], kind),
            ]
        )
    sheet.finish(top)
    turns = Sheet(book, formats, "Break-evens")
    turns.title("Where the recommended strategy changes along each swept key, the others held")
    turns.header(["key", "held", "below", "above", "before", "after", "costs cross at", "why"])
    for even in result.break_evens:
        held = ", ".join(f"{key} = {shown(value)}" for key, value in even.others.items())
        turns.line(
            [
                (even.key, None),
                (held, None),
                (_swept(even.below), None),
                (_swept(even.above), None),
                (even.before, None),
                (even.after, None),
                (even.at_about, "number"),
                (even.why, None),
            ]
        )
    turns.finish(3)
    book.close()
    return buffer.getvalue()


def _metric_kind(metric: str) -> str | None:
    """The number format of a sweep metric's value, by its name."""
    if metric.endswith("_usd"):
        return "money"
    if metric.endswith("_day"):
        return "days"
    if metric.startswith("p_") or "share" in metric or metric.endswith(".achieved"):
        return "share"
    return "number"


def _swept(value: Any) -> Any:
    """A swept value as a cell: a number or date as it is, anything else as its text."""
    if isinstance(value, bool) or not isinstance(value, int | float | str | dt.date):
        return shown(value)
    return value
