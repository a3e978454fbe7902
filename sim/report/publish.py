"""The run's folder from Python: what `spacesim run` writes, for results made in a notebook."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sim.analysis.representative import told
from sim.analysis.summary import summarise
from sim.experiment.executors import usable_cores
from sim.experiment.exposure import measure
from sim.experiment.results import Results
from sim.report.record import resolved_scenario_text, run_record
from sim.report.writer import write_run


def write_report(
    results: Results,
    folder: str | Path,
    *,
    baseline: str | None = None,
    register: bool = True,
    jobs: int | None = None,
    scenario_file: str | Path | None = None,
    force: bool = False,
) -> Path:
    """Write the folder `spacesim run` writes for `results`: report, workbook, figures, tables.

    `register` measures the risk register first (a rerun of the risk events' variants on
    `jobs` processes, by default one per core); `scenario_file` is named in run.json with its
    SHA-256 (without one, run.json names the resolved scenario's). Returns the folder.

    Raises:
        OutputExistsError: `folder` exists and `force` was not given; nothing is written.
        UsageError: `folder` exists but is not a spacesim output folder, or `baseline` is not
            one of the run's strategies.
    """
    started = dt.datetime.now(dt.UTC)
    target = Path(folder)
    jobs = usable_cores() if jobs is None else jobs
    exposures = None
    if register and results.scenario.risks:
        exposures = measure(results, jobs=jobs)
    summary = summarise(results, baseline, exposures)
    write_run(
        target,
        results=results,
        summary=summary,
        resolved_scenario=resolved_scenario_text(results),
        record=run_record(
            results,
            command=["sim.write_report", str(target)],
            scenario_file=None if scenario_file is None else Path(scenario_file),
            jobs=jobs,
            dask=None,
            started=started,
        ),
        stories=told(results),
        force=force,
    )
    return target
