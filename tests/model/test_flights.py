"""Several orbital flights per strategy, the booked date as a plan, and a crew late for it."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from sim.core.errors import ScenarioError
from sim.core.rng import Stream
from sim.model.orbit_shoot import flight_context
from sim.model.replication import run_replication
from sim.scenario.load import scenario_from_data
from sim.scenario.schema import Scenario
from tests.conftest import replication_of, tiny_data

START = dt.date(2027, 1, 4)

#: A launch on the first window and a stay whose yield is known: 12 days x 8 h x 0.3 x 60 / 40.
CALM_FIXED = {
    "weather_scrub_probability": 0,
    "technical_scrub_probability": 0,
    "recovery_zone_hold_probability": 0,
    "weather_persistence": 0,
    "slip_days": 0,
    "medical_disqualification_probability": 0,
    "training_days": 100,
    "transit_days": 1,
    "mission_days": 12,
    "extension_days": 0,
    "filming_hours_per_day": 8,
    "arrival_day_fraction": 1,
    "departure_day_fraction": 1,
    "camera_mtbf_hours": 1e12,
    "rolling_fraction": 0.3,
    "shooting_ratio": 40,
    "sickness_probability": 0,
    "seat_price_usd": 50e6,
    "mission_fee_usd": 10e6,
    "person_day_usd": 100_000,
    "flight_interval_days": 100,
    "booked_launch_date": "2027-07-01",
}
PER_FLIGHT = 12 * 8 * 0.3 * 60 / 40  # 43.2 screen minutes

ORBIT_ONLY = {
    "weightless_interior": {"orbit": 1},
    "earth_view": {"cgi": 1},
    "exterior_eva": {"cgi": 1},
    "launch_landing": {"cgi": 1},
    "ground_drama": {"ground": 1},
}


def scenario(orbit: dict | None = None, minutes: float = 100.0, **strategy: object) -> Scenario:
    """Weightless interiors only from orbit (`minutes` of them), the rest elsewhere; no risks."""
    data = tiny_data(
        sources__orbit={**CALM_FIXED, **(orbit or {})},
        script__weightless_interior=minutes,
        production__preproduction_days=50,
        risks={},
        strategies={"orbit": {"split": ORBIT_ONLY, "shortfall": "cut", **strategy}},
    )
    return scenario_from_data(data)


def run(orbit: dict | None = None, minutes: float = 100.0, index: int = 0, **strategy: object):
    """One replication of the orbit strategy."""
    return run_replication(scenario(orbit, minutes, **strategy), "orbit", 7, index)


def days_of(outcome, name: str) -> list[float]:
    """Days of every milestone called `name`."""
    return [m.day for m in outcome.timeline.milestones if m.name == name]


@pytest.mark.parametrize(("flights", "landed"), [(1, PER_FLIGHT), (2, 2 * PER_FLIGHT), (3, 100)])
def test_the_footage_of_the_flights_adds_up_to_the_plan(flights: int, landed: float) -> None:
    """Each flight films what is still missing: min(plan, flights x 43.2) minutes land."""
    outcome = run({"flights": flights})
    assert outcome.minutes_by_source["orbit"] == pytest.approx(landed)
    assert outcome.drivers.orbit_flights == flights
    assert outcome.drivers.orbit_yield_minutes == pytest.approx(flights * PER_FLIGHT)
    assert outcome.cut_minutes == pytest.approx(100 - landed)


def test_the_crew_trains_once_and_each_flight_pays_its_seats_and_fees() -> None:
    """Three flights, two flyers: one training, 3 x 2 seats, 3 mission fees, 3 x 24 person-days."""
    outcome = run({"flights": 3, "training_usd_per_flyer": 1000})
    assert days_of(outcome, "crew ready") == [pytest.approx(164.0)]  # once
    costs = outcome.cost_by_category
    assert costs["training"] == 3 * 1000  # two flyers and one backup, trained once
    assert costs["seats"] == pytest.approx(3 * 2 * 50e6)
    assert costs["fees"] == pytest.approx(3 * 10e6 + 3 * 2 * 12 * 100_000)
    seats = {e.account for e in outcome.ledger.entries if e.category == "seats"}
    assert seats == {"orbital seats", "orbital seats, flight 2", "orbital seats, flight 3"}


def test_the_next_flight_is_booked_the_interval_after_the_last_landing() -> None:
    """A calm launch goes on the first window at or after landing + 100 days."""
    outcome = run({"flights": 2})
    launches, landings = days_of(outcome, "launch"), days_of(outcome, "landing")
    assert len(launches) == len(landings) == 2
    assert landings[0] + 100 <= launches[1] < landings[0] + 101
    assert outcome.drivers.flight_interval_days == 100
    assert outcome.drivers.launch_day == launches[0]
    assert outcome.drivers.landing_day == landings[1]


def test_a_flight_left_with_nothing_to_film_is_cancelled_and_loses_its_deposit() -> None:
    """Three booked, 60 minutes planned: two fly; the third goes at the second landing.

    Cancelled 100 days before its planned launch (the interval after that landing), it loses
    the quarter paid at booking and the quarter due 180 days before, seats and fee alike.
    """
    outcome = run({"flights": 3}, minutes=60)
    assert outcome.drivers.orbit_flights == 2
    assert outcome.drivers.orbit_flights_cancelled == 1
    assert outcome.minutes_by_source["orbit"] == pytest.approx(60)
    lost = [e for e in outcome.ledger.entries if e.account.endswith("(cancelled)")]
    assert sum(e.amount_usd for e in lost) == pytest.approx(0.5 * (2 * 50e6 + 10e6))
    assert outcome.drivers.cancelled_usd == pytest.approx(0.5 * (2 * 50e6 + 10e6))


def test_a_strategy_sets_its_own_number_of_flights() -> None:
    """orbit_flights overrides the orbit's flights; without orbit minutes it is refused."""
    assert run({"flights": 1}, orbit_flights=2).drivers.orbit_flights == 2
    data = tiny_data(
        strategies={
            "ground": {
                "split": ORBIT_ONLY | {"weightless_interior": {"cgi": 1}},
                "orbit_flights": 2,
            }
        }
    )
    with pytest.raises(ScenarioError, match="orbit_flights"):
        scenario_from_data(data)


