"""Commands about scenario files themselves: `init`, `schema` and `validate`."""

from __future__ import annotations

import json
from pathlib import Path

import click

from sim.cli.errors import InvalidFilesError
from sim.cli.options import force_option
from sim.core.errors import SpacesimError, UsageError
from sim.scenario.file_format import file_schema, starter_text
from sim.scenario.load import load_scenario


@click.command()
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path), default="scenario.yaml")
@force_option(help="Replace the file if it exists.")
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


@click.command()
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


@click.command()
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
