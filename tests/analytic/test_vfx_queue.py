"""The VFX vendor team against queueing results.

With fixed effort d per shot, N shots released together on c artists finish at ceil(N/c)·d
exactly. With random efforts, the team is a FIFO c-server queue: its finish times must equal
those of SimPy's own `Resource` with one process per shot, and the busy time must match
N·E[effort] within Monte Carlo error.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
import simpy

from sim.model.vfx import VendorTeam


@pytest.mark.parametrize(("shots", "artists", "effort"), [(10, 3, 2.0), (12, 4, 5.0), (1, 8, 3.5)])
def test_makespan_of_equal_shots_is_exact(shots: int, artists: int, effort: float) -> None:
    """N equal shots on c artists take ceil(N/c) rounds of d days."""
    team = VendorTeam(artists, available_day=0.0)
    finish = team.schedule(0.0, np.full(shots, effort))
    assert finish.max() == math.ceil(shots / artists) * effort


def _simpy_fifo(artists: int, batches: list[tuple[float, np.ndarray]]) -> list[float]:
    """Finish times of the same shots on a SimPy Resource, one process per shot."""
    env = simpy.Environment()
    team = simpy.Resource(env, capacity=artists)
    finish: list[float] = []

    def shot(effort: float, slot: int):
        with team.request() as request:
            yield request
            yield env.timeout(effort)
            finish[slot] = env.now

    def release(day: float, efforts: np.ndarray, first: int):
        yield env.timeout(day)
        for offset, effort in enumerate(efforts):
            env.process(shot(float(effort), first + offset))

    first = 0
    for day, efforts in batches:
        finish.extend([math.nan] * len(efforts))
        env.process(release(day, efforts, first))
        first += len(efforts)
    env.run()
    return finish


def test_list_schedule_equals_a_simpy_resource() -> None:
    """Batches released over time finish exactly when a SimPy Resource would finish them."""
    rng = np.random.default_rng(5)
    batches = [(day, rng.triangular(1, 5, 20, size)) for day, size in [(0, 40), (7, 15), (30, 60)]]
    team = VendorTeam(6, available_day=0.0)
    ours = np.concatenate([team.schedule(day, efforts) for day, efforts in batches])
    np.testing.assert_allclose(ours, _simpy_fifo(6, batches), rtol=0, atol=1e-9)


def test_busy_time_matches_expected_effort() -> None:
    """Artist-days worked equal N·E[effort] within 4 standard errors (N = 20,000, seed 9)."""
    rng = np.random.default_rng(9)
    n = 20_000
    efforts = rng.triangular(2, 5, 8, n)
    team = VendorTeam(40, available_day=0.0)
    finish = team.schedule(0.0, efforts)
    mean, variance = 5.0, (4 + 25 + 64 - 10 - 16 - 40) / 18
    assert abs(team.busy_artist_days / n - mean) < 4 * math.sqrt(variance / n)
    # Graham's bound for a list schedule: work / c <= makespan <= work / c + longest shot.
    assert efforts.sum() / 40 <= finish.max() <= efforts.sum() / 40 + efforts.max()


def test_hold_delays_every_artist() -> None:
    """A vendor held until day 30 starts nothing before it."""
    team = VendorTeam(2, available_day=0.0)
    team.hold(30.0)
    assert team.schedule(5.0, np.array([1.0, 1.0, 1.0])).tolist() == [31.0, 31.0, 32.0]
