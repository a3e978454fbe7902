"""What `spacesim compare` says about runs against the first: inputs changed, deltas, top sheet.

The first run given is the original; every other run is set against it: the leaves of its
resolved scenario that differ (`sim.report.input_diff`), per strategy both runs have the
differences of P50/P80 cost and delivery and of the joint confidence, the mean differences of
cost and delivery with 95% intervals (paired replication by replication when the runs share
seed and replications, else unpaired: `sim.analysis.compare_runs`), and an original/variance
top sheet at one statistic (the mean unless asked otherwise). The rows of compare.csv,
inputs.csv and top_sheet.csv are built here too, so the files and the tables never differ.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sim.analysis.compare_runs import (
    MeanDelta,
    Pairing,
    SheetLine,
    StrategyDelta,
    pairing,
    strategy_delta,
    variance_sheet,
)
from sim.report.input_diff import InputDiff, input_diff
from sim.report.runs import Run, side_by_side


@dataclass(frozen=True)
class Against:
    """One run set against the first: whether they pair, and per shared strategy its deltas."""

    run: Run
    pairing: Pairing
    deltas: dict[str, StrategyDelta]
    sheets: dict[str, list[SheetLine]]


@dataclass(frozen=True)
class RunsCompared:
    """Runs against the first one (`first`): their inputs' diff and each other run's deltas."""

    first: Run
    others: tuple[Against, ...]
    inputs: InputDiff
    statistic: str

    @property
    def runs(self) -> list[Run]:
        """Every run, the first one first."""
        return [self.first, *(against.run for against in self.others)]


def compare_runs(runs: list[Run], statistic: str = "mean") -> RunsCompared:
    """Every run after the first against the first, its top sheet at `statistic`.

    Raises:
        ValueError: `statistic` is not one of `sim.analysis.compare_runs.STATISTICS`.
    """
    first, *rest = runs
    others = []
    for run in rest:
        paired = pairing(first.identity, run.identity)
        shared = [name for name in first.strategies if name in run.summary.strategies]
        deltas = {}
        for name in shared:
            pairs = paired.paired and len(first.cost_usd[name]) == len(run.cost_usd[name])
            deltas[name] = strategy_delta(
                first.summary,
                run.summary,
                name,
                (first.cost_usd[name], run.cost_usd[name]),
                (first.delivery_day[name], run.delivery_day[name]),
                paired=pairs,
            )
        sheets = {
            name: variance_sheet(first.summary, run.summary, name, statistic) for name in shared
        }
        others.append(Against(run, paired, deltas, sheets))
    diff = input_diff(
        [run.scenario for run in runs],
        [run.version for run in runs],
        [run.label for run in runs],
    )
    notes = tuple(run.inputs_note for run in runs if run.inputs_note)
    inputs = InputDiff(diff.changes, notes or diff.notes)
    return RunsCompared(first, tuple(others), inputs, statistic)


def compare_rows(compared: RunsCompared) -> list[dict[str, Any]]:
    """compare.csv: the side-by-side rows, then each run's deltas against the first.

    The first run's rows leave the delta columns empty; `paired` says whether a row's
    intervals are paired replication by replication.
    """
    deltas = {
        (name, against.run.label): (against, delta)
        for against in compared.others
        for name, delta in against.deltas.items()
    }
    rows = []
    for row in side_by_side(compared.runs):
        found = deltas.get((row["strategy"], row["run"]))
        rows.append({**row, **_delta_columns(compared.first.label, *(found or (None, None)))})
    return rows


def _delta_columns(
    first: str, against: Against | None, delta: StrategyDelta | None
) -> dict[str, Any]:
    if against is None or delta is None:
        return dict.fromkeys(DELTA_COLUMNS)
    return {
        "against": first,
        "paired": against.pairing.paired,
        "cost_p50_delta_usd": delta.cost_p50_usd,
        "cost_p80_delta_usd": delta.cost_p80_usd,
        "delivery_p50_delta_days": delta.delivery_p50_days,
        "delivery_p80_delta_days": delta.delivery_p80_days,
        "p_joint_delta": delta.p_joint,
        **_mean_columns("cost_mean_delta", "usd", delta.cost_usd),
        **_mean_columns("delivery_mean_delta", "days", delta.delivery_days),
        "delivery_delta_n": delta.delivery_days.n,
    }


def _mean_columns(stem: str, unit: str, delta: MeanDelta) -> dict[str, Any]:
    return {
        f"{stem}_{unit}": delta.mean,
        f"{stem}_ci95_low_{unit}": delta.low,
        f"{stem}_ci95_high_{unit}": delta.high,
    }


#: The columns compare.csv adds to the side-by-side ones, in order.
DELTA_COLUMNS = (
    "against",
    "paired",
    "cost_p50_delta_usd",
    "cost_p80_delta_usd",
    "delivery_p50_delta_days",
    "delivery_p80_delta_days",
    "p_joint_delta",
    "cost_mean_delta_usd",
    "cost_mean_delta_ci95_low_usd",
    "cost_mean_delta_ci95_high_usd",
    "delivery_mean_delta_days",
    "delivery_mean_delta_ci95_low_days",
    "delivery_mean_delta_ci95_high_days",
    "delivery_delta_n",
)


def input_rows(compared: RunsCompared) -> list[dict[str, Any]]:
    """inputs.csv: one row per changed leaf, its key and its value in each run (empty: absent)."""
    labels = [run.label for run in compared.runs]
    return [
        {"key": change.key, **dict(zip(labels, change.values, strict=True))}
        for change in compared.inputs.changes
    ]


def sheet_rows(compared: RunsCompared) -> list[dict[str, Any]]:
    """top_sheet.csv: per run against the first, strategy and line, original/current/variance."""
    return [
        {
            "strategy": name,
            "line": line.line,
            "statistic": compared.statistic,
            "original_run": compared.first.label,
            "current_run": against.run.label,
            "original_usd": line.original_usd,
            "current_usd": line.current_usd,
            "variance_usd": line.variance_usd,
            "variance_share": line.share,
        }
        for against in compared.others
        for name, lines in against.sheets.items()
        for line in lines
    ]
