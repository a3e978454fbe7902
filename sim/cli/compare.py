"""`spacesim compare`: earlier runs (or scenario files, run now) side by side."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.console import Console

from sim.analysis.summary import summarise
from sim.cli.errors import reporting_interrupts
from sim.cli.options import (
    force_option,
    jobs_option,
    out_option,
    quiet_option,
    reps_option,
    seed_option,
)
from sim.cli.progress import replications_bar
from sim.core.errors import UsageError
from sim.experiment.runner import run_experiment
from sim.report.record import comparison_record
from sim.report.runs import Run, labels_for, read_run, run_of, side_by_side
from sim.report.tables import side_by_side_table
from sim.report.writer import check_target, write_comparison
from sim.scenario.load import load_scenario


@click.command()
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path))
@out_option(help="Output folder.", default=Path("out") / "compare")
@reps_option(help="Replications per strategy of a scenario file.")
@seed_option(help="Master seed of a scenario file.")
@jobs_option(help="Worker processes, to run a scenario file.")
@force_option()
@quiet_option(help="No progress bar and no table.")
def compare(
    *,
    sources: tuple[Path, ...],
    out_dir: Path,
    reps: int | None,
    seed: int | None,
    jobs: int,
    force: bool,
    quiet: bool,
) -> None:
    """Put several runs side by side: a table, overlaid S-curves, joint confidence, minutes.

    Each SOURCE is the output folder of an earlier `spacesim run`, read as it is (nothing is
    rerun), or a scenario file, run now (--reps, --seed and --jobs apply to those). The
    folder holds compare.csv, the figures and report.html.

    Example:

    \b
        spacesim compare out/split out/split-80-artists
    """
    if len(sources) < 2:
        raise UsageError("compare needs at least two run folders or scenario files")
    missing = [str(path) for path in sources if not path.exists()]
    if missing:
        raise UsageError(f"{missing[0]}: no such run folder or scenario file")
    check_target(out_dir, force)
    runs: list[Run] = []
    console = Console(stderr=True, quiet=quiet)
    with reporting_interrupts(out_dir):
        for path, label in zip(sources, labels_for(list(sources)), strict=True):
            if path.is_dir():
                runs.append(read_run(path, label))
                continue
            loaded = load_scenario(path)
            first = reps or loaded.simulation.replications
            with replications_bar(console, first, first) as advance:
                results = run_experiment(
                    loaded, replications=reps, seed=seed, jobs=jobs, progress=advance
                )
            runs.append(run_of(label, results, summarise(results)))
        currencies = sorted({run.summary.currency for run in runs})
        if len(currencies) > 1:
            raise UsageError(
                "the runs count money in different currencies ("
                + ", ".join(currencies)
                + "); compare runs in one currency"
            )
        record = comparison_record(runs, sources, command=["spacesim", *sys.argv[1:]])
        write_comparison(out_dir, runs=runs, record=record, force=force)
    if not quiet:
        Console(markup=False).print(side_by_side_table(side_by_side(runs), currencies[0]))
    click.echo(f"Comparison written to {out_dir}/")
