"""The VFX vendor team against queueing results, on a working calendar.

With fixed effort e per shot, N shots released together on c artists in crews of k finish at
ceil(N / floor(c/k)) rounds of e/k working days exactly, each working day 1/f calendar days
(f: the working days per calendar day, 5/7 less the holidays). With random efforts and one
artist a shot, the team is a FIFO c-server queue: its finish times must equal those of
SimPy's own `Resource` with one process per shot, and the busy time must match N·E[effort]
within Monte Carlo error. Several vendors taking the same class are one pooled queue: they
must finish shots exactly when a single team of all their crews would.
"""

from __future__ import annotations

import heapq
import math

import numpy as np
import pytest
import simpy

from sim.model.vfx import Vendors, VendorTeam
from sim.scenario.load import scenario_from_data
from tests.conftest import tiny_data

#: Five-day weeks less the UK's 28 days of statutory leave: working days per calendar day.
FIVE_DAY_WEEKS = (5 * 365.25 / 7 - 28) / 365.25


@pytest.mark.parametrize(("shots", "artists", "effort"), [(10, 3, 2.0), (12, 4, 5.0), (1, 8, 3.5)])
def test_makespan_of_equal_shots_is_exact(shots: int, artists: int, effort: float) -> None:
    """N equal shots on c artists, every day worked, take ceil(N/c) rounds of d days."""
    team = VendorTeam(artists, available_day=0.0)
    finish = team.schedule(0.0, [effort] * shots)
    assert max(finish) == math.ceil(shots / artists) * effort


