"""The launch campaign driven by hand with extreme parameters."""

from __future__ import annotations

import pytest

from sim.model.launch import launch_campaign
from sim.scenario.load import scenario_from_data
from tests.conftest import replication_of, tiny_data


def campaign(orbit: dict, booked: float = 20.0, delay: float = 0.0, index: int = 0, horizon=3650):
    """Run one launch campaign from day 0; return the replication."""
    scenario = scenario_from_data(tiny_data(sources__orbit=orbit, simulation__horizon_days=horizon))
    rep = replication_of(scenario, "orbit", index=index)
    rep.env.process(launch_campaign(rep, scenario.sources.orbit, booked, delay))
    rep.env.run(until=horizon)
    return rep


CALM = {
    "weather_scrub_probability": 0,
    "technical_scrub_probability": 0,
    "recovery_zone_hold_probability": 0,
    "slip_days": 0,
}


def test_no_scrubs_launches_at_the_booked_slot() -> None:
    """Scrub probability 0 and no slip: liftoff on the first opportunity, the booked day."""
    rep = campaign(CALM)
    assert rep.timeline.first("launch").day == 20.0
    assert rep.drivers["launch_attempts"] == 1


def test_slip_and_risk_delay_push_the_slot() -> None:
    """A fixed 9-day slip and a 30-day risk delay add up."""
    rep = campaign({**CALM, "slip_days": 9}, delay=30.0)
    assert rep.timeline.first("launch").day == 20.0 + 9 + 30


def test_certain_scrub_never_launches_and_stops_at_the_horizon() -> None:
    """Scrub probability 1: no launch, one attempt per opportunity, and the run ends."""
    orbit = {**CALM, "weather_scrub_probability": 1, "recycle_days": 1, "slot_days": 365}
    rep = campaign(orbit, horizon=400)
    assert rep.timeline.first("launch") is None
    assert rep.drivers["launch_attempts"] == 365  # days 20..384, then the slot closes
    assert rep.drivers["scrubs_weather"] == rep.drivers["launch_attempts"]


@pytest.mark.parametrize("index", range(20))
def test_recycle_days_are_honoured(index: int) -> None:
    """With a fixed 2-day recycle, the launch comes 2 days per scrub after the slot opens."""
    rep = campaign({**CALM, "weather_scrub_probability": 0.5, "recycle_days": 2}, index=index)
    scrubs = rep.drivers["launch_attempts"] - 1
    assert rep.timeline.first("launch").day == 20.0 + 2 * scrubs


@pytest.mark.parametrize("index", range(20))
def test_a_closed_slot_passes_to_the_next(index: int) -> None:
    """One-day slots 30 days apart: each scrub costs the gap to the next slot."""
    orbit = {
        **CALM,
        "weather_scrub_probability": 0.5,
        "recycle_days": 1,
        "slot_days": 1,
        "next_slot_days": 30,
    }
    rep = campaign(orbit, index=index)
    scrubs = rep.drivers["launch_attempts"] - 1
    assert rep.drivers["slots_missed"] == scrubs
    assert rep.timeline.first("launch").day == 20.0 + 31 * scrubs


def test_scrub_causes_are_counted_separately() -> None:
    """Technical scrubs at probability 1 are counted as technical, not weather."""
    rep = campaign({**CALM, "technical_scrub_probability": 1}, horizon=60)
    assert rep.drivers["scrubs_technical"] == rep.drivers["launch_attempts"] > 0
    assert rep.drivers["scrubs_weather"] == 0
