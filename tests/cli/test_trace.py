"""`spacesim trace`: one replication, laid out for reading."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from sim.cli import cli


def test_trace_shows_the_days_aboard_of_one_replication() -> None:
    """`spacesim trace` on the shipped reconstruction: events, costs, and 12 days aboard."""
    result = CliRunner().invoke(
        cli,
        ["trace", "scenarios/the_challenge.yaml", "--strategy", "as_flown", "--json"],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    record = json.loads(result.output)
    events = [e["event"] for e in record["events"]]
    assert events.index("launch") < events.index("docking") < events.index("landing")
    days = record["days_aboard"]
    assert len(days) == 12
    assert days[0]["date"] == "2021-10-05"
    assert sum(sum(day["minutes"].values()) for day in days) == pytest.approx(
        record["drivers"]["orbit_yield_minutes"]
    )
    table = CliRunner().invoke(
        cli, ["trace", "scenarios/the_challenge.yaml", "--strategy", "as_flown"]
    )
    assert "Days aboard" in table.output
    unknown = CliRunner().invoke(cli, ["trace", "scenarios/the_challenge.yaml", "--strategy", "x"])
    assert unknown.exit_code == 2
    assert unknown.output.strip() == "Error: unknown strategy 'x'; the scenario has: as_flown"
