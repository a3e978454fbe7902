"""`spacesim trace`: one replication, laid out for reading."""

from __future__ import annotations

import csv
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


def test_trace_of_replication_i_is_row_i_of_the_run(tmp_path) -> None:
    """Every number `trace --json` prints for a replication equals that row of replications.csv.

    The run is parallel (two workers) and the trace serial: the replication's streams depend on
    the seed and its index only.
    """
    out = tmp_path / "run"
    ran = CliRunner().invoke(
        cli,
        [
            *("run", "scenarios/split.yaml", "--reps", "12", "--seed", "99", "--jobs", "2"),
            *("--out", str(out)),
        ],
        catch_exceptions=False,
    )
    assert ran.exit_code == 0, ran.output
    rows = list(csv.DictReader((out / "replications.csv").read_text().splitlines()))
    for strategy, index in (("split", 7), ("orbit_max", 11), ("suborbital_cgi", 3)):
        result = CliRunner().invoke(
            cli,
            [
                *("trace", "scenarios/split.yaml", "--strategy", strategy, "--rep", str(index)),
                *("--seed", "99", "--json"),
            ],
            catch_exceptions=False,
        )
        record = json.loads(result.output)
        (row,) = [r for r in rows if r["strategy"] == strategy and r["replication"] == str(index)]
        assert float(row["cost_usd"]) == record["cost_usd"]
        assert row["delivery_date"] == record["delivery_date"]
        for category, cost in record["cost_by_category"].items():
            assert float(row[f"cost_{category}_usd"]) == cost
        assert record["drivers"]
        for driver, value in record["drivers"].items():
            assert float(row[driver]) == value, driver


def test_trace_with_set_replays_the_changed_scenario() -> None:
    """``--set`` replays the scenario with the value changed; a bad one is a one-line error."""
    base = ["trace", "scenarios/split.yaml", "--strategy", "split", "--rep", "4", "--json"]
    plain = json.loads(CliRunner().invoke(cli, base, catch_exceptions=False).output)
    dearer = CliRunner().invoke(
        cli, [*base, "--set", "sources.orbit.seat_price_usd=90e6"], catch_exceptions=False
    )
    assert dearer.exit_code == 0, dearer.output
    changed = json.loads(dearer.output)
    assert changed["cost_usd"] > plain["cost_usd"]
    assert changed["delivery_date"] == plain["delivery_date"]  # a price moves no date
    for setting, problem in (
        ("sources.orbit.seat_price=90e6", "did you mean 'seat_price_usd'"),
        ("sources.orbit.seat_price_usd", "write KEY.PATH=VALUE"),
    ):
        bad = CliRunner().invoke(cli, [*base, "--set", setting])
        assert bad.exit_code == 2
        (line,) = bad.output.strip().splitlines()
        assert line.startswith("Error: --set"), line
        assert problem in line, line
    twice = CliRunner().invoke(
        cli, [*base, "--set", "sources.cgi.artists=1", "--set", "sources.cgi.artists=2"]
    )
    assert twice.exit_code == 2
    assert "set twice" in twice.output
