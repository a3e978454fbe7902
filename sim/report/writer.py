"""The output folder of a run or of a comparison, written whole or not at all.

Everything goes into a hidden temporary folder beside the target, which is renamed into place
only when complete; an interrupted run leaves no folder that looks finished. An existing folder
is replaced only when asked (`force`), and only if it is a spacesim output folder.
"""

from __future__ import annotations

import io
import json
import shutil
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TextIO

from matplotlib.figure import Figure

from sim.analysis.records import Summary
from sim.core.errors import OutputExistsError, UsageError
from sim.experiment.results import Results
from sim.model.outcome import Outcome
from sim.report.assumptions import assumptions, risk_register
from sim.report.figures.breakdown import cost_breakdown
from sim.report.figures.compare import compared_jcl, compared_minutes, compared_s_curves
from sim.report.figures.drivers import critical_tracks, tornadoes
from sim.report.figures.gantt import gantt
from sim.report.figures.minutes import minutes_by_source
from sim.report.figures.scatter import cost_vs_delivery
from sim.report.figures.scurve import s_curves
from sim.report.html import comparison_html, report_html
from sim.report.runs import Run, rows_to_csv, side_by_side
from sim.report.tables import side_by_side_table

#: What a file of an output folder holds: text, bytes, or a function writing text to a file.
Content = str | bytes | Callable[[TextIO], None]

#: Figures of every run drawn from the results table alone, by file name (and `gantt.png`).
FIGURES: dict[str, Callable[[Results], Figure]] = {
    "cost_vs_delivery.png": cost_vs_delivery,
    "s_curves.png": s_curves,
    "cost_breakdown.png": cost_breakdown,
    "minutes_by_source.png": minutes_by_source,
    "drivers.png": tornadoes,
    "criticality.png": critical_tracks,
}

#: Figures of `spacesim compare`, by file name.
COMPARE_FIGURES: dict[str, Callable[[list[Run]], Figure]] = {
    "s_curves.png": compared_s_curves,
    "joint_confidence.png": compared_jcl,
    "minutes_by_source.png": compared_minutes,
}

#: A folder holding this file was written by spacesim and may be replaced with `force`.
RUN_RECORD = "run.json"


def check_target(target: Path, force: bool) -> None:
    """Refuse a target we must not write to, before any work is done.

    Raises:
        OutputExistsError: the target exists and `force` was not given.
        UsageError: the target exists but is not a spacesim output folder.
    """
    if not target.exists():
        return
    if not force:
        raise OutputExistsError(str(target))
    if not target.is_dir() or not ((target / RUN_RECORD).exists() or not any(target.iterdir())):
        raise UsageError(
            f"{target} exists and is not a spacesim output folder; choose another folder with --out"
        )


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


def write_folder(
    target: Path, files: Mapping[str, Content], record: dict[str, Any], force: bool
) -> list[Path]:
    """Write `files` and the record into `target`, whole or not at all.

    A file's content is text, bytes, or a function that writes text to an open file (so a
    large table is never held whole as one string).
    """
    check_target(target, force)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.partial-", dir=target.parent))
    try:
        for name, content in files.items():
            if isinstance(content, bytes):
                (staging / name).write_bytes(content)
            elif isinstance(content, str):
                (staging / name).write_text(content, encoding="utf-8")
            else:
                with (staging / name).open("w", encoding="utf-8", newline="") as file:
                    content(file)
        (staging / RUN_RECORD).write_text(_json(record), encoding="utf-8")
        written = sorted(path.relative_to(staging) for path in staging.iterdir())
        _swap_into_place(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return written


def _swap_into_place(staging: Path, target: Path) -> None:
    if not target.exists():
        staging.rename(target)
        return
    old = target.with_name(f".{target.name}.replaced-{staging.name.rsplit('-', 1)[-1]}")
    target.rename(old)
    staging.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def _png(figure: Figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


def _json(data: Any) -> str:
    return json.dumps(data, indent=2, allow_nan=False) + "\n"
