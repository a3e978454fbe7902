"""Launch attempts under a per-attempt scrub probability p follow a geometric law: mean 1/(1-p).

With instantaneous windows and independent days (persistence 0). With persistent weather
(persistence r, a window a day) the first attempt is scrubbed with p and every later one with
q = p + r(1-p): the attempts are 1 + B(1 + G), B a Bernoulli(p) and G geometric with mean
q/(1-q), so their mean is 1 + p/(1-q).

N = 4,000 replications (replication indices 0..3999, seed 11) per case; tolerance 4 standard
errors of the mean, from the law's own variance.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from sim.model.launch import launch_campaign
from sim.scenario.load import scenario_from_data
from tests.conftest import replication_of, tiny_data

N = 4_000


def only_weather(p: float) -> dict:
    """Orbit settings where pad weather at probability p is the only cause of scrubs."""
    return {
        "weather_scrub_probability": p,
        "technical_scrub_probability": 0,
        "recovery_zone_hold_probability": 0,
        "slip_days": 0,
        "slot_days": 365,
        "window_minutes": 0,
        "weather_persistence": 0,
    }


def mean_attempts(orbit: dict) -> float:
    """Mean launch attempts over N campaigns booked on day 0."""
    scenario = scenario_from_data(tiny_data(sources__orbit=orbit))
    attempts = []
    for index in range(N):
        rep = replication_of(scenario, "orbit", seed=11, index=index)
        rep.env.process(launch_campaign(rep, scenario.sources.orbit, 0.0, 0.0))
        rep.env.run()
        attempts.append(rep.drivers.launch_attempts)
    return float(np.mean(attempts))


@pytest.mark.parametrize("p", [0.0, 0.18, 0.5, 0.8])
def test_mean_attempts_is_one_over_one_minus_p(p: float) -> None:
    """Mean attempts per launch is 1/(1-p) within Monte Carlo error."""
    expected = 1 / (1 - p)
    stderr = math.sqrt(p) / (1 - p) / math.sqrt(N)
    assert abs(mean_attempts(only_weather(p)) - expected) <= max(4 * stderr, 1e-12)


@pytest.mark.parametrize(("p", "r"), [(0.3, 0.3), (0.5, 0.6), (0.2, 0.9)])
def test_persistent_weather_gives_one_plus_p_over_one_minus_q(p: float, r: float) -> None:
    """A free flyer's daily windows, exactly a day apart: mean attempts 1 + p/(1-q)."""
    orbit = {
        **only_weather(p),
        "weather_persistence": r,
        "mission": "free_flyer",
        "landing_weather_scrub_probability": 0,
        "recycle_days": 1,
    }
    q = p + r * (1 - p)
    spell = 1 + q / (1 - q)  # E[1 + G]
    spell_square = 1 + 2 * q / (1 - q) + q * (1 + q) / (1 - q) ** 2  # E[(1 + G)^2]
    variance = p * spell_square - (p * spell) ** 2
    assert abs(mean_attempts(orbit) - (1 + p / (1 - q))) <= 4 * math.sqrt(variance / N)
