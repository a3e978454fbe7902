"""`spacesim trace`: one replication of one strategy, replayed day by day."""

from __future__ import annotations

import json
from pathlib import Path

import click
from rich.console import Console

from sim.cli.options import json_option, known_names, seed_option
from sim.experiment.runner import replay
from sim.report.trace import trace_record, trace_tables
from sim.scenario.load import load_scenario


@click.command()
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
@seed_option()
@json_option()
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
    known_names([strategy], tuple(loaded.strategies))
    outcome = replay(loaded, strategy, seed=seed, replication=replication)
    if as_json:
        click.echo(json.dumps(trace_record(loaded, outcome), indent=2))
        return
    out = Console(markup=False)  # text from the scenario is printed as written
    for table in trace_tables(loaded, outcome):
        out.print(table)
