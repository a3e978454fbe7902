"""Shooting aboard: yield per day, sickness, stay length, and what it costs."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from sim.model.aboard import _by_kind, film_aboard
from sim.model.orbit_shoot import shoot_on_orbit
from sim.model.register import draw_all
from sim.orbits import TARGETS
from sim.orbits.geometry import days_since_j2000
from sim.scenario.load import scenario_from_data
from tests.conftest import replication_of, tiny_data

FIXED = {
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
}
PLAN = {"weightless_interior": 40.0, "earth_view": 20.0}


def shoot(orbit: dict, index: int = 0, *, cut: float = 0.0, risks: dict | None = None):
    """Shoot one stay from day 0; return (replication, minutes landed per kind).

    `cut` days come off the stay (the next visitor); `risks` replace the scenario's.
    """
    scenario = scenario_from_data(tiny_data(sources__orbit=orbit, risks=risks or {}))
    rep = replication_of(scenario, "orbit", index=index)
    rep.pending_risks = draw_all(rep.scenario, rep.streams).occurred
    process = rep.env.process(shoot_on_orbit(rep, scenario.sources.orbit, PLAN, stay_cut_days=cut))
    rep.env.run()
    return rep, process.value


def test_yield_is_hours_times_rolling_over_ratio() -> None:
    """12 days x 8 h x 60 x 0.3 / 40 = 43.2 screen minutes; Earth views only by daylight."""
    rep, landed = shoot(FIXED)
    assert rep.drivers.orbit_yield_minutes == pytest.approx(43.2)
    dark = rep.drivers.orbit_light_limited_minutes
    night = [day.night_fraction for day in rep.orbit_log]
    assert dark == pytest.approx(sum(3.6 * (20 / 60) * f for f in night))
    assert landed == pytest.approx(
        {"weightless_interior": 43.2 * 40 / 60 + dark, "earth_view": 43.2 * 20 / 60 - dark}
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
    assert rep.drivers.orbit_yield_minutes > 60
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
    assert sick.drivers.orbit_yield_minutes <= healthy.drivers.orbit_yield_minutes


def test_sickness_costs_the_documented_share() -> None:
    """Both flyers sick for exactly 2 days at a 50% loss: 2 days at half yield."""
    rep, _ = shoot({**FIXED, "sickness_probability": 1, "sickness_days": 2, "sick_yield_loss": 0.5})
    assert rep.drivers.orbit_yield_minutes == pytest.approx(3.6 * 10 + 3.6 * 0.5 * 2)
    assert rep.drivers.orbit_sick_flyers == 2


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
    assert long.drivers.orbit_yield_minutes >= short.drivers.orbit_yield_minutes


def test_the_days_aboard_are_a_trace_with_dates_hours_and_light() -> None:
    """Twelve rows, consecutive dates from docking, the beta angle and night of each day."""
    rep, _ = shoot(FIXED)
    log = rep.orbit_log
    assert [day.day for day in log] == list(range(1, 13))
    assert all((b.date - a.date).days == 1 for a, b in itertools.pairwise(log))
    assert all(day.hours_filmed == pytest.approx(8.0) for day in log)
    assert all(0.0 <= day.night_fraction <= 0.4 and abs(day.beta_deg) <= 76 for day in log)


def test_docking_and_undocking_days_and_days_off_film_less() -> None:
    """Half days at both ends and one day off a week: 12 days give 10 full days' hours."""
    rep, _ = shoot(
        {
            **FIXED,
            "arrival_day_fraction": 0.5,
            "departure_day_fraction": 0.5,
            "days_off_per_week": 1,
        }
    )
    hours = [day.hours_filmed for day in rep.orbit_log]
    assert hours[0] == hours[-1] == pytest.approx(4.0)
    assert hours[6] == 0.0
    assert sum(hours) == pytest.approx(8.0 * 10)


def test_without_a_spare_the_only_camera_failing_ends_the_filming() -> None:
    """One camera, no spare, failing within the first hour: one failure, then nothing."""
    rep, _ = shoot({**FIXED, "camera_mtbf_hours": 0.01, "spare_cameras": 0})
    assert rep.drivers.orbit_camera_failures == 1
    assert rep.drivers.orbit_hours_filmed < 1.0


def test_each_spare_costs_its_swap_time() -> None:
    """Enough spares and failures every ~10 h: each failure costs the 1-hour swap, no more."""
    rep, _ = shoot({**FIXED, "camera_mtbf_hours": 10, "spare_cameras": 20, "camera_swap_hours": 1})
    failures = rep.drivers.orbit_camera_failures
    assert 5 < failures <= 20
    assert rep.drivers.orbit_hours_filmed >= 96 - failures - 1e-9
    assert rep.drivers.orbit_hours_filmed < 96


def test_storage_limit_caps_the_raw_footage() -> None:
    """10 raw hours at most: 10 x 60 / 40 = 15 screen minutes."""
    rep, _ = shoot({**FIXED, "max_raw_hours": 10})
    assert rep.drivers.orbit_yield_minutes == pytest.approx(15.0)


def test_footage_lost_before_landing_lands_nothing() -> None:
    """Certain loss: the stay is flown and paid, and no minute reaches the edit."""
    rep, landed = shoot({**FIXED, "footage_loss_probability": 1})
    assert landed == {"weightless_interior": 0.0, "earth_view": 0.0}
    assert rep.drivers.orbit_footage_lost == 1
    assert rep.ledger.by_category()["seats"] == 2 * 50e6


