"""Criticality by track: the track picture lock waited for, and a finish tied to delivery."""

from __future__ import annotations

import numpy as np
import pytest

from sim.analysis.cruciality import track_criticality
from sim.experiment.runner import run_experiment
from sim.scenario.load import scenario_from_data
from tests.conftest import tiny_data


@pytest.mark.parametrize(("artists", "last"), [(1, "vfx"), (5000, "ground")])
def test_the_track_picture_lock_waited_for_is_critical(artists: int, last: str) -> None:
    """One artist: VFX is on the critical path; a huge team and slow stage work: the ground."""
    scenario = scenario_from_data(
        tiny_data(
            sources__cgi={"artists": artists},
            sources__ground={"minutes_per_day": {"ground_drama": 0.05}},
            simulation__horizon_days=36_500,
        )
    )
    results = run_experiment(scenario, replications=20, seed=2, strategies=["ground"])
    tracks = track_criticality(results, "ground")
    assert next(iter(tracks)) == last
    assert tracks[last].criticality > 0.9
    sensitivity = tracks[last].sensitivity
    assert sensitivity is not None
    assert sensitivity > 0.5
    other = "ground" if last == "vfx" else "vfx"
    assert tracks[other].criticality < 0.1


def test_finish_days_are_recorded_per_source() -> None:
    """Each track's finish is recorded; the last picture is the latest of them."""
    scenario = scenario_from_data(tiny_data())
    results = run_experiment(scenario, replications=10, seed=3, strategies=["mixed"])
    picture = results.column("picture_done_day", "mixed")
    done = np.vstack(
        [results.column(f"done_{s}_day", "mixed") for s in ("suborbital", "parabolic", "ground")]
    )
    delivered = np.isfinite(results.column("delivery_day", "mixed"))
    assert np.array_equal(np.nanmax(done, axis=0)[delivered], picture[delivered])
    assert np.isnan(results.column("done_orbit_day", "mixed")).all()  # no orbital track
