"""The launch campaign driven by hand with extreme parameters, on the real ISS calendar."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from sim.model.launch import (
    MIN_STAY_SHARE,
    RECYCLE_SLACK_DAYS,
    Liftoff,
    WeatherChain,
    launch_campaign,
)
from sim.model.launch_calendar import calendar_for
from sim.orbits import SITES, TARGETS, launch_opportunities
from sim.orbits.geometry import days_since_j2000
from sim.scenario.load import scenario_from_data
from sim.scenario.schema import Scenario
from tests.conftest import replication_of, tiny_data


def scenario_with(orbit: dict, horizon: float = 3650) -> Scenario:
    """The tiny scenario with these orbit settings."""
    return scenario_from_data(tiny_data(sources__orbit=orbit, simulation__horizon_days=horizon))


def campaign(orbit: dict, booked: float = 20.0, delay: float = 0.0, index: int = 0, horizon=3650):
    """Run one launch campaign from day 0; return the replication and its calendar."""
    scenario = scenario_with(orbit, horizon)
    rep = replication_of(scenario, "orbit", index=index)
    rep.env.process(launch_campaign(rep, scenario.sources.orbit, booked, delay))
    rep.env.run(until=horizon)
    return rep, calendar_for(scenario, scenario.sources.orbit)


def liftoff_of(orbit: dict, booked: float) -> tuple[Liftoff, object, object]:
    """Run one launch campaign; return what it returned, the replication and the calendar."""
    scenario = scenario_with(orbit)
    rep = replication_of(scenario, "orbit")
    process = rep.env.process(launch_campaign(rep, scenario.sources.orbit, booked, 0.0))
    rep.env.run(until=scenario.simulation.horizon_days)
    return process.value, rep, calendar_for(scenario, scenario.sources.orbit)


def attempts(rep) -> list[float]:
    """Days of every attempt: each scrub and the launch."""
    return [m.day for m in rep.timeline.milestones if m.name.startswith(("scrub", "launch"))]


CALM = {
    "weather_scrub_probability": 0,
    "technical_scrub_probability": 0,
    "recovery_zone_hold_probability": 0,
    "slip_days": 0,
    "weather_persistence": 0,
}

#: A slot open all year whose late launches the station absorbs: no stay is cut short.
OPEN_YEAR = {"slot_days": 365, "stay_margin_days": 365}


def test_no_scrubs_launches_at_the_first_opportunity_of_the_booked_slot() -> None:
    """Scrub probability 0 and no slip: liftoff at the first in-plane instant of the slot."""
    rep, calendar = campaign(CALM)
    launch = rep.timeline.first("launch").day
    assert launch == calendar.next_at_or_after(20.0)
    assert 20.0 <= launch < 21.0
    assert rep.drivers.launch_attempts == 1
    assert rep.drivers.launch_days_lost == 0.0


def test_the_calendar_is_the_iss_plane_passing_over_the_cape() -> None:
    """The model's opportunities are `launch_opportunities` on the production's clock."""
    scenario = scenario_with(CALM)
    days = calendar_for(scenario, scenario.sources.orbit).days
    start = scenario.production.start_date
    iss, ksc = TARGETS["iss"].plane, SITES["ksc"]
    instants = launch_opportunities(
        ksc.lat_deg,
        ksc.lon_deg,
        iss.inclination_deg,
        iss.raan_deg,
        iss.epoch,
        start,
        10,
        altitude_km=iss.altitude_km,
    )
    midnight = dt.datetime(start.year, start.month, start.day, tzinfo=dt.UTC)
    expected = [(o.when - midnight).total_seconds() / 86_400 for o in instants]
    assert days[: len(expected)] == pytest.approx(expected, abs=1 / 86_400)


def test_slip_and_risk_delay_push_the_slot() -> None:
    """A fixed 9-day slip and a 30-day risk delay add up; the days lost count both."""
    rep, calendar = campaign({**CALM, "slip_days": 9}, delay=30.0)
    launch = rep.timeline.first("launch").day
    assert launch == calendar.next_at_or_after(20.0 + 9 + 30)
    assert rep.drivers.launch_days_lost == launch - calendar.next_at_or_after(20.0)


def test_certain_scrub_never_launches_and_stops_at_the_horizon() -> None:
    """Scrub probability 1 and a 1-day recycle: one attempt per daily window, and the run ends."""
    orbit = {**CALM, "weather_scrub_probability": 1, "recycle_days": 1, **OPEN_YEAR}
    rep, calendar = campaign(orbit, horizon=400)
    assert rep.timeline.first("launch") is None
    windows = calendar.days[(calendar.days >= 20.0) & (calendar.days < 20.0 + 365)]
    assert attempts(rep) == list(windows)
    assert rep.drivers.scrubs_weather == rep.drivers.launch_attempts == windows.size


@pytest.mark.parametrize("recycle", [1, 2, 3])
@pytest.mark.parametrize("index", range(8))
def test_a_recycle_of_n_days_is_the_nth_daily_window(recycle: int, index: int) -> None:
    """After each scrub the next attempt is `recycle` windows on, never an earlier one."""
    orbit = {**CALM, "weather_scrub_probability": 0.6, "recycle_days": recycle, **OPEN_YEAR}
    rep, calendar = campaign(orbit, index=index)
    positions = np.searchsorted(calendar.days, attempts(rep))
    assert np.array_equal(calendar.days[positions], attempts(rep))  # only at opportunities
    assert np.all(np.diff(positions) == recycle)
    for before, after in zip(attempts(rep), attempts(rep)[1:], strict=False):
        assert after >= before + recycle - RECYCLE_SLACK_DAYS


@pytest.mark.parametrize("index", range(12))
def test_a_closed_slot_passes_to_the_next(index: int) -> None:
    """One-day slots 30 days apart, one attempt each: every scrub costs a slot."""
    orbit = {
        **CALM,
        "weather_scrub_probability": 0.5,
        "recycle_days": 2,
        "slot_days": 1,
        "next_slot_days": 30,
    }
    rep, calendar = campaign(orbit, index=index)
    scrubs = rep.drivers.launch_attempts - 1
    assert rep.drivers.slots_missed == scrubs
    assert rep.timeline.first("launch").day == calendar.next_at_or_after(20.0 + 31 * scrubs)


def test_scrub_causes_are_counted_separately() -> None:
    """Technical scrubs at probability 1 are counted as technical, not weather."""
    rep, _ = campaign({**CALM, "technical_scrub_probability": 1}, horizon=60)
    assert rep.drivers.scrubs_technical == rep.drivers.launch_attempts > 0
    assert rep.drivers.scrubs_weather == 0


def test_monthly_weather_holds_the_launch_until_the_month_changes() -> None:
    """A March with certain weather scrubs pushes a launch booked on 1 March into April."""
    by_month = [0.0] * 12
    by_month[2] = 1.0
    rep, calendar = campaign(
        {
            **CALM,
            "weather_scrub_probability_by_month": by_month,
            "recycle_days": 1,
            **OPEN_YEAR,
        },
        booked=56.0,  # 2027-03-01 for a 2027-01-04 start
    )
    launch = rep.timeline.first("launch").day
    assert launch == calendar.next_at_or_after(87.0)  # 2027-04-01
    march = calendar.days[(calendar.days >= 56.0) & (calendar.days < 87.0)]
    assert rep.drivers.scrubs_weather == rep.drivers.launch_attempts - 1 == march.size


def test_beta_cutout_keeps_only_windows_whose_stay_stays_below_it() -> None:
    """With a 45° cutout, no usable window's planned stay sees |beta| > 45°, and some are gone."""
    free = scenario_with(CALM)
    cut = scenario_with({**CALM, "beta_cutout_deg": 45})
    all_days = calendar_for(free, free.sources.orbit).days
    kept = calendar_for(cut, cut.sources.orbit).days
    assert 0 < kept.size < all_days.size
    assert np.isin(kept, all_days).all()
    plane = TARGETS["iss"].plane
    origin = days_since_j2000(cut.production.start_date)
    stay = cut.sources.orbit.transit_days.mean + cut.sources.orbit.mission_days.mean
    for day in kept[::50]:
        betas = plane.beta_deg(origin + day + np.linspace(0, stay, 60))
        assert np.abs(betas).max() <= 45.0 + 0.2  # checked every 6 h in the model
    dropped = np.setdiff1d(all_days, kept)[::50]
    for day in dropped:
        betas = plane.beta_deg(origin + day + np.arange(0, stay + 0.25, 0.25))
        assert np.abs(betas).max() > 45.0