@pytest.mark.parametrize("night", [0.0, 0.1, 0.2, 0.3, 0.39])
def test_earth_view_minutes_fall_as_the_night_lengthens(night: float) -> None:
    """An Earth view gets the sunlit part of its share; interiors take over the dark part."""
    total = np.array([12.0])
    minutes, dark = _by_kind(
        total, np.array([night]), {"earth_view": 30.0, "weightless_interior": 30.0}
    )
    assert minutes["earth_view"][0] == pytest.approx(6.0 * (1 - night))
    assert minutes["weightless_interior"][0] == pytest.approx(6.0 + 6.0 * night)
    assert dark[0] == pytest.approx(6.0 * night)
    alone, _ = _by_kind(total, np.array([night]), {"earth_view": 30.0})
    assert alone["earth_view"][0] == pytest.approx(12.0 * (1 - night))


def test_a_stay_in_high_beta_season_has_no_night_to_lose() -> None:
    """Docked on the first day with |beta| > 71°, Earth views lose nothing to night."""
    scenario = scenario_from_data(tiny_data(sources__orbit=FIXED))
    plane = TARGETS["iss"].plane
    origin = days_since_j2000(scenario.production.start_date)
    high = next(d for d in range(0, 700) if abs(plane.beta_deg(origin + d + 0.5)) > 71)
    rep = replication_of(scenario, "orbit")
    log = film_aboard(rep, scenario.sources.orbit, PLAN, float(high), 1.0).days()
    assert log[0].night_fraction == 0.0
    assert log[0].light_limited_minutes == 0.0


@pytest.mark.parametrize(("cut", "stay"), [(0, 12), (2, 10), (6, 6), (9, 6)])
def test_a_late_launch_shortens_the_stay_but_not_below_half(cut: float, stay: float) -> None:
    """Days the next visitor takes come off the 12 planned days, never below 6.

    The return-weather extension still adds its days after.
    """
    rep, _ = shoot({**FIXED, "extension_days": 3}, cut=cut)
    assert rep.drivers.orbit_days == stay + 3
    assert rep.drivers.orbit_days_cut == 12 - stay
    assert rep.ledger.by_category()["fees"] == pytest.approx(10e6 + 2 * (stay + 3) * 100_000)


def early_return(probability: float, after: float = 2.0) -> dict:
    """A medical early return on orbit: the crew undocks `after` days after the problem."""
    return {
        "medical": {
            "probability": probability,
            "hits": "orbit",
            "effect": "early_return",
            "return_after_days": after,
            "cost_usd": 1e6,
        }
    }


@pytest.mark.parametrize("index", range(20))
def test_an_early_return_ends_the_stay_after_the_problem(index: int) -> None:
    """An early return ends the stay 2 days after the problem, and never yields more.

    Same draws with the event certain or impossible; the problem comes at a moment of the 12
    days, and the stay ends as planned if that is sooner.
    """
    varied = {
        **FIXED,
        "filming_hours_per_day": {"dist": "triangular", "min": 6, "mode": 8, "max": 10},
    }
    planned, _ = shoot(varied, index, risks=early_return(0.0))
    hit, _ = shoot(varied, index, risks=early_return(1.0))
    problem = next(m.day for m in hit.timeline.milestones if m.name == "risk: medical")
    docked = hit.timeline.first("docking").day
    assert docked <= problem <= docked + 12
    assert hit.drivers.orbit_days == pytest.approx(min(12.0, problem - docked + 2.0))
    assert hit.drivers.orbit_days_lost_early == pytest.approx(12 - hit.drivers.orbit_days)
    assert hit.drivers.orbit_yield_minutes <= planned.drivers.orbit_yield_minutes + 1e-9
    assert hit.risks_struck["medical"] == 1.0
    assert hit.ledger.by_category()["risk"] == 1e6
    assert planned.drivers.orbit_days == 12
    assert planned.drivers.orbit_days_lost_early == 0


def test_early_returns_come_at_uniform_moments_of_the_stay() -> None:
    """Over many replications the problem's moment is uniform over the stay: mean share 1/2."""
    shares = []
    for index in range(200):
        rep, _ = shoot(FIXED, index, risks=early_return(1.0, after=0.0))
        shares.append(rep.drivers.orbit_days / 12)
    assert np.mean(shares) == pytest.approx(0.5, abs=3 * np.sqrt(1 / 12 / 200))


def test_a_free_flyer_has_no_next_visitor_and_pays_no_station() -> None:
    """A free flyer: a late launch cuts nothing, and the only bill is the seats.

    No mission fee and no person-day charges: those are a station's; the capsule's costs are
    in its seat (charter) price.
    """
    rep, _ = shoot({**FIXED, "mission": "free_flyer", "extension_days": 3}, cut=4)
    assert rep.drivers.orbit_days == 12 + 3
    assert rep.drivers.orbit_days_cut == 0
    costs = rep.ledger.by_category()
    assert costs["seats"] == 2 * 50e6
    assert costs.get("fees", 0.0) == 0.0
    names = [m.name for m in rep.timeline.milestones]
    assert "in orbit" in names
    assert "docking" not in names
