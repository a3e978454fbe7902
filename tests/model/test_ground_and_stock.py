"""Ground stage days and stock licensing with fixed numbers."""

from __future__ import annotations

import pytest

from sim.model.ground import shoot_ground
from sim.model.stock import license_stock
from sim.scenario.load import scenario_from_data
from tests.conftest import replication_of, tiny_data


def run(process_of, kind: str, settings: dict, plan: dict):
    """Run one track from day 0; return (replication, minutes per kind)."""
    scenario = scenario_from_data(tiny_data(**{f"sources__{kind}": settings}))
    rep = replication_of(scenario, "ground")
    process = rep.env.process(process_of(rep, getattr(scenario.sources, kind), plan))
    rep.env.run()
    return rep, process.value


GROUND = {
    "booking_lead_days": 30,
    "day_cost_usd": 400_000,
    "working_days_per_week": 5,
    "minutes_per_day": {"weightless_interior": 0.5, "ground_drama": 2.0},
}


def test_stage_days_follow_minutes_per_day() -> None:
    """10 weightless minutes at 0.5/day + 30 drama minutes at 2/day = 35 stage days, 7 weeks."""
    rep, got = run(
        shoot_ground, "ground", GROUND, {"weightless_interior": 10.0, "ground_drama": 30.0}
    )
    assert rep.drivers["stage_days"] == 35
    assert rep.env.now == 30 + 35 * 7 / 5
    assert rep.ledger.by_category()["ground"] == 35 * 400_000
    assert got == {"weightless_interior": 10.0, "ground_drama": 30.0}


STOCK = {"clip_seconds": 15, "price_usd_per_clip": 200, "lead_days": 21}


def test_stock_found_everywhere_costs_the_paid_clips() -> None:
    """Every clip found, none public domain: 2 minutes = 8 clips of 15 s at $200."""
    settings = {**STOCK, "find_probability": {"earth_view": 1}, "public_domain_share": 0}
    rep, got = run(license_stock, "stock", settings, {"earth_view": 2.0})
    assert got == {"earth_view": 2.0}
    assert rep.ledger.by_category()["stock"] == 8 * 200
    assert rep.env.now == 21


def test_stock_that_does_not_exist_is_a_shortfall() -> None:
    """Find probability 0: nothing licensed, nothing paid."""
    settings = {**STOCK, "find_probability": {"earth_view": 0}}
    rep, got = run(license_stock, "stock", settings, {"earth_view": 2.0})
    assert got == {"earth_view": 0.0}
    assert rep.ledger.by_category()["stock"] == 0


def test_public_domain_clips_are_free() -> None:
    """All clips public domain (NASA): found, and free."""
    settings = {**STOCK, "find_probability": {"earth_view": 1}, "public_domain_share": 1}
    rep, got = run(license_stock, "stock", settings, {"earth_view": 2.0})
    assert got == {"earth_view": pytest.approx(2.0)}
    assert rep.ledger.by_category()["stock"] == 0
