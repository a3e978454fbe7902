"""Runs set side by side (`spacesim compare`): read back from output folders, or made now.

A folder is read, never rerun: its summary.json gives the statistics and its replications.csv
the cost and delivery of every replication, for the overlaid S-curves. The summary is read
through the same typed model `summarise` returns; a folder that is not a spacesim output
folder, or whose summary.json is not one this spacesim reads, is refused in one line that
says what to do.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from sim.analysis.records import Summary
from sim.core.cells import spreadsheet_text
from sim.core.errors import SummaryError, UsageError
from sim.experiment.results import Results


@dataclass(frozen=True)
class Run:
    """One run: its label, its summary, and per strategy the cost and delivery of each replication.

    Delivery is in days since the run's start date; a film never delivered is ``inf``.
    """

    label: str
    summary: Summary
    cost_usd: dict[str, np.ndarray]
    delivery_day: dict[str, np.ndarray]

    @property
    def strategies(self) -> list[str]:
        """The run's strategies, in its order."""
        return list(self.summary.strategies)

    @property
    def start_date(self) -> dt.date:
        """Day 0 of the run's delivery days."""
        return self.summary.start_date


def run_of(label: str, results: Results, summary: Summary) -> Run:
    """A run made now, in memory."""
    return Run(
        label,
        summary,
        {name: results.column("cost_usd", name).astype(float) for name in results.strategies},
        {name: results.column("delivery_day", name).astype(float) for name in results.strategies},
    )


def read_summary(file: Path) -> Summary:
    """The summary a run wrote to `file` (its summary.json).

    Raises:
        SummaryError: the file is missing, unreadable, not JSON, or not a summary of this
            spacesim's layout (one line naming the file and what is wrong).
    """
    if not file.is_file():
        raise SummaryError(
            str(file),
            f"no such file, so {file.parent} is not a spacesim output folder (it needs "
            "summary.json and replications.csv); give a folder written by spacesim run, "
            "or a scenario file",
        )
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise SummaryError(str(file), f"cannot read it ({error}); run its scenario again") from None
    return Summary.from_json(data, file=str(file))


def read_run(folder: Path, label: str) -> Run:
    """A run read from its output folder.

    Raises:
        SummaryError: its summary.json is missing or not one this spacesim reads.
        UsageError: its replications.csv is missing, unreadable, or does not match the summary.
    """
    summary_file, table_file = folder / "summary.json", folder / "replications.csv"
    summary = read_summary(summary_file)
    if not table_file.is_file():
        raise UsageError(
            f"{folder} is not a spacesim output folder (it needs summary.json and "
            "replications.csv); give a folder written by spacesim run, or a scenario file"
        )
    try:
        rows = list(csv.DictReader(table_file.read_text(encoding="utf-8").splitlines()))
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise UsageError(f"{folder}: cannot read its results: {error}") from None
    cost: dict[str, list[float]] = {name: [] for name in summary.strategies}
    delivery: dict[str, list[float]] = {name: [] for name in summary.strategies}
    try:
        for row in rows:
            if row["strategy"] in cost:
                cost[row["strategy"]].append(float(row["cost_usd"]))
                delivery[row["strategy"]].append(float(row["delivery_day"]))
    except (KeyError, ValueError, TypeError):
        raise UsageError(
            f"{table_file}: not a spacesim results table (cost_usd and delivery_day are needed)"
        ) from None
    for name, values in cost.items():
        expected = summary.strategies[name].replications
        if len(values) != expected:
            raise UsageError(
                f"{table_file}: {len(values)} rows of strategy '{name}' where summary.json "
                f"counts {expected}; the folder was changed after the run"
            )
    return Run(
        label,
        summary,
        {name: np.array(values) for name, values in cost.items()},
        {name: np.array(values) for name, values in delivery.items()},
    )


def labels_for(paths: list[Path]) -> list[str]:
    """Short labels: each folder's or scenario file's name, the whole path where two clash."""
    short = [path.stem if path.is_file() else path.name for path in paths]
    return [
        str(path) if short.count(name) > 1 else name
        for path, name in zip(paths, short, strict=True)
    ]


def side_by_side(runs: list[Run]) -> list[dict[str, Any]]:
    """One row per strategy and run, strategies in the order first met, runs in the order given."""
    names = list(dict.fromkeys(name for run in runs for name in run.strategies))
    rows = []
    for name in names:
        for run in runs:
            strategy = run.summary.strategies.get(name)
            if strategy is None:
                continue
            rows.append(
                {
                    "strategy": name,
                    "run": run.label,
                    "replications": strategy.replications,
                    "seed": run.summary.seed,
                    "budget_usd": run.summary.budget_usd,
                    "deadline_date": run.summary.deadline_date.isoformat(),
                    "cost_p50_usd": strategy.cost.p50,
                    "cost_p80_usd": strategy.cost.p80,
                    "delivery_p50_date": _iso(strategy.delivery_date.p50),
                    "delivery_p80_date": _iso(strategy.delivery_date.p80),
                    "p_on_time": strategy.p_on_time,
                    "p_on_budget": strategy.p_on_budget,
                    "p_joint": strategy.p_joint,
                    "real_share": strategy.real_share,
                    **{
                        f"minutes_{source}": minutes
                        for source, minutes in strategy.minutes_by_source.items()
                    },
                    "cut_minutes": strategy.cut_minutes,
                }
            )
    return rows


def _iso(date: dt.date | None) -> str | None:
    return None if date is None else date.isoformat()


def rows_to_csv(rows: list[dict[str, Any]]) -> str:
    """Rows as CSV text; a missing value (a P80 never delivered) is an empty cell.

    Text that a spreadsheet would read as a formula (a folder named ``=HYPERLINK(...)``) gets
    a leading apostrophe.
    """
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]) if rows else [], lineterminator="\n")
    writer.writeheader()
    writer.writerows({k: _cell(v) for k, v in row.items()} for row in rows)
    return buffer.getvalue()


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    return spreadsheet_text(value) if isinstance(value, str) else value
