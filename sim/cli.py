"""The `spacesim` command: parses options, calls the layers below, prints.

This is the only module that knows exit codes and the terminal. Every `SpacesimError` becomes
one ``Error: ...`` line per problem, exit 2 for bad input and 1 for a failed run; any other
exception is a bug and is reported in one line unless ``--debug`` asks for the traceback.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import platform
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from sim.analysis.representative import told
from sim.analysis.summary import precise_to, summarise
from sim.core.errors import SpacesimError, UsageError
from sim.experiment.executors import usable_cores
from sim.experiment.runner import replay, run_experiment
from sim.orbits import launch_opportunities, site_of, target_of
from sim.report.runs import Run, labels_for, read_run, run_of, side_by_side
from sim.report.tables import (
    comparison_table,
    decision_table,
    minutes_table,
    shortfall_table,
    side_by_side_table,
    top_sheet_table,
)
from sim.report.trace import trace_record, trace_tables
from sim.report.windows import windows_record, windows_table
from sim.report.writer import check_target, write_comparison, write_run
from sim.scenario.file_format import file_schema, starter_text
from sim.scenario.load import dump_scenario, load_scenario


class ReportedError(click.ClickException):
    """A failed run shown as one ``Error:`` line per problem; exit 1."""

    def __init__(self, error: SpacesimError) -> None:
        super().__init__(str(error))
        self.error = error

    def show(self, file: Any = None) -> None:  # noqa: D102
        for line in self.error.lines():
            click.echo(f"Error: {line}", err=True)


class ReportedBadInputError(ReportedError):
    """Bad input shown like a failed run, with click's usage-error exit code 2."""

    exit_code = 2


class InterruptedRunError(click.ClickException):
    """A run stopped by Ctrl-C; exit 130 (128 + SIGINT), as shells expect."""

    exit_code = 130


@contextmanager
def _reporting_interrupts(target: Path) -> Iterator[None]:
    """Turn Ctrl-C during a run into one line saying that nothing was written, and where."""
    existed = target.exists()
    try:
        yield
    except KeyboardInterrupt:
        state = "is as it was" if existed else "was not created"
        raise InterruptedRunError(
            f"interrupted: no results were written; {target} {state}"
        ) from None


def reported(error: SpacesimError) -> ReportedError:
    """The click exception that shows `error` with its exit code."""
    return ReportedBadInputError(error) if error.exit_code == 2 else ReportedError(error)


class SpacesimGroup(click.Group):
    """The one translation point from spacesim's errors to the user's terminal."""

    def invoke(self, ctx: click.Context) -> Any:  # noqa: D102
        try:
            return super().invoke(ctx)
        except SpacesimError as error:
            raise reported(error) from None
        except (
            click.ClickException,
            click.exceptions.Exit,
            click.Abort,
            KeyboardInterrupt,
            BrokenPipeError,  # a reader that stopped early (`| head`): click exits quietly
        ):
            raise
        except Exception as error:
            if ctx.meta.get("debug"):
                raise
            raise click.ClickException(
                f"internal error ({type(error).__name__}: {error}); "
                "rerun with --debug and report it"
            ) from None


def _version() -> str:
    try:
        return version("spacesim")
    except PackageNotFoundError:
        return "unknown"


