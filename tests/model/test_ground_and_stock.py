"""Ground stage and location days, and stock licensing, against numbers worked by hand."""

from __future__ import annotations

import math

import numpy as np
import pytest

from sim.core.errors import ScenarioError
from sim.model.ground import shoot_ground
from sim.model.stock import license_stock
from sim.scenario.load import scenario_from_data
from tests.conftest import replication_of, tiny_data


def run(process_of, kind: str, settings: dict, plan: dict, *, index: int = 0, scenario=None):
    """Run one track from day 0; return (replication, minutes per kind)."""
    if scenario is None:
        scenario = scenario_from_data(tiny_data(**{f"sources__{kind}": settings}))
    rep = replication_of(scenario, "ground", index=index)
    process = rep.env.process(process_of(rep, getattr(scenario.sources, kind), plan, 0.0))
    rep.env.run()
    return rep, process.value


GROUND = {
    "booking_lead_days": 30,
    "day_cost_usd": 400_000,
    "working_days_per_week": 5,
    "minutes_per_day": {"weightless_interior": 0.5, "ground_drama": 2.0},
    "location_share": {},
}


def test_stage_days_follow_minutes_per_day() -> None:
    """10 weightless minutes at 0.5/day + 30 drama minutes at 2/day = 35 stage days, 7 weeks."""
    rep, got = run(
        shoot_ground, "ground", GROUND, {"weightless_interior": 10.0, "ground_drama": 30.0}
    )
    assert rep.drivers.stage_days == 35
    assert rep.drivers.location_days == 0
    assert rep.env.now == 30 + 35 * 7 / 5
    assert rep.ledger.by_category()["ground"] == 35 * 400_000
    assert got == {"weightless_interior": 10.0, "ground_drama": 30.0}


def test_location_days_add_their_fee_and_follow_the_stage() -> None:
    """Half the drama outside in fair weather: 20 stage days, then 7.5 location days (8 paid)."""
    settings = {
        **GROUND,
        "location_share": {"ground_drama": 0.5},
        "location_fee_usd_per_day": 5_000,
        "weather_day_loss_probability": 0,
    }
    plan = {"weightless_interior": 5.0, "ground_drama": 30.0}
    rep, _ = run(shoot_ground, "ground", settings, plan)
    assert rep.drivers.stage_days == 10 + 7.5
    assert rep.drivers.location_days == 7.5
    assert rep.drivers.weather_days_lost == 0
    assert rep.env.now == pytest.approx(30 + 25 * 7 / 5)
    assert rep.ledger.by_category()["ground"] == 18 * 400_000 + 8 * 405_000


def test_days_lost_to_weather_match_the_negative_binomial_mean() -> None:
    """Location days each lost with p: n of them take n·p/(1-p) extra days on average, and are paid.

    n = 20, p = 0.2: 5 days lost per shoot; 2,000 shoots are within 4 standard errors
    (variance of NegBin(n, 1-p) failures: n·p/(1-p)^2).
    """
    n, p, shoots = 20, 0.2, 2_000
    settings = {
        **GROUND,
        "location_share": {"ground_drama": 1.0},
        "location_fee_usd_per_day": 0,
        "weather_day_loss_probability": p,
    }
    scenario = scenario_from_data(tiny_data(sources__ground=settings))
    lost = []
    for index in range(shoots):
        rep, _ = run(
            shoot_ground, "ground", {}, {"ground_drama": 2.0 * n}, index=index, scenario=scenario
        )
        days = rep.drivers.weather_days_lost
        assert rep.ledger.by_category()["ground"] == (n + days) * 400_000
        assert rep.env.now == pytest.approx(30 + (n + days) * 7 / 5)
        lost.append(days)
    mean, variance = n * p / (1 - p), n * p / (1 - p) ** 2
    assert abs(np.mean(lost) - mean) < 4 * math.sqrt(variance / shoots)


