"""Crew training with medical disqualification and backups."""

from __future__ import annotations

import pytest

from sim.core.rng import Stream, Streams
from sim.model.sampling import sample
from sim.model.training import Booking, TrainingPlan, crew_ready_day, percentile_days, plan_back
from sim.scenario.dists import Fixed, Triangular, Uniform
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


# --- the booked date as a plan -------------------------------------------------------------


def test_a_plan_counted_back_from_the_date_starts_so_as_to_end_a_margin_before_it() -> None:
    """Due on day 300, a 200-day plan and a 14-day margin: start on day 86, at its own pace."""
    booking = plan_back(300.0, 200.0, 14.0, 90.0)
    assert booking == Booking(start_day=86.0, pace=1.0, due_day=300.0, planned_days=200.0)


def test_a_date_too_close_for_the_plan_compresses_it_down_to_the_shortest_programme() -> None:
    """The Challenge's case: 134 days to a 285-day plan, 14 of margin: 120 days, from day 0.

    A date closer than the shortest programme (60 days, 90 at least) leaves it at 90 days.
    """
    assert plan_back(134.0, 285.0, 14.0, 90.0) == Booking(0.0, 120.0 / 285.0, 134.0, 285.0)
    assert plan_back(60.0, 285.0, 14.0, 90.0) == Booking(0.0, 90.0 / 285.0, 60.0, 285.0)


def test_the_planned_length_is_the_exact_percentile_of_the_training() -> None:
    """Tri(90, 134, 365) at P90: 365 - sqrt(0.1 x 231 x 275) = 285.30; fixed: the value.

    Without a closed form (uniform 100-200) the fixed draws land within 0.5% of the exact 190.
    """
    scenario = plan(0.0)[1]
    orbit = scenario.sources.orbit.model_copy(
        update={"training_days": Triangular(dist="triangular", min=90, mode=134, max=365)}
    )
    assert percentile_days(orbit.training_days, 0.9) == pytest.approx(
        365 - (0.1 * 231 * 275) ** 0.5
    )
    assert percentile_days(Fixed(dist="fixed", value=100), 0.9) == 100
    uniform = Uniform(dist="uniform", low=100, high=200)
    assert percentile_days(uniform, 0.9) == pytest.approx(190, rel=5e-3)


def test_a_booked_programme_maps_each_need_onto_the_plan() -> None:
    """Fixed 100-day need, booked from day 50 at pace 0.5: everyone ready on day 100."""
    training, scenario = plan(0.0)
    rep = replication_of(scenario, "orbit")
    ready = crew_ready_day(rep, training, 50.0, Booking(50.0, 0.5, 120.0))
    assert ready == 100.0
    assert rep.ledger.entries[0].day == 50.0  # training is paid when it starts


def test_a_need_beyond_the_plan_overruns_day_for_day() -> None:
    """Fixed 100-day need on a plan for 80 days compressed to half: 40 + 20 days, ready on 110.

    Compression covers only the need the programme was planned for; the 20 days beyond it
    are not compressed (a booked date is no free way to train faster than anyone planned).
    """
    training, scenario = plan(0.0)
    rep = replication_of(scenario, "orbit")
    ready = crew_ready_day(rep, training, 50.0, Booking(50.0, 0.5, 120.0, planned_days=80.0))
    assert ready == 50.0 + 0.5 * 80.0 + 20.0


def needs(index: int, training: TrainingPlan, scenario) -> dict[str, list[float]]:
    """The durations replication `index` draws for each role, primaries then backups."""
    stream = Streams(7, index)[Stream.orbit_training]
    return {
        name: list(sample(training.training_days, stream, role.count + role.backups))
        for name, role in scenario.crew.items()
    }


def test_a_primary_late_for_the_date_gives_the_seat_to_a_backup_who_is_ahead() -> None:
    """Uniform 50-150 days from day 0, due day 100: a late director flies their backup if ahead.

    The crew is ready when the last seat's flyer is: the director's seat takes the earlier of
    the primary and (when the primary misses day 100) the backup; the actor has no backup.
    """
    training, scenario = plan(0.0)
    training = TrainingPlan(
        Uniform(dist="uniform", low=50, high=150),
        training.training_usd_per_flyer,
        0.0,
        Stream.orbit_training,
        Stream.orbit_medical,
    )
    swapped = 0
    for index in range(40):
        drawn = needs(index, training, scenario)
        director, backup = drawn["director_dp"]
        late = director > 100 and backup < director
        seat = backup if late else director
        rep = replication_of(scenario, "orbit", index=index)
        ready = crew_ready_day(rep, training, 0.0, Booking(0.0, 1.0, 100.0))
        assert ready == pytest.approx(max(seat, drawn["lead_actor"][0]))
        assert rep.drivers.backups_flown == float(late)
        swapped += late
    assert swapped > 0  # the case was exercised
