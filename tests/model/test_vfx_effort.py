"""VFX effort by screen seconds: hand-computed cases for the shots a batch of minutes makes.

The effort of a batch is its screen seconds x the class's artist-days per second, whatever
the shots' lengths: doubling the minutes at a fixed shot length doubles the artist-days, the
same minutes in longer shots take the same artist-days in fewer shots. N equal shots on c
artists in crews of k take ceil(N / floor(c/k)) rounds of (effort / k) working days, each
working day 1/f calendar days.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from sim.core.errors import ScenarioError
from sim.core.rng import Stream
from sim.model.vfx import CHUNK, Vendors, draw_shots, release_shots
from sim.scenario.load import scenario_from_data
from sim.scenario.schema import Scenario
from tests.conftest import replication_of, tiny_data

#: Five-day weeks less 28 days of leave a year: working days per calendar day.
FIVE_DAY_WEEKS = (5 * 365.25 / 7 - 28) / 365.25


def _scenario(**cgi: object) -> Scenario:
    return scenario_from_data(tiny_data(sources__cgi=cgi))


def _fixed_class(seconds: float, per_second: float, crew: int = 1) -> dict:
    return {"shot_seconds": seconds, "artist_days_per_second": per_second, "crew": crew}


def _release(scenario: Scenario, minutes: float, shot_class: str = "full_cg") -> tuple:
    """Release `minutes` of `shot_class` shots on day 0; return (done day, drivers, cost)."""
    rep = replication_of(scenario, "ground")
    cgi = scenario.sources.cgi
    vendors = Vendors(cgi, 0.0, [600.0])
    done = release_shots(
        rep,
        vendors,
        cgi=cgi,
        origin="cgi",
        stream=Stream.vfx_cgi,
        shot_class=shot_class,  # type: ignore[arg-type]
        minutes=minutes,
    )
    return done, rep.drivers, rep.ledger.by_category()["vfx"]


@pytest.mark.parametrize("minutes", [1.0, 2.5, 10.0])
def test_doubling_the_minutes_at_a_fixed_shot_length_doubles_the_work(minutes: float) -> None:
    """6-s shots at 20 artist-days a second: 60 x minutes x 20 artist-days.

    At twice the minutes twice that; the shots are ceil(seconds / 6).
    """
    scenario = _scenario(classes={"full_cg": _fixed_class(6, 20, 2)})
    _, once, cost = _release(scenario, minutes)
    _, twice, _ = _release(scenario, 2 * minutes)
    assert once.vfx_artist_days == pytest.approx(minutes * 60 * 20, rel=1e-12)
    assert twice.vfx_artist_days == pytest.approx(2 * once.vfx_artist_days, rel=1e-12)
    assert once.vfx_shots == math.ceil(minutes * 60 / 6 - 1e-9)
    assert cost == pytest.approx(once.vfx_artist_days * 600, rel=1e-12)


@pytest.mark.parametrize("seconds", [2, 6, 40, 240])
def test_the_same_minutes_in_longer_shots_take_the_same_work(seconds: float) -> None:
    """Four minutes cut into 2-s to 4-min shots: always 240 s x 3 artist-days, fewer shots."""
    scenario = _scenario(classes={"composite": _fixed_class(seconds, 3)})
    _, drivers, _ = _release(scenario, 4.0, "composite")
    assert drivers.vfx_artist_days == pytest.approx(240 * 3, rel=1e-12)
    assert drivers.vfx_shots == math.ceil(240 / seconds)


def test_random_shots_average_the_class_rate_per_second() -> None:
    """Random shots: artist-days per second average the rate's mean within 4 standard errors.

    Lognormal lengths, triangular rates of mean (2 + 5 + 14) / 3 = 7, 200 batches of 20 minutes.

    Given the lengths l, the batch rate sum(l r) / sum(l) has standard error
    sd(r) sqrt(sum l^2) / sum(l), the rates being independent of the lengths.
    """
    scenario = _scenario(
        classes={
            "full_cg": {
                "shot_seconds": {"dist": "lognormal", "median": 3, "p90": 9},
                "artist_days_per_second": {"dist": "triangular", "min": 2, "mode": 5, "max": 14},
                "crew": 2,
            }
        }
    )
    cgi = scenario.sources.cgi
    effort = squares = seconds = 0.0
    for index in range(200):
        rep = replication_of(scenario, "ground", index=index)
        lengths, efforts = draw_shots(rep, Stream.vfx_cgi, cgi.work("full_cg"), 1200.0)
        assert lengths.sum() == pytest.approx(1200.0, rel=1e-12)
        assert np.all(lengths > 0)
        effort += efforts.sum()
        squares += (lengths**2).sum()
        seconds += lengths.sum()
    sd = math.sqrt((4 + 25 + 196 - 10 - 28 - 70) / 18)
    assert abs(effort / seconds - 7.0) < 4 * sd * math.sqrt(squares) / seconds


def test_equal_shots_take_rounds_of_working_days_on_the_calendar() -> None:
    """30 shots of 40 artist-days on 20 artists in crews of 4: 6 rounds of 10 working days.

    8-s shots at 5 artist-days a second; ceil(30 / 5) = 6 rounds of 40 / 4 = 10 working days,
    60 / f calendar days.
    """
    scenario = _scenario(artists=20, classes={"full_cg": _fixed_class(8, 5, 4)}, section_seconds=10)
    done, drivers, _ = _release(scenario, 30 * 8 / 60)
    assert drivers.vfx_shots == 30
    assert done == pytest.approx(6 * 10 / FIVE_DAY_WEEKS, rel=1e-12)


def test_a_long_take_is_worked_in_sections_at_once() -> None:
    """A 60-s take in 10-s sections: six crews at once take 10 working days, one crew 60.

    2 artist-days a second, crews of 2: six sections of 20 artist-days side by side on 12
    artists; one section at a time on 2.
    """
    classes = {"full_cg": _fixed_class(60, 2, 2)}
    wide = _scenario(artists=12, classes=classes, section_seconds=10)
    done, drivers, _ = _release(wide, 1.0)
    assert drivers.vfx_shots == 1
    assert drivers.vfx_artist_days == pytest.approx(120, rel=1e-12)
    assert done == pytest.approx(10 / FIVE_DAY_WEEKS, rel=1e-12)
    narrow = _scenario(artists=2, classes=classes, section_seconds=10)
    assert _release(narrow, 1.0)[0] == pytest.approx(60 / FIVE_DAY_WEEKS, rel=1e-12)


def test_a_seven_day_week_without_holidays_works_every_day() -> None:
    """Working every day, 10 shots of 4 s at 1 artist-day a second on 10 artists: 4 days."""
    scenario = _scenario(
        artists=10,
        days_per_week=7,
        holidays_per_year=0,
        classes={"cleanup": _fixed_class(4, 1)},
    )
    done, _, _ = _release(scenario, 40 / 60, "cleanup")
    assert done == pytest.approx(4.0, rel=1e-12)


def test_a_shots_numbers_do_not_depend_on_the_batch_minutes() -> None:
    """The first shots of a 5-minute and a 50-minute batch are the same shots.

    Common random numbers across strategies releasing different minutes of one origin.
    """
    scenario = _scenario()
    work = scenario.sources.cgi.work("full_cg")
    short = draw_shots(replication_of(scenario, "ground"), Stream.vfx_orbit, work, 300.0)
    long = draw_shots(replication_of(scenario, "ground"), Stream.vfx_orbit, work, 3000.0)
    whole = len(short[0]) - 1  # the last short shot is cut to fit
    assert len(long[0]) > CHUNK > whole
    np.testing.assert_array_equal(short[0][:whole], long[0][:whole])
    np.testing.assert_array_equal(short[1][:whole], long[1][:whole])


def test_the_older_single_shot_length_applies_to_every_class() -> None:
    """`shot_seconds` on the vendor (older files) sets every class's shot length."""
    cgi = _scenario(shot_seconds=1.5).sources.cgi
    for shot_class in ("cleanup", "composite", "full_cg"):
        assert cgi.work(shot_class).shot_seconds.mean == 1.5


@pytest.mark.parametrize(
    ("cgi", "message"),
    [
        (
            {"classes": {"full_cg": {"iterations": 20}}},
            "sources.cgi.classes.full_cg: artist_days_per_iteration and iterations are no"
            " longer used",
        ),
        (
            {"days_per_week": 2, "holidays_per_year": 120},
            "sources.cgi: holidays_per_year 120 leaves no working day",
        ),
        ({"section_seconds": 0}, "sources.cgi.section_seconds: 0 is out of range"),
        ({"classes": {"cleanup": {"crew": 0}}}, "sources.cgi.classes.cleanup.crew: 0 is out"),
    ],
)
def test_vfx_settings_that_cannot_work_are_refused(cgi: dict, message: str) -> None:
    """Old effort keys, a calendar with no working day, zero sections or crews."""
    with pytest.raises(ScenarioError, match=message):
        scenario_from_data(tiny_data(sources__cgi=cgi))
