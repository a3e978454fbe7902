"""What the output folder of a run or of a comparison holds; `sim.report.folder` writes it.

The folder is written whole or not at all, and replaces an existing one only when asked
(`force`) and only if spacesim wrote it (see `sim.report.folder`).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from sim.analysis.cash_flow import cash_flow_rows
from sim.analysis.records import Summary
from sim.experiment.results import Results
from sim.model.outcome import Outcome
from sim.report import parquet
from sim.report.assumptions import assumptions, risk_register
from sim.report.compare_page import comparison_html
from sim.report.comparison import compare_rows, compare_runs, input_rows, sheet_rows
from sim.report.excel import workbook
from sim.report.figures.drawing import COMPARE_FIGURES, RUN_FIGURES, Drawing, png
from sim.report.folder import Content, check_target, staging, write_folder
from sim.report.parquet import parquet_bytes
from sim.report.run_page import report_html
from sim.report.runs import Run, rows_to_csv, side_by_side
from sim.report.tables import side_by_side_table

#: Figures of every run drawn from the results table alone, by file name (and `gantt.png`);
#: listed, with the comparison's (`COMPARE_FIGURES`), in `sim.report.figures.drawing`.
FIGURES = RUN_FIGURES


def write_run(
    target: Path,
    *,
    results: Results,
    summary: Summary,
    resolved_scenario: str,
    record: dict[str, Any],
    stories: Mapping[str, Outcome | None],
    force: bool,
    drawing: Drawing | None = None,
) -> list[Path]:
    """Write a run's folder atomically; returns the files written, relative to the folder.

    `stories` holds each strategy's representative replication, replayed, for the Gantt chart.
    `drawing` is the figures already being drawn (`sim.report.figures.drawing.drawing`),
    collected once the other files are made; without one they are drawn here, one by one.

    Raises:
        OutputExistsError: `target` exists and `force` was not given; before any figure is drawn.
        UsageError: `target` exists but is not a spacesim output folder.
    """
    with staging(target, force) as folder:
        folder.write(results_files(results, resolved_scenario))
        folder.write(summary_files(results, summary, record, drawing or Drawing(results, stories)))
        return folder.commit(record)


def results_files(results: Results, resolved_scenario: str) -> dict[str, Content]:
    """The files of a run's folder made from its results alone: its tables, the scenario."""
    return {
        "replications.csv": results.write_csv,
        "cash_flow.csv": rows_to_csv(cash_flow_rows(results)),
        "scenario.resolved.yaml": resolved_scenario,
        **({"replications.parquet": parquet_bytes(results)} if parquet.available() else {}),
    }


def summary_files(
    results: Results, summary: Summary, record: dict[str, Any], drawing: Drawing
) -> dict[str, Content]:
    """The rest of a run's folder: the summary, the workbook, the figures and the report.

    The figures are collected (waited for, or drawn here) once the workbook is made.
    """
    files: dict[str, Content] = {
        "summary.json": _json(summary.to_json()),
        "report.xlsx": workbook(
            results, summary, assumptions(results.scenario), risk_register(results.scenario)
        ),
    }
    figures = drawing.figures()
    files.update(figures)
    files["report.html"] = report_html(
        summary=summary,
        figures=figures,
        assumptions=assumptions(results.scenario),
        risks=risk_register(results.scenario),
        record=record,
    )
    return files


def write_comparison(
    target: Path,
    *,
    runs: list[Run],
    record: dict[str, Any],
    force: bool,
    statistic: str = "mean",
) -> list[Path]:
    """Write the folder of `spacesim compare` atomically: tables, figures and report.

    compare.csv holds the runs side by side with each later run's deltas against the first,
    inputs.csv the inputs that changed, top_sheet.csv the top sheet at `statistic`.

    Raises:
        OutputExistsError: `target` exists and `force` was not given; before any figure is drawn.
        UsageError: `target` exists but is not a spacesim output folder.
    """
    check_target(target, force)
    compared = compare_runs(runs, statistic)
    figures = {name: png(build(runs)) for name, build in COMPARE_FIGURES.items()}
    table = side_by_side_table(side_by_side(runs), runs[0].summary.currency)
    page = comparison_html(compared=compared, table=table, figures=figures, record=record)
    files: dict[str, Content] = {
        "compare.csv": rows_to_csv(compare_rows(compared)),
        "inputs.csv": rows_to_csv(
            input_rows(compared), columns=["key", *(run.label for run in compared.runs)]
        ),
        "top_sheet.csv": rows_to_csv(sheet_rows(compared)),
        **figures,
        "report.html": page,
    }
    return write_folder(target, files, record, force)


def _json(data: Any) -> str:
    return json.dumps(data, indent=2, allow_nan=False) + "\n"
