"""What a validation case states, and the helpers the cases share.

A case says, before it is run, what it checks and how close the model must come (its
tolerance), and whether it is analytic, a calibration case (a default was fitted to it: a
consistency check) or held out (nothing was fitted to it: a test). Measured, it gives a table
and a verdict: the tolerance met or not, with the figure that decided.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from sim.scenario.load import scenario_from_data
from sim.scenario.schema import Scenario

#: The seed of every case on the page.
SEED = 20261124

Kind = Literal["analytic", "calibration", "held out"]


@dataclass(frozen=True)
class Verdict:
    """What a case measured: its table, whether the tolerance was met, and why."""

    table: str
    met: bool
    finding: str


@dataclass(frozen=True)
class Case:
    """A check of the model against an analytic result or a real record."""

    #: The page's marker: ``<!-- measured:NAME -->``.
    name: str
    title: str
    kind: Kind
    #: Calibration: which defaults were fitted to it; held out and analytic: what it tests.
    fitted: str
    #: How close the model must come, written before the case was run.
    tolerance: str
    measure: Callable[[], Verdict]
    #: The verdict the page expects; a held-out case that misses says why on the page.
    expect_met: bool = True


def table(header: list[str], rows: list[list[str]]) -> str:
    """A markdown table."""
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def starter_data() -> dict[str, Any]:
    """The starter scenario (`spacesim init`) as data, to change before validating."""
    import yaml  # noqa: PLC0415

    from sim.scenario.file_format import starter_text  # noqa: PLC0415

    data: dict[str, Any] = yaml.safe_load(starter_text())
    return data


def starter(**orbit: object) -> Scenario:
    """The starter scenario with the given orbit settings."""
    data = starter_data()
    data["sources"]["orbit"].update(orbit)
    return scenario_from_data(data)
