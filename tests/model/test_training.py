"""Crew training with medical disqualification and backups."""

from __future__ import annotations

from sim.core.rng import Stream
from sim.model.training import TrainingPlan, crew_ready_day
from sim.scenario.load import scenario_from_data
from tests.conftest import replication_of, tiny_data


def plan(probability: float) -> TrainingPlan:
    """Fixed 100-day training at $1,000 a flyer, given disqualification probability."""
    scenario = scenario_from_data(
        tiny_data(
            sources__orbit={
                "training_days": 100,
                "training_usd_per_flyer": 1000,
            }
        )
    )
    orbit = scenario.sources.orbit
    return TrainingPlan(
        training_days=orbit.training_days,
        training_usd_per_flyer=orbit.training_usd_per_flyer,
        medical_disqualification_probability=probability,
        training_stream=Stream.orbit_training,
        medical_stream=Stream.orbit_medical,
    ), scenario


def test_everyone_fit_is_ready_after_training() -> None:
    """Nobody disqualified: ready after the training days; everyone listed is paid for."""
    training, scenario = plan(0.0)
    rep = replication_of(scenario, "orbit")
    assert crew_ready_day(rep, training, 0.0) == 100.0
    assert rep.ledger.by_category()["training"] == 3 * 1000  # 2 flyers + 1 backup
    assert rep.drivers.medical_disqualifications == 0


def test_backup_takes_the_seat_without_delay_and_none_means_retraining() -> None:
    """All disqualified: the director's backup steps in; the actor has none, so retrains."""
    training, scenario = plan(1.0)
    rep = replication_of(scenario, "orbit")
    assert crew_ready_day(rep, training, 0.0) == 200.0
    assert rep.drivers.medical_disqualifications == 2
    assert rep.ledger.by_category()["training"] == 4 * 1000


def test_with_backups_for_all_disqualification_costs_no_time() -> None:
    """Every role backed up: ready on day 100 even if every primary is disqualified."""
    training, scenario = plan(1.0)
    scenario = scenario.model_copy(
        update={
            "crew": {
                name: role.model_copy(update={"backups": role.count})
                for name, role in scenario.crew.items()
            }
        }
    )
    rep = replication_of(scenario, "orbit")
    assert crew_ready_day(rep, training, 0.0) == 100.0
