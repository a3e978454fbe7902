"""The LED volume: build, book, prelight and shoot, against numbers worked by hand."""

from __future__ import annotations

import pytest

from sim.model.led_volume import shoot_volume
from sim.model.replication import run_replication
from sim.scenario.load import scenario_from_data
from tests.conftest import replication_of, tiny_data

VOLUME = {
    "booking_lead_days": 30,
    "day_cost_usd": 400_000,
    "volume_usd_per_day": 50_000,
    "working_days_per_week": 5,
    "environments": 4,
    "environment_usd": 250_000,
    "build_days": 70,
    "prelight_days_per_environment": 0.5,
    "minutes_per_day": {"earth_view": 1.0, "exterior_eva": 0.5},
}


def shoot(settings: dict, plan: dict, delay_days: float = 0.0):
    """Run the volume's track from day 0; return (replication, minutes per kind)."""
    scenario = scenario_from_data(tiny_data(sources__led_volume=settings))
    rep = replication_of(scenario, "ground")
    process = rep.env.process(shoot_volume(rep, scenario.sources.led_volume, plan, delay_days))
    rep.env.run()
    return rep, process.value


def test_the_shoot_waits_for_the_build_then_prelights_then_shoots() -> None:
    """Build 70 d > lead 30 d; 2 prelight days; 10 + 3/0.5 = 16 shooting days, 5-day weeks."""
    plan = {"earth_view": 10.0, "exterior_eva": 3.0}
    rep, got = shoot(VOLUME, plan)
    assert got == plan
    assert rep.drivers.volume_days == 16
    assert rep.drivers.volume_build_days == 70
    assert rep.env.now == pytest.approx(70 + 2 * 7 / 5 + 16 * 7 / 5)
    costs = rep.ledger.by_category()
    assert costs["vfx"] == 4 * 250_000  # the environments, paid when the build starts
    assert costs["ground"] == 2 * 50_000 + 16 * (400_000 + 50_000)
    (build,) = [entry for entry in rep.ledger.entries if entry.category == "vfx"]
    assert build.day == 0.0


def test_a_risk_delay_pushes_the_booking_not_the_build() -> None:
    """A 60-day delay makes the booking (90 d) later than the build (70 d); 20 days lost."""
    plan = {"earth_view": 10.0}
    _, undelayed = shoot(VOLUME, plan)
    rep, _ = shoot(VOLUME, plan, delay_days=60.0)
    assert rep.env.now == pytest.approx(90 + 2 * 7 / 5 + 10 * 7 / 5)
    rep_short, _ = shoot(VOLUME, plan, delay_days=20.0)  # lead 50 d: the build still binds
    assert rep_short.env.now == pytest.approx(70 + 2 * 7 / 5 + 10 * 7 / 5)
    assert undelayed == {"earth_view": 10.0}


def test_started_days_are_paid_in_full() -> None:
    """10.5 shooting days are 11 paid days; 0.6 prelight days one paid day."""
    settings = {**VOLUME, "environments": 1, "prelight_days_per_environment": 0.6}
    rep, _ = shoot(settings, {"earth_view": 10.5})
    assert rep.ledger.by_category()["ground"] == 1 * 50_000 + 11 * 450_000


def test_a_volume_strategy_runs_end_to_end_with_its_vfx_cleanup() -> None:
    """A strategy on the volume delivers its minutes, and its clean-up shots go to VFX."""
    data = tiny_data(
        sources__led_volume={
            **VOLUME,
            "vfx": {"shot_class": "cleanup", "share": {"earth_view": 1.0}},
        }
    )
    data["strategies"]["volume"] = {
        "split": {
            "weightless_interior": {"led_volume": 1},
            "earth_view": {"led_volume": 1},
            "exterior_eva": {"led_volume": 1},
            "launch_landing": {"led_volume": 1},
            "ground_drama": {"ground": 1},
        }
    }
    scenario = scenario_from_data(data)
    outcome = run_replication(scenario, "volume", 7, 0)
    assert outcome.delivered
    assert outcome.minutes_by_source["led_volume"] == pytest.approx(18.0)
    assert outcome.real_share == 0.0  # nothing shot in space
    assert any(span.activity == "led_volume shots" for span in outcome.timeline.spans)
    assert any(span.activity == "volume photography" for span in outcome.timeline.spans)