STORMY_MARCH = {
    **CALM,
    "weather_scrub_probability_by_month": [0.0, 0.0, 1.0] + [0.0] * 9,
    "recycle_days": 1,
    "slot_days": 14,
    "next_slot_days": 30,
    "mission_days": 12,
}


@pytest.mark.parametrize("margin", [0, 1, 2])
def test_days_lost_in_the_slot_beyond_the_margin_come_off_the_stay(margin: float) -> None:
    """Days lost in the slot beyond the station's margin come off the stay.

    Booked 29 March with every March window scrubbed, the crew launches on 1 April.
    """
    liftoff, rep, calendar = liftoff_of({**STORMY_MARCH, "stay_margin_days": margin}, 84.0)
    first = calendar.next_at_or_after(84.0)
    assert liftoff.day == calendar.next_at_or_after(87.0)  # 2027-04-01
    assert liftoff.stay_cut_days == pytest.approx(max(0.0, liftoff.day - first - margin))
    assert rep.drivers.slots_missed == 0


def test_a_visit_left_with_too_short_a_stay_waits_for_the_next_slot() -> None:
    """No launch that would leave under half the 12 planned days: the slot passes.

    Booked 20 March with every March window scrubbed, the team stops trying after 6 days; the
    next slot launches with the whole stay.
    """
    liftoff, rep, calendar = liftoff_of({**STORMY_MARCH, "stay_margin_days": 0}, 75.0)
    first = calendar.next_at_or_after(75.0)
    longest_cut = (1 - MIN_STAY_SHARE) * 12
    tried = [day for day in attempts(rep) if day < 75.0 + 14]
    assert tried == [d for d in calendar.days if first <= d <= first + longest_cut]
    assert rep.drivers.slots_missed == 1
    assert liftoff.day == calendar.next_at_or_after(75.0 + 14 + 30)
    assert liftoff.stay_cut_days == 0.0


