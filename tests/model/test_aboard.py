"""The days aboard: the shooting medium, raw footage, and the draws strategies share.

The medium sets the ratio, magazines and stock; stays and crews of different sizes share the
rolling fraction, the ratio, the daily hours and the first flyers' sickness (common random
numbers).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from sim import load_scenario
from sim.core.errors import ScenarioError
from sim.model.aboard import _sickness, film_aboard, rolled
from sim.scenario.load import scenario_from_data
from sim.scenario.sources.orbit import MEDIA
from tests.conftest import replication_of, tiny_data

SCENARIOS = Path(__file__).parents[2] / "scenarios"

#: Full days at both ends, no sickness, cameras that never fail: hours are the drawn hours.
PLAIN = {
    "filming_hours_per_day": 8,
    "arrival_day_fraction": 1,
    "departure_day_fraction": 1,
    "camera_mtbf_hours": 1e12,
    "sickness_probability": 0,
}
PLAN = {"weightless_interior": 40.0, "earth_view": 20.0}


def orbit_of(**keys: object):
    """The tiny scenario's orbit with the given keys, and the scenario."""
    scenario = scenario_from_data(tiny_data(sources__orbit=keys))
    return scenario, scenario.sources.orbit


def aboard(keys: dict, stay: float, index: int = 0, crew: dict | None = None):
    """One stay of `stay` days docked on day 0, replication `index`."""
    data = tiny_data(sources__orbit=keys)
    if crew is not None:
        data["crew"] = crew
    scenario = scenario_from_data(data)
    rep = replication_of(scenario, "orbit", index=index)
    return film_aboard(rep, scenario.sources.orbit, PLAN, 0.0, stay)


# The medium and its defaults


def test_digital_is_the_default_medium_with_no_magazines() -> None:
    """Left alone, the orbit shoots digital: The Challenge's ratio, no magazines, no stock."""
    _, orbit = orbit_of()
    assert orbit.medium == "digital"
    assert (orbit.shooting_ratio.min, orbit.shooting_ratio.mode, orbit.shooting_ratio.max) == (
        38,
        48,
        77,
    )
    assert orbit.magazine_minutes is None
    assert orbit.magazines_carried is None
    assert orbit.reload_hours is None
    assert orbit.raw_ceiling_hours is None


def test_film_brings_its_ratio_magazines_reload_and_stock() -> None:
    """medium: film gives 2-3.5:1, 3-minute loads, five of them (0.25 raw hours), a reload."""
    _, orbit = orbit_of(medium="film")
    ratio = orbit.shooting_ratio
    assert (ratio.min, ratio.mode, ratio.max) == (2, 2.5, 3.5)
    assert "Space Station 3D" in ratio.source
    assert orbit.magazine_minutes == 3.0
    assert orbit.magazines_carried == 5
    assert orbit.reload_hours is not None
    assert orbit.reload_hours.mode == 0.5
    assert orbit.raw_ceiling_hours == pytest.approx(0.25)


def test_a_value_the_scenario_gives_wins_over_the_medium() -> None:
    """A 35 mm film shoot: 11-minute magazines and a ratio of 4, the rest from film."""
    _, orbit = orbit_of(medium="film", magazine_minutes=11, shooting_ratio=4)
    assert orbit.magazine_minutes == 11
    assert orbit.shooting_ratio.value == 4
    assert orbit.magazines_carried == 5
    assert orbit.raw_ceiling_hours == pytest.approx(5 * 11 / 60)


def test_the_tighter_of_storage_and_stock_is_the_ceiling() -> None:
    """Stock of 20 x 3 min = 1 h against 0.5 h of storage: 0.5 h."""
    _, orbit = orbit_of(medium="film", magazines_carried=20, max_raw_hours=0.5)
    assert orbit.raw_ceiling_hours == 0.5


def test_a_stock_without_a_load_is_refused_with_the_fix() -> None:
    """Magazines carried, but how long does one hold? The error names the key and the fix."""
    with pytest.raises(ScenarioError, match="magazines_carried is set but magazine_minutes"):
        orbit_of(magazines_carried=4)


def test_every_medium_default_names_its_source() -> None:
    """Each medium governs the same keys, each with a citation."""
    assert {key for profile in MEDIA.values() for key in profile} == set(MEDIA["digital"])
    for profile in MEDIA.values():
        assert set(profile) == set(MEDIA["digital"])
        assert all(default.source.strip() for default in profile.values())


# Raw footage: rolling, reloads, the ceiling (hand-computed)


def test_digital_raw_is_hours_times_the_rolling_fraction() -> None:
    """10 h at 0.4 is 4 h raw, day by day."""
    raw = rolled(np.array([8.0, 2.0]), 0.4, None, 0.0, None)
    assert raw.tolist() == pytest.approx([3.2, 0.8])


def test_each_magazine_costs_its_reload_time() -> None:
    """Rolling 0.5, 3-min loads, 30-min reloads: a load is 0.1 h of takes + 0.5 h: 1/12 an hour.

    8 filming hours then roll 8/12 h, 40 s short of 13.3 loads of 3 minutes.
    """
    raw = rolled(np.array([8.0]), 0.5, 3.0, 0.5, None)
    assert raw[0] == pytest.approx(8 / 12)
    per_load = 0.05 / 0.5 + 0.5  # hours of filming per 3-minute load
    assert raw[0] == pytest.approx(8 / per_load * 0.05)


