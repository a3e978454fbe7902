"""Holds: the flying crew is paid for the days a launch keeps them waiting, as DOOD counts them."""

from __future__ import annotations

import pytest

from sim.model.production import run_replication
from sim.scenario.load import scenario_from_data
from tests.conftest import tiny_data

#: The tiny scenario's flying crew: a director with a backup, and one lead.
PEOPLE = 3
RATE = 50_000.0


def outcomes(orbit: dict, n: int = 60) -> list:
    """`n` replications of the orbital strategy, with no risk events, under these settings."""
    data = tiny_data(sources__orbit=orbit)
    data["risks"] = {}
    scenario = scenario_from_data(data)
    return [run_replication(scenario, "orbit", 3, index) for index in range(n)]


NO_SCRUBS = {
    "weather_scrub_probability": 0,
    "technical_scrub_probability": 0,
    "recovery_zone_hold_probability": 0,
}


def test_a_launch_on_the_first_chance_holds_nobody() -> None:
    """No slip, no scrub: no day held, nothing paid."""
    for outcome in outcomes({**NO_SCRUBS, "slip_days": 0}):
        assert outcome.drivers["hold_days"] == 0
        assert outcome.cost_by_category["holds"] == 0


@pytest.mark.parametrize(("slip", "paid"), [(5, True), (30, False)])
def test_an_announced_slip_is_paid_only_when_too_short_to_release_the_crew(
    slip: float, paid: bool
) -> None:
    """A 5-day slip is held and paid (under 10 days); a 30-day one releases the crew, unpaid."""
    for outcome in outcomes({**NO_SCRUBS, "slip_days": slip}):
        lost = outcome.drivers["launch_days_lost"]
        assert lost >= slip - 1
        assert outcome.drivers["hold_days"] == (lost if paid else 0.0)
        expected = outcome.drivers["hold_days"] * PEOPLE * RATE
        assert outcome.cost_by_category["holds"] == pytest.approx(expected)


def test_days_at_the_launch_site_are_always_paid() -> None:
    """After a long announced slip, only scrubs hold the crew: days are held iff it scrubbed."""
    results = outcomes({"weather_scrub_probability": 0.5, "slip_days": 30}, n=80)
    assert any(o.drivers["launch_attempts"] > 1 for o in results)
    for outcome in results:
        scrubbed = outcome.drivers["launch_attempts"] > 1
        assert (outcome.drivers["hold_days"] > 0) == scrubbed
        expected = outcome.drivers["hold_days"] * PEOPLE * RATE
        assert outcome.cost_by_category["holds"] == pytest.approx(expected)