#: A free flyer with a four-hour window opening at 01:00 UTC, nothing in the way.
FREE = {
    **CALM,
    "mission": "free_flyer",
    "window_minutes": 240,
    "window_opens_utc_hour": 1.0,
    "landing_weather_scrub_probability": 0,
}


def test_a_free_flyer_has_a_window_a_day_at_its_hour() -> None:
    """No plane to meet: one opportunity a day at the chosen hour, whatever the target."""
    scenario = scenario_with(FREE)
    days = calendar_for(scenario, scenario.sources.orbit).days
    assert days[:5] == pytest.approx([k + 1 / 24 for k in range(5)])
    assert days.size == scenario.simulation.horizon_days + 1


def test_a_free_flyer_keeps_trying_and_its_stay_is_never_cut() -> None:
    """Every March window scrubbed: no slot closes, nothing comes off the stay; it flies 1 April."""
    orbit = {**FREE, **STORMY_MARCH, "mission": "free_flyer", "window_minutes": 0, "slot_days": 1}
    liftoff, rep, calendar = liftoff_of({**orbit, "landing_weather_scrub_probability": 0}, 75.0)
    assert liftoff.day == calendar.next_at_or_after(87.0) == pytest.approx(87 + 1 / 24)
    assert liftoff.stay_cut_days == 0.0
    assert rep.drivers.slots_missed == 0
    assert rep.drivers.scrubs_weather == 87 - 75


