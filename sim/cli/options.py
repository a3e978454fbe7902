"""Options several commands share: each spelled, typed and bounded once.

A command passes its own help text where the option means something narrower there (`compare`
runs only its scenario files, so its ``--reps`` says so); the defaults are `run`'s.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click

from sim.core.errors import UsageError
from sim.experiment.executors import usable_cores

F = TypeVar("F", bound=Callable[..., Any])


def reps_option(help: str = "Replications per strategy.") -> Callable[[F], F]:
    """``--reps N``: replications per strategy, at least 1; None means the scenario's."""
    return click.option("--reps", type=click.IntRange(min=1), help=help)


def seed_option(help: str = "Master seed (default: the scenario's).") -> Callable[[F], F]:
    """``--seed N``: the master seed, a non-negative integer; None means the scenario's."""
    return click.option("--seed", type=click.IntRange(min=0), help=help)


def jobs_option(help: str = "Worker processes.") -> Callable[[F], F]:
    """``--jobs N``: worker processes, by default one per core this process may use."""
    return click.option(
        "--jobs",
        type=click.IntRange(min=1),
        default=usable_cores,
        show_default="the cores this process may use",
        help=help,
    )


def strategies_option(
    help: str = "Run only this strategy (repeat for several).",
) -> Callable[[F], F]:
    """``--strategy NAME`` (repeatable) into the parameter `strategies`: a subset to run."""
    return click.option("--strategy", "strategies", multiple=True, metavar="NAME", help=help)


def dask_option(also: str = "") -> Callable[[F], F]:
    """``--dask ADDRESS``: run on a Dask cluster (`also`: what the command adds in words)."""
    return click.option(
        "--dask",
        metavar="ADDRESS",
        help="Run on a Dask cluster: its scheduler's address (tcp://host:8786), or 'local' for"
        f" --jobs processes here{also}. Needs the dask extra: pip install '.[dask]'.",
    )


def out_option(help: str, default: Path | None = None) -> Callable[[F], F]:
    """``--out DIR`` into the parameter `out_dir`: the output folder, shown with its default."""
    return click.option(
        "--out",
        "out_dir",
        type=click.Path(file_okay=False, path_type=Path),
        default=default,
        show_default=default is not None,
        help=help,
    )


def force_option(help: str = "Replace the output folder if it exists.") -> Callable[[F], F]:
    """``--force``: replace what the command writes if it is there already."""
    return click.option("--force", is_flag=True, help=help)


def quiet_option(help: str = "No progress bar and no tables.") -> Callable[[F], F]:
    """``--quiet``: no progress bar and nothing but the last line on the terminal."""
    return click.option("--quiet", is_flag=True, help=help)


def json_option(help: str = "Print JSON instead of tables.") -> Callable[[F], F]:
    """``--json`` into the parameter `as_json`: print JSON for a program, not tables."""
    return click.option("--json", "as_json", is_flag=True, help=help)


def details_option(
    help: str = "Print every table (the drivers, the top sheet, the registers...), not only the"
    " financing and the decision.",
) -> Callable[[F], F]:
    """``--details``: every table on the terminal, not only the short view."""
    return click.option("--details", is_flag=True, help=help)


def known_names(
    names: Iterable[str], known: Sequence[str], what: str = "strategy", where: str = "the scenario"
) -> tuple[str, ...]:
    """`names`, each checked to be one of `known` (a scenario's strategies, say).

    Raises:
        UsageError: the first name not known, with the closest known one when one is close
            (``unknown strategy 'splt' (did you mean 'split'?); the scenario has: ...``).
    """
    names = tuple(names)
    for name in names:
        if name not in known:
            close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.6)
            if not close:  # a slip of case: 'Split'
                close = [found for found in known if found.lower() == name.lower()][:1]
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            raise UsageError(f"unknown {what} '{name}'{hint}; {where} has: " + ", ".join(known))
    return names
