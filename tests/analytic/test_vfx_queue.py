"""The VFX vendor team against queueing results.

With fixed effort d per shot, N shots released together on c artists finish at ceil(N/c)·d
exactly. With random efforts, the team is a FIFO c-server queue: its finish times must equal
those of SimPy's own `Resource` with one process per shot, and the busy time must match
N·E[effort] within Monte Carlo error. Several vendors taking the same class are one pooled
queue: they must finish shots exactly when a single team of all their artists would.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
import simpy

from sim.model.vfx import Vendors, VendorTeam
from sim.scenario.load import scenario_from_data
from tests.conftest import tiny_data


@pytest.mark.parametrize(("shots", "artists", "effort"), [(10, 3, 2.0), (12, 4, 5.0), (1, 8, 3.5)])
def test_makespan_of_equal_shots_is_exact(shots: int, artists: int, effort: float) -> None:
    """N equal shots on c artists take ceil(N/c) rounds of d days."""
    team = VendorTeam(artists, available_day=0.0)
    finish = team.schedule(0.0, [effort] * shots)
    assert max(finish) == math.ceil(shots / artists) * effort


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
    ours = np.concatenate([team.schedule(day, efforts.tolist()) for day, efforts in batches])
    np.testing.assert_allclose(ours, _simpy_fifo(6, batches), rtol=0, atol=1e-9)


def test_busy_time_matches_expected_effort() -> None:
    """Artist-days worked equal N·E[effort] within 4 standard errors (N = 20,000, seed 9)."""
    rng = np.random.default_rng(9)
    n = 20_000
    efforts = rng.triangular(2, 5, 8, n)
    team = VendorTeam(40, available_day=0.0)
    finish = team.schedule(0.0, efforts.tolist())
    mean, variance = 5.0, (4 + 25 + 64 - 10 - 16 - 40) / 18
    assert abs(team.busy_artist_days / n - mean) < 4 * math.sqrt(variance / n)
    # Graham's bound for a list schedule: work / c <= makespan <= work / c + longest shot.
    assert efforts.sum() / 40 <= max(finish) <= efforts.sum() / 40 + efforts.max()


def test_hold_delays_every_artist() -> None:
    """A vendor held until day 30 starts nothing before it."""
    team = VendorTeam(2, available_day=0.0)
    team.hold(30.0)
    assert team.schedule(5.0, [1.0, 1.0, 1.0]) == [31.0, 31.0, 32.0]


def _vendors(lead: int, others: dict[str, tuple[int, list[str]]], rates: list[float]) -> Vendors:
    """A lead team of `lead` artists and other vendors of (artists, classes), ready on day 0."""
    cgi = scenario_from_data(
        tiny_data(
            sources__cgi={
                "artists": lead,
                "other_vendors": {
                    name: {"artists": artists, "artist_day_usd": 1, "classes": classes}
                    for name, (artists, classes) in others.items()
                },
            }
        )
    ).sources.cgi
    return Vendors(cgi, 0.0, rates)


def test_vendors_taking_a_class_serve_it_as_one_pooled_team() -> None:
    """A 3-artist lead and a 2-artist vendor finish composite shots as one 5-artist team would."""
    rng = np.random.default_rng(11)
    vendors = _vendors(3, {"second": (2, ["composite"])}, [600.0, 400.0])
    pooled = VendorTeam(5, available_day=0.0)
    for day, size in [(0, 30), (12, 10), (40, 25)]:
        efforts = rng.triangular(1, 4, 12, size)
        finish, cost = vendors.schedule(day, efforts.tolist(), "composite")
        np.testing.assert_allclose(
            finish, pooled.schedule(day, efforts.tolist()), rtol=0, atol=1e-9
        )
        assert 400 * efforts.sum() <= cost <= 600 * efforts.sum()
    lead, second = vendors.teams
    assert lead.busy_artist_days + second.busy_artist_days == pytest.approx(pooled.busy_artist_days)


def test_a_vendor_gets_only_the_classes_it_takes() -> None:
    """Full-CG shots all go to the lead, at its rate, when the other vendor does clean-up only."""
    vendors = _vendors(1, {"cleaner": (10, ["cleanup"])}, [700.0, 300.0])
    finish, cost = vendors.schedule(0.0, [5.0] * 4, "full_cg")
    assert finish == [5.0, 10.0, 15.0, 20.0]
    assert cost == 20 * 700.0
    assert vendors.teams[1].busy_artist_days == 0


def test_a_held_lead_vendor_leaves_its_shots_to_the_others() -> None:
    """Lead held to day 30: clean-up shots go to the free vendor and finish at once."""
    vendors = _vendors(4, {"cleaner": (2, ["cleanup"])}, [700.0, 300.0])
    vendors.lead.hold(30.0)
    finish, cost = vendors.schedule(0.0, [1.0, 1.0, 1.0, 1.0], "cleanup")
    assert finish == [1.0, 1.0, 2.0, 2.0]
    assert cost == 4 * 300.0
