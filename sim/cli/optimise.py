"""`spacesim optimise`: search a scenario's splits and choices for the cheapest at P80."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import click
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeRemainingColumn,
)

from sim.analysis.optimum import optimise as optimise_scenario
from sim.analysis.optimum import verdict
from sim.cli.errors import reporting_interrupts
from sim.cli.options import (
    dask_option,
    force_option,
    jobs_option,
    out_option,
    quiet_option,
    seed_option,
)
from sim.experiment.optimise import BATCH
from sim.experiment.search_space import KEEPABLE
from sim.report.folder import check_target
from sim.report.optimum import optimum_record, write_optimum
from sim.report.optimum_tables import choices_table, finalists_table, splits_table
from sim.scenario.load import load_scenario
from sim.scenario.sources import SOURCES

#: What each phase of a study reads as on the progress bar.
PHASES = {
    "search": "searching: candidates",
    "shipped": "your strategies",
    "finalists": "rerunning finalists",
}


@click.command()
@click.argument("scenario", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--trials",
    type=click.IntRange(min=1, max=100_000),
    default=200,
    show_default=True,
    help="Candidates the sampler proposes.",
)
@click.option(
    "--replications",
    type=click.IntRange(min=1, max=1_000_000),
    default=100,
    show_default=True,
    help="Replications per candidate in the search (the same for every candidate).",
)
@click.option(
    "--final-replications",
    type=click.IntRange(min=1, max=1_000_000),
    default=1000,
    show_default=True,
    help="Replications per finalist when rerun, on fresh random numbers (seed + 1).",
)
@seed_option(help="Master seed of the simulations and the sampler (default: the scenario's).")
@click.option(
    "--front",
    is_flag=True,
    help="Search over P80 cost, P80 delivery and real share at once (the Pareto front)"
    " rather than P80 cost alone.",
)
@click.option(
    "--source",
    "sources",
    multiple=True,
    type=click.Choice(SOURCES),
    help="Let the split use only this source (repeat for several; default: all).",
)
@click.option(
    "--keep",
    multiple=True,
    type=click.Choice(list(KEEPABLE)),
    help="Leave this choice out of the search (repeat for several): crew (the scenario's crew"
    " flies), shortfall (cgi: what a source misses is remade, never cut), booked-date,"
    " vfx-team (the scenario's).",
)
@click.option(
    "--batch",
    type=click.IntRange(min=1, max=1000),
    default=BATCH,
    show_default=True,
    help="Trials proposed at once and simulated in parallel; the result depends on it (not on"
    " --jobs).",
)
@jobs_option()
@dask_option()
@out_option(help="Output folder (default: out/<scenario file name>-optimise).")
@force_option()
@quiet_option()
def optimise(
    *,
    scenario: Path,
    trials: int,
    replications: int,
    final_replications: int,
    seed: int | None,
    front: bool,
    sources: tuple[str, ...],
    keep: tuple[str, ...],
    batch: int,
    jobs: int,
    dask: str | None,
    out_dir: Path | None,
    force: bool,
    quiet: bool,
) -> None:
    """Search SCENARIO for the cheapest strategy at P80 that meets its targets.

    Optuna's TPE sampler proposes splits per scene kind and the producer's choices (who flies,
    the shortfall policy, the fallback rules written in the scenario, the booked launch date,
    the VFX team); every candidate runs on the same random numbers. The finalists are rerun
    with more replications and printed with 95% intervals. The folder holds trials.csv,
    front.csv, front.json, front.png and best.yaml (strategies to paste under strategies:).

    Example:

    \b
        spacesim optimise scenarios/split.yaml --trials 200 --out out/split-optimise
    """
    target = out_dir if out_dir is not None else Path("out") / f"{scenario.stem}-optimise"
    check_target(target, force)
    loaded = load_scenario(scenario)
    with reporting_interrupts(target):
        started = dt.datetime.now(dt.UTC)
        console = Console(stderr=True, quiet=quiet)
        with _bar(console) as progress:
            study = optimise_scenario(
                loaded,
                trials=trials,
                replications=replications,
                final_replications=final_replications,
                seed=seed,
                front=front,
                sources=sources or None,
                keep=keep,
                batch=batch,
                jobs=jobs,
                dask=dask,
                progress=progress,
            )
        record = optimum_record(
            study,
            command=["spacesim", *sys.argv[1:]],
            scenario_file=scenario,
            jobs=jobs,
            dask=dask,
            started=started,
        )
        write_optimum(target, study=study, scenario_file=str(scenario), record=record, force=force)
    if not quiet:
        out = Console(markup=False)
        out.print(finalists_table(study))
        out.print(splits_table(study))
        out.print(choices_table(study))
        click.echo(verdict(study))
        click.echo(f"Strategies to paste under strategies: in {target}/best.yaml")
    click.echo(f"Results written to {target}/")


@contextmanager
def _bar(console: Console) -> Iterator[Callable[[str, int, int], None]]:
    """A progress bar per phase of the study on a terminal; nothing otherwise."""
    if console.quiet or not (console.is_terminal or console.is_jupyter):
        yield lambda *_: None
        return
    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=True,
    )
    tasks: dict[str, TaskID] = {}
    with bar:

        def advance(phase: str, done: int, total: int) -> None:
            if phase not in tasks:
                tasks[phase] = bar.add_task(PHASES.get(phase, phase), total=total)
            bar.update(tasks[phase], completed=done, total=total)

        yield advance
