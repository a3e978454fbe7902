"""Holds: the flying crew is paid for the days a launch keeps them waiting, as DOOD counts them."""

from __future__ import annotations

import pytest

from sim.model.replication import run_replication
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
        assert outcome.drivers.hold_days == 0
        assert outcome.cost_by_category["holds"] == 0


@pytest.mark.parametrize(("slip", "paid"), [(5, True), (30, False)])
def test_an_announced_slip_is_paid_only_when_too_short_to_release_the_crew(
    slip: float, paid: bool
) -> None:
    """A 5-day slip is held and paid (under 10 days); a 30-day one releases the crew, unpaid."""
    for outcome in outcomes({**NO_SCRUBS, "slip_days": slip}):
        lost = outcome.drivers.launch_days_lost
        assert lost >= slip - 1
        assert outcome.drivers.hold_days == (lost if paid else 0.0)
        expected = outcome.drivers.hold_days * PEOPLE * RATE
        assert outcome.cost_by_category["holds"] == pytest.approx(expected)


def test_days_at_the_launch_site_are_always_paid() -> None:
    """After a long announced slip, only scrubs hold the crew: days are held iff it scrubbed."""
    results = outcomes({"weather_scrub_probability": 0.5, "slip_days": 30}, n=80)
    assert any(o.drivers.launch_attempts > 1 for o in results)
    for outcome in results:
        scrubbed = outcome.drivers.launch_attempts > 1
        assert (outcome.drivers.hold_days > 0) == scrubbed
        expected = outcome.drivers.hold_days * PEOPLE * RATE
        assert outcome.cost_by_category["holds"] == pytest.approx(expected)


def flights(source: str, settings: dict, split: dict, n: int = 30) -> list:
    """`n` replications of a strategy that flies `split` on `source`, without risk events."""
    data = tiny_data(**{f"sources__{source}": settings})
    data["risks"] = {}
    data["strategies"] = {"fly": {"split": split}}
    scenario = scenario_from_data(data)
    return [run_replication(scenario, "fly", 3, index) for index in range(n)]


WEIGHTLESS_ONLY = (
    {"weightless_interior": {}, "earth_view": {"cgi": 1}}
    | {kind: {"cgi": 1} for kind in ("exterior_eva", "launch_landing")}
    | {"ground_drama": {"ground": 1}}
)


@pytest.mark.parametrize(("slip", "paid"), [(3, True), (12, False)])
def test_a_suborbital_slip_is_held_when_short_and_released_when_long(
    slip: float, paid: bool
) -> None:
    """Every flight slips `slip` days: 3 are paid per flight, 12 (over the 10-day break) none."""
    split = WEIGHTLESS_ONLY | {"weightless_interior": {"suborbital": 1}}
    settings = {
        "slip_days": slip,
        "grounding_probability": 0,
        "available_from": "2027-01-04",
        "weather_scrub_probability": 0,  # no flight-day scrubs: the slip's hold alone
        "technical_scrub_probability": 0,
    }
    for outcome in flights("suborbital", settings, split):
        flown = outcome.drivers.suborbital_flights
        assert flown >= 1
        assert outcome.drivers.hold_days == (slip * flown if paid else 0.0)
        expected = outcome.drivers.hold_days * PEOPLE * RATE
        assert outcome.cost_by_category["holds"] == pytest.approx(expected)


def test_each_cancelled_zero_g_flight_day_holds_the_crew_one_day() -> None:
    """Half the campaign days cancelled: one day held per cancelled day, paid at the day rate."""
    split = WEIGHTLESS_ONLY | {"weightless_interior": {"parabolic": 1}}
    results = flights("parabolic", {"flight_cancel_probability": 0.5}, split)
    assert any(o.drivers.parabolic_cancelled_days > 0 for o in results)
    for outcome in results:
        assert outcome.drivers.hold_days == outcome.drivers.parabolic_cancelled_days
        expected = outcome.drivers.hold_days * PEOPLE * RATE
        assert outcome.cost_by_category["holds"] == pytest.approx(expected)