def test_raw_stops_at_the_ceiling_in_day_order() -> None:
    """2 h a day against a 5 h ceiling: 2, 2, 1, then nothing."""
    raw = rolled(np.full(5, 5.0), 0.4, None, 0.0, 5.0)
    assert raw.tolist() == pytest.approx([2.0, 2.0, 1.0, 0.0, 0.0])


def test_a_film_stay_yields_its_stock_over_the_ratio() -> None:
    """Five 3-minute loads (15 min raw) at 2.5:1 are 6 screen minutes, however long the stay."""
    for stay in (3.0, 12.0):
        stay_aboard = aboard({**PLAIN, "medium": "film", "shooting_ratio": 2.5}, stay)
        assert stay_aboard.raw_hours == pytest.approx(0.25)
        assert sum(stay_aboard.minutes_shot().values()) == pytest.approx(6.0)


def test_digital_stays_are_unchanged_by_the_medium_keys() -> None:
    """Digital with no magazines: raw = hours x rolling exactly (12 days x 8 h x 0.39)."""
    stay_aboard = aboard(PLAIN, 12.0)
    assert stay_aboard.hours_filmed == pytest.approx(96.0)
    assert stay_aboard.raw_hours == pytest.approx(96.0 * 0.39)


# Common random numbers: stays and crews of different sizes share draws


VARIED = {
    **PLAIN,
    "filming_hours_per_day": {"dist": "triangular", "min": 6, "mode": 8, "max": 10},
    "rolling_fraction": {"dist": "uniform", "low": 0.2, "high": 0.5},
    "shooting_ratio": {"dist": "triangular", "min": 30, "mode": 45, "max": 80},
}


@pytest.mark.parametrize("index", range(10))
def test_stays_of_different_lengths_share_rolling_ratio_and_hours(index: int) -> None:
    """12 versus 15 days, same replication: the same rolling fraction, ratio and daily hours."""
    short, long = aboard(VARIED, 12.0, index), aboard(VARIED, 15.0, index)
    assert short.raw_hours / short.hours_filmed == pytest.approx(long.raw_hours / long.hours_filmed)
    short_minutes = sum(short.minutes_shot().values())
    long_minutes = sum(long.minutes_shot().values())
    assert short_minutes / short.raw_hours == pytest.approx(long_minutes / long.raw_hours)
    assert short.hours.tolist() == pytest.approx(long.hours[:12].tolist())


@pytest.mark.parametrize("index", range(10))
def test_a_larger_crew_shares_the_first_flyers_sickness(index: int) -> None:
    """Everyone sick: three flyers' daily loss is two flyers' plus the third's (in [0, 1])."""
    keys = {
        **VARIED,
        "sickness_probability": 1,
        "sickness_days": {"dist": "triangular", "min": 1, "mode": 2, "max": 3},
    }
    losses = {}
    for flyers in (2, 3):
        crew = {
            "director_dp": {"count": 1, "backups": 0},
            "lead_actor": {"count": flyers - 1, "backups": 0},
        }
        scenario = scenario_from_data({**tiny_data(sources__orbit=keys), "crew": crew})
        rep = replication_of(scenario, "orbit", index=index)
        assert rep.flyers == flyers
        losses[flyers] = _sickness(rep, scenario.sources.orbit, 5)[1] * flyers
    third = losses[3] - losses[2]
    assert np.all(third >= -1e-12)
    assert np.all(third <= 1 + 1e-12)
    assert third[0] > 0  # the third flyer is sick on the first day


# The calibration on The Challenge (its record: "more than 30" hours raw)


def test_the_challenge_shoots_more_than_30_hours_raw() -> None:
    """Its 11.5 days at the defaults: a mean of 30-35 raw hours, 90% of stays above 30."""
    scenario = load_scenario(SCENARIOS / "the_challenge.yaml")
    orbit = scenario.sources.orbit
    stay = orbit.mission_days.value  # type: ignore[union-attr]
    raw = np.array(
        [
            film_aboard(
                replication_of(scenario, "as_flown", index=index), orbit, PLAN, 134.15, stay
            ).raw_hours
            for index in range(300)
        ]
    )
    assert 30 < raw.mean() < 35
    assert np.mean(raw > 30) >= 0.85


@pytest.mark.parametrize("index", range(5))
def test_a_film_variant_shares_the_digital_draws(index: int) -> None:
    """Film draws its reload time on a stream of its own: hours and camera failures match."""
    keys = {**VARIED, "camera_mtbf_hours": 20, "sickness_probability": 0.67}
    digital, film = aboard(keys, 12.0, index), aboard({**keys, "medium": "film"}, 12.0, index)
    assert film.hours.tolist() == digital.hours.tolist()
    assert film.camera_failures.tolist() == digital.camera_failures.tolist()
    assert film.sick_flyers.tolist() == digital.sick_flyers.tolist()
