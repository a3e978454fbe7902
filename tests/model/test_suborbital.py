"""Suborbital campaigns: flight-day scrubs and recycles, cadence by year or manifest, the pause.

Every campaign below flies from day 0 of the tiny scenario (2027-01-04) with one screen minute a
flight (3.5 minutes x 2 cameras / 7), so n minutes take n flights, and no slips, scrubs or
groundings unless a test adds them: the days and holds are then worked out by hand.
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

import pytest

from sim.core.errors import ScenarioError
from sim.model.context import Replication
from sim.model.suborbital import YEAR_DAYS, Cadence, flight_day_delay_mean, fly_suborbital
from sim.scenario.load import scenario_from_data
from tests.conftest import replication_of, tiny_data

START = dt.date(2027, 1, 4)
#: 2027-03-01, the day the fleet is available in `BASE`.
FIRST = 56.0
#: People held per day in the tiny scenario's mixed strategy (a director-DP and a backup, a
#: lead) and the production's hold rate.
PEOPLE, RATE = 3, 50_000

BASE: dict[str, Any] = {
    "available_from": "2027-03-01",
    "training_days": 6,
    "flight_interval_days": 60,
    "flights_per_year": None,
    "slip_days": 0,
    "weather_scrub_probability": 0,
    "technical_scrub_probability": 0,
    "weather_recycle_days": 2,
    "technical_recycle_days": 5,
    "grounding_probability": 0,
    "weightless_minutes_per_flight": 3.5,
    "cameras": 2,
    "shooting_ratio": 7,
    "medical_disqualification_probability": 0,
    "seat_price_usd": 450_000,
    "max_flights": 1_000,
}


def campaign(flights: float, index: int = 0, **changes: Any) -> Replication:
    """Fly `flights` one-minute flights with `BASE` changed; return the replication."""
    scenario = scenario_from_data(tiny_data(sources__suborbital={**BASE, **changes}))
    rep = replication_of(scenario, "mixed", index=index)
    vehicle = scenario.sources.suborbital
    rep.env.process(fly_suborbital(rep, vehicle, {"weightless_interior": flights}, 0.0))
    rep.env.run()
    return rep


def days(rep: Replication, name: str = "suborbital flight") -> list[float]:
    """The days of every milestone of that name (a prefix for scrubs)."""
    return [m.day for m in rep.timeline.milestones if m.name.startswith(name)]


def test_a_campaign_without_scrubs_flies_at_the_interval() -> None:
    """The base: 3 flights from day 56, 60 days apart, nothing held."""
    rep = campaign(3)
    assert days(rep) == [FIRST, FIRST + 60, FIRST + 120]
    assert rep.drivers.hold_days == 0


def test_each_scrub_recycles_and_the_crew_is_held_and_paid_through_it() -> None:
    """Half the attempts scrubbed by the weather, 2 days each: 2 days held and later per scrub."""
    rep = campaign(200, weather_scrub_probability=0.5)
    scrubs = len(days(rep, "suborbital scrub"))
    assert scrubs > 0
    assert rep.env.now == pytest.approx(FIRST + 60 * 199 + 2 * scrubs)
    assert rep.drivers.hold_days == pytest.approx(2 * scrubs)
    assert rep.ledger.by_category()["holds"] == pytest.approx(2 * scrubs * PEOPLE * RATE)
    # Attempts until liftoff are geometric: p / (1 - p) = 1 scrub a flight on average; the
    # standard error over 200 flights is 0.1.
    assert scrubs / 200 == pytest.approx(1.0, abs=0.3)


def test_a_recycle_past_the_hold_break_releases_the_crew() -> None:
    """A 15-day technical recycle (NS-21's) is over the 10-day break: later, but not paid."""
    rep = campaign(100, technical_scrub_probability=0.3, technical_recycle_days=15)
    scrubs = len(days(rep, "suborbital scrub (technical)"))
    assert scrubs > 0
    assert rep.env.now == pytest.approx(FIRST + 60 * 99 + 15 * scrubs)
    assert rep.drivers.hold_days == 0


def test_an_attempt_scrubbed_by_both_causes_waits_the_longer_recycle() -> None:
    """Weather recycles 2 days, a fault 5: an attempt hit by both waits 5, not 7."""
    rep = campaign(200, weather_scrub_probability=0.5, technical_scrub_probability=0.5)
    names = [m.name for m in rep.timeline.milestones if m.name.startswith("suborbital scrub")]
    weather_only = names.count("suborbital scrub (weather)")
    with_fault = len(names) - weather_only
    assert names.count("suborbital scrub (weather, technical)") > 0
    assert rep.env.now == pytest.approx(FIRST + 60 * 199 + 2 * weather_only + 5 * with_fault)


def test_the_mean_flight_day_delay_is_the_geometric_sum_of_recycles() -> None:
    """Scrub chances 0.5 and 0.2, recycles 2 and 5: (0.4*2 + 0.1*5 + 0.1*5) / 0.4 = 4.5 days."""
    scenario = scenario_from_data(
        tiny_data(
            sources__suborbital={
                **BASE,
                "weather_scrub_probability": 0.5,
                "technical_scrub_probability": 0.2,
            }
        )
    )
    assert flight_day_delay_mean(scenario.sources.suborbital) == pytest.approx(4.5)


def test_a_rate_sets_the_gap_so_slips_included_the_year_flies_its_flights() -> None:
    """7 flights a year with a 3-day slip each: planned gaps of 365.25/7 - 3, flown 365.25/7."""
    rep = campaign(4, flights_per_year={2027: 7}, slip_days=3)
    assert days(rep) == pytest.approx([FIRST + 3 + k * YEAR_DAYS / 7 for k in range(4)])


def test_the_rate_changes_with_the_year_the_gap_starts_in() -> None:
    """4 a year in 2027, 12 from 2028: gaps of 91.3 days while in 2027, then 30.4."""
    rep = campaign(7, flights_per_year={2027: 4, 2028: 12})
    flown = days(rep)
    in_2027 = [day for day in flown if (START + dt.timedelta(days=day)).year == 2027]
    gaps = [later - earlier for earlier, later in itertools.pairwise(flown)]
    assert gaps[: len(in_2027)] == pytest.approx([YEAR_DAYS / 4] * len(in_2027))
    assert gaps[len(in_2027) :] == pytest.approx([YEAR_DAYS / 12] * (6 - len(in_2027)))


def test_a_year_without_flights_moves_the_next_to_the_next_year_that_has_some() -> None:
    """No flights in 2027 after the first: the second comes 6-a-year's gap after 1 Jan 2028."""
    rep = campaign(2, flights_per_year={2027: 0, 2028: 6})
    new_year = float((dt.date(2028, 1, 1) - START).days)
    assert days(rep) == pytest.approx([FIRST, new_year + YEAR_DAYS / 6])


def test_the_gap_keeps_its_shape_and_takes_the_rate_s_mean() -> None:
    """A triangular gap scaled to 5 a year: over many flights the mean gap is 365.25/5."""
    rep = campaign(
        600,
        flights_per_year={2027: 5},
        flight_interval_days={"dist": "triangular", "min": 29, "mode": 65, "max": 110},
        weather_scrub_probability=0.3,
    )
    flown = days(rep)
    mean_gap = (flown[-1] - flown[0]) / (len(flown) - 1)
    assert mean_gap == pytest.approx(YEAR_DAYS / 5, rel=0.03)


def test_a_manifest_is_flown_from_the_first_date_the_crew_can_take() -> None:
    """Dates before the fleet is back are passed over; then the manifest; then the interval."""
    manifest = ["2027-02-01", "2027-03-10", "2027-04-02", "2027-06-30"]
    rep = campaign(4, manifest=manifest)
    on = [float((dt.date.fromisoformat(d) - START).days) for d in manifest[1:]]
    assert days(rep) == [*on, on[-1] + 60]


def test_a_grounding_moves_the_rest_of_the_manifest_back() -> None:
    """Grounded 100 days before every flight: each manifest date moves 100 days more."""
    manifest = ["2027-03-10", "2027-04-02", "2027-06-30"]
    rep = campaign(3, manifest=manifest, grounding_probability=1, grounding_days=100)
    on = [float((dt.date.fromisoformat(d) - START).days) for d in manifest]
    assert days(rep) == [on[0] + 100, on[1] + 200, on[2] + 300]


def test_a_flight_late_past_the_next_manifest_date_is_followed_at_once() -> None:
    """Each flight slips 15 days: the next manifest flight, 5 days on, goes after it, 15 later."""
    manifest = ["2027-03-10", "2027-03-15"]
    rep = campaign(2, manifest=manifest, slip_days=15)
    on = float((dt.date(2027, 3, 10) - START).days)
    assert days(rep) == [on + 15, on + 30]


def test_the_pause_ends_after_its_announced_length_and_the_drawn_overrun() -> None:
    """Paused from 2026-01-30 for at least 730 days, 30 over: flies 2028-01-30 + 30 days."""
    pause = {"since": "2026-01-30", "at_least_days": 730, "overrun_days": 30}
    rep = campaign(1, available_from=None, pause=pause)
    back = float((dt.date(2028, 1, 30) - START).days)
    assert days(rep) == [back + 30]


def test_a_drawn_overrun_is_never_shorter_than_the_announced_pause() -> None:
    """Over many replications the first flight comes 0-730 days after the announced end."""
    pause = {
        "since": "2026-01-30",
        "at_least_days": 730,
        "overrun_days": {"dist": "triangular", "min": 0, "mode": 180, "max": 730},
    }
    back = float((dt.date(2028, 1, 30) - START).days)
    first = [days(campaign(1, index=i, available_from=None, pause=pause))[0] for i in range(60)]
    assert min(first) >= back
    assert max(first) <= back + 730
    assert sum(first) / len(first) - back == pytest.approx(910 / 3, rel=0.25)  # mean 303 d


def test_a_known_return_date_replaces_the_pause() -> None:
    """available_from set: the pause is not drawn; without either the fleet flies at once."""
    pause = {"since": "2026-01-30", "at_least_days": 730, "overrun_days": 30}
    assert days(campaign(1, pause=pause)) == [FIRST]
    assert days(campaign(1, available_from=None, pause=None)) == [6.0]  # training decides


def test_strategies_needing_more_flights_share_the_first_flights_draws() -> None:
    """CRN: 3 and 8 flights, scrubs and slips on: the first 3 flight days and scrubs agree."""
    noisy: dict[str, Any] = {
        "weather_scrub_probability": 0.4,
        "technical_scrub_probability": 0.2,
        "slip_days": {"dist": "uniform", "low": 0, "high": 5},
        "flight_interval_days": {"dist": "triangular", "min": 29, "mode": 65, "max": 110},
        "flights_per_year": {2027: 5, 2028: 8},
    }
    few, many = campaign(3, **noisy), campaign(8, **noisy)
    assert days(few) == days(many)[:3]
    assert days(few, "suborbital scrub") == [
        day for day in days(many, "suborbital scrub") if day <= days(few)[-1]
    ]


def test_cadence_skips_manifest_dates_before_the_crew_is_ready() -> None:
    """Hand-driven: ready on day 40, the manifest's day-30 flight is passed over for day 50."""
    scenario = scenario_from_data(
        tiny_data(sources__suborbital={**BASE, "manifest": ["2027-02-03", "2027-02-23"]})
    )
    cadence = Cadence(scenario.sources.suborbital, START)
    assert cadence.first(40.0) == 50.0
    assert cadence.after(50.0, 60.0) == 110.0  # manifest used up: the interval


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"flights_per_year": {2028: 4, 2029: 0}}, "never fly again"),
        ({"flights_per_year": {}}, "at least one year"),
        ({"flights_per_year": {28: 4}}, "not a year"),
        ({"flights_per_year": {2028: 400}}, "0 to 365"),
        ({"manifest": ["2028-05-01", "2028-03-01"]}, "date order"),
        ({"weather_scrub_probability": 1}, "below 1"),
    ],
)
def test_impossible_cadences_are_refused_with_the_fix(changes: dict, message: str) -> None:
    """Each is refused at validation with a message that says what to write instead."""
    with pytest.raises(ScenarioError, match=message):
        scenario_from_data(tiny_data(sources__suborbital={**BASE, **changes}))