@click.group(cls=SpacesimGroup)
@click.version_option(_version(), prog_name="spacesim")
@click.option("--debug", is_flag=True, help="Show the traceback of an internal error.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Plan a film shot partly in space: compare split strategies by cost and schedule.

    Example:

    \b
        spacesim run scenarios/split.yaml

    Exit codes: 0 done; 1 a run failed (the replication is named, with how to replay it);
    2 bad input (one line per problem: file, line, key path, what is allowed); 130
    interrupted (nothing written).
    """
    ctx.meta["debug"] = debug


@cli.command()
@click.argument("scenario", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--reps", type=click.IntRange(min=1), help="Replications per strategy.")
@click.option("--seed", type=click.IntRange(min=0), help="Master seed (default: the scenario's).")
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Output folder (default: out/<scenario file name>).",
)
@click.option(
    "--strategy",
    "strategies",
    multiple=True,
    metavar="NAME",
    help="Run only this strategy (repeat for several).",
)
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=usable_cores,
    show_default="the cores this process may use",
    help="Worker processes.",
)
@click.option(
    "--dask",
    metavar="ADDRESS",
    help="Run on a Dask cluster: its scheduler's address (tcp://host:8786), or 'local' for"
    " --jobs processes here. Needs the dask extra: pip install '.[dask]'.",
)
@click.option(
    "--precision",
    type=click.FloatRange(min=0.01, max=50),
    metavar="PERCENT",
    help="Double the replications until every strategy's P80 cost and P80 delivery are known"
    " to within this many percent (95% confidence); --reps is where it starts.",
)
@click.option(
    "--max-reps",
    type=click.IntRange(min=1),
    default=100_000,
    show_default=True,
    help="Most replications per strategy --precision may use.",
)
@click.option(
    "--baseline",
    metavar="STRATEGY",
    help="The strategy the others are compared with, pair by pair (default: the first).",
)
@click.option("--force", is_flag=True, help="Replace the output folder if it exists.")
@click.option("--quiet", is_flag=True, help="No progress bar and no tables.")
def run(
    *,
    scenario: Path,
    reps: int | None,
    seed: int | None,
    out_dir: Path | None,
    strategies: tuple[str, ...],
    jobs: int,
    dask: str | None,
    precision: float | None,
    max_reps: int,
    baseline: str | None,
    force: bool,
    quiet: bool,
) -> None:
    """Simulate every strategy of SCENARIO; print a table and write an output folder.

    The folder holds summary.json, replications.csv (one row per replication and strategy),
    scenario.resolved.yaml (every default filled in), run.json and the figures.

    Example:

    \b
        spacesim run scenarios/split.yaml --reps 2000 --seed 7 --out out/split-7
    """
    target = out_dir if out_dir is not None else Path("out") / scenario.stem
    check_target(target, force)
    loaded = load_scenario(scenario)
    chosen = strategies or tuple(loaded.strategies)
    if baseline is not None and baseline not in chosen:
        raise UsageError(f"unknown baseline '{baseline}'; the run has: " + ", ".join(chosen))
    with _reporting_interrupts(target):
        started = dt.datetime.now(dt.UTC)
        console = Console(stderr=True, quiet=quiet)
        first = reps or loaded.simulation.replications
        most = max(first, max_reps) if precision is not None else first
        with _progress(console, first, most) as advance:
            results = run_experiment(
                loaded,
                replications=reps,
                seed=seed,
                strategies=strategies or None,
                jobs=jobs,
                progress=advance,
                scenario_file=str(scenario),
                until=None if precision is None else precise_to(precision / 100),
                max_replications=most,
                dask=dask,
            )
        summary = summarise(results, baseline)
        summary["precision"]["target"] = None if precision is None else precision / 100
        if precision is not None and not precise_to(precision / 100)(results):
            click.echo(
                f"Warning: the P80s are not known to ±{precision:g}% after --max-reps "
                f"{results.replications:,}; see precision in summary.json",
                err=True,
            )
        resolved = loaded.model_copy(
            update={
                "simulation": loaded.simulation.model_copy(
                    update={"seed": results.seed, "replications": results.replications}
                )
            }
        )
        record = {
            "command": ["spacesim", *sys.argv[1:]],
            "spacesim_version": _version(),
            "scenario_file": str(scenario),
            "scenario_sha256": hashlib.sha256(scenario.read_bytes()).hexdigest(),
            "seed": results.seed,
            "replications": results.replications,
            "strategies": list(results.strategies),
            "jobs": jobs,
            "dask": dask,
            "started_utc": started.isoformat(timespec="seconds"),
            "finished_utc": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "python": platform.python_version(),
            "platform": platform.platform(),
        }
        write_run(
            target,
            results=results,
            summary=summary,
            resolved_scenario=dump_scenario(resolved),
            record=record,
            stories=told(results),
            force=force,
        )
    if not quiet:
        out = Console()
        out.print(decision_table(summary))
        out.print(top_sheet_table(summary))
        out.print(minutes_table(summary))
        out.print(shortfall_table(summary))
        if summary["comparison"]["strategies"]:
            out.print(comparison_table(summary))
    click.echo(f"Results written to {target}/")


@cli.command()
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path), default="scenario.yaml")
@click.option("--force", is_flag=True, help="Replace the file if it exists.")
def init(*, path: Path, force: bool) -> None:
    """Write a small, commented starter scenario to PATH (default scenario.yaml).

    It validates and runs as written: your film's dates, budget, script minutes and crew, one
    orbital booking, a risk event and two strategies, with pointers to every other key.

    Example:

    \b
        spacesim init my-film.yaml && spacesim run my-film.yaml
    """
    if path.exists() and not force:
        raise UsageError(f"{path} already exists. Use --force to replace it, or give another PATH.")
    try:
        path.write_text(starter_text(), encoding="utf-8")
    except OSError as error:
        raise UsageError(f"{path}: cannot write it ({error.strerror})") from None
    click.echo(f"Wrote {path}: edit it, then run: spacesim run {path}")


@cli.command()
def schema() -> None:
    """Print the JSON Schema of scenario files, for editors' YAML language servers.

    With the schema, an editor completes keys, shows each key's description and flags typos
    as you type; `spacesim validate` remains the authority.

    Example:

    \b
        spacesim schema > spacesim.schema.json
        # then, first line of a scenario file:
        # yaml-language-server: $schema=spacesim.schema.json
    """
    click.echo(json.dumps(file_schema(), indent=2))


@cli.command()
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("out") / "compare",
    show_default=True,
    help="Output folder.",
)
@click.option(
    "--reps", type=click.IntRange(min=1), help="Replications per strategy of a scenario file."
)
@click.option("--seed", type=click.IntRange(min=0), help="Master seed of a scenario file.")
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=usable_cores,
    show_default="the cores this process may use",
    help="Worker processes, to run a scenario file.",
)
@click.option("--force", is_flag=True, help="Replace the output folder if it exists.")
@click.option("--quiet", is_flag=True, help="No progress bar and no table.")
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
    with _reporting_interrupts(out_dir):
        for path, label in zip(sources, labels_for(list(sources)), strict=True):
            if path.is_dir():
                runs.append(read_run(path, label))
                continue
            loaded = load_scenario(path)
            first = reps or loaded.simulation.replications
            with _progress(console, first, first) as advance:
                results = run_experiment(
                    loaded, replications=reps, seed=seed, jobs=jobs, progress=advance
                )
            runs.append(run_of(label, results, summarise(results)))
        currencies = sorted({run.summary["currency"] for run in runs})
        if len(currencies) > 1:
            raise UsageError(
                "the runs count money in different currencies ("
                + ", ".join(currencies)
                + "); compare runs in one currency"
            )
        record = {
            "command": ["spacesim", *sys.argv[1:]],
            "spacesim_version": _version(),
            "runs": [
                {"label": run.label, "source": str(path), "seed": run.summary["seed"]}
                for run, path in zip(runs, sources, strict=True)
            ],
            "finished_utc": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        }
        write_comparison(out_dir, runs=runs, record=record, force=force)
    if not quiet:
        Console().print(side_by_side_table(side_by_side(runs), currencies[0]))
    click.echo(f"Comparison written to {out_dir}/")


@cli.command()
@click.argument(
    "scenarios", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path)
)
def validate(scenarios: tuple[Path, ...]) -> None:
    """Check scenario files; print every problem found, one line each.

    Exits 2 if any file has a problem.

    Example:

    \b
        spacesim validate scenarios/*.yaml
    """
    problems: list[SpacesimError] = []
    for path in scenarios:
        try:
            scenario = load_scenario(path)
        except SpacesimError as error:
            problems.append(error)
            continue
        count = len(scenario.strategies)
        click.echo(
            f"{path}: ok ({count} {'strategy' if count == 1 else 'strategies'}, "
            f"{scenario.script.total:g} screen minutes)"
        )
    if problems:
        lines = [line for error in problems for line in error.lines()]
        raise InvalidFilesError(lines)


@cli.command()
@click.argument("scenario", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--strategy", required=True, help="The strategy to trace.")
@click.option(
    "--replication",
    "--rep",
    type=click.IntRange(min=0),
    default=0,
    show_default=True,
    help="Which replication (0-based, as in replications.csv).",
)
@click.option("--seed", type=click.IntRange(min=0), help="Master seed (default: the scenario's).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of tables.")
def trace(
    *, scenario: Path, strategy: str, replication: int, seed: int | None, as_json: bool
) -> None:
    """Replay one replication of one strategy and show what happened, day by day.

    The same seed and replication give exactly the row of replications.csv: the events in
    order, the costs, and for an orbital stay each day aboard (hours filmed, sick flyers,
    camera failures, beta angle, night, and the screen minutes shot per scene kind).

    Example:

    \b
        spacesim trace scenarios/split.yaml --strategy split --replication 17
    """
    loaded = load_scenario(scenario)
    outcome = replay(loaded, strategy, seed=seed, replication=replication)
    if as_json:
        click.echo(json.dumps(trace_record(loaded, outcome), indent=2))
        return
    out = Console()
    for table in trace_tables(loaded, outcome):
        out.print(table)


@cli.command()
@click.option(
    "--site", "site_text", required=True, help="ksc, baikonur, west_texas, or LAT,LON in degrees."
)
@click.option(
    "--target",
    "target_text",
    default="iss",
    show_default=True,
    help="iss, or INC,RAAN,EPOCH[,ALTITUDE_KM] (degrees, degrees, ISO UTC time, km).",
)
@click.option(
    "--from",
    "start",
    required=True,
    type=click.DateTime(["%Y-%m-%d", "%Y-%m-%dT%H:%M"]),
    help="First day, UTC (YYYY-MM-DD or YYYY-MM-DDTHH:MM).",
)
@click.option(
    "--days",
    type=click.FloatRange(min=0, max=3660),
    default=14,
    show_default=True,
    help="How many days to list.",
)
@click.option(
    "--node",
    type=click.Choice(["ascending", "descending", "both"]),
    default="ascending",
    show_default=True,
    help="Ascending: the orbit heads north over the site (a north-east launch).",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def windows(
    *, site_text: str, target_text: str, start: dt.datetime, days: float, node: str, as_json: bool
) -> None:
    """List the instants a launch site passes through a target orbit's plane.

    Each is the moment of an ideal in-plane rendezvous launch ("instantaneous window"), with
    the orbit's beta angle and minutes of night per orbit then. Earth's rotation and the J2
    drift of the orbit's node are taken into account.

    Example:

    \b
        spacesim windows --site ksc --target iss --from 2027-03-01 --days 14
    """
    try:
        site = site_of(site_text)
    except ValueError as error:
        raise UsageError(f"--site: {error}") from None
    try:
        target = target_of(target_text)
    except ValueError as error:
        raise UsageError(f"--target: {error}") from None
    plane = target.plane
    try:
        opportunities = launch_opportunities(
            site.lat_deg,
            site.lon_deg,
            plane.inclination_deg,
            plane.raan_deg,
            plane.epoch,
            start.replace(tzinfo=dt.UTC),
            days,
            altitude_km=plane.altitude_km,
            node=node,  # type: ignore[arg-type]
        )
    except ValueError as error:
        raise UsageError(f"--site {site_text} and --target {target_text}: {error}") from None
    if as_json:
        click.echo(json.dumps(windows_record(site, target, opportunities), indent=2))
    else:
        Console().print(windows_table(site, target, opportunities))


class InvalidFilesError(SpacesimError):
    """Problems of several files, reported together."""

    exit_code = 2

    def __init__(self, lines: list[str]) -> None:
        super().__init__("\n".join(lines))


@contextmanager
def _progress(console: Console, first: int, most: int) -> Iterator[Callable[[int], None]]:
    """A progress bar of replications per strategy on a terminal; nothing otherwise.

    When a ``--precision`` run goes on past `first`, the bar's end doubles with it, up to
    `most`, as the runner does.
    """
    if console.quiet or not console.is_terminal:
        yield lambda _: None
        return
    bar = Progress(
        TextColumn("simulating"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("replications per strategy"),
        TimeRemainingColumn(),
        console=console,
        transient=True,
    )
    with bar:
        task = bar.add_task("run", total=first)

        def advance(done: int) -> None:
            state = bar.tasks[task]
            if state.total is not None and state.completed >= state.total:
                bar.update(task, total=min(2 * state.total, most))
            bar.advance(task, done)

        yield advance


def main() -> None:
    """Entry point of the `spacesim` console script."""
    cli(prog_name="spacesim")