@pytest.mark.parametrize("index", range(8))
def test_a_second_flight_shifts_no_draw_of_the_first(index: int) -> None:
    """Common random numbers: flight 1 of a three-flight strategy is the one-flight strategy's.

    Varied launches and stays, same replication: the first launch, the first landing and the
    first flight's stay are the same whatever flights follow.
    """
    varied = {
        "weather_scrub_probability": 0.3,
        "extension_days": {"dist": "triangular", "min": 0, "mode": 2, "max": 5},
        "filming_hours_per_day": {"dist": "triangular", "min": 6, "mode": 8, "max": 10},
    }
    once = run(varied, minutes=500, index=index)
    thrice = run({**varied, "flights": 3}, minutes=500, index=index)
    assert days_of(thrice, "launch")[0] == days_of(once, "launch")[0]
    assert days_of(thrice, "landing")[0] == days_of(once, "landing")[0]
    assert thrice.drivers.orbit_flights == 3


def test_a_later_flight_sees_the_same_numbers_in_every_strategy() -> None:
    """Flight 2's streams depend on the replication and the flight, not on the strategy."""
    tiny = scenario_from_data(tiny_data())
    own = replication_of(tiny, "orbit", index=3)
    first = flight_context(own, 2)
    other = flight_context(replication_of(tiny, "reshoot", index=3), 2)
    draws = [ctx.streams[Stream.launch_slip].random(4) for ctx in (first, other, own)]
    assert np.array_equal(draws[0], draws[1])
    assert not np.array_equal(draws[0], draws[2])
    assert first.ledger is own.ledger  # the books are shared
    assert first.drivers is own.drivers


def test_each_flight_hands_its_footage_to_vfx_at_its_landing() -> None:
    """The orbit's VFX shots are released flight by flight, at each landing."""
    outcome = run({"flights": 2})
    released = [span.start for span in outcome.timeline.spans if span.activity == "orbit shots"]
    assert released == pytest.approx(days_of(outcome, "landing"))


# --- the booked date as a plan ---------------------------------------------------------------


