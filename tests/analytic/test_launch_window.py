"""Same-day launch in a window of length L: P = (1-p) + p(1 - exp(-L/m)).

Pad weather violates the rules at the window's opening with probability p and clears after an
exponential time of mean m; nothing else scrubs. The launch goes on the first day when the
weather is good at the opening or clears before the window closes. Given a hold, the minutes
held are the clearing time conditioned on C <= L: mean m - L e^(-L/m) / (1 - e^(-L/m)).

N = 4,000 campaigns (replication indices 0..3999, seed 11) per case; tolerance 4 standard
errors (binomial for the share, the truncated exponential's for the mean hold).
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from sim.model.launch import launch_campaign
from sim.scenario.load import scenario_from_data
from tests.conftest import replication_of, tiny_data

N = 4_000


def window_case(p: float, window: float, mean_clear: float, mission: str) -> dict:
    """Orbit settings where pad weather, waited out inside the window, is the only trouble."""
    return {
        "mission": mission,
        "weather_scrub_probability": p,
        "technical_scrub_probability": 0,
        "recovery_zone_hold_probability": 0,
        "landing_weather_scrub_probability": 0,
        "slip_days": 0,
        "slot_days": 365,
        "window_minutes": window,
        "weather_clear_minutes": {"dist": "gamma", "shape": 1, "scale": mean_clear},
    }


def campaigns(orbit: dict) -> tuple[np.ndarray, np.ndarray]:
    """Attempts and minutes held in the window, over N campaigns booked on day 0."""
    scenario = scenario_from_data(tiny_data(sources__orbit=orbit))
    attempts, held = np.empty(N), np.empty(N)
    for index in range(N):
        rep = replication_of(scenario, "orbit", seed=11, index=index)
        rep.env.process(launch_campaign(rep, scenario.sources.orbit, 0.0, 0.0))
        rep.env.run(until=3650)
        attempts[index] = rep.drivers.launch_attempts
        held[index] = rep.drivers.window_hold_minutes
    return attempts, held


def same_day(p: float, window: float, mean_clear: float) -> float:
    """The analytic same-day launch probability."""
    return (1 - p) + p * (1 - math.exp(-window / mean_clear))


CASES = [
    (0.3, 240, 150, "free_flyer"),
    (0.6, 60, 150, "free_flyer"),
    (0.5, 300, 60, "free_flyer"),
    (0.4, 90, 120, "station_visit"),
]


@pytest.mark.parametrize(("p", "window", "mean_clear", "mission"), CASES)
def test_same_day_launch_probability(p: float, window: float, mean_clear: float, mission: str):
    """The share launched at the first attempt is (1-p) + p(1 - exp(-L/m))."""
    attempts, _ = campaigns(window_case(p, window, mean_clear, mission))
    expected = same_day(p, window, mean_clear)
    stderr = math.sqrt(expected * (1 - expected) / N)
    assert abs(np.mean(attempts == 1) - expected) <= 4 * stderr


@pytest.mark.parametrize(("p", "window", "mean_clear", "mission"), CASES[:2])
def test_minutes_held_are_the_clearing_time_below_the_window(
    p: float, window: float, mean_clear: float, mission: str
) -> None:
    """Held launches waited E[C | C <= L]; launches in good weather waited nothing."""
    attempts, held = campaigns(window_case(p, window, mean_clear, mission))
    waited = held[(attempts == 1) & (held > 0)]
    tail = math.exp(-window / mean_clear)
    mean = mean_clear - window * tail / (1 - tail)
    second = 2 * mean_clear**2 - window * (window + 2 * mean_clear) * tail / (1 - tail)
    stderr = math.sqrt((second - mean**2) / waited.size)
    assert abs(waited.mean() - mean) <= 4 * stderr
    assert waited.max() <= window
    expected_share = p * (1 - tail)  # launched after a hold, out of all campaigns
    assert abs(waited.size / N - expected_share) <= 4 * math.sqrt(expected_share / N)


def test_an_instantaneous_window_scrubs_every_violation() -> None:
    """Window 0: the law falls back to 1 - p, however fast the weather clears."""
    attempts, held = campaigns(window_case(0.5, 0, 1e-3, "free_flyer"))
    assert abs(np.mean(attempts == 1) - 0.5) <= 4 * math.sqrt(0.25 / N)
    assert not held.any()
