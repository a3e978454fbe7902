"""What the output folder of a run or of a comparison holds; `sim.report.folder` writes it.

The folder is written whole or not at all, and replaces an existing one only when asked
(`force`) and only if spacesim wrote it (see `sim.report.folder`).
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from matplotlib.figure import Figure

from sim.analysis.cash_flow import cash_flow_rows
from sim.analysis.records import Summary
from sim.experiment.results import Results
from sim.model.outcome import Outcome
from sim.report.assumptions import assumptions, risk_register
from sim.report.figures.breakdown import cost_breakdown
from sim.report.figures.cash_flow import cash_flow
from sim.report.figures.compare import compared_jcl, compared_minutes, compared_s_curves
from sim.report.figures.drivers import critical_tracks, tornadoes
from sim.report.figures.gantt import gantt
from sim.report.figures.minutes import minutes_by_source
from sim.report.figures.scatter import cost_vs_delivery
from sim.report.figures.scurve import s_curves
from sim.report.folder import Content, check_target, write_folder
from sim.report.html import comparison_html, report_html
from sim.report.runs import Run, rows_to_csv, side_by_side
from sim.report.tables import side_by_side_table

#: Figures of every run drawn from the results table alone, by file name (and `gantt.png`).
FIGURES: dict[str, Callable[[Results], Figure]] = {
    "cost_vs_delivery.png": cost_vs_delivery,
    "s_curves.png": s_curves,
    "cost_breakdown.png": cost_breakdown,
    "minutes_by_source.png": minutes_by_source,
    "drivers.png": tornadoes,
    "criticality.png": critical_tracks,
    "cash_flow.png": cash_flow,
}

#: Figures of `spacesim compare`, by file name.
COMPARE_FIGURES: dict[str, Callable[[list[Run]], Figure]] = {
    "s_curves.png": compared_s_curves,
    "joint_confidence.png": compared_jcl,
    "minutes_by_source.png": compared_minutes,
}


def write_run(
    target: Path,
    *,
    results: Results,
    summary: Summary,
    resolved_scenario: str,
    record: dict[str, Any],
    stories: Mapping[str, Outcome | None],
    force: bool,
) -> list[Path]:
    """Write a run's folder atomically; returns the files written, relative to the folder.

    `stories` holds each strategy's representative replication, replayed, for the Gantt chart.

    Raises:
        OutputExistsError: `target` exists and `force` was not given; before any figure is drawn.
        UsageError: `target` exists but is not a spacesim output folder.
    """
    check_target(target, force)
    figures = {name: _png(build(results)) for name, build in FIGURES.items()}
    figures["gantt.png"] = _png(gantt(results, stories))
    page = report_html(
        summary=summary,
        figures=figures,
        assumptions=assumptions(results.scenario),
        risks=risk_register(results.scenario),
        record=record,
    )
    files: dict[str, Content] = {
        "summary.json": _json(summary.to_json()),
        "replications.csv": results.write_csv,
        "cash_flow.csv": rows_to_csv(cash_flow_rows(results)),
        "scenario.resolved.yaml": resolved_scenario,
        **figures,
        "report.html": page,
    }
    return write_folder(target, files, record, force)


def write_comparison(
    target: Path, *, runs: list[Run], record: dict[str, Any], force: bool
) -> list[Path]:
    """Write the folder of `spacesim compare` atomically: table, figures and report.

    Raises:
        OutputExistsError: `target` exists and `force` was not given; before any figure is drawn.
        UsageError: `target` exists but is not a spacesim output folder.
    """
    check_target(target, force)
    rows = side_by_side(runs)
    figures = {name: _png(build(runs)) for name, build in COMPARE_FIGURES.items()}
    table = side_by_side_table(rows, runs[0].summary.currency)
    files: dict[str, Content] = {
        "compare.csv": rows_to_csv(rows),
        **figures,
        "report.html": comparison_html(runs=runs, table=table, figures=figures, record=record),
    }
    return write_folder(target, files, record, force)


def _png(figure: Figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


def _json(data: Any) -> str:
    return json.dumps(data, indent=2, allow_nan=False) + "\n"