def _archives(nasa: float, royalty_free: float, rights_managed: float, **nasa_terms) -> dict:
    """Archive shares with fixed prices: NASA free, royalty-free $200 a clip, RM $50 a second."""
    return {
        "nasa": {"share": nasa, **nasa_terms},
        "royalty_free": {"share": royalty_free, "price_usd_per_clip": 200},
        "rights_managed": {
            "share": rights_managed,
            "price_usd_per_second": 50,
            "clearance_days": 5,
        },
    }


STOCK = {"clip_seconds": 15, "search_days": 21, "find_probability": {"earth_view": 1}}


def test_royalty_free_clips_cost_per_clip_and_arrive_after_the_search() -> None:
    """2 minutes = 8 clips of 15 s at $200, no clearance: in hand on day 21."""
    settings = {**STOCK, "archives": _archives(0, 1, 0)}
    rep, got = run(license_stock, "stock", settings, {"earth_view": 2.0})
    assert got == {"earth_view": 2.0}
    assert rep.ledger.by_category()["stock"] == 8 * 200
    assert rep.env.now == 21


def test_rights_managed_clips_cost_per_second_after_a_quote() -> None:
    """8 clips x 15 s x $50 a second, quoted in 5 days after the 21-day search."""
    settings = {**STOCK, "archives": _archives(0, 0, 1)}
    rep, got = run(license_stock, "stock", settings, {"earth_view": 2.0})
    assert got == {"earth_view": 2.0}
    assert rep.ledger.by_category()["stock"] == 8 * 15 * 50
    assert rep.env.now == 21 + 5
    assert rep.drivers.stock_lead_days == 26


def test_nasa_clips_are_free_unless_they_need_clearing() -> None:
    """NASA clips with no one identifiable: free, no clearance time."""
    settings = {**STOCK, "archives": _archives(1, 0, 0, clearance_probability=0)}
    rep, got = run(license_stock, "stock", settings, {"earth_view": 2.0})
    assert got == {"earth_view": pytest.approx(2.0)}
    assert rep.ledger.by_category()["stock"] == 0
    assert rep.env.now == 21


def test_refused_clearances_lose_the_clips_but_cost_the_clearing() -> None:
    """Every clip needs clearing at $1,000 over 30 days and every one is refused."""
    terms = {
        "clearance_probability": 1,
        "clearance_usd": 1_000,
        "clearance_days": 30,
        "refusal_probability": 1,
    }
    settings = {**STOCK, "archives": _archives(1, 0, 0, **terms)}
    rep, got = run(license_stock, "stock", settings, {"earth_view": 2.0})
    assert got == {"earth_view": 0.0}
    assert rep.drivers.stock_clips_refused == 8
    assert rep.ledger.by_category()["stock"] == 8 * 1_000
    assert rep.env.now == 21 + 30


def test_the_share_refused_is_clearance_times_refusal() -> None:
    """4,000 clips, 40% need clearing, half of those refused: 20% lost within 4 s.e."""
    terms = {"clearance_probability": 0.4, "refusal_probability": 0.5}
    settings = {**STOCK, "clip_seconds": 6, "archives": _archives(1, 0, 0, **terms)}
    rep, got = run(license_stock, "stock", settings, {"earth_view": 400.0})
    share = rep.drivers.stock_clips_refused / 4_000
    assert abs(share - 0.2) < 4 * math.sqrt(0.2 * 0.8 / 4_000)
    assert got["earth_view"] == pytest.approx(400.0 * (1 - share))


def test_stock_that_does_not_exist_is_a_shortfall() -> None:
    """Find probability 0: nothing licensed, nothing paid."""
    settings = {**STOCK, "find_probability": {"earth_view": 0}}
    rep, got = run(license_stock, "stock", settings, {"earth_view": 2.0})
    assert got == {"earth_view": 0.0}
    assert rep.ledger.by_category()["stock"] == 0


def test_archive_shares_must_add_up() -> None:
    """Shares of 0.5 + 0.4 + 0.3 are refused with the total in the message."""
    with pytest.raises(ScenarioError, match=r"add up to 1\.2"):
        scenario_from_data(tiny_data(sources__stock__archives=_archives(0.5, 0.4, 0.3)))
