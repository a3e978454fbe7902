"""`spacesim windows`: launch opportunities as a user asks for them."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from click.testing import CliRunner

from sim.cli import cli


def windows(*args: str):
    """Run `spacesim windows` with these arguments."""
    return CliRunner().invoke(cli, ["windows", *args], catch_exceptions=False)


def test_two_weeks_from_the_cape_give_one_window_a_day_drifting_earlier() -> None:
    """The issue's example: one ascending window a day, each ~23 minutes earlier."""
    result = windows("--site", "ksc", "--target", "iss", "--from", "2027-03-01", "--days", "14")
    assert result.exit_code == 0, result.output
    rows = [line for line in result.output.splitlines() if " ascending " in line]
    assert len(rows) == 15
    assert sum("-23 min" in row for row in rows) == 14
    assert "2027-03-01" in rows[0]


def test_json_lists_each_opportunity_with_its_node_and_beta() -> None:
    """Both nodes from Baikonur: two a day, alternating, with beta and night per orbit."""
    result = windows(
        "--site", "baikonur", "--from", "2027-06-15", "--days", "3", "--json", "--node", "both"
    )
    assert result.exit_code == 0, result.output
    record = json.loads(result.output)
    opportunities = record["opportunities"]
    assert len(opportunities) == 6
    assert [o["node"] for o in opportunities] == ["ascending", "descending"] * 3
    first = dt.datetime.fromisoformat(opportunities[0]["utc"])
    assert first.date() == dt.date(2027, 6, 15)
    assert all(
        abs(o["beta_deg"]) <= 90 and 0 <= o["night_minutes_per_orbit"] <= 37 for o in opportunities
    )
    assert record["target"]["inclination_deg"] == 51.6342


def test_a_target_given_by_elements_is_used() -> None:
    """INC,RAAN,EPOCH: a polar orbit (Fram2) is reachable from any latitude, twice a day."""
    result = windows(
        "--site",
        "ksc",
        "--target",
        "90,0,2027-01-01",
        "--from",
        "2027-01-01",
        "--days",
        "1",
        "--json",
        "--node",
        "both",
    )
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.output)["opportunities"]) == 2


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (
            ("--site", "mars"),
            "Error: --site: unknown site 'mars': give one of ksc, baikonur, west_texas, or LAT,LON"
            " in degrees",
        ),
        (
            ("--site", "62.9,40.6"),
            "Error: --site 62.9,40.6 and --target iss: a site at latitude 62.9° never lies in the"
            " plane of an orbit inclined 51.6342°; reachable sites lie within ±51.6342°",
        ),
        (
            ("--site", "ksc", "--target", "51.6,10"),
            "Error: --target: unknown target '51.6,10': give one of iss, or"
            " INC,RAAN,EPOCH[,ALTITUDE_KM] (degrees, degrees, ISO UTC date-time, km)",
        ),
        (
            ("--site", "ksc", "--target", "200,10,2027-01-01"),
            "Error: --target: inclination must lie strictly between 0 and 180°, not 200.0",
        ),
    ],
)
def test_bad_sites_and_targets_get_one_line_and_exit_2(args: tuple[str, ...], line: str) -> None:
    """Each mistake is one line naming the option and what is allowed."""
    result = windows(*args, "--from", "2027-01-01")
    assert result.exit_code == 2
    assert result.output.strip() == line