def test_a_booked_launch_does_not_wait_for_the_films_pre_production() -> None:
    """Pre-production 400 days, launch booked on day 178: the crew flies on the date.

    Without a booking the first slot follows training and pre-production, so after day 400.
    """
    data = tiny_data(
        sources__orbit=CALM_FIXED,
        production__preproduction_days=400,
        risks={},
        strategies={"orbit": {"split": ORBIT_ONLY}},
    )
    on_date = run_replication(scenario_from_data(data), "orbit", 7, 0)
    day = (dt.date(2027, 7, 1) - START).days
    assert day <= on_date.drivers.launch_day < day + 1
    data["sources"]["orbit"] = {**CALM_FIXED, "booked_launch_date": None}
    unbooked = run_replication(scenario_from_data(data), "orbit", 7, 0)
    assert unbooked.drivers.launch_day >= 400


def test_training_starts_so_as_to_end_the_margin_before_the_date() -> None:
    """Fixed 100-day training, launch booked on day 178, 14 days' margin: trained 64 to 164."""
    outcome = run({})
    assert days_of(outcome, "crew ready") == [pytest.approx(164.0)]
    assert outcome.drivers.crew_late_days == 0


def late(orbit: dict) -> object:
    """A 100-day programme no shorter than 100 days, booked on day 40: 60 days late."""
    return run({"booked_launch_date": "2027-02-13", "shortest_training_days": 100, **orbit})


def test_a_crew_late_for_a_station_slot_loses_it_for_the_next() -> None:
    """Ready on day 100 for a slot of day 40: the next opens 14 + 50 days after it, day 104.

    With a 20-day gap the slot of day 74 is still too early: two are lost, the crew flies 108.
    """
    outcome = late({"next_slot_days": 50})
    assert outcome.drivers.crew_late_days == pytest.approx(60)
    assert outcome.drivers.slots_lost_crew == 1
    assert 104 <= outcome.drivers.launch_day < 105
    outcome = late({"next_slot_days": 20})
    assert outcome.drivers.slots_lost_crew == 2
    assert 108 <= outcome.drivers.launch_day < 109


def test_a_crew_late_for_a_free_flight_slips_its_launch_to_the_day_it_is_ready() -> None:
    """A free flyer has no slot to lose: it launches on the first window once the crew is."""
    outcome = late({"mission": "free_flyer", "landing_weather_scrub_probability": 0})
    assert outcome.drivers.slots_lost_crew == 0
    assert 100 <= outcome.drivers.launch_day < 101
    assert outcome.drivers.crew_late_days == pytest.approx(60)


def test_a_late_free_flyer_launches_when_both_its_vehicle_and_its_crew_are_ready() -> None:
    """Booked day 40, crew ready day 100: the vehicle's slip runs from the booked day.

    A 30-day slip is absorbed (vehicle ready on 70, the launch on 100), a 90-day one is not
    (the vehicle ready on 130). The crew, still training until day 100, is held for none of
    the wait it caused itself.
    """
    calm = {"mission": "free_flyer", "landing_weather_scrub_probability": 0}
    absorbed = late({**calm, "slip_days": 30})
    assert 100 <= absorbed.drivers.launch_day < 101
    assert absorbed.drivers.hold_days == 0
    beyond = late({**calm, "slip_days": 90})
    assert 130 <= beyond.drivers.launch_day < 131


def test_a_crew_late_for_a_station_slot_is_held_only_once_trained() -> None:
    """Ready on day 100, the next slot opening on day 104: four days held, not the 64 since 40."""
    outcome = late({"next_slot_days": 50})
    assert outcome.drivers.hold_days == pytest.approx(4.0)


def test_a_later_flight_draws_no_programme_slip_of_its_own() -> None:
    """The interval after a landing includes the slips: it was fitted to landing-to-launch gaps.

    With a 200-day slip, flight 1 launches 200 days after its date, flight 2 the interval
    after its landing.
    """
    outcome = run({"flights": 2, "slip_days": 200})
    launches, landings = days_of(outcome, "launch"), days_of(outcome, "landing")
    assert 178 + 200 <= launches[0] < 178 + 201
    assert landings[0] + 100 <= launches[1] < landings[0] + 101


def test_a_crew_ready_while_its_slot_is_still_open_keeps_it() -> None:
    """Booked day 40, a 90-day slot, crew ready day 100: no slot lost, the launch on day 100."""
    outcome = late({"slot_days": 90})
    assert outcome.drivers.slots_lost_crew == 0
    assert 100 <= outcome.drivers.launch_day < 101
    assert outcome.drivers.crew_late_days == pytest.approx(60)
