"""A run's folder from its results: the what-ifs measured, the figures drawn, every file written.

`spacesim run` and a notebook's `write_report` do the same here. On worker processes (`pool`)
the risk register's and the fallback rules' reruns go first and the figures queue behind them,
so the workers draw while this process summarises and writes the tables, the workbook and the
report.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path

from sim.analysis.records import Summary
from sim.analysis.representative import told
from sim.analysis.summary import summarise
from sim.experiment.executors import Pool, usable_cores
from sim.experiment.results import Results
from sim.experiment.what_if import start_what_ifs
from sim.report.figures.drawing import PRELOAD, drawing
from sim.report.folder import staging
from sim.report.record import resolved_scenario_text, run_record
from sim.report.writer import results_files, summary_files


def publish_run(
    results: Results,
    target: Path,
    *,
    command: Sequence[str],
    started: dt.datetime,
    baseline: str | None = None,
    register: bool = True,
    precision: float | None = None,
    jobs: int = 1,
    dask: str | None = None,
    pool: Pool | None = None,
    scenario_file: Path | None = None,
    force: bool = False,
    step: Callable[[str], None] | None = None,
    drawn: Callable[[str], None] | None = None,
) -> Summary:
    """Measure the run's what-ifs, summarise it and write its folder; returns the summary.

    `register` measures the risk register (reruns of its events' variants); the fallback rules
    are always measured. `precision` is the relative half-width the run was asked to reach
    (`--precision`, as a fraction). `step` is told what is being done, `drawn` each figure
    drawn. `command` and `started` go into run.json, with `scenario_file`'s SHA-256.

    Raises:
        ReplicationError: some reruns raised.
        OutputExistsError, UsageError, OutputError: as `write_run`.
    """
    step = step or (lambda _: None)
    scenario = results.scenario
    rules = any(scenario.strategies[name].fallbacks for name in results.strategies)
    measuring = [
        *(["the risk register"] if register and scenario.risks else []),
        *(["the fallback rules"] if rules else []),
    ]
    with staging(target, force) as folder:
        if measuring:
            step("measuring " + " and ".join(measuring))
        what_ifs = start_what_ifs(
            results,
            register=register,
            jobs=jobs,
            dask=dask,
            pool=pool,
            scenario_file=str(scenario_file or "<scenario>"),
        )
        with contextlib.closing(what_ifs):  # dropped if the run stops before reading them
            # Handed to the workers after the reruns, the figures are drawn while the rest is
            # written; the files made from the results alone are written while reruns go on.
            stories = told(results)  # replayed here while the workers rerun
            with drawing(results, stories, jobs=jobs, pool=pool, drawn=drawn) as figures:
                folder.write(results_files(results, resolved_scenario_text(results)))
                measured = what_ifs.result()
                step("summarising")
                summary = summarise(
                    results, baseline, measured.exposures, fallbacks=measured.fallbacks
                )
                summary = summary.with_target(precision)
                step("writing the report")
                record = run_record(
                    results,
                    command=list(command),
                    scenario_file=scenario_file,
                    jobs=jobs,
                    dask=dask,
                    started=started,
                )
                folder.write(summary_files(results, summary, record, figures))
        folder.commit(record)
    return summary


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

    `register` measures the risk register first (a rerun of the risk events' variants); the
    fallback rules are measured too. Reruns and figures go to `jobs` worker processes, by
    default one per core. `scenario_file` is named in run.json with its SHA-256 (without one,
    run.json names the resolved scenario's). Returns the folder.

    Raises:
        OutputExistsError: `folder` exists and `force` was not given; nothing is written.
        UsageError: `folder` exists but is not a spacesim output folder, or `baseline` is not
            one of the run's strategies.
    """
    started = dt.datetime.now(dt.UTC)
    target = Path(folder)
    jobs = usable_cores() if jobs is None else jobs
    with workers(jobs) as pool:
        publish_run(
            results,
            target,
            command=["sim.write_report", str(target)],
            started=started,
            baseline=baseline,
            register=register,
            jobs=jobs,
            pool=pool,
            scenario_file=None if scenario_file is None else Path(scenario_file),
            force=force,
        )
    return target


def workers(jobs: int) -> contextlib.AbstractContextManager[Pool | None]:
    """A run's worker processes, for its simulation, reruns and figures (none with one job)."""
    return Pool(jobs, PRELOAD) if jobs > 1 else contextlib.nullcontext()
