"""`spacesim trace`: one replication of one strategy, replayed day by day."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click
from rich.console import Console

from sim.cli.options import json_option, known_names, seed_option
from sim.core.errors import Problem, ScenarioError
from sim.experiment.runner import replay
from sim.report.trace import trace_record, trace_tables
from sim.scenario.changes import with_changes
from sim.scenario.load import load_scenario
from sim.scenario.value_lists import parse_setting


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
@click.option(
    "--set",
    "settings",
    multiple=True,
    metavar="KEY.PATH=VALUE",
    help="Replay the scenario with this value changed (repeatable), as a sweep's cell or a"
    " what-if's variant ran: a failed replication's message gives the settings.",
)
@seed_option()
@json_option()
def trace(
    *,
    scenario: Path,
    strategy: str,
    replication: int,
    settings: tuple[str, ...],
    seed: int | None,
    as_json: bool,
) -> None:
    """Replay one replication of one strategy and show what happened, day by day.

    The same seed and replication give exactly the row of replications.csv: the events in
    order, the costs, and for an orbital stay each day aboard (hours filmed, sick flyers,
    camera failures, beta angle, night, and the screen minutes shot per scene kind).

    Example:

    \b
        spacesim trace scenarios/split.yaml --strategy split --replication 17
        spacesim trace scenarios/split.yaml --strategy split --replication 17 \\
            --set sources.orbit.seat_price_usd=60e6
    """
    loaded = load_scenario(scenario)
    if settings:
        loaded = with_changes(loaded, _changes(settings), file="--set")
    known_names([strategy], tuple(loaded.strategies))
    outcome = replay(loaded, strategy, seed=seed, replication=replication)
    if as_json:
        click.echo(json.dumps(trace_record(loaded, outcome), indent=2))
        return
    out = Console(markup=False)  # text from the scenario is printed as written
    for table in trace_tables(loaded, outcome):
        out.print(table)


def _changes(settings: tuple[str, ...]) -> dict[str, Any]:
    """Each --set as key path -> value; a key set twice is refused."""
    changes: dict[str, Any] = {}
    for setting in settings:
        key, value = parse_setting(setting)
        if key in changes:
            raise ScenarioError("--set", [Problem(key, "set twice; give it one value")])
        changes[key] = value
    return changes
