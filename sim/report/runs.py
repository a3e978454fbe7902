"""Runs set side by side (`spacesim compare`): read back from output folders, or made now.

A folder is read, never rerun: its summary.json gives the statistics and its replications.csv
the cost and delivery of every replication (in replication order), for the overlaid S-curves
and the paired differences; its scenario.resolved.yaml and run.json say what it was run with,
for the input diff. The summary is read through the same typed model `summarise` returns; a
folder that is not a spacesim output folder, or whose summary.json is not one this spacesim
reads, is refused in one line that says what to do. A folder without a readable resolved
scenario is still compared, with a note that its inputs are not.
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

from sim.analysis.compare_runs import Identity
from sim.analysis.records import Summary
from sim.core.cells import spreadsheet_text
from sim.core.errors import ScenarioError, SummaryError, UsageError
from sim.experiment.results import Results
from sim.scenario.yaml_text import dotted, parse


@dataclass(frozen=True)
class Run:
    """One run: its label, its summary, and per strategy the cost and delivery of each replication.

    Delivery is in days since the run's start date; a film never delivered is ``inf``. Both are
    in replication order. `scenario` is the resolved scenario's data (None: not known, and
    `inputs_note` says why), `version` the spacesim that made the run (None: not known).
    """

    label: str
    summary: Summary
    cost_usd: dict[str, np.ndarray]
    delivery_day: dict[str, np.ndarray]
    scenario: dict[str, Any] | None = None
    version: str | None = None
    inputs_note: str | None = None

    @property
    def strategies(self) -> list[str]:
        """The run's strategies, in its order."""
        return list(self.summary.strategies)

    @property
    def start_date(self) -> dt.date:
        """Day 0 of the run's delivery days."""
        return self.summary.start_date

    @property
    def identity(self) -> Identity:
        """What decides whether the run pairs with another: seed, replications, version."""
        return Identity(self.summary.seed, self.summary.replications, self.version)


def run_of(label: str, results: Results, summary: Summary, *, version: str | None = None) -> Run:
    """A run made now, in memory, by spacesim `version`.

    Its scenario is the one run, every default filled in, with the seed and replications it
    used: the data its folder's scenario.resolved.yaml would hold.
    """
    scenario = results.scenario.model_dump(mode="json", by_alias=True, exclude_none=True)
    scenario["simulation"] |= {"seed": results.seed, "replications": results.replications}
    _cite(scenario, results.scenario.comment_sources)
    return Run(
        label,
        summary,
        {name: results.column("cost_usd", name).astype(float) for name in results.strategies},
        {name: results.column("delivery_day", name).astype(float) for name in results.strategies},
        scenario=scenario,
        version=version,
    )


def _scenario_data(text: str, name: str) -> dict[str, Any]:
    """A resolved scenario's data, read as the loader reads a scenario file.

    Raises:
        ScenarioError: not YAML the loader reads.
        UsageError: not a mapping.
    """
    parsed = parse(name, text)
    data = parsed.data
    if not isinstance(data, dict):
        raise UsageError(f"{name}: not a scenario (a mapping of sections)")
    _cite(data, {dotted(path): source for path, source in parsed.sources.items()})
    return data


def _cite(data: Any, sources: dict[str, str], path: str = "") -> None:
    """Give each distribution cited by a comment (`sources`, by key path) its ``source``.

    The resolved scenario writes such a source back as the comment it was, so the input diff
    (`sim.report.input_diff.leaves`) would read it as absent without this.
    """
    if isinstance(data, dict):
        if "dist" in data and data.get("source") is None and path in sources:
            data["source"] = sources[path]
        for key, value in data.items():
            _cite(value, sources, f"{path}.{key}" if path else str(key))
    elif isinstance(data, list):
        for index, item in enumerate(data):
            _cite(item, sources, f"{path}[{index}]")


def _inputs_of(folder: Path) -> tuple[dict[str, Any] | None, str | None, str | None]:
    """A folder's resolved scenario, the version that made it, and a note if either is lacking."""
    version = None
    try:
        record = json.loads((folder / "run.json").read_text(encoding="utf-8"))
        if isinstance(record, dict) and isinstance(record.get("spacesim_version"), str):
            version = record["spacesim_version"]
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        pass
    file = folder / "scenario.resolved.yaml"
    if not file.is_file():
        return None, version, f"{file}: no such file, so the run's inputs are not compared"
    try:
        return _scenario_data(file.read_text(encoding="utf-8"), str(file)), version, None
    except (OSError, UnicodeDecodeError) as error:
        return None, version, f"{file}: cannot read it ({error}); its inputs are not compared"
    except (ScenarioError, UsageError) as error:
        first = str(error).splitlines()[0]
        return None, version, f"{first}; the run's inputs are not compared"


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
    found: dict[str, list[tuple[int, float, float]]] = {name: [] for name in summary.strategies}
    try:
        for i, row in enumerate(rows):
            if row["strategy"] in found:
                index = int(row["replication"]) if "replication" in row else i
                found[row["strategy"]].append(
                    (index, float(row["cost_usd"]), float(row["delivery_day"]))
                )
    except (KeyError, ValueError, TypeError):
        raise UsageError(
            f"{table_file}: not a spacesim results table (cost_usd and delivery_day are needed)"
        ) from None
    for name, values in found.items():
        expected = summary.strategies[name].replications
        if len(values) != expected:
            raise UsageError(
                f"{table_file}: {len(values)} rows of strategy '{name}' where summary.json "
                f"counts {expected}; the folder was changed after the run"
            )
        values.sort()  # replication order, so replication i pairs with i of another run
    scenario, version, note = _inputs_of(folder)
    return Run(
        label,
        summary,
        {name: np.array([cost for _, cost, _ in values]) for name, values in found.items()},
        {name: np.array([day for _, _, day in values]) for name, values in found.items()},
        scenario=scenario,
        version=version,
        inputs_note=note,
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


def rows_to_csv(rows: list[dict[str, Any]], columns: list[str] | None = None) -> str:
    """Rows as CSV text; a missing value (a P80 never delivered) is an empty cell.

    `columns` gives the header where `rows` may be empty (else the first row's keys). Text that
    a spreadsheet would read as a formula (a folder named ``=HYPERLINK(...)``, a scenario's
    text ``-1 day``) gets a leading apostrophe; so does a header.
    """
    buffer = io.StringIO()
    fields = columns if columns is not None else list(rows[0]) if rows else []
    writer = csv.DictWriter(buffer, fieldnames=fields, lineterminator="\n")
    writer.writerow({field: _cell(field) for field in fields})
    writer.writerows({k: _cell(v) for k, v in row.items()} for row in rows)
    return buffer.getvalue()


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    return spreadsheet_text(value) if isinstance(value, str) else value
