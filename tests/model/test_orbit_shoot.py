"""Shooting aboard: yield per day, sickness, stay length, and what it costs."""

from __future__ import annotations

import pytest

from sim.model.orbit_shoot import shoot_on_orbit
from sim.scenario.load import scenario_from_data
from tests.conftest import replication_of, tiny_data

FIXED = {
    "transit_days": 1,
    "mission_days": 12,
    "extension_days": 0,
    "filming_hours_per_day": 8,
    "rolling_fraction": 0.3,
    "shooting_ratio": 40,
    "sickness_probability": 0,
    "seat_price_usd": 50e6,
    "mission_fee_usd": 10e6,
    "person_day_usd": 100_000,
}
PLAN = {"weightless_interior": 40.0, "earth_view": 20.0}


def shoot(orbit: dict, index: int = 0):
    """Shoot one stay from day 0; return (replication, minutes landed per kind)."""
    scenario = scenario_from_data(tiny_data(sources__orbit=orbit))
    rep = replication_of(scenario, "orbit", index=index)
    process = rep.env.process(shoot_on_orbit(rep, scenario.sources.orbit, PLAN))
    rep.env.run()
    return rep, process.value


def test_yield_is_hours_times_rolling_over_ratio() -> None:
    """12 days x 8 h x 60 x 0.3 / 40 = 43.2 screen minutes, spread over the planned kinds."""
    rep, landed = shoot(FIXED)
    assert rep.drivers["orbit_yield_minutes"] == pytest.approx(43.2)
    assert landed == pytest.approx(
        {"weightless_interior": 43.2 * 40 / 60, "earth_view": 43.2 * 20 / 60}
    )
    assert rep.timeline.first("landing").day == 14.0


def test_costs_are_seats_fee_and_person_days() -> None:
    """Two flyers: 2 seats, one mission fee, and 2 x 12 person-days."""
    rep, _ = shoot(FIXED)
    costs = rep.ledger.by_category()
    assert costs["seats"] == 2 * 50e6
    assert costs["fees"] == pytest.approx(10e6 + 2 * 12 * 100_000)


def test_yield_is_capped_at_the_plan() -> None:
    """A yield above the plan fills the plan and no more."""
    rep, landed = shoot({**FIXED, "mission_days": 100})
    assert rep.drivers["orbit_yield_minutes"] > 60
    assert landed == PLAN


@pytest.mark.parametrize("index", range(30))
def test_sickness_never_helps_replication_by_replication(index: int) -> None:
    """Same draws, sickness on versus off: the sick crew never yields more."""
    varied = {
        **FIXED,
        "filming_hours_per_day": {"dist": "triangular", "min": 6, "mode": 8, "max": 10},
    }
    healthy, _ = shoot(varied, index)
    sick, _ = shoot({**varied, "sickness_probability": 0.67}, index)
    assert sick.drivers["orbit_yield_minutes"] <= healthy.drivers["orbit_yield_minutes"]


def test_sickness_costs_the_documented_share() -> None:
    """Both flyers sick for exactly 2 days at a 50% loss: 2 days at half yield."""
    rep, _ = shoot({**FIXED, "sickness_probability": 1, "sickness_days": 2, "sick_yield_loss": 0.5})
    assert rep.drivers["orbit_yield_minutes"] == pytest.approx(3.6 * 10 + 3.6 * 0.5 * 2)
    assert rep.drivers["orbit_sick_flyers"] == 2


@pytest.mark.parametrize("index", range(30))
def test_a_longer_stay_never_yields_fewer_minutes(index: int) -> None:
    """Same draws, 12 versus 14 planned days: the longer stay yields at least as much."""
    varied = {
        **FIXED,
        "filming_hours_per_day": {"dist": "triangular", "min": 6, "mode": 8, "max": 10},
        "sickness_probability": 0.67,
        "extension_days": {"dist": "triangular", "min": 0, "mode": 4, "max": 7},
    }
    short, _ = shoot(varied, index)
    long, _ = shoot({**varied, "mission_days": 14}, index)
    assert long.drivers["orbit_yield_minutes"] >= short.drivers["orbit_yield_minutes"]