def test_weather_that_clears_inside_the_window_holds_the_launch() -> None:
    """Weather violating at every opening, clearing in 20 minutes: a 20-minute hold, day one."""
    orbit = {**FREE, "weather_scrub_probability": 1, "weather_clear_minutes": 20}
    rep, calendar = campaign(orbit)
    assert rep.timeline.first("launch").day == pytest.approx(
        calendar.next_at_or_after(20.0) + 20 / 1440
    )
    assert rep.drivers.window_hold_minutes == 20
    assert rep.drivers.launch_attempts == 1
    assert rep.drivers.scrubs_weather == 0


def test_weather_that_outlasts_the_window_scrubs_the_day() -> None:
    """Clearing in 300 minutes with a 240-minute window: every day is scrubbed."""
    orbit = {**FREE, "weather_scrub_probability": 1, "weather_clear_minutes": 300}
    rep, _ = campaign(orbit, horizon=60)
    assert rep.timeline.first("launch") is None
    assert rep.drivers.scrubs_weather == rep.drivers.launch_attempts > 0


@pytest.mark.parametrize(("hold", "launches"), [(30, True), (239, True), (241, False)])
def test_a_technical_problem_is_recycled_inside_the_window_when_there_is_time(
    hold: float, launches: bool
) -> None:
    """A problem every count: held `hold` minutes if that fits in the 240, scrubbed if not."""
    orbit = {**FREE, "technical_scrub_probability": 1, "technical_hold_minutes": hold}
    rep, calendar = campaign(orbit, horizon=60)
    launch = rep.timeline.first("launch")
    if launches:
        assert launch.day == pytest.approx(calendar.next_at_or_after(20.0) + hold / 1440)
        assert rep.drivers.window_hold_minutes == hold
    else:
        assert launch is None
        assert rep.drivers.scrubs_technical == rep.drivers.launch_attempts > 0


def test_weather_and_a_technical_hold_together_wait_for_the_longer() -> None:
    """Weather clearing in 20 minutes while a problem takes 45: liftoff 45 minutes in."""
    orbit = {
        **FREE,
        "weather_scrub_probability": 1,
        "weather_clear_minutes": 20,
        "technical_scrub_probability": 1,
        "technical_hold_minutes": 45,
    }
    rep, _ = campaign(orbit)
    assert rep.drivers.window_hold_minutes == 45
    assert rep.drivers.launch_attempts == 1


def test_landing_weather_stands_a_free_flyer_down_but_not_a_station_visit() -> None:
    """A certain bad landing forecast: the free flyer never goes; a station visit ignores it."""
    rep, _ = campaign({**FREE, "landing_weather_scrub_probability": 1}, horizon=60)
    assert rep.timeline.first("launch") is None
    assert rep.drivers.scrubs_landing == rep.drivers.launch_attempts > 0
    visit, _ = campaign({**CALM, "landing_weather_scrub_probability": 1})
    assert visit.drivers.launch_attempts == 1
    assert visit.drivers.scrubs_landing == 0


def test_an_instantaneous_window_is_never_held() -> None:
    """The station visit's default window is 0: a violation that clears in a minute scrubs."""
    orbit = {**CALM, "weather_scrub_probability": 1, "weather_clear_minutes": 1e-3, **OPEN_YEAR}
    rep, _ = campaign(orbit, horizon=60)
    assert rep.timeline.first("launch") is None
    assert scenario_with(CALM).sources.orbit.window_minutes.mean == 0


@pytest.mark.parametrize("persistence", [0.0, 0.4, 0.9])
def test_the_weather_chain_carries_the_last_day_on_with_the_persistence_to_the_k(
    persistence: float,
) -> None:
    """After a bad day, k days on: p + r^k (1-p); after a good one: p (1 - r^k)."""
    p = 0.25
    chain = WeatherChain(persistence)
    assert chain.chance(p, 3.0) == p  # nothing seen yet
    assert chain.observe(3.0, 0.0, p)  # a uniform of 0 is bad whatever the chance
    for k in (0.98, 1.0, 2.0, 30.0):
        assert chain.chance(p, 3.0 + k) == pytest.approx(p + persistence**k * (1 - p))
    assert not chain.observe(5.0, 1.0 - 1e-12, p)
    assert chain.chance(p, 6.0) == pytest.approx(p * (1 - persistence))
