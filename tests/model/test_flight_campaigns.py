"""Suborbital and parabolic campaigns: minutes per flight, flights needed, cadence."""

from __future__ import annotations

import math

import pytest

from sim.model.parabolic import fly_parabolic
from sim.model.suborbital import fly_suborbital
from sim.scenario.load import scenario_from_data
from tests.conftest import replication_of, tiny_data

PARABOLIC = {
    "booking_lead_days": 10,
    "parabolas_per_flight": 15,
    "weightless_seconds_per_parabola": 20,
    "usable_fraction": 1,
    "cameras": 3,
    "shooting_ratio": 10,
    "flight_cancel_probability": 0,
    "flights_per_day": 2,
    "charter_usd": 250_000,
    "max_flights": 40,
}


def fly(kind: str, settings: dict, plan: dict, index: int = 0):
    """Run one campaign from day 0; return (replication, minutes per kind)."""
    scenario = scenario_from_data(tiny_data(**{f"sources__{kind}": settings}))
    rep = replication_of(scenario, "mixed", index=index)
    process_of = {"parabolic": fly_parabolic, "suborbital": fly_suborbital}[kind]
    process = rep.env.process(process_of(rep, getattr(scenario.sources, kind), plan, 0.0))
    rep.env.run()
    return rep, process.value


@pytest.mark.parametrize(("minutes", "flights"), [(6.0, 4), (6.1, 5), (1.5, 1), (30.0, 20)])
def test_parabolic_minutes_are_flights_times_parabolas_times_seconds(minutes, flights) -> None:
    """Each flight yields 15 x 20 s x 3 cameras / 10 = 1.5 screen minutes; fly until covered."""
    rep, got = fly("parabolic", PARABOLIC, {"weightless_interior": minutes})
    assert rep.drivers.parabolic_flights == flights
    assert got == {"weightless_interior": pytest.approx(minutes)}
    assert rep.ledger.by_category()["seats"] == flights * 250_000
    assert rep.env.now == 10 + math.ceil(flights / 2)


def test_a_usable_fraction_of_half_doubles_the_flights() -> None:
    """Losing half of each parabola to entry and pull-out: 6 minutes take 8 flights, not 4."""
    rep, got = fly("parabolic", {**PARABOLIC, "usable_fraction": 0.5}, {"weightless_interior": 6})
    assert rep.drivers.parabolic_flights == 8
    assert got == {"weightless_interior": pytest.approx(6.0)}


def test_booked_seats_are_paid_instead_of_the_charter() -> None:
    """Ten seats at $8,200 a flight replace the $250,000 charter."""
    settings = {**PARABOLIC, "seats_booked": 10, "seat_price_usd": 8_200}
    rep, _ = fly("parabolic", settings, {"weightless_interior": 6.0})
    assert rep.ledger.by_category()["seats"] == 4 * 10 * 8_200


def test_parabolic_stops_at_max_flights_with_a_shortfall() -> None:
    """Capped at 4 flights, a 10-minute plan gets 6 minutes."""
    _, got = fly("parabolic", {**PARABOLIC, "max_flights": 4}, {"weightless_interior": 10.0})
    assert got == {"weightless_interior": pytest.approx(6.0)}


def test_parabolic_with_every_day_cancelled_ends_at_the_horizon() -> None:
    """Cancellation probability 1 never hangs: no flights, nothing obtained."""
    rep, got = fly(
        "parabolic", {**PARABOLIC, "flight_cancel_probability": 1}, {"weightless_interior": 5.0}
    )
    assert rep.drivers.parabolic_flights == 0
    assert got == {"weightless_interior": 0.0}


SUBORBITAL = {
    "available_from": "2027-03-01",
    "training_days": 6,
    "flight_interval_days": 60,
    "flights_per_year": None,
    "slip_days": 0,
    "weather_scrub_probability": 0,
    "technical_scrub_probability": 0,
    "grounding_probability": 0,
    "weightless_minutes_per_flight": 3.5,
    "cameras": 2,
    "shooting_ratio": 7,
    "medical_disqualification_probability": 0,
    "seat_price_usd": 450_000,
    "max_flights": 50,
}


@pytest.mark.parametrize("minutes", [1.0, 2.0, 4.0, 8.0])
def test_more_suborbital_minutes_take_proportionally_more_flights(minutes: float) -> None:
    """1 minute a flight (3.5 x 2 / 7): n minutes take n flights, 60 days apart."""
    rep, _ = fly("suborbital", SUBORBITAL, {"weightless_interior": minutes})
    assert rep.drivers.suborbital_flights == minutes
    first_flight = 56  # 2027-03-01 is day 56 from 2027-01-04; availability, not training, decides
    assert rep.timeline.first("suborbital flight").day == first_flight
    assert rep.env.now == first_flight + 60 * (minutes - 1)
    assert rep.ledger.by_category()["seats"] == minutes * 2 * 450_000


def test_a_dropout_without_backup_loses_the_flight() -> None:
    """Everyone drops out and the actor has no backup: every flight yields nothing."""
    rep, got = fly(
        "suborbital",
        {**SUBORBITAL, "medical_disqualification_probability": 1, "max_flights": 3},
        {"weightless_interior": 2.0},
    )
    assert got == {"weightless_interior": 0.0}
    assert rep.drivers.suborbital_lost_flights == 3


def test_a_grounded_fleet_delays_every_flight_by_the_grounding() -> None:
    """Grounded before every flight for 100 days: 3 flights end 300 days later than otherwise."""
    plan = {"weightless_interior": 3.0}
    free, _ = fly("suborbital", SUBORBITAL, plan)
    grounded, got = fly(
        "suborbital", {**SUBORBITAL, "grounding_probability": 1, "grounding_days": 100}, plan
    )
    assert got == {"weightless_interior": pytest.approx(3.0)}
    assert grounded.env.now == free.env.now + 300
    assert grounded.drivers.suborbital_grounding_days == 300