@pytest.mark.parametrize(
    ("shots", "artists", "crew", "effort"),
    [(10, 6, 2, 4.0), (7, 5, 2, 3.0), (30, 40, 3, 12.0), (9, 4, 4, 2.0), (5, 3, 7, 6.0)],
)
@pytest.mark.parametrize("fraction", [1.0, FIVE_DAY_WEEKS])
def test_makespan_in_crews_on_the_calendar_is_exact(
    shots: int, artists: int, crew: int, effort: float, fraction: float
) -> None:
    """Crews of k: ceil(N / floor(c/k)) rounds of e/k working days, each 1/f calendar days.

    A crew larger than the team is the whole team (the last case: 3 artists, asked 7).
    """
    team = VendorTeam(artists, available_day=0.0, working_fraction=fraction)
    finish = team.schedule(0.0, [effort] * shots, crew)
    k = min(crew, artists)
    rounds = math.ceil(shots / (artists // k))
    assert max(finish) == pytest.approx(rounds * effort / k / fraction, rel=1e-12)
    assert team.busy_artist_days == pytest.approx(shots * effort)


def test_five_day_weeks_and_holidays_stretch_a_year_of_work() -> None:
    """260.9 weekdays less 28 days of leave: 232.9 working days take a calendar year."""
    team = VendorTeam(1, available_day=0.0, working_fraction=FIVE_DAY_WEEKS)
    (finish,) = team.schedule(0.0, [5 * 365.25 / 7 - 28])
    assert finish == pytest.approx(365.25, rel=1e-12)


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


@pytest.mark.parametrize("fraction", [1.0, FIVE_DAY_WEEKS])
def test_list_schedule_equals_a_simpy_resource(fraction: float) -> None:
    """Batches released over time finish exactly when a SimPy Resource would finish them.

    On the calendar, SimPy's shots take effort / f calendar days.
    """
    rng = np.random.default_rng(5)
    batches = [(day, rng.triangular(1, 5, 20, size)) for day, size in [(0, 40), (7, 15), (30, 60)]]
    team = VendorTeam(6, available_day=0.0, working_fraction=fraction)
    ours = np.concatenate([team.schedule(day, efforts.tolist()) for day, efforts in batches])
    calendar = [(day, efforts / fraction) for day, efforts in batches]
    np.testing.assert_allclose(ours, _simpy_fifo(6, calendar), rtol=1e-12, atol=1e-9)


def test_crews_of_k_are_a_resource_of_floor_c_over_k() -> None:
    """Shots in crews of 3 on 14 artists finish as on a 4-server queue, in effort/3 days.

    Two artists sit the batches out.
    """
    rng = np.random.default_rng(8)
    batches = [(day, rng.triangular(3, 9, 30, size)) for day, size in [(0, 25), (4, 10), (60, 30)]]
    team = VendorTeam(14, available_day=0.0)
    ours = np.concatenate([team.schedule(day, efforts, 3) for day, efforts in batches])
    np.testing.assert_allclose(
        ours, _simpy_fifo(4, [(day, efforts / 3) for day, efforts in batches]), rtol=1e-12
    )


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


def _reference_batch(
    free: list[float], release: float, efforts: list[float], crew: int, fraction: float
) -> tuple[list[float], list[float]]:
    """The list schedule by its definition: return the artists' days after a batch and the finishes.

    The artists in order of the day they are free, k at a time, each crew ready when its last
    artist is and not before the release; each shot takes the crew ready first; the artists
    left over keep their days.
    """
    k = min(crew, len(free))
    ordered = sorted(free)
    crews = [max(day, release) for day in ordered[k - 1 :: k]]
    spare = ordered[len(crews) * k :]
    heapq.heapify(crews)
    scale = 1.0 / (k * fraction)  # calendar days per artist-day of a crew's effort
    finish = []
    for effort in efforts:
        done = heapq.heappop(crews) + effort * scale
        heapq.heappush(crews, done)
        finish.append(done)
    return crews * k + spare, finish


@pytest.mark.parametrize(("artists", "seed"), [(12, 1), (7, 2), (150, 3), (5, 4), (11, 5)])
def test_a_team_switching_crew_sizes_keeps_the_list_schedule(artists: int, seed: int) -> None:
    """Batches in crews of 1 to 4 (on teams some do not divide), holds between them.

    The team keeps its crews from one batch to the next and skips the order when all are
    idle: every finish must equal the definition's, re-forming the crews from the artists'
    days at each batch, to the last bit.
    """
    rng = np.random.default_rng(seed)
    team = VendorTeam(artists, available_day=3.0, working_fraction=FIVE_DAY_WEEKS)
    free = [3.0] * artists
    day = 0.0
    crew = 1
    for batch in range(120):
        day += float(
            rng.choice([0.0, 0.5, 2.0, 5.0, 40.0, 400.0], p=[0.2, 0.2, 0.2, 0.2, 0.15, 0.05])
        )
        if batch % 9 == 4:
            team.hold(day + 20.0)
            free = [max(free_day, day + 20.0) for free_day in free]
        if rng.random() < 0.5:  # the same crews again, or others
            crew = int(rng.choice([1, 2, 3, 4]))
        efforts = rng.lognormal(1.5, 1.0, int(rng.integers(1, 3 * artists))).tolist()
        free, expected = _reference_batch(free, day, efforts, crew, FIVE_DAY_WEEKS)
        assert team.schedule(day, efforts, crew) == expected
        # the team as the definition leaves it (an artist free by the release is just idle)
        assert sorted(max(d, day) for d in team.free_days) == sorted(max(d, day) for d in free)


def test_placing_gives_the_last_finish_of_the_schedule() -> None:
    """`place` (a release's call) ends where `schedule` ends, and leaves the same team."""
    rng = np.random.default_rng(13)
    placed, scheduled = VendorTeam(9, 0.0), VendorTeam(9, 0.0)
    for day, size, crew in [(0, 30, 2), (3, 4, 1), (3.5, 2, 2), (90, 5, 3), (91, 40, 1)]:
        efforts = rng.triangular(1, 4, 30, size)
        assert placed.place(day, efforts, crew) == max(scheduled.schedule(day, efforts, crew))
        assert sorted(placed.free_days) == sorted(scheduled.free_days)
    assert math.isnan(placed.place(100.0, [], 2))


def _vendors(lead: int, others: dict[str, tuple[int, list[str]]], rates: list[float]) -> Vendors:
    """A lead team of `lead` artists and other vendors of (artists, classes), ready on day 0.

    They work every day, so their days are working days.
    """
    cgi = scenario_from_data(
        tiny_data(
            sources__cgi={
                "artists": lead,
                "days_per_week": 7,
                "holidays_per_year": 0,
                "other_vendors": {
                    name: {"artists": artists, "artist_day_usd": 1, "classes": classes}
                    for name, (artists, classes) in others.items()
                },
            }
        )
    ).sources.cgi
    return Vendors(cgi, 0.0, rates)


@pytest.mark.parametrize(("lead", "second", "crew"), [(3, 2, 1), (4, 2, 2), (6, 3, 3)])
def test_vendors_taking_a_class_serve_it_as_one_pooled_team(
    lead: int, second: int, crew: int
) -> None:
    """A lead and a second vendor finish composite shots as one team of all their crews would."""
    rng = np.random.default_rng(11)
    vendors = _vendors(lead, {"second": (second, ["composite"])}, [600.0, 400.0])
    pooled = VendorTeam(lead + second, available_day=0.0)
    for day, size in [(0, 30), (12, 10), (40, 25)]:
        efforts = rng.triangular(1, 4, 12, size)
        finish, cost = vendors.schedule(day, efforts.tolist(), "composite", crew)
        np.testing.assert_allclose(
            finish, pooled.schedule(day, efforts.tolist(), crew), rtol=0, atol=1e-9
        )
        assert 400 * efforts.sum() <= cost <= 600 * efforts.sum()
    lead_team, second_team = vendors.teams
    busy = lead_team.busy_artist_days + second_team.busy_artist_days
    assert busy == pytest.approx(pooled.busy_artist_days)


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
